#pragma once

#include <optional>
#include <string>
#include <vector>

#include "applications/application.h"
#include "core/clock.h"
#include "letters/letter.h"
#include "letters/sign_off.h"
#include "services/agency_service.h"
#include "services/application_service.h"

namespace gongkai::services {

// The free text a clerk adds to a letter; everything else comes from the ledger.
struct LetterRequest {
  letters::LetterKind kind = letters::LetterKind::kReply;
  std::string reason;     // 不予公开 / 部分公开 / （六）3: the reasons in this case
  std::string provision;  // 予以公开: how the information is provided
  std::string published_where;  // 已主动公开: where
  std::string other_agency;     // 本机关不掌握 (Art. 36(5)): the agency responsible
  std::string other_agency_contact;
  std::string previous_reply;  // （五）2: the earlier reply's number
  std::string obtain_from;     // （五）3
  std::string items;           // 补正事项, one per line (default: the 补正 event's note)
  std::string payment_method;  // 收费通知书: account, place
  std::string contact_person;
  std::string reconsideration_body;  // 行政复议机关 (default wording when empty)
  std::string court;
};

// The event a letter answers, and its place in the ledger (Application::events index): the
// decision, or the lapse or withdrawal that concluded the application (答复书 / 告知书), the 补正
// notice, the extension, the fee notice, the last consultation started. nullopt when there is none.
struct AnsweredEvent {
  int seq = 0;
  const applications::Event* event = nullptr;
};
std::optional<AnsweredEvent> AnsweredEventOf(const applications::Application& app,
                                             letters::LetterKind kind);

// How a letter is dated: its 成文日期 is the date of the event it answers unless a clerk chose
// another (stored with the event it was chosen for, so the file copy and every re-download agree).
struct LetterDating {
  Date date;                       // the 成文日期 the letter carries
  std::optional<Date> event_date;  // the answered event's date (the default); none: no such event
  std::string event_label;         // 作出答复, 补正通知, 收费通知 …
  bool chosen = false;             // `date` was set by a clerk
  std::string chosen_by;           // who set it
  Date latest;                     // today (China): no 成文日期 after it
};

// The letters an application's events call for, in this order: 答复书 or 告知书 once concluded
// (letters::DefaultKindFor the decision), 补正通知书 after a 补正 notice, 延期通知书 after an
// extension, 收费通知书 after a fee notice, 征求意见函 after a consultation was started.
std::vector<letters::LetterKind> AvailableLetters(const applications::Application& app);

// Reply letters (答复书, 告知书, 补正/延期/收费通知书, 征求意见函) of one application, built from
// its ledger by the letters library: the dates the letters state (补正、缴费、征求意见 deadlines,
// the new due date) are computed here with the working-day calendar. Thread-safe.
class LetterService {
 public:
  LetterService(storage::Store& store, const Clock& clock, ApplicationService& applications)
      : store_(store), clock_(clock), agencies_(store, clock), applications_(applications) {}

  // The letter of `request.kind`, dated as Dating says. kView on the application's agency
  // (kPermissionDenied, kNotFound); kInvalidArgument (Chinese, from the letters library) when the
  // ledger lacks what the letter needs (a 答复书 before the decision, an agency without its
  // 行政复议机关) or a deadline it states has passed at its 成文日期.
  Result<letters::Letter> Build(const account::Actor& actor, applications::ApplicationId id,
                                const LetterRequest& request);

  // Who drafted, reviewed and signed the decision in force (拟办 and each approval of its run),
  // for the file copy (存档联): account names shown as the user's display name, the role from the
  // agency's chain. Empty when the decision was recorded without approval. kView.
  Result<std::vector<letters::SignOff>> SignOffs(const account::Actor& actor,
                                                 applications::ApplicationId id);
  // The 成文日期 of the letter of `kind` and where it comes from. kView.
  Result<LetterDating> Dating(const account::Actor& actor, applications::ApplicationId id,
                              letters::LetterKind kind);

  // Chooses another 成文日期 for the letter of `kind`: stored and audited (letter_date) in one
  // transaction. kHandleApplications on the agency (kPermissionDenied); kFailedPrecondition when
  // there is no event for that letter yet; kInvalidArgument (Chinese) for a date before the
  // event, after today (the server Clock, China), or after a deadline the letter states
  // (letters::CheckLetterDate) — nothing is stored then.
  Status SetDate(const account::Actor& actor, applications::ApplicationId id,
                 letters::LetterKind kind, Date date);

 private:
  struct Prepared;
  Result<Prepared> Prepare(const account::Actor& actor, applications::ApplicationId id,
                           const LetterRequest& request);

  storage::Store& store_;
  const Clock& clock_;
  AgencyService agencies_;
  ApplicationService& applications_;
};

}  // namespace gongkai::services

#include "services/letter_service.h"

#include <algorithm>

#include "applications/approval.h"

namespace gongkai::services {

namespace {

namespace apps = applications;
using apps::EventType;
using letters::LetterKind;

const apps::Event* LastEvent(const apps::Application& app, EventType type) {
  for (auto it = app.events.rbegin(); it != app.events.rend(); ++it) {
    if (it->type == type) return &*it;
  }
  return nullptr;
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (!line.empty()) out.push_back(line);
    start = end + 1;
  }
  return out;
}

}  // namespace

std::vector<LetterKind> AvailableLetters(const apps::Application& app) {
  std::vector<LetterKind> out;
  if (auto c = apps::ConclusionOf(app.events)) {
    std::optional<apps::Event> decided = apps::EffectiveDecision(app.events);  // 更正 applied
    out.push_back(letters::DefaultKindFor(decided ? decided->outcomes : std::vector{c->row}));
  }
  if (LastEvent(app, EventType::kCorrectionRequested)) out.push_back(LetterKind::kCorrection);
  if (LastEvent(app, EventType::kExtensionApproved)) out.push_back(LetterKind::kExtension);
  if (LastEvent(app, EventType::kFeeNoticeSent)) out.push_back(LetterKind::kFee);
  if (LastEvent(app, EventType::kConsultationStarted)) out.push_back(LetterKind::kConsultation);
  return out;
}

Result<letters::Letter> LetterService::Build(const account::Actor& actor, apps::ApplicationId id,
                                             const LetterRequest& r) {
  GONGKAI_ASSIGN_OR_RETURN(ApplicationDetail d, applications_.Get(actor, id));
  GONGKAI_ASSIGN_OR_RETURN(agency::Agency agency, agencies_.Get(d.app.agency_id));
  auto cal = applications_.calendar();
  if (cal == nullptr) return Unavailable("no calendar", "工作日历未加载，不能生成文书");
  const apps::Application& app = d.app;

  letters::LetterInputs in;
  in.date = clock_.TodayInChina();
  in.reason = r.reason;
  in.provision = r.provision;
  in.published_where = r.published_where;
  in.other_agency = r.other_agency;
  in.other_agency_contact = r.other_agency_contact;
  in.previous_reply = r.previous_reply;
  in.obtain_from = r.obtain_from;
  in.payment_method = r.payment_method;
  in.contact_person = r.contact_person;
  in.reconsideration_body = r.reconsideration_body;
  in.court = r.court;
  if (const apps::Event* e = LastEvent(app, EventType::kCorrectionRequested)) {
    in.correction_days = e->days;
    GONGKAI_ASSIGN_OR_RETURN(in.correction_deadline, cal->AddWorkingDays(e->date, e->days));
    in.correction_items = Lines(r.items.empty() ? e->note : r.items);
  }
  if (const apps::Event* e = LastEvent(app, EventType::kExtensionApproved)) {
    in.extension_days = e->days;
    in.extension_reason = e->note;
    // The due date as of the extension's day, with and without it.
    GONGKAI_ASSIGN_OR_RETURN(apps::ClockState with, apps::ComputeClock(app, e->date, *cal));
    in.new_due = with.due;
    std::vector<apps::Event> before;
    for (const auto& x : app.events) {
      if (&x == e) break;
      before.push_back(x);
    }
    GONGKAI_ASSIGN_OR_RETURN(apps::ClockState without,
                             apps::ComputeClock(app.channel, before, e->date, *cal));
    in.original_due = without.due;
  }
  if (const apps::Event* e = LastEvent(app, EventType::kFeeNoticeSent)) {
    apps::FeeBreakdown fee;
    fee.method = e->fee_method;
    fee.total = e->fee;
    in.fee = fee;
    GONGKAI_ASSIGN_OR_RETURN(in.fee_deadline, cal->AddWorkingDays(e->date, apps::kFeePaymentDays));
  }
  if (const apps::Event* e = LastEvent(app, EventType::kConsultationStarted)) {
    in.third_party = e->party;
    GONGKAI_ASSIGN_OR_RETURN(in.consultation_deadline,
                             cal->AddWorkingDays(e->date, apps::kConsultationDays));
  }
  return letters::BuildLetter(r.kind, app, agency, in);
}

Result<std::vector<letters::SignOff>> LetterService::SignOffs(const account::Actor& actor,
                                                              apps::ApplicationId id) {
  GONGKAI_ASSIGN_OR_RETURN(ApplicationDetail d, applications_.Get(actor, id));
  std::vector<letters::SignOff> out;
  GONGKAI_ASSIGN_OR_RETURN(auto tx, store_.Begin(storage::TxMode::kRead));
  for (const apps::Event* e : apps::DecisionSignOffs(d.app.events)) {
    letters::SignOff s;
    const size_t step = e->type == EventType::kDrafted ? 0 : static_cast<size_t>(e->days);
    s.step = e->type == EventType::kDrafted ? (d.chain.empty() ? "拟办" : d.chain.steps[0].name)
                                            : e->party;
    if (step < d.chain.steps.size()) s.role = account::RoleName(d.chain.steps[step].role);
    s.name = e->actor;
    // An account name: its display name; a name written on paper stays as it is.
    if (auto user = tx->users().GetByUsername(e->actor); user.ok()) {
      if (!user->display_name.empty()) s.name = user->display_name;
    }
    s.date = e->date;
    s.opinion = e->type == EventType::kDrafted ? std::string() : e->note;
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace gongkai::services

#include "services/letter_service.h"

#include <algorithm>

#include "applications/approval.h"
#include "core/text.h"
#include "core/text.h"
#include "services/application_internal.h"
#include "services/audit.h"

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

}  // namespace

std::optional<AnsweredEvent> AnsweredEventOf(const apps::Application& app, LetterKind kind) {
  auto answers = [kind](EventType t) {
    switch (kind) {
      case LetterKind::kReply:
      case LetterKind::kNotice:
        return t == EventType::kDecided || t == EventType::kCorrected ||
               t == EventType::kCorrectionLapsed || t == EventType::kFeeLapsed ||
               t == EventType::kWithdrawn;
      case LetterKind::kCorrection:
        return t == EventType::kCorrectionRequested;
      case LetterKind::kExtension:
        return t == EventType::kExtensionApproved;
      case LetterKind::kFee:
        return t == EventType::kFeeNoticeSent;
      case LetterKind::kConsultation:
        return t == EventType::kConsultationStarted;
    }
    return false;
  };
  for (int i = static_cast<int>(app.events.size()) - 1; i >= 0; --i) {
    if (answers(app.events[i].type)) return AnsweredEvent{i, &app.events[i]};
  }
  return std::nullopt;
}

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

struct LetterService::Prepared {
  apps::Application app;
  agency::Agency agency;
  letters::LetterInputs in;
  std::optional<AnsweredEvent> answered;
  LetterDating dating;
};

Result<LetterService::Prepared> LetterService::Prepare(const account::Actor& actor,
                                                       apps::ApplicationId id,
                                                       const LetterRequest& r) {
  GONGKAI_ASSIGN_OR_RETURN(ApplicationDetail d, applications_.Get(actor, id));
  Prepared p;
  GONGKAI_ASSIGN_OR_RETURN(p.agency, agencies_.Get(d.app.agency_id));
  auto cal = applications_.calendar();
  if (cal == nullptr) return Unavailable("no calendar", "工作日历未加载，不能生成文书");
  p.app = std::move(d.app);
  const apps::Application& app = p.app;

  letters::LetterInputs& in = p.in;
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
    in.correction_items = NonEmptyLines(r.items.empty() ? e->note : r.items);
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
    if (e->pages > 0) {
      GONGKAI_ASSIGN_OR_RETURN(fee, apps::PerVolumeFee(e->pages));  // the bands, printed
    } else {
      fee.method = e->fee_method;
      fee.total = e->fee;
    }
    in.fee = fee;
    GONGKAI_ASSIGN_OR_RETURN(in.fee_deadline, cal->AddWorkingDays(e->date, apps::kFeePaymentDays));
  }
  if (const apps::Event* e = LastEvent(app, EventType::kConsultationStarted)) {
    in.third_party = e->party;
    GONGKAI_ASSIGN_OR_RETURN(in.consultation_deadline,
                             cal->AddWorkingDays(e->date, apps::kConsultationDays));
  }

  LetterDating& dating = p.dating;
  dating.latest = clock_.TodayInChina();
  dating.date = dating.latest;
  p.answered = AnsweredEventOf(app, r.kind);
  if (p.answered) {
    dating.event_date = p.answered->event->date;
    // After a 更正 the reply is dated as the decision now stands (its corrected date, if any).
    if (p.answered->event->type == EventType::kCorrected) {
      if (auto decided = apps::EffectiveDecision(app.events)) dating.event_date = decided->date;
    }
    dating.event_label = std::string(apps::EventTypeLabel(p.answered->event->type));
    dating.date = *dating.event_date;
    GONGKAI_ASSIGN_OR_RETURN(auto tx, store_.Begin(storage::TxMode::kRead));
    GONGKAI_ASSIGN_OR_RETURN(auto chosen,
                             tx->letters().GetDate(id, std::string(letters::KindCode(r.kind))));
    // A date chosen for an earlier event of that kind (e.g. before a corrected decision) is stale.
    if (chosen && chosen->event_seq == p.answered->seq) {
      dating.date = chosen->date;
      dating.chosen = true;
      dating.chosen_by = chosen->set_by;
    }
  }
  in.date = dating.date;
  return p;
}

Result<letters::Letter> LetterService::Build(const account::Actor& actor, apps::ApplicationId id,
                                             const LetterRequest& r) {
  GONGKAI_ASSIGN_OR_RETURN(Prepared p, Prepare(actor, id, r));
  return letters::BuildLetter(r.kind, p.app, p.agency, p.in);
}

Result<LetterDating> LetterService::Dating(const account::Actor& actor, apps::ApplicationId id,
                                           LetterKind kind) {
  LetterRequest r;
  r.kind = kind;
  GONGKAI_ASSIGN_OR_RETURN(Prepared p, Prepare(actor, id, r));
  return p.dating;
}

Status LetterService::SetDate(const account::Actor& actor, apps::ApplicationId id, LetterKind kind,
                              Date date) {
  LetterRequest r;
  r.kind = kind;
  GONGKAI_ASSIGN_OR_RETURN(Prepared p, Prepare(actor, id, r));
  const std::string target = "application:" + std::to_string(id);
  {
    GONGKAI_ASSIGN_OR_RETURN(auto tx, store_.Begin(storage::TxMode::kRead));
    GONGKAI_ASSIGN_OR_RETURN(auto all, tx->agencies().List());
    if (!account::Can(actor, account::Permission::kHandleApplications, p.app.agency_id,
                      account::ParentsOf(all))) {
      tx.reset();
      return DenyAndAudit(store_, clock_, actor, "letter_date", target,
                          "无权修改该机构的文书（需要该机构或其上级机构的经办角色）");
    }
  }
  const std::string label(letters::KindLabel(kind));
  if (!p.answered) {
    return FailedPrecondition("no event for the letter",
                              "尚无" + label + "所答复的办理事项，不能设定成文日期");
  }
  const Date event_date = *p.dating.event_date;
  if (date < event_date) {
    return InvalidArgument("letter date before its event",
                           "成文日期" + date.ToChinese() + "早于" + p.dating.event_label +
                               "的日期" + event_date.ToChinese() + "，不能生成" + label);
  }
  if (date > p.dating.latest) {
    return InvalidArgument("letter date in the future",
                           "成文日期" + date.ToChinese() + "晚于今天（" +
                               p.dating.latest.ToChinese() + "），不能预填日期");
  }
  p.in.date = date;
  GONGKAI_RETURN_IF_ERROR(letters::CheckLetterDate(kind, p.in));
  storage::LetterDate stored{id,
                             std::string(letters::KindCode(kind)),
                             p.answered->seq,
                             date,
                             actor.name,
                             clock_.NowUnixSeconds()};
  return internal::RetryBusy([&]() -> Status {
    GONGKAI_ASSIGN_OR_RETURN(auto tx, store_.Begin(storage::TxMode::kWrite));
    GONGKAI_RETURN_IF_ERROR(tx->letters().PutDate(stored));
    GONGKAI_RETURN_IF_ERROR(AppendAudit(*tx, clock_, actor, "letter_date", target,
                                        std::string(letters::KindCode(kind)) + " " +
                                            date.ToString() + "（" + p.dating.event_label + " " +
                                            event_date.ToString() + "）"));
    return tx->Commit();
  });
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

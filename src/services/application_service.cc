// The applications service: intake and numbering, the public status, reads, events, 报备, cases
// and number patterns. Analysis (duplicates, recomputation, tables) is in
// application_analysis.cc, JSON lines in application_jsonl.cc.
#include "services/application_service.h"

#include <algorithm>

#include "account/password.h"
#include "applications/events.h"
#include "core/text.h"
#include "services/application_internal.h"
#include "services/audit.h"

namespace gongkai::services {

using account::Permission;
using namespace applications;  // NOLINT
using internal::RetryBusy;

namespace {

std::string AppTarget(ApplicationId id) { return "application:" + std::to_string(id); }
std::string AgencyTarget(agency::AgencyId id) { return "agency:" + std::to_string(id); }
std::string Name(EventType t) { return "“" + std::string(EventTypeLabel(t)) + "”"; }

// The audit line of an intake: the number, and the attachments' count when there are any.
std::string AuditDetail(const std::string& number, const std::vector<AttachmentInput>& files) {
  if (files.empty()) return number;
  return number + " 附件" + std::to_string(files.size()) + "个";
}

// How many times a lost append race is retried before giving up.
constexpr int kAppendAttempts = 5;
// Unique-number collisions (a number taken by an import or a changed pattern) skipped per insert.
constexpr int kNumberAttempts = 1000;

}  // namespace

void ApplicationService::SetCalendar(std::shared_ptr<const calendar::WorkingDayCalendar> cal) {
  std::lock_guard lock(calendar_mu_);
  calendar_ = std::move(cal);
}

std::shared_ptr<const calendar::WorkingDayCalendar> ApplicationService::calendar() const {
  return Calendar();
}

std::shared_ptr<const calendar::WorkingDayCalendar> ApplicationService::Calendar() const {
  std::lock_guard lock(calendar_mu_);
  return calendar_;
}

Status ApplicationService::Authorize(const account::Actor& actor, Permission permission,
                                     agency::AgencyId agency, const std::string& action,
                                     const std::string& target) {
  {
    GONGKAI_ASSIGN_OR_RETURN(auto tx, store_.Begin(storage::TxMode::kRead));
    GONGKAI_ASSIGN_OR_RETURN(auto all, tx->agencies().List());
    auto parents = account::ParentsOf(all);
    if (!parents.count(agency)) {
      return NotFound("agency " + std::to_string(agency),
                      "机构（编号 " + std::to_string(agency) + "）不存在");
    }
    if (account::Can(actor, permission, agency, parents)) return Status::Ok();
  }
  return DenyAndAudit(store_, clock_, actor, action, target,
                      permission == Permission::kView
                          ? "无权查看该机构的依申请公开申请（需要该机构或其上级机构的角色）"
                          : "无权办理该机构的依申请公开申请（需要该机构或其上级机构的"
                            "办理角色）");
}

Result<Application> ApplicationService::LoadAuthorized(const account::Actor& actor,
                                                       Permission permission, ApplicationId id,
                                                       const std::string& action) {
  Application app;
  {
    GONGKAI_ASSIGN_OR_RETURN(auto tx, store_.Begin(storage::TxMode::kRead));
    Result<Application> got = tx->applications().Get(id);
    if (!got.ok()) {
      if (got.status().code() == StatusCode::kNotFound) {
        return NotFound("application " + std::to_string(id),
                        "申请（编号 " + std::to_string(id) + "）不存在");
      }
      return got.status();
    }
    app = std::move(got).value();
  }
  GONGKAI_RETURN_IF_ERROR(Authorize(actor, permission, app.agency_id, action, AppTarget(id)));
  return app;
}

Result<SubmitResult> ApplicationService::InsertNumbered(storage::Transaction& tx,
                                                        const Application& app, int year,
                                                        bool with_lookup_code) {
  // Nothing is inserted unless its clock can be computed (the detail page would fail).
  GONGKAI_ASSIGN_OR_RETURN(storage::DueSnapshot snap,
                           internal::CheckedSnapshot(app, clock_.TodayInChina(), *Calendar()));
  GONGKAI_ASSIGN_OR_RETURN(agency::Agency agency, tx.agencies().Get(app.agency_id));
  GONGKAI_ASSIGN_OR_RETURN(auto own, tx.application_meta().GetNumberPattern(app.agency_id));
  std::string pattern = own ? *own : kDefaultNumberPattern;
  Application numbered = app;
  std::optional<ApplicationId> id;
  for (int attempt = 0; !id && attempt < kNumberAttempts; ++attempt) {
    if (attempt > 0 || numbered.number.empty()) {
      GONGKAI_ASSIGN_OR_RETURN(int64_t seq,
                               tx.application_meta().NextSequence(app.agency_id, year));
      numbered.number = internal::FormatNumber(pattern, agency, year, seq);
    }
    Result<ApplicationId> inserted = tx.applications().Insert(numbered);
    if (inserted.ok()) {
      id = *inserted;
    } else if (inserted.status().code() != StatusCode::kAlreadyExists) {
      return inserted.status();
    } else if (!app.number.empty()) {
      return AlreadyExists("number taken: " + app.number,
                           "申请编号" + app.number + "在该机构已被使用");
    }
  }
  if (!id) return Internal("no free number", "无法分配申请编号");
  SubmitResult out;
  out.id = *id;
  out.number = numbered.number;
  if (with_lookup_code) {
    GONGKAI_ASSIGN_OR_RETURN(out.lookup_code, internal::NewLookupCode());
    GONGKAI_RETURN_IF_ERROR(tx.application_meta().SetLookupHash(
        *id, account::Sha256Hex(internal::CanonicalLookupCode(out.lookup_code))));
  }
  snap.id = *id;
  GONGKAI_RETURN_IF_ERROR(tx.application_meta().SetDueSnapshot(snap));
  return out;
}

Result<SubmitResult> ApplicationService::Register(const account::Actor& actor,
                                                  ApplicationInput input,
                                                  std::vector<Event> initial_events,
                                                  std::vector<AttachmentInput> attachments,
                                                  std::vector<FieldError>* errors) {
  GONGKAI_RETURN_IF_ERROR(CheckIntake(&input, attachments, errors));
  for (Event& e : initial_events) {
    if (e.actor.empty()) e.actor = actor.name;
    GONGKAI_RETURN_IF_ERROR(internal::ValidateEventText(&e));
  }
  auto cal = Calendar();
  GONGKAI_RETURN_IF_ERROR(internal::ValidateHistory(input.channel, initial_events, *cal));
  GONGKAI_RETURN_IF_ERROR(Authorize(actor, Permission::kHandleApplications, input.agency_id,
                                    "application_register", AgencyTarget(input.agency_id)));
  Application app = internal::FromInput(input);
  app.events = std::move(initial_events);
  const int year = app.events.front().date.year;
  return RetryBusy([&]() -> Result<SubmitResult> {
    GONGKAI_ASSIGN_OR_RETURN(auto tx, store_.Begin(storage::TxMode::kWrite));
    // A signed-in user's history at intake cannot carry a decision the agency's chain must
    // approve (the console registers paper history as given).
    GONGKAI_ASSIGN_OR_RETURN(account::ApprovalChain chain, ChainIn(*tx, app.agency_id));
    for (const Event& e : app.events) {
      if (!actor.console && !chain.empty() &&
          (e.type == EventType::kDecided || e.type >= EventType::kDrafted)) {
        return FailedPrecondition("decision at intake needs approval",
                                  "本机关的答复须经审批（" + account::DescribeApprovalChain(chain) +
                                      "），登记时不能直接记录" + Name(e.type) +
                                      "：请登记后拟办答复");
      }
    }
    GONGKAI_ASSIGN_OR_RETURN(SubmitResult r, InsertNumbered(*tx, app, year, true));
    GONGKAI_RETURN_IF_ERROR(InsertAttachments(*tx, r.id, attachments));
    GONGKAI_RETURN_IF_ERROR(AppendAudit(*tx, clock_, actor, "application_register", AppTarget(r.id),
                                        AuditDetail(r.number, attachments)));
    GONGKAI_RETURN_IF_ERROR(tx->Commit());
    return r;
  });
}

Result<SubmitResult> ApplicationService::SubmitOnline(ApplicationInput input,
                                                      std::vector<AttachmentInput> attachments,
                                                      std::vector<FieldError>* errors) {
  Date today = clock_.TodayInChina();
  input.channel = Channel::kOnline;
  GONGKAI_RETURN_IF_ERROR(CheckIntake(&input, attachments, errors));
  Application app = internal::FromInput(input);
  account::Actor public_actor;
  public_actor.name = "public";
  for (Event e : {events::Submitted(today), events::Confirmed(today)}) {
    e.actor = "网上申请";
    app.events.push_back(e);
  }
  auto cal = Calendar();
  GONGKAI_RETURN_IF_ERROR(internal::ValidateHistory(app.channel, app.events, *cal));
  const auto clock = internal::TryClock(app, today, *cal);
  return RetryBusy([&]() -> Result<SubmitResult> {
    GONGKAI_ASSIGN_OR_RETURN(auto tx, store_.Begin(storage::TxMode::kWrite));
    Result<agency::Agency> agency = tx->agencies().Get(input.agency_id);
    if (!agency.ok()) {
      return NotFound("agency " + std::to_string(input.agency_id), "所选机构不存在");
    }
    GONGKAI_ASSIGN_OR_RETURN(SubmitResult r, InsertNumbered(*tx, app, today.year, true));
    GONGKAI_RETURN_IF_ERROR(InsertAttachments(*tx, r.id, attachments));
    GONGKAI_RETURN_IF_ERROR(AppendAudit(*tx, clock_, public_actor, "application_submit",
                                        AppTarget(r.id), AuditDetail(r.number, attachments)));
    GONGKAI_RETURN_IF_ERROR(tx->Commit());
    if (clock) {
      r.received = clock->received;
      r.due = clock->due;
      r.due_note = clock->ProvisionalNote();
    }
    return r;
  });
}

Result<ApplicationDetail> ApplicationService::Get(const account::Actor& actor, ApplicationId id) {
  GONGKAI_ASSIGN_OR_RETURN(ApplicationDetail d, LoadDetail(actor, id));
  GONGKAI_RETURN_IF_ERROR(FinishDetail(actor, d, clock_.TodayInChina()));
  return d;
}

Result<ApplicationDetail> ApplicationService::LoadDetail(const account::Actor& actor,
                                                         ApplicationId id) {
  GONGKAI_ASSIGN_OR_RETURN(Application app,
                           LoadAuthorized(actor, Permission::kView, id, "application_view"));
  ApplicationDetail d;
  GONGKAI_ASSIGN_OR_RETURN(auto tx, store_.Begin(storage::TxMode::kRead));
  GONGKAI_ASSIGN_OR_RETURN(agency::Agency agency, tx->agencies().Get(app.agency_id));
  d.agency_name = agency.name;
  GONGKAI_ASSIGN_OR_RETURN(auto cases, tx->applications().ListCases(app.agency_id));
  for (const Case& c : cases) {
    if (c.application_id == id) d.cases.push_back(c);
  }
  GONGKAI_ASSIGN_OR_RETURN(d.filing, tx->application_meta().GetFiling(id));
  GONGKAI_ASSIGN_OR_RETURN(d.chain, ChainIn(*tx, app.agency_id));
  GONGKAI_ASSIGN_OR_RETURN(d.attachments, tx->attachments().List(id));
  d.app = std::move(app);
  return d;
}

Result<ApplicationDetail> ApplicationService::GetAsOf(const account::Actor& actor, ApplicationId id,
                                                      Date as_of) {
  GONGKAI_ASSIGN_OR_RETURN(ApplicationDetail d, LoadDetail(actor, id));
  GONGKAI_RETURN_IF_ERROR(internal::CheckSubmittedBy(d.app, as_of));
  const size_t all = d.app.events.size();
  d.app = internal::AsOf(d.app, as_of);
  d.later_events = static_cast<int>(all - d.app.events.size());
  std::erase_if(d.cases, [as_of](const Case& c) { return as_of < c.filed; });
  for (Case& c : d.cases) {
    c.result = StateOn(c, as_of);
    if (c.result == CaseResult::kPending) c.decided_on.reset();
  }
  d.app.decision_corrected = DecisionCorrected(id, d.cases, as_of);
  if (d.filing && as_of < d.filing->date) d.filing.reset();
  GONGKAI_RETURN_IF_ERROR(FinishDetail(actor, d, as_of));
  return d;
}

Result<ApplicationDetail> ApplicationService::GetByNumber(const account::Actor& actor,
                                                          const std::string& number) {
  std::vector<ApplicationId> found;
  {
    GONGKAI_ASSIGN_OR_RETURN(auto tx, store_.Begin(storage::TxMode::kRead));
    GONGKAI_ASSIGN_OR_RETURN(auto all, tx->agencies().List());
    auto parents = account::ParentsOf(all);
    for (const agency::Agency& a : all) {
      if (!account::Can(actor, Permission::kView, a.id, parents)) continue;
      GONGKAI_ASSIGN_OR_RETURN(auto apps, tx->applications().ListByAgency(a.id));
      for (const Application& app : apps) {
        if (app.number == number) found.push_back(app.id);
      }
    }
  }
  if (found.empty()) return NotFound("number " + number, "没有编号为" + number + "的申请");
  if (found.size() > 1) {
    return InvalidArgument("ambiguous number " + number,
                           "编号" + number + "在多个机构中都有，请改用申请的内部编号");
  }
  return Get(actor, found.front());
}

Result<std::vector<ApplicationSummary>> ApplicationService::List(const account::Actor& actor,
                                                                 agency::AgencyId agency,
                                                                 ListFilter filter) {
  GONGKAI_RETURN_IF_ERROR(
      Authorize(actor, Permission::kView, agency, "application_list", AgencyTarget(agency)));
  GONGKAI_ASSIGN_OR_RETURN(auto tx, store_.Begin(storage::TxMode::kRead));
  GONGKAI_ASSIGN_OR_RETURN(auto apps, tx->applications().ListByAgency(agency));
  GONGKAI_ASSIGN_OR_RETURN(account::ApprovalChain chain, ChainIn(*tx, agency));
  auto cal = Calendar();
  Date today = clock_.TodayInChina();
  std::vector<ApplicationSummary> out;
  for (const Application& app : apps) {
    bool closed = ConclusionOf(app.events).has_value();
    if (filter.state == ListFilter::State::kOpen && closed) continue;
    if (filter.state == ListFilter::State::kClosed && !closed) continue;
    if (filter.year) {
      auto received = ReceiptDate(app.channel, app.events);
      int year = received ? received->year : app.events.front().date.year;
      if (year != *filter.year) continue;
    }
    out.push_back(internal::Summarize(app, internal::TryClock(app, today, *cal), &chain));
  }
  return out;
}

Result<Queue> ApplicationService::QueueOf(const account::Actor& actor, agency::AgencyId agency,
                                          Date as_of) {
  GONGKAI_RETURN_IF_ERROR(
      Authorize(actor, Permission::kView, agency, "application_queue", AgencyTarget(agency)));
  GONGKAI_ASSIGN_OR_RETURN(auto tx, store_.Begin(storage::TxMode::kRead));
  GONGKAI_ASSIGN_OR_RETURN(auto apps, tx->applications().ListByAgency(agency));
  GONGKAI_ASSIGN_OR_RETURN(account::ApprovalChain chain, ChainIn(*tx, agency));
  auto cal = Calendar();
  Queue q;
  for (const Application& whole : apps) {
    if (!internal::CheckSubmittedBy(whole, as_of).ok()) continue;
    const Application app = internal::AsOf(whole, as_of);
    auto clock = internal::TryClock(app, as_of, *cal);
    if (clock && clock->status == ApplicationStatus::kConcluded) continue;
    if (!clock && ConclusionOf(app.events)) continue;
    ApplicationSummary s = internal::Summarize(app, clock, &chain);
    if (s.overdue) {
      q.overdue.push_back(s);
    } else if (s.status == ApplicationStatus::kAwaitingCorrection) {
      q.awaiting_applicant.push_back(s);
    } else if (s.status == ApplicationStatus::kConsulting) {
      q.consulting.push_back(s);
    } else if (s.status == ApplicationStatus::kAwaitingFee) {
      q.awaiting_fee.push_back(s);
    } else if (s.due && s.working_days_left <= kDueSoonWorkingDays) {
      q.due_soon.push_back(s);
    } else {
      q.other_open.push_back(s);
    }
  }
  auto order = [](const ApplicationSummary& a, const ApplicationSummary& b) {
    if (a.due.has_value() != b.due.has_value()) return a.due.has_value();
    if (a.due != b.due) return *a.due < *b.due;
    return ApplicationNumberLess(a.number, b.number);
  };
  for (auto* bucket : {&q.overdue, &q.awaiting_applicant, &q.consulting, &q.awaiting_fee,
                       &q.due_soon, &q.other_open}) {
    std::stable_sort(bucket->begin(), bucket->end(), order);
  }
  return q;
}

Result<ClockState> ApplicationService::ClockOf(const account::Actor& actor, ApplicationId id,
                                               Date as_of) {
  GONGKAI_ASSIGN_OR_RETURN(Application app,
                           LoadAuthorized(actor, Permission::kView, id, "application_view"));
  GONGKAI_RETURN_IF_ERROR(internal::CheckSubmittedBy(app, as_of));
  return ComputeClock(app, as_of, *Calendar());
}

Status ApplicationService::RecordEvent(const account::Actor& actor, ApplicationId id, Event event) {
  return RecordOrCheck(actor, id, std::move(event), false);
}

Status ApplicationService::CheckEvent(const account::Actor& actor, ApplicationId id, Event event) {
  return RecordOrCheck(actor, id, std::move(event), true);
}

Status ApplicationService::RecordOrCheck(const account::Actor& actor, ApplicationId id, Event event,
                                         bool dry_run) {
  // Only the console records in someone else's name (paper records); users act as themselves.
  if (!actor.console || event.actor.empty()) event.actor = actor.name;
  GONGKAI_RETURN_IF_ERROR(internal::ValidateEventText(&event));
  const bool approval = event.type == EventType::kApproved || event.type == EventType::kReturned;
  // Approvers act by their step's role, not by the permission to handle applications.
  GONGKAI_ASSIGN_OR_RETURN(
      Application app,
      LoadAuthorized(actor, approval ? Permission::kView : Permission::kHandleApplications, id,
                     "application_event"));
  if (approval || event.type == EventType::kDrafted) {
    GONGKAI_RETURN_IF_ERROR(AuthorizeStep(actor, app, event.type));
  }
  return AppendEvents(
      actor, id,
      [&](const Application& stored, const account::ApprovalChain& chain) {
        return internal::PrepareEvent(actor, stored, chain, event);
      },
      dry_run);
}

Status ApplicationService::AppendEvents(
    const account::Actor& actor, ApplicationId id,
    const std::function<Result<std::vector<Event>>(const Application&,
                                                   const account::ApprovalChain&)>& prepare,
    bool dry_run) {
  auto cal = Calendar();
  Date today = clock_.TodayInChina();
  for (int attempt = 0;; ++attempt) {
    bool lost_race = false;
    Status s = RetryBusy([&]() -> Status {
      GONGKAI_ASSIGN_OR_RETURN(auto tx, store_.Begin(storage::TxMode::kWrite));
      GONGKAI_ASSIGN_OR_RETURN(Application app, tx->applications().Get(id));
      GONGKAI_ASSIGN_OR_RETURN(account::ApprovalChain chain, ChainIn(*tx, app.agency_id));
      GONGKAI_ASSIGN_OR_RETURN(std::vector<Event> added, prepare(app, chain));
      const int first = static_cast<int>(app.events.size());
      std::string detail;
      for (const Event& e : added) {
        GONGKAI_RETURN_IF_ERROR(ValidateNext(app.channel, app.events, e, *cal));
        app.events.push_back(e);
        detail += (detail.empty() ? "" : "; ") + internal::AuditText(e);
      }
      // The clock with the events, before anything is written: an event whose clock cannot be
      // computed would be stored while the answer (and every later read) fails.
      GONGKAI_ASSIGN_OR_RETURN(storage::DueSnapshot snap,
                               internal::CheckedSnapshot(app, today, *cal));
      if (dry_run) return Status::Ok();
      for (size_t i = 0; i < added.size(); ++i) {
        Status appended = tx->applications().AppendEvent(id, first + static_cast<int>(i), added[i]);
        if (appended.code() == StatusCode::kFailedPrecondition) lost_race = true;
        GONGKAI_RETURN_IF_ERROR(appended);
      }
      GONGKAI_RETURN_IF_ERROR(tx->application_meta().SetDueSnapshot(snap));
      GONGKAI_RETURN_IF_ERROR(
          AppendAudit(*tx, clock_, actor, "application_event", AppTarget(id), detail));
      return tx->Commit();
    });
    // Another writer appended between our read and our append: reload, validate again.
    // ValidateNext's refusals are final.
    if (!lost_race || attempt + 1 >= kAppendAttempts) return s;
  }
}

Status ApplicationService::RecordFiling(const account::Actor& actor, ApplicationId id,
                                        Filing filing) {
  filing.filed_with = Trim(filing.filed_with);
  filing.note = Trim(filing.note);
  if (filing.filed_with.empty() || !IsCleanText(filing.filed_with, false) ||
      CodePointCount(filing.filed_with) > kMaxNameChars) {
    return InvalidArgument("bad filed_with", "请填写报备机关（不超过 100 个字）");
  }
  if (!IsCleanText(filing.note, true) || CodePointCount(filing.note) > kMaxNoteChars) {
    return InvalidArgument("bad note", "备注含有无效字符或过长");
  }
  GONGKAI_ASSIGN_OR_RETURN(Application app, LoadAuthorized(actor, Permission::kHandleApplications,
                                                           id, "application_filing"));
  return RetryBusy([&]() -> Status {
    GONGKAI_ASSIGN_OR_RETURN(auto tx, store_.Begin(storage::TxMode::kWrite));
    GONGKAI_ASSIGN_OR_RETURN(app, tx->applications().Get(id));
    auto conclusion = ConclusionOf(app.events);
    bool decided = std::any_of(app.events.begin(), app.events.end(),
                               [](const Event& e) { return e.type == EventType::kDecided; });
    if (!decided || !conclusion) {
      return FailedPrecondition("not decided", "申请尚未作出答复，不能报备");
    }
    if (filing.date < conclusion->date) {
      return FailedPrecondition("filing before decision", "报备日期不能早于答复日期");
    }
    GONGKAI_ASSIGN_OR_RETURN(auto existing, tx->application_meta().GetFiling(id));
    if (existing) return FailedPrecondition("already filed", "该申请已经报备过");
    GONGKAI_RETURN_IF_ERROR(tx->application_meta().InsertFiling(id, filing));
    GONGKAI_RETURN_IF_ERROR(AppendAudit(*tx, clock_, actor, "application_filing", AppTarget(id),
                                        filing.filed_with + " " + filing.date.ToString()));
    return tx->Commit();
  });
}

Result<CaseId> ApplicationService::AddCase(const account::Actor& actor, Case c) {
  GONGKAI_ASSIGN_OR_RETURN(Application app, LoadAuthorized(actor, Permission::kHandleApplications,
                                                           c.application_id, "application_case"));
  c.agency_id = app.agency_id;
  GONGKAI_RETURN_IF_ERROR(ValidateCase(c));
  if (!ConclusionOf(app.events)) {
    return FailedPrecondition("application open", "申请尚未办结，不能登记复议或诉讼");
  }
  return RetryBusy([&]() -> Result<CaseId> {
    GONGKAI_ASSIGN_OR_RETURN(auto tx, store_.Begin(storage::TxMode::kWrite));
    GONGKAI_ASSIGN_OR_RETURN(CaseId id, tx->applications().InsertCase(c));
    if (c.result == CaseResult::kCorrected) {
      GONGKAI_RETURN_IF_ERROR(tx->applications().SetDecisionCorrected(c.application_id, true));
    }
    GONGKAI_RETURN_IF_ERROR(
        AppendAudit(*tx, clock_, actor, "application_case_add", AppTarget(c.application_id),
                    "case:" + std::to_string(id) + " " + std::string(CaseKindLabel(c.kind)) + " " +
                        std::string(CaseResultLabel(c.result))));
    GONGKAI_RETURN_IF_ERROR(tx->Commit());
    return id;
  });
}

Status ApplicationService::UpdateCase(const account::Actor& actor, Case c) {
  Case old;
  {
    GONGKAI_ASSIGN_OR_RETURN(auto tx, store_.Begin(storage::TxMode::kRead));
    GONGKAI_ASSIGN_OR_RETURN(old, tx->application_meta().GetCase(c.id));
  }
  GONGKAI_RETURN_IF_ERROR(Authorize(actor, Permission::kHandleApplications, old.agency_id,
                                    "application_case_update", AppTarget(old.application_id)));
  old.result = c.result;
  old.decided_on = c.decided_on;
  GONGKAI_RETURN_IF_ERROR(ValidateCase(old));
  return RetryBusy([&]() -> Status {
    GONGKAI_ASSIGN_OR_RETURN(auto tx, store_.Begin(storage::TxMode::kWrite));
    GONGKAI_RETURN_IF_ERROR(tx->applications().UpdateCase(old));
    GONGKAI_ASSIGN_OR_RETURN(auto cases, tx->applications().ListCases(old.agency_id));
    bool corrected = std::any_of(cases.begin(), cases.end(), [&](const Case& k) {
      return k.application_id == old.application_id && k.result == CaseResult::kCorrected;
    });
    GONGKAI_RETURN_IF_ERROR(tx->applications().SetDecisionCorrected(old.application_id, corrected));
    GONGKAI_RETURN_IF_ERROR(AppendAudit(
        *tx, clock_, actor, "application_case_update", AppTarget(old.application_id),
        "case:" + std::to_string(old.id) + " " + std::string(CaseResultLabel(old.result))));
    return tx->Commit();
  });
}

Status ApplicationService::SetNumberPattern(const account::Actor& actor, agency::AgencyId agency,
                                            const std::string& pattern) {
  GONGKAI_RETURN_IF_ERROR(internal::ValidatePattern(pattern));
  GONGKAI_RETURN_IF_ERROR(Authorize(actor, Permission::kHandleApplications, agency,
                                    "application_numbering", AgencyTarget(agency)));
  return RetryBusy([&]() -> Status {
    GONGKAI_ASSIGN_OR_RETURN(auto tx, store_.Begin(storage::TxMode::kWrite));
    GONGKAI_RETURN_IF_ERROR(tx->application_meta().SetNumberPattern(agency, pattern));
    GONGKAI_RETURN_IF_ERROR(
        AppendAudit(*tx, clock_, actor, "application_numbering", AgencyTarget(agency), pattern));
    return tx->Commit();
  });
}

Result<std::string> ApplicationService::NumberPattern(const account::Actor& actor,
                                                      agency::AgencyId agency) {
  GONGKAI_RETURN_IF_ERROR(
      Authorize(actor, Permission::kView, agency, "application_numbering", AgencyTarget(agency)));
  GONGKAI_ASSIGN_OR_RETURN(auto tx, store_.Begin(storage::TxMode::kRead));
  GONGKAI_ASSIGN_OR_RETURN(auto own, tx->application_meta().GetNumberPattern(agency));
  return own ? *own : std::string(kDefaultNumberPattern);
}

}  // namespace gongkai::services

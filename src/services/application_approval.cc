// The approval of decisions (拟办 → 审批 → 签发) and the 更正 of a decision in the applications
// service: the per-agency chain, the role and four-eyes checks, and the console's record of
// approvals given on paper. The generic chain is account/approval_chain.h.
#include <algorithm>

#include "applications/approval.h"
#include "applications/events.h"
#include "services/application_internal.h"
#include "services/application_service.h"
#include "services/audit.h"

namespace gongkai::services {

using account::Permission;
using namespace applications;  // NOLINT
using internal::RetryBusy;

namespace internal {

std::string AuditText(const Event& e) {
  std::string out = std::string(EventTypeCode(e.type)) + " " + e.date.ToString();
  if (e.type == EventType::kApproved || e.type == EventType::kReturned) out += " " + e.party;
  if (!e.outcomes.empty() && e.type != EventType::kDecided) {
    out += " 结果";
    for (OutcomeRow r : e.outcomes) out += " " + std::string(InfoFor(r).code);
  }
  if (e.decision_date) out += " 答复日期 " + e.decision_date->ToString();
  if (e.type == EventType::kCorrected || e.type == EventType::kReturned) {
    out += " 理由：" + e.note;
  }
  return out;
}

Result<std::vector<Event>> PrepareEvent(const account::Actor& actor, const Application& app,
                                        const account::ApprovalChain& chain, Event event) {
  switch (event.type) {
    case EventType::kDecided:
      if (!chain.empty() && !actor.console) {
        return FailedPrecondition("decision needs approval",
                                  "本机关的答复须经审批（" + account::DescribeApprovalChain(chain) +
                                      "）：请先记录“拟办答复”，签发后即作出答复");
      }
      return std::vector<Event>{event};
    case EventType::kDrafted:
      if (chain.empty()) {
        return FailedPrecondition("no approval chain",
                                  "本机关的答复不经审批，请直接记录“作出答复”");
      }
      return std::vector<Event>{event};
    case EventType::kApproved:
    case EventType::kReturned: {
      const Event* draft = PendingDraft(app.events);
      if (draft == nullptr) return FailedPrecondition("no pending draft", "没有待审批的拟办答复");
      const int step = ApprovalsOfPendingDraft(app.events) + 1;
      if (step >= static_cast<int>(chain.steps.size())) {
        return FailedPrecondition("chain changed", "本机关的审批链已变更，请退回后重新拟办");
      }
      event.days = step;
      event.party = chain.steps[step].name;
      GONGKAI_RETURN_IF_ERROR(
          account::CheckStepActor(chain, ApprovalActions(app.events), step, event.actor));
      std::vector<Event> out = {event};
      if (event.type == EventType::kApproved && step + 1 == static_cast<int>(chain.steps.size())) {
        Event decided = events::Decided(event.date, draft->outcomes);
        decided.actor = event.actor;
        decided.note = draft->note;
        out.push_back(std::move(decided));
      }
      return out;
    }
    default:
      return std::vector<Event>{event};
  }
}

}  // namespace internal

namespace {

// The order in which the page offers the next steps: the first available is the most likely.
constexpr EventType kLikely[] = {EventType::kApproved,
                                 EventType::kSignedFor,
                                 EventType::kConfirmed,
                                 EventType::kCorrectionReceived,
                                 EventType::kFeePaid,
                                 EventType::kConsultationAnswered,
                                 EventType::kDrafted,
                                 EventType::kDecided,
                                 EventType::kDelivered,
                                 EventType::kReturned,
                                 EventType::kCorrectionLapsed,
                                 EventType::kFeeLapsed,
                                 EventType::kCorrectionRequested,
                                 EventType::kConsultationStarted,
                                 EventType::kExtensionApproved,
                                 EventType::kFeeNoticeSent,
                                 EventType::kWithdrawn,
                                 EventType::kCorrected};

}  // namespace

Status ApplicationService::FinishDetail(const account::Actor& actor, ApplicationDetail& d,
                                        Date day) {
  auto cal = Calendar();
  GONGKAI_ASSIGN_OR_RETURN(d.clock, ComputeClock(d.app, day, *cal));
  d.pending_approval_step = internal::PendingStep(d.clock, &d.chain);
  if (Result<NextDeadline> next = NextDeadlineOf(d.clock, *cal); next.ok()) d.next_deadline = *next;
  account::AgencyParents parents;
  {
    GONGKAI_ASSIGN_OR_RETURN(auto tx, store_.Begin(storage::TxMode::kRead));
    GONGKAI_ASSIGN_OR_RETURN(auto all, tx->agencies().List());
    parents = account::ParentsOf(all);
  }
  const bool handles =
      account::Can(actor, Permission::kHandleApplications, d.app.agency_id, parents);
  std::vector<EventType> possible = PossibleEvents(d.app.channel, d.app.events, day, *cal);
  auto may = [&](EventType t) {
    if (std::find(possible.begin(), possible.end(), t) == possible.end()) return false;
    const auto& steps = d.chain.steps;
    switch (t) {
      case EventType::kDecided:
        // With a chain, only the last approval (or the console's paper record) decides.
        return handles && (steps.empty() || actor.console) && !PendingDraft(d.app.events);
      case EventType::kDrafted:
        return handles && !steps.empty() &&
               (actor.console || account::HoldsStepRole(actor, steps[0], d.app.agency_id, parents));
      case EventType::kApproved:
      case EventType::kReturned: {
        size_t step = static_cast<size_t>(ApprovalsOfPendingDraft(d.app.events)) + 1;
        if (step >= steps.size()) return false;
        if (!actor.console &&
            !account::HoldsStepRole(actor, steps[step], d.app.agency_id, parents)) {
          return false;
        }
        return account::CheckStepActor(d.chain, ApprovalActions(d.app.events),
                                       static_cast<int>(step), actor.name)
            .ok();
      }
      default:
        return handles;
    }
  };
  d.actions.clear();
  for (EventType t : kLikely) {
    if (may(t)) d.actions.push_back(t);
  }
  // A wait that ran out: recording its lapse is the likely next step.
  for (const ExpiredWait& w : d.clock.expired) {
    EventType lapse = w.kind == WaitKind::kCorrection ? EventType::kCorrectionLapsed
                      : w.kind == WaitKind::kFee      ? EventType::kFeeLapsed
                                                      : EventType::kDrafted;
    auto it = std::find(d.actions.begin(), d.actions.end(), lapse);
    if (it != d.actions.end()) std::rotate(d.actions.begin(), it, it + 1);
    break;
  }
  return Status::Ok();
}

Result<account::ApprovalChain> ApplicationService::ChainIn(storage::Transaction& tx,
                                                           agency::AgencyId agency) {
  GONGKAI_ASSIGN_OR_RETURN(
      auto text, tx.application_meta().GetApprovalChain(agency, kDecisionApprovalSubject));
  if (!text) return account::DefaultDecisionChain();
  return account::ParseApprovalChain(*text);
}

Status ApplicationService::AuthorizeStep(const account::Actor& actor, const Application& app,
                                         EventType type) {
  if (actor.console) return Status::Ok();
  account::ApprovalChain chain;
  account::AgencyParents parents;
  {
    GONGKAI_ASSIGN_OR_RETURN(auto tx, store_.Begin(storage::TxMode::kRead));
    GONGKAI_ASSIGN_OR_RETURN(chain, ChainIn(*tx, app.agency_id));
    GONGKAI_ASSIGN_OR_RETURN(auto all, tx->agencies().List());
    parents = account::ParentsOf(all);
  }
  size_t step = 0;
  if (type != EventType::kDrafted) {
    if (PendingDraft(app.events) == nullptr) return Status::Ok();  // refused later, with reason
    step = static_cast<size_t>(ApprovalsOfPendingDraft(app.events)) + 1;
  }
  if (step >= chain.steps.size() ||
      account::HoldsStepRole(actor, chain.steps[step], app.agency_id, parents)) {
    return Status::Ok();
  }
  const account::ApprovalStep& s = chain.steps[step];
  return DenyAndAudit(store_, clock_, actor, "application_approval",
                      "application:" + std::to_string(app.id),
                      "无权办理“" + s.name + "”（需要该机构的“" +
                          std::string(account::RoleName(s.role)) + "”角色）");
}

Status ApplicationService::RecordPaperDecision(const account::Actor& actor, ApplicationId id,
                                               Event decision, const std::string& drafter,
                                               const std::vector<PaperApproval>& approvals) {
  if (!actor.console) {
    return PermissionDenied("paper approvals need the console",
                            "纸面审批只能在服务器控制台（gongkai app event）记录");
  }
  decision.type = EventType::kDecided;
  if (decision.actor.empty()) decision.actor = actor.name;
  GONGKAI_RETURN_IF_ERROR(internal::ValidateEventText(&decision));
  GONGKAI_RETURN_IF_ERROR(
      LoadAuthorized(actor, Permission::kHandleApplications, id, "application_event").status());
  return AppendEvents(
      actor, id,
      [&](const Application& app,
          const account::ApprovalChain& chain) -> Result<std::vector<Event>> {
        if (chain.empty()) {
          return FailedPrecondition("no approval chain",
                                    "本机关的答复不经审批，不需要填写审批人（--approved-by）");
        }
        std::string wanted;
        for (size_t i = 1; i < chain.steps.size(); ++i) {
          wanted += (wanted.empty() ? "" : ",") + chain.steps[i].name + "=姓名";
        }
        bool fits = approvals.size() + 1 == chain.steps.size();
        for (size_t i = 0; fits && i < approvals.size(); ++i) {
          fits = approvals[i].step == chain.steps[i + 1].name && !approvals[i].name.empty();
        }
        if (!fits) {
          return InvalidArgument("approvals do not fit the chain",
                                 "审批人应按本机关审批链（" +
                                     account::DescribeApprovalChain(chain) + "）逐步填写：" +
                                     wanted);
        }
        Event draft = events::Drafted(decision.date, decision.outcomes);
        draft.actor = drafter.empty() ? decision.actor : drafter;
        draft.note = decision.note;
        GONGKAI_RETURN_IF_ERROR(internal::ValidateEventText(&draft));
        std::vector<Event> out = {draft};
        std::vector<account::StepAction> actions = ApprovalActions(app.events);
        actions.push_back({0, true, draft.actor, draft.date, ""});
        for (size_t i = 0; i < approvals.size(); ++i) {
          const int step = static_cast<int>(i) + 1;
          Event a = events::Approved(decision.date, step, chain.steps[step].name);
          a.actor = approvals[i].name;
          GONGKAI_RETURN_IF_ERROR(internal::ValidateEventText(&a));
          GONGKAI_RETURN_IF_ERROR(account::CheckStepActor(chain, actions, step, a.actor));
          actions.push_back({step, true, a.actor, a.date, ""});
          out.push_back(std::move(a));
        }
        out.push_back(decision);
        return out;
      });
}

Result<account::ApprovalChain> ApplicationService::DecisionChain(const account::Actor& actor,
                                                                 agency::AgencyId agency) {
  GONGKAI_RETURN_IF_ERROR(Authorize(actor, Permission::kView, agency, "approval_chain_view",
                                    "agency:" + std::to_string(agency)));
  GONGKAI_ASSIGN_OR_RETURN(auto tx, store_.Begin(storage::TxMode::kRead));
  return ChainIn(*tx, agency);
}

Status ApplicationService::SetDecisionChain(const account::Actor& actor, agency::AgencyId agency,
                                            const std::string& text) {
  GONGKAI_ASSIGN_OR_RETURN(account::ApprovalChain chain, account::ParseApprovalChain(text));
  GONGKAI_RETURN_IF_ERROR(Authorize(actor, Permission::kManageAgency, agency, "approval_chain",
                                    "agency:" + std::to_string(agency)));
  const std::string stored = account::FormatApprovalChain(chain);
  return RetryBusy([&]() -> Status {
    GONGKAI_ASSIGN_OR_RETURN(auto tx, store_.Begin(storage::TxMode::kWrite));
    GONGKAI_RETURN_IF_ERROR(
        tx->application_meta().SetApprovalChain(agency, kDecisionApprovalSubject, stored));
    GONGKAI_RETURN_IF_ERROR(AppendAudit(*tx, clock_, actor, "approval_chain",
                                        "agency:" + std::to_string(agency), stored));
    return tx->Commit();
  });
}

}  // namespace gongkai::services

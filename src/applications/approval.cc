#include "applications/approval.h"

namespace gongkai::applications {

namespace {

bool IsApproval(EventType t) {
  return t == EventType::kDrafted || t == EventType::kApproved || t == EventType::kReturned;
}

}  // namespace

const Event* PendingDraft(const std::vector<Event>& events) {
  const Event* draft = nullptr;
  for (const Event& e : events) {
    if (e.type == EventType::kDrafted) draft = &e;
    if (e.type == EventType::kReturned || e.type == EventType::kDecided) draft = nullptr;
  }
  return draft;
}

int ApprovalsOfPendingDraft(const std::vector<Event>& events) {
  int n = 0;
  for (const Event& e : events) {
    if (e.type == EventType::kDrafted) n = 0;
    if (e.type == EventType::kApproved) ++n;
  }
  return PendingDraft(events) ? n : 0;
}

std::vector<account::StepAction> ApprovalActions(const std::vector<Event>& events) {
  std::vector<account::StepAction> out;
  for (const Event& e : events) {
    if (!IsApproval(e.type)) continue;
    account::StepAction a;
    a.step = e.type == EventType::kDrafted ? 0 : e.days;
    a.approved = e.type != EventType::kReturned;
    a.by = e.actor;
    a.date = e.date;
    a.reason = e.note;
    out.push_back(std::move(a));
  }
  return out;
}

std::vector<const Event*> DecisionSignOffs(const std::vector<Event>& events) {
  std::vector<const Event*> run;
  for (const Event& e : events) {
    if (e.type == EventType::kDrafted) run = {&e};
    if (e.type == EventType::kApproved && !run.empty()) run.push_back(&e);
    if (e.type == EventType::kReturned) run.clear();
    if (e.type == EventType::kDecided) return run;
  }
  return {};
}

}  // namespace gongkai::applications

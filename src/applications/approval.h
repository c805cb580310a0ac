#pragma once
// The approval of a 依申请公开 decision in the event list: a 拟办答复 (kDrafted) is step 0 of an
// account::ApprovalChain run, each 审批通过 / 退回拟办 (kApproved / kReturned, `days` = the step's
// number) a later step, and the 作出答复 appended with the last approval ends the run. Pure.
#include <vector>

#include "account/approval_chain.h"
#include "applications/application.h"

namespace gongkai::applications {

// The pending draft: the last 拟办答复 neither returned nor followed by 作出答复; nullptr when
// none.
const Event* PendingDraft(const std::vector<Event>& events);
// How many steps approved the pending draft so far (0 when none is pending).
int ApprovalsOfPendingDraft(const std::vector<Event>& events);

// Every draft, approval and return, in order, as actions of the generic chain (by = the event's
// actor).
std::vector<account::StepAction> ApprovalActions(const std::vector<Event>& events);

// The sign-offs of the decision in force: the last run's 拟办 and approvals (empty when the
// decision was recorded without approval, e.g. imported history).
std::vector<const Event*> DecisionSignOffs(const std::vector<Event>& events);

}  // namespace gongkai::applications

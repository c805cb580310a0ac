#pragma once
// A small, generic approval chain (审批链): ordered, named steps, each acted on by a person holding
// the step's role. Step 0 is the drafting step (拟办): recording the draft completes it. Every
// later step approves (通过) or returns (退回, with a reason) the draft; a return ends the run and
// the drafter starts a new one. The last step's approval completes the run. Nothing here knows
// what is being approved: 依申请公开 decisions use it (applications/approval.h), and 主动公开
// review can use the same chain, actions and rules. Pure.
//
// The four-eyes rule: a step marked `distinct` (the default) must be acted on by a person who has
// not acted on any earlier step of the same run; a step written with a trailing "~" in the text
// form may be acted on by the same person as an earlier step.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "account/account.h"
#include "account/permissions.h"
#include "core/date.h"
#include "core/result.h"

namespace gongkai::account {

struct ApprovalStep {
  std::string name;  // 拟办, 法制审核, 签发 … (1–20 characters, unique within the chain)
  Role role = Role::kApplicationClerk;
  bool distinct = true;  // must differ from every person acting on an earlier step
};

// Empty = no approval: what it governs counts at once.
struct ApprovalChain {
  std::vector<ApprovalStep> steps;
  bool empty() const { return steps.empty(); }
};

// 拟办 (依申请公开经办人) → 法制审核 (法制审核) → 签发 (签发领导).
ApprovalChain DefaultDecisionChain();

// Text form: "拟办:application_clerk,法制审核:legal_reviewer,签发:signing_leader" (roles by code
// or Chinese name; "~" after a role allows the same person as an earlier step), or "none" / "无"
// for no approval. At least two steps, at most 8. kInvalidArgument (Chinese) otherwise.
Result<ApprovalChain> ParseApprovalChain(std::string_view text);
// The text form with role codes; "none" for an empty chain.
std::string FormatApprovalChain(const ApprovalChain& chain);
// "拟办（依申请公开经办人）→ 法制审核（法制审核）→ 签发（签发领导）", or "不经审批（即时生效）".
std::string DescribeApprovalChain(const ApprovalChain& chain);

// One action of a run: the draft (step 0) or an approval/return of a later step.
struct StepAction {
  int step = 0;
  bool approved = true;  // false: returned
  std::string by;        // the person (account name, or the name written on paper)
  Date date;
  std::string reason;  // 退回理由 / 审核意见
};

// Where a run stands after `actions` (in order, starting with the draft).
struct RunState {
  bool open = false;      // drafted, neither returned nor fully approved
  bool complete = false;  // every step approved
  int next_step = 0;      // the step to act on next while open
};
RunState StateOf(const ApprovalChain& chain, const std::vector<StepAction>& actions);

// Ok when `by` may act on `step` next: the run is open at that step and the four-eyes rule holds.
// kFailedPrecondition (Chinese) otherwise. The role is checked separately (HoldsStepRole).
Status CheckStepActor(const ApprovalChain& chain, const std::vector<StepAction>& actions, int step,
                      const std::string& by);

// True when `actor` holds the step's role on `agency` or an agency above it. Administrators do
// not bypass an approval step: the role itself is required (the console records paper
// approvals by name instead).
bool HoldsStepRole(const Actor& actor, const ApprovalStep& step, agency::AgencyId agency,
                   const AgencyParents& parents);

}  // namespace gongkai::account

#include "account/approval_chain.h"

#include "core/text.h"

namespace gongkai::account {

namespace {

constexpr size_t kMaxSteps = 8;
constexpr size_t kMaxStepNameChars = 20;

Status Bad(const std::string& en, const std::string& zh) { return InvalidArgument(en, zh); }

std::vector<std::string_view> Split(std::string_view text, char sep) {
  std::vector<std::string_view> out;
  while (true) {
    size_t pos = text.find(sep);
    out.push_back(text.substr(0, pos));
    if (pos == std::string_view::npos) return out;
    text = text.substr(pos + 1);
  }
}

}  // namespace

ApprovalChain DefaultDecisionChain() {
  return ApprovalChain{{{"拟办", Role::kApplicationClerk, true},
                        {"法制审核", Role::kLegalReviewer, true},
                        {"签发", Role::kSigningLeader, true}}};
}

Result<ApprovalChain> ParseApprovalChain(std::string_view raw) {
  std::string text = Trim(raw);
  ApprovalChain chain;
  if (text == "none" || text == "无") return chain;
  const std::string hint =
      "（格式：步骤名:角色,步骤名:角色…，如“拟办:application_clerk,法制审核:legal_reviewer,签发:"
      "signing_leader”；不审批填 none）";
  if (!IsCleanText(text, false) || text.empty()) {
    return Bad("bad chain text", "审批链无效" + hint);
  }
  for (std::string_view part : Split(text, ',')) {
    std::string item = Trim(part);
    size_t colon = item.find(':');
    if (colon == std::string::npos) {
      return Bad("step without role", "审批步骤“" + item + "”缺少角色" + hint);
    }
    ApprovalStep step;
    step.name = Trim(item.substr(0, colon));
    std::string role = Trim(item.substr(colon + 1));
    if (!role.empty() && role.back() == '~') {
      step.distinct = false;
      role.pop_back();
    }
    if (step.name.empty() || CodePointCount(step.name) > kMaxStepNameChars) {
      return Bad("bad step name", "审批步骤名称应为1至20个字" + hint);
    }
    for (const ApprovalStep& s : chain.steps) {
      if (s.name == step.name) return Bad("duplicate step", "审批步骤“" + step.name + "”重复");
    }
    Result<Role> r = ParseRole(role);
    if (!r.ok()) return r.status();
    if (*r == Role::kSystemAdmin || *r == Role::kReadOnly) {
      return Bad("role cannot approve",
                 "角色“" + std::string(RoleName(*r)) + "”不能作为审批步骤的角色");
    }
    step.role = *r;
    chain.steps.push_back(std::move(step));
  }
  if (chain.steps.size() < 2 || chain.steps.size() > kMaxSteps) {
    return Bad("chain length", "审批链应有2至8个步骤（第一步为拟办），不审批请填 none");
  }
  return chain;
}

std::string FormatApprovalChain(const ApprovalChain& chain) {
  if (chain.empty()) return "none";
  std::string out;
  for (const ApprovalStep& s : chain.steps) {
    if (!out.empty()) out += ',';
    out += s.name + ":" + std::string(RoleCode(s.role)) + (s.distinct ? "" : "~");
  }
  return out;
}

std::string DescribeApprovalChain(const ApprovalChain& chain) {
  if (chain.empty()) return "不经审批（即时生效）";
  std::string out;
  for (const ApprovalStep& s : chain.steps) {
    if (!out.empty()) out += " → ";
    out += s.name + "（" + std::string(RoleName(s.role)) + (s.distinct ? "" : "，可与前一步同人") +
           "）";
  }
  return out;
}

RunState StateOf(const ApprovalChain& chain, const std::vector<StepAction>& actions) {
  RunState st;
  for (const StepAction& a : actions) {
    if (a.step == 0) {
      st = RunState{true, false, 1};
      continue;
    }
    if (!st.open) continue;
    if (!a.approved) {
      st = RunState{};
      continue;
    }
    st.next_step = a.step + 1;
    if (st.next_step >= static_cast<int>(chain.steps.size())) st = RunState{false, true, 0};
  }
  return st;
}

Status CheckStepActor(const ApprovalChain& chain, const std::vector<StepAction>& actions, int step,
                      const std::string& by) {
  RunState st = StateOf(chain, actions);
  if (!st.open) return FailedPrecondition("no open run", "没有待审批的拟办");
  if (step != st.next_step || step >= static_cast<int>(chain.steps.size())) {
    return FailedPrecondition("not the next step",
                              "当前待" + chain.steps[st.next_step].name + "，不能办理其他步骤");
  }
  const ApprovalStep& s = chain.steps[step];
  if (!s.distinct) return Status::Ok();
  // The actions of the open run: from its draft on.
  size_t first = 0;
  for (size_t i = 0; i < actions.size(); ++i) {
    if (actions[i].step == 0) first = i;
  }
  for (size_t i = first; i < actions.size(); ++i) {
    if (actions[i].by == by) {
      return FailedPrecondition("same person on two steps",
                                by + "已办理本次审批的“" + chain.steps[actions[i].step].name +
                                    "”，不能再办理“" + s.name + "”（同一人不得办理两个审批步骤）");
    }
  }
  return Status::Ok();
}

bool HoldsStepRole(const Actor& actor, const ApprovalStep& step, agency::AgencyId agency,
                   const AgencyParents& parents) {
  std::optional<agency::AgencyId> cur = agency;
  for (int depth = 0; cur && depth < 64; ++depth) {
    for (const RoleGrant& g : actor.grants) {
      if (g.agency_id == cur && g.role == step.role) return true;
    }
    auto it = parents.find(*cur);
    if (it == parents.end()) break;
    cur = it->second;
  }
  return false;
}

}  // namespace gongkai::account

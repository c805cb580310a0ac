#include "account/approval_chain.h"

#include <gtest/gtest.h>

namespace gongkai::account {
namespace {

TEST(ApprovalChainTest, ParsesFormatsAndDescribes) {
  ApprovalChain def = DefaultDecisionChain();
  EXPECT_EQ(FormatApprovalChain(def),
            "拟办:application_clerk,法制审核:legal_reviewer,签发:signing_leader");
  EXPECT_EQ(DescribeApprovalChain(def),
            "拟办（依申请公开经办人） → 法制审核（法制审核） → 签发（签发领导）");
  auto parsed = ParseApprovalChain("拟办:依申请公开经办人, 签发:签发领导~");
  ASSERT_TRUE(parsed.ok()) << parsed.status().UserMessage();
  ASSERT_EQ(parsed->steps.size(), 2u);
  EXPECT_EQ(parsed->steps[1].role, Role::kSigningLeader);
  EXPECT_FALSE(parsed->steps[1].distinct);
  EXPECT_EQ(FormatApprovalChain(*parsed), "拟办:application_clerk,签发:signing_leader~");
  EXPECT_TRUE(ParseApprovalChain("none")->empty());
  EXPECT_EQ(DescribeApprovalChain(*ParseApprovalChain("无")), "不经审批（即时生效）");
  EXPECT_EQ(ParseApprovalChain("拟办:application_clerk").status().UserMessage(),
            "审批链应有2至8个步骤（第一步为拟办），不审批请填 none");
  EXPECT_EQ(ParseApprovalChain("拟办:application_clerk,拟办:legal_reviewer").status().UserMessage(),
            "审批步骤“拟办”重复");
  EXPECT_EQ(ParseApprovalChain("拟办:application_clerk,签发:system_admin").status().UserMessage(),
            "角色“系统管理员”不能作为审批步骤的角色");
  EXPECT_EQ(ParseRole("签发领导").value(), Role::kSigningLeader);
  EXPECT_EQ(RoleCode(Role::kSigningLeader), "signing_leader");
}

TEST(ApprovalChainTest, RunStateAndTheFourEyesRule) {
  ApprovalChain chain = DefaultDecisionChain();
  std::vector<StepAction> a = {{0, true, "clerk", {2024, 10, 21}, ""}};
  EXPECT_EQ(StateOf(chain, a).next_step, 1);
  EXPECT_TRUE(StateOf(chain, a).open);
  EXPECT_EQ(CheckStepActor(chain, a, 2, "leader").UserMessage(),
            "当前待法制审核，不能办理其他步骤");
  a.push_back({1, true, "legal", {2024, 10, 22}, ""});
  EXPECT_EQ(CheckStepActor(chain, a, 2, "legal").UserMessage(),
            "legal已办理本次审批的“法制审核”，不能再办理“签发”（同一人不得办理两个审批步骤）");
  EXPECT_TRUE(CheckStepActor(chain, a, 2, "leader").ok());
  a.push_back({2, true, "leader", {2024, 10, 23}, ""});
  EXPECT_TRUE(StateOf(chain, a).complete);
  EXPECT_EQ(CheckStepActor(chain, a, 1, "x").UserMessage(), "没有待审批的拟办");
  // A step marked "~" may be the same person as an earlier one.
  ApprovalChain same = ParseApprovalChain("拟办:application_clerk,签发:application_clerk~").value();
  EXPECT_TRUE(CheckStepActor(same, {{0, true, "clerk", {2024, 10, 21}, ""}}, 1, "clerk").ok());
}

TEST(ApprovalChainTest, HoldingTheRoleOnTheAgencyOrAbove) {
  AgencyParents parents = {{1, std::nullopt}, {2, 1}, {3, 1}};
  Actor leader;
  leader.grants = {{Role::kSigningLeader, 1}};
  Actor admin;
  admin.grants = {{Role::kSystemAdmin, std::nullopt}, {Role::kAgencyAdmin, 2}};
  ApprovalStep sign = DefaultDecisionChain().steps[2];
  EXPECT_TRUE(HoldsStepRole(leader, sign, 2, parents));  // granted on the parent
  EXPECT_FALSE(HoldsStepRole(admin, sign, 2, parents));  // administrators do not bypass
  Actor other;
  other.grants = {{Role::kSigningLeader, 3}};
  EXPECT_FALSE(HoldsStepRole(other, sign, 2, parents));  // a sibling agency's leader
}

}  // namespace
}  // namespace gongkai::account

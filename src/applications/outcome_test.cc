#include "applications/outcome.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace gongkai::applications {
namespace {

TEST(OutcomeTest, HasTheTwentyOneLeavesOfTheTemplateInOrder) {
  auto all = AllOutcomes();
  ASSERT_EQ(all.size(), 21u);  // + （七）总计 = the 22 rows of block 三
  std::set<std::string_view> codes;
  for (size_t i = 0; i < all.size(); ++i) {
    EXPECT_EQ(static_cast<size_t>(all[i].row), i);
    codes.insert(all[i].code);
  }
  EXPECT_EQ(codes.size(), 21u);
  EXPECT_EQ(FullLabel(OutcomeRow::kDisclosed), "（一）予以公开");
  EXPECT_EQ(FullLabel(OutcomeRow::kEndangersSecurity), "（三）不予公开3.危及“三安全一稳定”");
  EXPECT_EQ(
      FullLabel(OutcomeRow::kFeeLapsed),
      "（六）其他处理2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请");
  EXPECT_EQ(InfoFor(OutcomeRow::kNeedsCreation).basis, "《条例》第三十八条");
  EXPECT_FALSE(InfoFor(OutcomeRow::kCorrectionLapsed).decidable);
  EXPECT_FALSE(InfoFor(OutcomeRow::kFeeLapsed).decidable);
  EXPECT_TRUE(InfoFor(OutcomeRow::kOtherHandling).decidable);
}

TEST(OutcomeTest, ParsesMachineAndPrintedCodes) {
  EXPECT_EQ(ParseOutcome("3.1").value(), OutcomeRow::kStateSecret);
  EXPECT_EQ(ParseOutcome("（三）1").value(), OutcomeRow::kStateSecret);
  EXPECT_EQ(ParseOutcome("（五）4").value(), OutcomeRow::kMassApplications);
  EXPECT_EQ(ParseOutcome("（二）").value(), OutcomeRow::kPartlyDisclosed);
  EXPECT_EQ(ParseOutcome("6.3").value(), OutcomeRow::kOtherHandling);
  auto bad = ParseOutcome("（三）9");
  EXPECT_EQ(bad.status().UserMessage(), "办理结果“（三）9”无效，应为表三的一个末级行，如（三）1");
}

TEST(OutcomeTest, SeparableDecisionCountsOnlyAsPartlyDisclosed) {
  std::vector<OutcomeRow> one{OutcomeRow::kNotHeld};
  EXPECT_EQ(CountedRow(one).value(), OutcomeRow::kNotHeld);
  // 区分处理 (Art. 37): disclosed part + withheld parts → （二） only.
  std::vector<OutcomeRow> split{OutcomeRow::kDisclosed, OutcomeRow::kThirdPartyRights,
                                OutcomeRow::kProcessInformation};
  EXPECT_EQ(CountedRow(split).value(), OutcomeRow::kPartlyDisclosed);
  std::vector<OutcomeRow> both_disclosed{OutcomeRow::kDisclosed, OutcomeRow::kDisclosed};
  EXPECT_EQ(CountedRow(both_disclosed).value(), OutcomeRow::kDisclosed);
  // Several withholding grounds: the first (principal) one.
  std::vector<OutcomeRow> withheld{OutcomeRow::kStateSecret, OutcomeRow::kNotHeld};
  EXPECT_EQ(CountedRow(withheld).value(), OutcomeRow::kStateSecret);
  EXPECT_FALSE(CountedRow({}).ok());
}

}  // namespace
}  // namespace gongkai::applications

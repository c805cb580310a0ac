#include "letters/sample.h"

#include <gtest/gtest.h>

namespace gongkai::letters {
namespace {

using applications::OutcomeRow;

TEST(SampleLetterTest, ParsesOutcomesByCodePrintedFormOrLabel) {
  EXPECT_EQ(ParseOutcomeName("3.1").value(), OutcomeRow::kStateSecret);
  EXPECT_EQ(ParseOutcomeName("（五）2").value(), OutcomeRow::kRepeatedApplication);
  EXPECT_EQ(ParseOutcomeName("予以公开").value(), OutcomeRow::kDisclosed);
  EXPECT_EQ(ParseOutcomeName("部分公开").value(), OutcomeRow::kPartlyDisclosed);
  EXPECT_EQ(ParseOutcomeName("本机关不掌握相关政府信息").value(), OutcomeRow::kNotHeld);
  EXPECT_EQ(ParseOutcomeName("不予公开").status().UserMessage(),
            "未知的答复结果：不予公开（可用编号如 3.1、（三）1，或名称如 予以公开、属于国家秘密）");
}

TEST(SampleLetterTest, EveryKindAndOutcomeBuilds) {
  for (LetterKind kind : {LetterKind::kExtension, LetterKind::kFee, LetterKind::kConsultation}) {
    EXPECT_TRUE(SampleLetter(kind, std::nullopt, {2024, 10, 30}).ok()) << KindCode(kind);
  }
  // The sample 补正 notice (10-10, 补正期限 to 10-24) is dated its own day; after 10-24, refused.
  EXPECT_TRUE(SampleLetter(LetterKind::kCorrection, std::nullopt, {2024, 10, 10}).ok());
  EXPECT_EQ(SampleLetter(LetterKind::kCorrection, std::nullopt, {2024, 10, 30}).status().code(),
            StatusCode::kInvalidArgument);
  for (const auto& info : applications::AllOutcomes()) {
    auto letter = SampleLetter(DefaultKindFor({info.row}), info.row, {2024, 10, 30});
    ASSERT_TRUE(letter.ok()) << info.code << " " << letter.status().UserMessage();
    EXPECT_EQ(letter->number.empty(), false);
  }
  auto withdrawn = SampleLetter(LetterKind::kNotice, OutcomeRow::kOtherHandling, {2024, 10, 30});
  EXPECT_EQ(withdrawn->body[1], "经审查，申请人已于2024年10月15日撤回申请。");
}

}  // namespace
}  // namespace gongkai::letters

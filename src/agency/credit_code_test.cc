#include "agency/credit_code.h"

#include <gtest/gtest.h>

namespace gongkai::agency {
namespace {

TEST(CreditCodeTest, AcceptsRealCodes) {
  EXPECT_TRUE(ValidateCreditCode("11341702486344515H").ok());  // 宁国市商务局
  EXPECT_TRUE(ValidateCreditCode("91350100M000100Y43").ok());
  EXPECT_TRUE(ValidateCreditCode(" 11341702486344515h ").ok());
}

TEST(CreditCodeTest, NamesTheWrongCheckCharacter) {
  Status s = ValidateCreditCode("11341702486344515J");
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(s.UserMessage(),
            "统一社会信用代码“11341702486344515J”无效：校验位（第18位）应为“H”，实际为“J”");
}

TEST(CreditCodeTest, RejectsWrongLengthAndCharacters) {
  EXPECT_EQ(ValidateCreditCode("1134170248634451").UserMessage(),
            "统一社会信用代码“1134170248634451”无效：应为18位，实际为16位");
  EXPECT_EQ(
      ValidateCreditCode("11341702486344515I").UserMessage(),
      "统一社会信用代码“11341702486344515I”无效：第18位“I”不是允许的字符（数字或除 I、O、S、V、Z "
      "外的大写字母）");
  EXPECT_EQ(ValidateCreditCode("11A41702486344515H").UserMessage(),
            "统一社会信用代码“11A41702486344515H”无效：第3–8位（行政区划码）应为数字");
  EXPECT_FALSE(ValidateCreditCode("").ok());
}

TEST(CreditCodeTest, ChecksTheEmbeddedOrganizationCode) {
  // Position 17 is the 组织机构代码's own check digit (5 here).
  EXPECT_EQ(
      ValidateCreditCode("11341702486344516H").UserMessage(),
      "统一社会信用代码“11341702486344516H”无效：第9–17位（组织机构代码）校验位应为“5”，实际为“6”");
}

TEST(CreditCodeTest, ComputesCheckChar) {
  EXPECT_EQ(CreditCodeCheckChar("11341702486344515"), 'H');
  EXPECT_EQ(CreditCodeCheckChar("1134170248634451I"), '\0');
}

}  // namespace
}  // namespace gongkai::agency

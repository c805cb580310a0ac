#include "screening/privacy.h"

#include <gtest/gtest.h>

namespace gongkai::screening {
namespace {

const Date kToday{2024, 6, 1};

TEST(PrivacyTest, ResidentId18ChecksDigitAreaAndBirthDate) {
  EXPECT_TRUE(IsValidResidentId18("11010519491231002X", kToday));
  EXPECT_TRUE(IsValidResidentId18("11010519491231002x", kToday));
  EXPECT_TRUE(IsValidResidentId18("440304199001011233", kToday));
  EXPECT_FALSE(IsValidResidentId18("440304199001011234", kToday));            // check digit
  EXPECT_FALSE(IsValidResidentId18("320102198502301233", kToday));            // 30 February
  EXPECT_FALSE(IsValidResidentId18("990304199001011233", kToday));            // no province 99
  EXPECT_FALSE(IsValidResidentId18("440304199001011233", Date{1989, 1, 1}));  // unborn
}

TEST(PrivacyTest, ResidentIdAreaCodeStructure) {
  // Valid check digits and dates throughout; only the area code differs.
  EXPECT_TRUE(IsValidResidentId18("652901199001011238", kToday));   // 地区 range 21-50
  EXPECT_TRUE(IsValidResidentId18("429004199001011231", kToday));   // 90: 省直辖县级
  EXPECT_TRUE(IsValidResidentId18("810000199001011230", kToday));   // 港澳居民居住证
  EXPECT_TRUE(IsValidResidentId18("830000199001011234", kToday));   // 台湾居民居住证
  EXPECT_FALSE(IsValidResidentId18("110005199001011237", kToday));  // prefecture 00
  EXPECT_FALSE(IsValidResidentId18("447504199001011230", kToday));  // prefecture 75
  EXPECT_FALSE(IsValidResidentId18("810101199001011232", kToday));  // 香港 has no subdivisions
  EXPECT_FALSE(IsValidResidentId15("110005491231002"));
  EXPECT_TRUE(IsValidResidentId15("429004491231002"));
}

TEST(PrivacyTest, ResidentId15ChecksAreaAndDate) {
  EXPECT_TRUE(IsValidResidentId15("110105491231002"));
  EXPECT_FALSE(IsValidResidentId15("110105491331002"));  // month 13
  EXPECT_FALSE(IsValidResidentId15("000105491231002"));
}

TEST(PrivacyTest, MobileNumbers) {
  EXPECT_TRUE(IsMobileNumber("13812345678"));
  EXPECT_TRUE(IsMobileNumber("19912345678"));
  EXPECT_FALSE(IsMobileNumber("12812345678"));
  EXPECT_FALSE(IsMobileNumber("1381234567"));
}

TEST(PrivacyTest, BankCardsNeedLuhn) {
  EXPECT_TRUE(IsBankCardNumber("6222021234567890128"));
  EXPECT_TRUE(IsBankCardNumber("6217000012345670"));
  EXPECT_FALSE(IsBankCardNumber("6222021234567890127"));  // Luhn
  EXPECT_FALSE(IsBankCardNumber("621700001234567"));      // 15 digits
}

TEST(PrivacyTest, UnifiedSocialCreditCodeCheck) {
  EXPECT_TRUE(IsUnifiedSocialCreditCode("91440300123456789Q"));
  EXPECT_TRUE(IsUnifiedSocialCreditCode("11100000000013127D"));
  EXPECT_FALSE(IsUnifiedSocialCreditCode("91440300123456789R"));
}

TEST(PrivacyTest, MasksValues) {
  EXPECT_EQ(MaskValue(PrivacyType::kMobile, "13812341234"), "138****1234");
  EXPECT_EQ(MaskValue(PrivacyType::kResidentId, "11010519491231002X"), "110105********002X");
  EXPECT_EQ(MaskValue(PrivacyType::kBankCard, "6222021234567890128"), "6222***********0128");
  EXPECT_EQ(MaskValue(PrivacyType::kEmail, "zhang.san@example.com"), "z***@example.com");
}

TEST(PrivacyTest, FindsValidAndSkipsInvalidAndMasked) {
  std::string text =
      "手机13812345678；身份证440304199001011233；错号440304199001011234；"
      "已脱敏440304********1233与138****5678；卡号6222021234567890128；"
      "错卡6222021234567890127。";
  auto hits = FindPrivacy(text, nullptr, kToday);
  ASSERT_EQ(hits.size(), 3u);
  EXPECT_EQ(hits[0].type, PrivacyType::kMobile);
  EXPECT_EQ(hits[0].begin, 6u);
  EXPECT_EQ(hits[0].end, 17u);
  EXPECT_EQ(hits[0].masked, "138****5678");
  EXPECT_EQ(hits[1].type, PrivacyType::kResidentId);
  EXPECT_EQ(text.substr(hits[1].begin, hits[1].end - hits[1].begin), "440304199001011233");
  EXPECT_EQ(hits[2].type, PrivacyType::kBankCard);
  EXPECT_EQ(hits[2].masked, "6222***********0128");
}

TEST(PrivacyTest, OfficePhonesPostcodesAndCreditCodesAreNotFindings) {
  std::string text =
      "办公电话：010-12345678，0755-88889999；邮编100010；"
      "统一社会信用代码91440300123456789Q；11100000000013127D；文号2024-06-01。";
  EXPECT_TRUE(FindPrivacy(text, nullptr, kToday).empty());
}

TEST(PrivacyTest, IdShapedNumbersWithBadCheckDigitAreNotBankCards) {
  // 440304199001011205 fails the ID check digit but passes Luhn: only its ID
  // shape (province 44, born 1990-01-01) keeps it from being a "bank card".
  ASSERT_TRUE(LuhnValid("440304199001011205"));
  EXPECT_TRUE(FindPrivacy("号码440304199001011205。", nullptr, kToday).empty());
}

TEST(PrivacyTest, FullWidthDigitsAndSeparatedMobiles) {
  std::string text = "电话１３８１２３４５６７８或138-1234-5678";
  auto hits = FindPrivacy(text, nullptr, kToday);
  ASSERT_EQ(hits.size(), 2u);
  EXPECT_EQ(hits[0].begin, 6u);
  EXPECT_EQ(hits[0].end, 39u);  // 11 full-width digits of 3 bytes
  EXPECT_EQ(hits[0].masked, "138****5678");
  EXPECT_EQ(text.substr(hits[1].begin), "138-1234-5678");
}

TEST(PrivacyTest, DigitsInsideCodesAreNotFindings) {
  EXPECT_TRUE(FindPrivacy("编号AB13812345678C", nullptr, kToday).empty());
  EXPECT_TRUE(FindPrivacy("813812345678", nullptr, kToday).empty());
}

TEST(PrivacyTest, EmailsExceptGovernmentMailboxes) {
  auto hits = FindPrivacy("请发至zhang.san@example.com或xxgk@beijing.gov.cn。", nullptr, kToday);
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].type, PrivacyType::kEmail);
  EXPECT_EQ(hits[0].begin, 9u);
  EXPECT_EQ(hits[0].end, 30u);
}

}  // namespace
}  // namespace gongkai::screening

#include "applications/identity.h"

#include <gtest/gtest.h>

namespace gongkai::applications {
namespace {

TEST(IdentityTest, AcceptsValidResidentIds) {
  EXPECT_TRUE(ValidateResidentId("11010519491231002X").ok());  // the GB 11643 sample
  EXPECT_TRUE(ValidateResidentId("11010519491231002x").ok());  // lower-case x
  EXPECT_TRUE(ValidateResidentId("440306199202297015").ok());  // 29 Feb of a leap year
  EXPECT_EQ(ResidentIdCheckChar("11010520000229123"), '5');
  EXPECT_EQ(ResidentIdBirthDate("11010519491231002X").value(), (Date{1949, 12, 31}));
}

TEST(IdentityTest, RejectsBadResidentIdsWithChineseReasons) {
  auto s = ValidateResidentId("110105194912310021");
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(s.UserMessage(), "身份证号码校验位错误：第18位应为X");
  EXPECT_EQ(ValidateResidentId("1101051949123100").UserMessage(), "身份证号码应为18位，实际为16位");
  EXPECT_EQ(ValidateResidentId("11010519491231A02X").UserMessage(), "身份证号码第15位应为数字");
  EXPECT_EQ(ValidateResidentId("11010519491231002Y").UserMessage(), "身份证号码第18位应为数字或X");
  // 1993 is not a leap year; month 13 does not exist; 1899 is before the range.
  EXPECT_EQ(ValidateResidentId("440306199302297015").UserMessage(),
            "身份证号码中的出生日期（第7–14位）无效");
  EXPECT_FALSE(ValidateResidentId("440306199213017015").ok());
  EXPECT_FALSE(ValidateResidentId("440306189901017015").ok());
  // A birth date after "today".
  EXPECT_TRUE(ValidateResidentId("110105202001010015", Date{2024, 1, 1}).ok());
  auto future = ValidateResidentId(
      std::string("11010520250101001") + ResidentIdCheckChar("11010520250101001"),
      Date{2024, 6, 1});
  EXPECT_EQ(future.UserMessage(), "身份证号码中的出生日期（第7–14位）晚于今天");
}

TEST(IdentityTest, MatchesDocumentToApplicantKind) {
  Identity person{IdentityDocument::kResidentId, " 11010519491231002x "};
  ASSERT_TRUE(NormalizeAndValidateIdentity(ApplicantKind::kNaturalPerson, &person).ok());
  EXPECT_EQ(person.number, "11010519491231002X");

  Identity firm{IdentityDocument::kCreditCode, "91350100m000100y43"};
  ASSERT_TRUE(NormalizeAndValidateIdentity(ApplicantKind::kCommercialEnterprise, &firm).ok());
  EXPECT_EQ(firm.number, "91350100M000100Y43");

  Identity wrong{IdentityDocument::kCreditCode, "91350100M000100Y43"};
  EXPECT_EQ(NormalizeAndValidateIdentity(ApplicantKind::kNaturalPerson, &wrong).UserMessage(),
            "申请人为自然人时，证件应为居民身份证");
  Identity bad_code{IdentityDocument::kCreditCode, "91350100M000100Y44"};
  EXPECT_FALSE(NormalizeAndValidateIdentity(ApplicantKind::kLegalServiceOrg, &bad_code).ok());
  Identity empty{IdentityDocument::kResidentId, "  "};
  EXPECT_FALSE(NormalizeAndValidateIdentity(ApplicantKind::kNaturalPerson, &empty).ok());
}

TEST(IdentityTest, ParsesApplicantKinds) {
  EXPECT_EQ(ParseApplicantKind("社会公益组织").value(), ApplicantKind::kSocialWelfareOrg);
  EXPECT_EQ(ParseApplicantKind("legal_service_org").value(), ApplicantKind::kLegalServiceOrg);
  EXPECT_FALSE(ParseApplicantKind("法人或其他组织").ok());  // not a column of its own
  for (ApplicantKind k : kAllApplicantKinds) {
    EXPECT_EQ(ParseApplicantKind(ApplicantKindLabel(k)).value(), k);
    EXPECT_EQ(ParseApplicantKind(ApplicantKindCode(k)).value(), k);
  }
}

}  // namespace
}  // namespace gongkai::applications

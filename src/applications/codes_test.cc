// The stable codes of the application enumerations: they are stored in the database and written
// to exports, so each is pinned here, and each table must round-trip every value and refuse
// anything else.
#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "applications/application.h"
#include "applications/cases.h"
#include "applications/fees.h"
#include "applications/identity.h"

namespace gongkai::applications {
namespace {

// Checks that values[i] has codes[i], that every code parses back to its value, and that
// unknown codes, labels and near misses are refused.
template <typename E, typename CodeFn, typename ParseFn>
void ExpectTable(const std::vector<E>& values, const std::vector<std::string_view>& codes,
                 CodeFn code, ParseFn parse) {
  ASSERT_EQ(values.size(), codes.size());
  for (size_t i = 0; i < values.size(); ++i) {
    SCOPED_TRACE(std::string(codes[i]));
    EXPECT_EQ(code(values[i]), codes[i]);
    ASSERT_TRUE(parse(codes[i]).has_value());
    EXPECT_EQ(*parse(codes[i]), values[i]);
    EXPECT_FALSE(parse(std::string(codes[i]) + " ").has_value());
    std::string upper(codes[i]);
    upper[0] = static_cast<char>(upper[0] - 'a' + 'A');
    EXPECT_FALSE(parse(upper).has_value());
  }
  EXPECT_FALSE(parse("").has_value());
  EXPECT_FALSE(parse("unknown").has_value());
}

TEST(CodesTest, CarrierCodesRoundTrip) {
  ExpectTable<Carrier>({Carrier::kPaper, Carrier::kEmail, Carrier::kDisc, Carrier::kDisk},
                       {"paper", "email", "disc", "disk"}, CarrierCode, ParseCarrier);
  EXPECT_FALSE(ParseCarrier("纸质").has_value());
  EXPECT_EQ(CarrierLabel(Carrier::kDisc), "光盘");
}

TEST(CodesTest, DeliveryCodesRoundTrip) {
  ExpectTable<Delivery>({Delivery::kPost, Delivery::kExpress, Delivery::kEmail, Delivery::kFax,
                         Delivery::kPickUp, Delivery::kOnSiteReading},
                        {"post", "express", "email", "fax", "pick_up", "on_site_reading"},
                        DeliveryCode, ParseDelivery);
  EXPECT_FALSE(ParseDelivery("on_site").has_value());
  EXPECT_EQ(DeliveryLabel(Delivery::kOnSiteReading), "当场阅读、抄录");
}

TEST(CodesTest, IdentityDocumentCodesRoundTrip) {
  ExpectTable<IdentityDocument>({IdentityDocument::kResidentId, IdentityDocument::kCreditCode},
                                {"resident_id", "credit_code"}, IdentityDocumentCode,
                                ParseIdentityDocument);
}

TEST(CodesTest, ConsultedPartyCodesRoundTrip) {
  ExpectTable<ConsultedParty>({ConsultedParty::kThirdParty, ConsultedParty::kOtherAgency},
                              {"third_party", "other_agency"}, ConsultedPartyCode,
                              ParseConsultedParty);
}

TEST(CodesTest, FeeMethodCodesRoundTrip) {
  ExpectTable<FeeMethod>({FeeMethod::kPerApplication, FeeMethod::kPerVolume},
                         {"per_application", "per_volume"}, FeeMethodCode, ParseFeeMethod);
  EXPECT_EQ(FeeMethodLabel(FeeMethod::kPerApplication), "按件计收");
  EXPECT_EQ(FeeMethodLabel(FeeMethod::kPerVolume), "按量计收");
}

TEST(CodesTest, CaseKindCodesRoundTrip) {
  ExpectTable<CaseKind>(
      {CaseKind::kReconsideration, CaseKind::kDirectLitigation,
       CaseKind::kLitigationAfterReconsideration},
      {"reconsideration", "direct_litigation", "litigation_after_reconsideration"}, CaseKindCode,
      ParseCaseKind);
  EXPECT_EQ(CaseKindLabel(CaseKind::kLitigationAfterReconsideration), "复议后起诉");
}

TEST(CodesTest, CaseResultCodesRoundTrip) {
  ExpectTable<CaseResult>(
      {CaseResult::kPending, CaseResult::kUpheld, CaseResult::kCorrected, CaseResult::kOther},
      {"pending", "upheld", "corrected", "other"}, CaseResultCode, ParseCaseResult);
  EXPECT_EQ(CaseResultLabel(CaseResult::kPending), "尚未审结");
  EXPECT_EQ(CaseResultLabel(CaseResult::kOther), "其他结果");
}

}  // namespace
}  // namespace gongkai::applications

#include "http/application_codec.h"

#include <gtest/gtest.h>

#include <map>
#include <string>

namespace gongkai::http {
namespace {

namespace apps = applications;

FieldFn Fields(const std::map<std::string, std::string>& values) {
  return [values](std::string_view name) {
    auto it = values.find(std::string(name));
    return it == values.end() ? std::string() : it->second;
  };
}

std::map<std::string, std::string> Intake(const std::string& delivery) {
  return {{"agency_id", "3"},
          {"applicant_kind", "natural_person"},
          {"description", "某文件"},
          {"delivery", delivery}};
}

TEST(ApplicationCodecTest, DeliveryTakesTheSharedCodeAndTheOldApiAlias) {
  for (const char* code : {"on_site_reading", "on_site"}) {
    Result<services::ApplicationInput> in = InputFromFields(Fields(Intake(code)));
    ASSERT_TRUE(in.ok()) << code << ": " << in.status().ToString();
    EXPECT_EQ(in->delivery, apps::Delivery::kOnSiteReading) << code;
  }
  Result<services::ApplicationInput> bad = InputFromFields(Fields(Intake("onsite")));
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().UserMessage(), "获取方式“onsite”无效");
}

TEST(ApplicationCodecTest, ApplicationJsonWritesTheSharedCodesWithLabels) {
  apps::Application a;
  a.id = 7;
  a.agency_id = 3;
  a.number = "樟工信依申〔2024〕1号";
  a.applicant_kind = apps::ApplicantKind::kCommercialEnterprise;
  a.identity.document = apps::IdentityDocument::kCreditCode;
  a.carrier = apps::Carrier::kDisc;
  a.delivery = apps::Delivery::kOnSiteReading;
  nlohmann::json j = ApplicationToJson(a);
  EXPECT_EQ(j["id"], 7);
  EXPECT_EQ(j["agency_id"], 3);
  EXPECT_EQ(j["number"], "樟工信依申〔2024〕1号");
  EXPECT_EQ(j["identity"]["document"], "credit_code");
  EXPECT_EQ(j["carrier"], "disc");
  EXPECT_EQ(j["carrier_label"], "光盘");
  EXPECT_EQ(j["delivery"], "on_site_reading");
  EXPECT_EQ(j["delivery_label"], "当场阅读、抄录");
  EXPECT_EQ(j["applicant_kind_label"], "商业企业");
  EXPECT_EQ(j["events"], nlohmann::json::array());
}

TEST(ApplicationCodecTest, CaseJsonHasCodesLabelsAndNullUntilDecided) {
  apps::Case c;
  c.id = 2;
  c.application_id = 7;
  c.agency_id = 3;
  c.kind = apps::CaseKind::kDirectLitigation;
  c.filed = Date{2024, 11, 1};
  nlohmann::json j = CaseToJson(c);
  EXPECT_EQ(j.dump(),
            R"({"agency_id":3,"application_id":7,"decided_on":null,"filed":"2024-11-01","id":2,)"
            R"("kind":"direct_litigation","kind_label":"未经复议直接起诉","result":"pending",)"
            R"("result_label":"尚未审结"})");
}

TEST(ApplicationCodecTest, ClockAndSummaryCarryTheExpiredWaits) {
  apps::ClockState st;
  st.as_of = Date{2024, 7, 5};
  st.status = apps::ApplicationStatus::kAwaitingFee;
  st.expired = {apps::ExpiredFee(Date{2024, 7, 4}),
                apps::ExpiredConsultation(Date{2024, 5, 20}, "某科技有限公司",
                                          apps::ConsultedParty::kThirdParty)};
  nlohmann::json j = ClockToJson(st)["expired"];
  ASSERT_EQ(j.size(), 2u);
  EXPECT_EQ(j[0]["kind"], "fee");
  EXPECT_EQ(j[0]["deadline"], "2024-07-04");
  EXPECT_EQ(j[0]["action"], st.expired[0].action);
  EXPECT_FALSE(j[0].contains("party"));
  EXPECT_EQ(j[1]["kind"], "consultation");
  EXPECT_EQ(j[1]["party"], "某科技有限公司");
  EXPECT_EQ(j[1]["deadline"], "2024-05-20");
  services::ApplicationSummary s;
  s.expired = st.expired;
  EXPECT_EQ(SummaryToJson(s)["expired"], j);
  EXPECT_EQ(SummaryToJson(services::ApplicationSummary{})["expired"], nlohmann::json::array());
}

}  // namespace
}  // namespace gongkai::http

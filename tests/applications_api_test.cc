// 依申请公开 JSON API end to end (docs/api.md): registration, events and their errors, the clock
// with its explanation, the queue, tables 三/四 with drill-down, duplicates, monthly counts and
// cases. Fixture: applications_web_fixture.h.
#include "applications_web_fixture.h"

namespace gongkai::apps_web {
namespace {

TEST_F(ApplicationsWebTest, ApiRegistersALetterRecordsTheConfirmationAndExplainsTheClock) {
  std::string s = SignIn("clerk");
  std::string csrf = CsrfOf(s);
  std::string base = "/api/v1/agencies/" + std::to_string(bureau_) + "/applications";
  // An ordinary letter that arrived on Saturday 2024-11-23, confirmed on Monday 11-25.
  std::string body = R"({"channel":"ordinary_letter","applicant_kind":"commercial_enterprise",
    "identity":{"number":"91350100M000100Y43"},"contact":{"name":"樟树市某科技有限公司",
    "contact_person":"张三","phone":"0795-7000000"},"description":"企业技术改造补助名单",
    "carrier":"paper","delivery":"post","events":[{"type":"submitted","date":"2024-11-23"}]})";
  EXPECT_EQ(Api("POST", base, s, body, "").status, 403);  // no CSRF token
  EXPECT_EQ(nlohmann::json::parse(Api("GET", base, s).body)["count"], 0);
  HttpReply reg = Api("POST", base, s, body, csrf);
  ASSERT_EQ(reg.status, 201) << reg.body;
  auto r = nlohmann::json::parse(reg.body);
  EXPECT_EQ(r["number"], "樟工信依申〔2024〕1号");
  int64_t id = r["id"];
  std::string path = "/api/v1/applications/" + std::to_string(id);

  auto j = nlohmann::json::parse(Api("GET", path, s).body);
  EXPECT_EQ(j["clock"]["status"], "待确认收到");
  EXPECT_EQ(j["clock"]["due"], nullptr);

  HttpReply ev =
      Api("POST", path + "/events", s, R"({"type":"confirmed","date":"2024-11-25"})", csrf);
  ASSERT_EQ(ev.status, 201) << ev.body;
  j = nlohmann::json::parse(ev.body);
  EXPECT_EQ(j["clock"]["status"], "办理中");
  EXPECT_EQ(j["clock"]["received"], "2024-11-25");
  EXPECT_EQ(j["clock"]["due"], "2024-12-23");
  EXPECT_EQ(j["clock"]["working_days_left"], 19);  // as of Tue 11-26
  ASSERT_EQ(j["clock"]["days"].size(), 28u);       // 11-26 … 12-23
  EXPECT_EQ(j["clock"]["days"][4]["date"], "2024-11-30");
  EXPECT_EQ(j["clock"]["days"][4]["counted"], false);
  EXPECT_EQ(j["clock"]["days"][4]["reason"], "周末");
  EXPECT_EQ(j["clock"]["days"][27]["running_count"], 20);

  // Out of order: a second confirmation is refused, 409, and changes nothing.
  HttpReply again =
      Api("POST", path + "/events", s, R"({"type":"confirmed","date":"2024-11-26"})", csrf);
  EXPECT_EQ(again.status, 409) << again.body;
  EXPECT_EQ(nlohmann::json::parse(Api("GET", path, s).body)["events"].size(), 2u);
  // Unreadable input is 400; the service's refusal of a bad value is 422.
  EXPECT_EQ(Api("POST", path + "/events", s, "{not json", csrf).status, 400);
  EXPECT_EQ(
      Api("POST", path + "/events", s, R"({"type":"nonsense","date":"2024-11-26"})", csrf).status,
      400);
  HttpReply bad =
      Api("POST", path + "/events", s,
          R"({"type":"extension_approved","date":"2024-11-26","days":25,"party":"局长"})", csrf);
  EXPECT_EQ(bad.status, 422) << bad.body;
  EXPECT_EQ(Api("GET", "/api/v1/applications/99999", s).status, 404);

  // The queue as of a day puts it where it belongs; as_of moves the clock.
  auto q = nlohmann::json::parse(Api("GET", base + "/queue?as_of=2024-12-19", s).body);
  ASSERT_EQ(q["due_soon"].size(), 1u);
  EXPECT_EQ(q["due_soon"][0]["working_days_left"], 2);
  q = nlohmann::json::parse(Api("GET", base + "/queue?as_of=2024-12-24", s).body);
  ASSERT_EQ(q["overdue"].size(), 1u);
  EXPECT_EQ(q["overdue"][0]["number"], "樟工信依申〔2024〕1号");

  // Decide, then table 三 for 2024 counts it under 商业企业 / （一）.
  ASSERT_EQ(Api("POST", path + "/events", s,
                R"({"type":"decided","date":"2024-11-26","outcomes":["1"]})", csrf)
                .status,
            201);
  HttpReply tables = Api("GET", "/api/v1/agencies/" + std::to_string(bureau_) + "/tables/2024", s);
  ASSERT_EQ(tables.status, 200) << tables.body;
  auto t = nlohmann::json::parse(tables.body);
  EXPECT_EQ(t["table3"]["columns"][1], "商业企业");
  EXPECT_EQ(t["table3"]["rows"][0]["cells"][1]["count"], 1);  // 一、本年新收
  EXPECT_EQ(t["table3"]["rows"][2]["cells"][1]["count"], 1);  // （一）予以公开
  EXPECT_EQ(t["table3"]["rows"][2]["cells"][1]["numbers"][0], "樟工信依申〔2024〕1号");
  EXPECT_EQ(t["table3"]["rows"][23]["cells"][6]["count"], 1);  // （七）总计

  // As of a day before the decision: only the events up to that day; before the letter, 404.
  auto before = nlohmann::json::parse(Api("GET", path + "?as_of=2024-11-25", s).body);
  EXPECT_EQ(before["events"].size(), 2u);
  EXPECT_EQ(before["clock"]["status"], "办理中");
  EXPECT_EQ(before["clock"]["conclusion"], nullptr);
  EXPECT_EQ(before["clock"]["expired"], nlohmann::json::array());
  EXPECT_EQ(nlohmann::json::parse(Api("GET", path, s).body)["events"].size(), 3u);
  HttpReply early = Api("GET", path + "?as_of=2024-11-22", s);
  EXPECT_EQ(early.status, 404) << early.body;
  EXPECT_NE(early.body.find("截至2024-11-22尚无此申请（2024-11-23提交）"), std::string::npos)
      << early.body;
}

TEST_F(ApplicationsWebTest, ApiDuplicatesMonthlyCountAndCases) {
  ASSERT_EQ(SubmitOnline(ApplyFields("2024年技术改造专项资金分配结果")).status, 200);
  ASSERT_EQ(SubmitOnline(ApplyFields("2024年 技术改造专项资金分配结果！")).status, 200);
  std::string s = SignIn("clerk");
  std::string csrf = CsrfOf(s);
  int64_t first = IdOf(s, "樟工信依申〔2024〕1号");
  int64_t second = IdOf(s, "樟工信依申〔2024〕2号");
  ASSERT_GT(second, 0);

  auto d = nlohmann::json::parse(
      Api("GET", "/api/v1/applications/" + std::to_string(second) + "/duplicates", s).body);
  ASSERT_EQ(d["duplicates"].size(), 1u) << d.dump();
  EXPECT_EQ(d["duplicates"][0]["number"], "樟工信依申〔2024〕1号");
  EXPECT_EQ(d["duplicates"][0]["similarity"], 1.0);  // punctuation and spaces do not count
  EXPECT_EQ(d["suggested_outcome"], "5.2");
  HttpReply page = Send("GET", "/admin/applications/" + std::to_string(second), "",
                        "Cookie: gk_session=" + s + "\r\n");
  EXPECT_TRUE(
      Contains(page.body, "<li><a href=\"/admin/applications/" + std::to_string(first) +
                              "\">樟工信依申〔2024〕1号</a>（收到 2024-11-26，相似度 100%）</li>"))
      << page.body;

  std::string base = "/api/v1/agencies/" + std::to_string(bureau_) + "/applications";
  auto m = nlohmann::json::parse(
      Api("GET", base + "/monthly-count?identity=" + kResidentId + "&month=2024-11", s).body);
  EXPECT_EQ(m["count"], 2);
  EXPECT_EQ(m["month"], "2024-11");
  EXPECT_EQ(Api("GET", base + "/monthly-count?identity=x&month=11", s).status, 400);

  // A case needs a concluded application; then its result can be set.
  std::string cases = "/api/v1/applications/" + std::to_string(first) + "/cases";
  HttpReply early =
      Api("POST", cases, s, R"({"kind":"reconsideration","filed":"2024-11-27"})", csrf);
  EXPECT_EQ(early.status, 409) << early.body;
  ASSERT_EQ(Api("POST", "/api/v1/applications/" + std::to_string(first) + "/events", s,
                R"({"type":"decided","date":"2024-11-26","outcomes":["4.1"]})", csrf)
                .status,
            201);
  HttpReply filed =
      Api("POST", cases, s, R"({"kind":"reconsideration","filed":"2024-11-27"})", csrf);
  ASSERT_EQ(filed.status, 201) << filed.body;
  auto c = nlohmann::json::parse(filed.body);
  EXPECT_EQ(c["kind_label"], "行政复议");
  EXPECT_EQ(c["result"], "pending");
  HttpReply decided = Api("PUT", cases + "/" + std::to_string(c["id"].get<int64_t>()), s,
                          R"({"kind":"reconsideration","filed":"2024-11-27","result":"corrected",
                              "decided_on":"2024-11-28"})",
                          csrf);
  ASSERT_EQ(decided.status, 200) << decided.body;
  auto j =
      nlohmann::json::parse(Api("GET", "/api/v1/applications/" + std::to_string(first), s).body);
  EXPECT_EQ(j["cases"][0]["result_label"], "结果纠正");
  EXPECT_EQ(j["decision_corrected"], true);
}

}  // namespace
}  // namespace gongkai::apps_web

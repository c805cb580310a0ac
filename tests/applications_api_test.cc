// 依申请公开 JSON API end to end (docs/api.md): registration, events and their errors, the clock
// with its explanation, the queue, tables 三/四 with drill-down, duplicates, monthly counts and
// cases. Fixture: applications_web_fixture.h.
#include "applications/outcome.h"
#include "applications_web_fixture.h"
#include "calendar/holiday_table.h"
#include "letters/letter.h"

namespace gongkai::apps_web {
namespace {

using Json = nlohmann::json;

// An in-person application of 张三 submitted on `date`, as the API's registration body.
std::string InPersonBody(const std::string& date) {
  return R"({"channel":"in_person","applicant_kind":"natural_person",
    "identity":{"number":"11010519491231002X"},"contact":{"name":"张三","phone":"13800000000"},
    "description":"企业技术改造补助名单","carrier":"paper","delivery":"post",
    "events":[{"type":"submitted","date":")" +
         date + R"("}]})";
}

// The code of every leaf a 答复 may carry (19 of the 21), in table order.
Json DecidableCodes() {
  Json codes = Json::array();
  for (const auto& info : applications::AllOutcomes()) {
    if (info.decidable) codes.push_back(info.code);
  }
  return codes;
}

TEST_F(ApplicationsWebTest, ApiRegistersALetterRecordsTheConfirmationAndExplainsTheClock) {
  WithoutApprovalChain();
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

// The probe's F1 the other way round: the longest decision there can be (every decidable leaf,
// after a 补正, a consultation, an extension and a fee) and every letter of it opens, as JSON,
// HTML and DOCX, on the API and on the staff pages; the 19 parts are numbered 一 … 十九.
TEST_F(ApplicationsWebTest, EveryLetterOfADecisionWithEveryLeafOpens) {
  WithoutApprovalChain();
  std::string s = SignIn("clerk");
  std::string csrf = CsrfOf(s);
  std::string cookie = "Cookie: gk_session=" + s + "\r\n";
  HttpReply reg = Api("POST", "/api/v1/agencies/" + std::to_string(bureau_) + "/applications", s,
                      InPersonBody("2024-11-04"), csrf);
  ASSERT_EQ(reg.status, 201) << reg.body;
  const std::string id = std::to_string(Json::parse(reg.body)["id"].get<int64_t>());
  const std::string path = "/api/v1/applications/" + id;
  Json codes = DecidableCodes();
  ASSERT_EQ(codes.size(), 19u);
  for (const std::string& event : std::vector<std::string>{
           R"({"type":"correction_requested","date":"2024-11-05","days":10,"note":"文件文号"})",
           R"({"type":"correction_received","date":"2024-11-08"})",
           R"({"type":"consultation_started","date":"2024-11-11","party":"甲公司"})",
           R"({"type":"consultation_answered","date":"2024-11-13","party":"甲公司"})",
           R"({"type":"extension_approved","date":"2024-11-14","days":5,"party":"局长",
               "note":"需调取档案"})",
           R"({"type":"fee_notice_sent","date":"2024-11-15","fee_fen":10000,
               "fee_method":"per_volume"})",
           R"({"type":"fee_paid","date":"2024-11-18"})",
           R"({"type":"decided","date":"2024-11-25","outcomes":)" + codes.dump() + "}"}) {
    HttpReply r = Api("POST", path + "/events", s, event, csrf);
    ASSERT_EQ(r.status, 201) << event << "\n" << r.body;
  }
  ASSERT_EQ(Json::parse(Api("GET", path, s).body)["events"].size(), 9u);
  ASSERT_EQ(Send("GET", "/admin/applications/" + id, "", cookie).status, 200);

  const std::string query = "?reason=" + Enc("具体理由") + "&payment_method=" + Enc("银行转账");
  for (const std::string kind :
       {"reply", "notice", "correction", "extension", "fee", "consultation"}) {
    HttpReply json = Api("GET", path + "/letters/" + kind + query, s);
    ASSERT_EQ(json.status, 200) << kind << ": " << json.body;
    Json body = Json::parse(json.body)["body"];
    if (kind == "reply" || kind == "notice") {
      // The parts in order, each opening with its numeral: 一、 … 十九、 and no 二十、.
      int parts = 0;
      for (const auto& p : body) {
        if (p.get<std::string>().starts_with(letters::ChineseNumeral(parts + 1) + "、")) ++parts;
      }
      EXPECT_EQ(parts, 19) << kind << ": " << body.dump();
    }
    HttpReply html = Api("GET", path + "/letters/" + kind + query + "&format=html", s);
    EXPECT_EQ(html.status, 200) << kind;
    EXPECT_TRUE(Contains(html.body, "樟工信依申")) << kind;
    HttpReply docx = Api("GET", path + "/letters/" + kind + query + "&format=docx", s);
    EXPECT_EQ(docx.status, 200) << kind;
    EXPECT_EQ(docx.body.substr(0, 2), "PK") << kind;
    const std::string page = "/admin/applications/" + id + "/letters/" + kind;
    EXPECT_EQ(Send("GET", page + query, "", cookie).status, 200) << kind;
    EXPECT_EQ(Send("GET", page + "/docx" + query, "", cookie).status, 200) << kind;
  }
}

// A decision that lists a code twice, or more codes than table 三 has leaves (the probe sent 100),
// is refused with the reason — 422 on the API, on the staff form and at registration — and
// nothing is stored; a proper decision is then accepted.
TEST_F(ApplicationsWebTest, RepeatedOrOverlongOutcomeListIsRefusedAndNothingStored) {
  WithoutApprovalChain();
  std::string s = SignIn("clerk");
  std::string csrf = CsrfOf(s);
  std::string cookie = "Cookie: gk_session=" + s + "\r\n";
  const std::string base = "/api/v1/agencies/" + std::to_string(bureau_) + "/applications";
  HttpReply reg = Api("POST", base, s, InPersonBody("2024-11-04"), csrf);
  ASSERT_EQ(reg.status, 201) << reg.body;
  const std::string id = std::to_string(Json::parse(reg.body)["id"].get<int64_t>());
  const std::string path = "/api/v1/applications/" + id;
  const std::string twice_message =
      "办理结果“（一）予以公开”重复，每项办理结果在一次答复中只能列一次";
  const std::string hundred_message =
      "答复的办理结果最多21项（表三共21个末级办理结果，每项只能列一次），实际为100项";
  Json hundred = Json::array();
  for (int i = 0; i < 100; ++i) hundred.push_back("1");

  HttpReply twice =
      Api("POST", path + "/events", s,
          R"({"type":"decided","date":"2024-11-20","outcomes":["1","3.5","1"]})", csrf);
  EXPECT_EQ(twice.status, 422) << twice.body;
  EXPECT_EQ(Json::parse(twice.body)["error"]["code"], "InvalidArgument");
  EXPECT_EQ(Json::parse(twice.body)["error"]["message"], twice_message);
  HttpReply overlong =
      Api("POST", path + "/events", s,
          R"({"type":"decided","date":"2024-11-20","outcomes":)" + hundred.dump() + "}", csrf);
  EXPECT_EQ(overlong.status, 422) << overlong.body;
  EXPECT_EQ(Json::parse(overlong.body)["error"]["message"], hundred_message);

  HttpReply page = Send("GET", "/admin/applications/" + id, "", cookie);
  ASSERT_EQ(page.status, 200);
  std::string form_csrf = Match(page.body, "name=\"_csrf\" value=\"([^\"]+)\"");
  std::string hundred_list;
  for (int i = 0; i < 100; ++i) hundred_list += i == 0 ? "1" : ",1";
  for (const auto& [list, message] :
       {std::pair{std::string("1,1"), twice_message}, std::pair{hundred_list, hundred_message}}) {
    HttpReply form = Send("POST", "/admin/applications/" + id + "/events",
                          FormBody({{"_csrf", form_csrf},
                                    {"type", "decided"},
                                    {"date", "2024-11-20"},
                                    {"outcomes", list}}),
                          std::string(kForm) + cookie);
    EXPECT_EQ(form.status, 422) << form.body;
    EXPECT_TRUE(Contains(form.body, message)) << form.body;
  }
  std::string with_decision = InPersonBody("2024-11-04");
  with_decision.replace(with_decision.rfind("]}"), 2,
                        R"(,{"type":"decided","date":"2024-11-20","outcomes":["2","2"]}]})");
  HttpReply reg_twice = Api("POST", base, s, with_decision, csrf);
  EXPECT_EQ(reg_twice.status, 422) << reg_twice.body;
  EXPECT_EQ(Json::parse(reg_twice.body)["error"]["message"],
            "第2条办理记录（作出答复）：办理结果“（二）部分公开（区分处理的，只计这一情形，不计其他"
            "情形）”重复，每项办理结果在一次答复中只能列一次");

  EXPECT_EQ(Json::parse(Api("GET", base, s).body)["count"], 1);
  Json app = Json::parse(Api("GET", path, s).body);
  EXPECT_EQ(app["events"].size(), 1u);
  EXPECT_EQ(app["clock"]["status"], "办理中");
  {
    auto tx = store_->Begin(storage::TxMode::kRead).value();
    EXPECT_EQ(tx->applications().Get(std::stoll(id)).value().events.size(), 1u);
  }
  HttpReply ok = Api("POST", path + "/events", s,
                     R"({"type":"decided","date":"2024-11-20","outcomes":["1","3.5"]})", csrf);
  EXPECT_EQ(ok.status, 201) << ok.body;
  EXPECT_EQ(Api("GET", path + "/letters/reply", s).status, 200);
}

// The probe's F2. With a calendar of 2100 only, an application received on Wed 2100-12-01 is due
// on 2100-12-29; an extension of 5 working days would run into 2101, so its clock cannot be
// computed. The extension is refused with that reason (400 OutOfRange) on the API and the form,
// nothing is stored, and the application still opens and can be decided. (A calendar of 2100 only
// keeps the test apart from how years after the bundled data are treated.)
TEST_F(ApplicationsWebTest, EventWhoseClockCannotBeComputedIsRefusedAndNothingStored) {
  WithoutApprovalChain();
  auto table = calendar::ParseHolidayTable(testing_util::kHolidays2100, "2100.tsv",
                                           calendar::TableRole::kNational);
  app_->applications().SetCalendar(std::make_shared<const calendar::WorkingDayCalendar>(
      calendar::WorkingDayCalendar::Create(table.value()).value()));
  clock_.Set(testing_util::kDec2Of2100);
  std::string s = SignIn("clerk");
  std::string csrf = CsrfOf(s);
  std::string cookie = "Cookie: gk_session=" + s + "\r\n";
  const std::string base = "/api/v1/agencies/" + std::to_string(bureau_) + "/applications";
  HttpReply reg = Api("POST", base, s, InPersonBody("2100-12-01"), csrf);
  ASSERT_EQ(reg.status, 201) << reg.body;
  const int64_t app_id = Json::parse(reg.body)["id"].get<int64_t>();
  const std::string id = std::to_string(app_id);
  const std::string path = "/api/v1/applications/" + id;
  EXPECT_EQ(Json::parse(Api("GET", path, s).body)["clock"]["due"], "2100-12-29");
  const std::string message =
      "无法计算答复期限，未予记录：工作日历未包含2101年的节假日安排（已覆盖2100年，可预计2008–2100年）";
  auto stored_events = [&] {
    auto tx = store_->Begin(storage::TxMode::kRead).value();
    return tx->applications().Get(app_id).value().events.size();
  };

  HttpReply ext =
      Api("POST", path + "/events", s,
          R"({"type":"extension_approved","date":"2100-12-02","days":5,"party":"局长"})", csrf);
  EXPECT_EQ(ext.status, 400) << ext.body;
  EXPECT_EQ(Json::parse(ext.body)["error"]["code"], "OutOfRange");
  EXPECT_EQ(Json::parse(ext.body)["error"]["message"], message);
  EXPECT_EQ(stored_events(), 1u);
  HttpReply after = Api("GET", path, s);
  ASSERT_EQ(after.status, 200) << after.body;
  EXPECT_EQ(Json::parse(after.body)["events"].size(), 1u);
  EXPECT_EQ(Json::parse(after.body)["clock"]["due"], "2100-12-29");

  HttpReply page = Send("GET", "/admin/applications/" + id, "", cookie);
  ASSERT_EQ(page.status, 200);
  HttpReply form = Send("POST", "/admin/applications/" + id + "/events",
                        FormBody({{"_csrf", Match(page.body, "name=\"_csrf\" value=\"([^\"]+)\"")},
                                  {"type", "extension_approved"},
                                  {"date", "2100-12-02"},
                                  {"days", "5"},
                                  {"party", "局长"}}),
                        std::string(kForm) + cookie);
  EXPECT_EQ(form.status, 400) << form.body;
  EXPECT_TRUE(Contains(form.body, message)) << form.body;
  EXPECT_EQ(stored_events(), 1u);
  EXPECT_EQ(Send("GET", "/admin/applications/" + id, "", cookie).status, 200);

  // Registered on Mon 2100-12-20, the first period itself would end in 2101: refused, not stored.
  HttpReply late = Api("POST", base, s, InPersonBody("2100-12-20"), csrf);
  EXPECT_EQ(late.status, 400) << late.body;
  EXPECT_EQ(Json::parse(late.body)["error"]["message"], message);
  EXPECT_EQ(Json::parse(Api("GET", base, s).body)["count"], 1);

  HttpReply decided = Api("POST", path + "/events", s,
                          R"({"type":"decided","date":"2100-12-02","outcomes":["1"]})", csrf);
  ASSERT_EQ(decided.status, 201) << decided.body;
  EXPECT_EQ(Json::parse(decided.body)["clock"]["status"], "已办结");
  EXPECT_EQ(stored_events(), 2u);
}

TEST_F(ApplicationsWebTest, ApiDuplicatesMonthlyCountAndCases) {
  WithoutApprovalChain();
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

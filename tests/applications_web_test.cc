// 依申请公开 on the web, end to end: the public form and status page and the staff pages over real
// HTTP (fixture: applications_web_fixture.h). The JSON API: applications_api_test.cc.
#include "applications_web_fixture.h"

namespace gongkai::apps_web {
namespace {

TEST_F(ApplicationsWebTest, OnlineApplicationFromSubmissionToDecision) {
  HttpReply done = SubmitOnline(ApplyFields("2024年技术改造专项资金分配结果"));
  ASSERT_EQ(done.status, 200) << done.body;
  std::string number = Match(done.body, "<strong id=\"number\">([^<]+)</strong>");
  std::string code = Match(done.body, "<strong id=\"lookup-code\" class=\"code\">([^<]+)</strong>");
  EXPECT_EQ(number, "樟工信依申〔2024〕1号");
  EXPECT_TRUE(std::regex_match(code, std::regex("[0-9A-Z]{4}(-[0-9A-Z]{4}){3}"))) << code;
  EXPECT_TRUE(Contains(done.body, "查询码只显示这一次"));
  EXPECT_EQ(done.Header("cache-control"), "no-store");

  // Received and confirmed online on Tue 2024-11-26: 20 working days → Tue 2024-12-24.
  HttpReply status = LookUp(code);
  ASSERT_EQ(status.status, 200) << status.body;
  EXPECT_TRUE(Contains(status.body, "<td id=\"status-number\">樟工信依申〔2024〕1号</td>"));
  EXPECT_TRUE(Contains(status.body,
                       "<tr><th scope=\"row\">受理机关</th><td>樟树市工业和信息化局</td></tr>"));
  EXPECT_TRUE(
      Contains(status.body, "<tr><th scope=\"row\">收到申请日期</th><td>2024年11月26日</td></tr>"));
  EXPECT_TRUE(Contains(status.body, "<td id=\"status-label\">办理中</td>"));
  EXPECT_TRUE(Contains(
      status.body,
      "<tr><th scope=\"row\">答复期限</th><td id=\"status-due\">2024年12月24日</td></tr>"));
  EXPECT_TRUE(Contains(
      status.body,
      "<tr><th scope=\"row\">剩余时间</th><td id=\"status-days-left\">剩余20个工作日</td></tr>"));
  for (const char* secret : {"李明", "13800000000", kResidentId, "liming@example.cn"}) {
    EXPECT_FALSE(Contains(status.body, secret)) << secret;
  }

  std::string s = SignIn("clerk");
  HttpReply queue = Send("GET", "/admin/applications?agency=" + std::to_string(bureau_), "",
                         "Cookie: gk_session=" + s + "\r\n");
  ASSERT_EQ(queue.status, 200);
  int64_t id = IdOf(s, number);
  ASSERT_GT(id, 0);
  EXPECT_TRUE(Contains(queue.body,
                       "<tr><td data-label=\"申请编号\"><a href=\"/admin/applications/" +
                           std::to_string(id) +
                           "\">樟工信依申〔2024〕1号</a></td><td data-label=\"申请人\">李明</td>"
                           "<td data-label=\"状态\">办理中</td>"
                           "<td data-label=\"收到日期\">2024-11-26</td>"
                           "<td data-label=\"答复期限\">2024-12-24</td>"
                           "<td class=\"num\" data-label=\"剩余时间\">剩余20个工作日</td></tr>"))
      << queue.body;

  // Three days later the clerk decides: disclosed. (The bureau decides without an approval chain
  // here; the chain: application_approval_web_test.cc.)
  ASSERT_TRUE(
      app_->applications().SetDecisionChain(account::Actor::Console(), bureau_, "none").ok());
  clock_.Advance(3 * 86400);  // Fri 2024-11-29
  s = SignIn("clerk");        // the session of Tuesday has timed out
  HttpReply page = Send("GET", "/admin/applications/" + std::to_string(id), "",
                        "Cookie: gk_session=" + s + "\r\n");
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(Contains(page.body, "<strong id=\"app-due\">2024-12-24</strong>"));
  EXPECT_TRUE(Contains(page.body, "<strong id=\"app-days-left\">剩余17个工作日</strong>"));
  EXPECT_TRUE(Contains(page.body, "id=\"form-decided\""));
  EXPECT_FALSE(Contains(page.body, "id=\"form-confirmed\""));  // already confirmed online
  std::string csrf = Match(page.body, "name=\"_csrf\" value=\"([^\"]+)\"");
  HttpReply decided = Send("POST", "/admin/applications/" + std::to_string(id) + "/events",
                           FormBody({{"_csrf", csrf},
                                     {"type", "decided"},
                                     {"date", "2024-11-29"},
                                     {"outcome", "1"},
                                     {"confirm", "1"}}),  // as the confirmation page posts it
                           std::string(kForm) + "Cookie: gk_session=" + s + "\r\n");
  EXPECT_EQ(decided.status, 303) << decided.body;
  EXPECT_EQ(decided.Header("location"),
            "/admin/applications/" + std::to_string(id) + "?recorded=1");

  // The reply letter, as a printable page and as DOCX.
  std::string letters = "/admin/applications/" + std::to_string(id) + "/letters/reply";
  page = Send("GET", "/admin/applications/" + std::to_string(id), "",
              "Cookie: gk_session=" + s + "\r\n");
  EXPECT_TRUE(Contains(page.body, "action=\"" + letters + "\" id=\"letter-reply\""));
  HttpReply html = Send("GET", letters + "?contact_person=" + Enc("王经办"), "",
                        "Cookie: gk_session=" + s + "\r\n");
  ASSERT_EQ(html.status, 200) << html.body;
  EXPECT_TRUE(Contains(html.body, "政府信息公开申请答复书"));
  EXPECT_TRUE(Contains(html.body, "樟工信依申答〔2024〕1号"));
  EXPECT_TRUE(Contains(html.body, "李明："));
  EXPECT_TRUE(Contains(html.body, "二〇二四年十一月二十九日"));
  HttpReply docx = Send("GET", letters + "/docx", "", "Cookie: gk_session=" + s + "\r\n");
  ASSERT_EQ(docx.status, 200);
  EXPECT_EQ(docx.Header("content-type"),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  EXPECT_EQ(docx.body.substr(0, 2), "PK");
  EXPECT_TRUE(Contains(docx.Header("content-disposition"), "attachment;"));
  // No correction was requested, so there is no 补正通知书 to write.
  HttpReply none = Send("GET", "/api/v1/applications/" + std::to_string(id) + "/letters/correction",
                        "", "Cookie: gk_session=" + s + "\r\n");
  EXPECT_EQ(none.status, 422) << none.body;

  status = LookUp(code);
  EXPECT_TRUE(Contains(status.body, "<td id=\"status-label\">已办结</td>")) << status.body;
  EXPECT_TRUE(
      Contains(status.body, "<tr><th scope=\"row\">办结日期</th><td>2024年11月29日</td></tr>"));
  EXPECT_TRUE(Contains(status.body, "<td id=\"status-outcome\">"));
  EXPECT_TRUE(Contains(status.body, "予以公开"));
}

TEST_F(ApplicationsWebTest, ApplyWithoutTheFormTokenIs403AndStoresNothing) {
  HttpReply r = Send("POST", "/apply", FormBody(ApplyFields("无令牌的申请")), kForm);
  EXPECT_EQ(r.status, 403);
  EXPECT_TRUE(Contains(r.body, "请求校验失败（CSRF），请刷新申请页面后重新提交"));
  HttpReply wrong = Send("POST", "/apply", FormBody(ApplyFields("令牌不符")) + "&_csrf=abc",
                         std::string(kForm) + "Cookie: gk_apply=def\r\n");
  EXPECT_EQ(wrong.status, 403);
  std::string s = SignIn("clerk");
  HttpReply list = Api("GET", "/api/v1/agencies/" + std::to_string(bureau_) + "/applications", s);
  ASSERT_EQ(list.status, 200);
  EXPECT_EQ(nlohmann::json::parse(list.body)["count"], 0);
}

TEST_F(ApplicationsWebTest, OversizedApplicationIs413) {
  HttpReply r = SubmitOnline(ApplyFields(std::string(70 * 1024, 'a')));
  EXPECT_EQ(r.status, 413);
  EXPECT_TRUE(Contains(r.body, "申请内容过长（上限 64 KiB），请精简后重新提交"));
}

TEST_F(ApplicationsWebTest, MissingFieldsKeepTheInputAndExplain) {
  auto fields = ApplyFields("");
  HttpReply r = SubmitOnline(fields);
  EXPECT_EQ(r.status, 422) << r.body;
  EXPECT_TRUE(Contains(
      r.body, "<p class=\"field-error\" id=\"description-error\">请填写所需信息的内容描述</p>"));
  EXPECT_TRUE(Contains(r.body, "value=\"李明\""));  // the input is kept
  EXPECT_TRUE(Contains(r.body, "value=\"13800000000\""));

  fields = ApplyFields("查询");
  fields[0].second = "";  // no agency chosen
  r = SubmitOnline(fields);
  EXPECT_EQ(r.status, 422);
  EXPECT_TRUE(
      Contains(r.body, "<p class=\"field-error\" id=\"agency_id-error\">请选择受理申请的机关</p>"));

  fields = ApplyFields("查询");
  fields[3].second = "110105194912310021";  // wrong check character
  r = SubmitOnline(fields);
  EXPECT_EQ(r.status, 422);
  EXPECT_TRUE(Contains(r.body, "value=\"110105194912310021\""));
}

TEST_F(ApplicationsWebTest, MalformedUtf8IsRefused) {
  HttpReply form = Send("GET", "/apply");
  std::string token = CookieValue(form, "gk_apply");
  // The description's bytes are FF FE: not UTF-8.
  std::string body = FormBody(ApplyFields("@@")) + "&_csrf=" + token;
  body.replace(body.find("%40%40"), 6, "%FF%FE");
  HttpReply r =
      Send("POST", "/apply", body, std::string(kForm) + "Cookie: gk_apply=" + token + "\r\n");
  EXPECT_EQ(r.status, 422) << r.body;
  EXPECT_TRUE(Contains(r.body, "所需信息的内容描述含有无效字符（须为 UTF-8 文本，不含控制字符）"));
  std::string s = SignIn("clerk");
  HttpReply list = Api("GET", "/api/v1/agencies/" + std::to_string(bureau_) + "/applications", s);
  EXPECT_EQ(nlohmann::json::parse(list.body)["count"], 0);
}

TEST_F(ApplicationsWebTest, HostileDescriptionIsEscapedEverywhere) {
  const std::string hostile = "<script>alert(1)</script>\"'&";
  HttpReply done = SubmitOnline(ApplyFields(hostile));
  ASSERT_EQ(done.status, 200) << done.body;
  std::string s = SignIn("clerk");
  int64_t id = IdOf(s, "樟工信依申〔2024〕1号");
  HttpReply page = Send("GET", "/admin/applications/" + std::to_string(id), "",
                        "Cookie: gk_session=" + s + "\r\n");
  ASSERT_EQ(page.status, 200);
  EXPECT_FALSE(Contains(page.body, "<script>alert(1)"));
  EXPECT_TRUE(Contains(page.body, "<td id=\"app-description\">&lt;script&gt;alert(1)&lt;"))
      << page.body;
  EXPECT_TRUE(Contains(page.body, "&quot;&#39;&amp;</td>"));
  // Kept input on an error page is escaped too.
  auto fields = ApplyFields(hostile);
  fields[3].second = "bad\"><script>";
  HttpReply err = SubmitOnline(fields);
  EXPECT_FALSE(Contains(err.body, "<script>alert(1)"));
  EXPECT_FALSE(Contains(err.body, "bad\"><script>"));
}

TEST_F(ApplicationsWebTest, AnotherAgencysClerkGets403) {
  HttpReply done = SubmitOnline(ApplyFields("企业名单"));
  ASSERT_EQ(done.status, 200);
  std::string clerk = SignIn("clerk");
  int64_t id = IdOf(clerk, "樟工信依申〔2024〕1号");
  ASSERT_GT(id, 0);
  std::string other = SignIn("other");
  std::string path = "/api/v1/applications/" + std::to_string(id);
  EXPECT_EQ(Api("GET", path, other).status, 403);
  HttpReply ev = Api("POST", path + "/events", other,
                     R"({"type":"decided","date":"2024-11-26","outcomes":["1"]})", CsrfOf(other));
  EXPECT_EQ(ev.status, 403);
  EXPECT_EQ(Send("GET", "/admin/applications/" + std::to_string(id), "",
                 "Cookie: gk_session=" + other + "\r\n")
                .status,
            403);
  EXPECT_EQ(Api("GET", "/api/v1/agencies/" + std::to_string(bureau_) + "/applications/queue", other)
                .status,
            403);
  // Nothing was recorded.
  auto j = nlohmann::json::parse(Api("GET", path, clerk).body);
  EXPECT_EQ(j["events"].size(), 2u);  // 提交, 确认收到
}

TEST_F(ApplicationsWebTest, StatusLookupsAreTheSameForAnyUnknownCodeAndCapped) {
  HttpReply a = LookUp("AAAA-BBBB-CCCC-DDDD");
  HttpReply b = LookUp("not a code <b>");
  HttpReply c = LookUp("");
  EXPECT_EQ(a.status, 404);
  EXPECT_EQ(b.status, 404);
  EXPECT_EQ(c.status, 404);
  std::string msg_a = Match(a.body, "id=\"lookup-error\">([^<]+)<");
  EXPECT_FALSE(msg_a.empty());
  EXPECT_EQ(Match(b.body, "id=\"lookup-error\">([^<]+)<"), msg_a);
  EXPECT_EQ(Match(c.body, "id=\"lookup-error\">([^<]+)<"), msg_a);
  EXPECT_TRUE(Contains(b.body, "value=\"not a code &lt;b&gt;\""));
  for (int i = 0; i < 7; ++i) LookUp("AAAA-BBBB-CCCC-DDD" + std::to_string(i));
  HttpReply capped = LookUp("AAAA-BBBB-CCCC-DDDD");
  EXPECT_EQ(capped.status, 429);
  EXPECT_TRUE(Contains(capped.body, "查询失败次数过多，请15分钟后再试"));
}

TEST_F(ApplicationsWebTest, StaffRegisterALetterThroughTheFormAndARefusedEventIsExplained) {
  std::string s = SignIn("clerk");
  std::string cookie = "Cookie: gk_session=" + s + "\r\n";
  HttpReply form =
      Send("GET", "/admin/applications/new?agency=" + std::to_string(bureau_), "", cookie);
  ASSERT_EQ(form.status, 200);
  EXPECT_TRUE(Contains(form.body, "<option value=\"" + std::to_string(bureau_) +
                                      "\" selected>樟树市工业和信息化局</option>"));
  EXPECT_TRUE(Contains(form.body, "<option value=\"registered_letter\">信函（挂号）</option>"));
  EXPECT_TRUE(
      Contains(form.body, "name=\"submitted_date\" type=\"date\" required value=\"2024-11-26\""));
  std::string csrf = Match(form.body, "name=\"_csrf\" value=\"([^\"]+)\"");

  // A registered letter that arrived on Friday 11-22 and was signed for on Monday 11-25.
  auto fields = ApplyFields("企业技术改造补助名单");
  fields.insert(fields.end(), {{"_csrf", csrf},
                               {"channel", "registered_letter"},
                               {"submitted_date", "2024-11-22"},
                               {"receipt_date", "2024-11-25"}});
  HttpReply done =
      Send("POST", "/admin/applications", FormBody(fields), std::string(kForm) + cookie);
  ASSERT_EQ(done.status, 200) << done.body;
  EXPECT_TRUE(Contains(done.body, "已登记：樟工信依申〔2024〕1号。申请人查询码："));
  EXPECT_TRUE(Contains(done.body, "<strong id=\"app-due\">2024-12-23</strong>"));
  EXPECT_TRUE(Contains(
      done.body, "<tr><td data-label=\"日期\">2024-11-25</td><td data-label=\"事项\">签收</td>"));

  // The same with a wrong 身份证 check character: 422, the input kept.
  fields[3].second = "110105194912310021";
  HttpReply bad =
      Send("POST", "/admin/applications", FormBody(fields), std::string(kForm) + cookie);
  EXPECT_EQ(bad.status, 422);
  EXPECT_TRUE(Contains(bad.body, "value=\"110105194912310021\""));
  EXPECT_TRUE(Contains(bad.body, "<option value=\"registered_letter\" selected>"));

  // A payment without a fee notice is out of order: 422 (a refused action), the reason on the
  // page, nothing stored.
  int64_t id = IdOf(s, "樟工信依申〔2024〕1号");
  HttpReply paid = Send("POST", "/admin/applications/" + std::to_string(id) + "/events",
                        FormBody({{"_csrf", csrf}, {"type", "fee_paid"}, {"date", "2024-11-26"}}),
                        std::string(kForm) + cookie);
  EXPECT_EQ(paid.status, 422) << paid.body;
  EXPECT_TRUE(Contains(paid.body, "<p class=\"error\" role=\"alert\" id=\"event-error\">"));
  auto j = nlohmann::json::parse(Api("GET", "/api/v1/applications/" + std::to_string(id), s).body);
  EXPECT_EQ(j["events"].size(), 2u);
  // Without the session's token the form is refused.
  HttpReply forged =
      Send("POST", "/admin/applications/" + std::to_string(id) + "/events",
           FormBody({{"type", "withdrawn"}, {"date", "2024-11-26"}}), std::string(kForm) + cookie);
  EXPECT_EQ(forged.status, 403);
}

}  // namespace
}  // namespace gongkai::apps_web

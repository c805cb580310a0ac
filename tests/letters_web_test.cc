// Letters true to the file over real HTTP (the fixture's clock is Tue 2024-11-26): a 按量 fee
// entered as pages on the staff form prints its bands; the 成文日期 defaults to the event's date,
// is changed on the letter page (CSRF, stored, audited) and through the API, and a date past the
// letter's deadline, before its event or in the future is refused with the reason (422); the
// agency's 救济途径 is printed in every reply and its absence refuses the reply, naming the
// setting.
#include "applications_web_fixture.h"

namespace gongkai::apps_web {
namespace {

using Json = nlohmann::json;

class LettersWebTest : public ApplicationsWebTest {
 protected:
  // 张三 applies in person on Tue 2024-10-08 (due 2024-11-04; Sat 10-12 is a 调休 working day);
  // returns the application id.
  std::string Register(const std::string& session, const std::string& csrf) {
    std::string body = R"({"channel":"in_person","applicant_kind":"natural_person",
      "identity":{"number":"11010519491231002X"},"contact":{"name":"张三","phone":"13800000000"},
      "description":"企业技术改造补助名单","carrier":"paper","delivery":"post",
      "events":[{"type":"submitted","date":"2024-10-08"}]})";
    HttpReply reg = Api("POST", "/api/v1/agencies/" + std::to_string(bureau_) + "/applications",
                        session, body, csrf);
    EXPECT_EQ(reg.status, 201) << reg.body;
    return std::to_string(Json::parse(reg.body)["id"].get<int64_t>());
  }
  static std::string CookieHeader(const std::string& session) {
    return "Cookie: gk_session=" + session + "\r\n";
  }
  std::vector<account::AuditEvent> Audit() {
    auto tx = store_->Begin(storage::TxMode::kRead).value();
    return tx->audit().List(50, 0).value();
  }
};

TEST_F(LettersWebTest, FeeByPagesOnTheFormAndTheLetterDateChangedOnTheLetterPage) {
  std::string s = SignIn("clerk");
  std::string csrf = CsrfOf(s);
  std::string id = Register(s, csrf);
  const std::string form = std::string(kForm) + CookieHeader(s);
  // The fee form takes pages for 按量: 2,219 pages are 83,460元 by the bands.
  HttpReply ev = Send("POST", "/admin/applications/" + id + "/events",
                      FormBody({{"_csrf", csrf},
                                {"type", "fee_notice_sent"},
                                {"date", "2024-10-10"},
                                {"fee_method", "per_volume"},
                                {"pages", "2219"},
                                {"fee_yuan", ""}}),
                      form);
  ASSERT_EQ(ev.status, 303) << ev.body;
  Json app = Json::parse(Api("GET", "/api/v1/applications/" + id, s).body);
  EXPECT_EQ(app["events"][1]["fee_fen"], 8346000);
  EXPECT_EQ(app["events"][1]["pages"], 2219);
  EXPECT_EQ(app["events"][1]["fee"], "83,460元");

  const std::string page = "/admin/applications/" + id + "/letters/fee";
  HttpReply letter = Send("GET", page + "?payment_method=" + Enc("银行转账"), "", CookieHeader(s));
  ASSERT_EQ(letter.status, 200) << letter.body;
  EXPECT_TRUE(Contains(letter.body,
                       "<p class=\"body\">共2219页：第1—30页免费；第31—100页，每页10.00元，计700.00"
                       "元；第101—200页，每页20.00元，计2,000.00元；第201—2219页，每页40.00元，计"
                       "80,760.00元；合计：83,460.00元。</p>"));
  EXPECT_TRUE(Contains(letter.body, "（截至2024年11月6日）"));
  // Dated the day of the fee notice, with the form to change it (min the notice, max today).
  EXPECT_TRUE(Contains(letter.body, "<p class=\"date\">二〇二四年十月十日</p>"));
  EXPECT_EQ(Match(letter.body,
                  "<input type=\"date\" id=\"letter-date\" name=\"date\" "
                  "value=\"([0-9-]+)\" min=\"2024-10-10\" max=\"2024-11-26\""),
            "2024-10-10");
  EXPECT_TRUE(
      Contains(letter.body, "<input type=\"hidden\" name=\"payment_method\" value=\"银行转账\">"));

  // Without the CSRF token: 403, nothing stored.
  HttpReply forged = Send("POST", page + "/date", FormBody({{"date", "2024-10-12"}}), form);
  EXPECT_EQ(forged.status, 403);
  // After the payment deadline: 422 beside the form, the typed date kept, nothing stored.
  HttpReply late = Send(
      "POST", page + "/date",
      FormBody({{"_csrf", csrf}, {"date", "2024-11-08"}, {"payment_method", "银行转账"}}), form);
  EXPECT_EQ(late.status, 422);
  EXPECT_TRUE(
      Contains(late.body,
               "<p class=\"error\" id=\"letter-date-error\" role=\"alert\">缴费期限已于2024年"
               "11月6日届满，成文日期2024年11月8日晚于该期限，不能生成收费通知书（缴费期限自"
               "申请人收到通知之日起计算，请将成文日期改为发出收费通知之日）</p>"))
      << late.body;
  EXPECT_TRUE(Contains(late.body, "value=\"2024-11-08\""));
  EXPECT_TRUE(Contains(late.body, "aria-invalid=\"true\""));
  EXPECT_TRUE(Contains(late.body, "<p class=\"date\">二〇二四年十月十日</p>"));
  // Before the notice, and after today.
  HttpReply before =
      Send("POST", page + "/date", FormBody({{"_csrf", csrf}, {"date", "2024-10-09"}}), form);
  EXPECT_EQ(before.status, 422);
  EXPECT_TRUE(Contains(
      before.body, "成文日期2024年10月9日早于收费通知的日期2024年10月10日，不能生成收费通知书"));
  HttpReply future =
      Send("POST", page + "/date", FormBody({{"_csrf", csrf}, {"date", "2024-11-27"}}), form);
  EXPECT_EQ(future.status, 422);
  EXPECT_TRUE(
      Contains(future.body, "成文日期2024年11月27日晚于今天（2024年11月26日），不能预填日期"));

  // A valid date: stored, audited, and back on the letter page with the clerk's text kept.
  HttpReply set = Send(
      "POST", page + "/date",
      FormBody({{"_csrf", csrf}, {"date", "2024-10-12"}, {"payment_method", "银行转账"}}), form);
  ASSERT_EQ(set.status, 303) << set.body;
  EXPECT_EQ(set.Header("location"), page + "?date_set=1&payment_method=" + Enc("银行转账"));
  HttpReply moved = Send("GET", set.Header("location"), "", CookieHeader(s));
  ASSERT_EQ(moved.status, 200);
  EXPECT_TRUE(Contains(moved.body, "<p class=\"date\">二〇二四年十月十二日</p>"));
  EXPECT_TRUE(Contains(moved.body, "成文日期已改为2024年10月12日，已记入操作日志。"));
  EXPECT_TRUE(Contains(moved.body, "缴费方式：银行转账"));
  // The DOCX and the API carry the same date.
  HttpReply docx = Send("GET", page + "/docx", "", CookieHeader(s));
  ASSERT_EQ(docx.status, 200);
  Json j = Json::parse(Api("GET", "/api/v1/applications/" + id + "/letters/fee", s).body);
  EXPECT_EQ(j["date"], "2024-10-12");
  EXPECT_EQ(j["date_text"], "二〇二四年十月十二日");
  EXPECT_EQ(j["dating"], Json::parse(R"({"event":"收费通知","event_date":"2024-10-10",
                                          "chosen":true,"chosen_by":"clerk"})"));
  int changes = 0;
  for (const auto& a : Audit()) {
    if (a.action != "letter_date") continue;
    ++changes;
    EXPECT_EQ(a.actor, "clerk");
    EXPECT_EQ(a.target, "application:" + id);
    EXPECT_EQ(a.detail, "fee 2024-10-12（收费通知 2024-10-10）");
  }
  EXPECT_EQ(changes, 1);  // the refused attempts stored and audited nothing
}

TEST_F(LettersWebTest, ApiDatesALetterAndRefusesALateExtensionNotice) {
  std::string s = SignIn("clerk");
  std::string csrf = CsrfOf(s);
  std::string id = Register(s, csrf);
  const std::string path = "/api/v1/applications/" + id;
  ASSERT_EQ(
      Api("POST", path + "/events", s,
          R"({"type":"extension_approved","date":"2024-10-30","days":10,"party":"局长"})", csrf)
          .status,
      201);
  Json j = Json::parse(Api("GET", path + "/letters/extension", s).body);
  EXPECT_EQ(j["date"], "2024-10-30");
  EXPECT_EQ(j["dating"]["chosen"], false);
  // An extension notice dated after the original due date (2024-11-04) is refused.
  EXPECT_EQ(Api("POST", path + "/letters/extension/date", s, R"({"date":"2024-11-05"})").status,
            403);  // no CSRF token
  HttpReply late =
      Api("POST", path + "/letters/extension/date", s, R"({"date":"2024-11-05"})", csrf);
  EXPECT_EQ(late.status, 422);
  EXPECT_EQ(
      Json::parse(late.body)["error"]["message"],
      "原答复期限已于2024年11月4日届满，成文日期2024年11月5日晚于该期限，不能生成延期通知书"
      "（延长答复期限须在答复期限届满前告知申请人，《中华人民共和国政府信息公开条例》第三十三条"
      "第二款）");
  HttpReply bad = Api("POST", path + "/letters/extension/date", s, R"({"date":"明天"})", csrf);
  EXPECT_EQ(bad.status, 400);
  HttpReply ok = Api("POST", path + "/letters/extension/date", s, R"({"date":"2024-11-04"})", csrf);
  ASSERT_EQ(ok.status, 200) << ok.body;
  EXPECT_EQ(Json::parse(ok.body)["date_text"], "二〇二四年十一月四日");
  // No reply letter yet: nothing to date.
  HttpReply none = Api("POST", path + "/letters/reply/date", s, R"({"date":"2024-11-05"})", csrf);
  EXPECT_EQ(none.status, 422);
  EXPECT_EQ(Json::parse(none.body)["error"]["message"],
            "尚无答复书所答复的办理事项，不能设定成文日期");
  // Another agency's clerk may not date it.
  std::string other = SignIn("other");
  EXPECT_EQ(Api("POST", path + "/letters/extension/date", other, R"({"date":"2024-11-01"})",
                CsrfOf(other))
                .status,
            403);
}

TEST_F(LettersWebTest, RepliesNameTheAgencysRemedyBodiesAndAreRefusedWithoutThem) {
  services::AccountService accounts(*store_, clock_, security_);
  AddUser(accounts, "admin", {{account::Role::kAgencyAdmin, bureau_}});
  // Decisions count at once (no 拟办→签发 chain): this test is about the letter's remedies.
  ASSERT_TRUE(
      app_->applications().SetDecisionChain(account::Actor::Console(), bureau_, "none").ok());
  std::string s = SignIn("clerk");
  std::string csrf = CsrfOf(s);
  std::string id = Register(s, csrf);
  const std::string path = "/api/v1/applications/" + id;
  ASSERT_EQ(Api("POST", path + "/events", s,
                R"({"type":"decided","date":"2024-10-25","outcomes":["3.1"]})", csrf)
                .status,
            201);
  Json reply = Json::parse(Api("GET", path + "/letters/reply", s).body);
  EXPECT_EQ(reply["date"], "2024-10-25");  // the decision's date, not today
  EXPECT_EQ(
      reply["remedy"],
      "如对本答复不服，可以在收到本答复之日起六十日内向樟树市人民政府申请行政复议，或者在六个月"
      "内向樟树市人民法院提起行政诉讼。");

  // The agency admin changes the court on the agency form: every reply follows.
  std::string a = SignIn("admin");
  std::string a_csrf = CsrfOf(a);
  HttpReply agency_page = Send("GET", "/admin", "", CookieHeader(a));
  EXPECT_TRUE(Contains(agency_page.body, "name=\"reconsideration_body\" value=\"樟树市人民政府\""));
  HttpReply put = Api("PUT", "/api/v1/agencies/" + std::to_string(bureau_), a,
                      R"({"court":"宜春市袁州区人民法院"})", a_csrf);
  ASSERT_EQ(put.status, 200) << put.body;
  EXPECT_EQ(Json::parse(put.body)["court"], "宜春市袁州区人民法院");
  reply = Json::parse(Api("GET", path + "/letters/reply", s).body);
  EXPECT_EQ(
      reply["remedy"],
      "如对本答复不服，可以在收到本答复之日起六十日内向樟树市人民政府申请行政复议，或者在六个月"
      "内向宜春市袁州区人民法院提起行政诉讼。");

  // Cleared on the agency form: the reply is refused, naming the setting, on the API and the page.
  HttpReply cleared = Send("POST", "/admin/agencies/" + std::to_string(bureau_),
                           FormBody({{"_csrf", a_csrf},
                                     {"name", "樟树市工业和信息化局"},
                                     {"short_name", "樟工信"},
                                     {"kind", "department"},
                                     {"level", "county"},
                                     {"reconsideration_body", ""},
                                     {"court", ""}}),
                           std::string(kForm) + CookieHeader(a));
  ASSERT_LT(cleared.status, 400) << cleared.body;
  const std::string message =
      "机构“樟树市工业和信息化局”尚未设置救济途径中的“行政复议机关”和“人民法院”，不能生成答复书："
      "请在管理后台“机构”中填写该机构的“行政复议机关”和“人民法院”（命令行：gongkai agency set），"
      "或在本件文书中填写";
  HttpReply refused = Api("GET", path + "/letters/reply", s);
  EXPECT_EQ(refused.status, 422);
  EXPECT_EQ(Json::parse(refused.body)["error"]["message"], message);
  HttpReply refused_page =
      Send("GET", "/admin/applications/" + id + "/letters/reply", "", CookieHeader(s));
  EXPECT_EQ(refused_page.status, 422);
  EXPECT_TRUE(Contains(refused_page.body, "<h1>不能生成答复书</h1>"));
  EXPECT_TRUE(Contains(refused_page.body, message));
  // The letter's own fields still work.
  HttpReply given = Api("GET",
                        path + "/letters/reply?reconsideration_body=" + Enc("樟树市人民政府") +
                            "&court=" + Enc("樟树市人民法院"),
                        s);
  EXPECT_EQ(given.status, 200) << given.body;
}

}  // namespace
}  // namespace gongkai::apps_web

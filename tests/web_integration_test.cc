// The web application end to end: real HTTP on an ephemeral port, a real
// SQLite file, a fake clock. Sign-in, CSRF, throttling, agency scoping.
#include <string>

#include "web_fixture.h"

namespace gongkai {
namespace {

using testing_util::HttpReply;
using web_test::kPassword;

class WebTest : public web_test::WebFixture {
 protected:
  WebTest() : WebFixture(64 * 1024) {}

  void Seed() override {
    AddThreeAgencies("", "");
    services::AccountService accounts(*store_, clock_, security_);
    AddUser(accounts, "admin", {{account::Role::kSystemAdmin, std::nullopt}});
    AddUser(accounts, "gongxin", {{account::Role::kAgencyAdmin, bureau_}});
    AddUser(accounts, "editor", {{account::Role::kEditor, bureau_}});
  }

  std::string AgencyName(agency::AgencyId id) {
    return services::AgencyService(*store_, clock_).Get(id).value().name;
  }
};

TEST_F(WebTest, HealthzReportsTheSchema) {
  HttpReply r = Send("GET", "/healthz");
  EXPECT_EQ(r.status, 200);
  auto j = nlohmann::json::parse(r.body);
  EXPECT_EQ(j["status"], "ok");
  EXPECT_EQ(j["schema_version"], 12);
}

TEST_F(WebTest, HomePageListsTheTreeAndIsCachedUntilAChange) {
  HttpReply r = Send("GET", "/");
  EXPECT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("共 3 个机构"), std::string::npos);
  // The departments are nested inside the government's list item.
  size_t gov = r.body.find("樟树市人民政府");
  size_t nested = r.body.find("<ul><li><span class=\"agency-name\">樟树市工业和信息化局");
  ASSERT_NE(gov, std::string::npos);
  ASSERT_NE(nested, std::string::npos) << r.body;
  EXPECT_LT(gov, nested);
  std::string etag = r.Header("etag");
  ASSERT_FALSE(etag.empty());
  EXPECT_EQ(Send("GET", "/", "", "If-None-Match: " + etag + "\r\n").status, 304);

  clock_.Advance(2);  // the generation is re-read at most once a second
  std::string s = SignIn("admin");
  ASSERT_EQ(Api("PUT", "/api/v1/agencies/" + std::to_string(bureau_), s,
                R"({"short_name":"市工信局"})", CsrfOf(s))
                .status,
            200);
  clock_.Advance(2);
  HttpReply after = Send("GET", "/", "", "If-None-Match: " + etag + "\r\n");
  EXPECT_EQ(after.status, 200);
  EXPECT_NE(after.body.find("（市工信局）"), std::string::npos);
}

TEST_F(WebTest, PublicApiListsAgencies) {
  HttpReply r = Send("GET", "/api/v1/agencies");
  ASSERT_EQ(r.status, 200);
  auto j = nlohmann::json::parse(r.body);
  EXPECT_EQ(j["count"], 3);
  EXPECT_EQ(j["agencies"][1]["name"], "樟树市工业和信息化局");
  EXPECT_EQ(j["agencies"][1]["parent_id"], gov_);
  EXPECT_EQ(Send("GET", "/api/v1/agencies/999").status, 404);
  HttpReply bad = Send("GET", "/api/v1/agencies/abc");
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(nlohmann::json::parse(bad.body)["error"]["message"], "编号“abc”无效，应为正整数");
}

TEST_F(WebTest, SignInSetsAHardenedSessionCookie) {
  HttpReply r;
  std::string session = SignIn("gongxin", kPassword, &r);
  EXPECT_EQ(r.status, 303);
  EXPECT_EQ(r.Header("location"), "/admin/workbench");
  ASSERT_FALSE(session.empty());
  std::string cookie;
  for (const auto& [k, v] : r.headers) {
    if (k == "set-cookie" && v.rfind("gk_session=", 0) == 0) cookie = v;
  }
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
  EXPECT_NE(cookie.find("SameSite=Lax"), std::string::npos);
  HttpReply admin = Send("GET", "/admin", "", "Cookie: gk_session=" + session + "\r\n");
  EXPECT_EQ(admin.status, 200);
  EXPECT_NE(admin.body.find("<td data-label=\"角色\"><strong>机构管理员</strong></td>"
                            "<td data-label=\"机构\">樟树市工业和信息化局</td>"),
            std::string::npos);
  // The sibling bureau is not editable by this user.
  EXPECT_EQ(admin.body.find("action=\"/admin/agencies/" + std::to_string(sibling_) + "\""),
            std::string::npos);
  EXPECT_NE(admin.body.find("action=\"/admin/agencies/" + std::to_string(bureau_) + "\""),
            std::string::npos);
}

TEST_F(WebTest, AdminPagesRequireSignIn) {
  HttpReply r = Send("GET", "/admin");
  EXPECT_EQ(r.status, 303);
  EXPECT_EQ(r.Header("location"), "/login");
  EXPECT_EQ(Send("GET", "/api/v1/me").status, 401);
  EXPECT_EQ(Send("GET", "/admin", "", "Cookie: gk_session=forged\r\n").status, 303);
}

TEST_F(WebTest, SignInFormWithoutItsCsrfTokenIsRefused) {
  HttpReply r = Send("POST", "/login", std::string("username=admin&password=") + kPassword,
                     "Content-Type: application/x-www-form-urlencoded\r\n");
  EXPECT_EQ(r.status, 403);
  EXPECT_TRUE(CookieValue(r, "gk_session").empty());
  EXPECT_NE(r.body.find("请求校验失败（CSRF）"), std::string::npos);
}

TEST_F(WebTest, StateChangesWithoutTheCsrfTokenAreRefusedAndChangeNothing) {
  std::string s = SignIn("admin");
  std::string path = "/api/v1/agencies/" + std::to_string(bureau_);
  HttpReply no_token = Api("PUT", path, s, R"({"name":"被篡改的名称"})", "");
  EXPECT_EQ(no_token.status, 403);
  EXPECT_EQ(nlohmann::json::parse(no_token.body)["error"]["message"],
            "请求校验失败（CSRF），请刷新页面后重试");
  HttpReply wrong = Api("PUT", path, s, R"({"name":"被篡改的名称"})", "wrong-token");
  EXPECT_EQ(wrong.status, 403);
  // A form post from another site: right cookie, no token, foreign Origin.
  HttpReply form = Send("POST", "/admin/agencies/" + std::to_string(bureau_), "name=x",
                        "Content-Type: application/x-www-form-urlencoded\r\nOrigin: "
                        "http://evil.example\r\nCookie: gk_session=" +
                            s + "\r\n");
  EXPECT_EQ(form.status, 403);
  EXPECT_EQ(AgencyName(bureau_), "樟树市工业和信息化局");
  // With the token it goes through.
  EXPECT_EQ(Api("PUT", path, s, R"({"phone":"0795-7333621"})", CsrfOf(s)).status, 200);
}

TEST_F(WebTest, RepeatedFailedSignInsAreThrottled) {
  for (int i = 0; i < 5; ++i) {
    HttpReply r;
    EXPECT_TRUE(SignIn("gongxin", "wrong-password-" + std::to_string(i), &r).empty());
    EXPECT_EQ(r.status, 403);
    EXPECT_NE(r.body.find("用户名或密码错误"), std::string::npos);
  }
  HttpReply locked;
  EXPECT_TRUE(SignIn("gongxin", kPassword, &locked).empty());
  EXPECT_EQ(locked.status, 429);
  EXPECT_NE(locked.body.find("登录失败次数过多，请15分钟后再试"), std::string::npos);
  clock_.Advance(15 * 60 + 1);
  EXPECT_FALSE(SignIn("gongxin").empty());
  // Every attempt is in the audit log.
  std::string s = SignIn("admin");
  HttpReply audit = Send("GET", "/admin/audit", "", "Cookie: gk_session=" + s + "\r\n");
  EXPECT_EQ(audit.status, 200);
  EXPECT_NE(audit.body.find("<td data-label=\"操作\">登录受限（失败次数过多）</td>"),
            std::string::npos);
  EXPECT_NE(audit.body.find("<td data-label=\"操作\">登录失败</td>"), std::string::npos);
}

TEST_F(WebTest, AgencyAdminsActOnlyWithinTheirAgency) {
  std::string s = SignIn("gongxin");
  std::string csrf = CsrfOf(s);
  auto put = [&](agency::AgencyId id, const std::string& body) {
    return Api("PUT", "/api/v1/agencies/" + std::to_string(id), s, body, csrf);
  };
  HttpReply own = put(bureau_, R"({"address":"樟树市政府大楼一楼","postcode":"331200"})");
  EXPECT_EQ(own.status, 200);
  EXPECT_EQ(nlohmann::json::parse(own.body)["postcode"], "331200");
  HttpReply parent = put(gov_, R"({"address":"x"})");
  EXPECT_EQ(parent.status, 403);
  EXPECT_EQ(nlohmann::json::parse(parent.body)["error"]["message"],
            "无权修改该机构（需要该机构或其上级机构的机构管理员角色）");
  EXPECT_EQ(put(sibling_, R"({"address":"x"})").status, 403);
  // Moving its own agency elsewhere is for system admins only.
  EXPECT_EQ(put(bureau_, "{\"parent_id\":" + std::to_string(sibling_) + "}").status, 403);

  HttpReply child =
      Api("POST", "/api/v1/agencies", s,
          "{\"name\":\"工信局下属中心\",\"parent_id\":" + std::to_string(bureau_) + "}", csrf);
  EXPECT_EQ(child.status, 201);
  HttpReply root = Api("POST", "/api/v1/agencies", s, R"({"name":"另一个市人民政府"})", csrf);
  EXPECT_EQ(root.status, 403);
  HttpReply under_sibling =
      Api("POST", "/api/v1/agencies", s,
          "{\"name\":\"越权机构\",\"parent_id\":" + std::to_string(sibling_) + "}", csrf);
  EXPECT_EQ(under_sibling.status, 403);

  // An editor of the bureau may not edit it at all.
  std::string e = SignIn("editor");
  EXPECT_EQ(
      Api("PUT", "/api/v1/agencies/" + std::to_string(bureau_), e, R"({"address":"y"})", CsrfOf(e))
          .status,
      403);
  // The audit log: an agency admin sees their agencies' part; an editor none.
  HttpReply audit = Send("GET", "/admin/audit", "", "Cookie: gk_session=" + s + "\r\n");
  EXPECT_EQ(audit.status, 200);
  EXPECT_NE(audit.body.find("仅含您管理的机构及其下级机构"), std::string::npos);
  EXPECT_EQ(Send("GET", "/admin/audit", "", "Cookie: gk_session=" + e + "\r\n").status, 403);
}

TEST_F(WebTest, BadInputGetsClearChineseErrors) {
  std::string s = SignIn("admin");
  std::string csrf = CsrfOf(s);
  std::string path = "/api/v1/agencies/" + std::to_string(bureau_);
  auto msg = [](const HttpReply& r) {
    auto j = nlohmann::json::parse(r.body, nullptr, false);
    return j.is_object() ? j["error"]["message"].get<std::string>() : r.body;
  };
  HttpReply not_json = Api("PUT", path, s, "{name:", csrf);
  EXPECT_EQ(not_json.status, 400);
  EXPECT_EQ(msg(not_json), "请求体不是有效的 JSON（须为 UTF-8 编码）");
  HttpReply bad_utf8 = Api("PUT", path, s, "{\"name\":\"\xff\xfe\"}", csrf);
  EXPECT_EQ(bad_utf8.status, 400);
  HttpReply bad_code = Api("PUT", path, s, R"({"credit_code":"11341702486344515J"})", csrf);
  EXPECT_EQ(bad_code.status, 400);
  EXPECT_EQ(msg(bad_code),
            "统一社会信用代码“11341702486344515J”无效：校验位（第18位）应为“H”，实际为“J”");
  HttpReply unknown = Api("PUT", path, s, R"({"colour":"red"})", csrf);
  EXPECT_EQ(msg(unknown), "未知字段“colour”");
  HttpReply dup = Api("PUT", path, s, R"({"name":"樟树市教育体育局"})", csrf);
  EXPECT_EQ(dup.status, 409);
  HttpReply big = Api("PUT", path, s, std::string(100 * 1024, ' '), csrf);
  EXPECT_EQ(big.status, 413);
  EXPECT_EQ(AgencyName(bureau_), "樟树市工业和信息化局");
}

TEST_F(WebTest, SignOutEndsTheSession) {
  std::string s = SignIn("admin");
  std::string csrf = CsrfOf(s);
  HttpReply forged =
      Send("POST", "/logout", "",
           "Content-Type: application/x-www-form-urlencoded\r\nCookie: gk_session=" + s + "\r\n");
  EXPECT_EQ(forged.status, 403);  // no token: the session survives
  EXPECT_EQ(Send("GET", "/api/v1/me", "", "Cookie: gk_session=" + s + "\r\n").status, 200);
  HttpReply out =
      Send("POST", "/logout", "_csrf=" + csrf,
           "Content-Type: application/x-www-form-urlencoded\r\nCookie: gk_session=" + s + "\r\n");
  EXPECT_EQ(out.status, 303);
  EXPECT_EQ(Send("GET", "/api/v1/me", "", "Cookie: gk_session=" + s + "\r\n").status, 401);
}

TEST_F(WebTest, SessionsExpireWhenIdle) {
  std::string s = SignIn("admin");
  EXPECT_EQ(Send("GET", "/api/v1/me", "", "Cookie: gk_session=" + s + "\r\n").status, 200);
  clock_.Advance(2 * 3600 + 1);
  EXPECT_EQ(Send("GET", "/api/v1/me", "", "Cookie: gk_session=" + s + "\r\n").status, 401);
}

TEST_F(WebTest, JsonSignInForScripts) {
  HttpReply r = Send("POST", "/api/v1/session",
                     std::string(R"({"username":"admin","password":")") + kPassword + "\"}",
                     "Content-Type: application/json\r\n");
  EXPECT_EQ(r.status, 200);
  EXPECT_FALSE(CookieValue(r, "gk_session").empty());
  HttpReply form = Send("POST", "/api/v1/session", "username=admin",
                        "Content-Type: application/x-www-form-urlencoded\r\n");
  EXPECT_EQ(form.status, 400);
}

}  // namespace
}  // namespace gongkai

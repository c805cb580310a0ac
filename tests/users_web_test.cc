// Users on the web, over real HTTP: an agency administrator adds a user and grants and revokes
// roles within their agency only; a reset forces a password change; an unlock lifts the
// sign-in throttle; one's own password change ends one's other sessions.
#include <string>

#include "admins_web_fixture.h"

namespace gongkai {
namespace {

using testing_util::HttpReply;
using web_test::kForm;
using web_test::kPassword;

class UsersWebTest : public web_test::AdminsWebFixture {
 protected:
  // gongxin adds 依申请公开经办人 xiaowang of 樟工信 with the temporary password Temp-pass-2024.
  void AddClerk(const std::string& session) {
    HttpReply r = Post("/admin/users", session,
                       "username=xiaowang&display_name=%E7%8E%8B%E5%B0%8F&role=application_clerk"
                       "&agency_id=" +
                           std::to_string(bureau_) + "&password=Temp-pass-2024");
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_NE(r.body.find("已新增用户 xiaowang（首次登录须修改密码）"), std::string::npos);
  }

  int64_t UserId(const std::string& username) {
    auto tx = store_->Begin(storage::TxMode::kRead).value();
    return tx->users().GetByUsername(username).value().id;
  }

  std::string Path(const std::string& username, const std::string& action = "") {
    return "/admin/users/" + std::to_string(UserId(username)) + action;
  }

  // Signs in with a temporary password and sets `password`; the session cookie.
  std::string FirstSignIn(const std::string& user, const std::string& temporary,
                          const std::string& password) {
    HttpReply login;
    std::string s = SignIn(user, temporary, &login);
    EXPECT_EQ(login.status, 303);
    EXPECT_EQ(login.Header("location"), "/account/password");
    HttpReply changed = Post("/account/password", s,
                             "current_password=" + temporary + "&new_password=" + password +
                                 "&new_password_confirm=" + password);
    EXPECT_EQ(changed.status, 200) << changed.body;
    return s;
  }

  nlohmann::json Me(const std::string& session) {
    return nlohmann::json::parse(Get("/api/v1/me", session).body, nullptr, false);
  }
};

TEST_F(UsersWebTest, AgencyAdminAddsAClerkOnTheirAgencyOnly) {
  std::string g = SignIn("gongxin");
  HttpReply page = Get("/admin/users", g);
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(
      page.body.find("<option value=\"" + std::to_string(bureau_) + "\">樟树市工业和信息化局"),
      std::string::npos);
  EXPECT_EQ(page.body.find("<option value=\"system_admin\">"), std::string::npos);
  EXPECT_EQ(page.body.find("樟树市教育体育局</option>"), std::string::npos);

  AddClerk(g);

  // The new clerk signs in, must change the password first, then sees the agency.
  std::string w = FirstSignIn("xiaowang", "Temp-pass-2024", "Wang-own-pass-1");
  HttpReply queue = Get("/admin/applications", w);
  ASSERT_EQ(queue.status, 200);
  EXPECT_NE(queue.body.find("樟树市工业和信息化局"), std::string::npos);
  auto me = Me(w);
  ASSERT_EQ(me["roles"].size(), 1u);
  EXPECT_EQ(me["roles"][0]["role_name"], "依申请公开经办人");
  EXPECT_EQ(me["roles"][0]["agency_id"], bureau_);

  // Another agency, and the system-admin role, are refused.
  HttpReply other =
      Post("/admin/users", g,
           "username=xiaoli&role=application_clerk&agency_id=" + std::to_string(sibling_) +
               "&password=Temp-pass-2024");
  EXPECT_EQ(other.status, 403);
  EXPECT_NE(other.body.find("无权授予该机构的“依申请公开经办人”角色"), std::string::npos);
  HttpReply sys = Post(Path("xiaowang", "/roles"), g, "role=system_admin");
  EXPECT_EQ(sys.status, 403);
  EXPECT_NE(sys.body.find("只有系统管理员可以授予系统管理员角色"), std::string::npos);
  HttpReply sibling =
      Post(Path("xiaowang", "/roles"), g, "role=editor&agency_id=" + std::to_string(sibling_));
  EXPECT_EQ(sibling.status, 403);

  // Grant 信息员, then revoke 依申请公开经办人.
  HttpReply granted =
      Post(Path("xiaowang", "/roles"), g, "role=editor&agency_id=" + std::to_string(bureau_));
  ASSERT_EQ(granted.status, 200) << granted.body;
  EXPECT_NE(granted.body.find("已授予角色"), std::string::npos);
  HttpReply revoked = Post(Path("xiaowang", "/roles/revoke"), g,
                           "role=application_clerk&agency_id=" + std::to_string(bureau_));
  ASSERT_EQ(revoked.status, 200) << revoked.body;
  me = Me(w);
  ASSERT_EQ(me["roles"].size(), 1u);
  EXPECT_EQ(me["roles"][0]["role"], "editor");

  // The API says the same: 2 users of 樟工信 (the admin and the clerk), and 403 elsewhere.
  HttpReply list = Api("GET", "/api/v1/users", g);
  ASSERT_EQ(list.status, 200);
  auto users = nlohmann::json::parse(list.body);
  EXPECT_EQ(users["count"], 2);
  EXPECT_EQ(users["users"][1]["username"], "xiaowang");
  EXPECT_EQ(users["users"][1]["state"], "正常");
  HttpReply api_other = Api(
      "POST", "/api/v1/users", g,
      R"({"username":"xiaozhao","role":"read_only","agency_id":)" + std::to_string(sibling_) + "}",
      CsrfOf(g));
  EXPECT_EQ(api_other.status, 403);
  HttpReply api_add = Api(
      "POST", "/api/v1/users", g,
      R"({"username":"xiaozhao","role":"read_only","agency_id":)" + std::to_string(bureau_) + "}",
      CsrfOf(g));
  ASSERT_EQ(api_add.status, 201) << api_add.body;
  auto created = nlohmann::json::parse(api_add.body);
  EXPECT_EQ(created["must_change_password"], true);
  EXPECT_EQ(created["generated_password"].get<std::string>().size(), 16u);

  // A user with a role on another agency is beyond this admin: no disable, no reset.
  services::UserAdminService admin(*store_, clock_, security_);
  account::RoleGrant elsewhere{account::Role::kReadOnly, sibling_};
  ASSERT_TRUE(admin.Grant(account::Actor::Console(), UserId("xiaowang"), elsewhere).ok());
  EXPECT_EQ(Post(Path("xiaowang", "/disable"), g, "").status, 403);
  EXPECT_EQ(Post(Path("xiaowang", "/password"), g, "").status, 403);
  // Without CSRF nothing changes.
  EXPECT_EQ(
      Send("POST", Path("xiaowang", "/roles"), "role=editor&agency_id=" + std::to_string(bureau_),
           std::string(kForm) + "Cookie: gk_session=" + g + "\r\n")
          .status,
      403);
}

TEST_F(UsersWebTest, ResetForcesAPasswordChangeAtTheNextSignIn) {
  std::string g = SignIn("gongxin");
  AddClerk(g);
  std::string w = FirstSignIn("xiaowang", "Temp-pass-2024", "Wang-own-pass-1");
  EXPECT_EQ(Get("/admin/applications", w).status, 200);

  HttpReply reset = Post(Path("xiaowang", "/password"), g, "password=");
  ASSERT_EQ(reset.status, 200) << reset.body;
  std::string temporary = Match(reset.body, "id=\"generated-password\">([A-Za-z0-9_-]{16})<");
  ASSERT_EQ(temporary.size(), 16u) << reset.body;
  EXPECT_EQ(Get("/api/v1/me", w).status, 401);  // the user's sessions ended

  HttpReply login;
  std::string t = SignIn("xiaowang", temporary, &login);
  ASSERT_EQ(login.status, 303);
  EXPECT_EQ(login.Header("location"), "/account/password");
  // Nothing else until the password is changed: pages redirect, the API refuses.
  HttpReply blocked = Get("/admin/applications", t);
  EXPECT_EQ(blocked.status, 303);
  EXPECT_EQ(blocked.Header("location"), "/account/password");
  HttpReply api = Api("GET", "/api/v1/agencies/" + std::to_string(bureau_) + "/applications", t);
  EXPECT_EQ(api.status, 403);
  EXPECT_EQ(nlohmann::json::parse(api.body)["error"]["code"], "PasswordChangeRequired");
  EXPECT_NE(Get("/account/password", t).body.find("您正在使用管理员设定的临时密码"),
            std::string::npos);

  HttpReply mismatch =
      Post("/account/password", t,
           "current_password=" + temporary +
               "&new_password=Wang-new-pass-2&new_password_confirm=Wang-new-pass-3");
  EXPECT_EQ(mismatch.status, 400);
  EXPECT_NE(mismatch.body.find("两次输入的新密码不一致"), std::string::npos);
  HttpReply done = Post("/account/password", t,
                        "current_password=" + temporary +
                            "&new_password=Wang-new-pass-2&new_password_confirm=Wang-new-pass-2");
  ASSERT_EQ(done.status, 200) << done.body;
  EXPECT_EQ(Get("/admin/applications", t).status, 200);
  EXPECT_EQ(Me(t)["must_change_password"], false);
}

TEST_F(UsersWebTest, UnlockLiftsTheSignInThrottle) {
  std::string g = SignIn("gongxin");
  AddClerk(g);
  for (int i = 0; i < 5; ++i) {
    HttpReply r;
    SignIn("xiaowang", "wrong-pass-" + std::to_string(i), &r);
    EXPECT_EQ(r.status, 403);
  }
  HttpReply locked;
  EXPECT_EQ(SignIn("xiaowang", "Temp-pass-2024", &locked), "");
  EXPECT_EQ(locked.status, 429);
  HttpReply page = Get(Path("xiaowang"), g);
  EXPECT_NE(page.body.find("登录失败次数过多，已暂停登录"), std::string::npos);

  HttpReply unlocked = Post(Path("xiaowang", "/unlock"), g, "");
  ASSERT_EQ(unlocked.status, 200);
  EXPECT_NE(unlocked.body.find("已解除登录限制"), std::string::npos);
  EXPECT_NE(unlocked.body.find("<strong>须修改密码</strong>"), std::string::npos);
  HttpReply ok;
  EXPECT_NE(SignIn("xiaowang", "Temp-pass-2024", &ok), "");
  EXPECT_EQ(ok.status, 303);
  // jiaoti manages another agency: refused, and the refusal is audited.
  std::string j = SignIn("jiaoti");
  EXPECT_EQ(Post(Path("xiaowang", "/unlock"), j, "").status, 403);
}

TEST_F(UsersWebTest, OwnPasswordChangeEndsTheOtherSessions) {
  std::string one = SignIn("gongxin");
  std::string two = SignIn("gongxin");
  HttpReply wrong = Post("/account/password", one,
                         "current_password=nope-nope-1&new_password=Gong-new-pass-1"
                         "&new_password_confirm=Gong-new-pass-1");
  EXPECT_EQ(wrong.status, 403);
  EXPECT_NE(wrong.body.find("当前密码错误"), std::string::npos);
  HttpReply weak = Post("/account/password", one,
                        std::string("current_password=") + kPassword +
                            "&new_password=1234567890&new_password_confirm=1234567890");
  EXPECT_EQ(weak.status, 400);
  EXPECT_NE(weak.body.find("密码不能全为数字"), std::string::npos);
  HttpReply done = Post("/account/password", one,
                        std::string("current_password=") + kPassword +
                            "&new_password=Gong-new-pass-1&new_password_confirm=Gong-new-pass-1");
  ASSERT_EQ(done.status, 200) << done.body;
  EXPECT_NE(done.body.find("密码已修改，您在其他地方的登录已全部退出。"), std::string::npos);
  EXPECT_EQ(Get("/api/v1/me", one).status, 200);
  EXPECT_EQ(Get("/api/v1/me", two).status, 401);
  EXPECT_EQ(SignIn("gongxin"), "");
  EXPECT_NE(SignIn("gongxin", "Gong-new-pass-1"), "");
}

}  // namespace
}  // namespace gongkai

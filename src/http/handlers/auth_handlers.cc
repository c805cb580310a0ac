#include "account/password.h"
#include "core/text.h"
#include "http/handlers/handlers.h"

namespace gongkai::http {

namespace {

HttpResponse SignedInResponse(WebApp& app, HttpResponse r,
                              const services::AccountService::LoginResult& login) {
  r.AddHeader("Set-Cookie",
              SetCookie(WebApp::kSessionCookie, login.token,
                        app.security().session_lifetime_seconds, app.options().cookies, "Lax"));
  r.AddHeader("Set-Cookie", SetCookie(WebApp::kPreLoginCookie, "", 0, app.options().cookies));
  return r;
}

HttpResponse LoginPage(WebApp& app, int status, const std::string& error,
                       const std::string& username) {
  auto token = account::RandomToken();
  if (!token.ok()) return app.Page(500, "error", "出错了", {{"message", "无法生成令牌"}});
  HttpResponse r = app.Page(status, "login", "登录",
                            {{"prelogin_csrf", *token},
                             {"error", error},
                             {"has_error", !error.empty()},
                             {"username", username}});
  r.AddHeader("Set-Cookie",
              SetCookie(WebApp::kPreLoginCookie, *token, 3600, app.options().cookies, "Strict"));
  return r;
}

}  // namespace

HttpResponse HandleLoginForm(const HttpRequest& req, WebApp& app) {
  if (app.CurrentUser(req)) return Redirect("/admin/workbench");
  return LoginPage(app, 200, "", "");
}

HttpResponse HandleLogin(const HttpRequest& req, WebApp& app) {
  Status csrf = app.CheckPreLoginCsrf(req);
  if (!csrf.ok()) return LoginPage(app, 403, csrf.UserMessage(), "");
  std::string username = req.Form("username");
  auto login = app.accounts().Login(username, req.Form("password"), req.remote_addr);
  if (!login.ok()) {
    std::string shown = IsCleanText(username, false) ? username.substr(0, 32) : "";
    return LoginPage(app, HttpStatusFor(login.status().code()), login.status().UserMessage(),
                     shown);
  }
  // A password an administrator set must be changed first (WebApp::Serve keeps to that).
  std::string next = login->who.user.must_change_password ? "/account/password" : "/admin/workbench";
  return SignedInResponse(app, Redirect(next), *login);
}

HttpResponse HandleApiLogin(const HttpRequest& req, WebApp& app) {
  // A JSON body cannot be sent cross-site without a CORS preflight, which
  // this server never grants: that is this endpoint's CSRF defence.
  const std::string* type = req.Header("content-type");
  if (type == nullptr || type->rfind("application/json", 0) != 0) {
    return JsonError(InvalidArgument("json required", "请求体须为 application/json"));
  }
  auto body = nlohmann::json::parse(req.body, nullptr, false);
  if (body.is_discarded() || !body.is_object() || !body.contains("username") ||
      !body.contains("password") || !body["username"].is_string() ||
      !body["password"].is_string()) {
    return JsonError(
        InvalidArgument("bad login body", "请求体应为 {\"username\": \"…\", \"password\": \"…\"}"));
  }
  auto login = app.accounts().Login(body["username"].get<std::string>(),
                                    body["password"].get<std::string>(), req.remote_addr);
  if (!login.ok()) return JsonError(login.status());
  HttpResponse r =
      JsonResponse(200, {{"username", login->who.user.username},
                         {"csrf_token", login->who.session.csrf_token},
                         {"must_change_password", login->who.user.must_change_password}});
  return SignedInResponse(app, std::move(r), *login);
}

HttpResponse HandleLogout(const HttpRequest& req, WebApp& app) {
  auto who = app.CurrentUser(req);
  if (!who) return Redirect("/login");
  Status csrf = app.CheckCsrf(req, *who);
  if (!csrf.ok()) return app.Error(req, csrf);
  Status s = app.accounts().Logout(*who);
  if (!s.ok()) return app.Error(req, s);
  HttpResponse r = Redirect("/login");
  r.AddHeader("Set-Cookie", SetCookie(WebApp::kSessionCookie, "", 0, app.options().cookies));
  return r;
}

HttpResponse HandleApiMe(const HttpRequest& req, WebApp& app) {
  auto who = app.CurrentUser(req);
  if (!who) return app.SignInRequired(req);
  nlohmann::json roles = nlohmann::json::array();
  for (const auto& g : who->user.grants) {
    nlohmann::json role = {{"role", account::RoleCode(g.role)},
                           {"role_name", account::RoleName(g.role)}};
    role["agency_id"] = g.agency_id ? nlohmann::json(*g.agency_id) : nlohmann::json(nullptr);
    roles.push_back(role);
  }
  return JsonResponse(200, {{"id", who->user.id},
                            {"username", who->user.username},
                            {"display_name", who->user.display_name},
                            {"roles", roles},
                            {"must_change_password", who->user.must_change_password},
                            {"csrf_token", who->session.csrf_token}});
}

}  // namespace gongkai::http

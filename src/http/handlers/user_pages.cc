// Users on the web: /admin/users (list, add), /admin/users/{id} (roles, disable, reset, unlock)
// and /account/password (one's own password). Each POST is CSRF-checked and calls one service
// method; the page is rendered again with the outcome (a generated password is shown once).
#include "http/handlers/handlers.h"
#include "http/handlers/user_view.h"

namespace gongkai::http {

namespace {

HttpResponse UsersPage(WebApp& app, const services::SignedIn& who, int status,
                       const std::string& notice, const std::string& error,
                       const std::string& generated, const HttpRequest* form) {
  auto overview = app.user_admin().Overview(who.actor);
  if (!overview.ok()) {
    return app.Page(HttpStatusFor(overview.status().code()), "error", "出错了",
                    {{"code", std::to_string(HttpStatusFor(overview.status().code()))},
                     {"message", overview.status().UserMessage()}},
                    &who);
  }
  UserNames names = UserNames::Of(app);
  mstch::array users;
  for (const auto& m : overview->users) users.push_back(UserRow(m, names));
  mstch::map ctx{{"users", users},
                 {"count", std::to_string(users.size())},
                 {"roles", RoleOptions(overview->grantable_roles)},
                 {"agencies", AgencyOptions(overview->agencies)},
                 {"notice", notice},
                 {"error", error},
                 {"generated", generated}};
  if (form != nullptr) {
    ctx["form_username"] = form->Form("username");
    ctx["form_name"] = form->Form("display_name");
  }
  HttpResponse r = app.Page(status, "users", "用户管理", std::move(ctx), &who);
  return r;
}

HttpResponse UserPage(WebApp& app, const services::SignedIn& who, account::UserId id, int status,
                      const std::string& notice, const std::string& error,
                      const std::string& generated) {
  auto overview = app.user_admin().Overview(who.actor);
  auto m = app.user_admin().Get(who.actor, id);
  if (!overview.ok() || !m.ok()) {
    // A refused action on a user the actor cannot see: its own refusal, not "not found".
    Status s = overview.ok() ? m.status() : overview.status();
    int code = error.empty() ? HttpStatusFor(s.code()) : status;
    return app.Page(code, "error", code == 404 ? "页面不存在" : "出错了",
                    {{"code", std::to_string(code)},
                     {"message", error.empty() ? s.UserMessage() : error},
                     {"not_found", code == 404},
                     {"back", std::string("/admin/users")}},
                    &who);
  }
  UserNames names = UserNames::Of(app);
  mstch::map ctx = UserRow(*m, names);
  ctx["roles"] = RoleRows(*m, names, who.actor, overview->agencies);
  ctx["grantable"] = RoleOptions(overview->grantable_roles);
  ctx["agencies"] = AgencyOptions(overview->agencies);
  ctx["notice"] = notice;
  ctx["error"] = error;
  ctx["generated"] = generated;
  return app.Page(status, "user", "用户：" + m->user.username, std::move(ctx), &who);
}

// Sign-in and CSRF, then `change` on the user of the path; the user's page with the outcome.
HttpResponse UserAction(
    const HttpRequest& req, WebApp& app,
    const std::function<Result<std::string>(const services::SignedIn&, account::UserId)>& change,
    const std::string& done) {
  auto who = app.CurrentUser(req);
  if (!who) return app.SignInRequired(req);
  Status csrf = app.CheckCsrf(req, *who);
  if (!csrf.ok()) return app.Error(req, csrf);
  auto id = ParseId(req.PathParam("id"));
  if (!id.ok()) return app.Error(req, id.status());
  auto generated = change(*who, *id);
  if (!generated.ok()) {
    return UserPage(app, *who, *id, HttpStatusFor(generated.status().code()), "",
                    generated.status().UserMessage(), "");
  }
  return UserPage(app, *who, *id, 200, done, "", *generated);
}

Result<std::string> NoSecret(Status s) {
  if (!s.ok()) return s;
  return std::string();
}

HttpResponse PasswordPage(WebApp& app, const services::SignedIn& who, int status,
                          const std::string& notice, const std::string& error) {
  return app.Page(status, "password", "修改密码",
                  {{"required", who.user.must_change_password},
                   {"username", who.user.username},
                   {"notice", notice},
                   {"error", error}},
                  &who);
}

}  // namespace

HttpResponse HandleAdminUsers(const HttpRequest& req, WebApp& app) {
  auto who = app.CurrentUser(req);
  if (!who) return app.SignInRequired(req);
  return UsersPage(app, *who, 200, "", "", "", nullptr);
}

HttpResponse HandleAdminAddUser(const HttpRequest& req, WebApp& app) {
  auto who = app.CurrentUser(req);
  if (!who) return app.SignInRequired(req);
  Status csrf = app.CheckCsrf(req, *who);
  if (!csrf.ok()) return app.Error(req, csrf);
  services::NewUser n;
  n.username = req.Form("username");
  n.display_name = req.Form("display_name");
  n.password = req.Form("password");
  auto grant = GrantFrom(req.Form("role"), req.Form("agency_id"));
  if (!grant.ok()) {
    return UsersPage(app, *who, HttpStatusFor(grant.status().code()), "",
                     grant.status().UserMessage(), "", &req);
  }
  n.grant = *grant;
  auto added = app.user_admin().Add(who->actor, n);
  if (!added.ok()) {
    return UsersPage(app, *who, HttpStatusFor(added.status().code()), "",
                     added.status().UserMessage(), "", &req);
  }
  return UsersPage(app, *who, 200, "已新增用户 " + n.username + "（首次登录须修改密码）", "",
                   added->generated_password, nullptr);
}

HttpResponse HandleAdminUser(const HttpRequest& req, WebApp& app) {
  auto who = app.CurrentUser(req);
  if (!who) return app.SignInRequired(req);
  auto id = ParseId(req.PathParam("id"));
  if (!id.ok()) return app.Error(req, id.status());
  return UserPage(app, *who, *id, 200, "", "", "");
}

HttpResponse HandleAdminGrantRole(const HttpRequest& req, WebApp& app) {
  return UserAction(
      req, app,
      [&](const services::SignedIn& who, account::UserId id) -> Result<std::string> {
        GONGKAI_ASSIGN_OR_RETURN(auto g, GrantFrom(req.Form("role"), req.Form("agency_id")));
        return NoSecret(app.user_admin().Grant(who.actor, id, g));
      },
      "已授予角色");
}

HttpResponse HandleAdminRevokeRole(const HttpRequest& req, WebApp& app) {
  return UserAction(
      req, app,
      [&](const services::SignedIn& who, account::UserId id) -> Result<std::string> {
        GONGKAI_ASSIGN_OR_RETURN(auto g, GrantFrom(req.Form("role"), req.Form("agency_id")));
        return NoSecret(app.user_admin().Revoke(who.actor, id, g));
      },
      "已撤销角色");
}

HttpResponse HandleAdminDisableUser(const HttpRequest& req, WebApp& app) {
  return UserAction(
      req, app,
      [&](const services::SignedIn& who, account::UserId id) {
        return NoSecret(app.user_admin().SetDisabled(who.actor, id, true));
      },
      "已停用账号，其登录已全部退出");
}

HttpResponse HandleAdminEnableUser(const HttpRequest& req, WebApp& app) {
  return UserAction(
      req, app,
      [&](const services::SignedIn& who, account::UserId id) {
        return NoSecret(app.user_admin().SetDisabled(who.actor, id, false));
      },
      "已启用账号");
}

HttpResponse HandleAdminResetPassword(const HttpRequest& req, WebApp& app) {
  return UserAction(
      req, app,
      [&](const services::SignedIn& who, account::UserId id) {
        return app.user_admin().ResetPassword(who.actor, id, req.Form("password"));
      },
      "已重置密码：该用户的会话已全部退出，下次登录须修改密码");
}

HttpResponse HandleAdminUnlockUser(const HttpRequest& req, WebApp& app) {
  return UserAction(
      req, app,
      [&](const services::SignedIn& who, account::UserId id) {
        return NoSecret(app.user_admin().Unlock(who.actor, id));
      },
      "已解除登录限制");
}

HttpResponse HandlePasswordForm(const HttpRequest& req, WebApp& app) {
  auto who = app.CurrentUser(req);
  if (!who) return app.SignInRequired(req);
  return PasswordPage(app, *who, 200, "", "");
}

HttpResponse HandlePasswordChange(const HttpRequest& req, WebApp& app) {
  auto who = app.CurrentUser(req);
  if (!who) return app.SignInRequired(req);
  Status csrf = app.CheckCsrf(req, *who);
  if (!csrf.ok()) return app.Error(req, csrf);
  Status s = app.user_admin().ChangeOwnPassword(*who, req.Form("current_password"),
                                                req.Form("new_password"),
                                                req.Form("new_password_confirm"));
  if (!s.ok()) return PasswordPage(app, *who, HttpStatusFor(s.code()), "", s.UserMessage());
  services::SignedIn updated = *who;
  updated.user.must_change_password = false;
  updated.actor.must_change_password = false;
  return PasswordPage(app, updated, 200, "密码已修改，您在其他地方的登录已全部退出。", "");
}

}  // namespace gongkai::http

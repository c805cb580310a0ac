// The users API (docs/api.md, "Users"): the same service calls as the user pages.
#include "http/handlers/handlers.h"
#include "http/handlers/user_view.h"

namespace gongkai::http {

namespace {

// A string member of the body ("" when absent); kInvalidArgument when it is not a string.
Result<std::string> Text(const nlohmann::json& body, const char* key) {
  if (!body.is_object()) return InvalidArgument("body not an object", "请求体应为 JSON 对象");
  if (!body.contains(key) || body[key].is_null()) return std::string();
  if (!body[key].is_string()) {
    return InvalidArgument(std::string(key) + " not a string",
                           "字段 " + std::string(key) + " 应为字符串");
  }
  return body[key].get<std::string>();
}

Result<account::RoleGrant> GrantOf(const nlohmann::json& body) {
  GONGKAI_ASSIGN_OR_RETURN(std::string role, Text(body, "role"));
  std::string agency;
  if (body.contains("agency_id") && body["agency_id"].is_number_integer()) {
    agency = std::to_string(body["agency_id"].get<int64_t>());
  } else if (body.contains("agency_id") && !body["agency_id"].is_null()) {
    return InvalidArgument("agency_id not an integer", "字段 agency_id 应为整数");
  }
  return GrantFrom(role, agency);
}

// The user after a change, as JSON.
Result<nlohmann::json> UserAfter(WebApp& app, const services::SignedIn& who, account::UserId id) {
  GONGKAI_ASSIGN_OR_RETURN(auto m, app.user_admin().Get(who.actor, id));
  return UserJson(m);
}

// A POST on /api/v1/users/{id}/…: `change`, then the user (or, for a reset, the password).
HttpResponse UserApiAction(
    const HttpRequest& req, WebApp& app,
    const std::function<Result<nlohmann::json>(const services::SignedIn&, account::UserId,
                                               const nlohmann::json&)>& change) {
  return ApiAction(
      req, app,
      [&](const services::SignedIn& who, const nlohmann::json& body) -> Result<nlohmann::json> {
        GONGKAI_ASSIGN_OR_RETURN(account::UserId id, ParseId(req.PathParam("id")));
        return change(who, id, body);
      },
      200);
}

}  // namespace

HttpResponse HandleApiListUsers(const HttpRequest& req, WebApp& app) {
  auto who = app.CurrentUser(req);
  if (!who) return app.SignInRequired(req);
  auto overview = app.user_admin().Overview(who->actor);
  if (!overview.ok()) return JsonError(overview.status());
  nlohmann::json users = nlohmann::json::array();
  for (const auto& m : overview->users) users.push_back(UserJson(m));
  return JsonResponse(200, {{"users", users}, {"count", users.size()}});
}

HttpResponse HandleApiGetUser(const HttpRequest& req, WebApp& app) {
  auto who = app.CurrentUser(req);
  if (!who) return app.SignInRequired(req);
  auto id = ParseId(req.PathParam("id"));
  if (!id.ok()) return JsonError(id.status());
  auto user = UserAfter(app, *who, *id);
  if (!user.ok()) return JsonError(user.status());
  return JsonResponse(200, *user);
}

HttpResponse HandleApiAddUser(const HttpRequest& req, WebApp& app) {
  return ApiAction(
      req, app,
      [&](const services::SignedIn& who, const nlohmann::json& body) -> Result<nlohmann::json> {
        services::NewUser n;
        GONGKAI_ASSIGN_OR_RETURN(n.username, Text(body, "username"));
        GONGKAI_ASSIGN_OR_RETURN(n.display_name, Text(body, "display_name"));
        GONGKAI_ASSIGN_OR_RETURN(n.password, Text(body, "password"));
        GONGKAI_ASSIGN_OR_RETURN(n.grant, GrantOf(body));
        GONGKAI_ASSIGN_OR_RETURN(auto added, app.user_admin().Add(who.actor, n));
        GONGKAI_ASSIGN_OR_RETURN(nlohmann::json out, UserAfter(app, who, added.id));
        if (!added.generated_password.empty()) out["generated_password"] = added.generated_password;
        return out;
      },
      201);
}

HttpResponse HandleApiGrantRole(const HttpRequest& req, WebApp& app) {
  return UserApiAction(
      req, app,
      [&](const auto& who, account::UserId id, const auto& body) -> Result<nlohmann::json> {
        GONGKAI_ASSIGN_OR_RETURN(auto g, GrantOf(body));
        GONGKAI_RETURN_IF_ERROR(app.user_admin().Grant(who.actor, id, g));
        return UserAfter(app, who, id);
      });
}

HttpResponse HandleApiRevokeRole(const HttpRequest& req, WebApp& app) {
  return UserApiAction(
      req, app,
      [&](const auto& who, account::UserId id, const auto& body) -> Result<nlohmann::json> {
        GONGKAI_ASSIGN_OR_RETURN(auto g, GrantOf(body));
        GONGKAI_RETURN_IF_ERROR(app.user_admin().Revoke(who.actor, id, g));
        return UserAfter(app, who, id);
      });
}

HttpResponse HandleApiDisableUser(const HttpRequest& req, WebApp& app) {
  return UserApiAction(
      req, app, [&](const auto& who, account::UserId id, const auto&) -> Result<nlohmann::json> {
        GONGKAI_RETURN_IF_ERROR(app.user_admin().SetDisabled(who.actor, id, true));
        return UserAfter(app, who, id);
      });
}

HttpResponse HandleApiEnableUser(const HttpRequest& req, WebApp& app) {
  return UserApiAction(
      req, app, [&](const auto& who, account::UserId id, const auto&) -> Result<nlohmann::json> {
        GONGKAI_RETURN_IF_ERROR(app.user_admin().SetDisabled(who.actor, id, false));
        return UserAfter(app, who, id);
      });
}

HttpResponse HandleApiUnlockUser(const HttpRequest& req, WebApp& app) {
  return UserApiAction(
      req, app, [&](const auto& who, account::UserId id, const auto&) -> Result<nlohmann::json> {
        GONGKAI_RETURN_IF_ERROR(app.user_admin().Unlock(who.actor, id));
        return UserAfter(app, who, id);
      });
}

HttpResponse HandleApiResetPassword(const HttpRequest& req, WebApp& app) {
  return UserApiAction(
      req, app,
      [&](const auto& who, account::UserId id, const auto& body) -> Result<nlohmann::json> {
        GONGKAI_ASSIGN_OR_RETURN(std::string temporary, Text(body, "temporary_password"));
        GONGKAI_ASSIGN_OR_RETURN(std::string generated,
                                 app.user_admin().ResetPassword(who.actor, id, temporary));
        GONGKAI_ASSIGN_OR_RETURN(nlohmann::json out, UserAfter(app, who, id));
        if (!generated.empty()) out["generated_password"] = generated;
        return out;
      });
}

HttpResponse HandleApiChangePassword(const HttpRequest& req, WebApp& app) {
  return ApiAction(
      req, app,
      [&](const services::SignedIn& who, const nlohmann::json& body) -> Result<nlohmann::json> {
        GONGKAI_ASSIGN_OR_RETURN(std::string current, Text(body, "current_password"));
        GONGKAI_ASSIGN_OR_RETURN(std::string fresh, Text(body, "new_password"));
        GONGKAI_ASSIGN_OR_RETURN(std::string confirm, Text(body, "new_password_confirm"));
        GONGKAI_RETURN_IF_ERROR(app.user_admin().ChangeOwnPassword(who, current, fresh, confirm));
        return nlohmann::json{{"changed", true}};
      },
      200);
}

}  // namespace gongkai::http

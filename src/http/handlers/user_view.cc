#include "http/handlers/user_view.h"

#include <algorithm>

namespace gongkai::http {

UserNames UserNames::Of(WebApp& app) {
  UserNames n;
  auto all = app.agencies().List();
  if (all.ok()) {
    for (const auto& a : *all) n.agencies[a.id] = a.name;
  }
  return n;
}

std::string UserNames::Agency(const std::optional<agency::AgencyId>& id) const {
  if (!id) return "";
  auto it = agencies.find(*id);
  return it == agencies.end() ? "机构 #" + std::to_string(*id) : it->second;
}

std::string UserState(const services::ManagedUser& m) {
  if (m.user.disabled) return "已停用";
  if (m.locked) return "登录受限";
  if (m.user.must_change_password) return "须修改密码";
  return "正常";
}

mstch::map UserRow(const services::ManagedUser& m, const UserNames& names) {
  mstch::array roles;
  for (const auto& g : m.user.grants) {
    roles.push_back(mstch::map{{"role_name", std::string(account::RoleName(g.role))},
                               {"agency", names.Agency(g.agency_id)}});
  }
  return {{"id", std::to_string(m.user.id)},
          {"username", m.user.username},
          {"display_name", m.user.display_name},
          {"disabled", m.user.disabled},
          {"state", UserState(m)},
          {"must_change", m.user.must_change_password},
          {"locked", m.locked},
          {"manageable", m.manageable},
          {"roles", roles}};
}

mstch::array RoleRows(const services::ManagedUser& m, const UserNames& names,
                      const account::Actor& actor, const std::vector<agency::Agency>& managed) {
  mstch::array out;
  for (const auto& g : m.user.grants) {
    bool revocable =
        g.role == account::Role::kSystemAdmin
            ? actor.IsSystemAdmin() && actor.user_id != m.user.id
            : std::any_of(managed.begin(), managed.end(),
                          [&](const agency::Agency& a) { return g.agency_id == a.id; });
    out.push_back(
        mstch::map{{"role", std::string(account::RoleCode(g.role))},
                   {"role_name", std::string(account::RoleName(g.role))},
                   {"agency", names.Agency(g.agency_id)},
                   {"agency_id", g.agency_id ? std::to_string(*g.agency_id) : std::string()},
                   {"user_id", std::to_string(m.user.id)},
                   {"revocable", revocable}});
  }
  return out;
}

mstch::array RoleOptions(const std::vector<account::Role>& roles) {
  mstch::array out;
  for (account::Role r : roles) {
    out.push_back(mstch::map{{"code", std::string(account::RoleCode(r))},
                             {"name", std::string(account::RoleName(r))}});
  }
  return out;
}

mstch::array AgencyOptions(const std::vector<agency::Agency>& agencies) {
  mstch::array out;
  for (const auto& a : agencies) {
    out.push_back(mstch::map{{"id", std::to_string(a.id)}, {"name", a.name}});
  }
  return out;
}

Result<account::RoleGrant> GrantFrom(const std::string& role, const std::string& agency_id) {
  account::RoleGrant g;
  GONGKAI_ASSIGN_OR_RETURN(g.role, account::ParseRole(role));
  if (g.role == account::Role::kSystemAdmin) return g;
  if (agency_id.empty()) {
    return InvalidArgument("grant needs an agency",
                           "角色“" + std::string(account::RoleName(g.role)) + "”必须指定所属机构");
  }
  GONGKAI_ASSIGN_OR_RETURN(g.agency_id, ParseId(agency_id));
  return g;
}

nlohmann::json UserJson(const services::ManagedUser& m) {
  nlohmann::json roles = nlohmann::json::array();
  for (const auto& g : m.user.grants) {
    nlohmann::json r = {{"role", account::RoleCode(g.role)},
                        {"role_name", account::RoleName(g.role)}};
    r["agency_id"] = g.agency_id ? nlohmann::json(*g.agency_id) : nlohmann::json(nullptr);
    roles.push_back(r);
  }
  return {{"id", m.user.id},
          {"username", m.user.username},
          {"display_name", m.user.display_name},
          {"disabled", m.user.disabled},
          {"must_change_password", m.user.must_change_password},
          {"locked", m.locked},
          {"state", UserState(m)},
          {"roles", roles}};
}

}  // namespace gongkai::http

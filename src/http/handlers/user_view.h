#pragma once
// What the user pages and the users API show of a user (user_pages.cc, user_api.cc).

#include <map>
#include <mstch/mstch.hpp>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "http/web_app.h"
#include "services/user_admin_service.h"

namespace gongkai::http {

// Agency names by id, to show grants.
struct UserNames {
  std::map<agency::AgencyId, std::string> agencies;
  static UserNames Of(WebApp& app);
  std::string Agency(const std::optional<agency::AgencyId>& id) const;
};

// "正常", "已停用", "登录受限", "须修改密码".
std::string UserState(const services::ManagedUser& m);
// id, username, display_name, disabled, state, must_change, locked, manageable, roles.
mstch::map UserRow(const services::ManagedUser& m, const UserNames& names);
// The user's grants with a revoke form where the actor may revoke them.
mstch::array RoleRows(const services::ManagedUser& m, const UserNames& names,
                      const account::Actor& actor, const std::vector<agency::Agency>& managed);
mstch::array RoleOptions(const std::vector<account::Role>& roles);
mstch::array AgencyOptions(const std::vector<agency::Agency>& agencies);
// A role code (or Chinese name) and an agency id ("" or ignored for 系统管理员).
Result<account::RoleGrant> GrantFrom(const std::string& role, const std::string& agency_id);
nlohmann::json UserJson(const services::ManagedUser& m);

}  // namespace gongkai::http

#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "agency/agency.h"
#include "core/result.h"

namespace gongkai::account {

using UserId = int64_t;

// What a user may do. Every role except kSystemAdmin is granted on one
// agency and covers that agency and every agency below it in the tree (a
// city's 政务公开办 granted on the city government sees every department).
enum class Role {
  kSystemAdmin,       // 系统管理员: everything, everywhere
  kAgencyAdmin,       // 机构管理员: agency data, users, columns, dictionaries
  kEditor,            // 信息员/编辑: drafts items
  kReviewerFirst,     // 初审
  kReviewerSecond,    // 复审
  kReviewerFinal,     // 终审
  kApplicationClerk,  // 依申请公开经办人
  kLegalReviewer,     // 法制审核
  kReadOnly,          // 只读
  kSigningLeader,     // 签发领导: signs (签发) decisions at the last step of an approval chain
};

struct RoleGrant {
  Role role = Role::kReadOnly;
  std::optional<agency::AgencyId> agency_id;  // none only for kSystemAdmin
};

struct User {
  UserId id = 0;
  std::string username;       // login name: 3–32 of [a-z0-9_.-]
  std::string display_name;   // 张三
  std::string password_hash;  // argon2id encoded string; never logged
  bool disabled = false;
  // Set when an administrator chose the password (a reset, a new user): the user must change it
  // at the next sign-in, and may do nothing else until then.
  bool must_change_password = false;
  std::vector<RoleGrant> grants;
  int64_t created_at = 0;
  int64_t updated_at = 0;
};

std::string_view RoleCode(Role role);           // "agency_admin"
std::string_view RoleName(Role role);           // "机构管理员"
Result<Role> ParseRole(std::string_view text);  // code or Chinese name
// All roles, in declaration order.
const std::vector<Role>& AllRoles();

// Lower-cases and checks a login name. kInvalidArgument in Chinese otherwise.
Result<std::string> NormalizeUsername(std::string_view text);
// 10–256 bytes, not all one character class of digits only. kInvalidArgument.
Status ValidatePasswordStrength(std::string_view password, std::string_view username);
// Checks display name and grants (a non-admin grant needs an agency; a
// system-admin grant must not have one).
Status ValidateUser(const User& user);

}  // namespace gongkai::account

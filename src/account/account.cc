#include "account/account.h"

#include "core/text.h"

namespace gongkai::account {

namespace {
struct RoleRow {
  Role role;
  const char* code;
  const char* name;
};
constexpr RoleRow kRoles[] = {
    {Role::kSystemAdmin, "system_admin", "系统管理员"},
    {Role::kAgencyAdmin, "agency_admin", "机构管理员"},
    {Role::kEditor, "editor", "信息员"},
    {Role::kReviewerFirst, "reviewer_first", "初审"},
    {Role::kReviewerSecond, "reviewer_second", "复审"},
    {Role::kReviewerFinal, "reviewer_final", "终审"},
    {Role::kApplicationClerk, "application_clerk", "依申请公开经办人"},
    {Role::kLegalReviewer, "legal_reviewer", "法制审核"},
    {Role::kReadOnly, "read_only", "只读"},
    {Role::kSigningLeader, "signing_leader", "签发领导"},
};
}  // namespace

std::string_view RoleCode(Role role) {
  for (const auto& r : kRoles) {
    if (r.role == role) return r.code;
  }
  return "";
}

std::string_view RoleName(Role role) {
  for (const auto& r : kRoles) {
    if (r.role == role) return r.name;
  }
  return "";
}

const std::vector<Role>& AllRoles() {
  static const auto* all = [] {
    auto* v = new std::vector<Role>();
    for (const auto& r : kRoles) v->push_back(r.role);
    return v;
  }();
  return *all;
}

Result<Role> ParseRole(std::string_view text) {
  for (const auto& r : kRoles) {
    if (text == r.code || text == r.name) return r.role;
  }
  std::string all;
  for (const auto& r : kRoles) {
    if (!all.empty()) all += "、";
    all += std::string(r.code) + "（" + r.name + "）";
  }
  return InvalidArgument("unknown role '" + std::string(text) + "'",
                         "角色“" + std::string(text) + "”无效，可用：" + all);
}

Result<std::string> NormalizeUsername(std::string_view text) {
  std::string u = Trim(text);
  for (char& c : u) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  bool ok = u.size() >= 3 && u.size() <= 32;
  for (char c : u) {
    ok = ok &&
         ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-');
  }
  if (!ok) {
    std::string shown = IsCleanText(u, false) ? u.substr(0, 40) : "(无效编码)";
    return InvalidArgument("invalid username",
                           "用户名“" + shown + "”无效，应为3–32位小写字母、数字或 _ . -");
  }
  return u;
}

Status ValidatePasswordStrength(std::string_view password, std::string_view username) {
  if (password.size() < 10) {
    return InvalidArgument("password too short", "密码过短，至少10个字符");
  }
  if (password.size() > 256) {
    return InvalidArgument("password too long", "密码过长，最多256个字节");
  }
  if (!IsCleanText(password, false)) {
    return InvalidArgument("password has invalid characters", "密码含有无效编码或控制字符");
  }
  bool all_digits = true;
  for (char c : password) all_digits = all_digits && c >= '0' && c <= '9';
  if (all_digits) return InvalidArgument("password all digits", "密码不能全为数字");
  if (password.find(username) != std::string_view::npos) {
    return InvalidArgument("password contains username", "密码不能包含用户名");
  }
  return Status::Ok();
}

Status ValidateUser(const User& user) {
  if (!IsCleanText(user.display_name, false) || CodePointCount(user.display_name) > 40) {
    return InvalidArgument("bad display name", "姓名含有无效字符或过长（最多40个字）");
  }
  for (const auto& g : user.grants) {
    if (g.role == Role::kSystemAdmin && g.agency_id) {
      return InvalidArgument("system admin is not per agency", "系统管理员角色不属于某个机构");
    }
    if (g.role != Role::kSystemAdmin && !g.agency_id) {
      return InvalidArgument("role needs an agency",
                             "角色“" + std::string(RoleName(g.role)) + "”必须指定所属机构");
    }
  }
  return Status::Ok();
}

}  // namespace gongkai::account

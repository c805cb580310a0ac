#include "services/user_admin_service.h"

#include <algorithm>

#include "services/audit.h"

namespace gongkai::services {

using account::Permission;
using account::Role;

namespace {

std::string Target(const account::User& u) { return "user:" + u.username; }

std::vector<int64_t> AgenciesOf(const account::User& u) {
  std::vector<int64_t> out;
  for (const auto& g : u.grants) {
    if (g.agency_id) out.push_back(*g.agency_id);
  }
  return out;
}

std::string GrantText(const account::RoleGrant& g, const std::vector<agency::Agency>& all) {
  std::string text = "角色：" + std::string(account::RoleName(g.role));
  if (!g.agency_id) return text;
  for (const auto& a : all) {
    if (a.id == *g.agency_id) return text + "，机构：" + a.name;
  }
  return text + "，机构 #" + std::to_string(*g.agency_id);
}

bool MayGrant(const account::Actor& actor, const account::RoleGrant& g,
              const account::AgencyParents& parents) {
  if (g.role == Role::kSystemAdmin) return actor.IsSystemAdmin();
  return g.agency_id && account::Can(actor, Permission::kManageUsers, g.agency_id, parents);
}

Status NotManaged() {
  return PermissionDenied("user outside the actor's agencies",
                          "无权管理该用户（其角色涉及您未管理的机构，或为系统管理员）");
}

}  // namespace

Result<UserAdminService::Loaded> UserAdminService::Load(storage::Transaction& tx,
                                                        const account::Actor& actor,
                                                        account::UserId id) {
  Loaded l;
  GONGKAI_ASSIGN_OR_RETURN(l.user, tx.users().Get(id));
  GONGKAI_ASSIGN_OR_RETURN(auto all, tx.agencies().List());
  l.parents = account::ParentsOf(all);
  l.allowed = MayManageUser(actor, l.user, l.parents);
  return l;
}

Result<bool> UserAdminService::Locked(storage::Transaction& tx, const std::string& username) {
  int64_t since = clock_.NowUnixSeconds() - options_.failure_window_seconds;
  GONGKAI_ASSIGN_OR_RETURN(int n,
                           tx.login_throttle().CountFailuresSince("user:" + username, since));
  return n >= options_.max_failures_per_user;
}

Result<std::string> UserAdminService::PasswordOrGenerated(const std::string& given,
                                                          const std::string& username,
                                                          bool* generated) {
  *generated = given.empty();
  if (!given.empty()) return given;
  for (int attempt = 0; attempt < 8; ++attempt) {
    GONGKAI_ASSIGN_OR_RETURN(std::string p, account::RandomToken(12));  // 16 characters
    if (account::ValidatePasswordStrength(p, username).ok()) return p;
  }
  return Internal("no acceptable random password", "无法生成临时密码，请重试");
}

Result<UsersOverview> UserAdminService::Overview(const account::Actor& actor) {
  UsersOverview out;
  {
    GONGKAI_ASSIGN_OR_RETURN(auto tx, store_.Begin(storage::TxMode::kRead));
    GONGKAI_ASSIGN_OR_RETURN(auto all, tx->agencies().List());
    auto parents = account::ParentsOf(all);
    for (const auto& a : all) {
      if (account::Can(actor, Permission::kManageUsers, a.id, parents)) out.agencies.push_back(a);
    }
    if (!out.agencies.empty() || actor.IsSystemAdmin()) {
      GONGKAI_ASSIGN_OR_RETURN(auto users, tx->users().List());
      for (auto& u : users) {
        bool visible = actor.IsSystemAdmin();
        for (const auto& g : u.grants) {
          visible = visible || (g.agency_id && account::Can(actor, Permission::kManageUsers,
                                                            g.agency_id, parents));
        }
        if (!visible) continue;
        ManagedUser m;
        m.manageable = MayManageUser(actor, u, parents);
        GONGKAI_ASSIGN_OR_RETURN(m.locked, Locked(*tx, u.username));
        u.password_hash.clear();
        m.user = std::move(u);
        out.users.push_back(std::move(m));
      }
      for (Role r : account::AllRoles()) {
        if (r != Role::kSystemAdmin || actor.IsSystemAdmin()) out.grantable_roles.push_back(r);
      }
      return out;
    }
  }
  return DenyAndAudit(store_, clock_, actor, "user_list", "users",
                      "无权管理用户（需要机构管理员或系统管理员角色）");
}

Result<ManagedUser> UserAdminService::Get(const account::Actor& actor, account::UserId id) {
  GONGKAI_ASSIGN_OR_RETURN(UsersOverview all, Overview(actor));
  for (auto& m : all.users) {
    if (m.user.id == id) return std::move(m);
  }
  return NotFound("user #" + std::to_string(id),
                  "用户（编号 " + std::to_string(id) + "）不存在或不属于您管理的机构");
}

Result<UserAdminService::Added> UserAdminService::Add(const account::Actor& actor,
                                                      const NewUser& n) {
  GONGKAI_ASSIGN_OR_RETURN(std::string name, account::NormalizeUsername(n.username));
  Added out;
  bool generated = false;
  GONGKAI_ASSIGN_OR_RETURN(std::string password, PasswordOrGenerated(n.password, name, &generated));
  account::User u;
  u.username = name;
  u.display_name = n.display_name;
  u.grants = {n.grant};
  u.must_change_password = true;
  GONGKAI_ASSIGN_OR_RETURN(out.id, accounts_.AddUser(actor, u, password));
  if (generated) out.generated_password = password;
  return out;
}

Status UserAdminService::Grant(const account::Actor& actor, account::UserId id,
                               const account::RoleGrant& grant) {
  account::User probe;
  probe.grants = {grant};
  GONGKAI_RETURN_IF_ERROR(account::ValidateUser(probe));
  return ChangeGrant(actor, id, grant, true);
}

Status UserAdminService::Revoke(const account::Actor& actor, account::UserId id,
                                const account::RoleGrant& grant) {
  if (grant.role == Role::kSystemAdmin && actor.user_id == id) {
    return FailedPrecondition("revoke own system admin", "不能撤销自己的系统管理员角色");
  }
  return ChangeGrant(actor, id, grant, false);
}

Status UserAdminService::ChangeGrant(const account::Actor& actor, account::UserId id,
                                     const account::RoleGrant& grant, bool add) {
  const char* action = add ? "role_grant" : "role_revoke";
  std::string target = "user:#" + std::to_string(id);
  {
    GONGKAI_ASSIGN_OR_RETURN(auto tx, store_.Begin(storage::TxMode::kWrite));
    GONGKAI_ASSIGN_OR_RETURN(Loaded l, Load(*tx, actor, id));
    target = Target(l.user);
    if (grant.agency_id && !l.parents.count(*grant.agency_id)) {
      return NotFound("agency", "机构（编号 " + std::to_string(*grant.agency_id) + "）不存在");
    }
    if (MayGrant(actor, grant, l.parents)) {
      // Before the change: a revoke is visible to the agency that lost the role.
      std::vector<int64_t> agencies = AgenciesOf(l.user);
      if (grant.agency_id) agencies.push_back(*grant.agency_id);
      auto& grants = l.user.grants;
      auto it = std::find_if(grants.begin(), grants.end(), [&](const account::RoleGrant& g) {
        return g.role == grant.role && g.agency_id == grant.agency_id;
      });
      if (add && it != grants.end()) return AlreadyExists("grant exists", "该用户已有此角色");
      if (!add && it == grants.end()) return NotFound("no such grant", "该用户没有此角色");
      if (add) {
        grants.push_back(grant);
      } else {
        grants.erase(it);
      }
      GONGKAI_ASSIGN_OR_RETURN(auto all, tx->agencies().List());
      GONGKAI_RETURN_IF_ERROR(tx->users().SetGrants(id, grants, clock_.NowUnixSeconds()));
      GONGKAI_RETURN_IF_ERROR(
          AppendAuditFor(*tx, clock_, actor, agencies, action, target, GrantText(grant, all)));
      return tx->Commit();
    }
  }
  std::string verb = add ? "授予" : "撤销";
  return DenyAndAudit(
      store_, clock_, actor, action, target,
      grant.role == Role::kSystemAdmin
          ? "只有系统管理员可以" + verb + "系统管理员角色"
          : "无权在该机构" + verb + "角色（需要该机构或其上级机构的机构管理员角色）");
}

Status UserAdminService::SetDisabled(const account::Actor& actor, account::UserId id,
                                     bool disabled) {
  const char* action = disabled ? "user_disable" : "user_enable";
  std::string target = "user:#" + std::to_string(id);
  if (disabled && actor.user_id == id) {
    return FailedPrecondition("disable self", "不能停用自己的账号");
  }
  {
    GONGKAI_ASSIGN_OR_RETURN(auto tx, store_.Begin(storage::TxMode::kWrite));
    GONGKAI_ASSIGN_OR_RETURN(Loaded l, Load(*tx, actor, id));
    target = Target(l.user);
    if (l.allowed) {
      GONGKAI_RETURN_IF_ERROR(tx->users().SetDisabled(id, disabled, clock_.NowUnixSeconds()));
      if (disabled) GONGKAI_RETURN_IF_ERROR(tx->sessions().DeleteForUser(id));
      GONGKAI_RETURN_IF_ERROR(AppendAudit(*tx, clock_, actor, action, target, ""));
      return tx->Commit();
    }
  }
  return DenyAndAudit(store_, clock_, actor, action, target, NotManaged().UserMessage());
}

Result<std::string> UserAdminService::ResetPassword(const account::Actor& actor, account::UserId id,
                                                    const std::string& temporary) {
  std::string target = "user:#" + std::to_string(id);
  account::User user;
  {
    GONGKAI_ASSIGN_OR_RETURN(auto tx, store_.Begin(storage::TxMode::kRead));
    GONGKAI_ASSIGN_OR_RETURN(Loaded l, Load(*tx, actor, id));
    user = std::move(l.user);
  }
  bool generated = false;
  GONGKAI_ASSIGN_OR_RETURN(std::string password,
                           PasswordOrGenerated(temporary, user.username, &generated));
  GONGKAI_RETURN_IF_ERROR(account::ValidatePasswordStrength(password, user.username));
  GONGKAI_ASSIGN_OR_RETURN(std::string hash,
                           account::HashPassword(password, options_.password_params));
  {
    // Re-checked in the write transaction: the roles may have changed meanwhile.
    GONGKAI_ASSIGN_OR_RETURN(auto tx, store_.Begin(storage::TxMode::kWrite));
    GONGKAI_ASSIGN_OR_RETURN(Loaded l, Load(*tx, actor, id));
    target = Target(l.user);
    if (l.allowed) {
      GONGKAI_RETURN_IF_ERROR(tx->users().UpdatePassword(id, hash, true, clock_.NowUnixSeconds()));
      GONGKAI_RETURN_IF_ERROR(tx->sessions().DeleteForUser(id));
      GONGKAI_RETURN_IF_ERROR(tx->login_throttle().Clear(target));
      GONGKAI_RETURN_IF_ERROR(AppendAudit(*tx, clock_, actor, "password_reset", target,
                                          generated ? "系统生成临时密码" : "管理员设定临时密码"));
      GONGKAI_RETURN_IF_ERROR(tx->Commit());
      return generated ? password : std::string();
    }
  }
  return DenyAndAudit(store_, clock_, actor, "password_reset", target, NotManaged().UserMessage());
}

Status UserAdminService::Unlock(const account::Actor& actor, account::UserId id) {
  std::string target = "user:#" + std::to_string(id);
  {
    GONGKAI_ASSIGN_OR_RETURN(auto tx, store_.Begin(storage::TxMode::kWrite));
    GONGKAI_ASSIGN_OR_RETURN(Loaded l, Load(*tx, actor, id));
    target = Target(l.user);
    if (l.allowed) {
      GONGKAI_RETURN_IF_ERROR(tx->login_throttle().Clear(target));
      GONGKAI_RETURN_IF_ERROR(AppendAudit(*tx, clock_, actor, "user_unlock", target, ""));
      return tx->Commit();
    }
  }
  return DenyAndAudit(store_, clock_, actor, "user_unlock", target, NotManaged().UserMessage());
}

Status UserAdminService::ChangeOwnPassword(const SignedIn& who, const std::string& current,
                                           const std::string& new_password,
                                           const std::string& confirm) {
  const std::string target = Target(who.user);
  {
    GONGKAI_ASSIGN_OR_RETURN(auto tx, store_.Begin(storage::TxMode::kRead));
    GONGKAI_ASSIGN_OR_RETURN(bool locked, Locked(*tx, who.user.username));
    if (locked) {
      int minutes = static_cast<int>(options_.failure_window_seconds / 60);
      return ResourceExhausted("password change throttled",
                               "密码错误次数过多，请" + std::to_string(minutes) + "分钟后再试");
    }
  }
  if (new_password != confirm) {
    return InvalidArgument("passwords differ", "两次输入的新密码不一致");
  }
  if (new_password == current) {
    return InvalidArgument("same password", "新密码不能与当前密码相同");
  }
  GONGKAI_RETURN_IF_ERROR(account::ValidatePasswordStrength(new_password, who.user.username));
  account::User stored;
  {
    GONGKAI_ASSIGN_OR_RETURN(auto tx, store_.Begin(storage::TxMode::kRead));
    GONGKAI_ASSIGN_OR_RETURN(stored, tx->users().Get(who.user.id));
  }
  bool good = account::VerifyPassword(current, stored.password_hash);
  std::string hash;
  if (good) {
    GONGKAI_ASSIGN_OR_RETURN(hash, account::HashPassword(new_password, options_.password_params));
  }
  GONGKAI_ASSIGN_OR_RETURN(auto tx, store_.Begin(storage::TxMode::kWrite));
  int64_t now = clock_.NowUnixSeconds();
  if (!good) {
    GONGKAI_RETURN_IF_ERROR(tx->login_throttle().RecordFailure(target, now));
    GONGKAI_RETURN_IF_ERROR(AppendAudit(*tx, clock_, who.actor, "password_change_own", target,
                                        "当前密码错误", "failed"));
    GONGKAI_RETURN_IF_ERROR(tx->Commit());
    return PermissionDenied("wrong current password", "当前密码错误");
  }
  GONGKAI_RETURN_IF_ERROR(tx->users().UpdatePassword(who.user.id, hash, false, now));
  GONGKAI_RETURN_IF_ERROR(tx->sessions().DeleteForUserExcept(who.user.id, who.session.token_hash));
  GONGKAI_RETURN_IF_ERROR(tx->login_throttle().Clear(target));
  GONGKAI_RETURN_IF_ERROR(
      AppendAudit(*tx, clock_, who.actor, "password_change_own", target, "其他会话已退出"));
  return tx->Commit();
}

}  // namespace gongkai::services

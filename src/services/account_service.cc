#include "services/account_service.h"

#include <algorithm>

#include "core/text.h"
#include "services/audit.h"

namespace gongkai::services {

using account::Permission;
using account::Role;

namespace {

account::Actor ActorFor(const account::User& u, const std::string& remote_addr) {
  account::Actor a;
  a.user_id = u.id;
  a.name = u.username;
  a.grants = u.grants;
  a.remote_addr = remote_addr;
  a.must_change_password = u.must_change_password;
  return a;
}

Status BadCredentials() { return PermissionDenied("bad username or password", "用户名或密码错误"); }

}  // namespace

bool MayManageUser(const account::Actor& actor, const account::User& user,
                   const account::AgencyParents& parents) {
  if (actor.IsSystemAdmin()) return true;
  if (user.grants.empty() || actor.user_id == user.id) return false;
  for (const auto& g : user.grants) {
    if (!g.agency_id || !account::Can(actor, Permission::kManageUsers, g.agency_id, parents)) {
      return false;
    }
  }
  return true;
}

Result<account::UserId> AccountService::AddUser(const account::Actor& actor, account::User user,
                                                const std::string& password) {
  GONGKAI_ASSIGN_OR_RETURN(user.username, account::NormalizeUsername(user.username));
  user.display_name = Trim(user.display_name);
  GONGKAI_RETURN_IF_ERROR(account::ValidateUser(user));
  GONGKAI_RETURN_IF_ERROR(account::ValidatePasswordStrength(password, user.username));
  GONGKAI_ASSIGN_OR_RETURN(user.password_hash,
                           account::HashPassword(password, options_.password_params));
  std::string target = "user:" + user.username;
  std::string reason;
  {
    GONGKAI_ASSIGN_OR_RETURN(auto tx, store_.Begin(storage::TxMode::kWrite));
    GONGKAI_ASSIGN_OR_RETURN(auto all, tx->agencies().List());
    auto parents = account::ParentsOf(all);
    for (const auto& g : user.grants) {
      if (g.agency_id && !parents.count(*g.agency_id)) {
        return NotFound("agency", "机构（编号 " + std::to_string(*g.agency_id) + "）不存在");
      }
      bool ok = g.role == Role::kSystemAdmin
                    ? actor.IsSystemAdmin()
                    : account::Can(actor, Permission::kManageUsers, g.agency_id, parents);
      if (!ok) reason = "无权授予该机构的“" + std::string(account::RoleName(g.role)) + "”角色";
    }
    if (user.grants.empty() && !actor.IsSystemAdmin()) reason = "新用户必须授予至少一个本机构角色";
    if (reason.empty()) {
      user.created_at = user.updated_at = clock_.NowUnixSeconds();
      GONGKAI_ASSIGN_OR_RETURN(account::UserId id, tx->users().Insert(user));
      std::string roles;
      for (const auto& g : user.grants) {
        roles += std::string(account::RoleCode(g.role)) +
                 (g.agency_id ? "@" + std::to_string(*g.agency_id) : "") + " ";
      }
      GONGKAI_RETURN_IF_ERROR(AppendAudit(*tx, clock_, actor, "user_add", target, roles));
      GONGKAI_RETURN_IF_ERROR(tx->Commit());
      return id;
    }
  }
  return DenyAndAudit(store_, clock_, actor, "user_add", target, reason);
}

Status AccountService::ChangePassword(const account::Actor& actor, const std::string& username,
                                      const std::string& new_password) {
  GONGKAI_ASSIGN_OR_RETURN(std::string name, account::NormalizeUsername(username));
  GONGKAI_RETURN_IF_ERROR(account::ValidatePasswordStrength(new_password, name));
  GONGKAI_ASSIGN_OR_RETURN(std::string hash,
                           account::HashPassword(new_password, options_.password_params));
  std::string target = "user:" + name;
  {
    GONGKAI_ASSIGN_OR_RETURN(auto tx, store_.Begin(storage::TxMode::kWrite));
    GONGKAI_ASSIGN_OR_RETURN(account::User user, tx->users().GetByUsername(name));
    GONGKAI_ASSIGN_OR_RETURN(auto all, tx->agencies().List());
    bool ok = actor.user_id == user.id || MayManageUser(actor, user, account::ParentsOf(all));
    if (ok) {
      int64_t now = clock_.NowUnixSeconds();
      GONGKAI_RETURN_IF_ERROR(tx->users().UpdatePassword(user.id, hash, false, now));
      GONGKAI_RETURN_IF_ERROR(tx->sessions().DeleteForUser(user.id));
      GONGKAI_RETURN_IF_ERROR(tx->login_throttle().Clear("user:" + name));
      GONGKAI_RETURN_IF_ERROR(AppendAudit(*tx, clock_, actor, "password_change", target, ""));
      return tx->Commit();
    }
  }
  return DenyAndAudit(store_, clock_, actor, "password_change", target, "无权修改该用户的密码");
}

Result<std::vector<account::User>> AccountService::ListUsers(const account::Actor& actor) {
  GONGKAI_ASSIGN_OR_RETURN(auto tx, store_.Begin(storage::TxMode::kRead));
  GONGKAI_ASSIGN_OR_RETURN(auto users, tx->users().List());
  if (actor.IsSystemAdmin()) return users;
  GONGKAI_ASSIGN_OR_RETURN(auto all, tx->agencies().List());
  auto parents = account::ParentsOf(all);
  std::vector<account::User> out;
  for (auto& u : users) {
    bool visible = actor.user_id == u.id;
    for (const auto& g : u.grants) {
      visible = visible || (g.agency_id &&
                            account::Can(actor, Permission::kManageUsers, g.agency_id, parents));
    }
    if (visible) out.push_back(std::move(u));
  }
  return out;
}

Result<AccountService::LoginResult> AccountService::Login(const std::string& username,
                                                          const std::string& password,
                                                          const std::string& remote_addr) {
  account::Actor anon;
  anon.name = "anonymous";
  anon.remote_addr = remote_addr;
  auto normalized = account::NormalizeUsername(username);
  std::string name = normalized.ok() ? *normalized : std::string("(invalid)");
  const std::string user_key = "user:" + name;
  const std::string ip_key = "ip:" + remote_addr;
  int64_t now = clock_.NowUnixSeconds();
  int64_t since = now - options_.failure_window_seconds;

  // 1. Throttling and the user, read without holding the write lock.
  std::optional<account::User> user;
  {
    GONGKAI_ASSIGN_OR_RETURN(auto tx, store_.Begin(storage::TxMode::kRead));
    GONGKAI_ASSIGN_OR_RETURN(int by_user, tx->login_throttle().CountFailuresSince(user_key, since));
    GONGKAI_ASSIGN_OR_RETURN(int by_ip, tx->login_throttle().CountFailuresSince(ip_key, since));
    if (by_user >= options_.max_failures_per_user || by_ip >= options_.max_failures_per_address) {
      tx.reset();
      GONGKAI_ASSIGN_OR_RETURN(auto wtx, store_.Begin(storage::TxMode::kWrite));
      anon.name = name;
      GONGKAI_RETURN_IF_ERROR(
          AppendAudit(*wtx, clock_, anon, "login_throttled", user_key, "", "denied"));
      GONGKAI_RETURN_IF_ERROR(wtx->Commit());
      int minutes = static_cast<int>(options_.failure_window_seconds / 60);
      return ResourceExhausted("login throttled for " + user_key,
                               "登录失败次数过多，请" + std::to_string(minutes) + "分钟后再试");
    }
    if (normalized.ok()) {
      auto u = tx->users().GetByUsername(name);
      if (u.ok()) user = std::move(u).value();
    }
  }

  // 2. The slow part (argon2id) outside any transaction.
  bool good = user && account::VerifyPassword(password, user->password_hash);
  if (!good && !user) {
    // Spend the same time as a real check so timing does not reveal names.
    static const std::string kDummy =
        *account::HashPassword("gongkai-dummy", options_.password_params);
    (void)account::VerifyPassword(password, kDummy);
  }

  // 3. Record the outcome.
  GONGKAI_ASSIGN_OR_RETURN(auto tx, store_.Begin(storage::TxMode::kWrite));
  if (!good || user->disabled) {
    anon.name = name;
    if (!good) {
      GONGKAI_RETURN_IF_ERROR(tx->login_throttle().RecordFailure(user_key, now));
      GONGKAI_RETURN_IF_ERROR(tx->login_throttle().RecordFailure(ip_key, now));
    }
    GONGKAI_RETURN_IF_ERROR(AppendAudit(*tx, clock_, anon, "login_failed", user_key,
                                        good ? "account disabled" : "bad credentials", "failed"));
    GONGKAI_RETURN_IF_ERROR(tx->Commit());
    if (good) return PermissionDenied("account disabled", "该账号已停用，请联系管理员");
    return BadCredentials();
  }
  GONGKAI_ASSIGN_OR_RETURN(std::string token, account::RandomToken());
  GONGKAI_ASSIGN_OR_RETURN(std::string csrf, account::RandomToken());
  account::Session s;
  s.token_hash = account::Sha256Hex(token);
  s.user_id = user->id;
  s.csrf_token = csrf;
  s.created_at = s.last_seen_at = now;
  s.expires_at = now + options_.session_lifetime_seconds;
  s.remote_addr = remote_addr;
  GONGKAI_RETURN_IF_ERROR(tx->sessions().DeleteExpired(now));
  GONGKAI_RETURN_IF_ERROR(tx->sessions().Insert(s));
  GONGKAI_RETURN_IF_ERROR(tx->login_throttle().Clear(user_key));
  account::Actor actor = ActorFor(*user, remote_addr);
  GONGKAI_RETURN_IF_ERROR(AppendAudit(*tx, clock_, actor, "login", user_key, ""));
  GONGKAI_RETURN_IF_ERROR(tx->Commit());
  return LoginResult{token, SignedIn{std::move(*user), std::move(s), std::move(actor)}};
}

Result<SignedIn> AccountService::Authenticate(const std::string& token,
                                              const std::string& remote_addr) {
  Status gone = NotFound("no session", "登录已失效，请重新登录");
  if (token.empty() || token.size() > 128) return gone;
  std::string hash = account::Sha256Hex(token);
  int64_t now = clock_.NowUnixSeconds();
  account::Session s;
  account::User u;
  {
    GONGKAI_ASSIGN_OR_RETURN(auto tx, store_.Begin(storage::TxMode::kRead));
    auto got = tx->sessions().Get(hash);
    if (!got.ok()) return got.status().code() == StatusCode::kNotFound ? gone : got.status();
    s = std::move(got).value();
    if (s.expires_at <= now || s.last_seen_at + options_.session_idle_seconds <= now) return gone;
    GONGKAI_ASSIGN_OR_RETURN(u, tx->users().Get(s.user_id));
    if (u.disabled) return gone;
  }
  // Refresh the idle timer at most once a minute: reads stay reads.
  if (now - s.last_seen_at >= 60) {
    GONGKAI_ASSIGN_OR_RETURN(auto tx, store_.Begin(storage::TxMode::kWrite));
    GONGKAI_RETURN_IF_ERROR(tx->sessions().Touch(hash, now));
    GONGKAI_RETURN_IF_ERROR(tx->Commit());
    s.last_seen_at = now;
  }
  account::Actor actor = ActorFor(u, remote_addr);
  return SignedIn{std::move(u), std::move(s), std::move(actor)};
}

Status AccountService::Logout(const SignedIn& who) {
  GONGKAI_ASSIGN_OR_RETURN(auto tx, store_.Begin(storage::TxMode::kWrite));
  GONGKAI_RETURN_IF_ERROR(tx->sessions().Delete(who.session.token_hash));
  GONGKAI_RETURN_IF_ERROR(
      AppendAudit(*tx, clock_, who.actor, "logout", "user:" + who.user.username, ""));
  return tx->Commit();
}

}  // namespace gongkai::services

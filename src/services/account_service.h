#pragma once

#include <string>
#include <vector>

#include "account/password.h"
#include "account/permissions.h"
#include "account/session.h"
#include "core/clock.h"
#include "storage/store.h"

namespace gongkai::services {

struct SecurityOptions {
  int64_t session_lifetime_seconds = 12 * 3600;  // absolute
  int64_t session_idle_seconds = 2 * 3600;       // without a request
  int max_failures_per_user = 5;                 // within the window → locked
  int max_failures_per_address = 20;             // offices share one address
  int64_t failure_window_seconds = 15 * 60;
  account::PasswordParams password_params;
};

// A signed-in request's identity.
struct SignedIn {
  account::User user;
  account::Session session;
  account::Actor actor;  // user, grants and address, for service calls
};

// True when `actor` may manage `user` as a whole (disable, reset the password, unlock): a system
// administrator any user; anyone else only another user who holds roles, none of them
// 系统管理员, all on agencies where the actor has kManageUsers — so that managing the user can
// never reach an agency the actor does not manage.
bool MayManageUser(const account::Actor& actor, const account::User& user,
                   const account::AgencyParents& parents);

// Users, passwords, sign-in and sessions. Thread-safe.
class AccountService {
 public:
  AccountService(storage::Store& store, const Clock& clock, SecurityOptions options = {})
      : store_(store), clock_(clock), options_(options) {}

  // Creates a user with the grants given. The console and system admins may
  // grant anything; an agency admin may grant roles other than system admin
  // on agencies within their own. kInvalidArgument (name, password, grants),
  // kAlreadyExists, kPermissionDenied. `user.must_change_password` is kept (the
  // web sets it: a password an admin chose must be changed at the first sign-in).
  Result<account::UserId> AddUser(const account::Actor& actor, account::User user,
                                  const std::string& password);

  // Sets a new password and ends every session of that user. Allowed for the
  // user themself (with the current password checked by the caller), the
  // console, and admins who may manage the user (MayManageUser).
  Status ChangePassword(const account::Actor& actor, const std::string& username,
                        const std::string& new_password);

  // Users visible to the actor: all for system admins, else those holding a
  // grant on an agency the actor manages users of.
  Result<std::vector<account::User>> ListUsers(const account::Actor& actor);

  // Checks the password and opens a session; returns the raw token (only
  // ever in the cookie). kPermissionDenied "用户名或密码错误" for any bad
  // pair; kResourceExhausted when throttled (the password is then not even
  // checked). Every attempt is audited.
  struct LoginResult {
    std::string token;
    SignedIn who;
  };
  Result<LoginResult> Login(const std::string& username, const std::string& password,
                            const std::string& remote_addr);

  // The identity behind a session token; kNotFound when unknown, expired,
  // idle too long or the user is disabled.
  Result<SignedIn> Authenticate(const std::string& token, const std::string& remote_addr);

  // Ends the session (idempotent).
  Status Logout(const SignedIn& who);

 private:
  storage::Store& store_;
  const Clock& clock_;
  const SecurityOptions options_;
};

}  // namespace gongkai::services

#pragma once
// Users on the web (/admin/users, /api/v1/users): list, add, grant and revoke roles per agency,
// disable, reset a password, unlock a throttled account, and change one's own password. Every
// change is authorized per agency, audited and made in one transaction.

#include <optional>
#include <string>
#include <vector>

#include "services/account_service.h"

namespace gongkai::services {

// A user as an administrator sees them.
struct ManagedUser {
  account::User user;       // password_hash cleared
  bool locked = false;      // sign-in throttled now (too many failures)
  bool manageable = false;  // the actor may disable, reset, unlock (MayManageUser)
};

struct UsersOverview {
  std::vector<ManagedUser> users;
  // Agencies where the actor may grant roles (kManageUsers), parents first.
  std::vector<agency::Agency> agencies;
  std::vector<account::Role> grantable_roles;  // 系统管理员 only for system administrators
};

struct NewUser {
  std::string username, display_name;
  account::RoleGrant grant;
  std::string password;  // "" = generate one
};

class UserAdminService {
 public:
  UserAdminService(storage::Store& store, const Clock& clock, SecurityOptions options = {})
      : store_(store), clock_(clock), options_(options), accounts_(store, clock, options) {}

  // The users holding a role on an agency the actor manages users of (all for system
  // administrators). kPermissionDenied when the actor manages no agency.
  Result<UsersOverview> Overview(const account::Actor& actor);
  // One of those users; kNotFound, kPermissionDenied.
  Result<ManagedUser> Get(const account::Actor& actor, account::UserId id);

  // Adds a user with one role, who must change the password at the first sign-in. Returns the
  // id and the password when it was generated (shown once), else "".
  struct Added {
    account::UserId id = 0;
    std::string generated_password;
  };
  Result<Added> Add(const account::Actor& actor, const NewUser& user);

  // A role on an agency (none for 系统管理员). The actor needs kManageUsers on the agency, and
  // only a system administrator grants or revokes 系统管理员. kAlreadyExists / kNotFound when the
  // user already has / lacks the role.
  Status Grant(const account::Actor& actor, account::UserId id, const account::RoleGrant& grant);
  Status Revoke(const account::Actor& actor, account::UserId id, const account::RoleGrant& grant);

  // Disabling ends the user's sessions. Nobody disables themself.
  Status SetDisabled(const account::Actor& actor, account::UserId id, bool disabled);
  // Sets `temporary` (or a generated password when ""), which the user must change at the next
  // sign-in; ends their sessions and clears their sign-in throttle. Returns the generated
  // password ("" when the admin chose one).
  Result<std::string> ResetPassword(const account::Actor& actor, account::UserId id,
                                    const std::string& temporary);
  // Clears the user's failed sign-ins, so a throttled account can sign in again at once.
  Status Unlock(const account::Actor& actor, account::UserId id);

  // The signed-in user's own password: the current one checked, the new one twice, the password
  // policy; every other session of the user ends, this one stays. A wrong current password
  // counts as a failed sign-in (throttling).
  Status ChangeOwnPassword(const SignedIn& who, const std::string& current,
                           const std::string& new_password, const std::string& confirm);

 private:
  // Loads the user and the agency tree in `tx` and checks that the actor may manage the user.
  struct Loaded {
    account::User user;
    account::AgencyParents parents;
    bool allowed = false;
  };
  Result<Loaded> Load(storage::Transaction& tx, const account::Actor& actor, account::UserId id);
  Result<bool> Locked(storage::Transaction& tx, const std::string& username);
  Status ChangeGrant(const account::Actor& actor, account::UserId id,
                     const account::RoleGrant& grant, bool add);
  Result<std::string> PasswordOrGenerated(const std::string& given, const std::string& username,
                                          bool* generated);

  storage::Store& store_;
  const Clock& clock_;
  const SecurityOptions options_;
  AccountService accounts_;
};

}  // namespace gongkai::services

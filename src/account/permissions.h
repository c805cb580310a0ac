#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "account/account.h"
#include "agency/agency.h"

namespace gongkai::account {

// What a role allows; checked in services, per agency.
enum class Permission {
  kView,                // see the agency's internal data
  kManageAgency,        // edit the agency, add agencies below it
  kManageUsers,         // add users and grant roles within the agency
  kViewAudit,           // read the security audit log
  kEditContent,         // draft catalog items
  kReviewContent,       // any 三审 stage
  kHandleApplications,  // register and decide 依申请公开 applications
};

bool RoleHas(Role role, Permission permission);

// Who is acting. The console (the operator running the CLI on the server)
// may do everything, like a system administrator.
struct Actor {
  std::optional<UserId> user_id;
  std::string name = "anonymous";
  std::vector<RoleGrant> grants;
  bool console = false;
  std::string remote_addr;
  // A user signed in with a password an administrator set: no permission at all until they
  // change it (Can and IsSystemAdmin answer false).
  bool must_change_password = false;

  static Actor Console() {
    Actor a;
    a.name = "cli";
    a.console = true;
    return a;
  }
  bool IsSystemAdmin() const;
};

// parent id of each agency, to walk up the tree.
using AgencyParents = std::map<agency::AgencyId, std::optional<agency::AgencyId>>;
AgencyParents ParentsOf(const std::vector<agency::Agency>& agencies);

// True when the actor holds `permission` on `target`: the console, a system
// administrator, or a grant of a role with that permission on `target` or
// on one of its ancestors. A null target means "the whole system".
bool Can(const Actor& actor, Permission permission, std::optional<agency::AgencyId> target,
         const AgencyParents& parents);

}  // namespace gongkai::account

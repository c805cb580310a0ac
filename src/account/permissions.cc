#include "account/permissions.h"

namespace gongkai::account {

bool RoleHas(Role role, Permission p) {
  switch (role) {
    case Role::kSystemAdmin:
      return true;
    case Role::kAgencyAdmin:
      return true;
    case Role::kEditor:
      return p == Permission::kView || p == Permission::kEditContent;
    case Role::kReviewerFirst:
    case Role::kReviewerSecond:
    case Role::kReviewerFinal:
      return p == Permission::kView || p == Permission::kReviewContent;
    case Role::kApplicationClerk:
    case Role::kLegalReviewer:
      return p == Permission::kView || p == Permission::kHandleApplications;
    case Role::kReadOnly:
    case Role::kSigningLeader:  // signs by its role (approval_chain.h), handles nothing itself
      return p == Permission::kView;
  }
  return false;
}

bool Actor::IsSystemAdmin() const {
  if (console) return true;
  if (must_change_password) return false;
  for (const auto& g : grants) {
    if (g.role == Role::kSystemAdmin) return true;
  }
  return false;
}

AgencyParents ParentsOf(const std::vector<agency::Agency>& agencies) {
  AgencyParents out;
  for (const auto& a : agencies) out[a.id] = a.parent_id;
  return out;
}

bool Can(const Actor& actor, Permission permission, std::optional<agency::AgencyId> target,
         const AgencyParents& parents) {
  if (actor.IsSystemAdmin()) return true;
  if (!target || actor.must_change_password) return false;
  // Walk from the target up to the root; a grant anywhere on the way counts.
  std::optional<agency::AgencyId> cur = target;
  for (int depth = 0; cur && depth < 64; ++depth) {
    for (const auto& g : actor.grants) {
      if (g.agency_id == cur && RoleHas(g.role, permission)) return true;
    }
    auto it = parents.find(*cur);
    if (it == parents.end()) break;
    cur = it->second;
  }
  return false;
}

}  // namespace gongkai::account

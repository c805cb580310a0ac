#pragma once

#include <vector>

#include "account/permissions.h"
#include "agency/agency.h"
#include "core/clock.h"
#include "storage/store.h"

namespace gongkai::services {

// The agency tree: listing is public; adding and editing are checked here,
// per agency. Thread-safe (state lives in the Store).
class AgencyService {
 public:
  AgencyService(storage::Store& store, const Clock& clock) : store_(store), clock_(clock) {}

  // Every agency, parents before children.
  Result<std::vector<agency::Agency>> List();
  Result<agency::Agency> Get(agency::AgencyId id);
  // The agencies the actor may edit (kManageAgency), parents first.
  Result<std::vector<agency::Agency>> ListManageable(const account::Actor& actor);

  // Validates and stores a new agency below agency.parent_id. A root agency
  // needs a system administrator; a child needs kManageAgency on its parent.
  // kInvalidArgument, kNotFound (parent), kAlreadyExists, kPermissionDenied.
  Result<agency::AgencyId> Add(const account::Actor& actor, agency::Agency agency);

  // Replaces the editable fields of an existing agency (not its place in the
  // tree unless the actor is a system administrator; never a cycle).
  Status Update(const account::Actor& actor, agency::Agency agency);

 private:
  storage::Store& store_;
  const Clock& clock_;
};

}  // namespace gongkai::services

#pragma once
// The one per-agency authorization check of the services: does `actor` hold `permission` on
// `agency` (or an agency above it)? Refusals are audited.

#include <string>

#include "account/permissions.h"
#include "core/clock.h"
#include "storage/store.h"

namespace gongkai::services {

// Ok when allowed; kNotFound (Chinese) for an unknown agency; otherwise the refusal is audited
// (action, target, zh_reason) and kPermissionDenied returned.
Status AuthorizeOnAgency(storage::Store& store, const Clock& clock, const account::Actor& actor,
                         account::Permission permission, agency::AgencyId agency,
                         const std::string& action, const std::string& target,
                         const std::string& zh_reason);

// The same inside a transaction the caller already holds (no audit: the caller returns the
// status, and records the refusal with DenyAndAudit after its transaction has ended).
Result<bool> AllowedOnAgency(storage::Transaction& tx, const account::Actor& actor,
                             account::Permission permission, agency::AgencyId agency);

}  // namespace gongkai::services

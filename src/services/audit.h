#pragma once

#include <string>

#include "account/permissions.h"
#include "core/clock.h"
#include "storage/store.h"

namespace gongkai::services {

// Appends one audit event inside `tx` (so it commits with the change it
// records). `detail` must never contain a secret.
Status AppendAudit(storage::Transaction& tx, const Clock& clock, const account::Actor& actor,
                   std::string action, std::string target, std::string detail,
                   std::string outcome = "ok");

// The same, naming the agencies the event concerns (instead of deriving them from the target).
Status AppendAuditFor(storage::Transaction& tx, const Clock& clock, const account::Actor& actor,
                      std::vector<int64_t> agencies, std::string action, std::string target,
                      std::string detail, std::string outcome = "ok");

// Records a refused attempt in its own transaction and returns the
// kPermissionDenied status to give the caller.
Status DenyAndAudit(storage::Store& store, const Clock& clock, const account::Actor& actor,
                    std::string action, std::string target, std::string zh_reason);

}  // namespace gongkai::services

#pragma once
// The audit hash chain (审计链) as the product offers it: verify the whole chain, checkpoint its
// head, export it for a third party (docs/audit-chain.md). System administrators only (the console
// is one); the chain is written by every AppendAudit (storage::AuditRepository::Append).

#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>

#include "account/permissions.h"
#include "audit/verifier.h"
#include "core/clock.h"
#include "storage/store.h"

namespace gongkai::services {

struct ChainStatus {
  int64_t entries = 0;                   // entries verified (all of them when intact)
  audit::Digest head = audit::kGenesis;  // the chain hash of the last verified entry
  int64_t checkpoints = 0;
  std::optional<audit::Checkpoint> last_checkpoint;
  std::optional<audit::Break> broken;  // the first break

  // "审计链完整：N 条记录，链头 <hex>" or "审计链已损坏：<the break>".
  std::string Summary() const;
};

class AuditChainService {
 public:
  AuditChainService(storage::Store& store, const Clock& clock) : store_(store), clock_(clock) {}

  // Recomputes every hash from the first entry and checks every checkpoint, and the heads kept
  // off the server given as `expected` (reason "external"), in one read transaction. A break is a
  // ChainStatus with `broken`, not an error.
  Result<ChainStatus> Verify(const account::Actor& actor,
                             std::vector<audit::Checkpoint> expected = {});
  // Records the head as a checkpoint ("manual"), audited as audit_checkpoint (the checkpoint
  // covers that entry).
  Result<audit::Checkpoint> Checkpoint(const account::Actor& actor);
  // Writes the entries from `from` on and the checkpoints among them as JSON lines; without the
  // detail text (only its SHA-256) when `omit_detail`. Audited as audit_export (the export
  // includes that entry). Returns the number of entries written.
  Result<int64_t> Export(const account::Actor& actor, int64_t from, bool omit_detail,
                         std::ostream& out);

 private:
  Status Authorize(const account::Actor& actor, const std::string& action);
  storage::Store& store_;
  const Clock& clock_;
};

}  // namespace gongkai::services

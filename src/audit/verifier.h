#pragma once
// Checks an audit hash chain entry by entry (audit/chain.h): fed the log's rows and the chain's
// rows side by side in id order, it recomputes every hash and names the first break. Pure: the
// storage layer scans, this decides.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "audit/chain.h"

namespace gongkai::audit {

// What the chain table holds for one entry.
struct StoredLink {
  Digest leaf{};
  Digest chain{};
};

// One id as found in the database: the log's row and the chain's row (either may be missing
// after tampering behind the product's back).
struct ScannedEntry {
  int64_t id = 0;
  std::optional<LeafFields> fields;
  std::optional<StoredLink> link;
};

// A recorded head of the chain: after entry `seq` the chain hash was `chain`.
struct Checkpoint {
  int64_t seq = 0;
  Digest chain{};
  int64_t at = 0;
  std::string reason;  // "periodic" (every 1000 entries), "daily", "manual", "upgrade"
};

enum class BreakKind {
  kMissing,     // an entry was deleted
  kUnchained,   // an entry is in the log but not in the chain (inserted behind the back)
  kModified,    // an entry's fields no longer hash to its leaf
  kRelinked,    // an entry's chain hash does not follow from the one before
  kCheckpoint,  // a checkpoint does not match the chain (or lies beyond its end)
};

struct Break {
  BreakKind kind = BreakKind::kModified;
  int64_t seq = 0;      // the entry (or checkpoint) concerned
  std::string message;  // Chinese, names the entry: "第 7 条记录（id 7）被修改：…"
};

class ChainVerifier {
 public:
  // Verifies the entries from `from` on; `prev` is the chain hash of entry from - 1 (kGenesis
  // for from = 1). Checkpoints before `from` are not checked.
  explicit ChainVerifier(std::vector<Checkpoint> checkpoints, int64_t from = 1,
                         Digest prev = kGenesis);

  // Checks the next entry; false once a break is found (feed no more).
  bool Add(const ScannedEntry& entry);
  // After the last entry: the checkpoints beyond the end. The first break, if any.
  const std::optional<Break>& Finish();

  int64_t count() const { return next_ - from_; }  // entries verified
  int64_t last() const { return next_ - 1; }       // the last entry verified (from - 1: none)
  const Digest& head() const { return prev_; }     // its chain hash

 private:
  bool Fail(BreakKind kind, int64_t seq, std::string message);
  bool CheckCheckpoints(int64_t seq, const Digest& chain);

  std::vector<Checkpoint> checkpoints_;  // by seq
  size_t next_checkpoint_ = 0;
  int64_t from_;
  int64_t next_;
  Digest prev_;
  std::optional<Break> break_;
};

}  // namespace gongkai::audit

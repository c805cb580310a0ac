#pragma once
// The audit hash chain (审计链), format 1: how one audit-log entry is hashed and how the entries
// are chained. Pure functions, no I/O. docs/audit-chain.md gives the same layout for third parties;
// changing a byte here breaks every existing chain (chain_test.cc pins a known vector).

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace gongkai::audit {

using Digest = std::array<unsigned char, 32>;

// The hash that precedes the first entry: 32 zero bytes.
inline constexpr Digest kGenesis{};

// The fields of one entry that the chain covers (the agencies an event concerns are not covered:
// they are derived for access control and may be recomputed).
struct LeafFields {
  int64_t id = 0;  // the entry's position: dense, from 1
  int64_t at = 0;  // unix seconds
  std::optional<int64_t> actor_user_id;
  std::string_view actor, action, target, outcome, remote_addr, detail;
};

Digest Sha256(std::string_view bytes);

// The canonical bytes of an entry: "GKAUDIT1", then nine fields, each a 4-byte big-endian length
// followed by the bytes: id, at, actor_user_id (decimal ASCII; empty when none), actor, action,
// target, outcome, remote_addr (UTF-8), and the 32 raw bytes of SHA-256(detail).
std::string LeafBytes(const LeafFields& entry);
// SHA-256(LeafBytes(entry)).
Digest LeafHash(const LeafFields& entry);
// SHA-256(prev ‖ leaf): 64 bytes in, the entry's chain hash out.
Digest ChainHash(const Digest& prev, const Digest& leaf);

// Lower-case hex, 64 characters.
std::string Hex(const Digest& d);
// The digest of 64 hex digits (either case); nullopt otherwise.
std::optional<Digest> ParseHex(std::string_view hex);
// A digest from 32 raw bytes (a BLOB column); nullopt for any other length.
std::optional<Digest> FromBytes(std::string_view bytes);
std::string_view AsBytes(const Digest& d);

}  // namespace gongkai::audit

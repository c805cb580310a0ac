#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "account/account.h"

namespace gongkai::account {

// A signed-in browser or API client. The database keeps only the SHA-256 of
// the token; the token itself lives in the HttpOnly cookie.
struct Session {
  std::string token_hash;
  UserId user_id = 0;
  std::string csrf_token;  // synchronizer token for forms and X-CSRF-Token
  int64_t created_at = 0;
  int64_t expires_at = 0;
  int64_t last_seen_at = 0;
  std::string remote_addr;
};

// One line of the append-only security audit log (审计日志).
struct AuditEvent {
  int64_t id = 0;
  int64_t at = 0;
  std::optional<UserId> actor_user_id;
  std::string actor;   // username, or "cli" / "anonymous"
  std::string action;  // "login", "login_failed", "user_add", "agency_update", …
  std::string target;  // "user:zhangsan", "agency:3"
  std::string detail;  // human-readable; never a secret
  std::string remote_addr;
  std::string outcome;  // "ok" | "denied" | "failed"
  // Read back only: the hex of the entry's chain hash (审计链, docs/audit-chain.md); empty when
  // the entry is not chained.
  std::string chain_hash;
  // The agencies the event concerns. When empty at Append, the store derives them from the
  // target ("agency:N", "application:N", "user:NAME" → the agencies of the user's roles).
  std::vector<int64_t> agency_ids;
};

}  // namespace gongkai::account

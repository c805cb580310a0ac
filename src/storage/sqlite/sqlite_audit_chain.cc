// The audit hash chain (migration 009, audit/chain.h): chaining each appended entry, the one-time
// chaining of the entries written before 009, scanning for verification, and checkpoints.
#include <algorithm>
#include <cstdint>

#include "storage/sqlite/sqlite_repositories.h"

namespace gongkai::storage::sqlite {

namespace {

constexpr int64_t kPeriodicCheckpoint = 1000;  // entries
constexpr int64_t kDailyCheckpoint = 86400;    // seconds since the last checkpoint

audit::LeafFields FieldsOf(const account::AuditEvent& e, int64_t id) {
  audit::LeafFields f;
  f.id = id;
  f.at = e.at;
  f.actor_user_id = e.actor_user_id;
  f.actor = e.actor;
  f.action = e.action;
  f.target = e.target;
  f.outcome = e.outcome;
  f.remote_addr = e.remote_addr;
  f.detail = e.detail;
  return f;
}

// A stored digest; all zeros for a malformed BLOB (it then fails to match).
audit::Digest DigestOf(const Stmt& s, int col) {
  return audit::FromBytes(s.Blob(col)).value_or(audit::Digest{});
}

Status InsertCheckpoint(Connection* conn, int64_t seq, const audit::Digest& chain, int64_t at,
                        std::string_view reason) {
  GONGKAI_ASSIGN_OR_RETURN(Stmt s, conn->Prepare("INSERT INTO audit_checkpoints (seq, chain_hash, "
                                                 "at, reason) VALUES (?, ?, ?, ?)"));
  s.Bind(1, seq).BindBlob(2, audit::AsBytes(chain)).Bind(3, at).Bind(4, reason);
  return s.Run();
}

// Chains `e` onto `prev` and returns its chain hash.
Result<audit::Digest> InsertLink(Connection* conn, const account::AuditEvent& e, int64_t id,
                                 const audit::Digest& prev) {
  audit::Digest leaf = audit::LeafHash(FieldsOf(e, id));
  audit::Digest chain = audit::ChainHash(prev, leaf);
  GONGKAI_ASSIGN_OR_RETURN(
      Stmt s, conn->Prepare("INSERT INTO audit_chain (audit_id, leaf_hash, chain_hash) "
                            "VALUES (?, ?, ?)"));
  s.Bind(1, id).BindBlob(2, audit::AsBytes(leaf)).BindBlob(3, audit::AsBytes(chain));
  GONGKAI_RETURN_IF_ERROR(s.Run());
  return chain;
}

constexpr std::string_view kEventsFrom =
    "SELECT id, at, actor_user_id, actor, action, target, detail, remote_addr, outcome "
    "FROM audit_log WHERE id >= ? ORDER BY id";

}  // namespace

Status ChainAppendedAudit(Connection* conn, const account::AuditEvent& e, int64_t id) {
  // The head and the last checkpoint's time in one statement: the only read an append adds.
  GONGKAI_ASSIGN_OR_RETURN(
      Stmt head, conn->Prepare("SELECT (SELECT chain_hash FROM audit_chain ORDER BY audit_id DESC "
                               "LIMIT 1), (SELECT at FROM audit_checkpoints ORDER BY seq DESC "
                               "LIMIT 1)"));
  GONGKAI_ASSIGN_OR_RETURN(bool row, head.Step());
  audit::Digest prev = audit::kGenesis;
  std::optional<int64_t> last_checkpoint;
  if (row) {
    if (!head.IsNull(0)) prev = DigestOf(head, 0);
    last_checkpoint = head.OptionalInt(1);
  }
  GONGKAI_ASSIGN_OR_RETURN(audit::Digest chain, InsertLink(conn, e, id, prev));
  if (id % kPeriodicCheckpoint == 0) {
    return InsertCheckpoint(conn, id, chain, e.at, "periodic");
  }
  if (!last_checkpoint || e.at - *last_checkpoint >= kDailyCheckpoint) {
    return InsertCheckpoint(conn, id, chain, e.at, "daily");
  }
  return Status::Ok();
}

Status BackfillAuditChain(Connection* conn) {
  int64_t up_to = 0;
  {
    GONGKAI_ASSIGN_OR_RETURN(
        Stmt s, conn->Prepare("SELECT value FROM site_state WHERE key = 'audit_chain_backfill'"));
    GONGKAI_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) return Status::Ok();
    up_to = s.Int(0);
  }
  audit::Digest prev = audit::kGenesis;
  account::AuditEvent e;
  {
    GONGKAI_ASSIGN_OR_RETURN(Stmt s, conn->Prepare(kEventsFrom));
    s.Bind(1, int64_t{1});
    for (;;) {
      GONGKAI_ASSIGN_OR_RETURN(bool row, s.Step());
      if (!row || s.Int(0) > up_to) break;
      ReadAuditRow(s, e);
      GONGKAI_ASSIGN_OR_RETURN(prev, InsertLink(conn, e, e.id, prev));
    }
  }
  if (e.id > 0) GONGKAI_RETURN_IF_ERROR(InsertCheckpoint(conn, e.id, prev, e.at, "upgrade"));
  GONGKAI_ASSIGN_OR_RETURN(
      Stmt del, conn->Prepare("DELETE FROM site_state WHERE key = 'audit_chain_backfill'"));
  return del.Run();
}

Status SqliteAuditRepository::ScanChain(
    int64_t from, const std::function<bool(const audit::ScannedEntry&)>& visit) {
  GONGKAI_ASSIGN_OR_RETURN(Stmt log, conn_->Prepare(kEventsFrom));
  GONGKAI_ASSIGN_OR_RETURN(Stmt links,
                           conn_->Prepare("SELECT audit_id, leaf_hash, chain_hash FROM audit_chain "
                                          "WHERE audit_id >= ? ORDER BY audit_id"));
  log.Bind(1, from);
  links.Bind(1, from);
  GONGKAI_ASSIGN_OR_RETURN(bool has_log, log.Step());
  GONGKAI_ASSIGN_OR_RETURN(bool has_link, links.Step());
  account::AuditEvent e;
  while (has_log || has_link) {
    int64_t log_id = has_log ? log.Int(0) : INT64_MAX;
    int64_t link_id = has_link ? links.Int(0) : INT64_MAX;
    audit::ScannedEntry entry;
    entry.id = std::min(log_id, link_id);
    if (log_id == entry.id) {
      ReadAuditRow(log, e);
      entry.fields = FieldsOf(e, e.id);
    }
    if (link_id == entry.id) entry.link = audit::StoredLink{DigestOf(links, 1), DigestOf(links, 2)};
    if (!visit(entry)) return Status::Ok();
    if (log_id == entry.id) {
      GONGKAI_ASSIGN_OR_RETURN(has_log, log.Step());
    }
    if (link_id == entry.id) {
      GONGKAI_ASSIGN_OR_RETURN(has_link, links.Step());
    }
  }
  return Status::Ok();
}

Result<audit::Digest> SqliteAuditRepository::ChainHashAt(int64_t id) {
  GONGKAI_ASSIGN_OR_RETURN(Stmt s,
                           conn_->Prepare("SELECT chain_hash FROM audit_chain WHERE audit_id = ?"));
  s.Bind(1, id);
  GONGKAI_ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) {
    return NotFound("audit chain entry " + std::to_string(id),
                    "审计链中没有第 " + std::to_string(id) + " 条记录");
  }
  return DigestOf(s, 0);
}

Result<std::vector<audit::Checkpoint>> SqliteAuditRepository::Checkpoints() {
  GONGKAI_ASSIGN_OR_RETURN(Stmt s, conn_->Prepare("SELECT seq, chain_hash, at, reason FROM "
                                                  "audit_checkpoints ORDER BY seq"));
  return s.ReadAll([](const Stmt& row) {
    return audit::Checkpoint{row.Int(0), DigestOf(row, 1), row.Int(2), row.Text(3)};
  });
}

Result<audit::Checkpoint> SqliteAuditRepository::CheckpointHead(int64_t at,
                                                                std::string_view reason) {
  GONGKAI_ASSIGN_OR_RETURN(
      Stmt head,
      conn_->Prepare("SELECT c.audit_id, c.chain_hash, k.at, k.reason FROM audit_chain c "
                     "LEFT JOIN audit_checkpoints k ON k.seq = c.audit_id "
                     "ORDER BY c.audit_id DESC LIMIT 1"));
  GONGKAI_ASSIGN_OR_RETURN(bool row, head.Step());
  if (!row) return FailedPrecondition("audit chain empty", "审计链还没有任何记录");
  audit::Checkpoint c{head.Int(0), DigestOf(head, 1), at, std::string(reason)};
  if (!head.IsNull(2)) {
    c.at = head.Int(2);
    c.reason = head.Text(3);
    return c;
  }
  GONGKAI_RETURN_IF_ERROR(InsertCheckpoint(conn_, c.seq, c.chain, c.at, c.reason));
  return c;
}

}  // namespace gongkai::storage::sqlite

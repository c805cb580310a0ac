// The append-only audit log (审计日志) and the agencies each event concerns (migrations 001, 007).
#include <charconv>

#include "storage/sqlite/sqlite_repositories.h"

namespace gongkai::storage::sqlite {

void ReadAuditRow(const Stmt& row, account::AuditEvent& e) {
  e.id = row.Int(0);
  e.at = row.Int(1);
  e.actor_user_id = row.OptionalInt(2);
  e.actor = row.Text(3);
  e.action = row.Text(4);
  e.target = row.Text(5);
  e.detail = row.Text(6);
  e.remote_addr = row.Text(7);
  e.outcome = row.Text(8);
}

namespace {

constexpr std::string_view kSelect =
    "SELECT id, at, actor_user_id, actor, action, target, detail, remote_addr, outcome, "
    "lower(hex((SELECT chain_hash FROM audit_chain c WHERE c.audit_id = audit_log.id))) "
    "FROM audit_log ";

// ?1 agencies as a JSON array (NULL = all), ?2 actor, ?3 action, ?4 from, ?5 until.
constexpr std::string_view kWhere =
    "WHERE (?1 IS NULL OR EXISTS (SELECT 1 FROM audit_agencies x WHERE x.audit_id = audit_log.id "
    "AND x.agency_id IN (SELECT value FROM json_each(?1)))) "
    "AND (?2 = '' OR actor = ?2) AND (?3 = '' OR action = ?3) "
    "AND (?4 = 0 OR at >= ?4) AND (?5 = 0 OR at < ?5) ";

account::AuditEvent ReadEvent(const Stmt& row) {
  account::AuditEvent e;
  ReadAuditRow(row, e);
  e.chain_hash = row.Text(9);
  return e;
}

void BindFilter(Stmt& s, const AuditQuery& q) {
  if (q.agencies) {
    std::string json = "[";
    for (agency::AgencyId id : *q.agencies) {
      if (json.size() > 1) json += ",";
      json += std::to_string(id);
    }
    s.Bind(1, json + "]");
  } else {
    s.BindNull(1);
  }
  s.Bind(2, q.actor).Bind(3, q.action).Bind(4, q.from).Bind(5, q.until);
}

// "application:12" → 12 when `target` starts with `prefix` and a positive number follows.
std::optional<int64_t> TargetId(std::string_view target, std::string_view prefix) {
  if (target.substr(0, prefix.size()) != prefix) return std::nullopt;
  std::string_view rest = target.substr(prefix.size());
  int64_t v = 0;
  auto [end, ec] = std::from_chars(rest.data(), rest.data() + rest.size(), v);
  if (ec != std::errc() || end != rest.data() + rest.size() || v <= 0) return std::nullopt;
  return v;
}

}  // namespace

Result<int64_t> SqliteAuditRepository::Append(const account::AuditEvent& e) {
  {
    GONGKAI_ASSIGN_OR_RETURN(
        Stmt s, conn_->Prepare("INSERT INTO audit_log (at, actor_user_id, actor, action, target, "
                               "detail, remote_addr, outcome) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    s.Bind(1, e.at)
        .Bind(2, e.actor_user_id)
        .Bind(3, e.actor)
        .Bind(4, e.action)
        .Bind(5, e.target)
        .Bind(6, e.detail)
        .Bind(7, e.remote_addr)
        .Bind(8, e.outcome);
    GONGKAI_RETURN_IF_ERROR(s.Run());
  }
  int64_t id = conn_->LastInsertId();
  GONGKAI_RETURN_IF_ERROR(ChainAppendedAudit(conn_, e, id));
  for (int64_t agency : e.agency_ids) {
    GONGKAI_ASSIGN_OR_RETURN(
        Stmt s, conn_->Prepare("INSERT OR IGNORE INTO audit_agencies (audit_id, agency_id) "
                               "VALUES (?, ?)"));
    s.Bind(1, id).Bind(2, agency);
    GONGKAI_RETURN_IF_ERROR(s.Run());
  }
  if (!e.agency_ids.empty()) return id;
  // Otherwise from the target: an agency, an application, or a user's agencies.
  std::string_view sql;
  std::optional<int64_t> key;
  if ((key = TargetId(e.target, "agency:"))) {
    sql = "SELECT ?1, id FROM agencies WHERE id = ?2";
  } else if ((key = TargetId(e.target, "application:"))) {
    sql = "SELECT ?1, agency_id FROM applications WHERE id = ?2";
  } else if (e.target.rfind("user:", 0) == 0) {
    sql =
        "SELECT ?1, r.agency_id FROM user_roles r JOIN users u ON u.id = r.user_id "
        "WHERE u.username = ?2 AND r.agency_id IS NOT NULL";
  } else {
    return id;
  }
  GONGKAI_ASSIGN_OR_RETURN(
      Stmt s, conn_->Prepare("INSERT OR IGNORE INTO audit_agencies (audit_id, agency_id) " +
                             std::string(sql)));
  s.Bind(1, id);
  if (key) {
    s.Bind(2, *key);
  } else {
    s.Bind(2, std::string_view(e.target).substr(5));
  }
  GONGKAI_RETURN_IF_ERROR(s.Run());
  return id;
}

Result<std::vector<int64_t>> SqliteAuditRepository::AgenciesOf(int64_t audit_id) {
  GONGKAI_ASSIGN_OR_RETURN(Stmt s,
                           conn_->Prepare("SELECT agency_id FROM audit_agencies WHERE audit_id = ? "
                                          "ORDER BY agency_id"));
  s.Bind(1, audit_id);
  return s.ReadAll([](const Stmt& row) { return row.Int(0); });
}

Result<std::vector<account::AuditEvent>> SqliteAuditRepository::List(int limit, int64_t before_id) {
  GONGKAI_ASSIGN_OR_RETURN(Stmt s,
                           conn_->Prepare(std::string(kSelect) + "WHERE (? = 0 OR id < ?) "
                                                                 "ORDER BY id DESC LIMIT ?"));
  s.Bind(1, before_id).Bind(2, before_id).Bind(3, int64_t{limit});
  return s.ReadAll(ReadEvent);
}

Result<AuditPage> SqliteAuditRepository::Query(const AuditQuery& q) {
  AuditPage page;
  {
    GONGKAI_ASSIGN_OR_RETURN(
        Stmt s, conn_->Prepare("SELECT count(*) FROM audit_log " + std::string(kWhere)));
    BindFilter(s, q);
    GONGKAI_ASSIGN_OR_RETURN(bool row, s.Step());
    page.total = row ? s.Int(0) : 0;
  }
  {
    GONGKAI_ASSIGN_OR_RETURN(Stmt s, conn_->Prepare(std::string(kSelect) + std::string(kWhere) +
                                                    "ORDER BY id DESC LIMIT ?6 OFFSET ?7"));
    BindFilter(s, q);
    s.Bind(6, int64_t{q.limit}).Bind(7, int64_t{q.offset});
    GONGKAI_ASSIGN_OR_RETURN(page.events, s.ReadAll(ReadEvent));
  }
  for (auto& e : page.events) {
    GONGKAI_ASSIGN_OR_RETURN(e.agency_ids, AgenciesOf(e.id));
  }
  return page;
}

}  // namespace gongkai::storage::sqlite

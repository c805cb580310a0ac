// Sessions, sign-in throttling and site state (the audit log: sqlite_audit_repository.cc).
#include "storage/sqlite/sqlite_repositories.h"

namespace gongkai::storage::sqlite {

Status SqliteSessionRepository::Insert(const account::Session& x) {
  GONGKAI_ASSIGN_OR_RETURN(
      Stmt s,
      conn_->Prepare("INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, "
                     "expires_at, last_seen_at, remote_addr) VALUES (?, ?, ?, ?, ?, ?, ?)"));
  s.Bind(1, x.token_hash)
      .Bind(2, x.user_id)
      .Bind(3, x.csrf_token)
      .Bind(4, x.created_at)
      .Bind(5, x.expires_at)
      .Bind(6, x.last_seen_at)
      .Bind(7, x.remote_addr);
  return s.Run();
}

Result<account::Session> SqliteSessionRepository::Get(const std::string& token_hash) {
  GONGKAI_ASSIGN_OR_RETURN(
      Stmt s, conn_->Prepare("SELECT token_hash, user_id, csrf_token, created_at, expires_at, "
                             "last_seen_at, remote_addr FROM sessions WHERE token_hash = ?"));
  s.Bind(1, token_hash);
  GONGKAI_ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return NotFound("session", "登录已失效，请重新登录");
  account::Session x;
  x.token_hash = s.Text(0);
  x.user_id = s.Int(1);
  x.csrf_token = s.Text(2);
  x.created_at = s.Int(3);
  x.expires_at = s.Int(4);
  x.last_seen_at = s.Int(5);
  x.remote_addr = s.Text(6);
  return x;
}

Status SqliteSessionRepository::Touch(const std::string& token_hash, int64_t at) {
  GONGKAI_ASSIGN_OR_RETURN(
      Stmt s, conn_->Prepare("UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?"));
  s.Bind(1, at).Bind(2, token_hash);
  return s.Run();
}

Status SqliteSessionRepository::Delete(const std::string& token_hash) {
  GONGKAI_ASSIGN_OR_RETURN(Stmt s, conn_->Prepare("DELETE FROM sessions WHERE token_hash = ?"));
  s.Bind(1, token_hash);
  return s.Run();
}

Status SqliteSessionRepository::DeleteForUser(account::UserId id) {
  GONGKAI_ASSIGN_OR_RETURN(Stmt s, conn_->Prepare("DELETE FROM sessions WHERE user_id = ?"));
  s.Bind(1, id);
  return s.Run();
}

Status SqliteSessionRepository::DeleteForUserExcept(account::UserId id,
                                                    const std::string& keep_token_hash) {
  GONGKAI_ASSIGN_OR_RETURN(
      Stmt s, conn_->Prepare("DELETE FROM sessions WHERE user_id = ? AND token_hash <> ?"));
  s.Bind(1, id).Bind(2, keep_token_hash);
  return s.Run();
}

Status SqliteSessionRepository::DeleteExpired(int64_t now) {
  GONGKAI_ASSIGN_OR_RETURN(Stmt s, conn_->Prepare("DELETE FROM sessions WHERE expires_at <= ?"));
  s.Bind(1, now);
  return s.Run();
}

Status SqliteLoginThrottleRepository::RecordFailure(const std::string& key, int64_t at) {
  GONGKAI_ASSIGN_OR_RETURN(
      Stmt s, conn_->Prepare("INSERT INTO login_failures (throttle_key, at) VALUES (?, ?)"));
  s.Bind(1, key).Bind(2, at);
  return s.Run();
}

Result<int> SqliteLoginThrottleRepository::CountFailuresSince(const std::string& key,
                                                              int64_t since) {
  GONGKAI_ASSIGN_OR_RETURN(
      Stmt s,
      conn_->Prepare("SELECT count(*) FROM login_failures WHERE throttle_key = ? AND at >= ?"));
  s.Bind(1, key).Bind(2, since);
  GONGKAI_ASSIGN_OR_RETURN(bool row, s.Step());
  return row ? static_cast<int>(s.Int(0)) : 0;
}

Status SqliteLoginThrottleRepository::Clear(const std::string& key) {
  GONGKAI_ASSIGN_OR_RETURN(Stmt s,
                           conn_->Prepare("DELETE FROM login_failures WHERE throttle_key = ?"));
  s.Bind(1, key);
  return s.Run();
}

Status SqliteSiteStateRepository::BumpPublicGeneration() {
  GONGKAI_ASSIGN_OR_RETURN(
      Stmt s,
      conn_->Prepare("UPDATE site_state SET value = value + 1 WHERE key = 'public_generation'"));
  return s.Run();
}

Result<int64_t> SqliteSiteStateRepository::PublicGeneration() {
  GONGKAI_ASSIGN_OR_RETURN(
      Stmt s, conn_->Prepare("SELECT value FROM site_state WHERE key = 'public_generation'"));
  GONGKAI_ASSIGN_OR_RETURN(bool row, s.Step());
  return row ? s.Int(0) : 0;
}

Status SqliteHolidayNoticeRepository::Put(const HolidayNotice& n) {
  GONGKAI_ASSIGN_OR_RETURN(
      Stmt s, conn_->Prepare("INSERT OR REPLACE INTO holiday_notices (year, tsv, source_text, "
                             "imported_at, imported_by) VALUES (?1, ?2, ?3, ?4, ?5)"));
  s.Bind(1, static_cast<int64_t>(n.year))
      .Bind(2, n.tsv)
      .Bind(3, n.source_text)
      .Bind(4, n.imported_at)
      .Bind(5, n.imported_by);
  return s.Run();
}

Result<std::vector<HolidayNotice>> SqliteHolidayNoticeRepository::List() {
  GONGKAI_ASSIGN_OR_RETURN(Stmt s,
                           conn_->Prepare("SELECT year, tsv, source_text, imported_at, imported_by "
                                          "FROM holiday_notices ORDER BY year"));
  return s.ReadAll([](const Stmt& r) {
    return HolidayNotice{static_cast<int>(r.Int(0)), r.Text(1), r.Text(2), r.Int(3), r.Text(4)};
  });
}

}  // namespace gongkai::storage::sqlite

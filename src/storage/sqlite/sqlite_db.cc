#include "storage/sqlite/sqlite_db.h"

namespace gongkai::storage::sqlite {

Status StatusFromSqlite(sqlite3* db, int rc, std::string_view what) {
  std::string msg = std::string(what) + ": " + (db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
  switch (rc) {
    case SQLITE_CONSTRAINT_UNIQUE:
    case SQLITE_CONSTRAINT_PRIMARYKEY:
      return AlreadyExists(msg, "记录已存在（唯一性冲突）");
    case SQLITE_CONSTRAINT_FOREIGNKEY:
      return FailedPrecondition(msg, "关联的记录不存在或仍被引用");
    default:
      break;
  }
  switch (rc & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return Unavailable(msg, "数据库忙，请稍后重试");
    case SQLITE_CONSTRAINT:
      return InvalidArgument(msg, "数据不符合约束");
    case SQLITE_FULL:
      return Unavailable(msg, "磁盘已满，数据未写入");
    case SQLITE_READONLY:
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
      return Unavailable(msg, "无法打开或写入数据库文件");
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
      return Internal(msg, "数据库文件已损坏或不是 SQLite 数据库");
    default:
      return Internal(msg, "数据库错误");
  }
}

Stmt::~Stmt() {
  if (stmt_ != nullptr) {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }
}

Stmt& Stmt::Bind(int index, int64_t value) {
  int rc = sqlite3_bind_int64(stmt_, index, value);
  if (rc != SQLITE_OK && bind_error_.ok()) bind_error_ = StatusFromSqlite(db_, rc, "bind");
  return *this;
}

Stmt& Stmt::Bind(int index, std::string_view value) {
  int rc =
      sqlite3_bind_text64(stmt_, index, value.data(), value.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
  if (rc != SQLITE_OK && bind_error_.ok()) bind_error_ = StatusFromSqlite(db_, rc, "bind");
  return *this;
}

Stmt& Stmt::BindBlob(int index, std::string_view bytes) {
  int rc = sqlite3_bind_blob64(stmt_, index, bytes.data(), bytes.size(), SQLITE_TRANSIENT);
  if (rc != SQLITE_OK && bind_error_.ok()) bind_error_ = StatusFromSqlite(db_, rc, "bind");
  return *this;
}

Stmt& Stmt::BindNull(int index) {
  int rc = sqlite3_bind_null(stmt_, index);
  if (rc != SQLITE_OK && bind_error_.ok()) bind_error_ = StatusFromSqlite(db_, rc, "bind");
  return *this;
}

Result<bool> Stmt::Step() {
  if (!bind_error_.ok()) return bind_error_;
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return StatusFromSqlite(db_, sqlite3_extended_errcode(db_), "step");
}

Status Stmt::Run() {
  for (;;) {
    GONGKAI_ASSIGN_OR_RETURN(bool row, Step());
    if (!row) return Status::Ok();
  }
}

std::string Stmt::Text(int col) const {
  const unsigned char* p = sqlite3_column_text(stmt_, col);
  if (p == nullptr) return {};
  return std::string(reinterpret_cast<const char*>(p),
                     static_cast<size_t>(sqlite3_column_bytes(stmt_, col)));
}

std::string Stmt::Blob(int col) const {
  const void* p = sqlite3_column_blob(stmt_, col);
  if (p == nullptr) return {};
  return std::string(static_cast<const char*>(p),
                     static_cast<size_t>(sqlite3_column_bytes(stmt_, col)));
}

Result<std::unique_ptr<Connection>> Connection::Open(const std::string& path) {
  sqlite3* db = nullptr;
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
  int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
  if (rc != SQLITE_OK) {
    Status s = StatusFromSqlite(db, rc, "open " + path);
    sqlite3_close(db);
    return Unavailable(s.message(), "无法打开数据库“" + path + "”：" + s.UserMessage());
  }
  sqlite3_extended_result_codes(db, 1);
  std::unique_ptr<Connection> conn(new Connection(db));
  // WAL lets readers run beside the one writer; synchronous=FULL makes every
  // acknowledged commit survive power loss (the ledger is legal evidence).
  Status s = conn->Exec(
      "PRAGMA busy_timeout = 5000;"
      "PRAGMA journal_mode = WAL;"
      "PRAGMA synchronous = FULL;"
      "PRAGMA foreign_keys = ON;");
  if (!s.ok()) {
    return Unavailable(s.message(), "无法打开数据库“" + path + "”：" + s.UserMessage());
  }
  return conn;
}

Connection::~Connection() {
  for (auto& [sql, stmt] : cache_) sqlite3_finalize(stmt);
  sqlite3_close(db_);
}

Result<Stmt> Connection::Prepare(std::string_view sql) {
  auto it = cache_.find(sql);
  if (it == cache_.end()) {
    sqlite3_stmt* stmt = nullptr;
    int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()),
                                SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
    if (rc != SQLITE_OK) return StatusFromSqlite(db_, rc, "prepare");
    it = cache_.emplace(std::string(sql), stmt).first;
  }
  return Stmt(db_, it->second);
}

Status Connection::Exec(std::string_view sql) {
  std::string text(sql);
  char* err = nullptr;
  int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &err);
  if (err != nullptr) sqlite3_free(err);
  if (rc != SQLITE_OK) return StatusFromSqlite(db_, sqlite3_extended_errcode(db_), "exec");
  return Status::Ok();
}

}  // namespace gongkai::storage::sqlite

#include "storage/sqlite/sqlite_store.h"

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>

#include "core/embedded.h"
#include "storage/sqlite/sqlite_catalog_repository.h"
#include "storage/sqlite/sqlite_repositories.h"
#include "storage/sqlite/sqlite_review_repository.h"

namespace gongkai::storage::sqlite {

namespace {

class SqliteTransaction final : public Transaction {
 public:
  SqliteTransaction(SqliteStore* store, std::unique_ptr<Connection> conn)
      : store_(store),
        conn_(std::move(conn)),
        agencies_(conn_.get()),
        users_(conn_.get()),
        sessions_(conn_.get()),
        throttle_(conn_.get()),
        audit_(conn_.get()),
        site_(conn_.get()),
        holiday_notices_(conn_.get()),
        applications_(conn_.get()),
        application_meta_(conn_.get()),
        letters_(conn_.get()),
        attachments_(conn_.get()),
        seals_(conn_.get()),
        catalog_(conn_.get()),
        reviews_(conn_.get()) {}

  ~SqliteTransaction() override {
    if (!done_) (void)conn_->Exec("ROLLBACK");
    store_->Release(std::move(conn_));
  }

  AgencyRepository& agencies() override { return agencies_; }
  UserRepository& users() override { return users_; }
  SessionRepository& sessions() override { return sessions_; }
  LoginThrottleRepository& login_throttle() override { return throttle_; }
  AuditRepository& audit() override { return audit_; }
  SiteStateRepository& site() override { return site_; }
  HolidayNoticeRepository& holiday_notices() override { return holiday_notices_; }
  ApplicationRepository& applications() override { return applications_; }
  ApplicationMetaRepository& application_meta() override { return application_meta_; }
  LetterRepository& letters() override { return letters_; }
  AttachmentRepository& attachments() override { return attachments_; }
  SealRepository& seals() override { return seals_; }
  CatalogRepository& catalog() override { return catalog_; }
  ReviewRepository& reviews() override { return reviews_; }

  Status Commit() override {
    if (done_) return FailedPrecondition("transaction already finished");
    Status s = conn_->Exec("COMMIT");
    if (!s.ok()) return s;  // the destructor rolls back
    done_ = true;
    return Status::Ok();
  }

 private:
  SqliteStore* store_;
  std::unique_ptr<Connection> conn_;
  bool done_ = false;
  SqliteAgencyRepository agencies_;
  SqliteUserRepository users_;
  SqliteSessionRepository sessions_;
  SqliteLoginThrottleRepository throttle_;
  SqliteAuditRepository audit_;
  SqliteSiteStateRepository site_;
  SqliteHolidayNoticeRepository holiday_notices_;
  SqliteApplicationRepository applications_;
  SqliteApplicationMetaRepository application_meta_;
  SqliteLetterRepository letters_;
  SqliteAttachmentRepository attachments_;
  SqliteSealRepository seals_;
  SqliteCatalogRepository catalog_;
  SqliteReviewRepository reviews_;
};

// "001_init.sql" → 1, "init". -1 for a malformed name.
int MigrationVersion(std::string_view file, std::string* name) {
  size_t us = file.find('_');
  if (us == std::string_view::npos || us == 0 || file.size() < 5 ||
      file.substr(file.size() - 4) != ".sql") {
    return -1;
  }
  int v = 0;
  for (char c : file.substr(0, us)) {
    if (c < '0' || c > '9') return -1;
    v = v * 10 + (c - '0');
  }
  *name = std::string(file.substr(us + 1, file.size() - us - 5));
  return v;
}

constexpr std::string_view kVersionTable =
    "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, "
    "name TEXT NOT NULL, applied_at TEXT NOT NULL DEFAULT (datetime('now')))";

}  // namespace

Result<std::unique_ptr<SqliteStore>> SqliteStore::Open(const std::string& path,
                                                       int max_connections) {
  bool memory = path == ":memory:";
  std::unique_ptr<SqliteStore> store(new SqliteStore(path, memory ? 1 : max_connections));
  // Open one connection now so a bad path fails here, not on first use.
  GONGKAI_ASSIGN_OR_RETURN(auto conn, store->Acquire());
  store->Release(std::move(conn));
  return store;
}

Result<std::unique_ptr<Connection>> SqliteStore::Acquire() {
  std::unique_lock lock(mu_);
  for (;;) {
    if (!idle_.empty()) {
      auto c = std::move(idle_.back());
      idle_.pop_back();
      return c;
    }
    if (open_ < max_connections_) {
      ++open_;
      lock.unlock();
      auto c = Connection::Open(path_);
      if (!c.ok()) {
        lock.lock();
        --open_;
      }
      return c;
    }
    // A thread that already holds the only connection (":memory:") and asks
    // for another would wait forever: give up after a while instead.
    if (released_.wait_for(lock, std::chrono::seconds(10)) == std::cv_status::timeout &&
        idle_.empty() && open_ >= max_connections_) {
      return Unavailable("connection pool exhausted", "数据库连接已用尽，请稍后重试");
    }
  }
}

void SqliteStore::Release(std::unique_ptr<Connection> conn) {
  {
    std::lock_guard lock(mu_);
    idle_.push_back(std::move(conn));
  }
  released_.notify_one();
}

Result<std::unique_ptr<Transaction>> SqliteStore::Begin(TxMode mode) {
  GONGKAI_ASSIGN_OR_RETURN(auto conn, Acquire());
  Status s = conn->Exec(mode == TxMode::kWrite ? "BEGIN IMMEDIATE" : "BEGIN");
  if (!s.ok()) {
    Release(std::move(conn));
    return s;
  }
  return std::unique_ptr<Transaction>(new SqliteTransaction(this, std::move(conn)));
}

int SqliteStore::LatestSchemaVersion() const {
  int latest = 0;
  std::string name;
  for (size_t i = 0; i < kSqliteMigrations_count; ++i) {
    latest = std::max(latest, MigrationVersion(kSqliteMigrations[i].name, &name));
  }
  return latest;
}

Result<int> SqliteStore::SchemaVersion() {
  GONGKAI_ASSIGN_OR_RETURN(auto conn, Acquire());
  struct Back {
    SqliteStore* s;
    std::unique_ptr<Connection>* c;
    ~Back() { s->Release(std::move(*c)); }
  } back{this, &conn};
  GONGKAI_ASSIGN_OR_RETURN(
      Stmt s, conn->Prepare("SELECT count(*) FROM sqlite_master WHERE name = 'schema_version'"));
  GONGKAI_ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row || s.Int(0) == 0) return 0;
  GONGKAI_ASSIGN_OR_RETURN(Stmt v,
                           conn->Prepare("SELECT ifnull(max(version), 0) FROM schema_version"));
  GONGKAI_ASSIGN_OR_RETURN(row, v.Step());
  return row ? static_cast<int>(v.Int(0)) : 0;
}

Result<std::vector<MigrationInfo>> SqliteStore::Migrate() {
  GONGKAI_ASSIGN_OR_RETURN(int current, SchemaVersion());
  int latest = LatestSchemaVersion();
  if (current > latest) {
    return FailedPrecondition("database schema " + std::to_string(current) +
                                  " is newer than this build (" + std::to_string(latest) + ")",
                              "数据库结构版本为 " + std::to_string(current) +
                                  "，比本程序支持的版本 " + std::to_string(latest) +
                                  " 新；请升级 gongkai，切勿降级运行");
  }
  std::vector<MigrationInfo> applied;
  for (size_t i = 0; i < kSqliteMigrations_count; ++i) {
    std::string name;
    int version = MigrationVersion(kSqliteMigrations[i].name, &name);
    if (version < 0)
      return Internal("bad migration name " + std::string(kSqliteMigrations[i].name));
    if (version <= current) continue;
    GONGKAI_ASSIGN_OR_RETURN(auto conn, Acquire());
    // Each migration and its version row commit together or not at all.
    Status s = conn->Exec("BEGIN IMMEDIATE");
    if (s.ok()) s = conn->Exec(kVersionTable);
    if (s.ok()) {
      // Another process may have migrated since we looked.
      auto check = conn->Prepare("SELECT count(*) FROM schema_version WHERE version = ?");
      if (!check.ok()) {
        s = check.status();
      } else {
        check->Bind(1, int64_t{version});
        auto row = check->Step();
        if (!row.ok())
          s = row.status();
        else if (check->Int(0) > 0)
          name.clear();
      }
    }
    if (s.ok() && !name.empty()) s = conn->Exec(kSqliteMigrations[i].data);
    // Migration 009 leaves a marker for the entries to chain that SQL cannot hash.
    if (s.ok() && !name.empty()) s = BackfillAuditChain(conn.get());
    if (s.ok() && !name.empty()) {
      auto ins = conn->Prepare("INSERT INTO schema_version (version, name) VALUES (?, ?)");
      if (!ins.ok()) {
        s = ins.status();
      } else {
        ins->Bind(1, int64_t{version}).Bind(2, name);
        s = ins->Run();
      }
    }
    if (s.ok()) s = conn->Exec("COMMIT");
    if (!s.ok()) {
      (void)conn->Exec("ROLLBACK");
      Release(std::move(conn));
      return s.WithContext("migration " + std::string(kSqliteMigrations[i].name),
                           "数据库迁移 " + std::string(kSqliteMigrations[i].name) + " 失败");
    }
    Release(std::move(conn));
    if (!name.empty()) applied.push_back({version, name});
  }
  return applied;
}

Status SqliteStore::Backup(const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (fs::exists(path, ec)) {
    return AlreadyExists("backup target exists: " + path, "备份文件“" + path + "”已存在，不会覆盖");
  }
  std::string tmp = path + ".partial";
  fs::remove(tmp, ec);
  GONGKAI_ASSIGN_OR_RETURN(auto src, Acquire());
  sqlite3* dst = nullptr;
  int rc = sqlite3_open_v2(tmp.c_str(), &dst, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
  Status result;
  if (rc != SQLITE_OK) {
    result = Unavailable(std::string("open backup: ") + sqlite3_errstr(rc),
                         "无法创建备份文件“" + path + "”");
  } else {
    // One step copies a consistent snapshot: the source is read inside one
    // read transaction, which in WAL mode never blocks writers.
    sqlite3_backup* b = sqlite3_backup_init(dst, "main", src->raw(), "main");
    if (b == nullptr) {
      result = StatusFromSqlite(dst, sqlite3_errcode(dst), "backup init");
    } else {
      rc = sqlite3_backup_step(b, -1);
      int fin = sqlite3_backup_finish(b);
      if (rc != SQLITE_DONE)
        result = StatusFromSqlite(nullptr, rc, "backup step");
      else if (fin != SQLITE_OK)
        result = StatusFromSqlite(dst, fin, "backup finish");
    }
  }
  if (dst != nullptr) sqlite3_close(dst);
  Release(std::move(src));
  if (result.ok()) {
    fs::rename(tmp, path, ec);
    if (ec)
      result = Unavailable("rename backup: " + ec.message(), "无法写入备份文件“" + path + "”");
  }
  if (!result.ok()) fs::remove(tmp, ec);
  return result;
}

}  // namespace gongkai::storage::sqlite

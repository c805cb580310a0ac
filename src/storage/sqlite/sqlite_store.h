#pragma once

#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "storage/sqlite/sqlite_db.h"
#include "storage/store.h"

namespace gongkai::storage::sqlite {

// The SQLite Store: a small pool of connections to one file (one for
// ":memory:"), WAL so readers never wait for the writer, BEGIN IMMEDIATE for
// write transactions so two writers queue instead of deadlocking.
class SqliteStore final : public Store {
 public:
  // Opens `path` (":memory:" for a private in-memory database), creating it.
  static Result<std::unique_ptr<SqliteStore>> Open(const std::string& path,
                                                   int max_connections = 8);

  Result<std::unique_ptr<Transaction>> Begin(TxMode mode) override;
  Result<std::vector<MigrationInfo>> Migrate() override;
  Result<int> SchemaVersion() override;
  int LatestSchemaVersion() const override;
  Status Backup(const std::string& path) override;
  std::string Dialect() const override { return "sqlite"; }

  // Used by transactions to hand their connection back.
  void Release(std::unique_ptr<Connection> conn);

 private:
  SqliteStore(std::string path, int max_connections)
      : path_(std::move(path)), max_connections_(max_connections) {}
  Result<std::unique_ptr<Connection>> Acquire();

  const std::string path_;
  const int max_connections_;
  std::mutex mu_;
  std::condition_variable released_;
  std::vector<std::unique_ptr<Connection>> idle_;
  int open_ = 0;
};

}  // namespace gongkai::storage::sqlite

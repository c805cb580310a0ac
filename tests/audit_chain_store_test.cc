// The audit chain as the Store writes it: an upgrade from schema 8 chains the old entries,
// periodic and daily checkpoints, and four threads appending produce one valid chain.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <thread>

#include "core/embedded.h"
#include "services/audit.h"
#include "services/audit_chain_service.h"
#include "storage/sqlite/sqlite_store.h"
#include "test_util.h"

namespace gongkai {
namespace {

using storage::TxMode;

Status AppendOne(storage::Store& store, const Clock& clock, const std::string& detail) {
  GONGKAI_ASSIGN_OR_RETURN(auto tx, store.Begin(TxMode::kWrite));
  GONGKAI_RETURN_IF_ERROR(services::AppendAudit(*tx, clock, account::Actor::Console(),
                                                "agency_update", "agency:1", detail));
  return tx->Commit();
}

// The leaf of an entry by the console.
audit::Digest LeafOf(int64_t id, int64_t at, std::string_view action, std::string_view target,
                     std::string_view detail) {
  audit::LeafFields f;
  f.id = id;
  f.at = at;
  f.actor = "cli";
  f.action = action;
  f.target = target;
  f.outcome = "ok";
  f.detail = detail;
  return audit::LeafHash(f);
}

std::vector<std::pair<int64_t, std::string>> CheckpointList(storage::Store& store) {
  auto tx = store.Begin(TxMode::kRead).value();
  std::vector<std::pair<int64_t, std::string>> out;
  std::vector<audit::Checkpoint> all = tx->audit().Checkpoints().value();
  for (const auto& c : all) out.push_back({c.seq, c.reason});
  return out;
}

TEST(AuditChainStoreTest, UpgradeFromSchema8ChainsTheOldEntries) {
  std::string path = testing_util::MakeTempDir() + "/old.db";
  {
    // A database as gongkai 8 left it: migrations 1–8 and three audit entries.
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    std::string sql =
        "CREATE TABLE schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
        "applied_at TEXT NOT NULL DEFAULT (datetime('now')));";
    for (size_t i = 0; i < kSqliteMigrations_count; ++i) {
      std::string name(kSqliteMigrations[i].name);
      if (name >= "009") break;
      sql += std::string(kSqliteMigrations[i].data) +
             ";\nINSERT INTO schema_version (version, "
             "name) VALUES (" +
             std::to_string(std::stoi(name.substr(0, 3))) + ", 'x');";
    }
    for (int i = 1; i <= 3; ++i) {
      sql += "INSERT INTO audit_log (at, actor, action, target, detail, outcome) VALUES (" +
             std::to_string(1700000000 + i) +
             ", 'cli', 'agency_add', 'agency:" + std::to_string(i) + "', '旧记录', 'ok');";
    }
    char* err = nullptr;
    ASSERT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err), SQLITE_OK) << err;
    sqlite3_close(db);
  }
  auto store = storage::sqlite::SqliteStore::Open(path).value();
  auto applied = store->Migrate().value();
  ASSERT_GE(applied.size(), 1u);  // 009 and every later migration
  EXPECT_EQ(applied[0].version, 9);

  FakeClock clock(1700000100);
  services::AuditChainService chain(*store, clock);
  auto status = chain.Verify(account::Actor::Console()).value();
  EXPECT_FALSE(status.broken);
  EXPECT_EQ(status.entries, 3);
  EXPECT_EQ(CheckpointList(*store), (std::vector<std::pair<int64_t, std::string>>{{3, "upgrade"}}));
  // The head is what the format says for those three rows.
  audit::Digest head = audit::kGenesis;
  for (int i = 1; i <= 3; ++i) {
    std::string target = "agency:" + std::to_string(i);
    head = audit::ChainHash(head, LeafOf(i, 1700000000 + i, "agency_add", target, "旧记录"));
  }
  EXPECT_EQ(audit::Hex(status.head), audit::Hex(head));

  ASSERT_TRUE(AppendOne(*store, clock, "新记录").ok());
  status = chain.Verify(account::Actor::Console()).value();
  audit::Digest fourth = LeafOf(4, 1700000100, "agency_update", "agency:1", "新记录");
  EXPECT_EQ(status.Summary(),
            "审计链完整：4 条记录，链头 " + audit::Hex(audit::ChainHash(head, fourth)));
  EXPECT_FALSE(status.broken);
  // Migrating again does not chain anything twice.
  EXPECT_TRUE(store->Migrate().value().empty());
  EXPECT_EQ(chain.Verify(account::Actor::Console()).value().entries, 4);
}

TEST(AuditChainStoreTest, CheckpointsEveryThousandEntriesAndDaily) {
  auto store = storage::sqlite::SqliteStore::Open(testing_util::MakeTempDir() + "/c.db").value();
  ASSERT_TRUE(store->Migrate().ok());
  FakeClock clock(1700000000);
  {
    auto tx = store->Begin(TxMode::kWrite).value();
    for (int i = 1; i <= 2100; ++i) {
      ASSERT_TRUE(services::AppendAudit(*tx, clock, account::Actor::Console(), "agency_update",
                                        "agency:1", std::to_string(i))
                      .ok());
    }
    ASSERT_TRUE(tx->Commit().ok());
  }
  clock.Advance(86399);
  ASSERT_TRUE(AppendOne(*store, clock, "not yet a day").ok());
  clock.Advance(1);
  ASSERT_TRUE(AppendOne(*store, clock, "a day after the last checkpoint").ok());
  EXPECT_EQ(CheckpointList(*store),
            (std::vector<std::pair<int64_t, std::string>>{
                {1, "daily"}, {1000, "periodic"}, {2000, "periodic"}, {2102, "daily"}}));
  services::AuditChainService chain(*store, clock);
  auto c = chain.Checkpoint(account::Actor::Console()).value();
  EXPECT_EQ(c.seq, 2103);  // the audit_checkpoint entry itself
  EXPECT_EQ(c.reason, "manual");
  auto status = chain.Verify(account::Actor::Console()).value();
  EXPECT_FALSE(status.broken);
  EXPECT_EQ(status.entries, 2103);
  EXPECT_EQ(status.checkpoints, 5);
  EXPECT_EQ(status.head, c.chain);
}

TEST(AuditChainStoreTest, FourThreadsAppendingMakeOneValidChain) {
  auto store = storage::sqlite::SqliteStore::Open(testing_util::MakeTempDir() + "/t.db").value();
  ASSERT_TRUE(store->Migrate().ok());
  FakeClock clock(1700000000);
  std::vector<std::thread> threads;
  std::atomic<int> failures{0};
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 50; ++i) {
        if (!AppendOne(*store, clock, "线程" + std::to_string(t) + "第" + std::to_string(i)).ok()) {
          ++failures;
        }
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(failures.load(), 0);
  auto status =
      services::AuditChainService(*store, clock).Verify(account::Actor::Console()).value();
  EXPECT_FALSE(status.broken) << status.Summary();
  EXPECT_EQ(status.entries, 200);
}

TEST(AuditChainStoreTest, OnlySystemAdministratorsVerify) {
  auto store = storage::sqlite::SqliteStore::Open(":memory:").value();
  ASSERT_TRUE(store->Migrate().ok());
  FakeClock clock(1700000000);
  account::Actor editor;
  editor.user_id = 9;
  editor.name = "editor";
  editor.grants = {{account::Role::kEditor, 1}};
  services::AuditChainService chain(*store, clock);
  auto r = chain.Verify(editor);
  EXPECT_EQ(r.status().code(), StatusCode::kPermissionDenied);
  // The refusal is itself chained.
  auto status = chain.Verify(account::Actor::Console()).value();
  EXPECT_EQ(status.entries, 1);
  EXPECT_FALSE(status.broken);
}

}  // namespace
}  // namespace gongkai

#include "storage/sqlite/sqlite_store.h"

#include <gtest/gtest.h>

#include "test_util.h"

namespace gongkai::storage::sqlite {
namespace {

TEST(SqliteStoreTest, AuditLogRefusesUpdateAndDelete) {
  std::string path = testing_util::MakeTempDir() + "/a.db";
  auto store = SqliteStore::Open(path).value();
  ASSERT_TRUE(store->Migrate().ok());
  {
    auto tx = store->Begin(TxMode::kWrite).value();
    account::AuditEvent e;
    e.actor = "x";
    e.action = "login";
    e.outcome = "ok";
    ASSERT_TRUE(tx->audit().Append(e).ok());
    ASSERT_TRUE(tx->Commit().ok());
  }
  auto conn = Connection::Open(path).value();
  Status up = conn->Exec("UPDATE audit_log SET actor = 'y'");
  EXPECT_FALSE(up.ok());
  EXPECT_NE(up.message().find("append-only"), std::string::npos) << up.message();
  EXPECT_FALSE(conn->Exec("DELETE FROM audit_log").ok());
}

TEST(SqliteStoreTest, ApplicationEventsRefuseUpdateAndDelete) {
  std::string path = testing_util::MakeTempDir() + "/e.db";
  auto store = SqliteStore::Open(path).value();
  ASSERT_TRUE(store->Migrate().ok());
  {
    auto tx = store->Begin(TxMode::kWrite).value();
    agency::Agency ag;
    ag.name = "某局";
    ag.created_at = ag.updated_at = 1;
    applications::Application a;
    a.agency_id = tx->agencies().Insert(ag).value();
    a.identity.number = "11010519491231002X";
    a.description = "某文件";
    applications::Event e;
    e.date = {2024, 3, 4};
    a.events.push_back(e);
    ASSERT_TRUE(tx->applications().Insert(a).ok());
    ASSERT_TRUE(tx->Commit().ok());
  }
  auto conn = Connection::Open(path).value();
  Status up = conn->Exec("UPDATE application_events SET date = '2024-03-05'");
  EXPECT_FALSE(up.ok());
  EXPECT_NE(up.message().find("append-only"), std::string::npos) << up.message();
  EXPECT_FALSE(conn->Exec("DELETE FROM application_events").ok());
}

TEST(SqliteStoreTest, RefusesADatabaseFromANewerBuild) {
  std::string path = testing_util::MakeTempDir() + "/n.db";
  auto store = SqliteStore::Open(path).value();
  ASSERT_TRUE(store->Migrate().ok());
  auto conn = Connection::Open(path).value();
  ASSERT_TRUE(conn->Exec("INSERT INTO schema_version (version, name) VALUES (999, 'future')").ok());
  auto m = store->Migrate();
  EXPECT_EQ(m.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(m.status().UserMessage().find("999"), std::string::npos);
}

TEST(SqliteStoreTest, UsesWalAndForeignKeys) {
  std::string path = testing_util::MakeTempDir() + "/w.db";
  auto conn = Connection::Open(path).value();
  auto mode = conn->Prepare("PRAGMA journal_mode").value();
  ASSERT_TRUE(mode.Step().value());
  EXPECT_EQ(mode.Text(0), "wal");
  auto fk = conn->Prepare("PRAGMA foreign_keys").value();
  ASSERT_TRUE(fk.Step().value());
  EXPECT_EQ(fk.Int(0), 1);
  auto sync = conn->Prepare("PRAGMA synchronous").value();
  ASSERT_TRUE(sync.Step().value());
  EXPECT_EQ(sync.Int(0), 2);  // FULL
}

TEST(SqliteStoreTest, NotADatabaseIsAClearError) {
  std::string path = testing_util::MakeTempDir() + "/junk.db";
  testing_util::WriteFile(path, std::string(4096, 'x'));
  auto store = SqliteStore::Open(path);
  EXPECT_FALSE(store.ok());
  EXPECT_NE(store.status().UserMessage().find("junk.db"), std::string::npos)
      << store.status().UserMessage();
}

}  // namespace
}  // namespace gongkai::storage::sqlite

// The audit hash chain through the real binary on a real SQLite file: `audit verify` finds every
// kind of tampering done behind gongkai's back (triggers dropped with the sqlite3 C API), and an
// `audit export` verifies with the Python recipe of docs/audit-chain.md, run as it stands there.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <sys/wait.h>

#include <cstdlib>

#include "audit/chain.h"
#include "test_util.h"

namespace gongkai {
namespace {

using testing_util::RunGongkai;

class AuditChainCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = testing_util::MakeTempDir();
    db_ = dir_ + "/gongkai.db";
    for (int i = 1; i <= 5; ++i) {
      auto r = Run({"agency", "add", "--name", "测试局" + std::to_string(i)});
      ASSERT_EQ(r.exit_code, 0) << r.err;
    }
  }
  testing_util::RunResult Run(std::vector<std::string> args) {
    args.insert(args.begin(), {"--data-dir", dir_});
    return RunGongkai(args);
  }
  // Runs `sql` on the file directly, as someone with the sqlite3 shell would, triggers dropped.
  void Tamper(const std::string& sql) {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(db_.c_str(), &db), SQLITE_OK);
    char* err = nullptr;
    std::string all =
        "DROP TRIGGER IF EXISTS audit_log_no_update; DROP TRIGGER IF EXISTS audit_log_no_delete;"
        "DROP TRIGGER IF EXISTS audit_chain_no_update; DROP TRIGGER IF EXISTS "
        "audit_chain_no_delete;"
        "DROP TRIGGER IF EXISTS audit_checkpoints_no_update;"
        "DROP TRIGGER IF EXISTS audit_checkpoints_no_delete;" +
        sql;
    int rc = sqlite3_exec(db, all.c_str(), nullptr, nullptr, &err);
    EXPECT_EQ(rc, SQLITE_OK) << (err ? err : "");
    sqlite3_free(err);
    sqlite3_close(db);
  }
  std::string StoredChainHex(int64_t id) {
    sqlite3* db = nullptr;
    EXPECT_EQ(sqlite3_open(db_.c_str(), &db), SQLITE_OK);
    sqlite3_stmt* s = nullptr;
    sqlite3_prepare_v2(db, "SELECT lower(hex(chain_hash)) FROM audit_chain WHERE audit_id = ?", -1,
                       &s, nullptr);
    sqlite3_bind_int64(s, 1, id);
    std::string hex;
    if (sqlite3_step(s) == SQLITE_ROW) {
      hex = reinterpret_cast<const char*>(sqlite3_column_text(s, 0));
    }
    sqlite3_finalize(s);
    sqlite3_close(db);
    return hex;
  }
  // Expects `audit verify [options]` to fail naming `message`, after `verified` good entries.
  void ExpectBroken(int verified, const std::string& message) {
    ExpectBrokenWith({}, verified, message);
  }
  void ExpectBrokenWith(const std::vector<std::string>& options, int verified,
                        const std::string& message) {
    std::vector<std::string> args = {"audit", "verify"};
    args.insert(args.end(), options.begin(), options.end());
    auto r = Run(args);
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(r.out, "已核对 " + std::to_string(verified) + " 条记录\n");
    EXPECT_EQ(r.err, "错误：审计链已损坏：" + message + "\n");
  }
  // Runs the Python verifier of docs/audit-chain.md on `file`: exit code and output.
  std::pair<int, std::string> PythonVerify(const std::string& file) {
    std::string doc =
        testing_util::ReadFile(std::string(GONGKAI_SOURCE_DIR) + "/docs/audit-chain.md");
    size_t start = doc.find("```python\n");
    size_t end = doc.find("```\n", start + 10);
    EXPECT_NE(start, std::string::npos);
    EXPECT_NE(end, std::string::npos);
    std::string script = dir_ + "/verify_audit_chain.py";
    testing_util::WriteFile(script, doc.substr(start + 10, end - start - 10));
    std::string out = dir_ + "/python.out";
    int rc = std::system(("python3 " + script + " " + file + " > " + out + " 2>&1").c_str());
    return {WIFEXITED(rc) ? WEXITSTATUS(rc) : -1, testing_util::ReadFile(out)};
  }
  std::string dir_, db_;
};

TEST_F(AuditChainCliTest, FreshChainVerifies) {
  auto r = Run({"audit", "verify"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  std::string head = StoredChainHex(5);
  ASSERT_EQ(head.size(), 64u);
  std::string first =
      "审计链完整：5 条记录，链头 " + head + "\n检查点：1 个，全部相符；最近一个在第 1 条（";
  EXPECT_EQ(r.out.substr(0, first.size()), first) << r.out;
}

TEST_F(AuditChainCliTest, UpdatedRowIsNamed) {
  Tamper("UPDATE audit_log SET detail = '测试局二' WHERE id = 3;");
  ExpectBroken(2, "第 3 条记录（id 3）被修改：内容与入链时的哈希不符");
}

TEST_F(AuditChainCliTest, UpdatedTimeOrActorIsNamed) {
  Tamper("UPDATE audit_log SET at = at - 86400 WHERE id = 4;");
  ExpectBroken(3, "第 4 条记录（id 4）被修改：内容与入链时的哈希不符");
}

TEST_F(AuditChainCliTest, DeletedRowIsNamed) {
  Tamper("DELETE FROM audit_log WHERE id = 2;");
  ExpectBroken(1, "缺少第 2 条记录（id 2）：日志中已删除，链中仍有它的哈希");
}

TEST_F(AuditChainCliTest, RowDeletedWithItsChainEntryIsNamed) {
  Tamper("DELETE FROM audit_log WHERE id = 2; DELETE FROM audit_chain WHERE audit_id = 2;");
  ExpectBroken(1, "缺少第 2 条记录（id 2）：它已被删除");
}

TEST_F(AuditChainCliTest, InsertedRowIsNamed) {
  Tamper(
      "INSERT INTO audit_log (id, at, actor, action, target, detail, outcome) "
      "VALUES (6, 1796000000, 'admin', 'login', '', '', 'ok');");
  ExpectBroken(5, "第 6 条记录（id 6）不在链中：它是绕过 gongkai 写入数据库的");
}

TEST_F(AuditChainCliTest, ReplacedChainEntryIsNamed) {
  Tamper("UPDATE audit_chain SET chain_hash = zeroblob(32) WHERE audit_id = 4;");
  ExpectBroken(
      3, "第 4 条记录（id 4）的链哈希不符：此处的链被改写（前面的记录被删除、替换或链被重算）");
}

TEST_F(AuditChainCliTest, TruncatedTailIsFoundByTheCheckpoint) {
  auto c = Run({"audit", "checkpoint"});
  ASSERT_EQ(c.exit_code, 0) << c.err;
  EXPECT_EQ(c.out, "检查点：第 6 条，链头 " + StoredChainHex(6) + "\n");
  Tamper("DELETE FROM audit_log WHERE id = 6; DELETE FROM audit_chain WHERE audit_id = 6;");
  ExpectBroken(5, "检查点（第 6 条）不符：链只有 5 条，末尾的记录被删除");
}

// Someone who rewrites an entry and recomputes the whole chain after it is caught by a checkpoint
// they did not also rewrite.
TEST_F(AuditChainCliTest, RecomputedChainIsFoundByTheCheckpoint) {
  ASSERT_EQ(Run({"audit", "checkpoint"}).exit_code, 0);  // entry 6, checkpoint at 6
  std::string old_head = StoredChainHex(6);
  // Recompute entries 2..6 after changing entry 2's detail, the way an attacker with this
  // document would.
  std::string sql = "UPDATE audit_log SET detail = '假的' WHERE id = 2;";
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(db_.c_str(), &db), SQLITE_OK);
  sqlite3_stmt* s = nullptr;
  sqlite3_prepare_v2(db,
                     "SELECT id, at, actor_user_id, actor, action, target, outcome, remote_addr, "
                     "detail FROM audit_log ORDER BY id",
                     -1, &s, nullptr);
  audit::Digest prev = audit::kGenesis;
  std::vector<std::pair<int64_t, std::pair<audit::Digest, audit::Digest>>> links;
  while (sqlite3_step(s) == SQLITE_ROW) {
    auto text = [&](int c) {
      return std::string(reinterpret_cast<const char*>(sqlite3_column_text(s, c)));
    };
    std::string actor = text(3), action = text(4), target = text(5), outcome = text(6),
                remote = text(7), detail = sqlite3_column_int64(s, 0) == 2 ? "假的" : text(8);
    audit::LeafFields f;
    f.id = sqlite3_column_int64(s, 0);
    f.at = sqlite3_column_int64(s, 1);
    if (sqlite3_column_type(s, 2) != SQLITE_NULL) f.actor_user_id = sqlite3_column_int64(s, 2);
    f.actor = actor;
    f.action = action;
    f.target = target;
    f.outcome = outcome;
    f.remote_addr = remote;
    f.detail = detail;
    audit::Digest leaf = audit::LeafHash(f);
    prev = audit::ChainHash(prev, leaf);
    links.push_back({f.id, {leaf, prev}});
  }
  sqlite3_finalize(s);
  sqlite3_close(db);
  for (const auto& [id, l] : links) {
    sql += "UPDATE audit_chain SET leaf_hash = X'" + audit::Hex(l.first) + "', chain_hash = X'" +
           audit::Hex(l.second) + "' WHERE audit_id = " + std::to_string(id) + ";";
  }
  Tamper(sql);
  EXPECT_NE(StoredChainHex(6), old_head);
  ExpectBroken(6, "检查点（第 6 条）不符：检查点记录的链头为 " + old_head.substr(0, 16) +
                      "…，现在的链为 " + StoredChainHex(6).substr(0, 16) +
                      "…（检查点之前的记录被改写后重算了链）");
}

// A head kept off the server (the line `audit checkpoint` printed) catches a rewrite that also
// rewrote the checkpoints table.
TEST_F(AuditChainCliTest, HeadKeptOffTheServerIsChecked) {
  std::string head3 = StoredChainHex(3);
  auto ok =
      Run({"audit", "verify", "--expect", "3:" + head3, "--expect", "5:" + StoredChainHex(5)});
  EXPECT_EQ(ok.exit_code, 0) << ok.err;
  std::string other = std::string(63, '0') + "1";
  ExpectBrokenWith(
      {"--expect", "3:" + other}, 3,
      "留存的检查点（第 3 条）不符：检查点记录的链头为 0000000000000000…，现在的链为 " +
          head3.substr(0, 16) + "…（检查点之前的记录被改写后重算了链）");
  ExpectBrokenWith({"--expect", "9:" + other}, 5,
                   "留存的检查点（第 9 条）不符：链只有 5 条，末尾的记录被删除");
  auto bad = Run({"audit", "verify", "--expect", "3:xyz"});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_EQ(bad.err, "错误：--expect 的格式应为 条数:链头（64 位十六进制），如 6:26571c58…\n");
}

TEST_F(AuditChainCliTest, ExportVerifiesWithThePythonRecipe) {
  std::string file = dir_ + "/audit.jsonl";
  auto r = Run({"audit", "export", "--out", file});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "已导出 6 条审计记录到 " + file + "\n");  // the export's own entry included
  auto [rc, out] = PythonVerify(file);
  EXPECT_EQ(rc, 0);
  EXPECT_EQ(out, "ok 6 " + StoredChainHex(6) + "\n");

  // One byte of one entry's detail changed: 测试局3 → 测试局4.
  std::string text = testing_util::ReadFile(file);
  size_t at = text.find("测试局3");
  ASSERT_NE(at, std::string::npos);
  text[at + std::string("测试局").size()] = '4';
  testing_util::WriteFile(file, text);
  std::tie(rc, out) = PythonVerify(file);
  EXPECT_EQ(rc, 1);
  EXPECT_EQ(out, "broken: entry 3: detail modified\n");
}

TEST_F(AuditChainCliTest, ExportFromAnEntryWithoutDetailVerifies) {
  std::string file = dir_ + "/tail.jsonl";
  auto r = Run({"audit", "export", "--out", file, "--from", "4", "--omit-detail"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "已导出 3 条审计记录到 " + file + "\n");
  std::string text = testing_util::ReadFile(file);
  EXPECT_EQ(text.find("测试局"), std::string::npos);
  EXPECT_NE(text.find("\"prev\":\"" + StoredChainHex(3) + "\""), std::string::npos);
  auto [rc, out] = PythonVerify(file);
  EXPECT_EQ(rc, 0);
  EXPECT_EQ(out, "ok 3 " + StoredChainHex(6) + "\n");

  // The actor of entry 5 changed in the file.
  size_t at = text.find("\"id\":5");
  at = text.find("\"actor\":\"cli\"", at);
  ASSERT_NE(at, std::string::npos);
  text.replace(at, 13, "\"actor\":\"clj\"");
  testing_util::WriteFile(file, text);
  std::tie(rc, out) = PythonVerify(file);
  EXPECT_EQ(rc, 1);
  EXPECT_EQ(out, "broken: entry 5 modified\n");
}

TEST_F(AuditChainCliTest, ExportFromBeyondTheChainIsRefused) {
  auto r = Run({"audit", "export", "--out", dir_ + "/x.jsonl", "--from", "99"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "错误：审计链中没有第 98 条记录，无法从第 99 条起导出\n");
}

}  // namespace
}  // namespace gongkai

#include "storage/sqlite/sqlite_db.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace gongkai::storage::sqlite {
namespace {

class StmtReadAllTest : public ::testing::Test {
 protected:
  void SetUp() override {
    conn_ = Connection::Open(":memory:").value();
    ASSERT_TRUE(conn_
                    ->Exec("CREATE TABLE t (n INTEGER, s TEXT);"
                           "INSERT INTO t VALUES (1, 'a'), (2, 'bad'), (3, 'c');")
                    .ok());
  }
  std::unique_ptr<Connection> conn_;
};

TEST_F(StmtReadAllTest, ReturnsEveryRowInOrder) {
  Stmt s = conn_->Prepare("SELECT n, s FROM t WHERE n >= ? ORDER BY n").value();
  s.Bind(1, int64_t{1});
  Result<std::vector<std::string>> rows =
      s.ReadAll([](const Stmt& row) { return std::to_string(row.Int(0)) + row.Text(1); });
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  EXPECT_EQ(*rows, (std::vector<std::string>{"1a", "2bad", "3c"}));
}

TEST_F(StmtReadAllTest, StopsAtTheFirstReadError) {
  Stmt s = conn_->Prepare("SELECT n, s FROM t ORDER BY n").value();
  int calls = 0;
  Result<std::vector<int64_t>> rows = s.ReadAll([&calls](const Stmt& row) -> Result<int64_t> {
    ++calls;
    if (row.Text(1) == "bad") return Internal("row " + std::to_string(row.Int(0)) + " is bad");
    return row.Int(0);
  });
  ASSERT_FALSE(rows.ok());
  EXPECT_EQ(rows.status().message(), "row 2 is bad");
  EXPECT_EQ(calls, 2);
}

TEST_F(StmtReadAllTest, NoRowsIsAnEmptyList) {
  Stmt s = conn_->Prepare("SELECT n FROM t WHERE n > 10").value();
  Result<std::vector<int64_t>> rows = s.ReadAll([](const Stmt& row) { return row.Int(0); });
  ASSERT_TRUE(rows.ok());
  EXPECT_TRUE(rows->empty());
}

}  // namespace
}  // namespace gongkai::storage::sqlite

// The command line's own behaviour, through the real binary.
#include <gtest/gtest.h>

#include "test_util.h"

namespace gongkai {
namespace {

TEST(CliTest, PrintsVersion) {
  auto r = testing_util::RunGongkai({"version"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, std::string("gongkai ") + GONGKAI_VERSION + "\n");
}

TEST(CliTest, UnknownFlagIsAChineseUsageError) {
  auto r = testing_util::RunGongkai({"version", "--frobnicate"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("错误：无法识别的参数"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("--frobnicate"), std::string::npos) << r.err;
}

TEST(CliTest, MissingSubcommandIsAUsageError) {
  auto r = testing_util::RunGongkai({});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("错误："), std::string::npos) << r.err;
}

// The global options (--data-dir, --db, --config) may also follow the subcommand, at any depth;
// given twice, the last one counts.
TEST(CliTest, GlobalOptionsAfterTheSubcommand) {
  const std::string dir = testing_util::MakeTempDir();
  auto add = testing_util::RunGongkai(
      {"agency", "add", "--name", "樟树市人民政府", "--kind", "government", "--data-dir", dir});
  ASSERT_EQ(add.exit_code, 0) << add.err;
  EXPECT_EQ(add.out, "已新增机构 #1 樟树市人民政府\n");
  const std::string listed = "#1 樟树市人民政府 人民政府·县级\n";
  EXPECT_EQ(testing_util::RunGongkai({"agency", "list", "--data-dir", dir}).out, listed);
  EXPECT_EQ(testing_util::RunGongkai(
                {"--data-dir", dir + "/elsewhere", "agency", "list", "--data-dir", dir})
                .out,
            listed);
  auto app = testing_util::RunGongkai({"app", "list", "--agency", "1", "--data-dir", dir});
  EXPECT_EQ(app.exit_code, 0) << app.err;
  EXPECT_EQ(app.out, "（没有符合条件的申请）\n");
  auto db = testing_util::RunGongkai({"db", "status", "--db", "sqlite:" + dir + "/other.db"});
  EXPECT_EQ(db.out, "数据库：sqlite:" + dir + "/other.db\n结构版本：0 / 12\n");
  EXPECT_EQ(testing_util::RunGongkai({"version", "--config", dir + "/gongkai.toml"}).exit_code, 0);
  // `serve` takes them too: only the bad port is refused (before anything starts).
  auto serve = testing_util::RunGongkai({"serve", "--data-dir", dir, "--port", "99999"});
  EXPECT_EQ(serve.exit_code, 2);
  EXPECT_EQ(serve.err,
            "错误：参数值无效（--port: Value 99999 not in range 0 to 65535）。运行 gongkai --help "
            "查看用法\n");
  // An option nobody defines is still refused.
  EXPECT_EQ(testing_util::RunGongkai({"agency", "list", "--data-dir", dir, "--no-such"}).exit_code,
            2);
}

}  // namespace
}  // namespace gongkai

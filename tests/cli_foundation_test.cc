// The foundation commands through the real binary: db, agency, user, config, serve.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "http_test_client.h"
#include "test_util.h"

namespace gongkai {
namespace {

using testing_util::RunGongkai;

class CliFoundationTest : public ::testing::Test {
 protected:
  void SetUp() override { dir_ = testing_util::MakeTempDir(); }
  testing_util::RunResult Run(std::vector<std::string> args, const std::string& in = "") {
    args.insert(args.begin(), {"--data-dir", dir_});
    return RunGongkai(args, in);
  }
  std::string dir_;
};

TEST_F(CliFoundationTest, MigratesFromEmptyAndReRunsAsANoOp) {
  auto first = Run({"db", "migrate"});
  EXPECT_EQ(first.exit_code, 0) << first.err;
  EXPECT_EQ(first.out,
            "已应用迁移 1（init）\n已应用迁移 2（applications）\n已应用迁移 "
            "3（application_service）\n已应用迁移 4（holiday_notices）\n已应用迁移 "
            "5（approval_correction）\n已应用迁移 6（uploads）\n已应用迁移 "
            "7（users_audit）\n已应用迁移 8（letters）\n已应用迁移 9（audit_chain）\n"
            "已应用迁移 10（catalog）\n已应用迁移 11（review）\n已应用迁移 12（catalog_perf）\n"
            "数据库结构版本：12\n");
  auto again = Run({"db", "migrate"});
  EXPECT_EQ(again.out, "数据库结构版本：12（已是最新）\n");
  auto status = Run({"db", "status"});
  EXPECT_EQ(status.out, "数据库：sqlite:" + dir_ + "/gongkai.db\n结构版本：12 / 12\n");
}

TEST_F(CliFoundationTest, AddsAndListsAgencies) {
  EXPECT_EQ(Run({"agency", "add", "--name", "樟树市人民政府", "--short-name", "樟树市政府",
                 "--kind", "government", "--level", "county"})
                .out,
            "已新增机构 #1 樟树市人民政府\n");
  auto add = Run({"agency", "add", "--name", "樟树市工业和信息化局", "--short-name", "市工信局",
                  "--parent", "樟树市政府", "--credit-code", "11341702486344515h", "--phone",
                  "0795-7333621", "--postcode", "331200"});
  EXPECT_EQ(add.exit_code, 0) << add.err;
  EXPECT_EQ(Run({"agency", "list"}).out,
            "#1 樟树市人民政府（樟树市政府） 人民政府·县级\n"
            "  #2 樟树市工业和信息化局（市工信局） 政府部门·县级 11341702486344515H\n");
  auto json = nlohmann::json::parse(Run({"agency", "list", "--json"}).out);
  EXPECT_EQ(json[1]["parent_id"], 1);
  EXPECT_EQ(json[1]["postcode"], "331200");
}

TEST_F(CliFoundationTest, BadCreditCodeIsAUsageErrorAndWritesNothing) {
  auto r = Run({"agency", "add", "--name", "某局", "--credit-code", "11341702486344515J"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err,
            "错误：统一社会信用代码“11341702486344515J”无效：校验位（第18位）应为“H”，实际为“J”\n");
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(Run({"agency", "list"}).out, "（尚无机构。用 gongkai agency add 新增）\n");
}

TEST_F(CliFoundationTest, RejectsMalformedUtf8AndUnknownParents) {
  auto bad = Run({"agency", "add", "--name", "坏\xff编码"});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_EQ(bad.err, "错误：机构名称含有无效编码（非 UTF-8）或控制字符\n");
  auto orphan = Run({"agency", "add", "--name", "孤儿局", "--parent", "不存在的政府"});
  EXPECT_EQ(orphan.exit_code, 2);
  EXPECT_EQ(orphan.err, "错误：机构“不存在的政府”不存在（可用编号、全称或简称）\n");
  auto kind = Run({"agency", "add", "--name", "某局", "--kind", "ministry"});
  EXPECT_EQ(kind.exit_code, 2);
  EXPECT_NE(kind.err.find("机构类型“ministry”无效"), std::string::npos);
}

TEST_F(CliFoundationTest, AddsUsersWithPasswordsFromStdin) {
  ASSERT_EQ(Run({"agency", "add", "--name", "樟树市人民政府", "--kind", "government"}).exit_code,
            0);
  auto admin = Run({"user", "add", "admin", "--name", "管理员", "--role", "system_admin"},
                   "a-long-secret-1\n");
  EXPECT_EQ(admin.exit_code, 0) << admin.err;
  EXPECT_EQ(admin.out, "已新增用户 #1 admin\n");
  auto clerk = Run({"user", "add", "Clerk.Li", "--role", "application_clerk@1", "--role",
                    "read_only@樟树市人民政府"},
                   "another-secret-2\n");
  EXPECT_EQ(clerk.out, "已新增用户 #2 clerk.li\n");
  EXPECT_EQ(Run({"user", "list"}).out,
            "#1 admin（管理员） system_admin\n#2 clerk.li application_clerk@1 read_only@1\n");
  EXPECT_EQ(Run({"user", "passwd", "clerk.li"}, "a-new-secret-3\n").out, "已更新密码：clerk.li\n");

  auto weak = Run({"user", "add", "bob", "--role", "editor@1"}, "short\n");
  EXPECT_EQ(weak.exit_code, 2);
  EXPECT_EQ(weak.err, "错误：密码过短，至少10个字符\n");
  auto dup = Run({"user", "add", "admin", "--role", "system_admin"}, "a-long-secret-1\n");
  EXPECT_EQ(dup.exit_code, 2);
  EXPECT_EQ(dup.err, "错误：用户名“admin”已被使用\n");
  auto norole = Run({"user", "add", "carol"}, "a-long-secret-1\n");
  EXPECT_EQ(norole.err, "错误：至少指定一个 --role（如 agency_admin@3 或 system_admin）\n");
  auto badrole = Run({"user", "add", "dave", "--role", "king@1"}, "a-long-secret-1\n");
  EXPECT_EQ(badrole.exit_code, 2);
  EXPECT_NE(badrole.err.find("错误：角色“king”无效"), std::string::npos);
}

TEST_F(CliFoundationTest, BacksUpAndNeverOverwrites) {
  ASSERT_EQ(Run({"agency", "add", "--name", "备份局"}).exit_code, 0);
  std::string copy = dir_ + "/copy.db";
  auto r = Run({"db", "backup", copy});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(RunGongkai({"--db", "sqlite:" + copy, "agency", "list"}).out,
            "#1 备份局 政府部门·县级\n");
  auto again = Run({"db", "backup", copy});
  EXPECT_EQ(again.exit_code, 2);
  EXPECT_EQ(again.err, "错误：备份文件“" + copy + "”已存在，不会覆盖\n");
}

TEST_F(CliFoundationTest, BadConfigFilesAreClearErrors) {
  std::string conf = dir_ + "/gongkai.toml";
  testing_util::WriteFile(conf, "[server]\nport = 8080\nbind = \n");
  auto syntax = Run({"--config", conf, "db", "status"});
  EXPECT_EQ(syntax.exit_code, 2);
  EXPECT_NE(syntax.err.find("错误：配置文件“" + conf + "”第3行"), std::string::npos) << syntax.err;
  EXPECT_NE(syntax.err.find("格式错误（TOML）"), std::string::npos) << syntax.err;

  testing_util::WriteFile(conf, "[server]\nprot = 8080\n");
  EXPECT_EQ(Run({"--config", conf, "db", "status"}).err,
            "错误：配置文件“" + conf + "”第2行：未知的配置项 server.prot\n");
  testing_util::WriteFile(conf, "[server]\nport = 70000\n");
  EXPECT_EQ(Run({"--config", conf, "serve"}).err,
            "错误：配置文件“" + conf + "”第2行：server.port 应在 0 到 65535 之间，实际为 70000\n");
  testing_util::WriteFile(conf, "[database]\nurl = \"x\"\n");
  EXPECT_NE(Run({"--config", conf, "db", "status"}).err.find("未知的配置节 database"),
            std::string::npos);
  EXPECT_EQ(Run({"--config", dir_ + "/missing.toml", "db", "status"}).err,
            "错误：无法读取配置文件“" + dir_ + "/missing.toml”\n");

  // A valid file points every command at its database.
  testing_util::WriteFile(conf, "[storage]\ndb = \"sqlite:" + dir_ + "/from-config.db\"\n");
  EXPECT_EQ(RunGongkai({"--config", conf, "db", "status"}).out,
            "数据库：sqlite:" + dir_ + "/from-config.db\n结构版本：0 / 12\n");
}

// `gongkai serve --port 0` in a child process; reads the URL line it prints.
struct ServerProcess {
  pid_t pid = -1;
  int out_fd = -1;
  int port = 0;
  std::string out;

  explicit ServerProcess(const std::string& data_dir) {
    int p[2];
    if (pipe(p) != 0) return;
    pid = fork();
    if (pid == 0) {
      dup2(p[1], 1);
      close(p[0]);
      execl(GONGKAI_BINARY, GONGKAI_BINARY, "--data-dir", data_dir.c_str(), "serve", "--port", "0",
            "--threads", "1", static_cast<char*>(nullptr));
      _exit(127);
    }
    close(p[1]);
    out_fd = p[0];
    while (out.find('\n') == std::string::npos && ReadSome()) {
    }
    const std::string prefix = "gongkai 正在运行：http://127.0.0.1:";
    if (out.rfind(prefix, 0) == 0) port = std::stoi(out.substr(prefix.size()));
  }
  bool ReadSome() {
    char buf[512];
    ssize_t n = read(out_fd, buf, sizeof buf);
    if (n > 0) out.append(buf, static_cast<size_t>(n));
    return n > 0;
  }
  // SIGTERM, wait, and return the exit status; reads the rest of stdout.
  int Stop() {
    kill(pid, SIGTERM);
    int status = 0;
    waitpid(pid, &status, 0);
    while (ReadSome()) {
    }
    close(out_fd);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  }
};

TEST_F(CliFoundationTest, ServePrintsItsUrlServesAndStopsOnSigterm) {
  ServerProcess server(dir_);
  ASSERT_GT(server.port, 0) << server.out;
  testing_util::HttpTestClient client(static_cast<uint16_t>(server.port));
  auto health = client.Exchange(testing_util::GetRequest("/healthz"));
  ASSERT_TRUE(health.has_value());
  EXPECT_EQ(health->status, 200);
  auto home = client.Exchange(testing_util::GetRequest("/"));
  ASSERT_TRUE(home.has_value());
  EXPECT_NE(home->body.find("<h1>政府信息公开</h1>"), std::string::npos);
  EXPECT_EQ(server.Stop(), 0);
  EXPECT_NE(server.out.find("gongkai 已停止。"), std::string::npos) << server.out;
}

TEST_F(CliFoundationTest, ServeOnATakenPortFailsClearly) {
  ServerProcess first(dir_);
  ASSERT_GT(first.port, 0) << first.out;
  std::string port = std::to_string(first.port);
  auto second = Run({"serve", "--port", port});
  EXPECT_EQ(second.exit_code, 3);
  EXPECT_NE(second.err.find(port), std::string::npos) << second.err;
  EXPECT_EQ(first.Stop(), 0);
}

}  // namespace
}  // namespace gongkai

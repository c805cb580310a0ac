// `gongkai app ledger` through the real binary: the web's filters, the count, and the CSV export.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "test_util.h"

namespace gongkai {
namespace {

using testing_util::RunGongkai;

class AppLedgerCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = testing_util::MakeTempDir();
    auto r = Run({"agency", "add", "--name", "樟树市工业和信息化局", "--short-name", "樟工信"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    for (const auto& [desc, date] : std::vector<std::pair<std::string, std::string>>{
             {"工业园区用地规划", "2023-10-09"}, {"企业名录", "2024-10-08"}}) {
      auto add =
          Run({"app", "add", "--agency", "樟工信", "--id-number", "11010519491231002X", "--name",
               "张三", "--phone", "13800000000", "--description", desc, "--date", date});
      ASSERT_EQ(add.exit_code, 0) << add.err;
    }
    auto ev = Run({"app", "event", "樟工信依申〔2023〕1号", "--type", "decided", "--date",
                   "2023-10-20", "--outcome", "1"});
    ASSERT_EQ(ev.exit_code, 0) << ev.err;
  }
  testing_util::RunResult Run(std::vector<std::string> args) {
    args.insert(args.begin(), {"--data-dir", dir_});
    return RunGongkai(args);
  }
  std::string dir_;
};

TEST_F(AppLedgerCliTest, FiltersCountAndExport) {
  auto all = Run({"app", "ledger", "--agency", "樟工信"});
  ASSERT_EQ(all.exit_code, 0) << all.err;
  EXPECT_NE(all.out.find("共 2 件"), std::string::npos) << all.out;
  auto concluded = Run({"app", "ledger", "--agency", "樟工信", "--status", "concluded"});
  EXPECT_NE(concluded.out.find("共 1 件"), std::string::npos) << concluded.out;
  EXPECT_NE(concluded.out.find("樟工信依申〔2023〕1号"), std::string::npos);
  auto search = Run({"app", "ledger", "--agency", "樟工信", "--q", "企业", "--year", "2024"});
  EXPECT_NE(search.out.find("共 1 件"), std::string::npos) << search.out;

  const std::string path = dir_ + "/ledger.csv";
  auto csv = Run({"app", "ledger", "--agency", "樟工信", "--outcome", "1", "--answered-year",
                  "2023", "--export", "csv", "--output", path});
  ASSERT_EQ(csv.exit_code, 0) << csv.err;
  EXPECT_EQ(csv.out, "已导出 1 件：" + path + "\n");
  std::ifstream in(path, std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  EXPECT_EQ(bytes.str(),
            "\xEF\xBB\xBF"
            "申请编号,提交日期,收到申请日期,申请人,申请人类型,提交方式,所需信息的内容描述,状态,"
            "答复期限,办结日期,办理结果（表三）,是否超期\r\n"
            "樟工信依申〔2023〕1号,2023-10-09,2023-10-09,张三,自然人,当面,工业园区用地规划,已办结,"
            "2023-11-06,2023-10-20,（一）予以公开,否\r\n");

  auto bad = Run({"app", "ledger", "--agency", "樟工信", "--status", "done"});
  EXPECT_NE(bad.exit_code, 0);
  EXPECT_NE(bad.err.find("状态应为 open"), std::string::npos) << bad.err;
}

}  // namespace
}  // namespace gongkai

// `gongkai app …` and `report compile` through the real binary.
#include <gtest/gtest.h>

#include "test_util.h"

namespace gongkai {
namespace {

using testing_util::RunGongkai;

class AppCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = testing_util::MakeTempDir();
    auto r = Run({"agency", "add", "--name", "樟树市工业和信息化局", "--short-name", "樟工信"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  testing_util::RunResult Run(std::vector<std::string> args) {
    args.insert(args.begin(), {"--data-dir", dir_});
    return RunGongkai(args);
  }
  std::string dir_;
};

TEST_F(AppCliTest, AddEventShowAndCompile) {
  auto add = Run({"app", "add", "--agency", "樟工信", "--id-number", "11010519491231002X", "--name",
                  "张三", "--phone", "13800000000", "--description", "请公开2023年企业名录",
                  "--date", "2024-10-08"});
  ASSERT_EQ(add.exit_code, 0) << add.err;
  EXPECT_EQ(add.out.substr(0, add.out.find('\n')),
            "已登记申请 樟工信依申〔2024〕1号（内部编号 1）");

  auto early = Run({"app", "event", "1", "--type", "fee_paid", "--date", "2024-10-09"});
  EXPECT_EQ(early.exit_code, 2);
  EXPECT_EQ(early.out, "");

  auto ev = Run({"app", "event", "樟工信依申〔2024〕1号", "--type", "decided", "--date",
                 "2024-10-25", "--outcome", "1"});
  ASSERT_EQ(ev.exit_code, 0) << ev.err;
  EXPECT_EQ(ev.out, "已记录：2024-10-25 作出答复\n");

  auto show = Run({"app", "show", "1", "--as-of", "2024-10-25"});
  ASSERT_EQ(show.exit_code, 0) << show.err;
  EXPECT_NE(show.out.find("申请 樟工信依申〔2024〕1号（内部编号 1）\n机构：樟树市工业和信息化局\n"
                          "渠道：当面\n申请人：张三（自然人）\n"),
            std::string::npos)
      << show.out;
  EXPECT_NE(show.out.find("状态：已办结\n收到日期：2024-10-08\n答复期限：2024-11-04\n"),
            std::string::npos)
      << show.out;
  EXPECT_NE(
      show.out.find(
          "  1. 2024-10-08 提交申请（cli）\n  2. 2024-10-25 作出答复 （一）予以公开（cli）\n"),
      std::string::npos)
      << show.out;

  auto compile = Run({"report", "compile", "--agency", "樟工信", "--year", "2024"});
  ASSERT_EQ(compile.exit_code, 0) << compile.err;
  EXPECT_NE(compile.out.find("\n一、本年新收政府信息公开申请数量\t1\t0\t0\t0\t0\t0\t1\n"),
            std::string::npos)
      << compile.out;
  EXPECT_NE(compile.out.find("\n三、本年度办理结果（一）予以公开\t1\t0\t0\t0\t0\t0\t1\n"),
            std::string::npos);
  auto cell = Run({"report", "compile", "--agency", "樟工信", "--year", "2024", "--cell", "3.1:1"});
  ASSERT_EQ(cell.exit_code, 0) << cell.err;
  EXPECT_EQ(cell.out, "三、本年度办理结果（一）予以公开 · 自然人：1\n  樟工信依申〔2024〕1号\n");

  auto exported = Run({"app", "export", "--agency", "樟工信"});
  ASSERT_EQ(exported.exit_code, 0) << exported.err;
  EXPECT_EQ(exported.out.rfind("{\"schema\":\"gongkai.application\",\"version\":1,", 0), 0u);
}

TEST_F(AppCliTest, NumberingAndBadInput) {
  auto num = Run({"app", "numbering", "--agency", "樟工信", "--pattern", "工信〔{year}〕{seq3}"});
  ASSERT_EQ(num.exit_code, 0) << num.err;
  EXPECT_EQ(num.out, "编号格式：工信〔{year}〕{seq3}\n");
  auto add = Run({"app", "add", "--agency", "樟工信", "--id-number", "11010519491231002X", "--name",
                  "张三", "--phone", "1", "--description", "某文件", "--date", "2024-10-08"});
  ASSERT_EQ(add.exit_code, 0) << add.err;
  EXPECT_EQ(add.out.substr(0, add.out.find('\n')), "已登记申请 工信〔2024〕001（内部编号 1）");
  auto bad = Run({"app", "add", "--agency", "樟工信", "--id-number", "110105194912310021", "--name",
                  "张三", "--phone", "1", "--description", "某文件"});
  EXPECT_EQ(bad.exit_code, 2);
}

TEST_F(AppCliTest, ExportImportRoundTripThroughTheBinary) {
  ASSERT_EQ(Run({"app", "add", "--agency", "樟工信", "--channel", "registered_letter",
                 "--id-number", "11010519491231002X", "--name", "张三", "--address",
                 "樟树市某路1号", "--description", "某文件", "--date", "2024-10-08"})
                .exit_code,
            0);
  auto first = Run({"app", "export", "--agency", "樟工信"});
  ASSERT_EQ(first.exit_code, 0) << first.err;
  std::string file = dir_ + "/apps.jsonl";
  testing_util::WriteFile(file, first.out);
  std::string other = testing_util::MakeTempDir();
  auto in_other = [&](std::vector<std::string> args) {
    args.insert(args.begin(), {"--data-dir", other});
    return RunGongkai(args);
  };
  ASSERT_EQ(in_other({"agency", "add", "--name", "樟树市工业和信息化局"}).exit_code, 0);
  auto imported = in_other({"app", "import", file});
  ASSERT_EQ(imported.exit_code, 0) << imported.err;
  EXPECT_EQ(imported.out, "已导入 1 件申请\n");
  EXPECT_EQ(in_other({"app", "export", "--agency", "1"}).out, first.out);
  testing_util::WriteFile(file, "\n{\"schema\":\"x\"}\n");
  auto bad = in_other({"app", "import", file});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("第2行："), std::string::npos) << bad.err;
}

}  // namespace
}  // namespace gongkai

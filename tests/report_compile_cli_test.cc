// `gongkai report compile`: the cell references in the default output and every accepted form of
// --cell, through the real binary.
#include <gtest/gtest.h>

#include "test_util.h"

namespace gongkai {
namespace {

class ReportCompileCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = testing_util::MakeTempDir();
    ASSERT_EQ(Run({"agency", "add", "--name", "樟树市工业和信息化局", "--short-name", "樟工信"})
                  .exit_code,
              0);
    // 1号 (自然人) is decided 不予公开·2.其他法律行政法规禁止公开; 2号 stays open.
    for (const char* date : {"2024-10-08", "2024-10-09"}) {
      ASSERT_EQ(
          Run({"app", "add", "--agency", "樟工信", "--id-number", "11010519491231002X", "--name",
               "张三", "--phone", "13800000000", "--description", "某文件", "--date", date})
              .exit_code,
          0);
    }
    ASSERT_EQ(
        Run({"app", "event", "1", "--type", "decided", "--date", "2024-10-25", "--outcome", "3.2"})
            .exit_code,
        0);
  }
  testing_util::RunResult Run(std::vector<std::string> args) {
    args.insert(args.begin(), {"--data-dir", dir_});
    return testing_util::RunGongkai(args);
  }
  testing_util::RunResult Cell(const std::string& cell) {
    return Run({"report", "compile", "--agency", "樟工信", "--year", "2024", "--cell", cell});
  }
  std::string dir_;
};

TEST_F(ReportCompileCliTest, DefaultOutputNamesEveryRowAndColumn) {
  auto r = Run({"report", "compile", "--agency", "樟工信", "--year", "2024"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("\n行号\t行\t1 自然人\t2 商业企业\t3 科研机构\t4 社会公益组织\t"
                       "5 法律服务机构\t6 其他\t7 总计\n"
                       "1\t一、本年新收政府信息公开申请数量\t2\t0\t0\t0\t0\t0\t2\n"),
            std::string::npos)
      << r.out;
  EXPECT_NE(
      r.out.find("\n3.3.2\t三、本年度办理结果（三）不予公开2.其他法律行政法规禁止公开\t1\t0\t0\t"
                 "0\t0\t0\t1\n"),
      std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("\n4\t四、结转下年度继续办理\t1\t0\t0\t0\t0\t0\t1\n"), std::string::npos);
  EXPECT_NE(r.out.find("\nt4:1\t行政复议结果维持\t0\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\nt4:15\t行政诉讼（复议后起诉）总计\t0\n"), std::string::npos);
}

TEST_F(ReportCompileCliTest, CellsInTheReportsOwnNotation) {
  const std::string withheld =
      "三、本年度办理结果（三）不予公开2.其他法律行政法规禁止公开 · 自然人：1\n"
      "  樟工信依申〔2024〕1号\n";
  for (const char* cell : {"3.3.2:1", "（三）2:1", "(三)2:1", "（三）2：自然人", "(三)2:自然人"}) {
    auto r = Cell(cell);
    EXPECT_EQ(r.exit_code, 0) << cell << " " << r.err;
    EXPECT_EQ(r.out, withheld) << cell;
  }
  // Without a column: the row's 总计.
  EXPECT_EQ(Cell("（三）2").out,
            "三、本年度办理结果（三）不予公开2.其他法律行政法规禁止公开 · 总计：1\n"
            "  樟工信依申〔2024〕1号\n");
  EXPECT_EQ(Cell("四").out, "四、结转下年度继续办理 · 总计：1\n  樟工信依申〔2024〕2号\n");
  EXPECT_EQ(Cell("一、:7").out,
            "一、本年新收政府信息公开申请数量 · 总计：2\n  樟工信依申〔2024〕1号\n"
            "  樟工信依申〔2024〕2号\n");
  EXPECT_EQ(Cell("（七）").out,
            "三、本年度办理结果（七）总计 · 总计：1\n  樟工信依申〔2024〕1号\n");
  EXPECT_EQ(Cell("(一):2").out, "三、本年度办理结果（一）予以公开 · 商业企业：0\n");
  EXPECT_EQ(Cell("t4:2").out, "表四 行政复议结果纠正：0\n");
}

TEST_F(ReportCompileCliTest, AnUnknownCellListsTheValidOnes) {
  const std::string valid =
      "。表三写 行号:列号，行号为 1 2 3.1 3.2 3.3.1 3.3.2 3.3.3 3.3.4 3.3.5 3.3.6 3.3.7 3.3.8 "
      "3.4.1 3.4.2 3.4.3 3.5.1 3.5.2 3.5.3 3.5.4 3.5.5 3.6.1 3.6.2 3.6.3 3.7 4，也可照报告写作 "
      "一、二、四、（一）、（三）2 或 (三)2；列号为 1 自然人 2 商业企业 3 科研机构 4 社会公益组织 "
      "5 法律服务机构 6 其他 7 总计（也可写列名；省略列号即总计）。表四写 t4:1 至 t4:15。"
      "例：3.3.1:1、（三）2:7、t4:2\n";
  for (const char* cell : {"(三)9", "（一）1", "三", "3.3.2:8", "3.3.2:法人", "t4", "t4:16", "5"}) {
    auto r = Cell(cell);
    EXPECT_EQ(r.exit_code, 2) << cell;
    EXPECT_EQ(r.out, "") << cell;
    EXPECT_EQ(r.err, std::string("错误：单元格写法不正确：") + cell + valid) << cell;
  }
}

}  // namespace
}  // namespace gongkai

#include "report/validate.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <set>

#include "report/generator.h"
#include "report/report_test_util.h"

namespace gongkai::report {
namespace {

using RuleCell = std::pair<std::string, std::string>;

std::set<RuleCell> RulesFired(const std::vector<Finding>& fs) {
  std::set<RuleCell> out;
  for (const auto& f : fs) out.insert({f.rule, f.cell});
  return out;
}

// A valid report without narrative (so that only table rules can fire).
AnnualReport Quiet(uint64_t seed, TemplateVersion v) {
  AnnualReport r = GenerateReport(seed, v);
  for (auto& s : r.sections) s.clear();
  return r;
}

std::string Ref3(const ReportTemplate& t, int row, int col) {
  return "t3/" + t.table3[row].id + "/" + t.table3_columns[col];
}

TEST(ValidateTest, SeedPassesEveryRule) {
  auto imported = testing::MustImport(testing::ReadTestData("seed_2024_zhangshu.txt"));
  EXPECT_TRUE(CheckReport(imported.report).empty());
}

TEST(ValidateTest, GeneratedReportsPass) {
  for (auto v : {TemplateVersion::k2021, TemplateVersion::k2019}) {
    for (uint64_t seed = 0; seed < 50; ++seed) {
      auto f = CheckReport(GenerateReport(seed, v));
      EXPECT_TRUE(f.empty()) << seed << ": " << f.front().message;
    }
  }
}

TEST(ValidateTest, R1MessageNamesTheCellAndShowsTheArithmetic) {
  AnnualReport r = MakeZeroReport(TemplateVersion::k2021);
  const ReportTemplate& t = GetTemplate(r.version);
  r.table3[0][0] = 3;                        // 一
  r.table3[1][0] = 1;                        // 二
  r.table3[2][0] = 2;                        // （一）予以公开
  r.table3[t.Table3RowIndex("3.7")][0] = 2;  // （七）总计
  r.table3[t.Table3RowIndex("4")][0] = 1;    // 四
  for (int i = 0; i < 25; ++i) r.table3[i][6] = r.table3[i][0];
  auto f = CheckReport(r);
  ASSERT_EQ(f.size(), 2u);  // R1 for 自然人 and for 总计
  EXPECT_EQ(f[0].rule, "R1");
  EXPECT_EQ(f[0].cell, "t3/3.7/自然人");
  EXPECT_EQ(f[0].where, "三、（七）总计 · 自然人");
  EXPECT_EQ(f[0].message, "三、（七）总计 · 自然人：一(3) + 二(1) = 4，而 三（七）(2) + 四(1) = 3");
}

TEST(ValidateTest, R2R3R4Messages) {
  AnnualReport r = MakeZeroReport(TemplateVersion::k2021);
  const ReportTemplate& t = GetTemplate(r.version);
  r.table3[t.Table3RowIndex("3.3.1")][0] = 1;  // leaf without total: R2 and R3
  r.table4[0] = 1;                             // 行政复议 结果维持 without total: R4
  auto f = CheckReport(r);
  ASSERT_EQ(f.size(), 3u);
  EXPECT_EQ(f[0].rule, "R2");
  EXPECT_EQ(f[0].message,
            "三、（七）总计 · 自然人：（一）(0) + （二）(0) + （三）(1) + （四）(0) + （五）(0) + "
            "（六）(0) = 1，而 （七）总计 = 0");
  EXPECT_EQ(f[1].rule, "R3");
  EXPECT_EQ(f[1].message,
            "三、（三）不予公开 1.属于国家秘密 · 总计：自然人(1) + 商业企业(0) + 科研机构(0) + "
            "社会公益组织(0) + 法律服务机构(0) + 其他(0) = 1，而 总计 = 0");
  EXPECT_EQ(f[2].rule, "R4");
  EXPECT_EQ(f[2].message,
            "四、行政复议 · 总计：结果维持(1) + 结果纠正(0) + 其他结果(0) + 尚未审结(0) = 1，而 "
            "总计 = 0");
}

// Breaking any single cell of table 三 fires exactly the rules that involve it.
TEST(ValidateTest, BreakingEachTable3CellFiresExactlyItsRules) {
  for (auto v : {TemplateVersion::k2021, TemplateVersion::k2019}) {
    const ReportTemplate& t = GetTemplate(v);
    const int n = static_cast<int>(t.table3.size());
    const int total = n - 2, next = n - 1;
    AnnualReport base = Quiet(7, v);
    for (int row = 0; row < n; ++row) {
      for (int col = 0; col < kTable3Columns; ++col) {
        AnnualReport r = base;
        *r.table3[row][col] += 1;
        std::set<RuleCell> want = {{"R3", Ref3(t, row, 6)}};
        if (row == 0 || row == 1 || row == total || row == next)
          want.insert({"R1", Ref3(t, total, col)});
        if (row >= 2 && row <= total) want.insert({"R2", Ref3(t, total, col)});
        EXPECT_EQ(RulesFired(CheckReport(r)), want) << t.table3[row].id << " col " << col;
      }
    }
  }
}

TEST(ValidateTest, BreakingEachTable4CellFiresItsGroupRule) {
  AnnualReport base = Quiet(3, TemplateVersion::k2021);
  const char* rules[] = {"R4", "R5", "R6"};
  for (int c = 0; c < kTable4Columns; ++c) {
    AnnualReport r = base;
    *r.table4[c] += 1;
    std::set<RuleCell> want = {{rules[c / 5], "t4/" + std::to_string((c / 5) * 5 + 5)}};
    EXPECT_EQ(RulesFired(CheckReport(r)), want) << c;
  }
}

// R7: a negative or empty cell anywhere fires R7 on that cell.
TEST(ValidateTest, NegativeOrEmptyCellFiresR7OnThatCell) {
  for (auto v : {TemplateVersion::k2021, TemplateVersion::k2019}) {
    const ReportTemplate& t = GetTemplate(v);
    AnnualReport base = Quiet(11, v);
    for (int i = 0; i < t.Table2CellCount(); ++i) {
      AnnualReport r = base;
      r.table2[i] = -1;
      auto f = CheckReport(r);
      if (t.Table2Kind(i) == ValueKind::kSignedCount) {
        EXPECT_TRUE(f.empty()) << i;  // 本年增/减 may be negative
      } else {
        ASSERT_EQ(f.size(), 1u) << i;
        EXPECT_EQ(f[0].rule, "R7");
      }
      r.table2[i] = std::nullopt;
      f = CheckReport(r);
      ASSERT_EQ(f.size(), 1u) << i;
      EXPECT_EQ(f[0].rule, "R7");
    }
    for (size_t row = 0; row < t.table3.size(); ++row) {
      for (int c = 0; c < kTable3Columns; ++c) {
        AnnualReport r = base;
        r.table3[row][c] = std::nullopt;
        auto f = CheckReport(r);
        ASSERT_EQ(f.size(), 1u);  // the arithmetic rules skip a missing cell
        EXPECT_EQ(f[0].rule, "R7");
        EXPECT_EQ(f[0].cell, Ref3(t, static_cast<int>(row), c));
      }
    }
  }
}

// An empty 总计 stays empty; the sum of the other cells is shown, marked as inferred.
TEST(ValidateTest, EmptyTotalIsReportedEmptyWithTheImpliedSum) {
  AnnualReport r = Quiet(11, TemplateVersion::k2021);
  r.table3[0] = {7, 1, 0, 2, 0, 0, std::nullopt};
  r.table4[4] = std::nullopt;
  int64_t review = *r.table4[0] + *r.table4[1] + *r.table4[2] + *r.table4[3];
  auto f = CheckReport(r);
  ASSERT_GE(f.size(), 2u);
  std::vector<std::string> r7;
  for (const auto& x : f) {
    if (x.rule == "R7") r7.push_back(x.message);
  }
  ASSERT_EQ(r7.size(), 2u);
  EXPECT_EQ(r7[0],
            "一、本年新收政府信息公开申请数量 · 总计：单元格为空或无法读取（应填写数字，没有则填 "
            "0）；其余六列之和为 10（由各列推算，仅供参考，未填入报告）");
  EXPECT_EQ(r7[1], fmt::format("四、行政复议 · 总计：单元格为空或无法读取（应填写数字，没有则填 "
                               "0）；其余四项之和为 {}（由各列推算，仅供参考，未填入报告）",
                               review));
  EXPECT_FALSE(r.table3[0][6]);
}

TEST(ValidateTest, CrossYearCarryOverAndStockRollForward) {
  AnnualReport prev = Quiet(1, TemplateVersion::k2021);
  AnnualReport cur = Quiet(2, TemplateVersion::k2021);
  prev.year = 2023;
  cur.year = 2024;
  cur.table3[1] = prev.table3.back();
  const ReportTemplate& t = GetTemplate(cur.version);
  int made = t.Table2CellIndex(0, 1, 0), repealed = t.Table2CellIndex(0, 1, 1),
      stock = t.Table2CellIndex(0, 1, 2);
  for (int row = 0; row < 2; ++row) {
    cur.table2[t.Table2CellIndex(0, row, 2)] = *prev.table2[t.Table2CellIndex(0, row, 2)] +
                                               *cur.table2[t.Table2CellIndex(0, row, 0)] -
                                               *cur.table2[t.Table2CellIndex(0, row, 1)];
  }
  EXPECT_TRUE(CheckAgainstPreviousYear(cur, prev).empty());
  cur.table2[stock] = *cur.table2[stock] + 1;
  auto f = CheckAgainstPreviousYear(cur, prev);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].rule, "R8.2");
  EXPECT_EQ(f[0].message,
            fmt::format(
                "二、行政规范性文件 · 现行有效件数：上年现行有效({}) + 本年制发({}) − 本年废止({}) "
                "= {}，而 本年现行有效 = {}",
                *prev.table2[stock], *cur.table2[made], *cur.table2[repealed],
                *cur.table2[stock] - 1, *cur.table2[stock]));
  cur.table2[stock] = *cur.table2[stock] - 1;
  cur.table3[1][0] = *cur.table3[1][0] + 1;
  f = CheckAgainstPreviousYear(cur, prev);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].rule, "R8.1");
  EXPECT_EQ(f[0].cell, "t3/2/自然人");
}

TEST(ValidateTest, NarrativeChecks) {
  AnnualReport r = MakeZeroReport(TemplateVersion::k2021);
  r.sections[0] = "本年度我局在网站共发布91条信息。\n2024年我局没有收到受理依申请公开。";
  EXPECT_TRUE(CheckReport(r).empty());  // 91条 is not a table figure; 没有收到 matches 0
  r.table3[0][0] = 2;
  r.table3[0][6] = 2;
  r.table3.back()[0] = 2;
  r.table3.back()[6] = 2;
  auto f = CheckReport(r);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].rule, "R8.3");
  r.sections[0] = "本年度共收到政府信息公开申请2件。";
  EXPECT_TRUE(CheckReport(r).empty());
  r.sections[0] = "本年度共收到政府信息公开申请3件。";
  ASSERT_EQ(CheckReport(r).size(), 1u);
  r.sections[0] = "";
  r.sections[5] = "本年度未收取行政事业性收费。";
  r.table2[9] = 12500;  // 1.25 万元
  f = CheckReport(r);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].rule, "R8.4");
  EXPECT_NE(f[0].message.find("1.25"), std::string::npos);
}

}  // namespace
}  // namespace gongkai::report

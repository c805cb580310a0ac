// Two more real published reports (tests/data/report/sample_10{3,4}_*): a PDF converted to
// Markdown with rows split across mini-tables and labels left above their numbers, and a whole
// saved web page with empty cells for 0. Figures read by eye from the documents.
#include <gtest/gtest.h>

#include "report/import.h"
#include "report/report_test_util.h"

namespace gongkai::report {
namespace {

using testing::MustImport;
using testing::ReadTestData;

bool HasIssue(const ImportResult& res, const std::string& message) {
  for (const auto& f : res.issues) {
    if (f.message == message) return true;
  }
  return false;
}

TEST(RealSamplesTest, ShanghaiMarkdownConversionKeyFigures) {
  auto res = MustImport(ReadTestData("sample_103_shanghai_bgt_2025.md"));
  const AnnualReport& r = res.report;
  const ReportTemplate& t = GetTemplate(r.version);
  EXPECT_EQ(res.format, "markdown");
  EXPECT_EQ(r.version, TemplateVersion::k2021);
  const std::array<int64_t, 7> first = {1259, 36, 0, 0, 0, 0, 1295};
  const std::array<int64_t, 7> carried = {170, 15, 0, 0, 4, 0, 189};
  const std::array<int64_t, 7> partial = {2, 0, 0, 0, 0, 0, 2};  // label left above its numbers
  const std::array<int64_t, 7> total = {1139, 48, 0, 0, 4, 0, 1191};
  const std::array<int64_t, 7> next = {290, 3, 0, 0, 0, 0, 293};
  for (int c = 0; c < kTable3Columns; ++c) {
    EXPECT_EQ(r.table3[0][c], first[c]) << c;
    EXPECT_EQ(r.table3[1][c], carried[c]) << c;
    EXPECT_EQ(r.table3[3][c], partial[c]) << c;
    EXPECT_EQ(r.table3[23][c], total[c]) << c;
    EXPECT_EQ(r.table3[24][c], next[c]) << c;
  }
  EXPECT_EQ(r.table3[2][6], 206);                      // （一）予以公开 总计
  EXPECT_EQ(r.table3[12][6], 513);                     // （四）1.本机关不掌握
  EXPECT_EQ(r.table2[t.Table2CellIndex(1, 0, 0)], 0);  // 行政许可 0, a text line
  EXPECT_EQ(r.table2[t.Table2CellIndex(3, 0, 0)], 0);  // 行政事业性收费 0
  const std::array<int64_t, 15> t4 = {40, 0, 10, 5, 55, 2, 0, 4, 6, 12, 6, 0, 9, 7, 22};
  for (int c = 0; c < kTable4Columns; ++c) EXPECT_EQ(r.table4[c], t4[c]) << c;
  // 「| 规章 | 22 | 235 |」 under a four-column header: which column lost its number is unknown.
  for (int c = 0; c < 3; ++c) EXPECT_FALSE(r.table2[t.Table2CellIndex(0, 0, c)]) << c;
  EXPECT_TRUE(HasIssue(res,
                       "表格2第1行第2格：二、规章 一行有 3 列，却只有 2 个单元格（“22”、“235”），"
                       "无法确定各自属于哪一列，未填入"));
  EXPECT_FALSE(res.complete);
}

TEST(RealSamplesTest, ShuyangSavedPageKeyFiguresAndEmptyCellsStayEmpty) {
  auto res = MustImport(ReadTestData("sample_104_shuyang_fgj_2023.html"));
  const AnnualReport& r = res.report;
  const ReportTemplate& t = GetTemplate(r.version);
  EXPECT_EQ(res.format, "html");
  EXPECT_EQ(r.agency, "沭阳县发展和改革局");
  EXPECT_EQ(r.year, 2023);
  // The site's own 索引号/发布日期 table before the report is not a figure of it.
  for (const auto& f : res.issues) ADD_FAILURE() << f.message;
  EXPECT_EQ(r.table2[t.Table2CellIndex(0, 1, 0)], 8);  // 规范性文件 8 0 18
  EXPECT_EQ(r.table2[t.Table2CellIndex(0, 1, 1)], 0);
  EXPECT_EQ(r.table2[t.Table2CellIndex(0, 1, 2)], 18);
  EXPECT_EQ(r.table2[t.Table2CellIndex(1, 0, 0)], 0);  // 行政许可
  for (size_t row = 0; row < r.table3.size(); ++row) {
    int64_t natural = row == 0 || row == 2 || row == 23 ? 26 : 0;  // 一, （一）, （七）
    EXPECT_EQ(r.table3[row][0], natural) << row;
    EXPECT_EQ(r.table3[row][6], natural) << row;
    for (int c = 1; c <= 5; ++c) EXPECT_FALSE(r.table3[row][c]) << row << "/" << c;  // empty
  }
  const std::array<int64_t, 15> t4 = {0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
  for (int c = 0; c < kTable4Columns; ++c) EXPECT_EQ(r.table4[c], t4[c]) << c;
}

}  // namespace
}  // namespace gongkai::report

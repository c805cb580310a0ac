#include "report/run_together.h"

#include <gtest/gtest.h>

#include "report/import.h"
#include "report/report_test_util.h"

namespace gongkai::report {
namespace {

using testing::MustImport;
using testing::ReadTestData;

using Rows = std::vector<std::array<int64_t, 7>>;

void ExpectTable3(const AnnualReport& r, const Rows& want) {
  ASSERT_EQ(r.table3.size(), want.size());
  const ReportTemplate& t = GetTemplate(r.version);
  for (size_t i = 0; i < want.size(); ++i) {
    for (int c = 0; c < kTable3Columns; ++c) {
      EXPECT_EQ(r.table3[i][c], want[i][c]) << t.Table3RowName(i) << " · " << t.table3_columns[c];
    }
  }
}

// 平潭综合实验区 2022, the innerText scrape: every table cell read by eye from the page.
TEST(RunTogetherTest, PingtanScrapeReadsEveryCellTheArithmeticFixes) {
  auto res = MustImport(ReadTestData("sample_102_pingtan_2022.txt"));
  const AnnualReport& r = res.report;
  const ReportTemplate& t = GetTemplate(r.version);
  EXPECT_EQ(r.version, TemplateVersion::k2021);
  EXPECT_EQ(r.year, 2022);
  EXPECT_EQ(r.agency, "平潭综合实验区");
  Rows want(25, {0, 0, 0, 0, 0, 0, 0});
  want[0] = {71, 3, 0, 0, 0, 0, 74};   // 一、本年新收
  want[1] = {1, 0, 0, 0, 0, 0, 1};     // 二、上年结转
  want[2] = {21, 0, 0, 0, 0, 0, 21};   // （一）予以公开
  want[3] = {8, 1, 0, 0, 0, 0, 9};     // （二）部分公开
  want[8] = {1, 0, 0, 0, 0, 0, 1};     // （三）5.属于三类内部事务信息
  want[9] = {2, 0, 0, 0, 0, 0, 2};     // （三）6.属于四类过程性信息
  want[10] = {1, 0, 0, 0, 0, 0, 1};    // （三）7.属于行政执法案卷
  want[12] = {37, 0, 0, 0, 0, 0, 37};  // （四）1.本机关不掌握相关政府信息
  want[20] = {2, 0, 0, 0, 0, 0, 2};    // （六）1.申请人无正当理由逾期不补正
  want[22] = {0, 2, 0, 0, 0, 0, 2};    // （六）3.其他
  want[23] = {72, 3, 0, 0, 0, 0, 75};  // （七）总计
  ExpectTable3(r, want);
  const std::array<int64_t, 15> t4 = {0, 1, 1, 0, 2, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0};
  for (int c = 0; c < kTable4Columns; ++c) EXPECT_EQ(r.table4[c], t4[c]) << c;
  EXPECT_EQ(r.table2[t.Table2CellIndex(0, 0, 0)], 0);  // 规章 000
  EXPECT_EQ(r.table2[t.Table2CellIndex(0, 0, 2)], 0);
  EXPECT_EQ(r.table2[t.Table2CellIndex(1, 0, 0)], 10690);     // 行政许可
  EXPECT_EQ(r.table2[t.Table2CellIndex(2, 0, 0)], 2113);      // 行政处罚
  EXPECT_EQ(r.table2[t.Table2CellIndex(2, 1, 0)], 0);         // 行政强制
  EXPECT_EQ(r.table2[t.Table2CellIndex(3, 0, 0)], 91163600);  // 9116.36 万元
  // 「行政规范性文件8855698」: three columns, no arithmetic ties them: 15 readings, none chosen.
  for (int c = 0; c < 3; ++c) EXPECT_FALSE(r.table2[t.Table2CellIndex(0, 1, c)]);
  EXPECT_FALSE(res.complete);
  ASSERT_EQ(res.issues.size(), 1u) << res.issues.back().message;
  EXPECT_EQ(res.issues[0].rule, "I5");
  EXPECT_EQ(res.issues[0].message,
            "第10行第2364字：二、行政规范性文件 的数字“8855698”连写在一起，有 15 "
            "种读法都符合表内的勾稽关系（8|8|55698、8|85|5698、8|855|698、8|8556|98、8|85569|8、"
            "88|5|5698 等），无法确定，这一行未填入");
}

// The findings other than 未找到表二 (the scrapes below have only tables 三 and 四).
std::vector<Finding> Found(const ImportResult& res) {
  std::vector<Finding> out;
  for (const auto& f : res.issues) {
    if (f.message != "未找到表二（主动公开政府信息情况）") out.push_back(f);
  }
  return out;
}

// Table 三 as an innerText scrape would give it, each row's cells run together.
std::string Scrape(const std::vector<std::string>& rows, const std::string& table4) {
  const ReportTemplate& t = GetTemplate(TemplateVersion::k2021);
  std::string s = "三、收到和处理政府信息公开申请情况 申请人情况 自然人 法人或其他组织 总计 ";
  std::string group;
  for (size_t i = 0; i < t.table3.size(); ++i) {
    if (!t.table3[i].group.empty() && t.table3[i].group != group) s += t.table3[i].group + " ";
    group = t.table3[i].group;
    s += t.table3[i].label + rows[i];
  }
  return s +
         " 四、政府信息公开行政复议、行政诉讼情况 行政复议 行政诉讼 结果维持 结果纠正 其他结果 "
         "尚未审结 总计 " +
         table4 + " 五、存在的主要问题及改进情况 无。";
}

TEST(RunTogetherTest, ColumnArithmeticChoosesAmongRowReadings) {
  // 「111000012」 alone is 1|11|0|0|0|0|12 or 11|1|0|0|0|0|12; with 一 written with spaces,
  // only the first keeps 一 + 二 = （七） + 四 and （七） = the result rows in every column.
  std::vector<std::string> rows(25, "0000000");
  rows[0] = " 1 11 0 0 0 0 12";  // 一
  rows[2] = "111000012";         // （一）
  rows[23] = "111000012";        // （七）
  auto res = MustImport(Scrape(rows, "0 0 0 0 0 0 0 0 0 0 0 0 0 0 0"), InputFormat::kText);
  Rows want(25, {0, 0, 0, 0, 0, 0, 0});
  want[0] = want[2] = want[23] = {1, 11, 0, 0, 0, 0, 12};
  ExpectTable3(res.report, want);
  for (const auto& f : Found(res)) ADD_FAILURE() << f.message;
}

TEST(RunTogetherTest, ReadingsTheArithmeticCannotTellApartAreReportedNotGuessed) {
  // （一） and （二） are each 1|11 or 11|1; （七） = 12|12 holds either way round.
  std::vector<std::string> rows(25, "0000000");
  rows[0] = "1212000024";   // 一
  rows[2] = "111000012";    // （一）
  rows[3] = "111000012";    // （二）
  rows[23] = "1212000024";  // （七）
  auto res = MustImport(Scrape(rows, "0 0 0 0 0 0 0 0 0 0 0 0 0 0 0"), InputFormat::kText);
  const AnnualReport& r = res.report;
  EXPECT_FALSE(r.table3[2][0]);
  EXPECT_FALSE(r.table3[3][0]);
  EXPECT_EQ(r.table3[23][0], 12);
  EXPECT_FALSE(res.complete);
  auto found = Found(res);
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].rule, "I5");
  EXPECT_EQ(found[1].rule, "I5");
  EXPECT_EQ(
      found[0].message.substr(found[0].message.find("：") + 3),
      "三、（一）予以公开 的数字“111000012”连写在一起，有 2 "
      "种读法都符合表内的勾稽关系（1|11|0|0|0|0|12、11|1|0|0|0|0|12），无法确定，这一行未填入");
}

TEST(RunTogetherTest, DigitsNoReadingFitsAreUnreadableAndTable4SplitsByGroupSums) {
  std::vector<std::string> rows(25, "0000000");
  rows[4] = "12345";  // too few digits for seven columns that add up
  // Table 四 run together: 1|0|0|0|1 · 2|0|0|0|2 · 0|0|0|0|0.
  auto res = MustImport(Scrape(rows, "100012000200000"), InputFormat::kText);
  const AnnualReport& r = res.report;
  EXPECT_FALSE(r.table3[4][0]);
  const std::array<int64_t, 15> t4 = {1, 0, 0, 0, 1, 2, 0, 0, 0, 2, 0, 0, 0, 0, 0};
  for (int c = 0; c < kTable4Columns; ++c) EXPECT_EQ(r.table4[c], t4[c]) << c;
  auto found = Found(res);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].rule, "I2");
  EXPECT_NE(found[0].message.find("三、（三）不予公开 1.属于国家秘密 的数字“12345”连写在一起，"
                                  "没有一种拆分成 7 列的读法符合表内的勾稽关系"),
            std::string::npos)
      << found[0].message;
}

}  // namespace
}  // namespace gongkai::report

#include "report/report_template.h"

#include <gtest/gtest.h>

#include "report/annual_report.h"
#include "report/layout.h"

namespace gongkai::report {
namespace {

TEST(ReportTemplateTest, Template2021HasTheStatutoryShape) {
  const ReportTemplate& t = GetTemplate(TemplateVersion::k2021);
  EXPECT_EQ(t.Table2CellCount(), 10);  // 9 counts + 1 amount
  EXPECT_EQ(t.table3.size(), 25u);
  int results = 0;
  for (const auto& r : t.table3) results += r.block.empty() ? 0 : 1;
  EXPECT_EQ(results, 22);
  EXPECT_EQ(t.table3[2].label, "（一）予以公开");
  EXPECT_EQ(t.table3[6].label, "3.危及“三安全一稳定”");
  EXPECT_EQ(t.table3[21].label,
            "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请");
  EXPECT_EQ(t.table3.back().label, "四、结转下年度继续办理");
  EXPECT_EQ(t.Table2Kind(9), ValueKind::kAmount);
  EXPECT_EQ(t.Table2CellName(9), "行政事业性收费 · 本年收费金额（单位：万元）");
  EXPECT_EQ(t.Table4ColumnName(14), "行政诉讼 · 复议后起诉 · 总计");
  EXPECT_EQ(t.Table3RowName(23), "三、（七）总计");
}

TEST(ReportTemplateTest, Template2019DiffersAsSection17Says) {
  const ReportTemplate& t = GetTemplate(TemplateVersion::k2019);
  EXPECT_EQ(t.table3.size(), 23u);  // （六）其他处理 is a single row
  EXPECT_EQ(t.table3[t.Table3RowIndex("3.6")].label, "（六）其他处理");
  EXPECT_EQ(t.table2.size(), 5u);  // 第二十条第（九）项 政府集中采购
  EXPECT_EQ(t.table2[0].rows[1], "规范性文件");
  EXPECT_EQ(t.table2[0].headers[0], "本年新制作数量");
  EXPECT_EQ(t.table2[4].rows[0], "政府集中采购");
  EXPECT_EQ(t.Table2CellCount(), 3 * 6 + 2 + 2);
}

TEST(ReportTemplateTest, LayoutMergesAsTheForm) {
  auto tables = LayoutTables(MakeZeroReport(TemplateVersion::k2021));
  // Table 三: note cell 3×3, 申请人情况 colspan 7, 三、本年度办理结果 rowspan 22, groups 8/3/5/3.
  const LayoutTable& t3 = tables[1];
  EXPECT_EQ(t3.width, 10);
  EXPECT_EQ(t3.rows[0][0].rowspan, 3);
  EXPECT_EQ(t3.rows[0][0].colspan, 3);
  EXPECT_EQ(t3.rows[0][1].colspan, 7);
  EXPECT_EQ(t3.rows[1][0].rowspan, 2);  // 自然人
  EXPECT_EQ(t3.rows[1][1].colspan, 5);  // 法人或其他组织
  EXPECT_EQ(t3.rows[5][0].text, "三、本年度办理结果");
  EXPECT_EQ(t3.rows[5][0].rowspan, 22);
  EXPECT_EQ(t3.rows[7][0].text, "（三）不予公开");
  EXPECT_EQ(t3.rows[7][0].rowspan, 8);
  EXPECT_EQ(t3.rows[15][0].rowspan, 3);
  EXPECT_EQ(t3.rows[18][0].rowspan, 5);
  EXPECT_EQ(t3.rows[23][0].rowspan, 3);
  EXPECT_EQ(t3.rows[7][2].grid_col, 3);  // first value column after the 3 label columns
  // Table 四: 15 value cells, 行政复议 colspan 5, 行政诉讼 colspan 10.
  const LayoutTable& t4 = tables[2];
  EXPECT_EQ(t4.rows[0][0].colspan, 5);
  EXPECT_EQ(t4.rows[0][1].colspan, 10);
  EXPECT_EQ(t4.rows[3].size(), 15u);
  // Table 二: 行政许可 value spans 3 columns.
  const LayoutTable& t2 = tables[0];
  EXPECT_EQ(t2.rows[6][1].colspan, 3);
}

TEST(ReportTemplateTest, HeadingsMatchParaphrases) {
  EXPECT_EQ(MatchHeading("四、因政府信息公开工作被申请行政复议、提起行政诉讼情况"), 3);
  EXPECT_EQ(MatchHeading("二、行政机关主动公开政府信息情况"), 1);
  EXPECT_EQ(MatchHeading("五、政府信息公开工作存在的主要问题及改进情况"), 4);
  EXPECT_EQ(MatchHeading("三、本年度办理结果"), -1);  // a table-三 row, not a heading
  EXPECT_EQ(MatchHeading("四、结转下年度继续办理"), -1);
}

}  // namespace
}  // namespace gongkai::report

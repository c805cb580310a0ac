#include "report/import.h"

#include <gtest/gtest.h>

#include "report/render.h"
#include "report/report_test_util.h"
#include "report/validate.h"

namespace gongkai::report {
namespace {

using testing::MustImport;
using testing::ReadTestData;

TEST(ImportTest, SeedParsesToItsPrintedFigures) {
  auto res = MustImport(ReadTestData("seed_2024_zhangshu.txt"));
  EXPECT_EQ(res.format, "pipe");
  EXPECT_TRUE(res.complete);
  EXPECT_TRUE(res.issues.empty()) << res.issues.front().message;
  const AnnualReport& r = res.report;
  const ReportTemplate& t = GetTemplate(r.version);
  EXPECT_EQ(r.version, TemplateVersion::k2021);
  EXPECT_EQ(r.year, 2024);
  EXPECT_EQ(r.table2[t.Table2CellIndex(1, 0, 0)], 54);  // 行政许可
  EXPECT_EQ(r.table2[t.Table2CellIndex(0, 1, 2)], 1);   // 行政规范性文件 现行有效件数
  EXPECT_EQ(r.table2[t.Table2CellIndex(3, 0, 0)], 0);   // 本年收费金额
  for (int i = 0; i < t.Table2CellCount(); ++i) {
    if (i != t.Table2CellIndex(1, 0, 0) && i != t.Table2CellIndex(0, 1, 2)) {
      EXPECT_EQ(r.table2[i], 0) << t.Table2CellName(i);
    }
  }
  ASSERT_EQ(r.table3.size(), 25u);
  for (const auto& line : r.table3) {
    for (const auto& v : line) EXPECT_EQ(v, 0);
  }
  for (const auto& v : r.table4) EXPECT_EQ(v, 0);
  EXPECT_NE(r.sections[0].find("2024年我局没有收到受理依申请公开。"), std::string::npos);
  EXPECT_EQ(r.sections[5].substr(0, 6), "按照");
  EXPECT_NE(r.preamble.find("统计期限自2024年1月1日"), std::string::npos);
}

TEST(ImportTest, MessyHtmlOf2021FormatWithSpansStylesAndBreaks) {
  auto res = MustImport(ReadTestData("messy_2023_2021format.html"));
  EXPECT_EQ(res.format, "html");
  EXPECT_TRUE(res.complete);
  EXPECT_TRUE(res.issues.empty()) << res.issues.front().message;
  const AnnualReport& r = res.report;
  const ReportTemplate& t = GetTemplate(r.version);
  EXPECT_EQ(r.version, TemplateVersion::k2021);
  EXPECT_EQ(r.agency, "某市交通运输局");
  EXPECT_EQ(r.year, 2023);
  EXPECT_EQ(r.table2[t.Table2CellIndex(3, 0, 0)], 123500);  // "12.35" 万元, exact
  EXPECT_EQ(r.table2[t.Table2CellIndex(1, 0, 0)], 310);
  EXPECT_EQ(r.table3[t.Table3RowIndex("3.1")][0], 3);
  EXPECT_EQ(r.table3[t.Table3RowIndex("3.6.3")][0], 1);
  EXPECT_EQ(r.table3[t.Table3RowIndex("3.7")][6], 8);
  EXPECT_EQ(r.table4[4], 2);
  EXPECT_EQ(r.sections[4], "信息公开的及时性有待提高。");
  // The fixture's text says 8 applications were received, the table 7 (+2 carried): R8.3 only.
  auto f = CheckReport(r);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].rule, "R8.3");
  EXPECT_EQ(f[0].message,
            "正文第一部分称收到申请 8 件，而 三、一、本年新收 · 总计 = 7（加上年结转 2）");
}

TEST(ImportTest, Trial2019FormatIsDetectedInBothBracketWidths) {
  for (const char* name : {"messy_2019_trial_format.html", "messy_2019_halfwidth.html"}) {
    auto res = MustImport(ReadTestData(name));
    EXPECT_TRUE(res.complete) << name;
    EXPECT_TRUE(res.issues.empty()) << name << ": " << res.issues.front().message;
    const AnnualReport& r = res.report;
    const ReportTemplate& t = GetTemplate(TemplateVersion::k2019);
    EXPECT_EQ(r.version, TemplateVersion::k2019) << name;
    EXPECT_EQ(r.year, 2019);
    EXPECT_EQ(r.table2[t.Table2CellIndex(1, 0, 1)], -2);       // 行政许可 本年增/减
    EXPECT_EQ(r.table2[t.Table2CellIndex(4, 0, 1)], 1255000);  // 采购总金额 125.5
    EXPECT_EQ(r.table3[t.Table3RowIndex("3.6")][0], 1);        // （六）其他处理, one row
    EXPECT_EQ(r.table3.back()[6], 1);
  }
}

TEST(ImportTest, GbkInputIsConvertedAndSaysSo) {
  auto res = MustImport(ReadTestData("messy_2023_gbk.html"));
  EXPECT_EQ(res.encoding, "GB18030");
  EXPECT_TRUE(res.complete);
  EXPECT_EQ(res.report.agency, "某市交通运输局");
  ASSERT_EQ(res.issues.size(), 1u);
  EXPECT_EQ(res.issues[0].severity, Severity::kInfo);
}

TEST(ImportTest, UnreadableInputIsAClearChineseError) {
  struct Case {
    std::string bytes, expect;
  } cases[] = {
      {"", "文件是空的"},
      {"   \n\n", "文件是空的"},
      {std::string("abc\0def", 7), "二进制"},
      {"PK\x03\x04junk", "压缩包"},
      {"\xff\xfe\xfd\xfc\x80\x81\x82", "编码无法识别"},
      {"{\"schema\": 3", "JSON 格式错误"},
      {"{\"a\": 1}", "不是 gongkai 年度报告格式"},
      {"{\"schema\":\"gongkai.annual_report\",\"schema_version\":1,\"template\":\"2021\","
       "\"agency\":5,"
       "\"table2\":[{\"row\":1}]}",
       "结构不符合格式"},
  };
  for (const auto& c : cases) {
    auto r = ImportReport(c.bytes);
    ASSERT_FALSE(r.ok()) << c.expect;
    EXPECT_NE(r.status().UserMessage().find(c.expect), std::string::npos)
        << r.status().UserMessage();
  }
}

TEST(ImportTest, TruncatedFileIsMarkedIncompleteWithMissingRows) {
  std::string seed = ReadTestData("seed_2024_zhangshu.txt");
  for (size_t cut : {seed.size() / 4, seed.size() / 2, seed.size() * 3 / 4, seed.size() - 1500}) {
    auto res = MustImport(seed.substr(0, cut));  // may cut inside a UTF-8 character
    EXPECT_FALSE(res.complete) << cut;
    bool missing = false;
    for (const auto& f : res.issues) missing |= f.rule == "I3";
    EXPECT_TRUE(missing) << cut;
  }
}

TEST(ImportTest, AbsurdNumbersAreReportedWithTheirPosition) {
  std::string text = RenderText(MakeZeroReport(TemplateVersion::k2021));
  auto replace_row = [&](const std::string& label, const std::string& values) {
    size_t at = text.find("\n" + label + "\t");
    size_t end = text.find('\n', at + 1);
    std::string t = text;
    t.replace(at + 1, end - at - 1, label + "\t" + values);
    return t;
  };
  // Negative: kept, and R7 fires. 1e30, words, overflow: I2 with the position, incomplete.
  auto neg = MustImport(replace_row("规章", "-1\t0\t0"));
  EXPECT_TRUE(neg.complete);
  EXPECT_EQ(neg.report.table2[0], -1);
  EXPECT_EQ(CheckReport(neg.report).at(0).rule, "R7");
  for (const char* bad : {"1e30", "很多", "99999999999999999999", "3.5", "1,000"}) {
    auto res = MustImport(replace_row("规章", std::string(bad) + "\t0\t0"));
    EXPECT_FALSE(res.complete) << bad;
    ASSERT_FALSE(res.issues.empty()) << bad;
    EXPECT_EQ(res.issues[0].rule, "I2") << bad;
    EXPECT_NE(res.issues[0].message.find("规章 · 本年制发件数"), std::string::npos)
        << res.issues[0].message;
    EXPECT_NE(res.issues[0].message.find("第"), std::string::npos);
  }
  // An extra value in a row and a row nobody knows: I1, never placed somewhere else.
  auto extra = MustImport(replace_row("规章", "0\t0\t0\t7"));
  EXPECT_FALSE(extra.complete);
  EXPECT_EQ(extra.issues.at(0).rule, "I1");
  std::string unknown = text;
  unknown.insert(unknown.find("\n四、结转下年度"), "\n五、神秘的行\t1\t2\t3\t4\t5\t6\t21");
  auto u = MustImport(unknown);
  EXPECT_FALSE(u.complete);
  EXPECT_EQ(u.issues.at(0).rule, "I1");
}

TEST(ImportTest, DuplicateRowIsReportedNotSummed) {
  std::string text = RenderText(MakeZeroReport(TemplateVersion::k2021));
  size_t at = text.find("\n（二）部分公开");
  size_t end = text.find('\n', at + 1);
  text.insert(end, text.substr(at, end - at));
  auto res = MustImport(text);
  EXPECT_FALSE(res.complete);
  EXPECT_EQ(res.issues.at(0).rule, "I3");
}

TEST(ImportTest, PlainTextCopiedOutOfAPdfWithSpaces) {
  std::string text =
      "某县财政局2022年政府信息公开工作年度报告\n一、总体情况\n本局没有收到政府信息公开申请。\n"
      "二、主动公开政府信息情况\n第二十条第（一）项\n信息内容 本年制发件数 本年废止件数 "
      "现行有效件数\n"
      "规章 0 0 0\n行政规范性文件 1 0 4\n第二十条第（五）项\n信息内容 本年处理决定数量\n行政许可 "
      "12\n"
      "第二十条第（六）项\n信息内容 本年处理决定数量\n行政处罚 0\n行政强制 0\n第二十条第（八）项\n"
      "信息内容 本年收费金额（单位：万元）\n行政事业性收费 0.5\n"
      "三、收到和处理政府信息公开申请情况\n申请人情况\n自然人 法人或其他组织 总计\n"
      "商业 企业 科研 机构 社会公益组织 法律服务机构 其他\n";
  const ReportTemplate& t = GetTemplate(TemplateVersion::k2021);
  for (size_t i = 0; i < t.table3.size(); ++i) {
    text += (t.table3[i].group.empty() ? "" : t.table3[i].group + " ") + t.table3[i].label +
            " 0 0 0 0 0 0 0\n";
  }
  text +=
      "四、政府信息公开行政复议、行政诉讼情况\n行政复议 行政诉讼\n"
      "0 0 0 0 0 0 0 0 0 0 0 0 0 0 "
      "0\n五、存在的主要问题及改进情况\n无。\n六、其他需要报告的事项\n无。\n";
  auto res = MustImport(text);
  EXPECT_EQ(res.format, "text");
  EXPECT_TRUE(res.complete);
  EXPECT_TRUE(res.issues.empty()) << res.issues.front().message;
  EXPECT_EQ(res.report.agency, "某县财政局");
  EXPECT_EQ(res.report.table2[t.Table2CellIndex(3, 0, 0)], 5000);
  EXPECT_EQ(res.report.table2[t.Table2CellIndex(0, 1, 2)], 4);
  EXPECT_EQ(res.report.sections[1], "");  // headers are not text
  EXPECT_TRUE(CheckReport(res.report).empty());
}

TEST(ImportTest, PageInsideALayoutTable) {
  // Older sites wrap the whole page in a one-cell table; the report's own tables nest inside.
  std::string html = testing::ReadTestData("messy_2023_2021format.html");
  size_t body = html.find("<body>") + 6;
  html.insert(body, "<table width=\"900\"><tr><td>");
  html.insert(html.find("</body>"), "</td></tr></table>");
  auto res = MustImport(html);
  EXPECT_TRUE(res.complete);
  EXPECT_EQ(res.report.agency, "某市交通运输局");
  EXPECT_EQ(res.report.sections[4], "信息公开的及时性有待提高。");
  EXPECT_EQ(res.report.table3[0][6], 7);
}

TEST(ImportTest, PipeTablesWithoutSeparatorLines) {
  std::string md = RenderMarkdown(MakeZeroReport(TemplateVersion::k2021));
  std::string stripped;
  size_t pos = 0;
  while (pos < md.size()) {
    size_t end = md.find('\n', pos);
    std::string line = md.substr(pos, end - pos);
    if (line.find("| --- |") == std::string::npos) stripped += line + "\n";
    pos = end + 1;
  }
  auto res = MustImport(stripped);
  EXPECT_EQ(res.format, "markdown");
  EXPECT_TRUE(res.complete);
  EXPECT_TRUE(res.report == MakeZeroReport(TemplateVersion::k2021));
}

}  // namespace
}  // namespace gongkai::report

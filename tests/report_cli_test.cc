// `gongkai report …` through the real binary: exit codes, Chinese messages, outputs.
#include <gtest/gtest.h>

#include <filesystem>

#include "test_util.h"

namespace gongkai {
namespace {

using testing_util::MakeTempDir;
using testing_util::ReadFile;
using testing_util::RunGongkai;
using testing_util::WriteFile;

std::string Data(const std::string& name) {
  return std::string(GONGKAI_SOURCE_DIR) + "/tests/data/report/" + name;
}

bool Has(const std::string& s, const std::string& w) { return s.find(w) != std::string::npos; }

TEST(ReportCliTest, ParseSeed) {
  auto r = RunGongkai({"report", "parse", Data("seed_2024_zhangshu.txt")});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(Has(r.out, "模板：2021 年格式")) << r.out;
  EXPECT_TRUE(Has(r.out, "行政许可\t54"));
  auto j = RunGongkai({"report", "parse", Data("seed_2024_zhangshu.txt"), "--json"});
  EXPECT_EQ(j.exit_code, 0);
  EXPECT_TRUE(Has(j.out, "\"schema\": \"gongkai.annual_report\""));
  EXPECT_TRUE(Has(j.out, "\"value\": 54"));
}

TEST(ReportCliTest, CheckExitCodes) {
  auto clean = RunGongkai({"report", "check", Data("seed_2024_zhangshu.txt")});
  EXPECT_EQ(clean.exit_code, 0) << clean.out << clean.err;
  auto findings = RunGongkai({"report", "check", Data("messy_2023_2021format.html")});
  EXPECT_EQ(findings.exit_code, 1);
  EXPECT_TRUE(Has(findings.out, "[警告] R8.3 正文第一部分称收到申请 8 件")) << findings.out;
  std::string dir = MakeTempDir();
  WriteFile(dir + "/junk.bin", std::string("\x00\x01\x02junk", 7));
  auto junk = RunGongkai({"report", "check", dir + "/junk.bin"});
  EXPECT_EQ(junk.exit_code, 2);
  EXPECT_TRUE(Has(junk.err, "错误：")) << junk.err;
  EXPECT_TRUE(Has(junk.err, "二进制")) << junk.err;
  auto missing = RunGongkai({"report", "check", dir + "/nope.txt"});
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_TRUE(Has(missing.err, "错误：文件或目录不存在")) << missing.err;
  auto usage = RunGongkai({"report", "render", Data("seed_2024_zhangshu.txt"), "--to", "pdf"});
  EXPECT_EQ(usage.exit_code, 2);
  EXPECT_TRUE(Has(usage.err, "错误：未知的输出格式“pdf”")) << usage.err;
}

TEST(ReportCliTest, GenerateThenBatchCheckWithSummaries) {
  std::string dir = MakeTempDir();
  auto gen =
      RunGongkai({"report", "generate", "--count", "25", "--out", dir + "/in", "--seed", "3"});
  ASSERT_EQ(gen.exit_code, 0) << gen.err;
  auto check =
      RunGongkai({"report", "check", dir + "/in", "--jobs", "2", "--summary-dir", dir + "/sum"});
  EXPECT_EQ(check.exit_code, 0) << check.out << check.err;
  EXPECT_TRUE(Has(check.out, "共核查 25 个文件：无问题 25 个")) << check.out;
  EXPECT_TRUE(Has(ReadFile(dir + "/sum/summary.csv"), "path,readable,format"));
  EXPECT_TRUE(Has(ReadFile(dir + "/sum/summary.json"), "\"clean\": 25"));
  EXPECT_TRUE(Has(ReadFile(dir + "/sum/summary.html"), "年度报告批量核查结果"));
  // A broken file among them: exit 1, and the chart names the rule.
  std::string text = ReadFile(dir + "/in/report_000001.txt");
  size_t at = text.find("（一）予以公开\t");
  ASSERT_NE(at, std::string::npos);
  text.replace(at + std::string("（一）予以公开\t").size(), 1, "9");
  WriteFile(dir + "/in/report_000001.txt", text);
  auto bad = RunGongkai({"report", "check", dir + "/in", "--summary-dir", dir + "/sum2", "-q"});
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_TRUE(Has(ReadFile(dir + "/sum2/summary.html"), "<svg"));
  EXPECT_TRUE(Has(ReadFile(dir + "/sum2/summary.csv"), "R2×1 R3×1"));
}

TEST(ReportCliTest, RenderEveryFormatAndSum) {
  std::string dir = MakeTempDir();
  for (const char* to : {"html", "txt", "md", "json", "pipe", "docx", "xlsx"}) {
    std::string out = dir + "/seed." + to;
    auto r =
        RunGongkai({"report", "render", Data("seed_2024_zhangshu.txt"), "--to", to, "-o", out});
    EXPECT_EQ(r.exit_code, 0) << to << r.err;
    EXPECT_GT(std::filesystem::file_size(out), 1000u) << to;
    // Every form, DOCX and XLSX included, reads back and checks clean.
    auto back = RunGongkai({"report", "check", out});
    EXPECT_EQ(back.exit_code, 0) << to << back.out << back.err;
  }
  for (const char* to : {"docx", "xlsx"}) {
    auto parsed = RunGongkai({"report", "parse", dir + "/seed." + to, "--from", to});
    EXPECT_EQ(parsed.exit_code, 0) << to << parsed.err;
    EXPECT_TRUE(Has(parsed.out, "行政许可\t54")) << to << parsed.out;
  }
  WriteFile(dir + "/other.zip", ReadFile(dir + "/seed.docx"));
  auto wrong = RunGongkai({"report", "parse", dir + "/other.zip", "--from", "xlsx"});
  EXPECT_EQ(wrong.exit_code, 2);
  EXPECT_TRUE(Has(wrong.err, "不是 XLSX 文件")) << wrong.err;
  EXPECT_TRUE(Has(ReadFile(dir + "/seed.html"), "rowspan=\"22\""));
  auto gen =
      RunGongkai({"report", "generate", "--count", "8", "--out", dir + "/g", "--forms", "json"});
  ASSERT_EQ(gen.exit_code, 0);
  // Generated years differ, so sum two of the same year or expect a clear refusal.
  auto sum =
      RunGongkai({"report", "sum", dir + "/g/report_000000.json", dir + "/g/report_000000.json",
                  "--agency", "某市", "-o", dir + "/sum.json"});
  EXPECT_EQ(sum.exit_code, 0) << sum.err;
  EXPECT_TRUE(Has(sum.err, "已汇总 2 份报告"));
  EXPECT_TRUE(Has(ReadFile(dir + "/sum.json"), "\"agency\": \"某市\""));
}

TEST(ReportCliTest, CrossYearWithPrevious) {
  std::string dir = MakeTempDir();
  // Last year's report carried 2 applications of 自然人 into this year; this year says 0.
  std::string json = RunGongkai({"report", "parse", Data("seed_2024_zhangshu.txt"), "--json"}).out;
  std::string prev = json;
  size_t at = prev.find("\"id\": \"4\"");
  ASSERT_NE(at, std::string::npos);
  size_t vals = prev.find("\"values\": [", at);
  ASSERT_NE(vals, std::string::npos);
  size_t first = prev.find('0', vals);
  prev.replace(first, 1, "2");  // 四、结转下年度继续办理 · 自然人 = 2 in the 2023 report
  prev.replace(prev.find("\"year\": 2024"), 12, "\"year\": 2023");
  WriteFile(dir + "/2023.json", prev);
  auto r = RunGongkai(
      {"report", "check", Data("seed_2024_zhangshu.txt"), "--previous", dir + "/2023.json"});
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  EXPECT_TRUE(
      Has(r.out,
          "[警告] R8.1 二、上年结转政府信息公开申请数量 · 自然人：本年上年结转(0) ≠ 上年报告 "
          "四、结转下年度继续办理(2)"))
      << r.out;
}

TEST(ReportCliTest, ParseOfAnIncompleteReportExitsOne) {
  std::string dir = MakeTempDir();
  std::string seed = ReadFile(Data("seed_2024_zhangshu.txt"));
  WriteFile(dir + "/cut.txt", seed.substr(0, seed.size() * 4 / 5));
  auto r = RunGongkai({"report", "parse", dir + "/cut.txt"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_TRUE(Has(r.out, "完整：否")) << r.out;
  EXPECT_TRUE(Has(r.err, "[错误] I3 ")) << r.err;
}

TEST(ReportCliTest, PdfReportsParseCheckAndBatch) {
  auto parse = RunGongkai({"report", "parse", Data("sample_101_huaian_2024.pdf")});
  EXPECT_EQ(parse.exit_code, 0) << parse.err;
  EXPECT_TRUE(Has(parse.out, "格式：pdf")) << parse.out;
  EXPECT_TRUE(Has(parse.out, "机关：淮安市人民政府"));
  EXPECT_TRUE(Has(parse.out, "一、本年新收政府信息公开申请数量\t3001\t53\t0\t0\t61\t4\t3119"));
  EXPECT_TRUE(Has(parse.out, "72\t64\t178\t37\t351\t13\t4\t8\t1\t26\t12\t1\t1\t6\t20"));
  // --explain: where each figure was read (page, line on it, cell in the rebuilt row).
  auto explain = RunGongkai({"report", "parse", Data("sample_101_huaian_2024.pdf"), "--explain"});
  EXPECT_EQ(explain.exit_code, 0);
  EXPECT_TRUE(
      Has(explain.out, "\n一、本年新收政府信息公开申请数量 · 总计 = 3119 ← 第4页第15行第8格\n"))
      << explain.out;
  EXPECT_TRUE(Has(explain.out, "\n四、行政复议 · 总计 = 351 ← 第5页第31行第5格\n"));
  // A folder of PDFs: two copies read and clean, one cut short refused with its reason.
  std::string dir = MakeTempDir();
  std::string pdf = ReadFile(Data("sample_101_huaian_2024.pdf"));
  WriteFile(dir + "/a.pdf", pdf);
  WriteFile(dir + "/b.pdf", pdf);
  WriteFile(dir + "/c.pdf", pdf.substr(0, pdf.size() / 2));
  auto check = RunGongkai({"report", "check", dir});
  EXPECT_EQ(check.exit_code, 2) << check.out << check.err;
  EXPECT_TRUE(Has(check.out, "共核查 3 个文件：无问题 2 个，有问题 0 个，无法读取 1 个"))
      << check.out;
  EXPECT_TRUE(Has(check.err, "c.pdf：PDF 文件已损坏、不完整或已加密，无法打开")) << check.err;
  auto one = RunGongkai({"report", "check", dir + "/c.pdf"});
  EXPECT_EQ(one.exit_code, 2);
}

TEST(ReportCliTest, RunTogetherScrapeSaysWhatItCouldNotSplit) {
  auto parse = RunGongkai({"report", "parse", Data("sample_102_pingtan_2022.txt")});
  EXPECT_EQ(parse.exit_code, 1) << parse.err;
  EXPECT_TRUE(Has(parse.out, "一、本年新收政府信息公开申请数量\t71\t3\t0\t0\t0\t0\t74"))
      << parse.out;
  EXPECT_TRUE(Has(parse.err + parse.out, "I5 第10行第2364字：二、行政规范性文件 的数字“8855698”"))
      << parse.err;
}

TEST(ReportCliTest, GeneratedRunTogetherTextIsCheckedWithItsAmbiguities) {
  std::string dir = MakeTempDir();
  auto gen = RunGongkai(
      {"report", "generate", "--count", "8", "--out", dir, "--seed", "5", "--forms", "run"});
  ASSERT_EQ(gen.exit_code, 0) << gen.err;
  std::string text = ReadFile(dir + "/report_000000.run.txt");
  EXPECT_TRUE(Has(text, "一、本年新收政府信息公开申请数量")) << text.substr(0, 400);
  EXPECT_EQ(text.find('\t'), std::string::npos);
  auto check = RunGongkai({"report", "check", dir, "-q"});
  EXPECT_EQ(check.exit_code, 1) << check.out << check.err;  // 表二 rows left ambiguous (I5)
  EXPECT_TRUE(Has(check.out, "共核查 8 个文件：")) << check.out;
  EXPECT_TRUE(Has(check.out, "无法读取 0 个")) << check.out;
}

TEST(ReportCliTest, CheckSeparatesThePublishersMistakesFromWhatCouldNotBeRead) {
  // 沭阳 2023 leaves the 法人或其他组织 cells empty instead of 0: the publisher's, 25 rows × 5.
  auto own = RunGongkai({"report", "check", Data("sample_104_shuyang_fgj_2023.html")});
  EXPECT_EQ(own.exit_code, 1);
  EXPECT_TRUE(Has(own.out, "sample_104_shuyang_fgj_2023.html：报告本身的问题（125 条）：\n"))
      << own.out;
  EXPECT_FALSE(Has(own.out, "未能读取的内容"));
  // 上海 2025 as a broken Markdown conversion: what is missing is the importer's, not a mistake
  // of the report (its sums hold wherever all cells were read).
  auto unread = RunGongkai({"report", "check", Data("sample_103_shanghai_bgt_2025.md")});
  EXPECT_EQ(unread.exit_code, 1);
  EXPECT_TRUE(Has(unread.out,
                  "sample_103_shanghai_bgt_2025.md：未能读取的内容（53 条，是导入时读不出，"
                  "不一定是报告的错误，请对照原文件核对）：\n"))
      << unread.out;
  EXPECT_FALSE(Has(unread.out, "报告本身的问题"));
  EXPECT_TRUE(
      Has(unread.out, "[错误] I1 表格2第1行第2格：二、规章 一行有 3 列，却只有 2 个单元格"));
}

}  // namespace
}  // namespace gongkai

// Importer details beyond the forms: the agency named only in the text, a 法人或其他组织 小计
// column in table 三, narrative figures written in Chinese numerals, and the Document's cells as
// views (what the fast paths must keep).
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "report/document.h"
#include "report/generator.h"
#include "report/import.h"
#include "report/render.h"
#include "report/report_test_util.h"
#include "report/text_util.h"
#include "report/validate.h"

namespace gongkai::report {
namespace {

using testing::MustImport;
using testing::ReadTestData;

TEST(AgencyFromTextTest, SeedWithoutTitleNamesItsAgencyInThePreamble) {
  // "由市工信局结合……" and "请与樟树市工信局联系": the two agree, the longer is taken.
  auto res = MustImport(ReadTestData("seed_2024_zhangshu.txt"));
  EXPECT_EQ(res.report.agency, "樟树市工信局");
  EXPECT_TRUE(res.issues.empty());
}

TEST(AgencyFromTextTest, OnlyUnambiguousNames) {
  EXPECT_EQ(AgencyFromText("", "现将某县财政局2024年政府信息公开工作年度报告公布如下。"),
            "某县财政局");
  EXPECT_EQ(AgencyFromText("", "现将《某县财政局2024年度政府信息公开工作年度报告》公布。"),
            "某县财政局");
  EXPECT_EQ(AgencyFromText("本报告由某县财政局编制。", ""), "某县财政局");
  // Two different agencies: never guess.
  EXPECT_EQ(AgencyFromText("本报告由某县财政局编制。如有疑问，请与某县人民政府办公室联系。", ""),
            "");
  // "本机关" / "我局" name nobody.
  EXPECT_EQ(AgencyFromText("如对本报告有任何疑问，请与本机关联系。", "2024年我局坚持……"), "");
  // A title after 的 is cut at 的; text without an institution word is not a name.
  EXPECT_EQ(AgencyFromText("这是依法编制的某市统计局2023年度政府信息公开工作年度报告。", ""),
            "某市统计局");
  EXPECT_EQ(AgencyFromText("由于工作需要结合实际", ""), "");
}

TEST(AgencyFromTextTest, TitleLineStillWins) {
  AnnualReport r = GenerateReport(3, TemplateVersion::k2021);
  r.preamble = "本报告由另一个局编制。";
  auto res = MustImport(RenderText(r));
  EXPECT_EQ(res.report.agency, r.agency);
}

// Adds a 小计 column after 其他 to table 三 of a plain-text rendering; `bad_row` (0-based data
// row) gets a subtotal one too high.
std::string WithSubtotalColumn(const std::string& text, int bad_row) {
  std::istringstream in(text);
  std::ostringstream out;
  std::string line;
  bool in_table3 = false;
  int data_row = 0;
  while (std::getline(in, line)) {
    bool heading = line.find('\t') == std::string::npos;
    if (heading && line.rfind("三、", 0) == 0) in_table3 = true;
    if (heading && line.rfind("四、", 0) == 0) in_table3 = false;
    if (in_table3 && line.find('\t') != std::string::npos) {
      std::vector<std::string> cells;
      size_t start = 0;
      for (size_t tab; (tab = line.find('\t', start)) != std::string::npos; start = tab + 1) {
        cells.push_back(line.substr(start, tab - start));
      }
      cells.push_back(line.substr(start));
      bool data = !cells.back().empty() && cells.back()[0] >= '0' && cells.back()[0] <= '9';
      if (data) {
        int64_t sum = 0;
        for (size_t k = cells.size() - 6; k < cells.size() - 1; ++k) sum += std::stoll(cells[k]);
        if (data_row++ == bad_row) ++sum;
        cells.insert(cells.end() - 1, std::to_string(sum));
      } else {
        for (size_t k = 0; k < cells.size(); ++k) {
          if (cells[k] == "其他") {
            cells.insert(cells.begin() + k + 1, "小计");
            break;
          }
        }
      }
      line.clear();
      for (size_t k = 0; k < cells.size(); ++k) line += (k ? "\t" : "") + cells[k];
    }
    out << line << '\n';
  }
  return out.str();
}

TEST(ImportSubtotalTest, SubtotalColumnIsReadAndChecked) {
  AnnualReport r = GenerateReport(7, TemplateVersion::k2021);
  std::string text = WithSubtotalColumn(RenderText(r), 2);
  ASSERT_NE(text.find("其他\t小计"), std::string::npos);
  auto res = MustImport(text);
  EXPECT_TRUE(res.complete);
  EXPECT_TRUE(res.report == r) << RenderJson(res.report);
  ASSERT_EQ(res.issues.size(), 1u);
  const Finding& f = res.issues[0];
  EXPECT_EQ(f.rule, "I4");
  const ReportTemplate& t = GetTemplate(r.version);
  const Table3Line& row = r.table3[2];
  int64_t sum = *row[1] + *row[2] + *row[3] + *row[4] + *row[5];
  EXPECT_EQ(f.message, t.Table3RowName(2) + " · 法人或其他组织小计：小计 = " +
                           std::to_string(sum + 1) + "，而 商业企业(" + std::to_string(*row[1]) +
                           ") + 科研机构(" + std::to_string(*row[2]) + ") + 社会公益组织(" +
                           std::to_string(*row[3]) + ") + 法律服务机构(" + std::to_string(*row[4]) +
                           ") + 其他(" + std::to_string(*row[5]) + ") = " + std::to_string(sum));
}

TEST(ImportSubtotalTest, ConsistentSubtotalsGiveNoFinding) {
  for (auto v : {TemplateVersion::k2021, TemplateVersion::k2019}) {
    AnnualReport r = GenerateReport(11, v);
    auto res = MustImport(WithSubtotalColumn(RenderText(r), -1));
    EXPECT_TRUE(res.complete);
    EXPECT_TRUE(res.issues.empty()) << res.issues.front().message;
    EXPECT_TRUE(res.report == r);
  }
}

TEST(NarrativeChineseNumeralsTest, ReadsChineseCounts) {
  AnnualReport r = MakeZeroReport(TemplateVersion::k2021);
  auto set_new = [&](int64_t n) {
    r.table3[0][0] = n;
    r.table3[0][6] = n;
    r.table3.back()[0] = n;
    r.table3.back()[6] = n;
  };
  struct Case {
    const char* text;
    int64_t claimed;
  };
  for (Case c : {Case{"本年度共收到政府信息公开申请十二件。", 12},
                 Case{"本年度共收到政府信息公开申请两件。", 2},
                 Case{"本年度共收到政府信息公开申请二十三件。", 23},
                 Case{"本年度共收到政府信息公开申请一百零五件。", 105},
                 Case{"本年度共收到政府信息公开申请十件。", 10},
                 Case{"本年度共收到政府信息公开申请三千零二十件。", 3020},
                 Case{"本年度共收到政府信息公开申请〇件。", 0}}) {
    r.sections[1] = c.text;
    set_new(c.claimed);
    EXPECT_TRUE(CheckReport(r).empty()) << c.text;
    set_new(c.claimed + 1);
    auto f = CheckReport(r);
    ASSERT_EQ(f.size(), 1u) << c.text;
    EXPECT_EQ(f[0].rule, "R8.3");
    EXPECT_EQ(f[0].message, "正文第二部分称收到申请 " + std::to_string(c.claimed) +
                                " 件，而 三、一、本年新收 · 总计 = " +
                                std::to_string(c.claimed + 1) + "（加上年结转 0）");
  }
  // Not a count: no number tied to 件, or a malformed numeral.
  set_new(4);
  r.sections[1] = "本年度收到的申请主要涉及第一类事项。";
  EXPECT_TRUE(CheckReport(r).empty());
  r.sections[1] = "本年度收到申请二三十件。";
  EXPECT_TRUE(CheckReport(r).empty());
}

// Cells are views (document.h): into the input for the line-based forms, into the Document's
// store for text a reader had to build. Both must survive the store growing and the Document
// moving.
TEST(DocumentTest, KeptTextStaysValidWhenTheStoreGrowsAndTheDocumentMoves) {
  Document doc;
  std::vector<std::string_view> kept;
  for (int i = 0; i < 3000; ++i) kept.push_back(doc.store.Keep(std::to_string(i) + "号单元格"));
  Document moved = std::move(doc);
  for (int i = 0; i < 3000; ++i) ASSERT_EQ(kept[i], std::to_string(i) + "号单元格") << i;
  std::string big(20000, 'x');  // larger than a block
  EXPECT_EQ(moved.store.Keep(big), big);
  EXPECT_EQ(doc.store.Keep("仍可用"), "仍可用");  // NOLINT: a moved-from store starts afresh
}

TEST(DocumentTest, PipeCellContinuedOverLinesIsJoinedAndOtherCellsPointIntoTheInput) {
  std::string input = "|\n一、总体情况 |\n|\n（一）不予公开\n1.属于国家秘密 |\n3 |\n";
  Document doc = ReadPipeForm(input);
  Document moved = std::move(doc);
  ASSERT_EQ(moved.rows.size(), 2u);
  ASSERT_EQ(moved.rows[1].cells.size(), 2u);
  EXPECT_EQ(moved.rows[1].cells[0], "（一）不予公开1.属于国家秘密");
  EXPECT_EQ(moved.rows[1].cells[1], "3");
  EXPECT_EQ(moved.rows[1].cells[1].data(), input.data() + input.find("3 |"));
}

TEST(TextUtilTest, ValidationAndTrimmingAroundWordBoundaries) {
  // ASCII is skipped a word at a time: invalid bytes at every offset after it are still found.
  for (size_t k = 0; k < 20; ++k) {
    std::string ascii(k, 'a');
    EXPECT_FALSE(IsValidUtf8(ascii + "\xFF" + "bcdefghijk")) << k;
    EXPECT_FALSE(IsValidUtf8(ascii + "\xE4\xB8")) << k;  // cut in the middle of 中
    EXPECT_TRUE(IsValidUtf8(ascii + "中文" + ascii)) << k;
  }
  EXPECT_EQ(TrimSpace("\u3000 数字 12\u00a0"), "数字 12");
  EXPECT_EQ(TrimSpace("中文"), "中文");
  EXPECT_EQ(TrimSpace("\u3000"), "");
  EXPECT_EQ(NormalizeLabel("（一） \u201c三安全\u201d\t12"), "(一)三安全12");
}

}  // namespace
}  // namespace gongkai::report

// PDF input: the published 淮安市人民政府 2024 report
// (tests/data/report/sample_101_huaian_2024.pdf, 412 KB, read by eye), and PDFs that cannot be
// read, built here byte by byte.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include "report/import.h"
#include "report/report_test_util.h"
#include "report/validate.h"

namespace gongkai::report {
namespace {

using testing::MustImport;
using testing::ReadTestData;

TEST(ReadPdfTest, HuaianPdfEveryCellAsPrinted) {
  auto res = MustImport(ReadTestData("sample_101_huaian_2024.pdf"));
  EXPECT_EQ(res.format, "pdf");
  for (const auto& f : res.issues) ADD_FAILURE() << f.message;
  EXPECT_TRUE(res.complete);
  const AnnualReport& r = res.report;
  const ReportTemplate& t = GetTemplate(r.version);
  EXPECT_EQ(r.version, TemplateVersion::k2021);
  EXPECT_EQ(r.agency, "淮安市人民政府");
  EXPECT_EQ(r.year, 2024);
  // 表二.
  EXPECT_EQ(r.table2[t.Table2CellIndex(0, 0, 0)], 1);  // 规章 1 0 11
  EXPECT_EQ(r.table2[t.Table2CellIndex(0, 0, 1)], 0);
  EXPECT_EQ(r.table2[t.Table2CellIndex(0, 0, 2)], 11);
  EXPECT_EQ(r.table2[t.Table2CellIndex(0, 1, 0)], 8);  // 行政规范性文件 8 26 66
  EXPECT_EQ(r.table2[t.Table2CellIndex(0, 1, 1)], 26);
  EXPECT_EQ(r.table2[t.Table2CellIndex(0, 1, 2)], 66);
  EXPECT_EQ(r.table2[t.Table2CellIndex(1, 0, 0)], 447228);     // 行政许可
  EXPECT_EQ(r.table2[t.Table2CellIndex(2, 0, 0)], 3985758);    // 行政处罚
  EXPECT_EQ(r.table2[t.Table2CellIndex(2, 1, 0)], 88283);      // 行政强制
  EXPECT_EQ(r.table2[t.Table2CellIndex(3, 0, 0)], 961716000);  // 96171.6 万元
  // 表三, row by row as printed (labels split over lines:
  // （二）部分公开…, 5.要求行政机关确认或重新出 具已获取信息, the （六） rows over three lines;
  // （四）无法提供 across the page break).
  const std::vector<std::array<int64_t, 7>> want = {
      {3001, 53, 0, 0, 61, 4, 3119}, {34, 0, 0, 0, 0, 0, 34},   {1288, 21, 0, 0, 50, 3, 1362},
      {447, 7, 0, 0, 0, 0, 454},     {2, 0, 0, 0, 0, 0, 2},     {30, 1, 0, 0, 0, 0, 31},
      {5, 0, 0, 0, 0, 0, 5},         {6, 0, 0, 0, 0, 0, 6},     {7, 1, 0, 0, 0, 0, 8},
      {12, 0, 0, 0, 0, 0, 12},       {9, 0, 0, 0, 0, 0, 9},     {105, 0, 0, 0, 0, 0, 105},
      {746, 12, 0, 0, 10, 1, 769},   {11, 0, 0, 0, 0, 0, 11},   {1, 0, 0, 0, 0, 0, 1},
      {56, 6, 0, 0, 0, 0, 62},       {25, 0, 0, 0, 0, 0, 25},   {0, 0, 0, 0, 0, 0, 0},
      {0, 0, 0, 0, 0, 0, 0},         {1, 0, 0, 0, 0, 0, 1},     {67, 3, 0, 0, 1, 0, 71},
      {6, 0, 0, 0, 0, 0, 6},         {108, 2, 0, 0, 0, 0, 110}, {2932, 53, 0, 0, 61, 4, 3050},
      {103, 0, 0, 0, 0, 0, 103}};
  ASSERT_EQ(r.table3.size(), want.size());
  for (size_t i = 0; i < want.size(); ++i) {
    for (int c = 0; c < kTable3Columns; ++c) {
      EXPECT_EQ(r.table3[i][c], want[i][c]) << t.Table3RowName(i) << " · " << t.table3_columns[c];
    }
  }
  const std::array<int64_t, 15> t4 = {72, 64, 178, 37, 351, 13, 4, 8, 1, 26, 12, 1, 1, 6, 20};
  for (int c = 0; c < kTable4Columns; ++c) EXPECT_EQ(r.table4[c], t4[c]) << t.Table4ColumnName(c);
  // Prose: page numbers (-3-) dropped, lines wrapped at the margin joined, across pages too.
  EXPECT_NE(r.sections[4].find("还有一些需要加强和改进的地方。主要表现在"), std::string::npos)
      << r.sections[4];
  EXPECT_EQ(r.sections[1].find("-3-"), std::string::npos);
  EXPECT_NE(r.sections[5].find("全年收取政府信息公开信息处理费 3940 元"), std::string::npos);
  // The report's own arithmetic holds: nothing for the checks to say but the narrative.
  for (const auto& f : CheckReport(r)) {
    EXPECT_NE(f.severity, Severity::kError) << f.message;
  }
}

// A generated report with two cells left empty (一 · 商业企业, （二） · 总计), rendered by our HTML
// renderer and printed to PDF by headless Chromium (a different PDF writer: labels centred in
// their cells, glyph boxes as tall as the line): it reads back to the same tables as its JSON,
// the empty cells empty, each number under its own column.
TEST(ReadPdfTest, ChromiumPrintedReportReadsBackToItsJsonWithEmptyCells) {
  auto pdf = MustImport(ReadTestData("generated_2021_empty_cells_chromium.pdf"));
  auto json = MustImport(ReadTestData("generated_2021_empty_cells.json"));
  EXPECT_EQ(pdf.format, "pdf");
  EXPECT_TRUE(pdf.complete);
  for (const auto& f : pdf.issues) ADD_FAILURE() << f.message;
  EXPECT_EQ(pdf.report.agency, "宜丰县交通运输局（样例0）");
  EXPECT_EQ(pdf.report.year, json.report.year);
  EXPECT_EQ(pdf.report.table2, json.report.table2);
  EXPECT_EQ(pdf.report.table3, json.report.table3);
  EXPECT_EQ(pdf.report.table4, json.report.table4);
  const std::array<Value, 7> first = {39, std::nullopt, 20, 34, 38, 32, 192};
  EXPECT_EQ(pdf.report.table3[0], first);
  EXPECT_FALSE(pdf.report.table3[3][6]);
  EXPECT_EQ(pdf.report.table3[3][3], 3);
}

// A minimal PDF: the given page content streams, an optional extra trailer entry, and a correct
// cross-reference table.
std::string MakePdf(const std::vector<std::string>& contents, const std::string& trailer_extra = "",
                    const std::string& extra_objects = "") {
  std::vector<std::string> objects;
  std::string kids;
  int n = static_cast<int>(contents.size());
  for (int i = 0; i < n; ++i) kids += fmt::format("{} 0 R ", 3 + 2 * i);
  objects.push_back("<< /Type /Catalog /Pages 2 0 R >>");
  objects.push_back(fmt::format("<< /Type /Pages /Kids [{}] /Count {} >>", kids, n));
  for (int i = 0; i < n; ++i) {
    objects.push_back(fmt::format(
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents {} 0 R /Resources << "
        "/Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >> >>",
        4 + 2 * i));
    objects.push_back(
        fmt::format("<< /Length {} >>\nstream\n{}\nendstream", contents[i].size(), contents[i]));
  }
  if (!extra_objects.empty()) objects.push_back(extra_objects);
  std::string pdf = "%PDF-1.4\n";
  std::vector<size_t> offsets;
  for (size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(pdf.size());
    pdf += fmt::format("{} 0 obj\n{}\nendobj\n", i + 1, objects[i]);
  }
  size_t xref = pdf.size();
  pdf += fmt::format("xref\n0 {}\n0000000000 65535 f \n", objects.size() + 1);
  for (size_t o : offsets) pdf += fmt::format("{:010} 00000 n \n", o);
  pdf += fmt::format("trailer\n<< /Size {} /Root 1 0 R {}>>\nstartxref\n{}\n%%EOF\n",
                     objects.size() + 1, trailer_extra, xref);
  return pdf;
}

std::string ImportError(const std::string& bytes) {
  auto r = ImportReport(bytes);
  EXPECT_FALSE(r.ok());
  return r.ok() ? "" : r.status().UserMessage();
}

TEST(ReadPdfTest, ImageOnlyPdfIsNamedAsSuchNoOcr) {
  // A page that only paints (a scan would paint an image): no text layer at all.
  std::string pdf = MakePdf({"0 0 1 rg 10 10 500 800 re f"});
  EXPECT_EQ(ImportError(pdf),
            "这个 PDF 没有文字层（扫描件或图片），无法读取其中的表格；gongkai 不做文字识别（OCR），"
            "请向发布机关索取可复制文字的 PDF，或先用 OCR 软件转换为文本");
}

TEST(ReadPdfTest, EncryptedTruncatedAndHugePdfsAreRefusedInChinese) {
  // Encrypted with a user password (the standard handler, RC4 40-bit): the empty password does
  // not open it.
  std::string key(32, 'A');
  std::string encrypted =
      MakePdf({"BT /F1 12 Tf 72 720 Td (x) Tj ET"},
              "/Encrypt " + std::to_string(5) +
                  " 0 R /ID [<0123456789abcdef0123456789abcdef> "
                  "<0123456789abcdef0123456789abcdef>] ",
              "<< /Filter /Standard /V 1 /R 2 /O (" + key + ") /U (" + key + ") /P -4 >>");
  EXPECT_EQ(ImportError(encrypted),
            "PDF 文件已加密，需要密码才能打开；请先另存为未加密的 PDF 再导入");
  // Cut: the cross-reference table and the trailer are gone.
  std::string sample = ReadTestData("sample_101_huaian_2024.pdf");
  for (size_t size : {size_t{600}, sample.size() * 2 / 3}) {
    EXPECT_EQ(ImportError(sample.substr(0, size)),
              "PDF 文件已损坏、不完整或已加密，无法打开（若有密码，请先另存为未加密的 PDF）")
        << size;
  }
  // Too many pages.
  std::vector<std::string> pages(kPdfMaxPages + 1, "0 0 1 rg 10 10 5 5 re f");
  EXPECT_EQ(ImportError(MakePdf(pages)),
            fmt::format("PDF 文件有 {} 页，超过 {} 页的上限，不像是一份年度报告，拒绝读取",
                        kPdfMaxPages + 1, kPdfMaxPages));
  // Too many bytes: refused before parsing.
  std::string big = "%PDF-1.4\n" + std::string(kPdfMaxBytes, ' ');
  EXPECT_EQ(ImportError(big), "PDF 文件有 64.0 MB，超过 64 MB 的上限，拒绝读取");
}

}  // namespace
}  // namespace gongkai::report

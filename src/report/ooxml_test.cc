// XLSX/DOCX import beyond the round trip: damaged packages, zip bombs, agency-style variations.
#include "report/ooxml.h"

#include <gtest/gtest.h>
#include <zip.h>

#include <map>

#include "report/generator.h"
#include "report/import.h"
#include "report/render.h"

namespace gongkai::report {
namespace {

// A ZIP holding `parts` (stored deflated), as bytes.
std::string MakeZip(const std::map<std::string, std::string>& parts) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* src = zip_source_buffer_create(nullptr, 0, 0, &error);
  zip_t* za = zip_open_from_source(src, ZIP_TRUNCATE, &error);
  zip_source_keep(src);
  for (const auto& [name, data] : parts) {
    zip_source_t* s = zip_source_buffer(za, data.data(), data.size(), 0);
    zip_file_add(za, name.c_str(), s, ZIP_FL_ENC_UTF_8);
  }
  zip_close(za);
  std::string out;
  zip_stat_t st;
  if (zip_source_stat(src, &st) == 0 && zip_source_open(src) == 0) {
    out.resize(st.size);
    out.resize(static_cast<size_t>(zip_source_read(src, out.data(), st.size)));
    zip_source_close(src);
  }
  zip_source_free(src);
  return out;
}

std::string DocumentXml(const std::string& docx) {
  auto pkg = ZipPackage::Open(docx);
  EXPECT_TRUE(pkg.ok());
  auto xml = pkg->Read("word/document.xml");
  EXPECT_TRUE(xml.ok());
  return *xml;
}

std::string Error(std::string_view bytes, InputFormat f = InputFormat::kAuto) {
  auto r = ImportReport(bytes, f);
  EXPECT_FALSE(r.ok());
  return r.ok() ? "" : r.status().UserMessage();
}

bool Has(const std::string& s, const std::string& w) { return s.find(w) != std::string::npos; }

TEST(OoxmlTest, DamagedOrForeignPackagesAreClearChineseErrors) {
  EXPECT_TRUE(Has(Error("PK\x03\x04garbage"), "已损坏")) << Error("PK\x03\x04garbage");
  std::string other = MakeZip({{"a.txt", "hello"}});
  EXPECT_TRUE(Has(Error(other), "既不是 XLSX")) << Error(other);
  EXPECT_TRUE(Has(Error(other, InputFormat::kDocx), "不是 DOCX 文件"));
  std::string bad_xml = MakeZip({{"word/document.xml", "<w:document><w:body><w:p>"}});
  EXPECT_TRUE(Has(Error(bad_xml), "不是有效的 XML")) << Error(bad_xml);
  std::string dtd = MakeZip(
      {{"word/document.xml", "<!DOCTYPE x [<!ENTITY a \"aaaa\">]><w:document>&a;</w:document>"}});
  EXPECT_TRUE(Has(Error(dtd), "不是有效的 XML")) << Error(dtd);
}

TEST(OoxmlTest, ZipBombIsRefused) {
  std::string big(ZipPackage::kMaxEntryBytes + 1024, ' ');
  std::string bomb = MakeZip({{"word/document.xml", big}});
  ASSERT_LT(bomb.size(), size_t{1} << 20);  // deflated to well under 1 MB
  EXPECT_TRUE(Has(Error(bomb), "压缩炸弹")) << Error(bomb);
}

TEST(OoxmlTest, DocxOfTheSameTemplateWithAgencyVariations) {
  AnnualReport r = GenerateReport(3, TemplateVersion::k2021);
  auto docx = RenderDocx(r);
  ASSERT_TRUE(docx.ok());
  std::string xml = DocumentXml(*docx);
  auto replace_all = [&xml](const std::string& from, const std::string& to) {
    for (size_t p = xml.find(from); p != std::string::npos; p = xml.find(from, p + to.size())) {
      xml.replace(p, from.size(), to);
    }
  };
  // Half-width brackets, a label broken by a line break and split into runs, spaces inside.
  replace_all("（", "(");
  replace_all("）", ")");
  replace_all("商业企业", "商业</w:t></w:r><w:r><w:br/><w:t>企 业");
  replace_all("行政许可", "行政</w:t></w:r><w:r><w:t xml:space=\"preserve\"> 许可");
  // Deleted text and field codes are not text.
  replace_all("<w:body>", "<w:body><w:p><w:del><w:r><w:delText>99</w:delText></w:r></w:del></w:p>");
  auto back = ImportReport(MakeZip({{"word/document.xml", xml}}));
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(back->format, "docx");
  EXPECT_TRUE(back->complete) << (back->issues.empty() ? "" : back->issues.front().message);
  EXPECT_TRUE(back->report.table2 == r.table2);
  EXPECT_TRUE(back->report.table3 == r.table3);
  EXPECT_TRUE(back->report.table4 == r.table4);
}

TEST(OoxmlTest, HandWrittenXlsxWithInlineStringsAndFloatNoise) {
  // One sheet, the way a spreadsheet program saves a report: no shared strings, merged label
  // columns empty, a number with binary noise, cells without r attributes.
  auto is = [](const std::string& t) {
    return "<c t=\"inlineStr\"><is><r><t>" + t + "</t></r></is></c>";
  };
  std::string sheet =
      "<?xml version=\"1.0\"?><worksheet><sheetData>"
      "<row r=\"1\">" +
      is("二、主动公开政府信息情况") +
      "</row>"
      "<row r=\"3\">" +
      is("第二十条第(一)项") +
      "</row>"
      "<row r=\"4\">" +
      is("信息内容") + is("本年制发件数") + is("本年废止件数") + is("现行有效件数") +
      "</row><row r=\"5\">" + is("规 章") +
      "<c><v>2.0000000000000004</v></c><c><v>1</v></c>"
      "<c r=\"D5\"><v>7</v></c></row></sheetData></worksheet>";
  std::string workbook =
      "<workbook xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
      "<sheets><sheet name=\"表\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
  std::string rels =
      "<Relationships><Relationship Id=\"rId1\" Target=\"worksheets/s.xml\"/></Relationships>";
  auto back = ImportReport(MakeZip({{"xl/workbook.xml", workbook},
                                    {"xl/_rels/workbook.xml.rels", rels},
                                    {"xl/worksheets/s.xml", sheet}}));
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(back->format, "xlsx");
  const ReportTemplate& t = GetTemplate(TemplateVersion::k2021);
  int base = t.Table2CellIndex(0, 0, 0);
  EXPECT_EQ(back->report.table2[base], 2);
  EXPECT_EQ(back->report.table2[base + 1], 1);
  EXPECT_EQ(back->report.table2[base + 2], 7);
}

}  // namespace
}  // namespace gongkai::report

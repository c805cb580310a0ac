#include "publishing/text_extract.h"

#include <gtest/gtest.h>

#include "report/ooxml.h"
#include "report/report_test_util.h"

namespace gongkai::publishing {
namespace {

std::string Zip(std::vector<report::ZipEntry> entries) { return report::WriteZip(entries).value(); }

constexpr char kWordNs[] =
    "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>";

TEST(ExtractTextTest, DocxParagraphsRunsTabsAndBreaks) {
  std::string doc = std::string(kWordNs) +
                    "<w:p><w:r><w:t>关于印发</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>工作要点"
                    "</w:t></w:r><w:r><w:t xml:space=\"preserve\">的通知 </w:t></w:r></w:p>"
                    "<w:p><w:r><w:t>一、</w:t><w:tab/><w:t>总体</w:t><w:br/><w:t>要求&amp;目标"
                    "</w:t></w:r></w:p><w:tbl><w:tr><w:tc><w:p><w:r><w:t>格</w:t></w:r></w:p>"
                    "</w:tc></w:tr></w:tbl></w:body></w:document>";
  auto text = ExtractText(FileKind::kDocx,
                          Zip({{"[Content_Types].xml", "<Types/>"}, {"word/document.xml", doc}}));
  ASSERT_TRUE(text.ok()) << text.status().ToString();
  EXPECT_EQ(*text, "关于印发工作要点的通知 \n一、\t总体\n要求&目标\n格");
}

TEST(ExtractTextTest, XlsxSharedAndInlineStringsAndGaps) {
  std::string shared =
      "<sst><si><t>栏目</t></si><si><r><t>条</t></r><r><t>数</t></r></si>"
      "<si><t>工作动态</t><rPh><t>ごう</t></rPh></si></sst>";
  std::string sheet1 =
      "<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\">"
      "<v>1</v></c></row><row r=\"2\"><c r=\"A2\" t=\"s\"><v>2</v></c><c r=\"C2\"><v>49</v></c>"
      "</row><row r=\"3\"/></sheetData></worksheet>";
  std::string sheet2 =
      "<worksheet><sheetData><row><c t=\"inlineStr\"><is><t>合计</t></is></c><c><v>91</v></c>"
      "</row></sheetData></worksheet>";
  auto text = ExtractText(FileKind::kXlsx, Zip({{"[Content_Types].xml", "<Types/>"},
                                                {"xl/workbook.xml", "<workbook/>"},
                                                {"xl/sharedStrings.xml", shared},
                                                {"xl/worksheets/sheet1.xml", sheet1},
                                                {"xl/worksheets/sheet2.xml", sheet2}}));
  ASSERT_TRUE(text.ok()) << text.status().ToString();
  EXPECT_EQ(*text, "栏目\t条数\n工作动态\t\t49\n\n合计\t91");
}

TEST(ExtractTextTest, PdfTextLayer) {
  auto text =
      ExtractText(FileKind::kPdf, report::testing::ReadTestData("sample_101_huaian_2024.pdf"));
  ASSERT_TRUE(text.ok()) << text.status().ToString();
  EXPECT_TRUE(text->starts_with("淮安市人民政府")) << text->substr(0, 300);
  EXPECT_NE(text->find("2024 年政府信息公开工作年度报告"), std::string::npos);
  EXPECT_NE(text->find("电话：0517-83605210"), std::string::npos);
}

TEST(ExtractTextTest, ImagesAndOleHaveNoText) {
  EXPECT_EQ(ExtractText(FileKind::kPng, "\x89PNG\r\n\x1a\n").value(), "");
  EXPECT_EQ(ExtractText(FileKind::kDoc, "\xD0\xCF\x11\xE0").value(), "");
}

TEST(ExtractTextTest, RefusesBrokenFilesAndZipBombs) {
  auto pdf = ExtractText(FileKind::kPdf, "%PDF-1.4 garbage");
  ASSERT_FALSE(pdf.ok());
  EXPECT_EQ(pdf.status().UserMessage(), "PDF 文件无法读取：已损坏、不完整或已加密");
  auto xml = ExtractText(FileKind::kDocx, Zip({{"word/document.xml", "<w:document><w:p>"}}));
  ASSERT_FALSE(xml.ok());
  EXPECT_TRUE(xml.status().UserMessage().starts_with(
      "Office 文件无法读取：word/document.xml 不是有效的 XML"))
      << xml.status().UserMessage();
  // 65 MB of zeros deflate to about 64 KB: refused by the 64 MB cap, never fully inflated.
  std::string bomb = Zip({{"word/document.xml", std::string(size_t{65} << 20, ' ')}});
  ASSERT_LT(bomb.size(), size_t{1} << 20);
  auto big = ExtractText(FileKind::kDocx, bomb);
  ASSERT_FALSE(big.ok());
  EXPECT_EQ(big.status().UserMessage(),
            "压缩包中的 word/document.xml 解压后超过 64 MB（可能是压缩炸弹），拒绝读取");
}

}  // namespace
}  // namespace gongkai::publishing

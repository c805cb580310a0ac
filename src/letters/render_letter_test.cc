#include <gtest/gtest.h>

#include "letters/letter.h"
#include "letters/letters_test_util.h"
#include "report/ooxml.h"

namespace gongkai::letters {
namespace {

using applications::OutcomeRow;
using testing::SampleAgency;
using testing::SampleApplication;
using testing::SampleInputs;
using testing::TinyPng;

Letter HostileLetter() {
  auto app = SampleApplication();
  app.contact.name = "<script>alert(1)</script>";
  LetterInputs in = SampleInputs();
  in.outcomes = {OutcomeRow::kNotHeld};
  in.other_agency = "A&B \"局\"";
  return BuildLetter(LetterKind::kNotice, app, SampleAgency(), in).value();
}

size_t Count(const std::string& haystack, const std::string& needle) {
  size_t n = 0;
  for (size_t pos = haystack.find(needle); pos != std::string::npos;
       pos = haystack.find(needle, pos + 1)) {
    ++n;
  }
  return n;
}

TEST(RenderLetterHtmlTest, EscapesTheApplicantAndDrawsAnEmptySealSlot) {
  std::string html = RenderLetterHtml(HostileLetter(), Seal{}).value();
  EXPECT_EQ(html.find("<script>"), std::string::npos);
  EXPECT_NE(html.find("<p class=\"salutation\">&lt;script&gt;alert(1)&lt;/script&gt;：</p>"),
            std::string::npos);
  EXPECT_NE(html.find("由A&amp;B &quot;局&quot;负责公开"), std::string::npos);
  EXPECT_NE(html.find("<h1>樟树市工业和信息化局<br>政府信息公开申请告知书</h1>"),
            std::string::npos);
  EXPECT_NE(html.find("<p class=\"number\">樟工信依申告〔2024〕3号</p>"), std::string::npos);
  EXPECT_NE(html.find("<div class=\"seal-slot\">（印章）</div>"), std::string::npos);
  EXPECT_EQ(html.find("<img"), std::string::npos);
  EXPECT_NE(html.find("<p class=\"date\">二〇二四年十月三十日</p>"), std::string::npos);
  EXPECT_NE(html.find("size: A4"), std::string::npos);
  EXPECT_NE(html.find("FangSong"), std::string::npos);
}

TEST(RenderLetterHtmlTest, EmbedsTheSealAsDataUri) {
  std::string html = RenderLetterHtml(HostileLetter(), Seal{TinyPng()}).value();
  EXPECT_NE(html.find("<img class=\"seal\" alt=\"依申请公开专用章\" src=\"data:image/png;base64,"
                      "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/"
                      "pLvAAAAAElFTkSuQmCC\">"),
            std::string::npos);
  EXPECT_EQ(html.find("seal-slot\">"), std::string::npos);
  auto bad = RenderLetterHtml(HostileLetter(), Seal{"GIF89a"});
  EXPECT_EQ(bad.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(bad.status().UserMessage(), "印章图片必须是 PNG 格式");
}

std::vector<std::string> DocxParagraphs(const std::string& docx) {
  auto pkg = report::ZipPackage::Open(docx).value();
  auto doc = report::ReadDocx(pkg).value();
  std::vector<std::string> out;
  for (const auto& row : doc.rows) {
    if (row.kind == report::RowKind::kParagraph && !row.cells.empty())
      out.emplace_back(row.cells[0]);
  }
  return out;
}

TEST(RenderLetterDocxTest, ReadsBackWithEveryParagraphAndNoSealPart) {
  Letter letter = HostileLetter();
  std::string docx = RenderLetterDocx(letter, Seal{}).value();
  auto paragraphs = DocxParagraphs(docx);
  std::vector<std::string> expected = {letter.agency_name, letter.title, letter.number,
                                       letter.salutation};
  expected.insert(expected.end(), letter.body.begin(), letter.body.end());
  expected.push_back(letter.remedy);
  expected.push_back(letter.agency_name);
  expected.push_back(letter.date_text);
  expected.insert(expected.end(), letter.contact.begin(), letter.contact.end());
  EXPECT_EQ(paragraphs, expected);

  auto pkg = report::ZipPackage::Open(docx).value();
  EXPECT_TRUE(pkg.Has("[Content_Types].xml"));
  EXPECT_TRUE(pkg.Has("word/styles.xml"));
  EXPECT_TRUE(pkg.Has("word/_rels/document.xml.rels"));
  EXPECT_FALSE(pkg.Has("word/media/seal.png"));
  std::string xml = pkg.Read("word/document.xml").value();
  EXPECT_EQ(xml.find("<w:drawing>"), std::string::npos);
  EXPECT_NE(xml.find("&lt;script&gt;"), std::string::npos);
  EXPECT_EQ(pkg.Read("word/_rels/document.xml.rels")->find("rIdSeal"), std::string::npos);
}

TEST(RenderLetterDocxTest, EmbedsTheSealNextToTheSignature) {
  Letter letter = HostileLetter();
  std::string docx = RenderLetterDocx(letter, Seal{TinyPng()}).value();
  auto pkg = report::ZipPackage::Open(docx).value();
  EXPECT_EQ(pkg.Read("word/media/seal.png").value(), TinyPng());
  std::string xml = pkg.Read("word/document.xml").value();
  EXPECT_EQ(Count(xml, "<w:drawing>"), 1u);
  // The drawing sits in the signature paragraph, just before the agency name.
  size_t drawing = xml.find("<a:blip r:embed=\"rIdSeal\"/>");
  size_t signature = xml.rfind("樟树市工业和信息化局");
  ASSERT_NE(drawing, std::string::npos);
  EXPECT_LT(drawing, signature);
  EXPECT_EQ(xml.find("樟树市工业和信息化局", drawing), signature);
  EXPECT_NE(pkg.Read("word/_rels/document.xml.rels")->find("Target=\"media/seal.png\""),
            std::string::npos);
  EXPECT_NE(pkg.Read("[Content_Types].xml")->find("Extension=\"png\""), std::string::npos);
  EXPECT_EQ(DocxParagraphs(docx).size(),
            DocxParagraphs(RenderLetterDocx(letter, Seal{}).value()).size());
}

}  // namespace
}  // namespace gongkai::letters

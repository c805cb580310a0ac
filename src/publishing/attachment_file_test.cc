#include "publishing/attachment_file.h"

#include <gtest/gtest.h>

#include "report/ooxml.h"

namespace gongkai::publishing {
namespace {

constexpr size_t kLimit = 1 << 20;

std::string Zip(std::vector<report::ZipEntry> entries) { return report::WriteZip(entries).value(); }

std::string Docx() {
  return Zip({{"[Content_Types].xml", "<Types/>"}, {"word/document.xml", "<w:document/>"}});
}

// The Chinese message of a refusal, or "ok" for an accepted file.
std::string Why(std::string_view name, std::string_view bytes, size_t max = kLimit) {
  auto r = CheckAttachment(name, bytes, max);
  return r.ok() ? "ok" : r.status().UserMessage();
}

TEST(CheckAttachmentTest, AcceptsEachTypeWithItsCanonicalMime) {
  auto pdf = CheckAttachment("关于印发2024年工作要点的通知.PDF", "%PDF-1.7\n...", kLimit);
  ASSERT_TRUE(pdf.ok());
  EXPECT_EQ(pdf->mime, "application/pdf");
  EXPECT_EQ(pdf->extension, "pdf");
  auto jpeg = CheckAttachment("现场照片.jpeg", "\xFF\xD8\xFF\xE0rest", kLimit);
  ASSERT_TRUE(jpeg.ok());
  EXPECT_EQ(jpeg->mime, "image/jpeg");
  EXPECT_EQ(jpeg->extension, "jpg");
  auto docx = CheckAttachment("政策解读.docx", Docx(), kLimit);
  ASSERT_TRUE(docx.ok());
  EXPECT_EQ(docx->kind, FileKind::kDocx);
  auto xlsx = CheckAttachment(
      "预算表.xlsx", Zip({{"[Content_Types].xml", "<Types/>"}, {"xl/workbook.xml", "<w/>"}}),
      kLimit);
  ASSERT_TRUE(xlsx.ok());
  EXPECT_EQ(xlsx->mime, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  auto ofd = CheckAttachment("公文.ofd", Zip({{"OFD.xml", "<ofd:OFD/>"}}), kLimit);
  ASSERT_TRUE(ofd.ok());
  EXPECT_EQ(ofd->mime, "application/ofd");
  auto xls = CheckAttachment("旧表.xls", "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1....", kLimit);
  ASSERT_TRUE(xls.ok());
  EXPECT_EQ(xls->mime, "application/vnd.ms-excel");
  EXPECT_EQ(Why("图.gif", "GIF89a...."), "ok");
  EXPECT_EQ(Why("v1.2版.png", "\x89PNG\r\n\x1a\n...."), "ok");
}

TEST(CheckAttachmentTest, RefusesBadNames) {
  EXPECT_EQ(
      Why("../etc/passwd.pdf", "%PDF-"),
      "附件文件名不合格：文件名含有路径（/ \\ 或 ..）。请把文件改名（只保留文件名本身）后重新上传");
  EXPECT_EQ(
      Why("C:\\报告.pdf", "%PDF-"),
      "附件文件名不合格：文件名含有路径（/ \\ 或 ..）。请把文件改名（只保留文件名本身）后重新上传");
  EXPECT_EQ(Why(std::string("报告\0.pdf", 10), "%PDF-"),
            "附件文件名不合格：文件名含有控制字符。请把文件改名（只保留文件名本身）后重新上传");
  EXPECT_EQ(Why("", "%PDF-"),
            "附件文件名不合格：文件名为空。请把文件改名（只保留文件名本身）后重新上传");
  EXPECT_EQ(
      Why(std::string(252, 'a') + ".pdf", "%PDF-"),
      "附件文件名不合格：文件名过长（最多 255 字节）。请把文件改名（只保留文件名本身）后重新上传");
  EXPECT_EQ(Why("报告\u202Efdp.exe", "%PDF-"),
            "附件文件名不合格：文件名含有改变文字方向的控制字符。请把文件改名（只保留文件名本身）后"
            "重新上传");
  EXPECT_EQ(Why("报告.pdf.", "%PDF-"),
            "附件文件名不合格：文件名以点或空格结尾。请把文件改名（只保留文件名本身）后重新上传");
  EXPECT_EQ(
      Why("\xE6\x8A", "%PDF-"),
      "附件文件名不合格：文件名不是有效的 UTF-8 文本。请把文件改名（只保留文件名本身）后重新上传");
  EXPECT_EQ(Why("报告", "%PDF-"), "附件“报告”缺少扩展名（如 .pdf）");
  EXPECT_EQ(Why(".pdf", "%PDF-"), "附件“.pdf”只有扩展名，没有文件名");
}

TEST(CheckAttachmentTest, RefusesExecutablesAndDoubleExtensions) {
  EXPECT_EQ(Why("报告.pdf.exe", "MZ"),
            "附件“报告.pdf.exe”是可执行文件、脚本或网页（.exe），不能作为附件");
  EXPECT_EQ(Why("通知.php.pdf", "%PDF-"),
            "附件“通知.php.pdf”含有双重扩展名（.php），可能隐藏可执行文件或脚本，请改名");
  EXPECT_EQ(Why("x.EXE.pdf", "%PDF-"),
            "附件“x.EXE.pdf”含有双重扩展名（.exe），可能隐藏可执行文件或脚本，请改名");
  EXPECT_EQ(Why("页面.html", "<html>"),
            "附件“页面.html”是可执行文件、脚本或网页（.html），不能作为附件");
  EXPECT_EQ(Why("宏.docm", Docx()), "附件“宏.docm”是可执行文件、脚本或网页（.docm），不能作为附件");
  EXPECT_EQ(Why("资料.rar", "Rar!"),
            "附件“资料.rar”的格式（.rar）不能作为附件；可上传 "
            "PDF、OFD、DOCX、DOC、XLSX、XLS、PNG、JPEG、GIF");
}

TEST(CheckAttachmentTest, RefusesMismatchedContent) {
  EXPECT_EQ(
      Why("报告.pdf", Docx()),
      "附件“报告.pdf”的扩展名是 .pdf，但文件内容是ZIP 压缩包，与扩展名不符（按文件内容识别）");
  EXPECT_EQ(Why("照片.png", "\xFF\xD8\xFF\xE0"),
            "附件“照片.png”的扩展名是 .png，但文件内容是JPEG 图片，与扩展名不符（按文件内容识别）");
  EXPECT_EQ(
      Why("报告.pdf", "MZ\x90"),
      "附件“报告.pdf”的扩展名是 .pdf，但文件内容是不能识别的格式，与扩展名不符（按文件内容识别）");
  EXPECT_EQ(Why("表.xlsx", Docx()),
            "附件“表.xlsx”的扩展名是 .xlsx，但文件内容是Word 文档（DOCX），与扩展名不符");
  EXPECT_EQ(Why("文.docx", Zip({{"a.txt", "x"}})),
            "附件“文.docx”的扩展名是 .docx，但文件内容是损坏的或普通的 ZIP 压缩包，不是Word "
            "文档（DOCX）");
  EXPECT_EQ(Why("文.docx", "PK\x03\x04garbage"),
            "附件“文.docx”的扩展名是 .docx，但文件内容是损坏的或普通的 ZIP 压缩包，不是Word "
            "文档（DOCX）");
  EXPECT_EQ(Why("宏.docx", Zip({{"[Content_Types].xml", "<Types/>"},
                                {"word/document.xml", "<w:document/>"},
                                {"word/vbaProject.bin", "vba"}})),
            "附件“宏.docx”含有宏（VBA），不能作为附件；请另存为不含宏的文件");
}

TEST(CheckAttachmentTest, RefusesEmptyAndOversizedFiles) {
  EXPECT_EQ(Why("报告.pdf", ""), "附件“报告.pdf”是空文件");
  EXPECT_EQ(Why("报告.pdf", std::string(3 << 20, 'x'), 2 << 20),
            "附件“报告.pdf”过大（3.0 MiB），每个附件不超过 2.0 MiB");
  EXPECT_EQ(Why("报告.pdf", "%PDF-1234", 9), "ok");
  EXPECT_EQ(Why("报告.pdf", "%PDF-12345", 9),
            "附件“报告.pdf”过大（10 字节），每个附件不超过 9 字节");
}

TEST(SniffSignatureTest, FirstBytes) {
  EXPECT_EQ(SniffSignature("%PDF-1.4"), Signature::kPdf);
  EXPECT_EQ(SniffSignature("%PDF"), Signature::kNone);
  EXPECT_EQ(SniffSignature("GIF87a"), Signature::kGif);
  EXPECT_EQ(SniffSignature("PK\x03\x04"), Signature::kZip);
  EXPECT_EQ(SniffSignature(""), Signature::kNone);
}

}  // namespace
}  // namespace gongkai::publishing

#include "services/attachments.h"

#include <gtest/gtest.h>

#include "services/seal_service.h"

namespace gongkai::services {
namespace {

TEST(AttachmentsTest, SniffsOnlyPdfPngAndJpegByTheirBytes) {
  EXPECT_EQ(SniffAttachmentType("%PDF-1.7 …"), "application/pdf");
  EXPECT_EQ(SniffAttachmentType(std::string("\x89PNG\r\n\x1a\n\0\0", 10)), "image/png");
  EXPECT_EQ(SniffAttachmentType("\xFF\xD8\xFF\xDB"), "image/jpeg");
  EXPECT_EQ(SniffAttachmentType("GIF89a"), "");
  EXPECT_EQ(SniffAttachmentType("PK\x03\x04"), "");  // a .docx or .zip
  EXPECT_EQ(SniffAttachmentType(" %PDF-1.7"), "");
  EXPECT_EQ(SniffAttachmentType(""), "");
}

TEST(AttachmentsTest, RefusesNamesWithAPathOrControlCharacters) {
  EXPECT_EQ(FileNameProblem("身份证 正面.jpg"), "");
  EXPECT_EQ(FileNameProblem("a..b.pdf"), "文件名含有路径（/ \\ 或 ..）");
  EXPECT_EQ(FileNameProblem("dir/a.pdf"), "文件名含有路径（/ \\ 或 ..）");
  EXPECT_EQ(FileNameProblem("dir\\a.pdf"), "文件名含有路径（/ \\ 或 ..）");
  EXPECT_EQ(FileNameProblem("a\tb.pdf"), "文件名含有控制字符");
  EXPECT_EQ(FileNameProblem("a\x7f.pdf"), "文件名含有控制字符");
  EXPECT_EQ(FileNameProblem("\xC3\x28.pdf"), "文件名不是有效的 UTF-8 文本");
  EXPECT_EQ(FileNameProblem(""), "文件名为空");
  EXPECT_EQ(FileNameProblem(std::string(256, 'a')), "文件名过长（最多 255 字节）");
}

TEST(AttachmentsTest, ChecksEachFileAndTheWholeSet) {
  std::vector<FieldError> errors;
  CheckAttachments({{AttachmentKind::kIdCopy, "id.pdf", "%PDF-1"},
                    {AttachmentKind::kDescription, "empty.pdf", ""}},
                   &errors);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].field, "attachment_description");
  EXPECT_EQ(errors[0].message, "文件“empty.pdf”是空文件，请重新选择");
  errors.clear();
  std::vector<AttachmentInput> six(6, {AttachmentKind::kIdCopy, "a.pdf", "%PDF-1"});
  CheckAttachments(six, &errors);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].field, "attachments");
  EXPECT_EQ(errors[0].message, "附件过多（6 个），最多 5 个文件");
  EXPECT_EQ(FileSizeText(5 << 20), "5.0 MiB");
  EXPECT_EQ(FileSizeText(2048), "2 KiB");
  EXPECT_EQ(FileSizeText(12), "12 字节");
}

TEST(AttachmentsTest, PngDimensionsComeFromIhdr) {
  std::string png("\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR\0\0\x01\x90\0\0\x00\xc8\x08\x06\0\0\0\0\0\0\0",
                  33);
  auto d = PngDimensions(png);
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  EXPECT_EQ(*d, (std::pair<int, int>{400, 200}));
  EXPECT_EQ(PngDimensions(png.substr(0, 20)).status().UserMessage(),
            "PNG 文件已损坏（缺少 IHDR 图像头）");
  EXPECT_EQ(PngDimensions("\xFF\xD8\xFF").status().UserMessage(),
            "专用章图片须为 PNG 格式（按文件内容识别，与扩展名无关）");
}

}  // namespace
}  // namespace gongkai::services

// `gongkai letter sample` through the real binary.
#include <gtest/gtest.h>

#include "report/ooxml.h"
#include "test_util.h"

namespace gongkai {
namespace {

using testing_util::RunGongkai;

TEST(LetterCliTest, RendersASampleFeeNoticeAsHtml) {
  auto r = RunGongkai({"letter", "sample", "--kind", "收费通知书", "--to", "html"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("<h1>樟树市工业和信息化局<br>政府信息公开信息处理费收费通知书</h1>"),
            std::string::npos);
  EXPECT_NE(r.out.find("应缴金额为人民币83,460.00元"), std::string::npos);
  EXPECT_NE(r.out.find("<p class=\"date\">二〇二四年十月三十日</p>"), std::string::npos);
}

TEST(LetterCliTest, WritesADocxOfAWithheldReplyWithTheSeal) {
  std::string dir = testing_util::MakeTempDir();
  std::string png(
      "\x89\x50\x4e\x47\x0d\x0a\x1a\x0a\x00\x00\x00\x0d\x49\x48\x44\x52\x00\x00\x00\x01\x00\x00"
      "\x00\x01\x08\x02\x00\x00\x00\x90\x77\x53\xde\x00\x00\x00\x0c\x49\x44\x41\x54\x78\x9c\x63"
      "\xf8\xcf\xc0\x00\x00\x03\x01\x01\x00\xc9\xfe\x92\xef\x00\x00\x00\x00\x49\x45\x4e\x44\xae"
      "\x42\x60\x82",
      69);
  testing_util::WriteFile(dir + "/seal.png", png);
  auto r = RunGongkai({"letter", "sample", "--kind", "答复书", "--outcome", "属于国家秘密", "--to",
                       "docx", "--seal", dir + "/seal.png", "-o", dir + "/reply.docx", "--date",
                       "2024-11-01"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out,
            "已生成 政府信息公开申请答复书（樟工信依申答〔2024〕3号）：" + dir + "/reply.docx\n");
  // ZipPackage reads the bytes in place: keep them alive while it is open.
  const std::string bytes = testing_util::ReadFile(dir + "/reply.docx");
  auto pkg = report::ZipPackage::Open(bytes).value();
  EXPECT_EQ(pkg.Read("word/media/seal.png").value(), png);
  std::string xml = pkg.Read("word/document.xml").value();
  EXPECT_NE(xml.find("第十四条、第三十六条第（三）项的规定，本机关决定不予公开。"),
            std::string::npos);
  EXPECT_NE(xml.find("二〇二四年十一月一日"), std::string::npos);
}

TEST(LetterCliTest, UnknownOutcomeIsAUsageError) {
  auto r = RunGongkai({"letter", "sample", "--outcome", "随便"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("未知的答复结果：随便"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace gongkai

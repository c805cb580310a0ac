// `gongkai catalog import|export` through the real binary: attachments from a folder (a symbolic
// link out of it refused), the summary line, exit codes, and the round trip through files.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "test_util.h"

namespace gongkai {
namespace {

namespace fs = std::filesystem;
using testing_util::RunGongkai;

void WriteFile(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

const std::string kPdf = "%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n";

class CatalogCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = testing_util::MakeTempDir();
    auto r = Run(dir_ + "/db", {"agency", "add", "--name", "樟树市工业和信息化局", "--short-name",
                                "樟工信", "--credit-code", "11341702486344515H"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  testing_util::RunResult Run(const std::string& data, std::vector<std::string> args) {
    args.insert(args.begin(), {"--data-dir", data});
    return RunGongkai(args);
  }
  std::string dir_;
};

TEST_F(CatalogCliTest, ImportsWithFilesAndRoundTrips) {
  WriteFile(dir_ + "/in/files/2024/通知.pdf", kPdf);
  WriteFile(dir_ + "/in/catalog.csv",
            "栏目代码,索引号,发布日期,名称,正文,附件\r\n"
            "zfwj,11360982MB1234567X/2024-00041,2024-03-05,关于开展检查的通知,<p>正文</p>,"
            "2024/通知.pdf\r\n");
  auto dry = Run(dir_ + "/db", {"catalog", "import", dir_ + "/in/catalog.csv", "--agency", "樟工信",
                                "--files", dir_ + "/in/files", "--dry-run"});
  ASSERT_EQ(dry.exit_code, 0) << dry.err;
  EXPECT_EQ(dry.out,
            "检查通过（未导入）：栏目新建 0 个、已有 0 个，信息 1 条（已发布），附件 1 个，关联 0 "
            "个\n");
  auto im = Run(dir_ + "/db",
                {"catalog", "import", dir_ + "/in/catalog.csv", "--files", dir_ + "/in/files"});
  ASSERT_EQ(im.exit_code, 0) << im.err;
  EXPECT_EQ(im.out,
            "已导入：栏目新建 0 个、已有 0 个，信息 1 条（已发布），附件 1 个，关联 0 个\n");

  auto ex = Run(dir_ + "/db", {"catalog", "export", "--agency", "樟工信", "--format", "jsonl",
                               "--out", dir_ + "/out/a.jsonl", "--files", dir_ + "/out/files"});
  ASSERT_EQ(ex.exit_code, 0) << ex.err;
  std::string first = ReadFile(dir_ + "/out/a.jsonl");
  EXPECT_NE(first.find(R"("files":["f97bfdd6fd05/通知.pdf"])"), std::string::npos) << first;
  EXPECT_EQ(ReadFile(dir_ + "/out/files/f97bfdd6fd05/通知.pdf"), kPdf);

  ASSERT_EQ(Run(dir_ + "/db2", {"agency", "add", "--name", "樟树市工业和信息化局", "--credit-code",
                                "11341702486344515H"})
                .exit_code,
            0);
  auto again = Run(dir_ + "/db2",
                   {"catalog", "import", dir_ + "/out/a.jsonl", "--files", dir_ + "/out/files"});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  auto second = Run(dir_ + "/db2", {"catalog", "export"});
  ASSERT_EQ(second.exit_code, 0) << second.err;
  EXPECT_EQ(second.out, first);
}

TEST_F(CatalogCliTest, RefusesFilesOutsideTheFolder) {
  WriteFile(dir_ + "/secret.pdf", kPdf);
  fs::create_directories(dir_ + "/files");
  fs::create_symlink(dir_ + "/secret.pdf", dir_ + "/files/link.pdf");
  WriteFile(
      dir_ + "/c.jsonl",
      R"({"type":"item","column":"zfwj","index_number":"X-1","published_on":"2024-03-05","title":"甲","files":["link.pdf"]}
{"type":"item","column":"zfwj","index_number":"X-2","published_on":"2024-03-05","title":"乙","files":["http://old.example.gov.cn/a.pdf"]}
{"type":"item","column":"zfwj","index_number":"X-3","published_on":"2024-03-05","title":"丙","files":["/etc/passwd"]}
)");
  auto r = Run(dir_ + "/db", {"catalog", "import", dir_ + "/c.jsonl", "--files", dir_ + "/files"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err,
            "错误：导入文件有 3 处错误，未导入任何内容：\n"
            "第1行：附件“link.pdf”不在附件目录中\n"
            "第2行：附件“http://old.example.gov.cn/a.pdf”：不能是网址，请先把文件下载到附件目录\n"
            "第3行：附件“/etc/passwd”：须是附件目录下的相对路径\n");
  auto ex = Run(dir_ + "/db", {"catalog", "export", "--format", "csv"});
  ASSERT_EQ(ex.exit_code, 0) << ex.err;
  EXPECT_EQ(ex.out.find("\r\n"), ex.out.size() - 2);  // the header only
}

}  // namespace
}  // namespace gongkai

// `gongkai screen` through the real binary.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "test_util.h"

namespace gongkai {
namespace {

using testing_util::RunGongkai;

TEST(ScreenCliTest, ErrorFindingExitsOne) {
  auto r = RunGongkai({"screen", "--date", "2024-06-01", "-"}, "开展扫黑险恶专项斗争。\n");
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_EQ(r.out, "<stdin>:1:3: error: [疑似错误] 扫黑险恶专项斗争 → 扫黑除恶专项斗争\n");
}

TEST(ScreenCliTest, TwoCommonWordsMeetingAreNoNearMiss) {
  // The shipped common words (data/screening/common_words.tsv) silence 人才 + 政府
  // (人民政府) and 依法 + 中国 (依法治国); 牢记史命 (史命 is no word) is still reported.
  auto r = RunGongkai({"screen", "--date", "2024-06-01", "-"},
                      "对引进人才政府给予补贴，坚持依法中国特色。\n");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "");
  r = RunGongkai({"screen", "--date", "2024-06-01", "-"}, "要牢记史命。\n");
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_EQ(r.out, "<stdin>:1:2: error: [疑似错误] 牢记史命 → 牢记使命\n");
}

TEST(ScreenCliTest, WarningsOnlyAndCleanTextExitZero) {
  auto r = RunGongkai({"screen", "--date", "2024-06-01", "-"}, "请按排好工作。");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "<stdin>:1:2: warning: [错别字] 按排 → 安排\n");
  r = RunGongkai({"screen", "-"}, "各级人民政府要做好政府信息公开工作。");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "");
}

TEST(ScreenCliTest, OutdatedAgencyDependsOnDocumentDate) {
  auto r = RunGongkai({"screen", "--date", "2017-05-01", "-"}, "国土资源部");
  EXPECT_EQ(r.exit_code, 0);
  r = RunGongkai({"screen", "--date", "2019-05-01", "-"}, "國土資源部");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("[过时机构名称] 國土資源部 → 自然资源部"), std::string::npos) << r.out;
}

TEST(ScreenCliTest, JsonHasOffsetsAndPositions) {
  auto r =
      RunGongkai({"screen", "--format", "json", "--no-builtin", "-"}, "第一行\n电话13812345678");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  const auto& f = j["files"][0]["findings"][0];
  EXPECT_EQ(f["category"], "隐私信息");
  EXPECT_EQ(f["severity"], "warning");
  EXPECT_EQ(f["suggestion"], "138****5678");
  EXPECT_EQ(f["byte_begin"], 16);
  EXPECT_EQ(f["byte_end"], 27);
  EXPECT_EQ(f["char_begin"], 6);
  EXPECT_EQ(f["line"], 2);
  EXPECT_EQ(f["column"], 3);
}

TEST(ScreenCliTest, MaskWritesTheMaskedText) {
  auto r = RunGongkai({"screen", "--mask", "--no-builtin", "-"},
                      "身份证440304199001011233，手机13812345678。");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out, "身份证440304********1233，手机138****5678。");
}

TEST(ScreenCliTest, HtmlInputReportsPageOffsets) {
  std::string dir = testing_util::MakeTempDir();
  testing_util::WriteFile(dir + "/page.html", "<p>优化<b>营商</b>坏境</p>");
  auto r = RunGongkai({"screen", "--format", "json", dir + "/page.html"});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  auto f = nlohmann::json::parse(r.out)["files"][0]["findings"][0];
  EXPECT_EQ(f["original"], "营商</b>坏境");
  EXPECT_EQ(f["byte_begin"], 12);
  EXPECT_EQ(f["column"], 9);
}

TEST(ScreenCliTest, InvalidUtf8IsAnInputError) {
  auto r = RunGongkai({"screen", "-"}, std::string("正文\xC3(", 8));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("第 6 字节处不是有效的 UTF-8 编码"), std::string::npos) << r.err;
}

TEST(ScreenCliTest, MissingFileAndBadOptionsAreUsageErrors) {
  EXPECT_EQ(RunGongkai({"screen", "/nonexistent/x.txt"}).exit_code, 2);
  EXPECT_EQ(RunGongkai({"screen"}).exit_code, 2);
  // No stdin text: these exit before reading it, and writing to a closed pipe
  // would raise SIGPIPE in the test process.
  EXPECT_EQ(RunGongkai({"screen", "--format", "xml", "-"}).exit_code, 2);
  EXPECT_EQ(RunGongkai({"screen", "--date", "2024-13-01", "-"}).exit_code, 2);
}

TEST(ScreenCliTest, CountPrintsAllOverlappingMatches) {
  std::string dir = testing_util::MakeTempDir();
  testing_util::WriteFile(dir + "/dict.txt", "人民\n人民政府\r\n政府\n\n民政\n");
  testing_util::WriteFile(dir + "/text.txt", "各级人民政府，國家人民");
  auto r = RunGongkai({"screen", "--count", dir + "/dict.txt", dir + "/text.txt"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.substr(0, r.out.find(' ')), "5");
  EXPECT_NE(r.out.find("matches=5 "), std::string::npos);
}

TEST(ScreenCliTest, AgencyTermsAddedThroughTheCli) {
  std::string dir = testing_util::MakeTempDir();
  std::vector<std::string> env = {"GONGKAI_DATA_DIR=" + dir};
  auto r = RunGongkai({"screen", "dict", "add", "某某街到办", "--category", "错别字", "--severity",
                       "error", "--suggestion", "某某街道办", "--profile", "haidian"},
                      "", env);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(testing_util::ReadFile(dir + "/screening/haidian.tsv"),
            "# 词条\t类别\t严重程度\t建议\t生效日期\t失效日期\t备注\n"
            "某某街到办\t错别字\terror\t某某街道办\t\t\t\n");
  r = RunGongkai({"screen", "--profile", "haidian", "-"}, "某某街到办通知", env);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out, "<stdin>:1:1: error: [错别字] 某某街到办 → 某某街道办\n");
  r = RunGongkai({"screen", "dict", "add", "x", "--category", "无此类"}, "", env);
  EXPECT_EQ(r.exit_code, 2);
}

TEST(ScreenCliTest, JobsScreenManyFiles) {
  std::string dir = testing_util::MakeTempDir();
  std::vector<std::string> args = {"screen", "--jobs", "2"};
  for (int i = 0; i < 6; ++i) {
    std::string p = dir + "/f" + std::to_string(i) + ".txt";
    testing_util::WriteFile(p, i == 4 ? "营商坏境" : "营商环境");
    args.push_back(p);
  }
  auto r = RunGongkai(args);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out, dir + "/f4.txt:1:1: error: [错别字] 营商坏境 → 营商环境\n");
}

}  // namespace
}  // namespace gongkai

// `gongkai column …`, `gongkai catalog pattern` and `gongkai item …` through the real binary.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "test_util.h"

namespace gongkai {
namespace {

using testing_util::RunGongkai;

class CliCatalogTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = testing_util::MakeTempDir();
    auto a = Run({"agency", "add", "--name", "樟树市工业和信息化局", "--short-name", "市工信局",
                  "--credit-code", "11341702486344515H"});
    ASSERT_EQ(a.exit_code, 0) << a.err;
  }
  testing_util::RunResult Run(std::vector<std::string> args, const std::string& in = "") {
    args.insert(args.begin(), {"--data-dir", dir_});
    return RunGongkai(args, in);
  }
  std::string Write(const std::string& name, const std::string& data) {
    std::string path = dir_ + "/" + name;
    std::ofstream(path, std::ios::binary) << data;
    return path;
  }
  std::string dir_;
};

TEST_F(CliCatalogTest, ListsAddsEditsAndDeletesColumns) {
  auto list = Run({"column", "list", "--agency", "市工信局"});
  EXPECT_EQ(list.exit_code, 0) << list.err;
  EXPECT_NE(list.out.find("#1 政府信息公开指南（zn） 单页\n"), std::string::npos) << list.out;
  EXPECT_NE(list.out.find("    #5 工作动态（gzdt） 动态 · 动态类（2周）\n"), std::string::npos);
  auto add = Run({"column", "add", "--agency", "市工信局", "--code", "cyzl", "--name", "产业专栏",
                  "--kind", "news", "--parent", "fdzdgk"});
  EXPECT_EQ(add.exit_code, 0) << add.err;
  EXPECT_EQ(add.out, "已新增栏目 #25 产业专栏（cyzl）\n");
  auto edit = Run({"column", "edit", "--agency", "市工信局", "cyzl", "--name", "产业发展专栏",
                   "--freshness", "dynamic"});
  EXPECT_EQ(edit.out, "已修改栏目 #25 产业发展专栏\n");
  EXPECT_NE(Run({"column", "list", "--agency", "1"})
                .out.find("  #25 产业发展专栏（cyzl） 动态 · 动态类（2周）\n"),
            std::string::npos);
  auto bad = Run({"column", "add", "--agency", "市工信局", "--code", "x", "--name", "某栏目",
                  "--parent", "gzdt"});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_EQ(bad.err, "错误：上级栏目须为“分类”类型（只含栏目，不含信息）\n");
  auto section = Run({"column", "delete", "--agency", "市工信局", "jcgk"});
  EXPECT_EQ(section.exit_code, 2);
  EXPECT_EQ(section.err, "错误：栏目“决策公开”还有下级栏目，不能删除\n");
  EXPECT_EQ(Run({"column", "delete", "--agency", "市工信局", "cyzl"}).out,
            "已删除栏目 #25 产业发展专栏\n");
}

TEST_F(CliCatalogTest, ShowsAndSetsTheIndexPatternWithTheNextNumber) {
  auto shown = Run({"catalog", "pattern", "--agency", "市工信局"});
  EXPECT_EQ(shown.exit_code, 0) << shown.err;
  EXPECT_NE(shown.out.find("索引号规则：{code}/{year}-{seq:5}\n下一个索引号：11341702486344515H/"),
            std::string::npos)
      << shown.out;
  EXPECT_NE(shown.out.find("-00001\n"), std::string::npos);
  auto set = Run({"catalog", "pattern", "--agency", "市工信局", "--set", "GXJ-{year}-{seq:3}"});
  EXPECT_EQ(set.exit_code, 0) << set.err;
  EXPECT_NE(set.out.find("索引号规则：GXJ-{year}-{seq:3}\n下一个索引号：GXJ-"), std::string::npos);
  EXPECT_NE(set.out.find("-001\n"), std::string::npos);
  auto bad = Run({"catalog", "pattern", "--agency", "市工信局", "--set", "{code}/{year}"});
  EXPECT_EQ(bad.exit_code, 2);
}

TEST_F(CliCatalogTest, AddsEditsShowsListsAndKeepsHistory) {
  std::string text = Write("body.txt", "第一段\n第二段\n");
  std::string pdf = Write("方案.pdf", "%PDF-1.7\n" + std::string(100, 'x'));
  auto add = Run({"item",         "add",
                  "--agency",     "市工信局",
                  "--column",     "zfwj",
                  "--title",      "关于印发实施方案的通知",
                  "--text-file",  text,
                  "--written",    "2024-03-01",
                  "--doc-number", "樟工信字〔2024〕12号",
                  "--theme",      "工业、交通/其他",
                  "--genre",      "通知",
                  "--attach",     pdf});
  EXPECT_EQ(add.exit_code, 0) << add.err;
  EXPECT_EQ(add.out, "已新建信息草稿 #1（第1版）\n");
  auto json = nlohmann::json::parse(Run({"item", "show", "1", "--json"}).out);
  EXPECT_EQ(json["body_html"], "<p>第一段<br>第二段</p>");
  EXPECT_EQ(json["theme"], "工业、交通\\其他");
  EXPECT_EQ(json["written_on"], "2024-03-01");
  EXPECT_EQ(json["files"][0]["name"], "方案.pdf");
  EXPECT_EQ(json["files"][0]["mime"], "application/pdf");

  auto stale = Run({"item", "edit", "1", "--expected", "2", "--title", "新标题"});
  EXPECT_EQ(stale.exit_code, 2);
  EXPECT_EQ(stale.err,
            "错误：保存冲突：您编辑的是第2版，期间已有人保存了第1版。请对照两个版本后再保存。\n");
  auto edit =
      Run({"item", "edit", "1", "--expected", "1", "--title", "关于印发实施方案的通知（修订）",
           "--note", "标题加修订", "--remove", "方案.pdf"});
  EXPECT_EQ(edit.out, "已保存信息 #1 第2版\n");
  auto same = Run({"item", "edit", "1", "--expected", "2"});
  EXPECT_EQ(same.out, "内容没有变化，仍为第2版\n");
  auto show = Run({"item", "show", "1"});
  EXPECT_NE(
      show.out.find(
          "信息 #1 关于印发实施方案的通知（修订）\n栏目：政府文件（#10）\n状态：草稿 · 第2版\n"),
      std::string::npos)
      << show.out;
  EXPECT_EQ(show.out.find("附件："), std::string::npos);
  EXPECT_NE(show.out.find("正文：\n第一段\n第二段\n"), std::string::npos);
  EXPECT_EQ(Run({"item", "list", "--agency", "市工信局", "--status", "draft"}).out,
            "#1 草稿 第2版 关于印发实施方案的通知（修订）（樟工信字〔2024〕12号）\n");
  EXPECT_EQ(Run({"item", "list", "--agency", "市工信局", "--mine", "someone"}).out,
            "（没有信息）\n");
  auto history = Run({"item", "history", "1"});
  EXPECT_NE(history.out.find("第1版 "), std::string::npos);
  EXPECT_NE(history.out.find(" cli "), std::string::npos);
  EXPECT_NE(history.out.find(" 标题加修订\n"), std::string::npos);

  // A 解读 links to its document; a 文件 cannot be a 解读.
  EXPECT_EQ(Run({"item", "add", "--agency", "1", "--column", "zcjd", "--title", "一图读懂"}).out,
            "已新建信息草稿 #2（第1版）\n");
  EXPECT_EQ(Run({"item", "link", "2", "--interprets", "1"}).out, "已关联：#2 解读 #1\n");
  auto wrong = Run({"item", "link", "1", "--interprets", "2"});
  EXPECT_EQ(wrong.exit_code, 2);
  EXPECT_EQ(wrong.err, "错误：只有“解读”类栏目中的信息才能作为政策解读关联到文件\n");
  // 有效性 only for published items.
  auto validity = Run({"item", "validity", "1", "--set", "expired", "--on", "2024-06-01"});
  EXPECT_NE(validity.exit_code, 0);
  EXPECT_EQ(validity.err, "错误：只有已发布的信息才能标注有效性\n");
  // A refused attachment: the file name in the message, nothing stored.
  std::string fake = Write("假.pdf", "\x89PNG\r\n\x1a\n0000");
  auto refused = Run({"item", "add", "--column", "10", "--title", "某", "--attach", fake});
  EXPECT_EQ(refused.exit_code, 2);
  EXPECT_NE(refused.err.find("附件“假.pdf”"), std::string::npos) << refused.err;
  EXPECT_EQ(Run({"item", "list", "--agency", "1"}).out.find("#3"), std::string::npos);
}

}  // namespace
}  // namespace gongkai

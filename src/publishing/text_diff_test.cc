#include "publishing/text_diff.h"

#include <gtest/gtest.h>

namespace gongkai::publishing {
namespace {

TEST(TextDiffTest, HighlightsChangedCodePointsInChineseLines) {
  EXPECT_EQ(
      DiffHtml("标题\n本局2024年主动公开信息91条。\n结尾",
               "标题\n本局2025年主动公开政府信息95条。\n结尾"),
      "<div class=\"diff\">\n"
      "<div class=\"diff-line diff-same\">标题</div>\n"
      "<div class=\"diff-line diff-del\">本局202<del>4</del>年主动公开信息9<del>1</del>条。</div>\n"
      "<div class=\"diff-line "
      "diff-ins\">本局202<ins>5</ins>年主动公开<ins>政府</ins>信息9<ins>5</ins>条。</div>\n"
      "<div class=\"diff-line diff-same\">结尾</div>\n"
      "</div>");
}

TEST(TextDiffTest, WholeLinesAddedAndRemovedAndEscaped) {
  EXPECT_EQ(DiffHtml("一\n<旧>\n三", "一\n三\n四 & 五"),
            "<div class=\"diff\">\n"
            "<div class=\"diff-line diff-same\">一</div>\n"
            "<div class=\"diff-line diff-del\"><del>&lt;旧&gt;</del></div>\n"
            "<div class=\"diff-line diff-same\">三</div>\n"
            "<div class=\"diff-line diff-ins\"><ins>四 &amp; 五</ins></div>\n"
            "</div>");
  EXPECT_EQ(DiffHtml("同\n样", "同\r\n样\n"), "<p class=\"diff-none\">两个版本的文字相同</p>");
}

TEST(TextDiffTest, CollapsesLongUnchangedRuns) {
  std::string a, b;
  for (int i = 1; i <= 10; ++i) {
    a += "第" + std::to_string(i) + "行\n";
    b += (i == 8 ? std::string("第八行") : "第" + std::to_string(i) + "行") + "\n";
  }
  EXPECT_EQ(DiffHtml(a, b, 2),
            "<div class=\"diff\">\n"
            "<div class=\"diff-skip\">（未改动 5 行）</div>\n"
            "<div class=\"diff-line diff-same\">第6行</div>\n"
            "<div class=\"diff-line diff-same\">第7行</div>\n"
            "<div class=\"diff-line diff-del\">第<del>8</del>行</div>\n"
            "<div class=\"diff-line diff-ins\">第<ins>八</ins>行</div>\n"
            "<div class=\"diff-line diff-same\">第9行</div>\n"
            "<div class=\"diff-line diff-same\">第10行</div>\n"
            "</div>");
}

TEST(TextDiffTest, UnifiedForm) {
  std::string a = "一\n二\n三\n四\n五\n六\n七\n八\n九\n十\n";
  std::string b = "一\n贰\n三\n四\n五\n六\n七\n八\n九\n十\n十一\n";
  EXPECT_EQ(DiffUnified(a, b, "第1版", "第2版", 2),
            "--- 第1版\n+++ 第2版\n"
            "@@ -1,4 +1,4 @@\n 一\n-二\n+贰\n 三\n 四\n"
            "@@ -9,2 +9,3 @@\n 九\n 十\n+十一\n");
  EXPECT_EQ(DiffUnified("x", "x", "a", "b"), "");
  EXPECT_EQ(DiffUnified("", "新", "a", "b"), "--- a\n+++ b\n@@ -0,0 +1,1 @@\n+新\n");
}

TEST(TextDiffTest, EditScriptIsShortestAndBounded) {
  std::vector<uint32_t> a = {1, 2, 3, 4, 5}, b = {1, 3, 4, 6, 5};
  std::vector<EditOp> want = {EditOp::kSame, EditOp::kDelete, EditOp::kSame,
                              EditOp::kSame, EditOp::kInsert, EditOp::kSame};
  EXPECT_EQ(EditScript(a, b, 100), want);
  // Over the bound: the middle becomes delete-all then insert-all.
  std::vector<uint32_t> c = {1, 7, 8, 9, 5}, d = {1, 9, 8, 7, 5};
  std::vector<EditOp> coarse = {EditOp::kSame,   EditOp::kDelete, EditOp::kDelete, EditOp::kDelete,
                                EditOp::kInsert, EditOp::kInsert, EditOp::kInsert, EditOp::kSame};
  EXPECT_EQ(EditScript(c, d, 2), coarse);
  EXPECT_EQ(EditScript({}, {}, 10), std::vector<EditOp>{});
}

TEST(TextDiffTest, HugeInputsStayBounded) {
  std::string a, b;
  for (int i = 0; i < 5000; ++i) {
    a += std::to_string(i) + "\n";
    b += std::to_string(i * 7 % 5003) + "\n";
  }
  std::string html = DiffHtml(a, b);
  EXPECT_NE(html.find("<div class=\"diff-line diff-del\">1"), std::string::npos);
  EXPECT_LT(html.size(), size_t{4} << 20);
}

}  // namespace
}  // namespace gongkai::publishing

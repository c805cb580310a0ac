#include "screening/html_reader.h"

#include <gtest/gtest.h>

#include <string>

namespace gongkai::screening {
namespace {

// The visible text with breaks as '|' and references decoded (ASCII only here).
std::string Visible(std::string_view html) {
  std::string out;
  for (const auto& s : ReadHtml(html)) {
    if (s.kind == TextSpan::Kind::kText) out += html.substr(s.begin, s.end - s.begin);
    if (s.kind == TextSpan::Kind::kBreak) out += "|";
    if (s.kind == TextSpan::Kind::kChar) out += s.cp < 0x80 ? static_cast<char>(s.cp) : '?';
  }
  return out;
}

TEST(HtmlReaderTest, SkipsTagsAndKeepsOffsets) {
  std::string_view html = "<b>ab</b>cd";
  auto spans = ReadHtml(html);
  ASSERT_EQ(spans.size(), 2u);
  EXPECT_EQ(spans[0].begin, 3u);
  EXPECT_EQ(spans[0].end, 5u);
  EXPECT_EQ(spans[1].begin, 9u);
  EXPECT_EQ(spans[1].end, 11u);
}

TEST(HtmlReaderTest, BlockTagsBreakInlineTagsDoNot) {
  EXPECT_EQ(Visible("<p>a<span>b</span></p><div>c<br/>d</div>"), "|ab||c|d|");
}

TEST(HtmlReaderTest, SkipsCommentsScriptsStylesAndDoctype) {
  EXPECT_EQ(Visible("<!DOCTYPE html><!-- x<p>y -->a<script>if (a<b) {}</script>b"
                    "<style>p{}</style>c"),
            "a|b|c");
}

TEST(HtmlReaderTest, DecodesCharacterReferences) {
  auto spans = ReadHtml("a&nbsp;b&#x4E2D;&#22269;&amp;&bogus;");
  ASSERT_EQ(spans.size(), 7u);
  EXPECT_EQ(spans[1].kind, TextSpan::Kind::kChar);
  EXPECT_EQ(spans[1].cp, char32_t{0xA0});
  EXPECT_EQ(spans[1].begin, 1u);
  EXPECT_EQ(spans[1].end, 7u);
  EXPECT_EQ(spans[3].cp, char32_t{0x4E2D});
  EXPECT_EQ(spans[4].cp, char32_t{22269});
  EXPECT_EQ(spans[5].cp, U'&');
  EXPECT_EQ(spans[6].kind, TextSpan::Kind::kText);  // "&bogus;" stays text
}

TEST(HtmlReaderTest, QuotedGreaterThanDoesNotEndATag) {
  EXPECT_EQ(Visible("<a title=\"x>y\">z</a>"), "z");
}

TEST(HtmlReaderTest, LoneLessThanIsText) { EXPECT_EQ(Visible("a < b"), "a < b"); }

TEST(HtmlReaderTest, UnterminatedMarkupNeverCrashes) {
  EXPECT_EQ(Visible("a<!-- never closed"), "a");
  EXPECT_EQ(Visible("a<span"), "a");
  EXPECT_EQ(Visible("a<script>x"), "a|");
}

}  // namespace
}  // namespace gongkai::screening

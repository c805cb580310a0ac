#include "publishing/html_sanitizer.h"

#include <gtest/gtest.h>

namespace gongkai::publishing {
namespace {

TEST(SanitizeHtmlTest, KeepsTheAllowListAsWritten) {
  const std::string body =
      "<h2>一、总体情况</h2><p>2024年，<strong>区财政局</strong>主动公开政府信息<em>91</em>条。"
      "</p><ul><li>工作动态<sub>1</sub></li><li>政策解读<sup>2</sup></li></ul><blockquote>引文"
      "</blockquote><hr><pre><code>x &lt; y</code></pre><table><thead><tr><th rowspan=\"2\">"
      "栏目</th></tr></thead><tbody><tr><td>工作动态</td></tr></tbody></table>";
  EXPECT_EQ(SanitizeHtml(body), body);
}

TEST(SanitizeHtmlTest, UnwrapsUnknownElementsKeepingTheirText) {
  EXPECT_EQ(SanitizeHtml("<h1>标题</h1><font color=red>红字</font><center>居中</center>"),
            "标题红字居中");
  EXPECT_EQ(SanitizeHtml("<span class=\"x\" id=\"y\">文</span>"), "<span>文</span>");
}

TEST(SanitizeHtmlTest, DecodesAndReencodesEntities) {
  EXPECT_EQ(
      SanitizeHtml("&lt;b&gt; &amp; &quot;引号&quot; &#20013;&#x6587; &ldquo;问&rdquo; &bogus;"),
      "&lt;b&gt; &amp; \"引号\" 中文 “问” &amp;bogus;");
  EXPECT_EQ(
      SanitizeHtml("<a href=\"/a?x=1&amp;y=2\" title='\"引\"'>链</a>"),
      "<a href=\"/a?x=1&amp;y=2\" title=\"&quot;引&quot;\" rel=\"noopener noreferrer\">链</a>");
  EXPECT_EQ(SanitizeHtml("1 < 2 > 0"), "1 &lt; 2 &gt; 0");
}

TEST(SanitizeHtmlTest, BalancesTags) {
  EXPECT_EQ(SanitizeHtml("<p><b>粗<i>斜</p>后"), "<p><b>粗<i>斜</i></b></p>后");
  EXPECT_EQ(SanitizeHtml("</div></p>正文</b>"), "正文");
  EXPECT_EQ(SanitizeHtml("<p>一<p>二<div>三</div>"), "<p>一</p><p>二</p><div>三</div>");
  EXPECT_EQ(SanitizeHtml("<ul><li>一<li>二</ul>"), "<ul><li>一</li><li>二</li></ul>");
  EXPECT_EQ(SanitizeHtml("<li>孤立</li>"), "孤立");
  EXPECT_EQ(SanitizeHtml("<table><tr><td>一<td>二<tr><td>三</table>"),
            "<table><tr><td>一</td><td>二</td></tr><tr><td>三</td></tr></table>");
  EXPECT_EQ(SanitizeHtml("<td>格</td>"), "格");
  EXPECT_EQ(SanitizeHtml("<a href=/1>一<a href=/2>二</a></a>"),
            "<a href=\"/1\" rel=\"noopener noreferrer\">一二</a>");
  EXPECT_EQ(SanitizeHtml("<table><tr><td><b>粗</td></tr></table>"),
            "<table><tr><td><b>粗</b></td></tr></table>");
}

TEST(SanitizeHtmlTest, CapsNestingDepth) {
  std::string deep;
  for (int i = 0; i < 100; ++i) deep += "<div>";
  std::string want;
  for (int i = 0; i < 64; ++i) want += "<div>";
  want += "底";
  for (int i = 0; i < 64; ++i) want += "</div>";
  EXPECT_EQ(SanitizeHtml(deep + "底"), want);
}

TEST(SanitizeHtmlTest, CleansBytes) {
  EXPECT_EQ(SanitizeHtml("一\r\n二\r三\x01\x7f四"), "一\n二\n三四");
  EXPECT_EQ(SanitizeHtml("\xE4\xB8"), "\xEF\xBF\xBD\xEF\xBF\xBD");
  EXPECT_EQ(SanitizeHtml("&#0;&#xD800;&#x110000;"), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
}

TEST(PlainTextToHtmlTest, ParagraphsAndLineBreaks) {
  EXPECT_EQ(PlainTextToHtml("第一段第一行\r\n第一段第二行\n\n  \n第二段 <b>&\n"),
            "<p>第一段第一行<br>第一段第二行</p>\n<p>第二段 &lt;b&gt;&amp;</p>");
  EXPECT_EQ(PlainTextToHtml(" \n\n"), "");
  std::string html = PlainTextToHtml("一\n二\n\n三");
  EXPECT_EQ(SanitizeHtml(html), html);
}

TEST(HtmlToTextTest, BlocksAreLinesAndSpacesCollapse) {
  EXPECT_EQ(
      HtmlToText("<h2>标题</h2><p>第一&nbsp;&nbsp;段\n  续<b>粗</b></p><script>var a;</script>"
                 "<ul><li>甲</li><li>乙</li></ul><table><tr><td>格一</td><td>格二</td></tr>"
                 "</table>"),
      "标题\n第一 段 续粗\n甲\n乙\n格一\n格二");
  EXPECT_EQ(HtmlToText(PlainTextToHtml("一\n二\n\n三")), "一\n二\n三");
  EXPECT_EQ(HtmlToText(""), "");
}

}  // namespace
}  // namespace gongkai::publishing

// OWASP-style XSS payloads through SanitizeHtml: each must come out exactly as listed, and no
// output may hold an executable vector.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "publishing/html_sanitizer.h"

namespace gongkai::publishing {
namespace {

struct Case {
  const char* input;
  const char* output;
};

const Case kPayloads[] = {
    {"<script>alert(1)</script>", ""},
    {"<SCRIPT SRC=//xss.example/x.js></SCRIPT>", ""},
    {"<img src=x onerror=alert(1)>", "<img src=\"x\">"},
    {"<img src=\"x\" onerror=\"alert(1)\">正文", "<img src=\"x\">正文"},
    {"<IMG SRC=\"javascript:alert('XSS');\">", ""},
    {"<img src=javascript:alert(1) alt=图>", ""},
    {"<IMG SRC=JaVaScRiPt:alert('XSS')>", ""},
    {"<img src=\"jav&#x09;ascript:alert(1)\">", ""},
    {"<img src=\"jav&#x0A;ascript:alert(1)\">", ""},
    {"<img src=\" &#14;  javascript:alert(1)\">", ""},
    {"<img src=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)>", ""},
    {"<img src=&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112"
     "&#0000116&#0000058alert(1)>",
     ""},
    {"<img src=&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A;alert(1)>", ""},
    {"<img src=\"data:image/svg+xml;base64,PHN2Zz4=\">", ""},
    {"<img src=x:alert(1) width=100 height=\"50px\">", ""},
    {"<img src=/attachments/ab12.png width=100 height=\"50px\" alt=\"图 1\">",
     "<img src=\"/attachments/ab12.png\" alt=\"图 1\" width=\"100\">"},
    {"<svg onload=alert(1)>", ""},
    {"<svg/onload=alert(1)>正文", ""},
    {"<svg><script>alert(1)</script></svg>后文", "后文"},
    {"<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>后文", "后文"},
    {"<a href=\"javascript:alert(1)\">点击</a>", "<a>点击</a>"},
    {"<a href=\"JAVASCRIPT:alert(1)\">点击</a>", "<a>点击</a>"},
    {"<a href=\"  javascript:alert(1)\">点击</a>", "<a>点击</a>"},
    {"<a href=\"java\nscript:alert(1)\">点击</a>", "<a>点击</a>"},
    {"<a href=\"jav&#x09;ascript:alert(1)\">点击</a>", "<a>点击</a>"},
    {"<a href=\"&#x6A;avascript&#x3A;alert(1)\">点击</a>", "<a>点击</a>"},
    {"<a href=\"vbscript:msgbox(1)\">点击</a>", "<a>点击</a>"},
    {"<a href=\"data:text/html;base64,PHNjcmlwdD4=\">点击</a>", "<a>点击</a>"},
    {"<a href='https://www.gov.cn/' target=_blank onclick=alert(1)>中国政府网</a>",
     "<a href=\"https://www.gov.cn/\" rel=\"noopener noreferrer\">中国政府网</a>"},
    {"<a href=mailto:gk@example.gov.cn>来信</a>",
     "<a href=\"mailto:gk@example.gov.cn\" rel=\"noopener noreferrer\">来信</a>"},
    {"<scr<script>ipt>alert(1)</script>", "ipt&gt;alert(1)"},
    {"<scr<b>ipt>alert(1)</scr</b>ipt>", "ipt&gt;alert(1)ipt&gt;"},
    {"<iframe src=\"javascript:alert(1)\"></iframe>", ""},
    {"<iframe srcdoc=\"&lt;script&gt;alert(1)&lt;/script&gt;\"></iframe>正文", "正文"},
    {"<style>@import 'http://xss.example/xss.css';</style>正文", "正文"},
    {"<div style=\"width: expression(alert(1));\">正文</div>", "<div>正文</div>"},
    {"<p style=\"background:url(javascript:alert(1))\">正文</p>", "<p>正文</p>"},
    {"<object data=\"javascript:alert(1)\"><param name=x></object>正文", "正文"},
    {"<embed src=\"javascript:alert(1)\">正文", "正文"},
    {"<form action=\"javascript:alert(1)\"><input type=submit></form>", ""},
    {"<body onload=alert(1)>正文", "正文"},
    {"<div onmouseover=\"alert(1)\">正文</div>", "<div>正文</div>"},
    {"<p onclick=alert(1)//>正文", "<p>正文</p>"},
    {"<b <script>alert(1)</script>>粗</b>", "<b>alert(1)&gt;粗</b>"},
    {"<img \"\"\"><script>alert(1)</script>\">", "\"&gt;"},
    {"<img src=\"x\" `<script>alert(1)</script>`>", "<img src=\"x\">alert(1)`&gt;"},
    {"<!--<script>alert(1)</script>-->正文", "正文"},
    {"<![CDATA[<script>alert(1)</script>]]>正文", "正文"},
    {"<?xml-stylesheet href=\"javascript:alert(1)\"?>正文", "正文"},
    {"<p>未闭合<img src=x onerror=alert(1)", "<p>未闭合</p>"},
    {"<p title=\"x onmouseover=alert(1)\">正文</p>", "<p>正文</p>"},
    {"<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">", "<img src=\"x\">\"&gt;"},
    {"<textarea><script>alert(1)</script></textarea>", ""},
    {"<title><img src=x onerror=alert(1)></title>", ""},
    {"<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">正文", "正文"},
    {"<link rel=stylesheet href=\"javascript:alert(1)\">正文", "正文"},
    {"<base href=\"javascript:alert(1)//\">正文", "正文"},
    {"<table background=\"javascript:alert(1)\"><tr><td onclick=x colspan=2>格</td></tr></table>",
     "<table><tr><td colspan=\"2\">格</td></tr></table>"},
    {"<img src=x \xC0\xBConerror=alert(1)>", "<img src=\"x\">"},
    {"\xC0\xBCscript\xC0\xBE"
     "alert(1)",
     "\xEF\xBF\xBD\xEF\xBF\xBDscript\xEF\xBF\xBD\xEF\xBF\xBD"
     "alert(1)"},
    {"<template><script>alert(1)</script></template>正文", "正文"},
    {"<script/>alert(1)</script>正文", "正文"},
    {"<a href=\"#\" onfocus=alert(1) autofocus>锚</a>",
     "<a href=\"#\" rel=\"noopener noreferrer\">锚</a>"},
    {"<details open ontoggle=alert(1)>正文", "正文"},
    {"<video><source onerror=alert(1)></video>正文", "正文"},
};

// What no sanitized output may contain, lowercased.
bool Executable(std::string out) {
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  for (const char* bad : {"<script", "<svg", "<iframe", "<style", "<object", "<embed", "<math",
                          "javascript:", "vbscript:", "data:", " on", "style="}) {
    if (out.find(bad) != std::string::npos) {
      return true;
    }
  }
  return false;
}

TEST(HtmlXssTest, EveryPayloadIsDefused) {
  ASSERT_GE(std::size(kPayloads), 40u);
  for (const Case& c : kPayloads) {
    std::string out = SanitizeHtml(c.input);
    EXPECT_EQ(out, c.output) << "input: " << c.input;
    EXPECT_FALSE(Executable(out)) << "input: " << c.input;
    EXPECT_EQ(SanitizeHtml(out), out) << "input: " << c.input;
  }
}

TEST(HtmlXssTest, NulBytesInsideTagNamesAreDropped) {
  using namespace std::string_literals;
  EXPECT_EQ(SanitizeHtml("<scr\0ipt>alert(1)</scr\0ipt><p>正\0文</p>"s), "<p>正文</p>");
  EXPECT_EQ(SanitizeHtml("<a href=\"java\0script:alert(1)\">点击</a>"s), "<a>点击</a>");
  EXPECT_EQ(SanitizeHtml("<img src=x o\0nerror=alert(1)>"s), "<img src=\"x\">");
}

}  // namespace
}  // namespace gongkai::publishing

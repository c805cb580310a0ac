#pragma once
// Rich-text bodies of catalog items (正文): an allow-list sanitizer, the plain-textarea path and
// the text seen by screening and search. docs/publishing.md lists what is kept. Pure and
// thread-safe.
//
// SanitizeHtml keeps only
//   p br h2 h3 h4 strong b em i u s sub sup ul ol li blockquote hr pre code span div
//   table thead tbody tr th td (colspan/rowspan 1–1000)
//   a   (href: http, https, mailto or relative; title; rel="noopener noreferrer" added)
//   img (src: http, https or relative, e.g. our /attachments/… URLs; alt, title, numeric
//        width/height; an img without an allowed src is dropped)
// and no other attribute (no on*, no style, no class, no id). The elements script, style,
// textarea, title, xmp, iframe, noembed, noframes, noscript, plaintext, svg, math, object,
// applet, template, frameset, select and head are dropped with their content; every other
// element is unwrapped (its text kept). Comments, CDATA, <!…> and <?…?> are dropped; an
// unterminated tag or comment drops the rest of the input. The output is well formed (every
// element closed, li only in ul/ol, tr in table/thead/tbody, td/th in tr, a not nested, p closed
// before a block, nesting at most 64 deep), text and attribute values decoded and re-escaped,
// invalid UTF-8 replaced by U+FFFD, control characters and NUL dropped, line ends as LF.
// SanitizeHtml(SanitizeHtml(x)) == SanitizeHtml(x).

#include <string>
#include <string_view>

namespace gongkai::publishing {

std::string SanitizeHtml(std::string_view html);

// Plain text typed in a textarea (no JavaScript editor) as a body: paragraphs split at blank
// lines, each line break inside one a <br>, everything escaped; "" for blank text. The result is
// unchanged by SanitizeHtml.
std::string PlainTextToHtml(std::string_view text);

// The visible text of a body, for screening and search: block elements (p, br, li, td, h2 …)
// end a line, other whitespace runs collapse to one space, lines are trimmed and empty ones
// dropped; script and style content is not text. Lines joined with LF, no trailing LF.
std::string HtmlToText(std::string_view html);

}  // namespace gongkai::publishing

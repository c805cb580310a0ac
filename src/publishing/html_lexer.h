#pragma once
// The tokenizer under the body sanitizer (html_sanitizer.h): splits HTML into text, start tags
// (name lowercased, attributes with lowercased names and decoded values) and end tags, the way a
// browser's tokenizer would for the cases that matter to safety: quoted and unquoted attribute
// values, '<' that starts no tag, comments, CDATA, <!…> and <?…?> (all skipped), and the raw
// text of <script>, <style>, <textarea>, <title>, <xmp>, <iframe>, <noscript>, <noembed> and
// <noframes> (one text token up to the matching end tag). An unterminated tag or comment ends the
// input. Pure.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace gongkai::publishing {

struct HtmlToken {
  enum class Kind { kText, kStart, kEnd };
  Kind kind = Kind::kText;
  std::string text;  // kText: decoded text (raw-text elements: as written); kStart/kEnd: the name
  std::vector<std::pair<std::string, std::string>> attrs;  // kStart: first spelling of each name
  bool self_closing = false;
};

// `html` as valid UTF-8: invalid or overlong sequences and surrogates become U+FFFD; NUL and
// control characters (C0, DEL, C1) other than tab, LF and CR are dropped; CR LF and lone CR become
// LF.
std::string CleanUtf8(std::string_view html);

// Decodes character references (&amp; &#39; &#x4E2D; and numeric ones without ';' as browsers
// do); unknown ones stay as written. NUL and invalid code points decode to U+FFFD,
// control characters as in CleanUtf8 to nothing.
std::string DecodeEntities(std::string_view s);

// The tokens of `html` (already CleanUtf8'd), in order.
std::vector<HtmlToken> TokenizeHtml(std::string_view html);

// script, style, textarea, title, xmp, iframe, noembed, noframes, noscript, plaintext: elements
// whose content is one raw text token (their self-closing flag means nothing).
bool IsRawTextElement(std::string_view name);

// Escapes & < > (and " when `attribute`).
void AppendEscaped(std::string& out, std::string_view text, bool attribute);

}  // namespace gongkai::publishing

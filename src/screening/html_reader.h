#pragma once
// Reads the visible text of an HTML page as spans of the original bytes, so
// that screening reports offsets into the page as it was published.

#include <cstdint>
#include <string_view>
#include <vector>

namespace gongkai::screening {

// One piece of visible text. kText: the bytes [begin, end) of the original
// are text. kChar: [begin, end) is a character reference (&nbsp; &#x4E2D;)
// standing for the one character `cp`. kBreak: a block-level tag (<p>, <br>,
// <td> …) at [begin, end) that ends any phrase: no term matches across it,
// while inline tags (<b>, <span>, <a> …) are simply invisible.
struct TextSpan {
  enum class Kind : uint8_t { kText, kChar, kBreak };
  uint32_t begin = 0;
  uint32_t end = 0;
  char32_t cp = 0;
  Kind kind = Kind::kText;
};

// Splits `html` into visible spans, in order. Tags, comments, <!DOCTYPE …>,
// <?…?> and the contents of <script> and <style> are skipped; a '<' that does
// not start a tag is text. Never fails: malformed markup degrades to text or to
// a skipped tail (an unterminated tag or comment). Requires html.size() < 4 GiB.
std::vector<TextSpan> ReadHtml(std::string_view html);

// Length of the character reference ("&nbsp;", "&#22269;", "&#x4E2D;") at
// html[pos], setting `*cp`; 0 when there is none. ReadHtml uses exactly this.
size_t CharacterReferenceLength(std::string_view html, size_t pos, char32_t* cp);

}  // namespace gongkai::screening

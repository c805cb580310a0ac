#include "services/catalog_body.h"

#include "core/text.h"
#include "screening/html_reader.h"
#include "screening/utf8.h"

namespace gongkai::services {

namespace {

void AppendEscaped(std::string& out, std::string_view text) {
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
}

// The visible text of `html`, a line break at each block boundary.
std::string VisibleText(std::string_view html) {
  std::string text;
  for (const screening::TextSpan& span : screening::ReadHtml(html)) {
    switch (span.kind) {
      case screening::TextSpan::Kind::kText:
        text += html.substr(span.begin, span.end - span.begin);
        break;
      case screening::TextSpan::Kind::kChar:
        screening::AppendUtf8(span.cp, &text);
        break;
      case screening::TextSpan::Kind::kBreak:
        if (!text.empty() && text.back() != '\n') text += '\n';
        break;
    }
  }
  return text;
}

}  // namespace

PreparedBody PrepareBody(std::string_view input, bool plain_text) {
  PreparedBody out;
  // Until the rich-text sanitiser lands, HTML is kept as its visible text only: nothing from
  // the editor's markup reaches a page.
  out.text = plain_text ? std::string(input) : VisibleText(input);
  std::string paragraph;
  auto flush = [&] {
    std::string t = Trim(paragraph);
    if (!t.empty()) {
      out.html += "<p>";
      AppendEscaped(out.html, t);
      out.html += "</p>";
    }
    paragraph.clear();
  };
  for (const std::string& line : NonEmptyLines(out.text)) {
    paragraph = line;
    flush();
  }
  return out;
}

}  // namespace gongkai::services

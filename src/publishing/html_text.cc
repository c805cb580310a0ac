// PlainTextToHtml and HtmlToText (html_sanitizer.h).
#include <string>

#include "publishing/html_lexer.h"
#include "publishing/html_sanitizer.h"
#include "report/xml_reader.h"
#include "screening/html_reader.h"

namespace gongkai::publishing {
namespace {

bool Blank(std::string_view line) {
  return line.find_first_not_of(" \t") == std::string_view::npos;
}

// `line` without leading and trailing ASCII spaces and tabs, inner runs of them and of U+00A0
// and U+3000 (full-width space) as one space.
std::string Squeeze(std::string_view line) {
  std::string out;
  bool space = false;
  for (size_t i = 0; i < line.size();) {
    size_t len = 1;
    bool ws = line[i] == ' ' || line[i] == '\t';
    if (line.compare(i, 2, "\xC2\xA0") == 0) {
      ws = true;
      len = 2;
    } else if (line.compare(i, 3, "\xE3\x80\x80") == 0) {
      ws = true;
      len = 3;
    }
    if (ws) {
      space = !out.empty();
    } else {
      if (space) out += ' ';
      space = false;
      out.append(line.substr(i, len));
    }
    i += len;
  }
  return out;
}

}  // namespace

std::string PlainTextToHtml(std::string_view raw) {
  std::string text = CleanUtf8(raw);
  std::string out;
  std::string para;  // the current paragraph's lines, already escaped and joined with <br>
  auto flush = [&] {
    if (para.empty()) return;
    if (!out.empty()) out += '\n';
    out += "<p>" + para + "</p>";
    para.clear();
  };
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string::npos) nl = text.size();
    std::string_view line = std::string_view(text).substr(pos, nl - pos);
    if (Blank(line)) {
      flush();
    } else {
      if (!para.empty()) para += "<br>";
      AppendEscaped(para, line, false);
    }
    pos = nl + 1;
  }
  flush();
  return out;
}

std::string HtmlToText(std::string_view html) {
  std::string raw;
  for (const screening::TextSpan& s : screening::ReadHtml(html)) {
    switch (s.kind) {
      case screening::TextSpan::Kind::kText:
        for (char c : html.substr(s.begin, s.end - s.begin)) {
          raw += (c == '\n' || c == '\r') ? ' ' : c;
        }
        break;
      case screening::TextSpan::Kind::kChar:
        report::AppendUtf8(raw, s.cp);
        break;
      case screening::TextSpan::Kind::kBreak:
        raw += '\n';
        break;
    }
  }
  std::string out;
  size_t pos = 0;
  while (pos < raw.size()) {
    size_t nl = raw.find('\n', pos);
    if (nl == std::string::npos) nl = raw.size();
    std::string line = Squeeze(std::string_view(raw).substr(pos, nl - pos));
    if (!line.empty()) {
      if (!out.empty()) out += '\n';
      out += line;
    }
    pos = nl + 1;
  }
  return out;
}

}  // namespace gongkai::publishing

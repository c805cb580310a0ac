#include "screening/html_reader.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

namespace gongkai::screening {
namespace {

bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool StartsWithNoCase(std::string_view s, size_t pos, std::string_view prefix) {
  if (pos + prefix.size() > s.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    if (Lower(s[pos + i]) != prefix[i]) return false;
  }
  return true;
}

bool IsBlockTag(std::string_view name) {
  static constexpr std::array<std::string_view, 34> kBlock = {
      "address", "article", "aside", "blockquote", "br",    "caption", "dd", "div", "dl",
      "dt",      "footer",  "form",  "h1",         "h2",    "h3",      "h4", "h5",  "h6",
      "header",  "hr",      "li",    "main",       "nav",   "ol",      "p",  "pre", "section",
      "table",   "tbody",   "td",    "th",         "title", "tr",      "ul"};
  return std::find(kBlock.begin(), kBlock.end(), name) != kBlock.end();
}

}  // namespace

size_t CharacterReferenceLength(std::string_view s, size_t pos, char32_t* cp) {
  size_t semi = s.find(';', pos + 1);
  if (semi == std::string_view::npos || semi - pos > 12 || semi == pos + 1) return 0;
  std::string_view body = s.substr(pos + 1, semi - pos - 1);
  if (body[0] == '#') {
    char32_t v = 0;
    bool hex = body.size() > 1 && (body[1] == 'x' || body[1] == 'X');
    size_t i = hex ? 2 : 1;
    if (i >= body.size()) return 0;
    for (; i < body.size(); ++i) {
      char c = body[i];
      int d;
      if (c >= '0' && c <= '9') {
        d = c - '0';
      } else if (hex && Lower(c) >= 'a' && Lower(c) <= 'f') {
        d = Lower(c) - 'a' + 10;
      } else {
        return 0;
      }
      v = v * (hex ? 16 : 10) + d;
      if (v > 0x10FFFF) return 0;
    }
    if (v == 0 || (v >= 0xD800 && v <= 0xDFFF)) return 0;
    *cp = v;
    return semi - pos + 1;
  }
  struct Named {
    std::string_view name;
    char32_t cp;
  };
  static constexpr std::array<Named, 19> kNamed = {{{"nbsp", 0xA0},
                                                    {"amp", '&'},
                                                    {"lt", '<'},
                                                    {"gt", '>'},
                                                    {"quot", '"'},
                                                    {"apos", '\''},
                                                    {"ldquo", 0x201C},
                                                    {"rdquo", 0x201D},
                                                    {"lsquo", 0x2018},
                                                    {"rsquo", 0x2019},
                                                    {"mdash", 0x2014},
                                                    {"hellip", 0x2026},
                                                    {"middot", 0xB7},
                                                    {"emsp", 0x2003},
                                                    {"ensp", 0x2002},
                                                    {"thinsp", 0x2009},
                                                    {"zwj", 0x200D},
                                                    {"zwnj", 0x200C},
                                                    {"shy", 0xAD}}};
  for (const auto& n : kNamed) {
    if (n.name == body) {
      *cp = n.cp;
      return semi - pos + 1;
    }
  }
  return 0;
}

namespace {

// End (one past '>') of the tag starting at `pos`, honouring quoted attribute
// values; s.size() when unterminated.
size_t TagEnd(std::string_view s, size_t pos) {
  char quote = 0;
  for (size_t i = pos + 1; i < s.size(); ++i) {
    char c = s[i];
    if (quote != 0) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '>') {
      return i + 1;
    }
  }
  return s.size();
}

}  // namespace

std::vector<TextSpan> ReadHtml(std::string_view s) {
  std::vector<TextSpan> spans;
  size_t text_begin = 0;
  auto flush = [&](size_t end) {
    if (end > text_begin) {
      spans.push_back({static_cast<uint32_t>(text_begin), static_cast<uint32_t>(end), 0,
                       TextSpan::Kind::kText});
    }
  };
  size_t i = 0;
  while (i < s.size()) {
    size_t next = s.find_first_of("<&", i);
    if (next == std::string_view::npos) break;
    i = next;
    if (s[i] == '&') {
      char32_t cp = 0;
      size_t len = CharacterReferenceLength(s, i, &cp);
      if (len == 0) {
        ++i;
        continue;
      }
      flush(i);
      spans.push_back(
          {static_cast<uint32_t>(i), static_cast<uint32_t>(i + len), cp, TextSpan::Kind::kChar});
      i += len;
      text_begin = i;
      continue;
    }
    // s[i] == '<'
    size_t end;
    bool is_break = false;
    if (s.compare(i, 4, "<!--") == 0) {
      size_t close = s.find("-->", i + 4);
      end = close == std::string_view::npos ? s.size() : close + 3;
    } else if (i + 1 < s.size() && (s[i + 1] == '!' || s[i + 1] == '?')) {
      end = TagEnd(s, i);
    } else {
      bool closing = i + 1 < s.size() && s[i + 1] == '/';
      size_t name_begin = i + (closing ? 2 : 1);
      if (name_begin >= s.size() || !IsAlpha(s[name_begin])) {
        ++i;  // a lone '<' is text
        continue;
      }
      size_t name_end = name_begin;
      std::string name;
      while (name_end < s.size() &&
             (IsAlpha(s[name_end]) || std::isdigit(static_cast<unsigned char>(s[name_end])))) {
        name.push_back(Lower(s[name_end]));
        ++name_end;
      }
      end = TagEnd(s, i);
      is_break = IsBlockTag(name);
      if (!closing && (name == "script" || name == "style")) {
        std::string close_tag = "</" + name;
        size_t j = end;
        while (j < s.size()) {
          j = s.find('<', j);
          if (j == std::string_view::npos) {
            j = s.size();
            break;
          }
          if (StartsWithNoCase(s, j, close_tag)) break;
          ++j;
        }
        end = j >= s.size() ? s.size() : TagEnd(s, j);
        is_break = true;
      }
    }
    flush(i);
    if (is_break) {
      spans.push_back(
          {static_cast<uint32_t>(i), static_cast<uint32_t>(end), 0, TextSpan::Kind::kBreak});
    }
    i = end;
    text_begin = i;
  }
  flush(s.size());
  return spans;
}

}  // namespace gongkai::screening

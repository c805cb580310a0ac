#include "publishing/html_lexer.h"

#include <array>
#include <cstdint>

#include "report/xml_reader.h"
#include "screening/html_reader.h"

namespace gongkai::publishing {
namespace {

char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }
bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'; }
bool IsKeptControl(uint32_t cp) { return cp == '\t' || cp == '\n' || cp == '\r'; }
// Not a control character (C0, DEL, C1), or one of those kept.
bool IsKept(uint32_t cp) { return (cp >= 0x20 && (cp < 0x7F || cp > 0x9F)) || IsKeptControl(cp); }

constexpr uint32_t kReplacement = 0xFFFD;

// Length of the valid UTF-8 sequence at s[i] and its code point, or 0 when invalid.
size_t Utf8At(std::string_view s, size_t i, uint32_t* cp) {
  auto b = [&](size_t k) { return static_cast<unsigned char>(s[i + k]); };
  unsigned char c = b(0);
  if (c < 0x80) {
    *cp = c;
    return 1;
  }
  size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 0;
  if (len == 0 || c > 0xF4 || i + len > s.size()) return 0;
  uint32_t v = c & (0x3F >> (len - 1));
  for (size_t k = 1; k < len; ++k) {
    if ((b(k) & 0xC0) != 0x80) return 0;
    v = (v << 6) | (b(k) & 0x3F);
  }
  static constexpr std::array<uint32_t, 5> kMin = {0, 0, 0x80, 0x800, 0x10000};
  if (v < kMin[len] || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) return 0;
  *cp = v;
  return len;
}

bool StartsNoCase(std::string_view s, size_t pos, std::string_view prefix) {
  if (pos + prefix.size() > s.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    if (Lower(s[pos + i]) != prefix[i]) return false;
  }
  return true;
}

}  // namespace

bool IsRawTextElement(std::string_view name) {
  static constexpr std::array<std::string_view, 10> kRaw = {
      "script", "style",   "textarea", "title",    "xmp",
      "iframe", "noembed", "noframes", "noscript", "plaintext"};
  for (std::string_view r : kRaw) {
    if (r == name) return true;
  }
  return false;
}

namespace {

// Position of "</name" (followed by space, / or >) at or after `pos`, or npos.
size_t FindEndTag(std::string_view s, size_t pos, std::string_view name) {
  for (size_t i = s.find("</", pos); i != s.npos; i = s.find("</", i + 2)) {
    size_t after = i + 2 + name.size();
    if (StartsNoCase(s, i + 2, name) &&
        (after == s.size() || IsSpace(s[after]) || s[after] == '/' || s[after] == '>')) {
      return i;
    }
  }
  return s.npos;
}

// One past the '>' that ends the markup begun at `pos` (quotes honoured when `quoted`), or npos.
size_t MarkupEnd(std::string_view s, size_t pos, bool quoted) {
  char quote = 0;
  for (size_t i = pos; i < s.size(); ++i) {
    char c = s[i];
    if (quote != 0) {
      if (c == quote) quote = 0;
    } else if (quoted && (c == '"' || c == '\'')) {
      quote = c;
    } else if (c == '>') {
      return i + 1;
    }
  }
  return s.npos;
}

// Parses the start tag at s[pos] == '<' (s[pos+1] a letter) into `tok`; returns one past its
// '>', or npos when the tag is unterminated.
size_t ParseStartTag(std::string_view s, size_t pos, HtmlToken& tok) {
  tok.kind = HtmlToken::Kind::kStart;
  size_t i = pos + 1;
  while (i < s.size() && !IsSpace(s[i]) && s[i] != '/' && s[i] != '>') tok.text += Lower(s[i++]);
  while (i < s.size()) {
    while (i < s.size() && (IsSpace(s[i]) || s[i] == '/')) {
      tok.self_closing = s[i] == '/';
      ++i;
    }
    if (i >= s.size()) break;
    if (s[i] == '>') return i + 1;
    tok.self_closing = false;
    std::string name(1, Lower(s[i++]));
    while (i < s.size() && !IsSpace(s[i]) && s[i] != '/' && s[i] != '>' && s[i] != '=') {
      name += Lower(s[i++]);
    }
    while (i < s.size() && IsSpace(s[i])) ++i;
    std::string value;
    if (i < s.size() && s[i] == '=') {
      ++i;
      while (i < s.size() && IsSpace(s[i])) ++i;
      if (i < s.size() && (s[i] == '"' || s[i] == '\'')) {
        size_t close = s.find(s[i], i + 1);
        if (close == s.npos) return s.npos;
        value = DecodeEntities(s.substr(i + 1, close - i - 1));
        i = close + 1;
      } else {
        size_t begin = i;
        while (i < s.size() && !IsSpace(s[i]) && s[i] != '>') ++i;
        value = DecodeEntities(s.substr(begin, i - begin));
      }
    }
    bool seen = false;
    for (const auto& a : tok.attrs) seen = seen || a.first == name;
    if (!seen) tok.attrs.emplace_back(std::move(name), std::move(value));
  }
  return s.npos;
}

}  // namespace

std::string CleanUtf8(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    uint32_t cp = 0;
    size_t len = Utf8At(s, i, &cp);
    if (len == 0) {
      report::AppendUtf8(out, kReplacement);
      ++i;
      continue;
    }
    if (cp == '\r') {
      out += '\n';
      if (i + 1 < s.size() && s[i + 1] == '\n') ++i;
    } else if (IsKept(cp)) {
      out.append(s.substr(i, len));
    }
    i += len;
  }
  return out;
}

std::string DecodeEntities(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    if (s[i] != '&') {
      size_t next = s.find('&', i);
      if (next == s.npos) next = s.size();
      out.append(s.substr(i, next - i));
      i = next;
      continue;
    }
    if (i + 1 < s.size() && s[i + 1] == '#') {
      bool hex = i + 2 < s.size() && (s[i + 2] == 'x' || s[i + 2] == 'X');
      size_t j = i + (hex ? 3 : 2);
      uint64_t v = 0;
      size_t digits = 0;
      for (; j < s.size(); ++j, ++digits) {
        char c = Lower(s[j]);
        int d = (c >= '0' && c <= '9')          ? c - '0'
                : (hex && c >= 'a' && c <= 'f') ? c - 'a' + 10
                                                : -1;
        if (d < 0) break;
        v = std::min<uint64_t>(v * (hex ? 16 : 10) + d, 0x110000);
      }
      if (digits > 0) {
        if (j < s.size() && s[j] == ';') ++j;
        bool bad = v == 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF);
        uint32_t cp = bad ? kReplacement : static_cast<uint32_t>(v);
        if (IsKept(cp)) report::AppendUtf8(out, cp == '\r' ? '\n' : cp);
        i = j;
        continue;
      }
    } else {
      char32_t cp = 0;
      size_t len = screening::CharacterReferenceLength(s, i, &cp);
      if (len > 0) {
        report::AppendUtf8(out, cp);
        i += len;
        continue;
      }
    }
    out += '&';
    ++i;
  }
  return out;
}

std::vector<HtmlToken> TokenizeHtml(std::string_view s) {
  std::vector<HtmlToken> tokens;
  auto text = [&](std::string_view raw, bool decode) {
    if (raw.empty()) return;
    HtmlToken t;
    t.text = decode ? DecodeEntities(raw) : std::string(raw);
    tokens.push_back(std::move(t));
  };
  size_t i = 0;
  while (i < s.size()) {
    size_t lt = s.find('<', i);
    if (lt == s.npos) {
      text(s.substr(i), true);
      break;
    }
    text(s.substr(i, lt - i), true);
    i = lt;
    size_t end = s.npos;
    if (s.compare(i, 4, "<!--") == 0) {
      if (s.compare(i + 4, 1, ">") == 0) {
        end = i + 5;
      } else if (s.compare(i + 4, 2, "->") == 0) {
        end = i + 6;
      } else {
        size_t close = s.find("--", i + 4);
        while (close != s.npos && s.compare(close, 3, "-->") != 0 &&
               s.compare(close, 4, "--!>") != 0) {
          close = s.find("--", close + 1);
        }
        if (close != s.npos) end = close + (s[close + 2] == '!' ? 4 : 3);
      }
    } else if (s.compare(i, 9, "<![CDATA[") == 0) {
      size_t close = s.find("]]>", i + 9);
      if (close != s.npos) end = close + 3;
    } else if (s.compare(i, 2, "<!") == 0 || s.compare(i, 2, "<?") == 0) {
      end = MarkupEnd(s, i, false);
    } else if (s.compare(i, 2, "</") == 0) {
      end = MarkupEnd(s, i, IsAlpha(i + 2 < s.size() ? s[i + 2] : ' '));
      if (end != s.npos && i + 2 < s.size() && IsAlpha(s[i + 2])) {
        HtmlToken t;
        t.kind = HtmlToken::Kind::kEnd;
        for (size_t k = i + 2; k < end && !IsSpace(s[k]) && s[k] != '/' && s[k] != '>'; ++k) {
          t.text += Lower(s[k]);
        }
        tokens.push_back(std::move(t));
      }
    } else if (i + 1 < s.size() && IsAlpha(s[i + 1])) {
      HtmlToken t;
      end = ParseStartTag(s, i, t);
      if (end != s.npos) {
        std::string name = t.text;
        tokens.push_back(std::move(t));
        if (IsRawTextElement(name)) {
          size_t close = name == "plaintext" ? s.npos : FindEndTag(s, end, name);
          if (close == s.npos) close = s.size();
          text(s.substr(end, close - end), false);
          end = close;
        }
      }
    } else {
      text("<", false);
      end = i + 1;
    }
    if (end == s.npos) break;  // unterminated markup: the rest is dropped
    i = end;
  }
  return tokens;
}

void AppendEscaped(std::string& out, std::string_view text, bool attribute) {
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
        if (attribute) {
          out += "&quot;";
          break;
        }
        [[fallthrough]];
      default:
        out += c;
    }
  }
}

}  // namespace gongkai::publishing

#include "calendar/notice_text.h"

#include <algorithm>

namespace gongkai::calendar::notice {
namespace {

constexpr size_t kQuoteLimit = 40;

// Spaces of every width, zero-width marks, controls and line breaks: dropped.
bool IsIgnorable(char32_t c) {
  return c <= 0x20 || c == 0x7F || c == 0xA0 || c == 0x3000 || (c >= 0x2000 && c <= 0x200F) ||
         c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x2060 || c == 0xFEFF;
}

char32_t Fold(char32_t c) {
  if (c >= 0xFF01 && c <= 0xFF5E) return c - 0xFEE0;  // full-width ASCII
  switch (c) {
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2013:
    case 0x2014:
    case 0x2015:
    case 0x2212:
    case 0xFE58:
      return U'-';
    case 0x301C:
      return U'~';
    case 0xFF61:
      return U'。';
    case 0xFF64:
      return U'、';
    default:
      return c;
  }
}

int DigitValue(char32_t c) {
  switch (c) {
    case U'〇':
    case U'零':
      return 0;
    case U'一':
      return 1;
    case U'二':
    case U'两':
      return 2;
    case U'三':
      return 3;
    case U'四':
      return 4;
    case U'五':
      return 5;
    case U'六':
      return 6;
    case U'七':
      return 7;
    case U'八':
      return 8;
    case U'九':
      return 9;
    default:
      return -1;
  }
}

// 十 10, 廿 20, 卅 30; 0 otherwise.
int TensValue(char32_t c) { return c == U'十' ? 10 : c == U'廿' ? 20 : c == U'卅' ? 30 : 0; }

void AppendUtf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

}  // namespace

Scanner::Scanner(std::string_view s) {
  int line = 1;
  size_t i = 0;
  while (i < s.size()) {
    unsigned char b = static_cast<unsigned char>(s[i]);
    char32_t c = 0xFFFD;
    size_t len = 1;
    size_t need = b >= 0xC2 && b <= 0xDF   ? 1
                  : b >= 0xE0 && b <= 0xEF ? 2
                  : b >= 0xF0 && b <= 0xF4 ? 3
                                           : 0;
    if (b < 0x80) {
      c = b;
    } else if (need > 0 && i + need < s.size()) {
      char32_t v = b & (0x3F >> need);
      bool ok = true;
      for (size_t k = 1; k <= need && ok; ++k) {
        unsigned char cb = static_cast<unsigned char>(s[i + k]);
        ok = (cb & 0xC0) == 0x80;
        v = (v << 6) | (cb & 0x3F);
      }
      ok = ok && !(need == 2 && v < 0x800) && !(need == 3 && (v < 0x10000 || v > 0x10FFFF)) &&
           !(v >= 0xD800 && v <= 0xDFFF);
      if (ok) {
        c = v;
        len = need + 1;
      }
    }
    raw_.push_back({c, line});
    if (!IsIgnorable(c)) chars_.push_back({Fold(c), line, raw_.size() - 1});
    if (c == U'\n') ++line;
    i += len;
  }
}

int Scanner::LineOf(size_t i) const {
  if (chars_.empty()) return 1;
  return chars_[std::min(i, chars_.size() - 1)].line;
}

size_t Scanner::LineStart(size_t i) const {
  i = std::min(i, chars_.size() - 1);
  while (i > 0 && chars_[i - 1].line == chars_[i].line) --i;
  return i;
}

bool Scanner::Fail(size_t i) const {
  furthest_ = std::max(furthest_, i);
  return false;
}

bool Scanner::Peek(size_t i, std::u32string_view s) const {
  if (i + s.size() > chars_.size()) return false;
  for (size_t k = 0; k < s.size(); ++k) {
    if (chars_[i + k].c != s[k]) return false;
  }
  return true;
}

bool Scanner::Lit(size_t& i, std::u32string_view s) const {
  if (!Peek(i, s)) return Fail(i);
  i += s.size();
  return true;
}

bool Scanner::IsNumeral(char32_t c) {
  return (c >= U'0' && c <= U'9') || DigitValue(c) >= 0 || TensValue(c) > 0;
}

bool Scanner::Number(size_t& i, int* out) const {
  size_t j = i;
  if (At(j) >= U'0' && At(j) <= U'9') {
    int v = 0;
    while (At(j) >= U'0' && At(j) <= U'9') {
      if (j - i == 5) return Fail(j);
      v = v * 10 + static_cast<int>(At(j) - U'0');
      ++j;
    }
    *out = v;
    i = j;
    return true;
  }
  std::vector<char32_t> run;
  while (DigitValue(At(j)) >= 0 || TensValue(At(j)) > 0) run.push_back(At(j++));
  if (run.empty()) return Fail(i);
  auto unit = std::find_if(run.begin(), run.end(), [](char32_t c) { return TensValue(c) > 0; });
  int v = 0;
  if (unit == run.end()) {  // 二〇二七, 七
    if (run.size() > 4) return Fail(i);
    for (char32_t c : run) v = v * 10 + DigitValue(c);
  } else {  // [d]十[d], 廿[d], 卅[d]
    size_t before = unit - run.begin(), after = run.end() - unit - 1;
    if (before > 1 || after > 1 || (before == 1 && *unit != U'十')) return Fail(i);
    if ((after == 1 && DigitValue(unit[1]) < 0) || (before == 1 && DigitValue(run[0]) < 0)) {
      return Fail(i);
    }
    int tens = before == 1 ? DigitValue(run[0]) * 10 : TensValue(*unit);
    v = tens + (after == 1 ? DigitValue(unit[1]) : 0);
  }
  *out = v;
  i = j;
  return true;
}

bool Scanner::Weekday(size_t& i, int* out) const {
  size_t j = i;
  if (!Lit(j, U"星期") && !Lit(j, U"周") && !Lit(j, U"礼拜")) return false;
  static constexpr std::u32string_view kDays = U"一二三四五六日";
  char32_t c = At(j);
  size_t k = kDays.find(c);
  if (k != std::u32string_view::npos) {
    *out = static_cast<int>(k) + 1;
  } else if (c == U'天' || c == U'七') {
    *out = 7;
  } else if (c >= U'1' && c <= U'7') {
    *out = static_cast<int>(c - U'0');
  } else {
    return Fail(j);
  }
  i = j + 1;
  return true;
}

bool Scanner::Ordinal(size_t& i) const {
  size_t j = i;
  int v = 0;
  if (Lit(j, U"(")) {
    if (!Number(j, &v) || !Lit(j, U")")) return false;
    Lit(j, U"、");
  } else if (!Number(j, &v) || !(Lit(j, U"、") || Lit(j, U"."))) {
    return false;
  }
  i = j;
  return true;
}

void Scanner::SkipLunar(size_t& i) const {
  static constexpr std::u32string_view kLunar =
      U"正腊冬月初十廿卅一二三四五六七八九〇零两除夕闰小年";
  while (i < chars_.size() && kLunar.find(At(i)) != std::u32string_view::npos) ++i;
}

bool Scanner::Terminator(size_t& i) const { return Lit(i, U"。") || Lit(i, U".") || Lit(i, U";"); }

bool Scanner::Separator(size_t& i) const { return Terminator(i) || Lit(i, U","); }

bool Scanner::IsBreak(char32_t c) { return c == U'。' || c == U':' || c == U';'; }

std::string Scanner::Encode(size_t raw_begin, size_t raw_end, size_t limit) const {
  std::string out;
  size_t count = 0;
  for (size_t r = raw_begin; r < raw_end; ++r) {
    char32_t c = raw_[r].c;
    if (c == U'\t') c = U' ';
    if (c < 0x20 || c == 0x7F) continue;
    if (count == limit) {
      out += "…";
      break;
    }
    AppendUtf8(out, c);
    ++count;
  }
  return out;
}

std::string Scanner::Quote(size_t from) const {
  if (chars_.empty()) return "";
  from = std::min(from, chars_.size() - 1);
  size_t begin = chars_[from].raw;
  size_t end = begin;
  while (end < raw_.size() && raw_[end].line == raw_[begin].line && raw_[end].c != U'\n') ++end;
  while (end > begin && IsIgnorable(raw_[end - 1].c)) --end;
  return Encode(begin, end, kQuoteLimit);
}

std::string Scanner::Original(size_t begin, size_t end) const {
  if (begin >= end || end > chars_.size()) return "";
  return Encode(chars_[begin].raw, chars_[end - 1].raw + 1, kQuoteLimit);
}

Status Scanner::Error(int line, std::string_view en, const std::string& zh) const {
  return InvalidArgument("holiday notice line " + std::to_string(line) + ": " + std::string(en),
                         "第" + std::to_string(line) + "行：" + zh);
}

}  // namespace gongkai::calendar::notice

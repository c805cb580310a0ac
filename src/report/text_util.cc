#include "report/text_util.h"

#include <array>
#include <bit>
#include <cstring>

namespace gongkai::report {
namespace {

// Decodes one UTF-8 sequence at s[i]; returns its length (0 when invalid) and the code point.
int DecodeUtf8(std::string_view s, size_t i, uint32_t& cp) {
  auto b = static_cast<unsigned char>(s[i]);
  if (b < 0x80) {
    cp = b;
    return 1;
  }
  int len = 0;
  if ((b & 0xE0) == 0xC0) {
    len = 2;
    cp = b & 0x1F;
  } else if ((b & 0xF0) == 0xE0) {
    len = 3;
    cp = b & 0x0F;
  } else if ((b & 0xF8) == 0xF0) {
    len = 4;
    cp = b & 0x07;
  } else {
    return 0;
  }
  if (i + len > s.size()) return 0;
  for (int k = 1; k < len; ++k) {
    auto c = static_cast<unsigned char>(s[i + k]);
    if ((c & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (c & 0x3F);
  }
  if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
      cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    return 0;
  }
  return len;
}

bool IsSpaceCp(uint32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v' ||
         cp == 0xA0 || cp == 0x3000 || cp == 0x200B || cp == 0xFEFF || cp == 0x2002 ||
         cp == 0x2003 || cp == 0x2009;
}

bool IsQuoteCp(uint32_t cp) {
  return cp == '"' || cp == '\'' || cp == 0x201C || cp == 0x201D || cp == 0x2018 || cp == 0x2019 ||
         cp == 0x300C || cp == 0x300D || cp == 0x300E || cp == 0x300F;
}

// True when the first three bytes of `w` (little-endian) are a character with lead byte E4–E9
// (CJK ideographs U+4000–U+9FFF), which normalisation keeps as it is.
inline bool IsIdeograph(uint32_t w) {
  return (w & 0xFF) - 0xE4 <= 0xE9 - 0xE4 && (w & 0xC0C000) == 0x808000;
}

// Byte classes for AppendNormalized: 0 an ASCII byte kept as it is, 1 an ASCII byte dropped
// (whitespace and quotes), 2 a CJK lead byte (E4–E9), 3 any other non-ASCII byte.
constexpr std::array<uint8_t, 256> kNormClass = [] {
  std::array<uint8_t, 256> t{};
  for (int b = 0; b < 256; ++b) {
    if (b < 0x80) {
      t[b] = (b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\f' || b == '\v' ||
              b == '"' || b == '\'')
                 ? 1
                 : 0;
    } else {
      t[b] = b >= 0xE4 && b <= 0xE9 ? 2 : 3;
    }
  }
  return t;
}();

// Appends the normalised form of `s` to `out` unless it equals `s`; returns whether it appended.
bool AppendNormalized(std::string_view s, std::string& out) {
  // Bytes that stay as they are (nearly all) are copied in runs: [run, i). Nothing is written
  // until the first byte that changes.
  size_t i = 0, run = 0;
  bool changed = false;
  auto cut = [&](size_t skip) {
    changed = true;
    out.append(s.data() + run, i - run);
    i += skip;
    run = i;
  };
  const size_t n = s.size();
  while (i < n) {
    auto b = static_cast<unsigned char>(s[i]);
    const uint8_t cls = kNormClass[b];
    if (cls == 0) {
      ++i;
      continue;
    }
    if (cls == 1) {
      cut(1);
      continue;
    }
    // Fast path: CJK ideographs (U+4000–U+9FFF, lead bytes E4–E9) pass through unchanged.
    if (cls == 2 && i + 2 < n && (static_cast<unsigned char>(s[i + 1]) & 0xC0) == 0x80 &&
        (static_cast<unsigned char>(s[i + 2]) & 0xC0) == 0x80) {
      i += 3;
      // The rest of a run of ideographs, one 32-bit load each.
      if constexpr (std::endian::native == std::endian::little) {
        uint32_t w;
        while (i + 4 <= n && (std::memcpy(&w, s.data() + i, 4), IsIdeograph(w))) i += 3;
      }
      continue;
    }
    uint32_t cp = 0;
    int len = DecodeUtf8(s, i, cp);
    if (len == 0) {
      ++i;  // an invalid byte is kept as it is
    } else if (IsSpaceCp(cp) || IsQuoteCp(cp)) {
      cut(len);  // dropped
    } else if (cp >= 0xFF01 && cp <= 0xFF5E) {
      cut(len);
      out.push_back(static_cast<char>(cp - 0xFF01 + 0x21));
    } else {
      i += len;
    }
  }
  if (changed) out.append(s.data() + run, i - run);
  return changed;
}

}  // namespace

void NormalizeLabelInto(std::string_view s, std::string& out) {
  out.clear();
  if (!AppendNormalized(s, out)) out.assign(s);
}

std::string_view NormalizeLabelView(std::string_view s, std::string& buffer) {
  size_t start = buffer.size();
  if (!AppendNormalized(s, buffer)) return s;
  return std::string_view(buffer).substr(start);
}

std::string NormalizeLabel(std::string_view s) {
  std::string out;
  NormalizeLabelInto(s, out);
  return out;
}

std::string_view TrimSpace(std::string_view s) {
  if (s.empty()) return s;
  // Nearly every cell and line starts and ends with text: first and last byte say so. Spaces are
  // ASCII ≤ ' ', or U+3000 (E3 80 80) or U+00A0 (C2 A0).
  auto first = static_cast<unsigned char>(s.front()), last = static_cast<unsigned char>(s.back());
  if (first > ' ' && first != 0xE3 && first != 0xC2 && last > ' ' && last != 0x80 && last != 0xA0) {
    return s;
  }
  while (!s.empty()) {
    auto c = static_cast<unsigned char>(s.front());
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
      s.remove_prefix(1);
    } else if (c == 0xE3 && s.size() >= 3 && std::memcmp(s.data(), "\u3000", 3) == 0) {
      s.remove_prefix(3);
    } else if (c == 0xC2 && s.size() >= 2 && std::memcmp(s.data(), "\u00a0", 2) == 0) {
      s.remove_prefix(2);
    } else {
      break;
    }
  }
  while (!s.empty()) {
    auto c = static_cast<unsigned char>(s.back());
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
      s.remove_suffix(1);
    } else if (c == 0x80 && s.size() >= 3 &&
               std::memcmp(s.data() + s.size() - 3, "\u3000", 3) == 0) {
      s.remove_suffix(3);
    } else if (c == 0xA0 && s.size() >= 2 &&
               std::memcmp(s.data() + s.size() - 2, "\u00a0", 2) == 0) {
      s.remove_suffix(2);
    } else {
      break;
    }
  }
  return s;
}

std::optional<int64_t> ParseCellNumber(std::string_view text, int64_t scale, bool allow_negative) {
  return ParseNormalizedNumber(NormalizeLabel(text), scale, allow_negative);
}

std::optional<int64_t> ParseNormalizedNumber(std::string_view s, int64_t scale,
                                             bool allow_negative) {
  bool negative = false;
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) {
    if (!allow_negative && s[0] == '-') return std::nullopt;
    negative = s[0] == '-';
    s.remove_prefix(1);
  }
  if (s.empty()) return std::nullopt;
  constexpr int64_t kMax = 1'000'000'000'000;  // 10^12
  int64_t whole = 0;
  size_t i = 0;
  for (; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i) {
    whole = whole * 10 + (s[i] - '0');
    if (whole > kMax) return std::nullopt;
  }
  if (i == 0) return std::nullopt;
  int64_t frac = 0;
  if (i < s.size()) {
    if (s[i] != '.' || scale == 1) return std::nullopt;
    ++i;
    int64_t unit = scale;
    if (i == s.size()) return std::nullopt;
    for (; i < s.size(); ++i) {
      if (s[i] < '0' || s[i] > '9') return std::nullopt;
      unit /= 10;
      if (unit == 0) {
        if (s[i] != '0') return std::nullopt;  // more precision than 0.0001: never round
        continue;
      }
      frac += (s[i] - '0') * unit;
    }
  }
  int64_t v = whole * scale + frac;
  return negative ? -v : v;
}

bool LooksNumeric(std::string_view s) {
  if (s.empty()) return false;
  size_t i = 0;
  if (s[0] == '-' || s[0] == '+') i = 1;
  if (i >= s.size() || s[i] < '0' || s[i] > '9') return false;
  for (; i < s.size(); ++i) {
    char c = s[i];
    if (!((c >= '0' && c <= '9') || c == '.' || c == ',' || c == 'e' || c == 'E' || c == '+' ||
          c == '-')) {
      return false;
    }
  }
  return true;
}

std::string FormatAmount(int64_t units) {
  std::string sign = units < 0 ? "-" : "";
  uint64_t u = units < 0 ? static_cast<uint64_t>(-(units + 1)) + 1 : static_cast<uint64_t>(units);
  std::string out = sign + std::to_string(u / 10000);
  uint64_t frac = u % 10000;
  if (frac != 0) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "%04llu", static_cast<unsigned long long>(frac));
    std::string f = buf;
    while (!f.empty() && f.back() == '0') f.pop_back();
    out += "." + f;
  }
  return out;
}

// True when the first three bytes of `w` (little-endian) are a three-byte UTF-8 character with
// lead E1–EC or EE–EF (never overlong, never a surrogate).
inline bool IsPlainThreeByte(uint32_t w) {
  uint32_t lead = w & 0xFF;
  return lead - 0xE1 <= 0xEF - 0xE1 && lead != 0xED && (w & 0xC0C000) == 0x808000;
}

bool IsValidUtf8(std::string_view s) {
  size_t i = 0;
  const size_t n = s.size();
  while (i < n) {
    auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      // ASCII runs (numbers, tabs, markup) eight bytes at a time, up to the first non-ASCII byte
      // of the last word in one step (short runs between Chinese text are the common case).
      if constexpr (std::endian::native == std::endian::little) {
        if (i + 8 <= n) {
          uint64_t w;
          std::memcpy(&w, s.data() + i, 8);
          uint64_t high = w & 0x8080808080808080ull;  // s[i] is ASCII: bit 7 is clear
          i += high == 0 ? 8 : static_cast<size_t>(std::countr_zero(high)) / 8;
          continue;
        }
      }
      ++i;
      continue;
    }
    // Fast path for three-byte forms that cannot be overlong or surrogates (lead E1–EC, EE–EF):
    // CJK, CJK and full-width punctuation.
    if (b >= 0xE1 && b <= 0xEF && b != 0xED && i + 2 < n &&
        (static_cast<unsigned char>(s[i + 1]) & 0xC0) == 0x80 &&
        (static_cast<unsigned char>(s[i + 2]) & 0xC0) == 0x80) {
      i += 3;
      // The rest of a run of such characters (Chinese text), one 32-bit load each.
      if constexpr (std::endian::native == std::endian::little) {
        uint32_t w;
        while (i + 4 <= n && (std::memcpy(&w, s.data() + i, 4), IsPlainThreeByte(w))) i += 3;
      }
      continue;
    }
    uint32_t cp = 0;
    int len = DecodeUtf8(s, i, cp);
    if (len == 0) return false;
    i += len;
  }
  return true;
}

std::string XmlEscape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
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
        // XML 1.0 forbids most control characters; drop them rather than write invalid XML.
        if (static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t' && c != '\r') break;
        out.push_back(c);
    }
  }
  return out;
}

}  // namespace gongkai::report

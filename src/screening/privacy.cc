#include "screening/privacy.h"

#include <algorithm>

#include "screening/utf8.h"

namespace gongkai::screening {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

bool AllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), IsDigit);
}

// Province-level codes of GB/T 2260 (the first two digits of an ID).
bool KnownProvince(int code) {
  switch (code) {
    case 11:
    case 12:
    case 13:
    case 14:
    case 15:
    case 21:
    case 22:
    case 23:
    case 31:
    case 32:
    case 33:
    case 34:
    case 35:
    case 36:
    case 37:
    case 41:
    case 42:
    case 43:
    case 44:
    case 45:
    case 46:
    case 50:
    case 51:
    case 52:
    case 53:
    case 54:
    case 61:
    case 62:
    case 63:
    case 64:
    case 65:
    case 71:
    case 81:
    case 82:
      return true;
    default:
      return false;
  }
}

// The area code of a resident ID (its first six digits). Without a GB/T 2260
// table in Debian only the structure is checked: a known province; for the
// regions without subdivisions (台湾 71, 香港 81, 澳门 82, 83 of the residence
// permits for Taiwan residents) the rest is 0000; otherwise the prefecture
// part is 01–70 (地级市 01–20 and 51–70, 地区/自治州/盟 21–50) or 90 (县级
// directly under the province). The county part is not checked: a wrong
// rejection would leak a real number, and retired codes stay valid in old IDs.
bool PlausibleIdAreaCode(int province, int prefecture, int county) {
  if (province == 71 || province == 81 || province == 82 || province == 83) {
    return prefecture == 0 && county == 0;
  }
  if (!KnownProvince(province)) return false;
  return (prefecture >= 1 && prefecture <= 70) || prefecture == 90;
}

int Num(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

bool IsAsciiAlnum(char32_t c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// A digit-like character in its ASCII form ('0'-'9', 'X', '*'), or 0.
char IdChar(char32_t c) {
  if (c >= '0' && c <= '9') return static_cast<char>(c);
  if (c >= 0xFF10 && c <= 0xFF19) return static_cast<char>('0' + (c - 0xFF10));
  if (c == 'X' || c == 'x' || c == 0xFF38 || c == 0xFF58) return 'X';
  if (c == '*' || c == 0xFF0A) return '*';
  return 0;
}

bool IsEmailLocal(char c) {
  return IsAsciiAlnum(static_cast<unsigned char>(c)) || c == '.' || c == '_' || c == '%' ||
         c == '+' || c == '-';
}
bool IsEmailDomain(char c) {
  return IsAsciiAlnum(static_cast<unsigned char>(c)) || c == '.' || c == '-';
}

struct Run {
  size_t begin;
  size_t end;
  std::string value;  // ASCII digits, X and *
};

void Classify(std::string_view text, const Run& r, const Date& date, std::vector<PrivacyHit>* out) {
  const std::string& v = r.value;
  if (v.find('*') != std::string::npos) return;  // already masked: compliant
  auto add = [&](PrivacyType t) {
    out->push_back(
        {t, static_cast<uint32_t>(r.begin), static_cast<uint32_t>(r.end), MaskValue(t, v)});
  };
  (void)text;
  if (v.size() == 18 && IsValidResidentId18(v, date)) {
    if (!IsUnifiedSocialCreditCode(v)) add(PrivacyType::kResidentId);
    return;
  }
  if (!AllDigits(v)) return;
  if (v.size() == 15 && IsValidResidentId15(v)) {
    add(PrivacyType::kResidentId);
  } else if (v.size() == 11 && IsMobileNumber(v)) {
    add(PrivacyType::kMobile);
  } else if (v.size() >= 16 && v.size() <= 19 && IsBankCardNumber(v)) {
    if (v.size() == 18 && IsUnifiedSocialCreditCode(v)) return;
    // An ID-shaped number (province, real birth date) with a wrong check digit
    // passes Luhn one time in ten; it is a mistyped ID, not a bank card.
    if (v.size() == 18 &&
        PlausibleIdAreaCode(Num(v.substr(0, 2)), Num(v.substr(2, 2)), Num(v.substr(4, 2))) &&
        Num(v.substr(6, 2)) >= 19 &&
        IsValidDate(Num(v.substr(6, 4)), Num(v.substr(10, 2)), Num(v.substr(12, 2)))) {
      return;
    }
    add(PrivacyType::kBankCard);
  }
}

void ScanDigits(std::string_view text, size_t b, size_t e, const Date& date,
                std::vector<PrivacyHit>* out) {
  size_t i = b;
  char32_t prev = 0;
  while (i < e) {
    // Skip to a byte that can start a run: an ASCII digit or '*', or 0xEF,
    // the lead byte of full-width forms (０-９, ＊). The character before a
    // skipped stretch is only needed when it is ASCII (letters and digits
    // glue a run to a code).
    if (!IsDigit(text[i]) && text[i] != '*' && static_cast<unsigned char>(text[i]) != 0xEF) {
      size_t j = i + 1;
      while (j < e && !IsDigit(text[j]) && text[j] != '*' &&
             static_cast<unsigned char>(text[j]) != 0xEF) {
        ++j;
      }
      unsigned char last = static_cast<unsigned char>(text[j - 1]);
      prev = last < 0x80 ? last : 0;
      i = j;
      if (i >= e) break;
    }
    int len = 0;
    char32_t c = DecodeAt(text, i, &len);
    char ch = IdChar(c);
    if (ch == 0 || ch == 'X' || IsAsciiAlnum(prev)) {
      prev = c;
      i += len;
      continue;
    }
    Run r{i, i, ""};
    size_t j = i;
    char32_t last = 0;
    while (j < e) {
      int l = 0;
      char32_t d = DecodeAt(text, j, &l);
      char dc = IdChar(d);
      if (dc == 0) break;
      r.value.push_back(dc);
      last = d;
      j += l;
    }
    r.end = j;
    // Mobile numbers written 138-1234-5678 or 138 1234 5678.
    if (r.value.size() == 3 && r.value[0] == '1' && j + 10 <= e) {
      std::string_view rest = text.substr(j, 10);
      char sep = rest[0];
      if ((sep == '-' || sep == ' ') && AllDigits(rest.substr(1, 4)) && rest[5] == sep &&
          AllDigits(rest.substr(6, 4)) && (j + 10 == e || !IsDigit(text[j + 10]))) {
        r.value += std::string(rest.substr(1, 4)) + std::string(rest.substr(6, 4));
        r.end = j + 10;
        last = '0';
      }
    }
    int nl = 0;
    char32_t next = r.end < e ? DecodeAt(text, r.end, &nl) : 0;
    if (!IsAsciiAlnum(next)) Classify(text, r, date, out);
    prev = last;
    i = r.end;
  }
}

void ScanEmail(std::string_view text, size_t b, size_t e, std::vector<PrivacyHit>* out) {
  size_t at = text.find('@', b);
  while (at != std::string_view::npos && at < e) {
    size_t l = at;
    while (l > b && IsEmailLocal(text[l - 1])) --l;
    size_t r = at + 1;
    while (r < e && IsEmailDomain(text[r])) ++r;
    while (r > at + 1 && (text[r - 1] == '.' || text[r - 1] == '-')) --r;
    std::string_view local = text.substr(l, at - l);
    std::string_view domain = text.substr(at + 1, r - at - 1);
    size_t dot = domain.rfind('.');
    bool ok = !local.empty() && dot != std::string_view::npos && dot > 0 &&
              domain.size() - dot - 1 >= 2 && local.find('*') == std::string_view::npos;
    bool public_box = domain.size() >= 6 && (domain == "gov.cn" || domain.ends_with(".gov.cn"));
    if (ok && !public_box) {
      std::string value(text.substr(l, r - l));
      out->push_back({PrivacyType::kEmail, static_cast<uint32_t>(l), static_cast<uint32_t>(r),
                      MaskValue(PrivacyType::kEmail, value)});
    }
    at = text.find('@', std::max(at + 1, r));
  }
}

}  // namespace

const char* PrivacyTypeName(PrivacyType t) {
  switch (t) {
    case PrivacyType::kResidentId:
      return "居民身份证号码";
    case PrivacyType::kMobile:
      return "手机号码";
    case PrivacyType::kBankCard:
      return "银行卡号";
    case PrivacyType::kEmail:
      return "电子邮箱";
  }
  return "";
}

bool IsValidResidentId18(std::string_view id, const Date& latest_birth) {
  if (id.size() != 18 || !AllDigits(id.substr(0, 17))) return false;
  if (!IsDigit(id[17]) && id[17] != 'X' && id[17] != 'x') return false;
  if (!PlausibleIdAreaCode(Num(id.substr(0, 2)), Num(id.substr(2, 2)), Num(id.substr(4, 2)))) {
    return false;
  }
  int y = Num(id.substr(6, 4));
  int m = Num(id.substr(10, 2));
  int d = Num(id.substr(12, 2));
  if (y < 1900 || !IsValidDate(y, m, d) || latest_birth < Date{y, m, d}) return false;
  static constexpr int kWeights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  int sum = 0;
  for (int i = 0; i < 17; ++i) sum += (id[i] - '0') * kWeights[i];
  static constexpr char kCheck[12] = "10X98765432";
  char c = id[17] == 'x' ? 'X' : id[17];
  return kCheck[sum % 11] == c;
}

bool IsValidResidentId15(std::string_view id) {
  if (id.size() != 15 || !AllDigits(id)) return false;
  if (!PlausibleIdAreaCode(Num(id.substr(0, 2)), Num(id.substr(2, 2)), Num(id.substr(4, 2)))) {
    return false;
  }
  return IsValidDate(1900 + Num(id.substr(6, 2)), Num(id.substr(8, 2)), Num(id.substr(10, 2)));
}

bool IsMobileNumber(std::string_view d) {
  return d.size() == 11 && AllDigits(d) && d[0] == '1' && d[1] >= '3' && d[1] <= '9';
}

bool LuhnValid(std::string_view digits) {
  if (!AllDigits(digits)) return false;
  int sum = 0;
  bool dbl = false;
  for (size_t i = digits.size(); i-- > 0;) {
    int v = digits[i] - '0';
    if (dbl) {
      v *= 2;
      if (v > 9) v -= 9;
    }
    sum += v;
    dbl = !dbl;
  }
  return sum % 10 == 0;
}

bool IsBankCardNumber(std::string_view d) {
  if (d.size() < 16 || d.size() > 19 || !AllDigits(d)) return false;
  if (d[0] != '3' && d[0] != '4' && d[0] != '5' && d[0] != '6' && d[0] != '9') return false;
  return LuhnValid(d);
}

bool IsUnifiedSocialCreditCode(std::string_view code) {
  static constexpr std::string_view kAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  static constexpr int kWeights[17] = {1,  3,  9,  27, 19, 26, 16, 17, 20,
                                       29, 25, 13, 8,  24, 10, 30, 28};
  if (code.size() != 18 || !AllDigits(code.substr(2, 6))) return false;
  // Characters 3-8 are the registering authority's area code (GB/T 2260;
  // 100000 for central authorities).
  int province = Num(code.substr(2, 2));
  if (province != 10 && !KnownProvince(province)) return false;
  int sum = 0;
  for (int i = 0; i < 17; ++i) {
    size_t v = kAlphabet.find(code[i]);
    if (v == std::string_view::npos) return false;
    sum += static_cast<int>(v) * kWeights[i];
  }
  int check = (31 - sum % 31) % 31;
  return kAlphabet[check] == code[17];
}

std::string MaskValue(PrivacyType type, std::string_view v) {
  auto keep = [&](size_t head, size_t tail) {
    if (v.size() <= head + tail) return std::string(v.size(), '*');
    return std::string(v.substr(0, head)) + std::string(v.size() - head - tail, '*') +
           std::string(v.substr(v.size() - tail));
  };
  switch (type) {
    case PrivacyType::kResidentId:
      return keep(6, 4);
    case PrivacyType::kMobile:
      return keep(3, 4);
    case PrivacyType::kBankCard:
      return keep(4, 4);
    case PrivacyType::kEmail: {
      size_t at = v.find('@');
      if (at == std::string_view::npos || at == 0) return std::string(v);
      return std::string(v.substr(0, 1)) + "***" + std::string(v.substr(at));
    }
  }
  return std::string(v);
}

std::vector<PrivacyHit> FindPrivacy(std::string_view text, const std::vector<TextSpan>* spans,
                                    const Date& document_date) {
  std::vector<PrivacyHit> out;
  auto scan = [&](size_t b, size_t e) {
    ScanDigits(text, b, e, document_date, &out);
    ScanEmail(text, b, e, &out);
  };
  if (spans == nullptr) {
    scan(0, text.size());
  } else {
    for (const auto& s : *spans) {
      if (s.kind == TextSpan::Kind::kText) scan(s.begin, s.end);
    }
  }
  std::sort(out.begin(), out.end(),
            [](const PrivacyHit& a, const PrivacyHit& b) { return a.begin < b.begin; });
  return out;
}

}  // namespace gongkai::screening

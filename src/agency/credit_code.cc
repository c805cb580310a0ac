#include "agency/credit_code.h"

#include <array>

namespace gongkai::agency {

namespace {

constexpr std::string_view kAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";  // 31 characters
constexpr std::array<int, 17> kWeights = {1,  3,  9,  27, 19, 26, 16, 17, 20,
                                          29, 25, 13, 8,  24, 10, 30, 28};

int AlphabetIndex(char c) {
  size_t i = kAlphabet.find(c);
  return i == std::string_view::npos ? -1 : static_cast<int>(i);
}

// GB 11714: the 9th character of an 组织机构代码 over its first 8.
char OrganizationCheckChar(std::string_view first8) {
  static constexpr int kOrgWeights[] = {3, 7, 9, 10, 5, 8, 4, 2};
  int sum = 0;
  for (size_t i = 0; i < 8; ++i) {
    char c = first8[i];
    int v = (c >= '0' && c <= '9') ? c - '0' : c - 'A' + 10;
    sum += v * kOrgWeights[i];
  }
  int r = 11 - sum % 11;
  if (r == 10) return 'X';
  if (r == 11) return '0';
  return static_cast<char>('0' + r);
}

}  // namespace

std::string NormalizeCreditCode(std::string_view code) {
  size_t b = code.find_first_not_of(" \t");
  size_t e = code.find_last_not_of(" \t");
  std::string out;
  if (b == std::string_view::npos) return out;
  for (char c : code.substr(b, e - b + 1)) {
    out.push_back((c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c);
  }
  return out;
}

char CreditCodeCheckChar(std::string_view first17) {
  if (first17.size() < 17) return '\0';
  int sum = 0;
  for (size_t i = 0; i < 17; ++i) {
    int v = AlphabetIndex(first17[i]);
    if (v < 0) return '\0';
    sum += v * kWeights[i];
  }
  int r = 31 - sum % 31;
  return kAlphabet[r == 31 ? 0 : r];
}

Status ValidateCreditCode(std::string_view raw) {
  std::string code = NormalizeCreditCode(raw);
  std::string shown = code.size() > 30 ? code.substr(0, 30) + "…" : code;
  auto bad = [&](const std::string& en, const std::string& zh) {
    return InvalidArgument("credit code '" + shown + "': " + en,
                           "统一社会信用代码“" + shown + "”无效：" + zh);
  };
  if (code.size() != 18) {
    return bad("must have 18 characters", "应为18位，实际为" + std::to_string(code.size()) + "位");
  }
  for (size_t i = 0; i < 18; ++i) {
    if (AlphabetIndex(code[i]) < 0) {
      return bad("bad character at position " + std::to_string(i + 1),
                 "第" + std::to_string(i + 1) + "位“" + code.substr(i, 1) +
                     "”不是允许的字符（数字或除 I、O、S、V、Z 外的大写字母）");
    }
  }
  for (size_t i = 2; i < 8; ++i) {
    if (code[i] < '0' || code[i] > '9') {
      return bad("region code must be digits", "第3–8位（行政区划码）应为数字");
    }
  }
  char org = OrganizationCheckChar(std::string_view(code).substr(8, 8));
  if (code[16] != org) {
    return bad(
        "organization code check character mismatch",
        std::string("第9–17位（组织机构代码）校验位应为“") + org + "”，实际为“" + code[16] + "”");
  }
  char check = CreditCodeCheckChar(code);
  if (code[17] != check) {
    return bad("check character mismatch",
               std::string("校验位（第18位）应为“") + check + "”，实际为“" + code[17] + "”");
  }
  return Status::Ok();
}

}  // namespace gongkai::agency

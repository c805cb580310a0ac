#include "catalog/index_number.h"

#include <optional>
#include <vector>

#include "core/text.h"

namespace gongkai::catalog {

namespace {

struct Token {
  enum Kind { kLiteral, kCode, kYear, kMonth, kSeq } kind = kLiteral;
  std::string text;  // kLiteral
  int width = 0;     // kSeq
};

Status Bad(std::string zh) { return InvalidArgument("bad index pattern: " + zh, std::move(zh)); }

Result<std::vector<Token>> Tokenize(std::string_view p) {
  std::vector<Token> out;
  size_t i = 0;
  while (i < p.size()) {
    if (p[i] != '{') {
      size_t next = p.find('{', i);
      if (next == std::string_view::npos) next = p.size();
      out.push_back({Token::kLiteral, std::string(p.substr(i, next - i)), 0});
      i = next;
      continue;
    }
    size_t close = p.find('}', i);
    if (close == std::string_view::npos) return Bad("索引号格式中的“{”没有对应的“}”");
    std::string_view name = p.substr(i + 1, close - i - 1);
    Token t;
    if (name == "code") {
      t.kind = Token::kCode;
    } else if (name == "year") {
      t.kind = Token::kYear;
    } else if (name == "month") {
      t.kind = Token::kMonth;
    } else if (name.substr(0, 4) == "seq:" && name.size() == 5 && name[4] >= '1' &&
               name[4] <= '8') {
      t.kind = Token::kSeq;
      t.width = name[4] - '0';
    } else {
      return Bad("索引号格式中有未知的占位符“{" + std::string(name) +
                 "}”（可用 {code}、{year}、{month}、{seq:N}，N 为1–8）");
    }
    out.push_back(t);
    i = close + 1;
  }
  return out;
}

std::string Padded(int64_t v, int width) {
  std::string s = std::to_string(v);
  if (static_cast<int>(s.size()) < width) s.insert(0, width - s.size(), '0');
  return s;
}

}  // namespace

Status ValidateIndexPattern(std::string_view pattern) {
  if (pattern.empty() || pattern.size() > 80) return Bad("索引号格式须为1–80个字节");
  if (!IsCleanText(pattern, false)) return Bad("索引号格式含有无效字符");
  GONGKAI_ASSIGN_OR_RETURN(std::vector<Token> tokens, Tokenize(pattern));
  int seqs = 0, years = 0;
  for (const Token& t : tokens) {
    if (t.kind == Token::kSeq) ++seqs;
    if (t.kind == Token::kYear) ++years;
    if (t.kind == Token::kLiteral && t.text.find('}') != std::string::npos) {
      return Bad("索引号格式中的“}”没有对应的“{”");
    }
  }
  if (seqs != 1) return Bad("索引号格式须有且只有一个流水号 {seq:N}");
  if (years < 1) return Bad("索引号格式须含年份 {year}（流水号按年编排）");
  return Status::Ok();
}

Result<std::string> FormatIndexNumber(std::string_view pattern, std::string_view code, Date date,
                                      int64_t seq) {
  GONGKAI_RETURN_IF_ERROR(ValidateIndexPattern(pattern));
  GONGKAI_ASSIGN_OR_RETURN(std::vector<Token> tokens, Tokenize(pattern));
  std::string out;
  for (const Token& t : tokens) {
    switch (t.kind) {
      case Token::kLiteral:
        out += t.text;
        break;
      case Token::kCode:
        if (code.empty()) {
          return FailedPrecondition("agency has no credit code",
                                    "索引号格式使用机构代码，请先填写机构的统一社会信用代码");
        }
        out += code;
        break;
      case Token::kYear:
        out += Padded(date.year, 4);
        break;
      case Token::kMonth:
        out += Padded(date.month, 2);
        break;
      case Token::kSeq:
        out += Padded(seq, t.width);
        break;
    }
  }
  return out;
}

int64_t IndexSequence(std::string_view pattern, std::string_view code, int year,
                      std::string_view s) {
  Result<std::vector<Token>> tokens = Tokenize(pattern);
  if (!tokens.ok()) return 0;
  size_t at = 0;
  std::optional<int64_t> seq;
  auto digits = [&](size_t min, size_t max) -> std::optional<std::string_view> {
    size_t n = 0;
    while (at + n < s.size() && n < max && s[at + n] >= '0' && s[at + n] <= '9') ++n;
    if (n < min) return std::nullopt;
    std::string_view d = s.substr(at, n);
    at += n;
    return d;
  };
  for (const Token& t : *tokens) {
    std::string literal;
    switch (t.kind) {
      case Token::kLiteral:
        literal = t.text;
        break;
      case Token::kCode:
        literal = std::string(code);
        break;
      case Token::kYear:
        literal = Padded(year, 4);
        break;
      case Token::kMonth:
        if (!digits(2, 2)) return 0;
        continue;
      case Token::kSeq: {
        std::optional<std::string_view> d = digits(1, 12);
        if (!d) return 0;
        int64_t v = 0;
        for (char c : *d) v = v * 10 + (c - '0');
        seq = v;
        continue;
      }
    }
    if (s.substr(at, literal.size()) != literal) return 0;
    at += literal.size();
  }
  return at == s.size() && seq ? *seq : 0;
}

}  // namespace gongkai::catalog

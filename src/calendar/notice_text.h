#pragma once

// Internal to holiday_notice.cc: the characters of a pasted holiday notice and the small
// matchers its grammar is built from.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace gongkai::calendar::notice {

// The notice text as a stream of significant characters: UTF-8 decoded (a bad byte becomes
// U+FFFD), full-width ASCII folded (１０月１日（周四） → 10月1日(周四)), dashes folded to '-', and
// every space, control character and line break dropped. Each character keeps its 1-based line
// and its place in the original text, so messages can quote what the user pasted.
//
// Matchers take a position by reference: on a match they advance it and return true; otherwise
// they leave it and remember the furthest position where matching failed (for error messages;
// ResetFurthest starts a new attempt). Positions past the end read as character 0.
class Scanner {
 public:
  explicit Scanner(std::string_view text);

  size_t size() const { return chars_.size(); }
  char32_t At(size_t i) const { return i < chars_.size() ? chars_[i].c : 0; }
  // The line of character i (the last line for i past the end; 1 for an empty text).
  int LineOf(size_t i) const;
  // The first character on the line of character i.
  size_t LineStart(size_t i) const;

  // The exact characters `s` (already folded: ':' '(' ',' for full-width forms).
  bool Lit(size_t& i, std::u32string_view s) const;
  // Whether `s` is at i; never moves nor records a failure.
  bool Peek(size_t i, std::u32string_view s) const;
  // 1–5 ASCII digits, or Chinese numerals: 七, 二十八, 廿三, 二〇二七 (digit by digit).
  bool Number(size_t& i, int* out) const;
  // 周五 / 星期六 / 礼拜天 → 1 (Mon) … 7 (Sun).
  bool Weekday(size_t& i, int* out) const;
  // An item number: 一、 / 1、 / 1. / (一) / (1), optionally followed by 、.
  bool Ordinal(size_t& i) const;
  // Skips lunar-calendar words (腊月二十八, 正月初七, 除夕); never fails.
  void SkipLunar(size_t& i) const;
  // One sentence end: 。 . ;
  bool Terminator(size_t& i) const;
  // One stray mark between clauses: 。 . ; ,
  bool Separator(size_t& i) const;
  // Marks after which a one-line paste may start an item: 。 : ;
  static bool IsBreak(char32_t c);
  // Digits and Chinese numerals.
  static bool IsNumeral(char32_t c);

  size_t furthest() const { return furthest_; }
  void ResetFurthest(size_t i) const { furthest_ = i; }

  // The original text from character `from` to the end of its line, trimmed, at most 40
  // characters (then "…"). Valid UTF-8 whatever the input was.
  std::string Quote(size_t from) const;
  // The original text of characters [begin, end).
  std::string Original(size_t begin, size_t end) const;
  // kInvalidArgument 「第N行：zh」.
  Status Error(int line, std::string_view en, const std::string& zh) const;

 private:
  struct Raw {
    char32_t c;
    int line;
  };
  struct Char {
    char32_t c;
    int line;
    size_t raw;  // index into raw_
  };
  bool Fail(size_t i) const;
  std::string Encode(size_t raw_begin, size_t raw_end, size_t limit) const;

  std::vector<Raw> raw_;  // every decoded character, line breaks included
  std::vector<Char> chars_;
  mutable size_t furthest_ = 0;
};

}  // namespace gongkai::calendar::notice

#pragma once

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/result.h"

namespace gongkai {

// A proleptic Gregorian calendar date with no time zone: the unit of every
// statutory period (成文日期, 收到申请之日, 答复期限). Cheap value type.
struct Date {
  int year = 1970;
  int month = 1;  // 1..12
  int day = 1;    // 1..31

  // Days since 1970-01-01 (negative before). Valid only for a valid date.
  int64_t ToDays() const;
  static Date FromDays(int64_t days);

  // 1 = Monday … 7 = Sunday (ISO 8601).
  int IsoWeekday() const;
  bool IsWeekend() const { return IsoWeekday() >= 6; }

  Date AddDays(int64_t n) const { return FromDays(ToDays() + n); }

  // "2024-09-27".
  std::string ToString() const;
  // "2024年9月27日".
  std::string ToChinese() const;
  // "周五" for a Friday.
  std::string ChineseWeekday() const;

  // Parses "YYYY-MM-DD" (also "YYYY/MM/DD"), checking the day exists.
  // kInvalidArgument with a Chinese message naming the text otherwise.
  static Result<Date> Parse(std::string_view text);

  friend auto operator<=>(const Date&, const Date&) = default;
  friend bool operator==(const Date&, const Date&) = default;
};

bool IsLeapYear(int year);
int DaysInMonth(int year, int month);
// True when year/month/day name a real day in years 1..9999.
bool IsValidDate(int year, int month, int day);

}  // namespace gongkai

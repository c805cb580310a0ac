#include "core/date.h"

#include <charconv>
#include <cstdio>

namespace gongkai {

bool IsLeapYear(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int DaysInMonth(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m == 2 && IsLeapYear(y)) return 29;
  return kDays[m - 1];
}

bool IsValidDate(int y, int m, int d) {
  return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= DaysInMonth(y, m);
}

// Howard Hinnant's days_from_civil / civil_from_days
// (http://howardhinnant.github.io/date_algorithms.html).
int64_t Date::ToDays() const {
  int64_t y = year - (month <= 2 ? 1 : 0);
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t mp = (month + 9) % 12;
  const int64_t doy = (153 * mp + 2) / 5 + day - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

Date Date::FromDays(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  const int y = static_cast<int>(yoe + era * 400 + (m <= 2 ? 1 : 0));
  return Date{y, m, d};
}

int Date::IsoWeekday() const {
  // 1970-01-01 was a Thursday (4).
  int64_t r = (ToDays() + 3) % 7;
  if (r < 0) r += 7;
  return static_cast<int>(r) + 1;
}

std::string Date::ToString() const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return buf;
}

std::string Date::ToChinese() const {
  return std::to_string(year) + "年" + std::to_string(month) + "月" + std::to_string(day) + "日";
}

std::string Date::ChineseWeekday() const {
  static const char* kNames[] = {"周一", "周二", "周三", "周四", "周五", "周六", "周日"};
  return kNames[IsoWeekday() - 1];
}

namespace {
bool ParseInt(std::string_view s, int* out) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  auto r = std::from_chars(s.data(), s.data() + s.size(), *out);
  return r.ec == std::errc() && r.ptr == s.data() + s.size();
}
}  // namespace

Result<Date> Date::Parse(std::string_view text) {
  auto bad = [&](const char* why) {
    std::string shown(text.substr(0, 40));
    return InvalidArgument(
        std::string("invalid date '") + shown + "': " + why,
        "日期无效：“" + shown + "”，应为 YYYY-MM-DD 格式的真实日期（如 2024-09-27）");
  };
  if (text.size() < 8 || text.size() > 10) return bad("expected YYYY-MM-DD");
  char sep = text[4];
  if (sep != '-' && sep != '/') return bad("expected YYYY-MM-DD");
  size_t second = text.find(sep, 5);
  if (second == std::string_view::npos) return bad("expected YYYY-MM-DD");
  int y = 0, m = 0, d = 0;
  if (!ParseInt(text.substr(0, 4), &y) || !ParseInt(text.substr(5, second - 5), &m) ||
      !ParseInt(text.substr(second + 1), &d)) {
    return bad("expected digits");
  }
  if (!IsValidDate(y, m, d)) return bad("no such day");
  return Date{y, m, d};
}

}  // namespace gongkai

#include "core/clock.h"

#include <cstdio>

namespace gongkai {

namespace {
constexpr int64_t kChinaOffsetSeconds = 8 * 3600;

int64_t FloorDiv(int64_t a, int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }
}  // namespace

Date Clock::TodayInChina() const {
  return Date::FromDays(FloorDiv(NowUnixSeconds() + kChinaOffsetSeconds, 86400));
}

int64_t SystemClock::NowUnixSeconds() const {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::string FormatChinaTime(int64_t unix_seconds) {
  int64_t local = unix_seconds + kChinaOffsetSeconds;
  int64_t days = FloorDiv(local, 86400);
  int64_t secs = local - days * 86400;
  Date d = Date::FromDays(days);
  char buf[40];
  std::snprintf(buf, sizeof buf, "%sT%02d:%02d:%02d+08:00", d.ToString().c_str(),
                static_cast<int>(secs / 3600), static_cast<int>(secs / 60 % 60),
                static_cast<int>(secs % 60));
  return buf;
}

}  // namespace gongkai

#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>

#include "core/date.h"

namespace gongkai {

// The only way code learns the time (Envoy's rule): services take a Clock&,
// tests pass a FakeClock. Implementations are thread-safe.
class Clock {
 public:
  virtual ~Clock() = default;
  // Seconds since the Unix epoch, UTC.
  virtual int64_t NowUnixSeconds() const = 0;
  // Today's date in China Standard Time (UTC+8, no daylight saving), the
  // zone every statutory period is counted in.
  Date TodayInChina() const;
};

class SystemClock final : public Clock {
 public:
  int64_t NowUnixSeconds() const override;
};

// A clock that only moves when told to (tests). Thread-safe.
class FakeClock final : public Clock {
 public:
  explicit FakeClock(int64_t unix_seconds) : now_(unix_seconds) {}
  int64_t NowUnixSeconds() const override { return now_.load(); }
  void Set(int64_t unix_seconds) { now_.store(unix_seconds); }
  void Advance(int64_t seconds) { now_.fetch_add(seconds); }

 private:
  std::atomic<int64_t> now_;
};

// "2024-09-27T08:30:00+08:00" for a Unix time, in China Standard Time.
std::string FormatChinaTime(int64_t unix_seconds);

}  // namespace gongkai

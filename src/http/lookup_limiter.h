#pragma once

#include <cstdint>
#include <deque>
#include <map>
#include <mutex>
#include <string>

#include "core/clock.h"

namespace gongkai::http {

// Caps failed public look-ups (the /status lookup code) per client address: after
// `max_failures` failures within `window_seconds`, further look-ups from that address are
// refused until the oldest failure leaves the window. In memory: a restart forgets it, which is
// acceptable because a lookup code has 80 random bits and the cap only keeps the database from
// being hammered. Thread-safe.
class LookupLimiter {
 public:
  explicit LookupLimiter(const Clock& clock, int max_failures = 10, int64_t window_seconds = 900)
      : clock_(clock), max_failures_(max_failures), window_seconds_(window_seconds) {}

  // False when `address` has used up its failures in the window.
  bool Allowed(const std::string& address);
  void RecordFailure(const std::string& address);

 private:
  void Prune(std::deque<int64_t>& times, int64_t now) const;

  const Clock& clock_;
  const int max_failures_;
  const int64_t window_seconds_;
  std::mutex mu_;
  std::map<std::string, std::deque<int64_t>> failures_;
};

}  // namespace gongkai::http

#include "http/lookup_limiter.h"

namespace gongkai::http {

void LookupLimiter::Prune(std::deque<int64_t>& times, int64_t now) const {
  while (!times.empty() && times.front() <= now - window_seconds_) times.pop_front();
}

bool LookupLimiter::Allowed(const std::string& address) {
  std::lock_guard lock(mu_);
  auto it = failures_.find(address);
  if (it == failures_.end()) return true;
  Prune(it->second, clock_.NowUnixSeconds());
  if (it->second.empty()) {
    failures_.erase(it);
    return true;
  }
  return static_cast<int>(it->second.size()) < max_failures_;
}

void LookupLimiter::RecordFailure(const std::string& address) {
  std::lock_guard lock(mu_);
  int64_t now = clock_.NowUnixSeconds();
  // Bound the memory: drop addresses whose failures all left the window.
  if (failures_.size() > 10000) {
    for (auto it = failures_.begin(); it != failures_.end();) {
      Prune(it->second, now);
      it = it->second.empty() ? failures_.erase(it) : std::next(it);
    }
  }
  failures_[address].push_back(now);
}

}  // namespace gongkai::http

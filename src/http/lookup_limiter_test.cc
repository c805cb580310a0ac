#include "http/lookup_limiter.h"

#include <gtest/gtest.h>

namespace gongkai::http {
namespace {

TEST(LookupLimiterTest, RefusesAfterTheCapUntilTheWindowMoves) {
  FakeClock clock(1000);
  LookupLimiter limiter(clock, 3, 60);
  for (int i = 0; i < 3; ++i) {
    EXPECT_TRUE(limiter.Allowed("10.0.0.1")) << i;
    limiter.RecordFailure("10.0.0.1");
    clock.Advance(10);
  }
  EXPECT_FALSE(limiter.Allowed("10.0.0.1"));
  EXPECT_TRUE(limiter.Allowed("10.0.0.2"));  // per address
  clock.Advance(30);                         // t=1060: the first failure (t=1000) left the window
  EXPECT_TRUE(limiter.Allowed("10.0.0.1"));
  limiter.RecordFailure("10.0.0.1");
  EXPECT_FALSE(limiter.Allowed("10.0.0.1"));
}

}  // namespace
}  // namespace gongkai::http

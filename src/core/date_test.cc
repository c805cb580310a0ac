#include "core/date.h"

#include <gtest/gtest.h>

#include "core/clock.h"

namespace gongkai {
namespace {

TEST(DateTest, RoundTripsThroughDays) {
  EXPECT_EQ((Date{1970, 1, 1}).ToDays(), 0);
  EXPECT_EQ((Date{2024, 9, 27}).ToDays(), 19993);
  for (int64_t d = -800000; d < 800000; d += 997) {
    EXPECT_EQ(Date::FromDays(d).ToDays(), d);
  }
}

TEST(DateTest, KnowsWeekdays) {
  EXPECT_EQ((Date{2024, 9, 27}).IsoWeekday(), 5);  // Friday
  EXPECT_EQ((Date{2024, 9, 29}).IsoWeekday(), 7);  // Sunday, a 调休 working day
  EXPECT_TRUE((Date{2024, 9, 29}).IsWeekend());
  EXPECT_EQ((Date{2024, 9, 27}).ChineseWeekday(), "周五");
}

TEST(DateTest, ParsesAndRejects) {
  auto d = Date::Parse("2024-02-29");
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(*d, (Date{2024, 2, 29}));
  EXPECT_EQ(Date::Parse("2024/9/7").value(), (Date{2024, 9, 7}));
  for (const char* bad : {"2023-02-29", "2024-13-01", "2024-00-10", "24-01-01", "2024-1-",
                          "abcd-ef-gh", "", "2024-01-01x", "2024--1-01", "0000-01-01"}) {
    auto r = Date::Parse(bad);
    EXPECT_FALSE(r.ok()) << bad;
    EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument) << bad;
  }
  EXPECT_NE(Date::Parse("2023-02-29").status().UserMessage().find("2023-02-29"), std::string::npos);
}

TEST(DateTest, FormatsChinese) {
  EXPECT_EQ((Date{2024, 9, 7}).ToString(), "2024-09-07");
  EXPECT_EQ((Date{2024, 9, 7}).ToChinese(), "2024年9月7日");
}

TEST(ClockTest, TodayIsCountedInChinaTime) {
  // 2024-09-30T16:00:00Z is 2024-10-01 00:00 in Beijing.
  FakeClock clock(1727712000);
  EXPECT_EQ(clock.TodayInChina(), (Date{2024, 10, 1}));
  clock.Advance(-1);
  EXPECT_EQ(clock.TodayInChina(), (Date{2024, 9, 30}));
  EXPECT_EQ(FormatChinaTime(1727712000), "2024-10-01T00:00:00+08:00");
}

TEST(StatusTest, CarriesBothMessages) {
  Status s = InvalidArgument("bad year", "年份无效");
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.ToString(), "InvalidArgument: bad year");
  EXPECT_EQ(s.UserMessage(), "年份无效");
  EXPECT_EQ(NotFound("x").UserMessage(), "未找到");
  Status c = s.WithContext("line 3", "第3行");
  EXPECT_EQ(c.message(), "line 3: bad year");
  EXPECT_EQ(c.UserMessage(), "第3行：年份无效");
}

Result<int> Half(int x) {
  if (x % 2 != 0) return InvalidArgument("odd");
  return x / 2;
}

Result<int> Quarter(int x) {
  GONGKAI_ASSIGN_OR_RETURN(int h, Half(x));
  GONGKAI_ASSIGN_OR_RETURN(int q, Half(h));
  return q;
}

TEST(StatusTest, AssignOrReturnPropagates) {
  EXPECT_EQ(Quarter(8).value(), 2);
  EXPECT_EQ(Quarter(6).status().message(), "odd");
}

}  // namespace
}  // namespace gongkai

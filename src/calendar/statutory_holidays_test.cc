// The computed statutory holidays: 2027 against the dates of the Chinese calendar, and every year
// of the bundled official data (2019–2026): each computed statutory day must be a rest day there.
#include "calendar/statutory_holidays.h"

#include <gtest/gtest.h>

#include "calendar/calendar_files.h"

namespace gongkai::calendar {
namespace {

std::vector<std::string> Rendered(int year) {
  auto days = StatutoryHolidays(year);
  EXPECT_TRUE(days.ok()) << days.status().ToString();
  std::vector<std::string> out;
  for (const auto& d : *days) out.push_back(d.date.ToString() + " " + d.name);
  return out;
}

TEST(StatutoryHolidaysTest, Year2027) {
  EXPECT_EQ(Rendered(2027),
            (std::vector<std::string>{"2027-01-01 元旦", "2027-02-05 春节", "2027-02-06 春节",
                                      "2027-02-07 春节", "2027-02-08 春节", "2027-04-05 清明节",
                                      "2027-05-01 劳动节", "2027-05-02 劳动节", "2027-06-09 端午节",
                                      "2027-09-15 中秋节", "2027-10-01 国庆节", "2027-10-02 国庆节",
                                      "2027-10-03 国庆节"}));
}

TEST(StatutoryHolidaysTest, RulesOfEachAmendment) {
  // 2013 (2007 rules): 除夕 + 初一–初二; 2024 (2013 rules): 初一–初三, 劳动节 one day.
  EXPECT_EQ(Rendered(2013)[1], "2013-02-09 春节");  // 除夕
  EXPECT_EQ(Rendered(2013).size(), 11u);
  EXPECT_EQ(Rendered(2024),
            (std::vector<std::string>{"2024-01-01 元旦", "2024-02-10 春节", "2024-02-11 春节",
                                      "2024-02-12 春节", "2024-04-04 清明节", "2024-05-01 劳动节",
                                      "2024-06-10 端午节", "2024-09-17 中秋节", "2024-10-01 国庆节",
                                      "2024-10-02 国庆节", "2024-10-03 国庆节"}));
  // 2020: 中秋 on 国庆 (both listed; the calendar merges the day's names).
  EXPECT_EQ(Rendered(2020)[7], "2020-10-01 中秋节");
  EXPECT_EQ(StatutoryHolidays(2007).status().code(), StatusCode::kOutOfRange);
  EXPECT_EQ(StatutoryHolidays(2101).status().code(), StatusCode::kOutOfRange);
}

TEST(StatutoryHolidaysTest, SpringFestival2008To2030) {
  // 正月初一 as published (Purple Mountain Observatory); 2027 is a new moon at 23:56 China time.
  const Date expected[] = {
      {2008, 2, 7},  {2009, 1, 26}, {2010, 2, 14}, {2011, 2, 3},  {2012, 1, 23}, {2013, 2, 10},
      {2014, 1, 31}, {2015, 2, 19}, {2016, 2, 8},  {2017, 1, 28}, {2018, 2, 16}, {2019, 2, 5},
      {2020, 1, 25}, {2021, 2, 12}, {2022, 2, 1},  {2023, 1, 22}, {2024, 2, 10}, {2025, 1, 29},
      {2026, 2, 17}, {2027, 2, 6},  {2028, 1, 26}, {2029, 2, 13}, {2030, 2, 3}};
  for (const Date& d : expected) {
    auto got = LunarDate(d.year, 1, 1);
    ASSERT_TRUE(got.ok());
    EXPECT_EQ(*got, d) << d.ToString();
  }
}

TEST(StatutoryHolidaysTest, QingmingFromTheSolarTerm) {
  // 2019–2030 as published by the Purple Mountain Observatory.
  const int day[] = {5, 4, 4, 5, 5, 4, 4, 5, 5, 4, 4, 5};
  for (int y = 2019; y <= 2030; ++y) {
    EXPECT_EQ(QingmingDate(y), (Date{y, 4, day[y - 2019]})) << y;
  }
}

TEST(StatutoryHolidaysTest, MatchTheOfficialNotices2019To2026) {
  auto spans =
      LoadCalendar(std::string(GONGKAI_SOURCE_DIR) + "/data/calendar/cn_holiday_spans.tsv");
  ASSERT_TRUE(spans.ok()) << spans.status().ToString();
  int checked = 0;
  for (int year = 2019; year <= 2026; ++year) {
    auto days = StatutoryHolidays(year);
    ASSERT_TRUE(days.ok());
    for (const auto& d : *days) {
      auto info = spans->GetDayInfo(d.date);
      ASSERT_TRUE(info.ok());
      EXPECT_EQ(info->kind, DayKind::kHoliday) << d.date.ToString() << " " << d.name;
      EXPECT_NE(info->holiday_name.find(d.name), std::string::npos)
          << d.date.ToString() << " " << d.name << " listed as " << info->holiday_name;
      ++checked;
    }
  }
  EXPECT_EQ(checked, 6 * 11 + 2 * 13);
}

}  // namespace
}  // namespace gongkai::calendar

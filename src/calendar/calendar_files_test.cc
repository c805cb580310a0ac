// The bundled national data (data/calendar/), loaded the way the services load it. Every expected
// date was counted by hand against the notices in ../shared/spec/statutory-rules.md §4.
#include "calendar/calendar_files.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace gongkai::calendar {
namespace {

const WorkingDayCalendar& National() {
  static const WorkingDayCalendar* cal = [] {
    auto r = LoadCalendar();
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return new WorkingDayCalendar(std::move(r).value());
  }();
  return *cal;
}

Date Add(Date start, int n) {
  auto r = National().AddWorkingDays(start, n);
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  return r.ok() ? *r : Date{};
}

TEST(CalendarFilesTest, CoversExactly2019To2026) {
  EXPECT_EQ(National().covered_years(),
            (std::vector<int>{2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026}));
  EXPECT_EQ(National().CoveredYearsText(), "2019–2026年");
}

TEST(CalendarFilesTest, YearTotalsMatchTheNotices) {
  const std::vector<std::pair<int, int>> totals = {{2019, 250}, {2020, 249}, {2021, 250},
                                                   {2022, 249}, {2023, 249}, {2024, 251},
                                                   {2025, 248}, {2026, 248}};
  for (auto [year, total] : totals) {
    EXPECT_EQ(National().SummarizeYear(year)->working_days, total) << year;
    // (12-31 of the year before, 12-31]: the same year, through the walking code path.
    EXPECT_EQ(National().WorkingDaysBetween({year - 1, 12, 31}, {year, 12, 31}).value(), total)
        << year;
  }
  // Starting on 01-01 excludes it, which changes nothing when it is 元旦.
  EXPECT_EQ(National().WorkingDaysBetween({2024, 1, 1}, {2024, 12, 31}).value(), 251);
}

TEST(CalendarFilesTest, NationalDay2024) {
  // Received Fri 09-27: Sun 09-29 (调休) is day 1, 10-01..10-07 off, Sat 10-12 (调休) is day 7.
  EXPECT_EQ(Add({2024, 9, 27}, 1), (Date{2024, 9, 29}));
  EXPECT_EQ(Add({2024, 9, 27}, 7), (Date{2024, 10, 12}));
  EXPECT_EQ(Add({2024, 9, 27}, 20), (Date{2024, 10, 30}));
  EXPECT_EQ(Add({2024, 9, 30}, 1), (Date{2024, 10, 8}));
  EXPECT_EQ(Add({2024, 10, 11}, 1), (Date{2024, 10, 12}));
  EXPECT_EQ(National().GetDayInfo({2024, 10, 12})->Reason(), "调休上班（国庆节）");
  EXPECT_EQ(National().GetDayInfo({2024, 10, 7})->Reason(), "国庆节");
  auto ex = National().ExplainAddWorkingDays({2024, 9, 27}, 20).value();
  EXPECT_EQ(ex.calendar_days, 33);
  EXPECT_EQ(ex.weekend_days, 8);
  EXPECT_EQ(ex.holiday_days, 5);
  EXPECT_EQ(ex.adjusted_workdays, 2);
}

TEST(CalendarFilesTest, SpringFestival2020WithCovidExtension) {
  // The extension to 02-02 made Fri 01-31 a holiday and cancelled the Sat 02-01 workday.
  auto jan31 = National().GetDayInfo({2020, 1, 31}).value();
  EXPECT_EQ(jan31.kind, DayKind::kHoliday);
  EXPECT_EQ(jan31.holiday_name, "春节");
  EXPECT_EQ(National().GetDayInfo({2020, 2, 1})->kind, DayKind::kWeekend);
  EXPECT_EQ(National().GetDayInfo({2020, 1, 19})->kind, DayKind::kAdjustedWorkday);
  EXPECT_EQ(Add({2020, 1, 23}, 1), (Date{2020, 2, 3}));
  EXPECT_EQ(Add({2020, 1, 20}, 5), (Date{2020, 2, 4}));
  EXPECT_EQ(National().WorkingDaysBetween({2020, 1, 23}, {2020, 2, 3}).value(), 1);
}

TEST(CalendarFilesTest, RuleChangeOf2025) {
  // From 2025 除夕 is a holiday (2025-01-28); in 2024 除夕 (Fri 02-09) was still a working day.
  EXPECT_EQ(National().GetDayInfo({2025, 1, 28})->Reason(), "春节");
  EXPECT_TRUE(National().IsWorkingDay({2024, 2, 9}).value());
  EXPECT_EQ(Add({2025, 1, 27}, 1), (Date{2025, 2, 5}));
  EXPECT_EQ(National().GetDayInfo({2025, 1, 26})->Reason(), "调休上班（春节）");
  // 劳动节 is 2 days (05-01, 05-02) plus 调休: Thu 05-01 .. Mon 05-05 off, Sun 04-27 worked.
  for (int d = 1; d <= 5; ++d) EXPECT_FALSE(National().IsWorkingDay({2025, 5, d}).value()) << d;
  EXPECT_EQ(National().GetDayInfo({2025, 5, 2})->Reason(), "劳动节");
  EXPECT_TRUE(National().IsWorkingDay({2025, 4, 27}).value());
  EXPECT_EQ(Add({2025, 4, 30}, 1), (Date{2025, 5, 6}));
  EXPECT_EQ(Add({2025, 9, 30}, 1), (Date{2025, 10, 9}));
}

TEST(CalendarFilesTest, UncoveredYearsAreProvisional) {
  // 2027 has no notice in the bundled data: 元旦 2027-01-01 (a Friday) is counted as a rest day.
  auto late = National().ExplainAddWorkingDays({2026, 12, 20}, 20);
  ASSERT_TRUE(late.ok()) << late.status().ToString();
  EXPECT_EQ(late->due, (Date{2027, 1, 18}));
  EXPECT_EQ(late->provisional_years, (std::vector<int>{2027}));
  EXPECT_EQ(ProvisionalNote(late->provisional_years), "预计：2027年节假日安排尚未发布");
  // 2018 (before the data) by the 2014–2024 rules: 2018-12-29 was really a 调休 Saturday, which
  // cannot be guessed, so it is a weekend here.
  auto early = National().GetDayInfo({2018, 12, 29}).value();
  EXPECT_TRUE(early.provisional);
  EXPECT_EQ(early.kind, DayKind::kWeekend);
  EXPECT_EQ(Add({2018, 12, 28}, 1), (Date{2018, 12, 31}));
  // A start on the last day before coverage is fine: it is not examined.
  EXPECT_EQ(Add({2018, 12, 31}, 1), (Date{2019, 1, 2}));
  EXPECT_EQ(Add({2026, 12, 1}, 20), (Date{2026, 12, 29}));
  EXPECT_TRUE(National().ExplainAddWorkingDays({2026, 12, 1}, 20)->provisional_years.empty());
}

TEST(CalendarFilesTest, SpanFileGivesTheSameCountsWithHolidayNames) {
  auto spans =
      LoadCalendar(std::string(GONGKAI_SOURCE_DIR) + "/data/calendar/cn_holiday_spans.tsv");
  ASSERT_TRUE(spans.ok()) << spans.status().ToString();
  for (int year = 2019; year <= 2026; ++year) {
    EXPECT_EQ(spans->SummarizeYear(year)->working_days,
              National().SummarizeYear(year)->working_days)
        << year;
  }
  EXPECT_EQ(spans->GetDayInfo({2024, 10, 5})->Reason(), "国庆节");
  EXPECT_EQ(National().GetDayInfo({2024, 10, 5})->Reason(), "周末");
}

class CalendarFilesTempTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ =
        std::filesystem::temp_directory_path() /
        ("gongkai_calendar_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
         "_" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::string Write(const std::string& name, const std::string& text) {
    std::string path = (dir_ / name).string();
    std::ofstream(path, std::ios::binary) << text;
    return path;
  }
  std::filesystem::path dir_;
};

TEST_F(CalendarFilesTempTest, LoadsAnOverrideFile) {
  std::string local = Write("local.tsv", "date\tkind\tname\n2024-10-08\tholiday\t地方假日\n");
  auto cal = LoadCalendar("", local);
  ASSERT_TRUE(cal.ok()) << cal.status().ToString();
  EXPECT_EQ(cal->AddWorkingDays({2024, 9, 27}, 20).value(), (Date{2024, 10, 31}));
}

TEST_F(CalendarFilesTempTest, ReportsUnreadableAndMalformedFiles) {
  std::string missing = (dir_ / "missing.tsv").string();
  auto r = LoadCalendar(missing);
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(r.status().UserMessage(), "无法读取文件“" + missing + "”（不存在或没有读取权限）");
  EXPECT_EQ(LoadCalendar(dir_.string()).status().UserMessage(),
            "无法读取文件“" + dir_.string() + "”：这是一个目录");
  std::string bad = Write(
      "bad.tsv", "date\tkind\tname\n2024-10-01\tholiday\t国庆节\n2024-10-32\tholiday\t国庆节\n");
  EXPECT_EQ(LoadCalendar(bad).status().UserMessage(),
            "节假日文件 " + bad + " 第3行：日期“2024-10-32”无效");
  std::string bad_override = Write("o.tsv", "date\tkind\tname\n2024-10-01\tbogus\tx\n");
  EXPECT_EQ(
      LoadCalendar("", bad_override).status().UserMessage(),
      "节假日文件 " + bad_override + " 第2行：类型“bogus”无效，应为 holiday、workday 或 cancel");
}

}  // namespace
}  // namespace gongkai::calendar

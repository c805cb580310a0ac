// Pure tests on small inline tables; the bundled national data is tested in calendar_files_test.cc.
#include "calendar/working_day_calendar.h"

#include <gtest/gtest.h>

#include <thread>

namespace gongkai::calendar {
namespace {

// National Day 2024 as in the notice (weekday holidays + weekend workdays), declared for 2024.
constexpr std::string_view kNationalDay2024 =
    "# years: 2024\n"
    "date\tkind\tname\n"
    "2024-09-29\tworkday\t国庆节\n"
    "2024-10-01\tholiday\t国庆节\n"
    "2024-10-02\tholiday\t国庆节\n"
    "2024-10-03\tholiday\t国庆节\n"
    "2024-10-04\tholiday\t国庆节\n"
    "2024-10-07\tholiday\t国庆节\n"
    "2024-10-12\tworkday\t国庆节\n";

WorkingDayCalendar Build(std::string_view national, std::string_view overrides = {}) {
  auto n = ParseHolidayTable(national, "national.tsv", TableRole::kNational);
  EXPECT_TRUE(n.ok()) << n.status().ToString();
  if (overrides.empty()) return WorkingDayCalendar::Create(*n).value();
  auto o = ParseHolidayTable(overrides, "local.tsv", TableRole::kOverride);
  EXPECT_TRUE(o.ok()) << o.status().ToString();
  auto cal = WorkingDayCalendar::Create(*n, &o.value());
  EXPECT_TRUE(cal.ok()) << cal.status().ToString();
  return std::move(cal).value();
}

TEST(WorkingDayCalendarTest, ClassifiesDays) {
  WorkingDayCalendar cal = Build(kNationalDay2024);
  auto info = cal.GetDayInfo({2024, 10, 1}).value();
  EXPECT_EQ(info.kind, DayKind::kHoliday);
  EXPECT_EQ(info.holiday_name, "国庆节");
  EXPECT_EQ(info.Reason(), "国庆节");
  EXPECT_FALSE(info.working());
  info = cal.GetDayInfo({2024, 10, 12}).value();
  EXPECT_EQ(info.kind, DayKind::kAdjustedWorkday);
  EXPECT_EQ(info.Reason(), "调休上班（国庆节）");
  EXPECT_TRUE(info.working());
  EXPECT_EQ(cal.GetDayInfo({2024, 10, 13})->Reason(), "周末");
  EXPECT_EQ(cal.GetDayInfo({2024, 10, 14})->Reason(), "工作日");
  EXPECT_FALSE(cal.IsWorkingDay({2024, 10, 5}).value());
  EXPECT_TRUE(cal.IsWorkingDay({2024, 9, 29}).value());
}

TEST(WorkingDayCalendarTest, StartDayIsNotCounted) {
  WorkingDayCalendar cal = Build(kNationalDay2024);
  EXPECT_EQ(cal.AddWorkingDays({2024, 10, 8}, 1).value(), (Date{2024, 10, 9}));
  EXPECT_EQ(cal.AddWorkingDays({2024, 10, 8}, 0).value(), (Date{2024, 10, 8}));
  // A start on a holiday: day 1 is the first working day after it.
  EXPECT_EQ(cal.AddWorkingDays({2024, 10, 1}, 1).value(), (Date{2024, 10, 8}));
  EXPECT_EQ(cal.WorkingDaysBetween({2024, 10, 8}, {2024, 10, 8}).value(), 0);
  EXPECT_EQ(cal.WorkingDaysBetween({2024, 10, 8}, {2024, 10, 9}).value(), 1);
}

TEST(WorkingDayCalendarTest, CountsAdjustedWorkdaysAroundNationalDay) {
  WorkingDayCalendar cal = Build(kNationalDay2024);
  // Fri 09-27: Sun 09-29 (调休) is day 1, Mon 09-30 day 2, Tue 10-08 day 3, Sat 10-12 day 7.
  EXPECT_EQ(cal.AddWorkingDays({2024, 9, 27}, 1).value(), (Date{2024, 9, 29}));
  EXPECT_EQ(cal.AddWorkingDays({2024, 9, 27}, 3).value(), (Date{2024, 10, 8}));
  EXPECT_EQ(cal.AddWorkingDays({2024, 9, 27}, 7).value(), (Date{2024, 10, 12}));
  EXPECT_EQ(cal.AddWorkingDays({2024, 9, 27}, 20).value(), (Date{2024, 10, 30}));
  EXPECT_EQ(cal.WorkingDaysBetween({2024, 9, 27}, {2024, 10, 30}).value(), 20);
}

TEST(WorkingDayCalendarTest, RejectsNegativeCountsAndReversedRanges) {
  WorkingDayCalendar cal = Build(kNationalDay2024);
  auto r = cal.AddWorkingDays({2024, 10, 8}, -1);
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(r.status().UserMessage(), "工作日数不能为负数：-1");
  EXPECT_EQ(cal.ExplainAddWorkingDays({2024, 10, 8}, -5).status().code(),
            StatusCode::kInvalidArgument);
  auto b = cal.WorkingDaysBetween({2024, 10, 9}, {2024, 10, 8});
  EXPECT_EQ(b.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(b.status().UserMessage(), "结束日期2024-10-08早于开始日期2024-10-09");
}

TEST(WorkingDayCalendarTest, CountsUncoveredYearsProvisionally) {
  WorkingDayCalendar cal = Build(kNationalDay2024);
  EXPECT_EQ(cal.CoveredYearsText(), "2024年");
  EXPECT_TRUE(cal.IsProvisional(2025));
  EXPECT_FALSE(cal.IsProvisional(2024));
  // 2025 has no notice here: 元旦 (a Wednesday) is a statutory day, weekends rest, no 调休.
  auto ex = cal.ExplainAddWorkingDays({2024, 12, 20}, 20);
  ASSERT_TRUE(ex.ok()) << ex.status().ToString();
  EXPECT_EQ(ex->due, (Date{2025, 1, 20}));
  EXPECT_EQ(ex->provisional_years, (std::vector<int>{2025}));
  EXPECT_EQ(ex->holiday_days, 1);
  auto ny = cal.GetDayInfo({2025, 1, 1}).value();
  EXPECT_TRUE(ny.provisional);
  EXPECT_EQ(ny.kind, DayKind::kHoliday);
  EXPECT_EQ(ny.Reason(), "元旦（预计）");
  EXPECT_TRUE(cal.GetDayInfo({2025, 1, 2}).value().provisional);
  EXPECT_FALSE(cal.GetDayInfo({2024, 12, 31}).value().provisional);
  EXPECT_EQ(ProvisionalNote(ex->provisional_years), "预计：2025年节假日安排尚未发布");
  EXPECT_EQ(ProvisionalNote({2025, 2026}), "预计：2025、2026年节假日安排尚未发布");
  EXPECT_EQ(ProvisionalNote({}), "");
  // A count inside the covered year is not provisional.
  auto inside = cal.ExplainAddWorkingDays({2024, 12, 27}, 2);
  EXPECT_EQ(inside->due, (Date{2024, 12, 31}));
  EXPECT_TRUE(inside->provisional_years.empty());
  EXPECT_EQ(cal.ProvisionalYearsBetween({2023, 12, 1}, {2025, 1, 2}),
            (std::vector<int>{2023, 2025}));
}

TEST(WorkingDayCalendarTest, RefusesYearsBeyondTheStatutoryRules) {
  WorkingDayCalendar cal = Build("# years: 2100\ndate\tkind\tname\n2100-10-01\tholiday\t国庆节\n");
  auto r = cal.AddWorkingDays({2100, 12, 20}, 20);
  EXPECT_EQ(r.status().code(), StatusCode::kOutOfRange);
  EXPECT_EQ(r.status().UserMessage(),
            "工作日历未包含2101年的节假日安排（已覆盖2100年，可预计2008–2100年）");
  EXPECT_EQ(cal.IsWorkingDay({2007, 1, 2}).status().code(), StatusCode::kOutOfRange);
  EXPECT_EQ(cal.AddWorkingDays({2100, 12, 27}, 2).value(), (Date{2100, 12, 29}));
}

TEST(WorkingDayCalendarTest, CoverageFollowsEntriesWithoutDeclaration) {
  WorkingDayCalendar cal = Build(
      "date\tkind\tname\n2019-10-01\tholiday\t国庆节\n2021-10-01\tholiday\t国庆节\n"
      "2022-10-03\tholiday\t国庆节\n");
  EXPECT_EQ(cal.covered_years(), (std::vector<int>{2019, 2021, 2022}));
  EXPECT_EQ(cal.CoveredYearsText(), "2019、2021–2022年");
  // The gap year is counted provisionally.
  EXPECT_TRUE(cal.IsProvisional(2020));
  EXPECT_TRUE(cal.GetDayInfo({2020, 6, 1}).value().provisional);
  EXPECT_TRUE(cal.IsWorkingDay({2020, 6, 1}).value());
}

TEST(WorkingDayCalendarTest, ExplainsEveryDay) {
  WorkingDayCalendar cal = Build(kNationalDay2024);
  auto ex = cal.ExplainAddWorkingDays({2024, 9, 27}, 20).value();
  EXPECT_EQ(ex.due, (Date{2024, 10, 30}));
  EXPECT_EQ(ex.calendar_days, 33);
  ASSERT_EQ(ex.days.size(), 33u);
  EXPECT_EQ(ex.working_days, 20);
  EXPECT_EQ(ex.weekend_days, 8);
  EXPECT_EQ(ex.holiday_days, 5);
  EXPECT_EQ(ex.adjusted_workdays, 2);
  EXPECT_EQ(ex.excluded_working_days, 0);
  EXPECT_EQ(ex.days[0].info.date, (Date{2024, 9, 28}));
  EXPECT_EQ(ex.days[0].weekday, "周六");
  EXPECT_FALSE(ex.days[0].counted);
  EXPECT_EQ(ex.days[0].reason, "周末");
  EXPECT_EQ(ex.days[1].reason, "调休上班（国庆节）");
  EXPECT_TRUE(ex.days[1].counted);
  EXPECT_EQ(ex.days[1].running_count, 1);
  EXPECT_EQ(ex.days[3].info.date, (Date{2024, 10, 1}));
  EXPECT_EQ(ex.days[3].reason, "国庆节");
  EXPECT_EQ(ex.days[3].running_count, 2);
  EXPECT_EQ(ex.days[14].info.date, (Date{2024, 10, 12}));
  EXPECT_EQ(ex.days[14].running_count, 7);
  EXPECT_EQ(ex.days[32].running_count, 20);
  EXPECT_EQ(ex.days[32].weekday, "周三");
  // Count 0: nothing to explain.
  auto zero = cal.ExplainAddWorkingDays({2024, 10, 1}, 0).value();
  EXPECT_EQ(zero.due, (Date{2024, 10, 1}));
  EXPECT_TRUE(zero.days.empty());
}

TEST(WorkingDayCalendarTest, ExcludedSpansAreNotCounted) {
  WorkingDayCalendar cal = Build(kNationalDay2024);
  // Third-party consultation Sat 10-12 .. Fri 10-18: 10-12 (调休) and 10-14..10-18 are excluded.
  std::vector<ExcludedSpan> spans = {{{2024, 10, 12}, {2024, 10, 18}, "征求第三方意见"}};
  EXPECT_EQ(cal.AddWorkingDays({2024, 9, 27}, 20, spans).value(), (Date{2024, 11, 7}));
  auto ex = cal.ExplainAddWorkingDays({2024, 9, 27}, 20, spans).value();
  EXPECT_EQ(ex.due, (Date{2024, 11, 7}));
  EXPECT_EQ(ex.excluded_working_days, 6);
  EXPECT_EQ(ex.working_days, 20);
  EXPECT_EQ(ex.adjusted_workdays, 1);
  EXPECT_EQ(ex.calendar_days, 41);
  EXPECT_EQ(ex.days[14].info.date, (Date{2024, 10, 12}));
  EXPECT_FALSE(ex.days[14].counted);
  EXPECT_EQ(ex.days[14].reason, "征求第三方意见");
  EXPECT_EQ(ex.days[15].reason, "周末");  // Sun 10-13 stays a weekend
  EXPECT_EQ(ex.days[16].reason, "征求第三方意见");
  EXPECT_EQ(ex.days[16].running_count, 6);
  EXPECT_EQ(cal.WorkingDaysBetween({2024, 9, 27}, {2024, 11, 7}, spans).value(), 20);
  EXPECT_EQ(cal.WorkingDaysBetween({2024, 9, 27}, {2024, 11, 7}).value(), 26);
  std::vector<ExcludedSpan> reversed = {{{2024, 10, 18}, {2024, 10, 12}, "征求第三方意见"}};
  auto bad = cal.AddWorkingDays({2024, 9, 27}, 20, reversed);
  EXPECT_EQ(bad.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(bad.status().UserMessage(),
            "不计算期间“征求第三方意见”的结束日期2024-10-12早于开始日期2024-10-18");
  EXPECT_EQ(cal.WorkingDaysBetween({2024, 9, 27}, {2024, 11, 7}, reversed).status().code(),
            StatusCode::kInvalidArgument);
}

TEST(WorkingDayCalendarTest, OverridesAddReplaceAndCancel) {
  // A regional holiday on Tue 10-08 moves the due date one working day later.
  EXPECT_EQ(Build(kNationalDay2024, "date\tkind\tname\n2024-10-08\tholiday\t地方假日\n")
                .AddWorkingDays({2024, 9, 27}, 20)
                .value(),
            (Date{2024, 10, 31}));
  // Replacing the 10-12 调休 workday by a holiday does the same.
  WorkingDayCalendar replaced =
      Build(kNationalDay2024, "date\tkind\tname\n2024-10-12\tholiday\t地方假日\n");
  EXPECT_EQ(replaced.GetDayInfo({2024, 10, 12})->Reason(), "地方假日");
  EXPECT_EQ(replaced.AddWorkingDays({2024, 9, 27}, 20).value(), (Date{2024, 10, 31}));
  // Cancelling the 10-07 holiday makes it a plain Monday: one day earlier.
  WorkingDayCalendar cancelled = Build(kNationalDay2024, "date\tkind\tname\n2024-10-07\tcancel\n");
  EXPECT_EQ(cancelled.GetDayInfo({2024, 10, 7})->kind, DayKind::kWorkday);
  EXPECT_EQ(cancelled.AddWorkingDays({2024, 9, 27}, 20).value(), (Date{2024, 10, 29}));
  // Cancelling the Sat 10-12 workday makes it a weekend again.
  EXPECT_EQ(Build(kNationalDay2024, "date\tkind\tname\n2024-10-12\tcancel\n")
                .GetDayInfo({2024, 10, 12})
                ->kind,
            DayKind::kWeekend);
  // A regional 调休 Sunday counts.
  EXPECT_EQ(Build(kNationalDay2024, "date\tkind\tname\n2024-10-13\tworkday\t地方调休\n")
                .AddWorkingDays({2024, 9, 27}, 20)
                .value(),
            (Date{2024, 10, 29}));
}

TEST(WorkingDayCalendarTest, RejectsBadOverrides) {
  auto national = ParseHolidayTable(kNationalDay2024, "national.tsv", TableRole::kNational).value();
  auto outside = ParseHolidayTable("date\tkind\tname\n2025-01-02\tholiday\t地方假日\n", "local.tsv",
                                   TableRole::kOverride)
                     .value();
  auto r = WorkingDayCalendar::Create(national, &outside);
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(
      r.status().UserMessage(),
      "覆盖文件 local.tsv 第2行：日期2025-01-02不在全国节假日数据覆盖的年份内（已覆盖2024年）");
  auto stray = ParseHolidayTable("date\tkind\tname\n\n2024-10-09\tcancel\t\n", "local.tsv",
                                 TableRole::kOverride)
                   .value();
  EXPECT_EQ(WorkingDayCalendar::Create(national, &stray).status().UserMessage(),
            "覆盖文件 local.tsv 第3行：要取消的日期2024-10-09在全国数据中没有条目");
  auto empty = ParseHolidayTable("date\tkind\tname\n", "empty.tsv", TableRole::kNational).value();
  EXPECT_EQ(WorkingDayCalendar::Create(empty).status().UserMessage(),
            "节假日文件 empty.tsv 没有任何条目");
}

TEST(WorkingDayCalendarTest, SummarizesAYear) {
  WorkingDayCalendar cal = Build(kNationalDay2024);
  auto s = cal.SummarizeYear(2024).value();
  EXPECT_EQ(s.year, 2024);
  ASSERT_EQ(s.holidays.size(), 5u);
  EXPECT_EQ(s.holidays[4].date, (Date{2024, 10, 7}));
  ASSERT_EQ(s.adjusted_workdays.size(), 2u);
  EXPECT_EQ(s.adjusted_workdays[0].date, (Date{2024, 9, 29}));
  // 262 Mon–Fri days in 2024, minus 5 holidays, plus 2 调休 days.
  EXPECT_EQ(s.working_days, 259);
  EXPECT_FALSE(s.provisional);
  // 2023 is not covered: the statutory days only (11 under the 2013 rules), no 调休.
  auto p = cal.SummarizeYear(2023).value();
  EXPECT_TRUE(p.provisional);
  EXPECT_EQ(p.holidays.size(), 11u);
  EXPECT_TRUE(p.adjusted_workdays.empty());
  EXPECT_EQ(p.holidays[1].Reason(), "春节（预计）");
}

TEST(WorkingDayCalendarTest, IsSafeToShareBetweenThreads) {
  const WorkingDayCalendar cal = Build(kNationalDay2024);
  std::vector<std::thread> threads;
  std::vector<Date> results(4);
  for (int i = 0; i < 4; ++i) {
    threads.emplace_back([&cal, &results, i] {
      for (int k = 0; k < 200; ++k) results[i] = cal.AddWorkingDays({2024, 9, 27}, 20).value();
    });
  }
  for (auto& t : threads) t.join();
  for (const Date& d : results) EXPECT_EQ(d, (Date{2024, 10, 30}));
}

}  // namespace
}  // namespace gongkai::calendar

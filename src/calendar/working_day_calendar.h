#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "calendar/holiday_table.h"
#include "core/date.h"
#include "core/result.h"

namespace gongkai::calendar {

// How a calendar day is treated when counting working days (工作日).
enum class DayKind {
  kWorkday,          // Monday–Friday, no holiday (工作日)
  kWeekend,          // Saturday or Sunday, no entry (周末)
  kHoliday,          // a listed rest day (法定节假日 or a day off in its span)
  kAdjustedWorkday,  // a weekend day that is worked (调休上班)
};

// One calendar day as the calendar sees it.
struct DayInfo {
  Date date;
  DayKind kind = DayKind::kWorkday;
  std::string holiday_name;  // kHoliday / kAdjustedWorkday: e.g. 国庆节; empty otherwise
  // The day lies in a year that no notice covers: its kind is the 放假办法's statutory days and the
  // weekends only (预计), and may change when the State Council's notice is imported.
  bool provisional = false;

  bool working() const { return kind == DayKind::kWorkday || kind == DayKind::kAdjustedWorkday; }
  // 工作日 / 周末 / 国庆节 / 调休上班（国庆节）; a provisional holiday: 春节（预计）.
  std::string Reason() const;
};

// A date range whose working days are not counted (e.g. 征求第三方意见, Art. 33 of the 条例).
// `label` is shown as the reason for each excluded working day.
struct ExcludedSpan {
  Date from;  // inclusive
  Date to;    // inclusive
  std::string label;
};

// One day of an explained computation.
struct ExplainedDay {
  DayInfo info;
  std::string weekday;  // 周一 … 周日
  bool counted = false;
  int running_count = 0;  // working days counted up to and including this day
  std::string reason;     // DayInfo::Reason(), or the span's label for an excluded working day
};

// Every day from start+1 to the due date, with totals (the days add up to calendar_days).
struct Explanation {
  Date start;
  int working_days_requested = 0;
  Date due;
  std::vector<ExplainedDay> days;
  int calendar_days = 0;          // 自然日
  int working_days = 0;           // counted, includes adjusted_workdays
  int weekend_days = 0;           // 周末
  int holiday_days = 0;           // 法定节假日 (listed rest days)
  int adjusted_workdays = 0;      // 调休上班 days counted
  int excluded_working_days = 0;  // working days inside an ExcludedSpan
  // Years of the examined days that no notice covers (ascending): the due date is 预计.
  std::vector<int> provisional_years;
};

// 「预计：2027年节假日安排尚未发布」 (「2027、2028年」 for several); empty for no years.
std::string ProvisionalNote(const std::vector<int>& years);

// One year as listed by the data: its rest days, its 调休上班 days and its working-day total.
struct YearSummary {
  int year = 0;
  std::vector<DayInfo> holidays;           // listed rest days, in date order
  std::vector<DayInfo> adjusted_workdays;  // 调休上班, in date order
  int working_days = 0;
  bool provisional = false;  // no notice covers the year: statutory days only (预计)
};

// Answers "which date is N working days after D" for statutory deadlines (答复期限): weekends are
// rest days unless listed as 调休上班; listed holidays are rest days. Knows which years its data
// (the State Council's notices) covers. A year it does not cover, within kFirstStatutoryYear..
// kLastStatutoryYear, is provisional (预计): its rest days are the weekends and the statutory
// holidays of the 放假办法 (statutory_holidays.h), no 调休 is guessed, and every day and
// explanation of it says so — the product never stops counting while next year's notice is awaited.
// Outside that range any computation fails with kOutOfRange. Counting starts the day after `start`
// (民法典 第201条). Immutable after construction (provisional years are computed once, on first
// use, under a lock); safe to share between threads.
class WorkingDayCalendar {
 public:
  // Builds the calendar from a national table and an optional override table (regional days: an
  // override line replaces the national entry for its date, `cancel` removes it). Covered years:
  // the national table's declared years, else every year it has entries for. kInvalidArgument for
  // an empty national table, a `cancel` of a date without a national entry, or an override date
  // outside the covered years (Chinese message naming the override line).
  //
  // `notices` are imported notices of single years (a table each, its `declared_years` naming the
  // year): each notice's year becomes covered, the national entries of that year are replaced by
  // the notice's, and a notice's days outside its year (a 元旦 span starting on 31 December) are
  // merged into the data of that year. Overrides apply last.
  static Result<WorkingDayCalendar> Create(const HolidayTable& national,
                                           const HolidayTable* overrides = nullptr,
                                           std::span<const HolidayTable> notices = {});

  // The years covered, ascending.
  const std::vector<int>& covered_years() const { return years_; }
  bool Covers(int year) const;
  // "2019–2026年" (or "2019、2021–2022年" with gaps).
  std::string CoveredYearsText() const;
  // Not covered by the data, but computable from the 放假办法 (预计).
  bool IsProvisional(int year) const;
  // The provisional years among a.year..b.year, ascending.
  std::vector<int> ProvisionalYearsBetween(Date a, Date b) const;

  // kOutOfRange outside the covered and provisional years.
  Result<DayInfo> GetDayInfo(Date date) const;
  Result<bool> IsWorkingDay(Date date) const;

  // The date `count` working days after `start` (start not counted: day 1 is the first working
  // day after it; count 0 → start). Working days inside `excluded` spans are not counted.
  // kInvalidArgument for count < 0 or a span with from > to; kOutOfRange when a day to examine
  // lies outside the covered years.
  Result<Date> AddWorkingDays(Date start, int count,
                              std::span<const ExcludedSpan> excluded = {}) const;
  // AddWorkingDays with every day from start+1 to the due date explained. Same errors.
  Result<Explanation> ExplainAddWorkingDays(Date start, int count,
                                            std::span<const ExcludedSpan> excluded = {}) const;

  // Working days in (a, b], not counting those inside `excluded`; 0 when a == b.
  // kInvalidArgument if b < a or a span has from > to; kOutOfRange as above.
  Result<int> WorkingDaysBetween(Date a, Date b, std::span<const ExcludedSpan> excluded = {}) const;

  // The listed (or, for a provisional year, computed) days and working-day total of a year.
  Result<YearSummary> SummarizeYear(int year) const;

 private:
  struct Entry {
    int64_t day;  // Date::ToDays()
    DayKind kind;
    std::string name;
  };
  struct ProvisionalCache;
  WorkingDayCalendar();
  const Entry* Find(int64_t day) const;
  Status CheckCovered(Date date) const;
  // The computed statutory days of a provisional year (sorted by day).
  Result<const std::vector<Entry>*> ProvisionalEntries(int year) const;

  std::vector<Entry> entries_;                     // sorted by day, unique
  std::vector<int> years_;                         // sorted, unique
  std::shared_ptr<ProvisionalCache> provisional_;  // shared by copies; guarded inside
};

}  // namespace gongkai::calendar

// Working-day arithmetic over the national holiday data (节假日安排, data/calendar/). The data
// lists only the days that break the Monday–Friday rule; every other day follows it. Computations
// walk day by day (a deadline is at most a few dozen working days away), checking coverage per day.
#include "calendar/working_day_calendar.h"

#include <algorithm>
#include <map>
#include <mutex>
#include <set>

#include "calendar/statutory_holidays.h"

namespace gongkai::calendar {

std::string DayInfo::Reason() const {
  switch (kind) {
    case DayKind::kWorkday:
      return "工作日";
    case DayKind::kWeekend:
      return "周末";
    case DayKind::kHoliday:
      return provisional ? holiday_name + "（预计）" : holiday_name;
    case DayKind::kAdjustedWorkday:
      return "调休上班（" + holiday_name + "）";
  }
  return "";
}

std::string ProvisionalNote(const std::vector<int>& years) {
  if (years.empty()) return "";
  std::string list;
  for (int y : years) list += (list.empty() ? "" : "、") + std::to_string(y);
  return "预计：" + list + "年节假日安排尚未发布";
}

struct WorkingDayCalendar::ProvisionalCache {
  std::mutex mu;
  std::map<int, std::vector<Entry>> years;
};

WorkingDayCalendar::WorkingDayCalendar() : provisional_(std::make_shared<ProvisionalCache>()) {}

namespace {

DayKind KindOf(EntryKind k) {
  return k == EntryKind::kHoliday ? DayKind::kHoliday : DayKind::kAdjustedWorkday;
}

Status OverrideLineError(const HolidayTable& t, const HolidayEntry& e, const std::string& en,
                         const std::string& zh) {
  return InvalidArgument(t.source + ":" + std::to_string(e.line) + ": " + en,
                         "覆盖文件 " + t.source + " 第" + std::to_string(e.line) + "行：" + zh);
}

}  // namespace

Result<WorkingDayCalendar> WorkingDayCalendar::Create(const HolidayTable& national,
                                                      const HolidayTable* overrides,
                                                      std::span<const HolidayTable> notices) {
  if (national.entries.empty()) {
    return InvalidArgument(national.source + ": no entries",
                           "节假日文件 " + national.source + " 没有任何条目");
  }
  WorkingDayCalendar cal;
  std::set<int> years;
  std::map<Date, Entry> merged;
  for (const HolidayEntry& e : national.entries) {
    if (e.kind == EntryKind::kCancel) {
      return InvalidArgument(national.source + ": cancel in national data",
                             "节假日文件 " + national.source + " 第" + std::to_string(e.line) +
                                 "行：全国数据中不能有 cancel");
    }
    years.insert(e.date.year);
    merged[e.date] = Entry{e.date.ToDays(), KindOf(e.kind), e.name};
  }
  if (national.declared_years) {
    years.clear();
    for (int y = national.declared_years->first; y <= national.declared_years->second; ++y) {
      years.insert(y);
    }
  }
  for (const HolidayTable& n : notices) {
    if (!n.declared_years) {
      return InvalidArgument(n.source + ": notice without its year",
                             "节假日通知 " + n.source + " 没有注明年份");
    }
    for (int y = n.declared_years->first; y <= n.declared_years->second; ++y) {
      years.insert(y);
      std::erase_if(merged, [y](const auto& kv) { return kv.first.year == y; });
    }
  }
  for (const HolidayTable& n : notices) {
    for (const HolidayEntry& e : n.entries) {
      if (e.kind == EntryKind::kCancel) continue;
      merged[e.date] = Entry{e.date.ToDays(), KindOf(e.kind), e.name};
    }
  }
  cal.years_.assign(years.begin(), years.end());

  if (overrides != nullptr) {
    for (const HolidayEntry& e : overrides->entries) {
      if (!cal.Covers(e.date.year)) {
        return OverrideLineError(*overrides, e, "date outside the covered years",
                                 "日期" + e.date.ToString() +
                                     "不在全国节假日数据覆盖的年份内（已覆盖" +
                                     cal.CoveredYearsText() + "）");
      }
      if (e.kind == EntryKind::kCancel) {
        if (merged.erase(e.date) == 0) {
          return OverrideLineError(*overrides, e, "cancel of a date without a national entry",
                                   "要取消的日期" + e.date.ToString() + "在全国数据中没有条目");
        }
        continue;
      }
      merged[e.date] = Entry{e.date.ToDays(), KindOf(e.kind), e.name};
    }
  }
  cal.entries_.reserve(merged.size());
  for (auto& [date, entry] : merged) cal.entries_.push_back(std::move(entry));
  return cal;
}

bool WorkingDayCalendar::Covers(int year) const {
  return std::binary_search(years_.begin(), years_.end(), year);
}

std::string WorkingDayCalendar::CoveredYearsText() const {
  std::string out;
  for (size_t i = 0; i < years_.size();) {
    size_t j = i;
    while (j + 1 < years_.size() && years_[j + 1] == years_[j] + 1) ++j;
    if (!out.empty()) out += "、";
    out += std::to_string(years_[i]);
    if (j > i) out += "–" + std::to_string(years_[j]);
    i = j + 1;
  }
  return out + "年";
}

bool WorkingDayCalendar::IsProvisional(int year) const {
  return !Covers(year) && year >= kFirstStatutoryYear && year <= kLastStatutoryYear;
}

std::vector<int> WorkingDayCalendar::ProvisionalYearsBetween(Date a, Date b) const {
  std::vector<int> out;
  for (int y = a.year; y <= b.year; ++y) {
    if (IsProvisional(y)) out.push_back(y);
  }
  return out;
}

Status WorkingDayCalendar::CheckCovered(Date date) const {
  if (Covers(date.year) || IsProvisional(date.year)) return Status::Ok();
  std::string y = std::to_string(date.year);
  return OutOfRange(
      "working-day calendar has no data for " + y + " (needed for " + date.ToString() + ")",
      "工作日历未包含" + y + "年的节假日安排（已覆盖" + CoveredYearsText() + "，可预计" +
          std::to_string(kFirstStatutoryYear) + "–" + std::to_string(kLastStatutoryYear) + "年）");
}

namespace {

template <typename Entries>
auto FindIn(const Entries& entries, int64_t day) -> decltype(&entries[0]) {
  auto it = std::lower_bound(entries.begin(), entries.end(), day,
                             [](const auto& e, int64_t d) { return e.day < d; });
  if (it == entries.end() || it->day != day) return nullptr;
  return &*it;
}

}  // namespace

const WorkingDayCalendar::Entry* WorkingDayCalendar::Find(int64_t day) const {
  return FindIn(entries_, day);
}

Result<const std::vector<WorkingDayCalendar::Entry>*> WorkingDayCalendar::ProvisionalEntries(
    int year) const {
  std::lock_guard<std::mutex> lock(provisional_->mu);
  auto it = provisional_->years.find(year);
  if (it != provisional_->years.end()) return &it->second;
  GONGKAI_ASSIGN_OR_RETURN(std::vector<StatutoryDay> days, StatutoryHolidays(year));
  std::map<int64_t, std::string> names;  // 中秋节 and 国庆节 can fall on the same day (2020)
  for (const StatutoryDay& d : days) {
    std::string& name = names[d.date.ToDays()];
    if (name.find(d.name) == std::string::npos) name += (name.empty() ? "" : "、") + d.name;
  }
  std::vector<Entry> entries;
  for (auto& [day, name] : names) entries.push_back(Entry{day, DayKind::kHoliday, name});
  return &provisional_->years.emplace(year, std::move(entries)).first->second;
}

Result<DayInfo> WorkingDayCalendar::GetDayInfo(Date date) const {
  GONGKAI_RETURN_IF_ERROR(CheckCovered(date));
  DayInfo info;
  info.date = date;
  const Entry* e = nullptr;
  if (Covers(date.year)) {
    e = Find(date.ToDays());
  } else {
    info.provisional = true;
    GONGKAI_ASSIGN_OR_RETURN(const std::vector<Entry>* computed, ProvisionalEntries(date.year));
    e = FindIn(*computed, date.ToDays());
  }
  if (e != nullptr) {
    info.kind = e->kind;
    info.holiday_name = e->name;
  } else {
    info.kind = date.IsWeekend() ? DayKind::kWeekend : DayKind::kWorkday;
  }
  return info;
}

Result<bool> WorkingDayCalendar::IsWorkingDay(Date date) const {
  GONGKAI_ASSIGN_OR_RETURN(DayInfo info, GetDayInfo(date));
  return info.working();
}

namespace {

Status CheckCount(int count) {
  if (count >= 0) return Status::Ok();
  return InvalidArgument("negative working-day count " + std::to_string(count),
                         "工作日数不能为负数：" + std::to_string(count));
}

Status CheckSpans(std::span<const ExcludedSpan> excluded) {
  for (const ExcludedSpan& s : excluded) {
    if (s.to < s.from) {
      return InvalidArgument(
          "excluded span ends before it starts: " + s.from.ToString() + ".." + s.to.ToString(),
          "不计算期间“" + s.label + "”的结束日期" + s.to.ToString() + "早于开始日期" +
              s.from.ToString());
    }
  }
  return Status::Ok();
}

const ExcludedSpan* SpanContaining(std::span<const ExcludedSpan> excluded, Date d) {
  for (const ExcludedSpan& s : excluded) {
    if (s.from <= d && d <= s.to) return &s;
  }
  return nullptr;
}

}  // namespace

Result<Explanation> WorkingDayCalendar::ExplainAddWorkingDays(
    Date start, int count, std::span<const ExcludedSpan> excluded) const {
  GONGKAI_RETURN_IF_ERROR(CheckCount(count));
  GONGKAI_RETURN_IF_ERROR(CheckSpans(excluded));
  Explanation ex;
  ex.start = start;
  ex.working_days_requested = count;
  ex.due = start;
  Date d = start;
  while (ex.working_days < count) {
    d = d.AddDays(1);
    GONGKAI_ASSIGN_OR_RETURN(DayInfo info, GetDayInfo(d));
    if (info.provisional &&
        (ex.provisional_years.empty() || ex.provisional_years.back() != d.year)) {
      ex.provisional_years.push_back(d.year);
    }
    ExplainedDay day;
    day.weekday = d.ChineseWeekday();
    day.reason = info.Reason();
    const ExcludedSpan* span = info.working() ? SpanContaining(excluded, d) : nullptr;
    if (span != nullptr) {
      day.reason = span->label;
      ++ex.excluded_working_days;
    } else if (info.working()) {
      day.counted = true;
      ++ex.working_days;
      if (info.kind == DayKind::kAdjustedWorkday) ++ex.adjusted_workdays;
    } else if (info.kind == DayKind::kWeekend) {
      ++ex.weekend_days;
    } else {
      ++ex.holiday_days;
    }
    day.running_count = ex.working_days;
    day.info = std::move(info);
    ex.days.push_back(std::move(day));
  }
  ex.due = d;
  ex.calendar_days = static_cast<int>(d.ToDays() - start.ToDays());
  return ex;
}

Result<Date> WorkingDayCalendar::AddWorkingDays(Date start, int count,
                                                std::span<const ExcludedSpan> excluded) const {
  GONGKAI_RETURN_IF_ERROR(CheckCount(count));
  GONGKAI_RETURN_IF_ERROR(CheckSpans(excluded));
  Date d = start;
  for (int counted = 0; counted < count;) {
    d = d.AddDays(1);
    GONGKAI_ASSIGN_OR_RETURN(bool working, IsWorkingDay(d));
    if (working && SpanContaining(excluded, d) == nullptr) ++counted;
  }
  return d;
}

Result<int> WorkingDayCalendar::WorkingDaysBetween(Date a, Date b,
                                                   std::span<const ExcludedSpan> excluded) const {
  if (b < a) {
    return InvalidArgument("end " + b.ToString() + " before start " + a.ToString(),
                           "结束日期" + b.ToString() + "早于开始日期" + a.ToString());
  }
  GONGKAI_RETURN_IF_ERROR(CheckSpans(excluded));
  int n = 0;
  for (Date d = a; d < b;) {
    d = d.AddDays(1);
    GONGKAI_ASSIGN_OR_RETURN(bool working, IsWorkingDay(d));
    if (working && SpanContaining(excluded, d) == nullptr) ++n;
  }
  return n;
}

Result<YearSummary> WorkingDayCalendar::SummarizeYear(int year) const {
  GONGKAI_RETURN_IF_ERROR(CheckCovered(Date{year, 1, 1}));
  YearSummary s;
  s.year = year;
  s.provisional = IsProvisional(year);
  for (Date d{year, 1, 1}; d.year == year; d = d.AddDays(1)) {
    GONGKAI_ASSIGN_OR_RETURN(DayInfo info, GetDayInfo(d));
    if (info.working()) ++s.working_days;
    if (info.kind == DayKind::kHoliday) s.holidays.push_back(info);
    if (info.kind == DayKind::kAdjustedWorkday) s.adjusted_workdays.push_back(info);
  }
  return s;
}

}  // namespace gongkai::calendar

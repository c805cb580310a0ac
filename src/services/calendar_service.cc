// The working-day calendar with the notices imported into the database (节假日安排通知), and the
// import: parse, preview the days that move, warn where the notice contradicts the 放假办法,
// store with an audit event.
#include "services/calendar_service.h"

#include <set>
#include <utility>

#include "calendar/holiday_notice.h"
#include "calendar/statutory_holidays.h"
#include "services/audit.h"

namespace gongkai::services {

using calendar::HolidayTable;
using calendar::WorkingDayCalendar;

std::string NoticeToTsv(const HolidayTable& table) {
  std::string out = "date\tkind\tname\n";
  for (const auto& e : table.entries) {
    out += e.date.ToString() + "\t" + calendar::EntryKindName(e.kind) + "\t" + e.name + "\n";
  }
  return out;
}

namespace {

// A stored notice as a table of its year.
Result<HolidayTable> NoticeTable(const storage::HolidayNotice& n) {
  GONGKAI_ASSIGN_OR_RETURN(HolidayTable t, calendar::ParseHolidayTable(
                                               n.tsv, std::to_string(n.year) + "年通知（已导入）",
                                               calendar::TableRole::kNational));
  t.declared_years = std::make_pair(n.year, n.year);
  return t;
}

// The year of a TSV import: `year`, else the one year its entries are in.
Result<HolidayTable> ParseTsvNotice(const std::string& text, std::optional<int> year) {
  GONGKAI_ASSIGN_OR_RETURN(
      HolidayTable t,
      calendar::ParseHolidayTable(text, "导入的节假日数据", calendar::TableRole::kNational));
  std::set<int> years;
  if (t.declared_years) {
    for (int y = t.declared_years->first; y <= t.declared_years->second; ++y) years.insert(y);
  } else {
    for (const auto& e : t.entries) years.insert(e.date.year);
  }
  if (!year) {
    if (years.size() != 1) {
      return InvalidArgument("a TSV import must cover one year",
                             "导入的节假日数据须为一年的安排（请注明年份）");
    }
    year = *years.begin();
  }
  for (const auto& e : t.entries) {
    if (e.date.year != *year && !(e.date.year == *year - 1 && e.date.month == 12)) {
      return InvalidArgument("entry outside the year", "第" + std::to_string(e.line) + "行：日期" +
                                                           e.date.ToString() + "不在" +
                                                           std::to_string(*year) + "年");
    }
  }
  t.declared_years = std::make_pair(*year, *year);
  return t;
}

// 工作日 / 周末 / 春节 / 调休上班（春节）, with （预计） on every provisional day.
std::string Describe(const calendar::DayInfo& d) {
  std::string r = d.Reason();
  if (d.provisional && d.kind != calendar::DayKind::kHoliday) r += "（预计）";
  return r;
}

}  // namespace

Result<std::vector<storage::HolidayNotice>> CalendarService::Notices() {
  GONGKAI_ASSIGN_OR_RETURN(auto tx, store_.Begin(storage::TxMode::kRead));
  return tx->holiday_notices().List();
}

Result<WorkingDayCalendar> CalendarService::BuildWith(
    const std::vector<storage::HolidayNotice>& notices, const HolidayTable* extra) {
  std::vector<HolidayTable> tables;
  for (const auto& n : notices) {
    if (extra && extra->declared_years && extra->declared_years->first == n.year) continue;
    GONGKAI_ASSIGN_OR_RETURN(HolidayTable t, NoticeTable(n));
    tables.push_back(std::move(t));
  }
  if (extra) tables.push_back(*extra);
  return WorkingDayCalendar::Create(base_.national, base_.overrides ? &*base_.overrides : nullptr,
                                    tables);
}

Result<std::shared_ptr<const WorkingDayCalendar>> CalendarService::Build() {
  GONGKAI_ASSIGN_OR_RETURN(auto notices, Notices());
  GONGKAI_ASSIGN_OR_RETURN(WorkingDayCalendar cal, BuildWith(notices, nullptr));
  return std::make_shared<const WorkingDayCalendar>(std::move(cal));
}

Result<CalendarStatus> CalendarService::Status() {
  GONGKAI_ASSIGN_OR_RETURN(auto notices, Notices());
  GONGKAI_ASSIGN_OR_RETURN(WorkingDayCalendar cal, BuildWith(notices, nullptr));
  return StatusOf(cal, notices);
}

Result<CalendarStatus> CalendarService::Status(const WorkingDayCalendar& current) {
  GONGKAI_ASSIGN_OR_RETURN(auto notices, Notices());
  return StatusOf(current, notices);
}

CalendarStatus CalendarService::StatusOf(const WorkingDayCalendar& cal,
                                         const std::vector<storage::HolidayNotice>& notices) {
  CalendarStatus s;
  s.today = clock_.TodayInChina();
  s.covered_years = cal.covered_years();
  for (const auto& n : notices) s.imported_years.push_back(n.year);
  int y = s.today.year;
  s.next_year_provisional = !cal.Covers(y + 1);
  const std::string how =
      "期限暂按《全国年节及纪念日放假办法》的法定节假日预计（不含调休）；国务院办公厅通知发布后，"
      "请在“工作日历”页或用 gongkai calendar import 导入";
  if (!cal.Covers(y)) {
    s.warning = std::to_string(y) + "年节假日安排尚未导入：" + how;
  } else if (s.next_year_provisional && s.today.month >= 11) {
    s.warning = std::to_string(y + 1) + "年节假日安排尚未导入：跨年的" + how;
  }
  return s;
}

Result<NoticePreview> CalendarService::Preview(const std::string& text, NoticeFormat format,
                                               std::optional<int> year) {
  NoticePreview p;
  if (format == NoticeFormat::kText) {
    GONGKAI_ASSIGN_OR_RETURN(p.table, calendar::ParseHolidayNotice(text, year));
  } else {
    GONGKAI_ASSIGN_OR_RETURN(p.table, ParseTsvNotice(text, year));
  }
  p.year = p.table.declared_years->first;
  for (const auto& e : p.table.entries) {
    (e.kind == calendar::EntryKind::kWorkday ? p.workdays : p.holidays) += 1;
  }
  GONGKAI_ASSIGN_OR_RETURN(auto notices, Notices());
  GONGKAI_ASSIGN_OR_RETURN(WorkingDayCalendar before, BuildWith(notices, nullptr));
  GONGKAI_ASSIGN_OR_RETURN(WorkingDayCalendar after, BuildWith(notices, &p.table));
  p.replaces_notice = before.Covers(p.year);

  std::set<Date> days;
  for (Date d{p.year, 1, 1}; d.year == p.year; d = d.AddDays(1)) days.insert(d);
  for (const auto& e : p.table.entries) days.insert(e.date);
  for (const Date& d : days) {
    auto b = before.GetDayInfo(d);
    auto a = after.GetDayInfo(d);
    if (!a.ok()) return a.status();
    std::string was = b.ok() ? Describe(*b) : "（无数据）";
    if (!b.ok() || b->kind != a->kind || b->holiday_name != a->holiday_name) {
      p.changes.push_back({d, was, Describe(*a)});
    }
  }
  auto statutory = calendar::StatutoryHolidays(p.year);
  if (statutory.ok()) {
    std::vector<std::pair<Date, std::string>> pairs;
    for (const auto& s : *statutory) pairs.emplace_back(s.date, s.name);
    p.warnings = calendar::CompareWithStatutory(p.table, pairs);
  }
  return p;
}

Result<NoticePreview> CalendarService::Import(const account::Actor& actor, const std::string& text,
                                              NoticeFormat format, std::optional<int> year,
                                              bool confirm_warnings) {
  if (!actor.console && !actor.IsSystemAdmin()) {
    return DenyAndAudit(store_, clock_, actor, "calendar_notice_import", "calendar",
                        "无权导入节假日安排（需要系统管理员）");
  }
  GONGKAI_ASSIGN_OR_RETURN(NoticePreview p, Preview(text, format, year));
  if (!p.warnings.empty() && !confirm_warnings) {
    return FailedPrecondition(
        "notice contradicts the statutory holidays",
        "通知与《全国年节及纪念日放假办法》不一致，请核对后确认导入：" + p.warnings.front());
  }
  storage::HolidayNotice n;
  n.year = p.year;
  n.tsv = NoticeToTsv(p.table);
  if (format == NoticeFormat::kText) n.source_text = text;
  n.imported_at = clock_.NowUnixSeconds();
  n.imported_by = actor.name;
  GONGKAI_ASSIGN_OR_RETURN(auto tx, store_.Begin(storage::TxMode::kWrite));
  GONGKAI_RETURN_IF_ERROR(tx->holiday_notices().Put(n));
  GONGKAI_RETURN_IF_ERROR(AppendAudit(
      *tx, clock_, actor, "calendar_notice_import", "year:" + std::to_string(p.year),
      std::to_string(p.holidays) + "个放假日、" + std::to_string(p.workdays) + "个调休上班日，" +
          std::to_string(p.changes.size()) + "天变化" +
          (p.warnings.empty() ? "" : "，已确认" + std::to_string(p.warnings.size()) + "条提示")));
  GONGKAI_RETURN_IF_ERROR(tx->Commit());
  return p;
}

}  // namespace gongkai::services

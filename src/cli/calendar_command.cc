// `gongkai calendar …`: working-day arithmetic (答复期限) on the command line. All computation is
// in src/calendar; this file parses arguments and formats the answers.
#include <CLI/CLI.hpp>
#include <charconv>
#include <cstdlib>
#include <iomanip>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>

#include "calendar/calendar_files.h"
#include "cli/app_support.h"
#include "cli/cli.h"
#include "cli/cli_common.h"

namespace gongkai::cli {

namespace {

using calendar::ExcludedSpan;
using calendar::Explanation;
using calendar::WorkingDayCalendar;

constexpr const char* kProvisionalHow =
    "（按《全国年节及纪念日放假办法》的法定节假日预计，不含调休；国务院办公厅通知发布后用 "
    "gongkai calendar import 导入）\n";

std::string DateWithWeekday(Date d) { return d.ToString() + "（" + d.ChineseWeekday() + "）"; }

Result<int> ParseCount(const std::string& text) {
  int n = 0;
  auto r = std::from_chars(text.data(), text.data() + text.size(), n);
  if (text.empty() || r.ec != std::errc() || r.ptr != text.data() + text.size()) {
    return InvalidArgument("bad working-day count '" + text + "'",
                           "工作日数无效：“" + text + "”，应为非负整数");
  }
  if (n < 0) {
    return InvalidArgument("negative working-day count", "工作日数不能为负数：" + text);
  }
  return n;
}

// "FROM,TO[,LABEL]" → an excluded span.
Result<ExcludedSpan> ParseExcluded(const std::string& text) {
  ExcludedSpan span;
  size_t c1 = text.find(',');
  size_t c2 = c1 == std::string::npos ? c1 : text.find(',', c1 + 1);
  auto bad = InvalidArgument("bad --exclude '" + text + "'",
                             "不计算期间无效：“" + text + "”，应为 起始日期,结束日期[,说明]");
  if (c1 == std::string::npos) return bad;
  auto from = Date::Parse(text.substr(0, c1));
  auto to = Date::Parse(text.substr(c1 + 1, c2 == std::string::npos ? c2 : c2 - c1 - 1));
  if (!from.ok()) return from.status();
  if (!to.ok()) return to.status();
  span.from = *from;
  span.to = *to;
  span.label = c2 == std::string::npos ? "不计算期间" : text.substr(c2 + 1);
  if (span.label.empty()) span.label = "不计算期间";
  return span;
}

std::string Summary(const Explanation& ex) {
  std::string s = "自然日 " + std::to_string(ex.calendar_days) + " 天，其中工作日 " +
                  std::to_string(ex.working_days) + " 天，周末 " + std::to_string(ex.weekend_days) +
                  " 天，法定节假日 " + std::to_string(ex.holiday_days) + " 天，调休上班 " +
                  std::to_string(ex.adjusted_workdays) + " 天";
  if (ex.excluded_working_days > 0) {
    s += "，不计算期间的工作日 " + std::to_string(ex.excluded_working_days) + " 天";
  }
  return s;
}

nlohmann::json ToJson(const Explanation& ex, bool with_days) {
  nlohmann::json j = {
      {"start", ex.start.ToString()},
      {"working_days", ex.working_days_requested},
      {"due", ex.due.ToString()},
      {"due_weekday", ex.due.ChineseWeekday()},
      {"provisional_years", ex.provisional_years},
      {"due_note", calendar::ProvisionalNote(ex.provisional_years)},
      {"summary",
       {{"calendar_days", ex.calendar_days},
        {"working_days", ex.working_days},
        {"weekend_days", ex.weekend_days},
        {"holiday_days", ex.holiday_days},
        {"adjusted_workdays", ex.adjusted_workdays},
        {"excluded_working_days", ex.excluded_working_days}}},
  };
  if (with_days) {
    nlohmann::json days = nlohmann::json::array();
    for (const auto& d : ex.days) {
      days.push_back({{"date", d.info.date.ToString()},
                      {"weekday", d.weekday},
                      {"counted", d.counted},
                      {"running_count", d.running_count},
                      {"reason", d.reason}});
    }
    j["days"] = std::move(days);
  }
  return j;
}

std::string ExplainTable(const Explanation& ex) {
  std::ostringstream out;
  out << "日期        星期  计入  累计  说明\n";
  for (const auto& d : ex.days) {
    out << d.info.date.ToString() << "  " << d.weekday << "  " << (d.counted ? "是" : "否")
        << "    " << std::left << std::setw(4) << d.running_count << "  " << d.reason << "\n";
  }
  return out.str();
}

struct AddArgs {
  CalendarFileOptions files;
  std::string start, count;
  std::vector<std::string> excluded;
  bool explain = false, json = false;
};

Result<std::string> RunAdd(CliContext& ctx, const AddArgs& a) {
  GONGKAI_ASSIGN_OR_RETURN(Date start, Date::Parse(a.start));
  GONGKAI_ASSIGN_OR_RETURN(int count, ParseCount(a.count));
  std::vector<ExcludedSpan> spans;
  for (const auto& e : a.excluded) {
    GONGKAI_ASSIGN_OR_RETURN(ExcludedSpan s, ParseExcluded(e));
    spans.push_back(std::move(s));
  }
  GONGKAI_ASSIGN_OR_RETURN(auto cal, CliCalendar(ctx, a.files));
  GONGKAI_ASSIGN_OR_RETURN(Explanation ex, cal->ExplainAddWorkingDays(start, count, spans));
  if (a.json) return ToJson(ex, a.explain).dump(2) + "\n";
  std::string out = DateWithWeekday(ex.due) + "\n";
  if (a.explain) out += ExplainTable(ex) + Summary(ex) + "\n";
  if (!ex.provisional_years.empty())
    out += calendar::ProvisionalNote(ex.provisional_years) + kProvisionalHow;
  return out;
}

Result<std::string> RunBetween(CliContext& ctx, const CalendarFileOptions& files,
                               const std::string& a_text, const std::string& b_text) {
  GONGKAI_ASSIGN_OR_RETURN(Date a, Date::Parse(a_text));
  GONGKAI_ASSIGN_OR_RETURN(Date b, Date::Parse(b_text));
  GONGKAI_ASSIGN_OR_RETURN(auto cal, CliCalendar(ctx, files));
  GONGKAI_ASSIGN_OR_RETURN(int n, cal->WorkingDaysBetween(a, b));
  std::string out = "工作日 " + std::to_string(n) + " 天（" + DateWithWeekday(a) + "之后至" +
                    DateWithWeekday(b) + "，不含起始日）\n";
  auto years = cal->ProvisionalYearsBetween(a.AddDays(1), b);
  if (a < b && !years.empty()) out += calendar::ProvisionalNote(years) + kProvisionalHow;
  return out;
}

Result<std::string> RunIsWorkday(CliContext& ctx, const CalendarFileOptions& files,
                                 const std::string& d_text) {
  GONGKAI_ASSIGN_OR_RETURN(Date d, Date::Parse(d_text));
  GONGKAI_ASSIGN_OR_RETURN(auto cal, CliCalendar(ctx, files));
  GONGKAI_ASSIGN_OR_RETURN(calendar::DayInfo info, cal->GetDayInfo(d));
  std::string note = info.provisional ? calendar::ProvisionalNote({d.year}) + kProvisionalHow : "";
  if (info.kind == calendar::DayKind::kWorkday) return DateWithWeekday(d) + "：工作日\n" + note;
  return DateWithWeekday(d) + "：" + (info.working() ? "工作日，" : "休息日，") + info.Reason() +
         "\n" + note;
}

Result<std::string> RunShow(CliContext& ctx, const CalendarFileOptions& files,
                            const std::string& year_text) {
  int year = 0;
  auto r = std::from_chars(year_text.data(), year_text.data() + year_text.size(), year);
  if (year_text.empty() || r.ec != std::errc() || r.ptr != year_text.data() + year_text.size() ||
      year < 1 || year > 9999) {
    return InvalidArgument("bad year '" + year_text + "'",
                           "年份无效：“" + year_text + "”，应为四位数年份（如 2024）");
  }
  GONGKAI_ASSIGN_OR_RETURN(auto cal, CliCalendar(ctx, files));
  GONGKAI_ASSIGN_OR_RETURN(calendar::YearSummary s, cal->SummarizeYear(year));
  std::string out = std::to_string(year) + "年节假日安排\n";
  if (s.provisional) {
    out += calendar::ProvisionalNote({year}) +
           "：以下仅为《全国年节及纪念日放假办法》规定的法定节假日，不含调休\n";
  }
  out += "放假：\n";
  for (const auto& d : s.holidays) out += "  " + DateWithWeekday(d.date) + " " + d.Reason() + "\n";
  out += "调休上班：\n";
  for (const auto& d : s.adjusted_workdays) {
    out += "  " + DateWithWeekday(d.date) + " " + d.holiday_name + "\n";
  }
  out += "全年工作日：" + std::to_string(s.working_days) + " 天\n";
  return out;
}

// Prints `r` on success, or fails with its Chinese message (nothing on stdout).
void Emit(CliContext& ctx, const Result<std::string>& r) {
  if (!r.ok()) {
    ctx.Fail(kExitUsage, r.status().UserMessage());
    return;
  }
  *ctx.out << *r;
}

}  // namespace

void AddCalendarCommands(CLI::App& app, CliContext& ctx) {
  auto* cal = app.add_subcommand("calendar", "工作日历：答复期限等工作日计算（起始日不计入）");
  cal->require_subcommand(1);

  auto add_args = std::make_shared<AddArgs>();
  auto* add = cal->add_subcommand("add", "起始日期之后第 N 个工作日（起始日不计入）");
  add->add_option("start", add_args->start, "起始日期，如 2024-09-27（收到申请之日）")->required();
  add->add_option("count", add_args->count, "工作日数，如 20")->required();
  add->add_flag("--explain", add_args->explain, "逐日列出计入或跳过的原因");
  add->add_flag("--json", add_args->json, "以 JSON 输出");
  add->add_option("--exclude", add_args->excluded,
                  "不计算的期间（如征求第三方意见）：起始日期,结束日期[,说明]，可重复");
  AddCalendarFileOptions(add, add_args->files);
  add->callback([&ctx, add_args] { Emit(ctx, RunAdd(ctx, *add_args)); });

  struct TwoDates {
    CalendarFileOptions files;
    std::string a, b;
  };
  auto between_args = std::make_shared<TwoDates>();
  auto* between = cal->add_subcommand("between", "两个日期之间的工作日数（A 之后至 B，含 B）");
  between->add_option("from", between_args->a, "起始日期（不计入）")->required();
  between->add_option("to", between_args->b, "结束日期（计入）")->required();
  AddCalendarFileOptions(between, between_args->files);
  between->callback([&ctx, between_args] {
    Emit(ctx, RunBetween(ctx, between_args->files, between_args->a, between_args->b));
  });

  auto day_args = std::make_shared<TwoDates>();
  auto* is_workday = cal->add_subcommand("is-workday", "某日是否为工作日及原因");
  is_workday->add_option("date", day_args->a, "日期，如 2024-10-12")->required();
  AddCalendarFileOptions(is_workday, day_args->files);
  is_workday->callback(
      [&ctx, day_args] { Emit(ctx, RunIsWorkday(ctx, day_args->files, day_args->a)); });

  auto show_args = std::make_shared<TwoDates>();
  auto* show = cal->add_subcommand("show", "某年的节假日、调休上班日和全年工作日数");
  show->add_option("year", show_args->a, "年份，如 2024")->required();
  AddCalendarFileOptions(show, show_args->files);
  show->callback([&ctx, show_args] { Emit(ctx, RunShow(ctx, show_args->files, show_args->a)); });

  AddCalendarNoticeCommands(cal, ctx);
}

}  // namespace gongkai::cli

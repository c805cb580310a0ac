#pragma once
// Shared by the `app` and `report compile` commands.

#include <iosfwd>
#include <memory>
#include <string>

#include "cli/cli.h"
#include "core/clock.h"
#include "services/application_service.h"
#include "services/calendar_service.h"

namespace gongkai::cli {

// The database, a system clock and an ApplicationService with the calendar of ctx.calendar_files
// (--holidays / --override, else GONGKAI_HOLIDAYS / GONGKAI_HOLIDAY_OVERRIDE, else the bundled
// file). nullptr after reporting an error.
// The calendar also holds the notices imported into the database (calendar import).
struct AppEnv {
  std::unique_ptr<storage::Store> store;
  SystemClock clock;
  std::unique_ptr<services::CalendarService> calendar;
  std::unique_ptr<services::ApplicationService> service;
};
std::unique_ptr<AppEnv> OpenAppEnv(CliContext& ctx);
// OpenAppEnv with the holiday files of `files` instead of ctx.calendar_files.
std::unique_ptr<AppEnv> OpenAppEnv(CliContext& ctx, const CalendarFileOptions& files);

// The calendar of `files` plus the notices imported into the database, when the database exists
// (it is not created for a calendar question).
Result<std::shared_ptr<const calendar::WorkingDayCalendar>> CliCalendar(
    CliContext& ctx, const CalendarFileOptions& files);

// An agency reference (id, name or short name) → id.
Result<agency::AgencyId> ResolveAgency(AppEnv& env, const std::string& ref);

// "12" is an application id; anything else its number (樟工信依申〔2024〕3号).
Result<applications::ApplicationId> ResolveApplication(AppEnv& env, const std::string& ref);

// "剩余5个工作日", or "已逾期506个工作日" for a negative count (app_print.cc).
std::string DaysLeftText(int working_days_left);
// One line of `app list|queue`: number, applicant, status, receipt, due date, days left, and a
// 待办 column per expired wait.
void PrintSummary(std::ostream& out, const services::ApplicationSummary& s);
// `app show`: the record, the events and the clock explained, as of `d.clock.as_of`.
void PrintDetail(std::ostream& out, const services::ApplicationDetail& d);

// `app recompute` and `calendar import`: one line per moved due date, then the count.
void PrintDueDateMoves(std::ostream& out, const std::vector<services::DueDateMove>& moved);

// `app case|numbering|export|import|recompute` (app_admin_command.cc).
void AddAppAdminCommands(CLI::App* app_cmd, CliContext& ctx);

// `app ledger` (app_ledger_command.cc).
void AddAppLedgerCommand(CLI::App* app_cmd, CliContext& ctx);

// `app letter` (app_letter_command.cc).
void AddAppLetterCommand(CLI::App* app_cmd, CliContext& ctx);

// `report compile` (app_report_command.cc), added under the existing `report` command.
void AddReportCompileCommand(CLI::App& report, CliContext& ctx);

}  // namespace gongkai::cli

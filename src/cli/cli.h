#pragma once

#include <iosfwd>
#include <string>

#include "http/config.h"

namespace CLI {
class App;
class Option;
}  // namespace CLI

namespace gongkai::cli {

// Exit codes shared by every command (documented in README.md).
inline constexpr int kExitOk = 0;
inline constexpr int kExitFindings = 1;  // the command ran and found problems
inline constexpr int kExitUsage = 2;     // usage error or unreadable input

// What every command can reach: the global options and the output streams.
// Commands set `exit_code` instead of calling exit().
// The holiday files of the working-day calendar: --holidays (the national file; default
// GONGKAI_HOLIDAYS, else the bundled data/calendar/cn_holidays.tsv) and --override (regional
// days; default GONGKAI_HOLIDAY_OVERRIDE). See docs/calendar.md.
struct CalendarFileOptions {
  std::string holidays;
  std::string overrides;
};

struct CliContext {
  std::ostream* out = nullptr;
  std::ostream* err = nullptr;
  std::string data_dir;                // --data-dir (given on the command line, else empty)
  std::string db_url;                  // --db
  std::string config_path;             // --config / GONGKAI_CONFIG
  CalendarFileOptions calendar_files;  // of `app …` and `report compile`
  CLI::Option* data_dir_option = nullptr;
  CLI::Option* db_option = nullptr;
  int exit_code = kExitOk;

  // Prints "错误：<zh>" to err and sets the exit code.
  void Fail(int code, const std::string& zh_message);
  // The global flags that were given, for http::LoadServeConfig.
  http::ConfigOverrides Overrides() const;
};

// Runs the `gongkai` command line on argv and returns the process exit code.
// Never throws.
int RunCli(int argc, const char* const* argv, std::ostream& out, std::ostream& err);

// Each command family registers its subcommands here (one function per file).
void AddVersionCommand(CLI::App& app, CliContext& ctx);
// `calendar add|between|is-workday|show` (calendar_command.cc).
void AddCalendarCommands(CLI::App& app, CliContext& ctx);
// `calendar status|import` (calendar_notice_command.cc): the imported notices in the database.
void AddCalendarNoticeCommands(CLI::App* calendar_cmd, CliContext& ctx);
// `db migrate|backup|status` (db_command.cc).
void AddDbCommands(CLI::App& app, CliContext& ctx);
// `agency add|list` (agency_command.cc).
void AddAgencyCommands(CLI::App& app, CliContext& ctx);
// `audit verify|checkpoint|export` (audit_command.cc).
void AddAuditCommands(CLI::App& app, CliContext& ctx);
// `user add|passwd|list` (user_command.cc).
void AddUserCommands(CLI::App& app, CliContext& ctx);
// `serve` (serve_command.cc).
void AddServeCommand(CLI::App& app, CliContext& ctx);
// `report parse|check|render|sum|generate` (report_command.cc).
void AddReportCommands(CLI::App& app, CliContext& ctx);
// `gongkai screen …` (src/cli/screen_command.cc).
void AddScreenCommands(CLI::App& app, CliContext& ctx);
// `gongkai letter sample` (src/cli/letter_command.cc).
void AddLetterCommands(CLI::App& app, CliContext& ctx);

// `app add|event|show|list|queue|clock|case|duplicates|numbering|export|import|recompute` and
// `report compile` (app_command.cc, app_admin_command.cc, app_report_command.cc).
void AddAppCommands(CLI::App& app, CliContext& ctx);

}  // namespace gongkai::cli

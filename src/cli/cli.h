#pragma once

#include <iosfwd>
#include <string>

namespace CLI {
class App;
}

namespace gongkai::cli {

// Exit codes shared by every command (documented in README.md).
inline constexpr int kExitOk = 0;
inline constexpr int kExitFindings = 1;  // the command ran and found problems
inline constexpr int kExitUsage = 2;     // usage error or unreadable input

// What every command can reach: the global options and the output streams.
// Commands set `exit_code` instead of calling exit().
struct CliContext {
  std::ostream* out = nullptr;
  std::ostream* err = nullptr;
  std::string data_dir;     // --data-dir / GONGKAI_DATA_DIR, default ./var
  std::string db_url;       // --db / GONGKAI_DB, default sqlite:<data_dir>/gongkai.db
  std::string config_path;  // --config / GONGKAI_CONFIG
  int exit_code = kExitOk;

  // Prints "错误：<zh>" to err and sets the exit code.
  void Fail(int code, const std::string& zh_message);
  // The database URL after defaults: db_url, or sqlite:<data_dir>/gongkai.db.
  std::string EffectiveDbUrl() const;
};

// Runs the `gongkai` command line on argv and returns the process exit code.
// Never throws.
int RunCli(int argc, const char* const* argv, std::ostream& out, std::ostream& err);

// Each command family registers its subcommands here (one function per file).
void AddVersionCommand(CLI::App& app, CliContext& ctx);
// `gongkai screen …` (src/cli/screen_command.cc).
void AddScreenCommands(CLI::App& app, CliContext& ctx);

}  // namespace gongkai::cli

#include "cli/cli_common.h"

#include <termios.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdlib>
#include <iostream>

namespace gongkai::cli {

void FailWith(CliContext& ctx, const Status& status) {
  switch (status.code()) {
    case StatusCode::kUnavailable:
    case StatusCode::kInternal:
    case StatusCode::kResourceExhausted:
      ctx.Fail(kExitFailure, status.UserMessage());
      break;
    default:
      ctx.Fail(kExitUsage, status.UserMessage());
  }
}

void AddCalendarFileOptions(CLI::App* cmd, CalendarFileOptions& files) {
  const char* holidays = std::getenv("GONGKAI_HOLIDAYS");
  const char* overrides = std::getenv("GONGKAI_HOLIDAY_OVERRIDE");
  files.holidays = holidays != nullptr ? holidays : "";
  files.overrides = overrides != nullptr ? overrides : "";
  cmd->add_option(
      "--holidays", files.holidays,
      "全国节假日文件（环境变量 GONGKAI_HOLIDAYS；默认为内置的 data/calendar/cn_holidays.tsv）");
  cmd->add_option(
      "--override", files.overrides,
      "本地节假日覆盖文件（环境变量 GONGKAI_HOLIDAY_OVERRIDE）：地方性假日、取消的全国条目");
}

namespace {
Result<http::ServeConfig> LoadConfig(CliContext& ctx) {
  return http::LoadServeConfig(ctx.config_path, ctx.Overrides(),
                               [](const char* n) { return std::getenv(n); });
}
}  // namespace

Result<std::string> EffectiveDataDir(CliContext& ctx) {
  GONGKAI_ASSIGN_OR_RETURN(auto config, LoadConfig(ctx));
  return config.data_dir;
}

Result<std::string> EffectiveDbUrl(CliContext& ctx) {
  GONGKAI_ASSIGN_OR_RETURN(auto config, LoadConfig(ctx));
  return config.EffectiveDbUrl();
}

Result<std::unique_ptr<storage::Store>> OpenConfiguredStore(CliContext& ctx) {
  GONGKAI_ASSIGN_OR_RETURN(std::string url, EffectiveDbUrl(ctx));
  return storage::OpenStore(url);
}

std::unique_ptr<storage::Store> OpenMigratedStore(CliContext& ctx) {
  auto store = OpenConfiguredStore(ctx);
  if (!store.ok()) {
    FailWith(ctx, store.status());
    return nullptr;
  }
  auto applied = (*store)->Migrate();
  if (!applied.ok()) {
    FailWith(ctx, applied.status());
    return nullptr;
  }
  return std::move(store).value();
}

Result<agency::AgencyId> ResolveAgencyRef(const std::vector<agency::Agency>& all,
                                          const std::string& ref) {
  bool digits = !ref.empty() && ref.find_first_not_of("0123456789") == std::string::npos;
  for (const auto& a : all) {
    if ((digits && std::to_string(a.id) == ref) || a.name == ref || a.short_name == ref) {
      return a.id;
    }
  }
  return NotFound("agency " + ref, "机构“" + ref + "”不存在（可用编号、全称或简称）");
}

namespace {

std::string ReadLineNoEcho() {
  termios old{};
  tcgetattr(STDIN_FILENO, &old);
  termios quiet = old;
  quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
  tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
  std::string line;
  std::getline(std::cin, line);
  tcsetattr(STDIN_FILENO, TCSANOW, &old);
  return line;
}

}  // namespace

Result<std::string> ReadPassword(CliContext& ctx, const std::string& prompt) {
  std::string pw;
  if (isatty(STDIN_FILENO)) {
    *ctx.err << prompt << "：" << std::flush;
    pw = ReadLineNoEcho();
    *ctx.err << "\n再输入一次：" << std::flush;
    std::string again = ReadLineNoEcho();
    *ctx.err << "\n";
    if (pw != again) return InvalidArgument("passwords differ", "两次输入的密码不一致");
  } else {
    std::getline(std::cin, pw);
    if (!pw.empty() && pw.back() == '\r') pw.pop_back();
  }
  if (pw.empty()) return InvalidArgument("empty password", "未提供密码（从标准输入读取第一行）");
  return pw;
}

}  // namespace gongkai::cli

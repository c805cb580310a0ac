#include "cli/cli.h"

#include <CLI/CLI.hpp>
#include <cstdlib>
#include <exception>
#include <iostream>

#include "cli/catalog_commands.h"
#include "cli/item_commands.h"

namespace gongkai::cli {

void CliContext::Fail(int code, const std::string& zh_message) {
  *err << "错误：" << zh_message << "\n";
  exit_code = code;
}

http::ConfigOverrides CliContext::Overrides() const {
  http::ConfigOverrides o;
  if (data_dir_option != nullptr && data_dir_option->count() > 0) o.data_dir = data_dir;
  if (db_option != nullptr && db_option->count() > 0) o.db_url = db_url;
  return o;
}

namespace {

const char* EnvOr(const char* name, const char* fallback) {
  const char* v = std::getenv(name);
  return (v != nullptr && *v != '\0') ? v : fallback;
}

// CLI11 reports usage errors in English; users get Chinese, with the
// original detail kept in parentheses for searching.
std::string TranslateParseError(const CLI::ParseError& e) {
  const char* zh = "用法错误";
  if (dynamic_cast<const CLI::ExtrasError*>(&e) != nullptr) {
    zh = "无法识别的参数";
  } else if (dynamic_cast<const CLI::RequiredError*>(&e) != nullptr) {
    zh = "缺少必需的参数或子命令";
  } else if (dynamic_cast<const CLI::ConversionError*>(&e) != nullptr) {
    zh = "参数值无法解析";
  } else if (dynamic_cast<const CLI::ValidationError*>(&e) != nullptr) {
    zh = "参数值无效";
  } else if (dynamic_cast<const CLI::ArgumentMismatch*>(&e) != nullptr) {
    zh = "参数个数不符";
  } else if (dynamic_cast<const CLI::RequiresError*>(&e) != nullptr ||
             dynamic_cast<const CLI::ExcludesError*>(&e) != nullptr) {
    zh = "参数组合无效";
  }
  return std::string(zh) + "（" + e.what() + "）。运行 gongkai --help 查看用法";
}

}  // namespace

int RunCli(int argc, const char* const* argv, std::ostream& out, std::ostream& err) {
  CliContext ctx;
  ctx.out = &out;
  ctx.err = &err;
  ctx.config_path = EnvOr("GONGKAI_CONFIG", "");

  CLI::App app("gongkai（公开）：政府信息公开平台", "gongkai");
  app.require_subcommand(1);
  app.option_defaults()->always_capture_default();
  // The global options may also follow a subcommand (`gongkai serve --data-dir X`): every
  // subcommand inherits fallthrough, so an option it does not know goes up to its parent and on
  // to the root (and, still unknown, is an error there).
  app.fallthrough();
  ctx.data_dir_option = app.add_option("--data-dir", ctx.data_dir,
                                       "数据目录（环境变量 GONGKAI_DATA_DIR，默认 ./var）");
  ctx.db_option =
      app.add_option("--db", ctx.db_url, "数据库，如 sqlite:var/gongkai.db（环境变量 GONGKAI_DB）");
  auto* config =
      app.add_option("--config", ctx.config_path, "TOML 配置文件（环境变量 GONGKAI_CONFIG）");
  // Given both before and after the subcommand, the last one counts.
  for (CLI::Option* global : {ctx.data_dir_option, ctx.db_option, config}) {
    global->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
  }

  AddVersionCommand(app, ctx);
  AddCalendarCommands(app, ctx);
  AddDbCommands(app, ctx);
  AddAgencyCommands(app, ctx);
  AddUserCommands(app, ctx);
  AddAuditCommands(app, ctx);
  AddServeCommand(app, ctx);
  AddReportCommands(app, ctx);
  AddScreenCommands(app, ctx);
  AddLetterCommands(app, ctx);
  AddAppCommands(app, ctx);
  AddCatalogCommands(app, ctx);  // creates `catalog`; AddColumnCommands adds `catalog pattern`
  AddColumnCommands(app, ctx);
  AddItemCommands(app, ctx);

  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& e) {
    // --help (of the command or a subcommand): CLI11 prints the right page.
    return app.exit(e, out, err);
  } catch (const CLI::ParseError& e) {
    ctx.Fail(kExitUsage, TranslateParseError(e));
    return ctx.exit_code;
  } catch (const std::exception& e) {
    // The one catch-all of the command line: a bug, reported, never a crash.
    ctx.Fail(kExitUsage, std::string("内部错误（") + e.what() + "）");
    return ctx.exit_code;
  }
  return ctx.exit_code;
}

void AddVersionCommand(CLI::App& app, CliContext& ctx) {
  auto* cmd = app.add_subcommand("version", "显示版本");
  cmd->callback([&ctx] { *ctx.out << "gongkai " << GONGKAI_VERSION << "\n"; });
}

}  // namespace gongkai::cli

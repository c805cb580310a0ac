// `gongkai serve`: the web server on the configured database.
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <CLI/CLI.hpp>
#include <iostream>
#include <nlohmann/json.hpp>

#include "calendar/calendar_files.h"
#include "cli/cli_common.h"
#include "cli/review_support.h"
#include "http/config.h"
#include "http/scheduler.h"
#include "http/web_app.h"
#include "services/calendar_service.h"
#include "services/review_service.h"

namespace gongkai::cli {

namespace {

struct ServeFlags {
  std::string bind;
  int port = 0;
  int threads = 0;
};

// One log line: JSON (default, for machines) or text.
void LogLine(const std::string& format, const std::string& level, nlohmann::json fields) {
  static auto logger = spdlog::stderr_logger_mt("gongkai");
  logger->set_pattern("%v");
  fields["ts"] = FormatChinaTime(SystemClock().NowUnixSeconds());
  fields["level"] = level;
  std::string line;
  if (format == "text") {
    for (const auto& [k, v] : fields.items()) {
      line += k + "=" + (v.is_string() ? v.get<std::string>() : v.dump()) + " ";
    }
  } else {
    line = fields.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  }
  if (level == "error") {
    logger->error(line);
  } else {
    logger->info(line);
  }
}

}  // namespace

void AddServeCommand(CLI::App& app, CliContext& ctx) {
  auto* cmd = app.add_subcommand("serve", "启动网站与 API 服务（默认 http://127.0.0.1:8080/）");
  auto f = std::make_shared<ServeFlags>();
  auto* bind =
      cmd->add_option("--bind", f->bind, "监听地址（环境变量 GONGKAI_BIND，默认 127.0.0.1）");
  auto* port = cmd->add_option("--port", f->port,
                               "端口（环境变量 GONGKAI_PORT，默认 8080；0 为任选空闲端口）")
                   ->check(CLI::Range(0, 65535));
  auto* threads = cmd->add_option("--threads", f->threads, "工作线程数（默认每核一个）")
                      ->check(CLI::Range(0, 256));
  cmd->callback([&ctx, f, bind, port, threads] {
    http::ConfigOverrides overrides = ctx.Overrides();
    if (bind->count() > 0) overrides.bind = f->bind;
    if (port->count() > 0) overrides.port = f->port;
    if (threads->count() > 0) overrides.threads = f->threads;
    auto config = http::LoadServeConfig(ctx.config_path, overrides,
                                        [](const char* n) { return std::getenv(n); });
    if (!config.ok()) return FailWith(ctx, config.status());
    auto store = storage::OpenStore(config->EffectiveDbUrl());
    if (!store.ok()) return FailWith(ctx, store.status());
    auto applied = (*store)->Migrate();
    if (!applied.ok()) return FailWith(ctx, applied.status());
    const std::string fmt = config->log_format;
    for (const auto& m : *applied) {
      LogLine(fmt, "info",
              {{"msg", "migration applied"}, {"version", m.version}, {"name", m.name}});
    }

    // The applications' clock: the national holiday file (GONGKAI_HOLIDAYS, else the bundled
    // one) and the regional override (GONGKAI_HOLIDAY_OVERRIDE), as for `gongkai calendar`.
    const char* holidays = std::getenv("GONGKAI_HOLIDAYS");
    const char* override_file = std::getenv("GONGKAI_HOLIDAY_OVERRIDE");
    // Plus the notices imported into the database (gongkai calendar import, /admin/calendar).
    auto base = calendar::LoadCalendarBase(holidays != nullptr ? holidays : "",
                                           override_file != nullptr ? override_file : "");
    if (!base.ok()) return FailWith(ctx, base.status());
    SystemClock clock;
    services::CalendarService calendars(**store, clock, *base);
    auto cal = calendars.Build();
    if (!cal.ok()) return FailWith(ctx, cal.status());
    auto cal_status = calendars.Status();
    if (cal_status.ok() && !cal_status->warning.empty()) {
      LogLine(fmt, "warn", {{"msg", "calendar"}, {"warning", cal_status->warning}});
      *ctx.err << "警告：" << cal_status->warning << std::endl;
    }
    http::WebApp web(**store, clock, config->security, config->web, std::move(cal).value(),
                     std::move(base).value());
    auto screening = LoadReviewScreening();
    if (!screening.ok()) return FailWith(ctx, screening.status());
    web.SetReviewScreening(*screening);
    http::ServerOptions options = config->server;
    options.error_log = [fmt](const std::string& message) {
      LogLine(fmt, "error", {{"msg", message}});
    };
    http::Server server(options, web.MakeRouter(),
                        [fmt](const http::HttpRequest& req, int status, size_t bytes, double ms) {
                          LogLine(fmt, "info",
                                  {{"msg", "request"},
                                   {"method", req.method},
                                   {"path", req.path},
                                   {"status", status},
                                   {"bytes", bytes},
                                   {"ms", ms},
                                   {"remote", req.remote_addr}});
                        });
    Status listening = server.Listen();
    if (!listening.ok()) return FailWith(ctx, listening);
    std::string host = options.bind_address;
    if (host.find(':') != std::string::npos) host = "[" + host + "]";
    *ctx.out << "gongkai 正在运行：http://" << host << ":" << server.port() << "/\n"
             << "数据库：" << config->EffectiveDbUrl() << "\n"
             << "按 Ctrl+C 停止。" << std::endl;
    LogLine(fmt, "info",
            {{"msg", "listening"},
             {"address", options.bind_address},
             {"port", server.port()},
             {"database", config->EffectiveDbUrl()}});
    // 定时发布 and 到期下线: at start, then every 30 s (GONGKAI_SCHEDULER_MS for tests).
    services::ReviewService& review = web.reviews();
    const char* period_env = std::getenv("GONGKAI_SCHEDULER_MS");
    const long period_ms = period_env != nullptr ? std::atol(period_env) : 30000;
    http::Scheduler scheduler(
        [&review, fmt] {
          Result<int> n = review.RunDue();
          if (!n.ok()) {
            LogLine(fmt, "error", {{"msg", "scheduler"}, {"status", n.status().ToString()}});
          } else if (*n > 0) {
            LogLine(fmt, "info", {{"msg", "scheduled publication"}, {"items", *n}});
          }
        },
        std::chrono::milliseconds(period_ms > 0 ? period_ms : 30000));
    scheduler.Start();
    Status ran = server.Run(/*handle_signals=*/true);
    scheduler.Stop();
    LogLine(fmt, ran.ok() ? "info" : "error", {{"msg", "stopped"}, {"status", ran.ToString()}});
    if (!ran.ok()) return FailWith(ctx, ran);
    *ctx.out << "gongkai 已停止。" << std::endl;
  });
}

}  // namespace gongkai::cli

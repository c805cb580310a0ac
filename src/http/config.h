#pragma once

#include <functional>
#include <optional>
#include <string>

#include "core/result.h"
#include "http/server.h"
#include "http/web_app.h"
#include "services/account_service.h"

namespace gongkai::http {

// Everything `gongkai serve` (and every command that opens the database)
// is configured with. See docs/operations.md for the file format.
struct ServeConfig {
  ServerOptions server;
  std::string data_dir = "./var";
  std::string db_url;  // empty = sqlite:<data_dir>/gongkai.db
  WebOptions web;
  services::SecurityOptions security;
  std::string log_format = "json";  // json | text

  std::string EffectiveDbUrl() const {
    return db_url.empty() ? "sqlite:" + data_dir + "/gongkai.db" : db_url;
  }
};

// Values given on the command line; they win over everything else.
struct ConfigOverrides {
  std::optional<std::string> data_dir, db_url, bind;
  std::optional<int> port, threads;
};

// Builds the configuration in this order, each step overriding the last:
// defaults, the TOML file at `path` (if not empty), the environment
// (GONGKAI_DATA_DIR, GONGKAI_DB, GONGKAI_BIND, GONGKAI_PORT, GONGKAI_THREADS),
// then `flags`. The file is strict: a syntax error, an unknown table or key,
// a wrong type or an out-of-range value is kInvalidArgument with a Chinese
// message naming the file, line and key. Nothing is half-applied.
Result<ServeConfig> LoadServeConfig(const std::string& path, const ConfigOverrides& flags,
                                    const std::function<const char*(const char*)>& getenv);

}  // namespace gongkai::http

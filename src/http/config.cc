#include "http/config.h"

#include <toml++/toml.h>

#include <charconv>
#include <fstream>
#include <sstream>

namespace gongkai::http {

namespace {

Status ConfigError(const std::string& where, const std::string& zh) {
  return InvalidArgument("config " + where + ": " + zh, "配置文件" + where + "：" + zh);
}

std::string Where(const std::string& path, const toml::node& node) {
  const auto& src = node.source();
  return "“" + path + "”第" + std::to_string(src.begin.line) + "行";
}

// Reads an integer key within [lo, hi] into *out.
Status ReadInt(const std::string& path, const std::string& key, const toml::node& node, int64_t lo,
               int64_t hi, int64_t* out) {
  auto v = node.value<int64_t>();
  if (!v || !node.is_integer()) return ConfigError(Where(path, node), key + " 应为整数");
  if (*v < lo || *v > hi) {
    return ConfigError(Where(path, node), key + " 应在 " + std::to_string(lo) + " 到 " +
                                              std::to_string(hi) + " 之间，实际为 " +
                                              std::to_string(*v));
  }
  *out = *v;
  return Status::Ok();
}

Status ReadString(const std::string& path, const std::string& key, const toml::node& node,
                  std::string* out) {
  if (!node.is_string()) return ConfigError(Where(path, node), key + " 应为字符串");
  *out = *node.value<std::string>();
  if (out->empty()) return ConfigError(Where(path, node), key + " 不能为空");
  return Status::Ok();
}

Status ReadBool(const std::string& path, const std::string& key, const toml::node& node,
                bool* out) {
  if (!node.is_boolean()) return ConfigError(Where(path, node), key + " 应为 true 或 false");
  *out = *node.value<bool>();
  return Status::Ok();
}

Status ApplyTable(const std::string& path, const std::string& table, const toml::table& t,
                  ServeConfig* c) {
  for (const auto& [k, node] : t) {
    std::string key(k.str());
    std::string full = table + "." + key;
    int64_t n = 0;
    Status s = ConfigError(Where(path, node), "未知的配置项 " + full);
    if (table == "server") {
      if (key == "bind") {
        s = ReadString(path, full, node, &c->server.bind_address);
      } else if (key == "port") {
        s = ReadInt(path, full, node, 0, 65535, &n);
        c->server.port = static_cast<uint16_t>(n);
      } else if (key == "threads") {
        s = ReadInt(path, full, node, 0, 256, &n);
        c->server.threads = static_cast<int>(n);
      } else if (key == "max_body_bytes") {
        s = ReadInt(path, full, node, 1024, 1LL << 30, &n);
        c->server.max_body_bytes = static_cast<size_t>(n);
      } else if (key == "max_upload_body_bytes") {
        s = ReadInt(path, full, node, 1024, 1LL << 30, &n);
        c->server.max_upload_body_bytes = static_cast<size_t>(n);
      } else if (key == "request_timeout_seconds") {
        s = ReadInt(path, full, node, 1, 3600, &n);
        c->server.request_timeout_seconds = static_cast<int>(n);
      } else if (key == "keep_alive_timeout_seconds") {
        s = ReadInt(path, full, node, 1, 3600, &n);
        c->server.keep_alive_timeout_seconds = static_cast<int>(n);
      } else if (key == "log_format") {
        s = ReadString(path, full, node, &c->log_format);
        if (s.ok() && c->log_format != "json" && c->log_format != "text") {
          s = ConfigError(Where(path, node), full + " 应为 \"json\" 或 \"text\"");
        }
      }
    } else if (table == "storage") {
      if (key == "data_dir") s = ReadString(path, full, node, &c->data_dir);
      if (key == "db") s = ReadString(path, full, node, &c->db_url);
    } else if (table == "site") {
      if (key == "name") s = ReadString(path, full, node, &c->web.site_name);
      if (key == "secure_cookies") s = ReadBool(path, full, node, &c->web.cookies.secure);
    } else if (table == "security") {
      if (key == "session_hours") {
        s = ReadInt(path, full, node, 1, 24 * 30, &n);
        c->security.session_lifetime_seconds = n * 3600;
      } else if (key == "session_idle_minutes") {
        s = ReadInt(path, full, node, 1, 24 * 60, &n);
        c->security.session_idle_seconds = n * 60;
      } else if (key == "max_login_failures") {
        s = ReadInt(path, full, node, 1, 1000, &n);
        c->security.max_failures_per_user = static_cast<int>(n);
      } else if (key == "login_window_minutes") {
        s = ReadInt(path, full, node, 1, 24 * 60, &n);
        c->security.failure_window_seconds = n * 60;
      }
    }
    GONGKAI_RETURN_IF_ERROR(s);
  }
  return Status::Ok();
}

Status ApplyFile(const std::string& path, ServeConfig* c) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return InvalidArgument("cannot read config " + path, "无法读取配置文件“" + path + "”");
  }
  std::stringstream ss;
  ss << in.rdbuf();
  toml::table root;
  try {
    root = toml::parse(ss.str(), path);
  } catch (const toml::parse_error& err) {
    return InvalidArgument("config syntax: " + std::string(err.description()),
                           "配置文件“" + path + "”第" + std::to_string(err.source().begin.line) +
                               "行第" + std::to_string(err.source().begin.column) +
                               "列格式错误（TOML）：" + std::string(err.description()));
  }
  for (const auto& [k, node] : root) {
    std::string table(k.str());
    if (!node.is_table() ||
        (table != "server" && table != "storage" && table != "site" && table != "security")) {
      return ConfigError(Where(path, node), "未知的配置节 " + table +
                                                "（可用：[server] [storage] [site] [security]）");
    }
    GONGKAI_RETURN_IF_ERROR(ApplyTable(path, table, *node.as_table(), c));
  }
  return Status::Ok();
}

Result<int> EnvInt(const char* name, const char* value, int lo, int hi) {
  int v = 0;
  std::string_view s(value);
  auto r = std::from_chars(s.data(), s.data() + s.size(), v);
  if (r.ec != std::errc() || r.ptr != s.data() + s.size() || v < lo || v > hi) {
    return InvalidArgument(std::string("bad ") + name, std::string("环境变量 ") + name + "=“" +
                                                           std::string(s) + "”无效，应为 " +
                                                           std::to_string(lo) + "–" +
                                                           std::to_string(hi) + " 的整数");
  }
  return v;
}

}  // namespace

Result<ServeConfig> LoadServeConfig(const std::string& path, const ConfigOverrides& flags,
                                    const std::function<const char*(const char*)>& getenv) {
  ServeConfig c;
  if (!path.empty()) GONGKAI_RETURN_IF_ERROR(ApplyFile(path, &c));
  auto env = [&](const char* name) -> const char* {
    const char* v = getenv(name);
    return (v != nullptr && *v != '\0') ? v : nullptr;
  };
  if (const char* v = env("GONGKAI_DATA_DIR")) c.data_dir = v;
  if (const char* v = env("GONGKAI_DB")) c.db_url = v;
  if (const char* v = env("GONGKAI_BIND")) c.server.bind_address = v;
  if (const char* v = env("GONGKAI_PORT")) {
    GONGKAI_ASSIGN_OR_RETURN(int p, EnvInt("GONGKAI_PORT", v, 0, 65535));
    c.server.port = static_cast<uint16_t>(p);
  }
  if (const char* v = env("GONGKAI_THREADS")) {
    GONGKAI_ASSIGN_OR_RETURN(c.server.threads, EnvInt("GONGKAI_THREADS", v, 0, 256));
  }
  if (flags.data_dir) c.data_dir = *flags.data_dir;
  if (flags.db_url) c.db_url = *flags.db_url;
  if (flags.bind) c.server.bind_address = *flags.bind;
  if (flags.port) c.server.port = static_cast<uint16_t>(*flags.port);
  if (flags.threads) c.server.threads = *flags.threads;
  return c;
}

}  // namespace gongkai::http

#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/status.h"

namespace gongkai::http {

// One parsed request, as handlers see it. Header names are lower-case.
struct HttpRequest {
  std::string method;        // "GET", "POST", …
  std::string target;        // as sent: "/a/b?x=1"
  std::string path;          // percent-decoded path: "/a/b"
  std::string query_string;  // raw, after '?'
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  std::string remote_addr;  // "127.0.0.1"
  // Filled by the Router from `{name}` segments of the matched pattern.
  std::map<std::string, std::string> path_params;

  // First header with this (lower-case) name, or nullptr.
  const std::string* Header(std::string_view lower_name) const;
  // Value of the named cookie, or "" when absent.
  std::string Cookie(std::string_view name) const;
  // First decoded value of a query parameter, or "" when absent.
  std::string Query(std::string_view name) const;
  std::string PathParam(const std::string& name) const;
};

// A response. `shared_body`, when set, is sent instead of `body` without a
// copy (pages rendered once at publish time and cached).
struct HttpResponse {
  int status = 200;
  std::string content_type = "text/html; charset=utf-8";
  std::string body;
  std::shared_ptr<const std::string> shared_body;
  std::vector<std::pair<std::string, std::string>> headers;  // Set-Cookie, Location, ETag, …

  void AddHeader(std::string name, std::string value) {
    headers.emplace_back(std::move(name), std::move(value));
  }
  std::string_view BodyView() const { return shared_body ? *shared_body : body; }
};

using Handler = std::function<HttpResponse(const HttpRequest&)>;

// Maps (method, path) to a handler. Patterns are literal segments and
// `{name}` segments matching one non-empty segment: "/api/v1/agencies/{id}".
// Not thread-safe while adding; Match is safe to call concurrently after.
class Router {
 public:
  void Add(std::string method, std::string pattern, Handler handler);
  // The handler for the request, with path_params filled; nullptr when no
  // pattern matches. *method_not_allowed is set when the path matches a
  // pattern under another method.
  const Handler* Match(HttpRequest& request, bool* method_not_allowed) const;

 private:
  struct Route {
    std::string method;
    std::vector<std::string> segments;
    Handler handler;
  };
  std::vector<Route> routes_;
};

struct ServerOptions {
  std::string bind_address = "127.0.0.1";
  uint16_t port = 8080;                 // 0 = any free port (tests)
  int threads = 0;                      // 0 = one per core
  size_t max_body_bytes = 1 << 20;      // larger bodies get 413
  size_t max_header_bytes = 16 << 10;   // larger headers get 431
  int request_timeout_seconds = 30;     // to read one whole request
  int keep_alive_timeout_seconds = 60;  // idle keep-alive connections
};

// Called once per request after the response is sent (access log).
using AccessLogFn = std::function<void(const HttpRequest&, int status, size_t bytes, double ms)>;

// An HTTP/1.1 server (Boost.Beast + Asio): keep-alive, pipelined requests
// served in order, size limits and timeouts, ETag/If-None-Match for
// responses that carry an ETag header, HEAD. A handler that throws gets a
// logged 500. Thread-safe: Stop() may be called from any thread or a signal
// watcher.
class Server {
 public:
  Server(ServerOptions options, Router router, AccessLogFn access_log = nullptr);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds and listens. kUnavailable with a Chinese message when the address
  // is taken or cannot be bound.
  Status Listen();
  // The bound port (after Listen; resolves port 0).
  uint16_t port() const;
  // Serves until Stop() or SIGINT/SIGTERM (when handle_signals), then
  // finishes in-flight requests (up to 10 s) and returns.
  Status Run(bool handle_signals);
  // Graceful shutdown: stop accepting, finish what is in flight.
  void Stop();

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace gongkai::http

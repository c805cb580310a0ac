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
#include "http/multipart.h"

namespace gongkai {
class Clock;
}

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
  int version = 11;         // 10 for HTTP/1.0, 11 for HTTP/1.1
  // Filled by the Router from `{name}` segments of the matched pattern.
  std::map<std::string, std::string> path_params;
  mutable std::shared_ptr<const MultipartForm> multipart_cache;  // see Multipart()

  // First header with this (lower-case) name, or nullptr.
  const std::string* Header(std::string_view lower_name) const;
  // Value of the named cookie (Cookie header, `a=1; b=2`), or "" when absent.
  // Surrounding double quotes are removed; the value is not percent-decoded.
  std::string Cookie(std::string_view name) const;
  // First decoded value of a query parameter ('+' is a space, %XX decoded),
  // or "" when absent.
  std::string Query(std::string_view name) const;
  // First decoded value of a field of an `application/x-www-form-urlencoded`
  // body (an HTML form POST) or a text field of a `multipart/form-data` one, or
  // "" when absent or the body is another type.
  std::string Form(std::string_view name) const;
  // The multipart/form-data body, parsed on first use and kept (its `status` is
  // kInvalidArgument when the body is another type or malformed).
  const MultipartForm& Multipart() const;
  std::string PathParam(const std::string& name) const;
};

// A response. `shared_body`, when set, is sent instead of `body` without a
// copy (pages rendered once at publish time and cached).
struct HttpResponse {
  int status = 200;
  std::string content_type = "text/html; charset=utf-8";  // "" = no Content-Type header
  std::string body;
  std::shared_ptr<const std::string> shared_body;
  // The same body gzipped ahead of time (cached pages), sent to clients that accept gzip.
  // Without it the server compresses text bodies itself (http/gzip.h).
  std::shared_ptr<const std::string> shared_gzip_body;
  // Set-Cookie, Location, ETag, Cache-Control, … Connection, Content-Length and
  // Transfer-Encoding are the server's and are ignored here; Content-Type, Date
  // and Server given here replace the server's; a header whose name or value
  // holds CR, LF or NUL is dropped (and logged).
  std::vector<std::pair<std::string, std::string>> headers;

  void AddHeader(std::string name, std::string value) {
    headers.emplace_back(std::move(name), std::move(value));
  }
  std::string_view BodyView() const { return shared_body ? *shared_body : body; }
};

using Handler = std::function<HttpResponse(const HttpRequest&)>;
// The server's own error answers (no route, wrong method, a handler that threw, a malformed
// request): `message` is Chinese. The default is ErrorResponse.
using ErrorPageFn = std::function<HttpResponse(const HttpRequest&, int status,
                                               std::string_view code, std::string_view message)>;

// Maps (method, path) to a handler. Patterns are literal segments and
// `{name}` segments matching one non-empty segment: "/api/v1/agencies/{id}".
// Segments are compared after percent-decoding; a trailing '/' matters
// ("/a/" is not "/a"). Routes are tried in the order added; a HEAD request
// falls back to the GET route. Not thread-safe while adding; Match is safe
// to call concurrently after.
class Router {
 public:
  void Add(std::string method, std::string pattern, Handler handler);
  // The handler for the request, with path_params filled; nullptr when no
  // pattern matches. *method_not_allowed is set when the path matches a
  // pattern under another method.
  const Handler* Match(HttpRequest& request, bool* method_not_allowed) const;
  // The methods some pattern accepts for this decoded path, sorted, for an
  // Allow header: "GET, HEAD, POST" ("" when none). HEAD comes with GET.
  std::string AllowedMethods(std::string_view path) const;
  // Replaces the error page (the site renders it in its layout). `page` must not throw.
  void SetErrorPage(ErrorPageFn page) { error_page_ = std::move(page); }
  // The error page for the request; ErrorResponse when none is set or it fails.
  HttpResponse ErrorPage(const HttpRequest& request, int status, std::string_view code,
                         std::string_view message) const;

 private:
  struct Route {
    std::string method;
    std::vector<std::string> segments;
    Handler handler;
  };
  static bool PathMatches(const Route& route, const std::vector<std::string_view>& segments,
                          std::map<std::string, std::string>* params);
  std::vector<Route> routes_;
  ErrorPageFn error_page_;
};

// Called with one English line when a handler throws or the server hits an
// unexpected error (default: written to stderr).
using ErrorLogFn = std::function<void(const std::string& message)>;

struct ServerOptions {
  std::string bind_address = "127.0.0.1";
  uint16_t port = 8080;             // 0 = any free port (tests)
  int threads = 0;                  // 0 = one per core
  size_t max_body_bytes = 1 << 20;  // larger bodies get 413
  // multipart/form-data bodies (forms with file uploads) may be this large instead.
  size_t max_upload_body_bytes = 12 << 20;
  size_t max_header_bytes = 16 << 10;   // request line + headers; larger get 431
  int request_timeout_seconds = 30;     // to read one whole request (and to write its response)
  int keep_alive_timeout_seconds = 60;  // idle keep-alive connections
  int shutdown_grace_seconds = 10;      // Stop(): how long in-flight requests may take
  ErrorLogFn error_log = nullptr;       // nullptr = stderr
  const Clock* clock = nullptr;         // for the Date header; nullptr = the system clock
};

// Called once per request after the response is sent (access log).
using AccessLogFn = std::function<void(const HttpRequest&, int status, size_t bytes, double ms)>;

// An HTTP/1.1 server (Boost.Beast + Asio): keep-alive, pipelined requests
// served in order, size limits and timeouts, ETag/If-None-Match for
// responses that carry an ETag header, HEAD, gzip for text bodies of 256 bytes
// or more when the client accepts it (Vary: Accept-Encoding on every text
// response; the gzip variant's ETag ends in "-gzip"). A handler that throws gets a
// logged 500. Handlers run on the server's threads: one slow handler holds
// one thread. Thread-safe: Stop() may be called from any thread or a signal
// watcher.
class Server {
 public:
  Server(ServerOptions options, Router router, AccessLogFn access_log = nullptr);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds and listens. kUnavailable with a Chinese message naming the
  // address and port when the address is taken or cannot be bound.
  Status Listen();
  // The bound port (after Listen; resolves port 0).
  uint16_t port() const;
  // Serves until Stop() or SIGINT/SIGTERM (when handle_signals), then
  // finishes in-flight requests (up to shutdown_grace_seconds), closes idle
  // connections and returns Ok. kFailedPrecondition before Listen().
  Status Run(bool handle_signals);
  // Graceful shutdown: stop accepting, finish what is in flight. Returns at
  // once; Run() returns when done.
  void Stop();

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

// ---- Helpers, also for handlers.

// Decodes %XX escapes (and '+' as a space when plus_as_space). False on a
// malformed escape ('%' not followed by two hex digits); *out is then unspecified.
bool PercentDecode(std::string_view in, bool plus_as_space, std::string* out);
// Percent-encodes everything but the unreserved characters (A-Z a-z 0-9 - . _ ~), as RFC 3986
// and RFC 5987 (filename*=) want; the inverse of PercentDecode for form values and file names.
std::string PercentEncode(std::string_view in);
// "a=1&b=%E4%B8%AD" → {{"a","1"},{"b","中"}}; malformed escapes are kept literally.
std::vector<std::pair<std::string, std::string>> ParseUrlEncoded(std::string_view text);
// The server's own error page: Chinese HTML, or `{"error":{"code":…,"message":…}}`
// when `path` is under /api/. `message` is Chinese and is escaped here.
HttpResponse ErrorResponse(int status, std::string_view path, std::string_view code,
                           std::string_view message);

// ---- Parsing without sockets (fuzzing, tests). Same parser and checks as the server.
struct ParsedRequest {
  // 0 = one complete request; 400, 413 or 431 = rejected with that status;
  // -1 = the bytes end before the request does.
  int status = 0;
  std::string error;  // English reason when rejected
  HttpRequest request;
  size_t consumed = 0;  // bytes of `bytes` used by the request
};
ParsedRequest ParseRequest(std::string_view bytes, const ServerOptions& limits);

}  // namespace gongkai::http

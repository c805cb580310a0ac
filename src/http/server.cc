// The HTTP server: Boost.Beast + Asio. The only file of gongkai that includes them
// (docs/http.md, "HTTP layer"). One strand per connection; requests on one
// connection are read, handled and answered one at a time, so pipelined
// requests are answered in order.

#include "http/server.h"

#include <algorithm>
#include <atomic>
#include <boost/asio/bind_executor.hpp>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <ctime>
#include <exception>
#include <limits>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_map>

#include "core/clock.h"
#include "http/gzip.h"

namespace gongkai::http {

namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;
using SteadyClock = std::chrono::steady_clock;

namespace {

using BeastRequest = bhttp::request<bhttp::string_body>;
using BeastParser = bhttp::request_parser<bhttp::string_body>;
using BeastResponse = bhttp::response<bhttp::span_body<const char>>;

constexpr size_t kReadChunk = 4096;
constexpr size_t kIdleBufferLimit = 16 << 10;
constexpr size_t kMaxDrainBytes = 1 << 20;
constexpr int kLingerSeconds = 2;
constexpr size_t kMinGzipBytes = 256;  // smaller bodies gain nothing from gzip

// Beast 1.74 uses boost::string_view.
std::string_view Sv(beast::string_view s) { return {s.data(), s.size()}; }

char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (Lower(a[i]) != Lower(b[i])) return false;
  }
  return true;
}

// "1 MiB", "16 KiB" or "1000 字节", for the Chinese limit messages.
std::string FormatSize(size_t bytes) {
  if (bytes >= (1u << 20) && bytes % (1u << 20) == 0) return std::to_string(bytes >> 20) + " MiB";
  if (bytes >= (1u << 10) && bytes % (1u << 10) == 0) return std::to_string(bytes >> 10) + " KiB";
  return std::to_string(bytes) + " 字节";
}

std::string_view PathPart(std::string_view target) { return target.substr(0, target.find('?')); }

// "Thu, 26 Nov 2026 19:16:00 GMT" (RFC 9110 IMF-fixdate), cached per thread for the second.
const std::string& HttpDate(int64_t unix_seconds) {
  thread_local int64_t cached_second = std::numeric_limits<int64_t>::min();
  thread_local std::string cached;
  if (unix_seconds != cached_second) {
    static constexpr const char* kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                              "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    std::time_t t = static_cast<std::time_t>(unix_seconds);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[40];
    std::snprintf(buf, sizeof buf, "%s, %02d %s %04d %02d:%02d:%02d GMT", kDays[tm.tm_wday % 7],
                  tm.tm_mday, kMonths[tm.tm_mon % 12], tm.tm_year + 1900, tm.tm_hour, tm.tm_min,
                  tm.tm_sec);
    cached = buf;
    cached_second = unix_seconds;
  }
  return cached;
}

// True when an If-None-Match value ("*", or a list of entity tags) matches
// `etag` under the weak comparison of RFC 9110 §13.1.2.
bool EtagMatches(std::string_view if_none_match, std::string_view etag) {
  auto strip_weak = [](std::string_view t) {
    if (t.size() >= 2 && t[0] == 'W' && t[1] == '/') t.remove_prefix(2);
    return t;
  };
  etag = strip_weak(etag);
  while (!if_none_match.empty()) {
    size_t comma = if_none_match.find(',');
    std::string_view item = if_none_match.substr(0, comma);
    if_none_match =
        comma == std::string_view::npos ? std::string_view() : if_none_match.substr(comma + 1);
    while (!item.empty() && (item.front() == ' ' || item.front() == '\t')) item.remove_prefix(1);
    while (!item.empty() && (item.back() == ' ' || item.back() == '\t')) item.remove_suffix(1);
    if (item == "*" || (!item.empty() && strip_weak(item) == etag)) return true;
  }
  return false;
}

bool HasControlChars(std::string_view s) {
  return s.find_first_of(std::string_view("\r\n\0", 3)) != std::string_view::npos;
}

// 431, 413 or 400 for an error of Beast's HTTP parser.
int StatusForParseError(const beast::error_code& ec) {
  if (ec == bhttp::error::header_limit) return 431;
  if (ec == bhttp::error::body_limit) return 413;
  return 400;
}

constexpr std::string_view kBadVersion = "unsupported HTTP version";

// Fills `out` from a parsed request. Returns "" or the English reason for a 400.
std::string ConvertRequest(BeastRequest&& in, HttpRequest* out) {
  out->method = std::string(Sv(in.method_string()));
  out->target = std::string(Sv(in.target()));
  out->version = static_cast<int>(in.version());
  out->headers.reserve(std::distance(in.begin(), in.end()));
  for (const auto& field : in) {
    std::string name(Sv(field.name_string()));
    for (char& c : name) c = Lower(c);
    out->headers.emplace_back(std::move(name), std::string(Sv(field.value())));
  }
  out->body = std::move(in.body());
  if (out->version != 10 && out->version != 11) return std::string(kBadVersion);
  std::string_view target = out->target;
  if (target.empty() || target.front() != '/') return "request target is not an absolute path";
  size_t question = target.find('?');
  if (question != std::string_view::npos) out->query_string = target.substr(question + 1);
  if (!PercentDecode(target.substr(0, question), /*plus_as_space=*/false, &out->path)) {
    return "invalid percent-encoding in the path";
  }
  if (out->path.find('\0') != std::string::npos) return "NUL in the path";
  return {};
}

void ConfigureParser(BeastParser& parser, const ServerOptions& options) {
  parser.header_limit(static_cast<std::uint32_t>(
      std::min<size_t>(options.max_header_bytes, std::numeric_limits<std::uint32_t>::max())));
  parser.body_limit(
      static_cast<std::uint64_t>(std::max(options.max_body_bytes, options.max_upload_body_bytes)));
}

// True for a multipart/form-data request (a form with files): its body may be up to
// max_upload_body_bytes; any other body up to max_body_bytes.
bool IsUpload(const BeastRequest& req) {
  return !MultipartBoundary(Sv(req[bhttp::field::content_type])).empty();
}

// After the header: the limit of this request's body. False when its Content-Length is over it.
bool LimitBody(BeastParser& parser, const ServerOptions& options) {
  size_t limit = IsUpload(parser.get()) ? options.max_upload_body_bytes : options.max_body_bytes;
  parser.body_limit(static_cast<std::uint64_t>(limit));
  auto length = parser.content_length();
  return !length || *length <= limit;
}

class Session;

// What every connection shares: options, routes, logs, the live-session registry.
struct ServerCore {
  ServerOptions options;
  Router router;
  AccessLogFn access_log;
  SystemClock system_clock;
  std::string too_large_message;          // 413
  std::string upload_too_large_message;   // 413 of a multipart/form-data body
  std::string headers_too_large_message;  // 431
  std::atomic<bool> stopping{false};
  std::mutex mu;
  std::unordered_map<Session*, std::weak_ptr<Session>> sessions;  // guarded by mu

  void LogError(const std::string& message) const {
    if (options.error_log) {
      try {
        options.error_log(message);
        return;
      } catch (...) {
      }
    }
    std::fprintf(stderr, "gongkai http: %s\n", message.c_str());
  }

  const std::string& Date() const {
    const Clock& clock = options.clock != nullptr ? *options.clock : system_clock;
    return HttpDate(clock.NowUnixSeconds());
  }

  size_t SessionCount() {
    std::lock_guard<std::mutex> lock(mu);
    return sessions.size();
  }

  // Routes the request and runs its handler; never throws.
  HttpResponse Dispatch(HttpRequest& request) const {
    bool method_not_allowed = false;
    const Handler* handler = router.Match(request, &method_not_allowed);
    if (handler == nullptr) {
      if (method_not_allowed) {
        std::string allow = router.AllowedMethods(request.path);
        HttpResponse r = router.ErrorPage(
            request, 405, "method_not_allowed",
            "不支持用 " + request.method + " 方法访问此地址（允许：" + allow + "）");
        r.AddHeader("Allow", allow);
        return r;
      }
      return router.ErrorPage(request, 404, "not_found", "页面不存在：" + request.path);
    }
    std::string failure;
    try {
      HttpResponse response = (*handler)(request);
      if (response.status >= 200 && response.status <= 599) return response;
      failure = "handler returned status " + std::to_string(response.status);
    } catch (const std::exception& e) {
      failure = std::string("handler threw: ") + e.what();
    } catch (...) {
      failure = "handler threw a non-std exception";
    }
    LogError(request.method + " " + request.target + ": " + failure);
    return router.ErrorPage(request, 500, "internal", "服务器内部错误，请稍后再试。");
  }
};

// One TCP connection. All its work runs on its strand (the socket's executor).
class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket&& socket, ServerCore* core) : stream_(std::move(socket)), core_(core) {
    beast::error_code ec;
    tcp::endpoint remote = stream_.socket().remote_endpoint(ec);
    if (!ec) remote_addr_ = remote.address().to_string();
  }
  ~Session() {
    std::lock_guard<std::mutex> lock(core_->mu);
    core_->sessions.erase(this);
  }

  void Start() {
    net::dispatch(stream_.get_executor(),
                  beast::bind_front_handler(&Session::ReadNext, shared_from_this()));
  }

  // Graceful shutdown: an idle connection is closed now; a busy one after its response.
  void Shutdown() {
    net::dispatch(stream_.get_executor(), [self = shared_from_this()] {
      if (self->state_ == State::kIdle) self->stream_.cancel();
    });
  }

 private:
  enum class State { kIdle, kReading, kBusy, kClosing };

  std::chrono::seconds Seconds(int n) const { return std::chrono::seconds(std::max(n, 1)); }

  void ReadNext() {
    if (core_->stopping.load()) return Close();
    if (buffer_.size() > 0) return ReadHeader();  // a pipelined request is waiting
    if (buffer_.capacity() > kIdleBufferLimit) buffer_.shrink_to_fit();  // after a large request
    state_ = State::kIdle;
    stream_.expires_after(Seconds(core_->options.keep_alive_timeout_seconds));
    stream_.async_read_some(buffer_.prepare(kReadChunk),
                            beast::bind_front_handler(&Session::OnIdleRead, shared_from_this()));
  }

  void OnIdleRead(beast::error_code ec, size_t n) {
    if (ec) return Close();  // keep-alive timeout, peer closed, or shutdown
    buffer_.commit(n);
    ReadHeader();
  }

  void ReadHeader() {
    state_ = State::kReading;
    started_ = SteadyClock::now();
    parser_.emplace();
    ConfigureParser(*parser_, core_->options);
    stream_.expires_after(Seconds(core_->options.request_timeout_seconds));
    bhttp::async_read_header(stream_, buffer_, *parser_,
                             beast::bind_front_handler(&Session::OnHeader, shared_from_this()));
  }

  void OnHeader(beast::error_code ec, size_t) {
    if (ec) return OnReadError(ec);
    if (!LimitBody(*parser_, core_->options)) return OnReadError(bhttp::error::body_limit);
    const BeastRequest& req = parser_->get();
    if (!parser_->is_done() && req.version() >= 11 &&
        EqualsIgnoreCase(Sv(req[bhttp::field::expect]), "100-continue")) {
      static constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";
      net::async_write(stream_, net::buffer(kContinue.data(), kContinue.size()),
                       [self = shared_from_this()](beast::error_code wec, size_t) {
                         if (wec) return self->Close();
                         self->ReadBody();
                       });
      return;
    }
    ReadBody();
  }

  void ReadBody() {
    if (parser_->is_done()) return OnBody({}, 0);
    bhttp::async_read(stream_, buffer_, *parser_,
                      beast::bind_front_handler(&Session::OnBody, shared_from_this()));
  }

  void OnReadError(beast::error_code ec) {
    if (ec.category() != bhttp::make_error_code(bhttp::error::end_of_stream).category() ||
        ec == bhttp::error::end_of_stream || ec == bhttp::error::partial_message) {
      return Close();  // timeout, reset, EOF mid-request: nobody to answer
    }
    int status = StatusForParseError(ec);
    request_ = HttpRequest{};
    request_.remote_addr = remote_addr_;
    const BeastRequest& partial = parser_->get();
    request_.method = std::string(Sv(partial.method_string()));
    request_.target = std::string(Sv(partial.target()));
    request_.path = std::string(PathPart(request_.target));
    const Router& router = core_->router;
    HttpResponse response =
        status == 413
            ? router.ErrorPage(request_, 413, "payload_too_large",
                               IsUpload(partial) ? core_->upload_too_large_message
                                                 : core_->too_large_message)
        : status == 431
            ? router.ErrorPage(request_, 431, "header_too_large", core_->headers_too_large_message)
            : router.ErrorPage(request_, 400, "bad_request", "请求格式错误，无法解析。");
    parser_.reset();
    head_ = false;
    Respond(std::move(response), /*keep_alive=*/false);
  }

  void OnBody(beast::error_code ec, size_t) {
    if (ec) return OnReadError(ec);
    state_ = State::kBusy;
    bool keep_alive = parser_->get().keep_alive();
    request_ = HttpRequest{};
    request_.remote_addr = remote_addr_;
    std::string bad = ConvertRequest(parser_->release(), &request_);
    parser_.reset();
    head_ = request_.method == "HEAD";
    if (!bad.empty()) {
      request_.path = std::string(PathPart(request_.target));
      request_.version = 11;
      HttpResponse error =
          bad == kBadVersion
              ? core_->router.ErrorPage(request_, 400, "bad_request", "请求格式错误，无法解析。")
              : core_->router.ErrorPage(request_, 400, "invalid_path",
                                        "请求路径无效：含有非法的百分号编码或空字符。");
      return Respond(std::move(error), /*keep_alive=*/false);
    }
    Respond(core_->Dispatch(request_), keep_alive);
  }

  void Respond(HttpResponse&& response, bool keep_alive) {
    state_ = State::kBusy;
    keep_alive = keep_alive && !core_->stopping.load();
    response_ = std::move(response);
    MaybeCompress();  // first: the gzip variant has its own ETag
    int status = response_.status;
    if (status == 200 && (request_.method == "GET" || request_.method == "HEAD")) {
      const std::string* if_none_match = request_.Header("if-none-match");
      if (if_none_match != nullptr) {
        for (const auto& [name, value] : response_.headers) {
          if (EqualsIgnoreCase(name, "etag") && EtagMatches(*if_none_match, value)) {
            status = 304;
            break;
          }
        }
      }
    }
    BeastResponse& res = response_message_.emplace();
    res.version(request_.version == 10 ? 10 : 11);
    res.result(static_cast<unsigned>(status));
    res.set(bhttp::field::server, "gongkai");
    res.set(bhttp::field::date, core_->Date());
    bool bodyless = status == 304 || status == 204;
    if (!response_.content_type.empty() && !bodyless) {
      res.set(bhttp::field::content_type, response_.content_type);
    }
    for (const auto& [name, value] : response_.headers) {
      if (EqualsIgnoreCase(name, "connection") || EqualsIgnoreCase(name, "content-length") ||
          EqualsIgnoreCase(name, "transfer-encoding")) {
        continue;
      }
      if (name.empty() || HasControlChars(name) || HasControlChars(value)) {
        core_->LogError(request_.method + " " + request_.target +
                        ": dropped a response header with CR, LF or NUL");
        continue;
      }
      if (EqualsIgnoreCase(name, "content-type")) {
        if (!bodyless) res.set(bhttp::field::content_type, value);
      } else if (EqualsIgnoreCase(name, "date") || EqualsIgnoreCase(name, "server")) {
        res.set(name, value);  // the handler's replaces ours
      } else {
        res.insert(name, value);
      }
    }
    std::string_view body = response_.BodyView();
    bool send_body = !bodyless && !head_;
    if (!bodyless) res.content_length(body.size());
    res.body() =
        send_body ? beast::span<const char>(body.data(), body.size()) : beast::span<const char>();
    res.keep_alive(keep_alive);
    close_after_ = !keep_alive;
    sent_status_ = status;
    sent_bytes_ = send_body ? body.size() : 0;
    stream_.expires_after(Seconds(core_->options.request_timeout_seconds));
    bhttp::async_write(stream_, res,
                       beast::bind_front_handler(&Session::OnWrite, shared_from_this()));
  }

  // gzip for a text body when the client accepts it; Vary: Accept-Encoding on every text body.
  void MaybeCompress() {
    std::string_view type = response_.content_type;
    for (const auto& [name, value] : response_.headers) {
      if (EqualsIgnoreCase(name, "content-type")) type = value;
      if (EqualsIgnoreCase(name, "content-encoding")) return;  // the handler's own encoding
    }
    if (!IsCompressibleType(type)) return;
    response_.AddHeader("Vary", "Accept-Encoding");
    const std::string* accept = request_.Header("accept-encoding");
    std::string_view body = response_.BodyView();
    if (accept == nullptr || !AcceptsGzip(*accept) || body.size() < kMinGzipBytes) return;
    std::shared_ptr<const std::string> gz = response_.shared_gzip_body;
    if (!gz) {
      auto compressed = GzipCompress(body);
      if (!compressed.ok() || compressed->size() >= body.size()) return;
      gz = std::make_shared<const std::string>(std::move(compressed).value());
    }
    response_.shared_body = std::move(gz);
    response_.shared_gzip_body.reset();
    response_.body.clear();
    response_.AddHeader("Content-Encoding", "gzip");
    for (auto& [name, value] : response_.headers) {
      if (EqualsIgnoreCase(name, "etag") && value.size() >= 2 && value.back() == '"') {
        value.insert(value.size() - 1, "-gzip");
      }
    }
  }

  void OnWrite(beast::error_code ec, size_t) {
    if (core_->access_log) {
      double ms = std::chrono::duration<double, std::milli>(SteadyClock::now() - started_).count();
      try {
        core_->access_log(request_, sent_status_, sent_bytes_, ms);
      } catch (const std::exception& e) {
        core_->LogError(std::string("access log threw: ") + e.what());
      } catch (...) {
        core_->LogError("access log threw");
      }
    }
    response_message_.reset();
    response_ = HttpResponse{};
    if (ec) return Close();
    if (close_after_) return LingeringClose();
    ReadNext();
  }

  // Half-closes and reads what the client still sends (for a while) so that
  // the kernel does not answer it with a reset that would destroy our response.
  void LingeringClose() {
    state_ = State::kClosing;
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
    if (ec) return Close();
    buffer_.clear();
    stream_.expires_after(std::chrono::seconds(kLingerSeconds));
    Drain();
  }

  void Drain() {
    stream_.async_read_some(buffer_.prepare(kReadChunk),
                            [self = shared_from_this()](beast::error_code ec, size_t n) {
                              self->drained_ += n;
                              if (ec || self->drained_ > kMaxDrainBytes) return self->Close();
                              self->Drain();
                            });
  }

  void Close() {
    state_ = State::kClosing;
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_both, ec);
    stream_.close();
  }

  beast::tcp_stream stream_;
  ServerCore* core_;
  std::string remote_addr_;
  beast::flat_buffer buffer_;
  std::optional<BeastParser> parser_;
  HttpRequest request_;
  HttpResponse response_;  // owns the body that response_message_ points into
  std::optional<BeastResponse> response_message_;
  State state_ = State::kIdle;
  bool head_ = false;
  bool close_after_ = false;
  int sent_status_ = 0;
  size_t sent_bytes_ = 0;
  size_t drained_ = 0;
  SteadyClock::time_point started_;
};

}  // namespace

ParsedRequest ParseRequest(std::string_view bytes, const ServerOptions& limits) {
  ParsedRequest result;
  BeastParser parser;
  ConfigureParser(parser, limits);
  parser.eager(true);
  beast::error_code ec;
  size_t used = 0;
  bool limited = false;  // the body's limit is known once the header is (LimitBody)
  while (!parser.is_done()) {
    size_t n = parser.put(net::buffer(bytes.data() + used, bytes.size() - used), ec);
    used += n;
    if (!limited && parser.is_header_done()) {
      limited = true;
      if (!LimitBody(parser, limits)) {
        result.status = 413;
        result.error = "Content-Length over the limit of its type";
        result.consumed = used;
        return result;
      }
    }
    if (ec == bhttp::error::need_more) {
      if (n == 0 || used >= bytes.size()) {
        result.status = -1;
        result.consumed = used;
        return result;
      }
      ec = {};
      continue;
    }
    if (ec) {
      result.status = StatusForParseError(ec);
      result.error = ec.message();
      result.consumed = used;
      return result;
    }
    // Beast may consume the last bytes (say, part of a chunk) without asking
    // for more; with nothing left to give it, the request is incomplete.
    if (!parser.is_done() && (n == 0 || used >= bytes.size())) {
      result.status = -1;
      result.consumed = used;
      return result;
    }
  }
  result.consumed = used;
  if (parser.get().body().size() >
      (IsUpload(parser.get()) ? limits.max_upload_body_bytes : limits.max_body_bytes)) {
    result.status = 413;
    result.error = "body over the limit of its type";
    return result;
  }
  std::string bad = ConvertRequest(parser.release(), &result.request);
  if (!bad.empty()) {
    result.status = 400;
    result.error = bad;
  }
  return result;
}

class Server::Impl {
 public:
  Impl(ServerOptions options, Router router, AccessLogFn access_log)
      : ioc_(std::max(1, ThreadCount(options))),
        strand_(net::make_strand(ioc_)),
        acceptor_(strand_),
        signals_(ioc_),
        retry_timer_(strand_),
        drain_timer_(strand_) {
    core_.options = std::move(options);
    core_.router = std::move(router);
    core_.access_log = std::move(access_log);
    core_.too_large_message = "请求体过大（上限 " + FormatSize(core_.options.max_body_bytes) + "）";
    core_.upload_too_large_message =
        "上传的内容过大（上限 " + FormatSize(core_.options.max_upload_body_bytes) + "）";
    core_.headers_too_large_message =
        "请求头过大（上限 " + FormatSize(core_.options.max_header_bytes) + "）";
  }

  static int ThreadCount(const ServerOptions& options) {
    if (options.threads > 0) return options.threads;
    return static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  }

  Status Listen() {
    const ServerOptions& o = core_.options;
    beast::error_code ec;
    net::ip::address address = net::ip::make_address(o.bind_address, ec);
    std::string where = o.bind_address + " 端口 " + std::to_string(o.port);
    std::string where_en = o.bind_address + " port " + std::to_string(o.port);
    if (ec) {
      return Unavailable("cannot listen on " + where_en + ": bad address",
                         "无法监听 " + where + "：地址无效");
    }
    tcp::endpoint endpoint(address, o.port);
    if (acceptor_.is_open()) acceptor_.close(ec);
    acceptor_.open(endpoint.protocol(), ec);
    if (!ec) acceptor_.set_option(net::socket_base::reuse_address(true), ec);
    if (!ec) acceptor_.bind(endpoint, ec);
    if (!ec) acceptor_.listen(net::socket_base::max_listen_connections, ec);
    if (ec) {
      std::string why = ec == net::error::address_in_use  ? "该地址和端口已被占用"
                        : ec == net::error::access_denied ? "没有使用该端口的权限"
                        : ec == boost::system::errc::address_not_available ? "本机没有这个地址"
                                                                           : ec.message();
      beast::error_code ignored;
      acceptor_.close(ignored);
      return Unavailable("cannot listen on " + where_en + ": " + ec.message(),
                         "无法监听 " + where + "：" + why);
    }
    port_ = acceptor_.local_endpoint(ec).port();
    return Status::Ok();
  }

  uint16_t port() const { return port_.load(); }

  Status Run(bool handle_signals) {
    if (!acceptor_.is_open()) {
      return FailedPrecondition("Server::Run before a successful Listen",
                                "服务器尚未监听端口，无法运行");
    }
    if (handle_signals) {
      beast::error_code ec;
      signals_.add(SIGINT, ec);
      signals_.add(SIGTERM, ec);
      signals_.async_wait([this](beast::error_code wec, int) {
        if (!wec) Stop();
      });
    }
    net::post(strand_, [this] { DoAccept(); });
    int n = ThreadCount(core_.options);
    std::vector<std::thread> pool;
    pool.reserve(n - 1);
    for (int i = 1; i < n; ++i) pool.emplace_back([this] { RunLoop(); });
    RunLoop();
    for (std::thread& t : pool) t.join();
    beast::error_code ec;
    signals_.clear(ec);
    return Status::Ok();
  }

  void Stop() {
    if (core_.stopping.exchange(true)) return;
    net::post(strand_, [this] { DoStop(); });
  }

 private:
  void RunLoop() {
    while (true) {
      try {
        ioc_.run();
        return;
      } catch (const std::exception& e) {
        core_.LogError(std::string("uncaught exception in the I/O loop: ") + e.what());
      } catch (...) {
        core_.LogError("uncaught non-std exception in the I/O loop");
      }
    }
  }

  void DoAccept() {
    if (core_.stopping.load()) return;
    acceptor_.async_accept(
        net::make_strand(ioc_),
        net::bind_executor(strand_, [this](beast::error_code ec, tcp::socket socket) {
          OnAccept(ec, std::move(socket));
        }));
  }

  void OnAccept(beast::error_code ec, tcp::socket socket) {
    if (core_.stopping.load()) return;
    if (ec) {
      if (ec == net::error::operation_aborted) return;
      core_.LogError("accept failed: " + ec.message());  // e.g. too many open files
      retry_timer_.expires_after(std::chrono::milliseconds(50));
      retry_timer_.async_wait([this](beast::error_code wec) {
        if (!wec) DoAccept();
      });
      return;
    }
    socket.set_option(tcp::no_delay(true), ec);
    auto session = std::make_shared<Session>(std::move(socket), &core_);
    {
      std::lock_guard<std::mutex> lock(core_.mu);
      core_.sessions.emplace(session.get(), session);
    }
    session->Start();
    DoAccept();
  }

  void DoStop() {
    beast::error_code ec;
    acceptor_.close(ec);
    retry_timer_.cancel();
    signals_.cancel(ec);
    std::vector<std::shared_ptr<Session>> live;
    {
      std::lock_guard<std::mutex> lock(core_.mu);
      for (auto& [raw, weak] : core_.sessions) {
        if (auto s = weak.lock()) live.push_back(std::move(s));
      }
    }
    for (auto& s : live) s->Shutdown();
    live.clear();
    deadline_ = SteadyClock::now() + std::chrono::seconds(core_.options.shutdown_grace_seconds);
    WaitForSessions();
  }

  // Polls (only while shutting down) until every connection is gone or the grace period ends.
  void WaitForSessions() {
    size_t left = core_.SessionCount();
    if (left == 0) return;  // nothing keeps the io_context busy: Run() returns
    if (SteadyClock::now() >= deadline_) {
      core_.LogError("shutdown: " + std::to_string(left) +
                     " connection(s) still busy after the grace period; stopping anyway");
      ioc_.stop();
      return;
    }
    drain_timer_.expires_after(std::chrono::milliseconds(10));
    drain_timer_.async_wait([this](beast::error_code) { WaitForSessions(); });
  }

  // Declared first: sessions destroyed with the io_context still unregister here.
  ServerCore core_;
  net::io_context ioc_;
  net::strand<net::io_context::executor_type> strand_;
  tcp::acceptor acceptor_;
  net::signal_set signals_;
  net::steady_timer retry_timer_;
  net::steady_timer drain_timer_;
  std::atomic<uint16_t> port_{0};
  SteadyClock::time_point deadline_;
};

Server::Server(ServerOptions options, Router router, AccessLogFn access_log)
    : impl_(std::make_unique<Impl>(std::move(options), std::move(router), std::move(access_log))) {}
Server::~Server() = default;
Status Server::Listen() { return impl_->Listen(); }
uint16_t Server::port() const { return impl_->port(); }
Status Server::Run(bool handle_signals) { return impl_->Run(handle_signals); }
void Server::Stop() { impl_->Stop(); }

}  // namespace gongkai::http

#include "http/server.h"

#include <gtest/gtest.h>
#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <future>
#include <memory>
#include <mutex>
#include <random>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "core/clock.h"
#include "http_test_client.h"

namespace gongkai::http {
namespace {

using namespace std::literals;
using testing_util::GetRequest;
using testing_util::HttpReply;
using testing_util::HttpTestClient;

constexpr int64_t kFakeNow = 1727425800;  // 2024-09-27 08:30:00 UTC

// A server on 127.0.0.1 with an ephemeral port, run on a thread; stopped and
// joined on destruction. Errors logged by the server are collected.
class RunningServer {
 public:
  explicit RunningServer(Router router, ServerOptions options = {},
                         AccessLogFn access_log = nullptr)
      : clock_(kFakeNow) {
    options.bind_address = "127.0.0.1";
    options.port = 0;
    if (options.threads == 0) options.threads = 2;
    options.clock = &clock_;
    options.error_log = [this](const std::string& message) {
      std::lock_guard<std::mutex> lock(mu_);
      errors_.push_back(message);
    };
    server_ =
        std::make_unique<Server>(std::move(options), std::move(router), std::move(access_log));
    Status listening = server_->Listen();
    EXPECT_TRUE(listening.ok()) << listening.ToString();
    thread_ = std::thread([this] { run_status_ = server_->Run(false); });
  }
  ~RunningServer() { Join(); }

  uint16_t port() const { return server_->port(); }
  Server& server() { return *server_; }
  void Join() {
    if (!thread_.joinable()) return;
    server_->Stop();
    thread_.join();
  }
  const Status& run_status() const { return run_status_; }
  std::vector<std::string> errors() {
    std::lock_guard<std::mutex> lock(mu_);
    return errors_;
  }

 private:
  FakeClock clock_;
  std::mutex mu_;
  std::vector<std::string> errors_;
  std::unique_ptr<Server> server_;
  std::thread thread_;
  Status run_status_ = Internal("not run");
};

HttpResponse Text(std::string body) {
  HttpResponse r;
  r.content_type = "text/plain; charset=utf-8";
  r.body = std::move(body);
  return r;
}

Router DemoRouter() {
  Router router;
  router.Add("GET", "/", [](const HttpRequest&) { return Text("首页"); });
  router.Add("GET", "/api/v1/agencies/{id}",
             [](const HttpRequest& r) { return Text("agency " + r.PathParam("id")); });
  router.Add("GET", "/files/{name}",
             [](const HttpRequest& r) { return Text(r.PathParam("name")); });
  router.Add("POST", "/echo", [](const HttpRequest& r) { return Text(r.method + ":" + r.body); });
  router.Add("PUT", "/echo", [](const HttpRequest& r) { return Text(r.method + ":" + r.body); });
  router.Add("GET", "/n/{i}", [](const HttpRequest& r) { return Text("n=" + r.PathParam("i")); });
  router.Add("GET", "/q", [](const HttpRequest& r) {
    return Text(r.Query("name") + "|" + r.Query("x") + "|" + r.Query("missing") + "|" +
                r.Cookie("sid") + "|" + r.Cookie("theme") + "|" + r.remote_addr);
  });
  router.Add("GET", "/page", [](const HttpRequest&) {
    HttpResponse r;
    r.shared_body = std::make_shared<const std::string>("<p>公开</p>");
    r.AddHeader("ETag", "\"v1\"");
    r.AddHeader("Cache-Control", "no-cache");
    return r;
  });
  router.Add("GET", "/headers", [](const HttpRequest&) {
    HttpResponse r = Text("h");
    r.AddHeader("Content-Type", "application/xml");
    r.AddHeader("Set-Cookie", "a=1; Path=/");
    r.AddHeader("Set-Cookie", "b=2; Path=/");
    r.AddHeader("Content-Length", "999");
    r.AddHeader("X-Bad", "x\r\nInjected: yes");
    return r;
  });
  router.Add("GET", "/boom",
             [](const HttpRequest&) -> HttpResponse { throw std::runtime_error("kaboom"); });
  return router;
}

TEST(ServerTest, RoutesGetWithPathParamsAndSetsStandardHeaders) {
  RunningServer s(DemoRouter());
  HttpTestClient c(s.port());
  auto r = c.Exchange(GetRequest("/api/v1/agencies/42"));
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->status_line, "HTTP/1.1 200 OK");
  EXPECT_EQ(r->body, "agency 42");
  EXPECT_EQ(r->Header("content-length"), "9");
  EXPECT_EQ(r->Header("content-type"), "text/plain; charset=utf-8");
  EXPECT_EQ(r->Header("server"), "gongkai");
  EXPECT_EQ(r->Header("date"), "Fri, 27 Sep 2024 08:30:00 GMT");
  EXPECT_FALSE(r->HasHeader("connection"));

  r = c.Exchange(GetRequest("/"));
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->body, "首页");
}

TEST(ServerTest, HandlerHeadersAreSanitized) {
  RunningServer s(DemoRouter());
  HttpTestClient c(s.port());
  auto r = c.Exchange(GetRequest("/headers"));
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->body, "h");
  EXPECT_EQ(r->Header("content-length"), "1");
  EXPECT_EQ(r->Header("content-type"), "application/xml");
  int content_types = 0;
  std::vector<std::string> cookies;
  for (const auto& [name, value] : r->headers) {
    if (name == "content-type") ++content_types;
    if (name == "set-cookie") cookies.push_back(value);
  }
  EXPECT_EQ(content_types, 1);
  EXPECT_EQ(cookies, (std::vector<std::string>{"a=1; Path=/", "b=2; Path=/"}));
  EXPECT_FALSE(r->HasHeader("x-bad"));
  EXPECT_FALSE(r->HasHeader("injected"));
  EXPECT_EQ(
      s.errors(),
      (std::vector<std::string>{"GET /headers: dropped a response header with CR, LF or NUL"}));
}

TEST(ServerTest, PostAndPutBodiesReachTheHandler) {
  RunningServer s(DemoRouter());
  HttpTestClient c(s.port());
  auto r = c.Exchange("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 11\r\n\r\nhello world");
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->body, "POST:hello world");
  // Chunked body.
  r = c.Exchange(
      "PUT /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n"
      "5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n");
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->body, "PUT:hello world");
}

TEST(ServerTest, Answers100ContinueBeforeReadingTheBody) {
  RunningServer s(DemoRouter());
  HttpTestClient c(s.port());
  ASSERT_TRUE(c.Send(
      "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 3\r\nExpect: 100-continue\r\n\r\n"));
  auto interim = c.Read(false, /*keep_informational=*/true);
  ASSERT_TRUE(interim.has_value());
  EXPECT_EQ(interim->status_line, "HTTP/1.1 100 Continue");
  ASSERT_TRUE(c.Send("abc"));
  auto r = c.Read();
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->body, "POST:abc");
}

TEST(ServerTest, NotFoundAndMethodNotAllowed) {
  RunningServer s(DemoRouter());
  HttpTestClient c(s.port());
  auto r = c.Exchange(GetRequest("/nope"));
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->status_line, "HTTP/1.1 404 Not Found");
  EXPECT_EQ(r->Header("content-type"), "text/html; charset=utf-8");
  EXPECT_EQ(r->body,
            "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>404 "
            "页面不存在</title></head>\n<body><h1>404 页面不存在</h1>\n<p>页面不存在：/nope</p>"
            "</body></html>\n");

  r = c.Exchange(GetRequest("/api/v1/nope"));
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->status, 404);
  EXPECT_EQ(r->Header("content-type"), "application/json; charset=utf-8");
  EXPECT_EQ(r->body, R"({"error":{"code":"not_found","message":"页面不存在：/api/v1/nope"}})");

  r = c.Exchange(GetRequest("/echo"));
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->status_line, "HTTP/1.1 405 Method Not Allowed");
  EXPECT_EQ(r->Header("allow"), "POST, PUT");
  EXPECT_NE(r->body.find("不支持用 GET 方法访问此地址（允许：POST, PUT）"), std::string::npos);

  r = c.Exchange("DELETE /api/v1/agencies/7 HTTP/1.1\r\nHost: t\r\n\r\n");
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->status, 405);
  EXPECT_EQ(r->Header("allow"), "GET, HEAD");
  EXPECT_EQ(
      r->body,
      R"({"error":{"code":"method_not_allowed","message":"不支持用 DELETE 方法访问此地址（允许：GET, HEAD）"}})");
  // The connection is still usable after 404/405.
  r = c.Exchange(GetRequest("/n/1"));
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->body, "n=1");
}

TEST(ServerTest, PercentDecodesThePathAndRejectsBadEscapes) {
  RunningServer s(DemoRouter());
  {
    HttpTestClient c(s.port());
    auto r = c.Exchange(GetRequest("/files/%E4%B8%AD%E6%96%87%20a+b"));
    ASSERT_TRUE(r.has_value());
    EXPECT_EQ(r->status, 200);
    EXPECT_EQ(r->body, "中文 a+b");
  }
  for (const char* bad : {"/files/a%zz", "/files/a%0", "/files/a%00b", "http://x/files/a"}) {
    HttpTestClient c(s.port());
    auto r = c.Exchange(GetRequest(bad));
    ASSERT_TRUE(r.has_value()) << bad;
    EXPECT_EQ(r->status, 400) << bad;
    EXPECT_NE(r->body.find("请求路径无效"), std::string::npos) << bad;
    EXPECT_EQ(r->Header("connection"), "close") << bad;
    EXPECT_TRUE(c.WaitForClose()) << bad;
  }
}

TEST(ServerTest, ParsesQueryStringsAndCookies) {
  RunningServer s(DemoRouter());
  HttpTestClient c(s.port());
  auto r = c.Exchange(GetRequest("/q?name=%E5%BC%A0+%E4%B8%89&x=1&x=2&empty=",
                                 "Cookie: a=1; sid=abc123;theme=\"dark\"\r\n"));
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->body, "张 三|1||abc123|dark|127.0.0.1");
}

TEST(ServerTest, KeepAliveServesManyRequestsOnOneConnection) {
  std::atomic<int> logged{0};
  RunningServer s(DemoRouter(), {}, [&](const HttpRequest& req, int status, size_t bytes, double) {
    if (req.path.rfind("/n/", 0) == 0 && status == 200 && bytes == 3) ++logged;
  });
  HttpTestClient c(s.port());
  for (int i = 0; i < 5; ++i) {
    auto r = c.Exchange(GetRequest("/n/" + std::to_string(i)));
    ASSERT_TRUE(r.has_value()) << i;
    EXPECT_EQ(r->body, "n=" + std::to_string(i));
  }
  s.Join();  // access-log calls happen before Run returns
  EXPECT_EQ(logged.load(), 5);
}

TEST(ServerTest, PipelinedRequestsAreAnsweredInOrder) {
  RunningServer s(DemoRouter());
  HttpTestClient c(s.port());
  ASSERT_TRUE(c.Send(GetRequest("/n/1") + "HEAD /page HTTP/1.1\r\nHost: t\r\n\r\n" +
                     GetRequest("/nope") + GetRequest("/n/3")));
  auto r1 = c.Read();
  auto r2 = c.Read(/*head=*/true);
  auto r3 = c.Read();
  auto r4 = c.Read();
  ASSERT_TRUE(r1 && r2 && r3 && r4);
  EXPECT_EQ(r1->body, "n=1");
  EXPECT_EQ(r2->status, 200);
  EXPECT_EQ(r2->Header("content-length"), std::to_string(std::string("<p>公开</p>").size()));
  EXPECT_EQ(r3->status, 404);
  EXPECT_EQ(r4->body, "n=3");
}

TEST(ServerTest, HeadSendsHeadersOnly) {
  RunningServer s(DemoRouter());
  HttpTestClient c(s.port());
  auto r = c.Exchange("HEAD /page HTTP/1.1\r\nHost: t\r\n\r\n", /*head=*/true);
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->Header("content-length"), "13");
  EXPECT_EQ(r->Header("etag"), "\"v1\"");
  EXPECT_EQ(r->Header("content-type"), "text/html; charset=utf-8");
  // Had a body been sent, it would be read as the next response's status line.
  r = c.Exchange(GetRequest("/n/2"));
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->body, "n=2");
}

TEST(ServerTest, MatchingIfNoneMatchGives304) {
  RunningServer s(DemoRouter());
  HttpTestClient c(s.port());
  for (const char* tag : {"\"v1\"", "W/\"v1\"", "\"v0\", \"v1\"", "*"}) {
    auto r = c.Exchange(GetRequest("/page", std::string("If-None-Match: ") + tag + "\r\n"));
    ASSERT_TRUE(r.has_value()) << tag;
    EXPECT_EQ(r->status_line, "HTTP/1.1 304 Not Modified") << tag;
    EXPECT_EQ(r->Header("etag"), "\"v1\"");
    EXPECT_EQ(r->Header("cache-control"), "no-cache");
    EXPECT_FALSE(r->HasHeader("content-length"));
    EXPECT_FALSE(r->HasHeader("content-type"));
  }
  auto r = c.Exchange(GetRequest("/page", "If-None-Match: \"v0\"\r\n"));
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->body, "<p>公开</p>");
}

TEST(ServerTest, Http10AndConnectionCloseCloseAfterTheResponse) {
  RunningServer s(DemoRouter());
  {
    HttpTestClient c(s.port());
    auto r = c.Exchange("GET /n/1 HTTP/1.0\r\n\r\n");
    ASSERT_TRUE(r.has_value());
    EXPECT_EQ(r->status_line, "HTTP/1.0 200 OK");
    EXPECT_EQ(r->body, "n=1");
    EXPECT_TRUE(c.WaitForClose());
  }
  {
    HttpTestClient c(s.port());
    auto r = c.Exchange("GET /n/2 HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
    ASSERT_TRUE(r.has_value());
    EXPECT_EQ(r->Header("connection"), "keep-alive");
    r = c.Exchange("GET /n/3 HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
    ASSERT_TRUE(r.has_value());
    EXPECT_EQ(r->body, "n=3");
  }
  {
    HttpTestClient c(s.port());
    auto r = c.Exchange(GetRequest("/n/4", "Connection: close\r\n"));
    ASSERT_TRUE(r.has_value());
    EXPECT_EQ(r->Header("connection"), "close");
    EXPECT_EQ(r->body, "n=4");
    EXPECT_TRUE(c.WaitForClose());
  }
}

TEST(ServerTest, OversizedBodiesGet413WithoutReachingTheHandler) {
  std::atomic<int> calls{0};
  Router router;
  router.Add("POST", "/upload", [&](const HttpRequest&) {
    ++calls;
    return Text("ok");
  });
  router.Add("POST", "/api/upload", [&](const HttpRequest&) {
    ++calls;
    return Text("ok");
  });
  ServerOptions options;
  options.max_body_bytes = 1024;
  RunningServer s(std::move(router), options);
  {
    HttpTestClient c(s.port());
    auto r = c.Exchange("POST /upload HTTP/1.1\r\nHost: t\r\nContent-Length: 1025\r\n\r\n");
    ASSERT_TRUE(r.has_value());
    EXPECT_EQ(r->status_line, "HTTP/1.1 413 Payload Too Large");
    EXPECT_NE(r->body.find("<p>请求体过大（上限 1 KiB）</p>"), std::string::npos);
    EXPECT_EQ(r->Header("connection"), "close");
    EXPECT_TRUE(c.WaitForClose());
  }
  {
    HttpTestClient c(s.port());
    auto r = c.Exchange("POST /api/upload HTTP/1.1\r\nHost: t\r\nContent-Length: 99999999\r\n\r\n");
    ASSERT_TRUE(r.has_value());
    EXPECT_EQ(r->status, 413);
    EXPECT_EQ(r->body,
              R"({"error":{"code":"payload_too_large","message":"请求体过大（上限 1 KiB）"}})");
  }
  {
    HttpTestClient c(s.port());
    std::string chunk(1000, 'x');
    std::string req = "POST /upload HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n";
    req += "3e8\r\n" + chunk + "\r\n3e8\r\n" + chunk + "\r\n0\r\n\r\n";
    auto r = c.Exchange(req);
    ASSERT_TRUE(r.has_value());
    EXPECT_EQ(r->status, 413);
  }
  {
    HttpTestClient c(s.port());  // exactly at the limit is fine
    auto r = c.Exchange("POST /upload HTTP/1.1\r\nHost: t\r\nContent-Length: 1024\r\n\r\n" +
                        std::string(1024, 'y'));
    ASSERT_TRUE(r.has_value());
    EXPECT_EQ(r->status, 200);
  }
  EXPECT_EQ(calls.load(), 1);
}

TEST(ServerTest, HugeHeadersGet431) {
  RunningServer s(DemoRouter());  // default limit: 16 KiB
  HttpTestClient c(s.port());
  auto r =
      c.Exchange(GetRequest("/api/v1/agencies/1", "X-Big: " + std::string(20000, 'a') + "\r\n"));
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->status_line, "HTTP/1.1 431 Request Header Fields Too Large");
  EXPECT_NE(r->body.find("请求头过大（上限 16 KiB）"), std::string::npos);
  EXPECT_TRUE(c.WaitForClose());
}

TEST(ServerTest, GarbageGets400AndTheServerGoesOn) {
  RunningServer s(DemoRouter());
  for (std::string garbage :
       {std::string("\x01\x02\x03 garbage\r\n\r\n"), std::string("GET / HTTP/9.9\r\n\r\n"),
        std::string("GET / HTTP/1.1\r\nBad Header\r\n\r\n"),
        std::string("GET / HTTP/1.1\r\nContent-Length: -1\r\n\r\n"),
        std::string("G\0T / HTTP/1.1\r\n\r\n", 18)}) {
    HttpTestClient c(s.port());
    auto r = c.Exchange(garbage);
    ASSERT_TRUE(r.has_value()) << garbage;
    EXPECT_EQ(r->status, 400) << garbage;
    EXPECT_NE(r->body.find("请求格式错误"), std::string::npos);
    EXPECT_TRUE(c.WaitForClose());
  }
  HttpTestClient c(s.port());
  auto r = c.Exchange(GetRequest("/n/9"));
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->body, "n=9");
}

TEST(ServerTest, SurvivesRandomBytes) {
  RunningServer s(DemoRouter());
  std::mt19937 rng(20261126);  // fixed seed: the same bytes every run
  const std::vector<std::string> prefixes = {"", "GET /", "POST /echo HTTP/1.1\r\n",
                                             "GET / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n",
                                             "PUT /echo HTTP/1.1\r\nContent-Length: 5\r\n\r\n"};
  for (int i = 0; i < 100; ++i) {
    std::string bytes = prefixes[i % prefixes.size()];
    size_t n = rng() % 600;
    for (size_t j = 0; j < n; ++j) {
      // Mostly the characters HTTP is made of, so the parser gets past the first line.
      static constexpr std::string_view kAlphabet = "GET /%0aA:\r\n 1;?=&+\x00\xff"sv;
      bytes.push_back(rng() % 4 == 0 ? static_cast<char>(rng())
                                     : kAlphabet[rng() % kAlphabet.size()]);
    }
    HttpTestClient c(s.port(), /*timeout_ms=*/2000);
    ASSERT_TRUE(c.connected());
    c.Send(bytes);
    c.ShutdownWrite();
    EXPECT_TRUE(c.WaitForClose()) << i;  // answered or not, closed at the end of input
  }
  HttpTestClient c(s.port());
  auto r = c.Exchange(GetRequest("/n/7"));
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->body, "n=7");
}

TEST(ServerTest, ThrowingHandlerGets500AndIsLogged) {
  RunningServer s(DemoRouter());
  HttpTestClient c(s.port());
  auto r = c.Exchange(GetRequest("/boom"));
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->status_line, "HTTP/1.1 500 Internal Server Error");
  EXPECT_NE(r->body.find("服务器内部错误，请稍后再试。"), std::string::npos);
  EXPECT_EQ(r->body.find("kaboom"), std::string::npos);  // never shown to users
  r = c.Exchange(GetRequest("/n/5"));
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->body, "n=5");
  auto errors = s.errors();
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0], "GET /boom: handler threw: kaboom");
}

TEST(ServerTest, LargeSharedBodyArrivesIntact) {
  auto big = std::make_shared<const std::string>([] {
    std::string s;
    for (int i = 0; s.size() < 3'000'000; ++i) s += "第" + std::to_string(i) + "条。";
    return s;
  }());
  Router router;
  router.Add("GET", "/big", [big](const HttpRequest&) {
    HttpResponse r;
    r.shared_body = big;
    return r;
  });
  RunningServer s(std::move(router));
  HttpTestClient c(s.port());
  auto r = c.Exchange(GetRequest("/big"));
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->Header("content-length"), std::to_string(big->size()));
  EXPECT_TRUE(r->body == *big);
}

TEST(ServerTest, IdleAndSlowConnectionsTimeOut) {
  ServerOptions options;
  options.keep_alive_timeout_seconds = 1;
  options.request_timeout_seconds = 1;
  RunningServer s(DemoRouter(), options);
  HttpTestClient idle(s.port());
  HttpTestClient slow(s.port());
  HttpTestClient kept(s.port());
  ASSERT_TRUE(slow.Send("GET /n/1 HTTP/1.1\r\nHo"));
  ASSERT_TRUE(kept.Exchange(GetRequest("/n/1")).has_value());
  auto start = std::chrono::steady_clock::now();
  EXPECT_TRUE(idle.WaitForClose());
  EXPECT_TRUE(slow.WaitForClose());
  EXPECT_TRUE(kept.WaitForClose());
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(3));
}

TEST(ServerTest, StopFinishesTheRequestInFlightAndClosesIdleConnections) {
  std::promise<void> entered;
  std::promise<void> release;
  std::shared_future<void> released = release.get_future().share();
  Router router = DemoRouter();
  router.Add("GET", "/slow", [&](const HttpRequest&) {
    entered.set_value();
    released.wait();
    return Text("slow done");
  });
  RunningServer s(std::move(router));
  HttpTestClient idle(s.port());
  ASSERT_TRUE(idle.Exchange(GetRequest("/n/1")).has_value());
  auto busy = std::make_unique<HttpTestClient>(s.port());
  ASSERT_TRUE(busy->Send(GetRequest("/slow")));
  entered.get_future().wait();
  s.server().Stop();
  EXPECT_TRUE(idle.WaitForClose());
  release.set_value();
  auto r = busy->Read();
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->body, "slow done");
  EXPECT_EQ(r->Header("connection"), "close");
  EXPECT_TRUE(busy->WaitForClose());
  busy.reset();  // ends the server's lingering close at once
  s.Join();
  EXPECT_TRUE(s.run_status().ok()) << s.run_status().ToString();
  HttpTestClient late(s.port());
  EXPECT_FALSE(late.connected());
}

TEST(ServerTest, SigtermStopsARunThatHandlesSignals) {
  ServerOptions options;
  options.port = 0;
  options.threads = 1;
  Server server(options, DemoRouter());
  ASSERT_TRUE(server.Listen().ok());
  Status result = Internal("not run");
  std::thread runner([&] { result = server.Run(/*handle_signals=*/true); });
  {
    HttpTestClient c(server.port());
    auto r = c.Exchange(GetRequest("/n/1"));  // an answer: Run's signal handlers are in place
    EXPECT_TRUE(r.has_value());
  }
  EXPECT_EQ(kill(getpid(), SIGTERM), 0);
  runner.join();
  EXPECT_TRUE(result.ok()) << result.ToString();
}

TEST(ServerTest, ServesManyConcurrentClients) {
  RunningServer s(DemoRouter());
  constexpr int kThreads = 32;
  constexpr int kRequests = 50;
  std::atomic<int> ok{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      auto c = std::make_unique<HttpTestClient>(s.port());
      for (int i = 0; i < kRequests; ++i) {
        if (i % 10 == 9) c = std::make_unique<HttpTestClient>(s.port());  // some reconnects
        std::string id = std::to_string(t * 1000 + i);
        auto r = c->Exchange(GetRequest("/n/" + id));
        if (r && r->status == 200 && r->body == "n=" + id) ++ok;
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(ok.load(), kThreads * kRequests);
}

TEST(ServerTest, ListenReportsTheAddressInChinese) {
  RunningServer s(DemoRouter());
  ServerOptions taken;
  taken.bind_address = "127.0.0.1";
  taken.port = s.port();
  Server second(taken, Router());
  Status st = second.Listen();
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.code(), StatusCode::kUnavailable);
  EXPECT_EQ(st.UserMessage(),
            "无法监听 127.0.0.1 端口 " + std::to_string(s.port()) + "：该地址和端口已被占用");
  ServerOptions bad;
  bad.bind_address = "999.1.1.1";
  bad.port = 8080;
  Server third(bad, Router());
  st = third.Listen();
  EXPECT_EQ(st.code(), StatusCode::kUnavailable);
  EXPECT_EQ(st.UserMessage(), "无法监听 999.1.1.1 端口 8080：地址无效");
  EXPECT_EQ(third.Run(false).code(), StatusCode::kFailedPrecondition);
}

}  // namespace
}  // namespace gongkai::http

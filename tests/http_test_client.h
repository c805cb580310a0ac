#pragma once
// A tiny blocking HTTP/1.1 client over POSIX sockets, for tests that talk to
// the real server on 127.0.0.1. Sends raw bytes, so tests can pipeline and
// send malformed requests; reads one response at a time.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace gongkai::testing_util {

struct HttpReply {
  std::string status_line;  // "HTTP/1.1 200 OK"
  int status = 0;
  std::vector<std::pair<std::string, std::string>> headers;  // names lower-cased
  std::string body;

  // First value of a (lower-case) header, or "" when absent.
  std::string Header(std::string_view lower_name) const;
  bool HasHeader(std::string_view lower_name) const;
};

class HttpTestClient {
 public:
  // Connects to 127.0.0.1:port; connected() is false when that fails.
  // Reads time out after `timeout_ms`.
  explicit HttpTestClient(uint16_t port, int timeout_ms = 5000);
  ~HttpTestClient();
  HttpTestClient(const HttpTestClient&) = delete;
  HttpTestClient& operator=(const HttpTestClient&) = delete;

  bool connected() const { return fd_ >= 0; }
  bool Send(std::string_view bytes);
  // Half-closes: the server sees the end of the request stream.
  void ShutdownWrite();
  // Reads one response (skipping 1xx unless keep_informational). `head`: the
  // request was HEAD, so no body follows. nullopt on EOF, timeout or garbage.
  std::optional<HttpReply> Read(bool head = false, bool keep_informational = false);
  // Sends `request` and reads its response.
  std::optional<HttpReply> Exchange(std::string_view request, bool head = false);
  // True when the server closes the connection (reads until EOF, discarding).
  bool WaitForClose();

 private:
  bool Fill();  // one recv into buffer_; false on EOF/error/timeout
  int fd_ = -1;
  std::string buffer_;
};

// "GET <target> HTTP/1.1\r\nHost: t\r\n<extra>\r\n"
std::string GetRequest(std::string_view target, std::string_view extra_headers = "");

}  // namespace gongkai::testing_util

// Implementation of http_test_client.h (kept in a *_test.cc so the test glob builds it).
#include "http_test_client.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <cstdlib>

namespace gongkai::testing_util {

std::string HttpReply::Header(std::string_view lower_name) const {
  for (const auto& [name, value] : headers) {
    if (name == lower_name) return value;
  }
  return {};
}

bool HttpReply::HasHeader(std::string_view lower_name) const {
  for (const auto& [name, value] : headers) {
    if (name == lower_name) return true;
  }
  return false;
}

HttpTestClient::HttpTestClient(uint16_t port, int timeout_ms) {
  fd_ = socket(AF_INET, SOCK_STREAM, 0);
  if (fd_ < 0) return;
  timeval tv{timeout_ms / 1000, (timeout_ms % 1000) * 1000};
  setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  setsockopt(fd_, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
  int one = 1;
  setsockopt(fd_, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(port);
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    close(fd_);
    fd_ = -1;
  }
}

HttpTestClient::~HttpTestClient() {
  if (fd_ >= 0) close(fd_);
}

bool HttpTestClient::Send(std::string_view bytes) {
  while (!bytes.empty()) {
    ssize_t n = send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL);
    if (n <= 0) return false;
    bytes.remove_prefix(static_cast<size_t>(n));
  }
  return true;
}

void HttpTestClient::ShutdownWrite() { shutdown(fd_, SHUT_WR); }

bool HttpTestClient::Fill() {
  char chunk[16384];
  ssize_t n = recv(fd_, chunk, sizeof chunk, 0);
  if (n <= 0) return false;
  buffer_.append(chunk, static_cast<size_t>(n));
  return true;
}

std::optional<HttpReply> HttpTestClient::Read(bool head, bool keep_informational) {
  while (true) {
    size_t end;
    while ((end = buffer_.find("\r\n\r\n")) == std::string::npos) {
      if (!Fill()) return std::nullopt;
    }
    HttpReply reply;
    std::string_view head_text(buffer_.data(), end);
    size_t line_end = head_text.find("\r\n");
    reply.status_line = std::string(head_text.substr(0, line_end));
    if (reply.status_line.size() < 12 || reply.status_line.compare(0, 5, "HTTP/") != 0) {
      return std::nullopt;
    }
    reply.status = std::atoi(reply.status_line.c_str() + 9);
    std::string_view rest =
        line_end == std::string_view::npos ? std::string_view() : head_text.substr(line_end + 2);
    while (!rest.empty()) {
      size_t eol = rest.find("\r\n");
      std::string_view line = rest.substr(0, eol);
      rest = eol == std::string_view::npos ? std::string_view() : rest.substr(eol + 2);
      size_t colon = line.find(':');
      if (colon == std::string_view::npos) return std::nullopt;
      std::string name(line.substr(0, colon));
      for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      std::string_view value = line.substr(colon + 1);
      while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
      reply.headers.emplace_back(std::move(name), std::string(value));
    }
    buffer_.erase(0, end + 4);
    if (reply.status >= 100 && reply.status < 200) {
      if (keep_informational) return reply;
      continue;
    }
    if (head || reply.status == 204 || reply.status == 304) return reply;
    if (reply.HasHeader("content-length")) {
      size_t length = std::strtoull(reply.Header("content-length").c_str(), nullptr, 10);
      while (buffer_.size() < length) {
        if (!Fill()) return std::nullopt;
      }
      reply.body = buffer_.substr(0, length);
      buffer_.erase(0, length);
    } else {
      while (Fill()) {
      }
      reply.body = std::move(buffer_);
      buffer_.clear();
    }
    return reply;
  }
}

std::optional<HttpReply> HttpTestClient::Exchange(std::string_view request, bool head) {
  if (!Send(request)) return std::nullopt;
  return Read(head);
}

bool HttpTestClient::WaitForClose() {
  buffer_.clear();
  char chunk[4096];
  while (true) {
    ssize_t n = recv(fd_, chunk, sizeof chunk, 0);
    if (n == 0) return true;
    if (n < 0) return errno == ECONNRESET;
  }
}

std::string GetRequest(std::string_view target, std::string_view extra_headers) {
  std::string r = "GET ";
  r += target;
  r += " HTTP/1.1\r\nHost: t\r\n";
  r += extra_headers;
  r += "\r\n";
  return r;
}

}  // namespace gongkai::testing_util

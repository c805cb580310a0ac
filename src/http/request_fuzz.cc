// libFuzzer target: raw bytes through the server's request parsing path
// (Beast's parser, limits, path decoding) and the request helpers.
// Build: CC=clang CXX=clang++ cmake -S . -B build/fuzz -G Ninja -DGONGKAI_FUZZ=ON
//        cmake --build build/fuzz --target request_fuzz
// Run:   build/fuzz/request_fuzz -max_total_time=60

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "http/server.h"

namespace {

using gongkai::http::HttpRequest;
using gongkai::http::HttpResponse;
using gongkai::http::ParsedRequest;
using gongkai::http::Router;
using gongkai::http::ServerOptions;

HttpResponse Ok(const HttpRequest&) { return HttpResponse{}; }

const Router& TestRouter() {
  static const Router* router = [] {
    auto* r = new Router();
    r->Add("GET", "/", Ok);
    r->Add("GET", "/api/v1/agencies/{id}", Ok);
    r->Add("POST", "/api/v1/agencies/{id}/applications", Ok);
    r->Add("GET", "/files/{a}/{b}", Ok);
    return r;
  }();
  return *router;
}

void Check(bool condition) {
  if (!condition) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  ServerOptions limits;
  limits.max_body_bytes = 4096;
  limits.max_upload_body_bytes = 8192;
  limits.max_header_bytes = 2048;
  std::string_view rest(reinterpret_cast<const char*>(data), size);
  // Like a keep-alive connection: parse pipelined requests until one fails.
  for (int i = 0; i < 8 && !rest.empty(); ++i) {
    ParsedRequest p = gongkai::http::ParseRequest(rest, limits);
    Check(p.consumed <= rest.size());
    if (p.status != 0) {
      Check(p.status == -1 || p.status == 400 || p.status == 413 || p.status == 431);
      break;
    }
    HttpRequest& r = p.request;
    Check(!r.path.empty() && r.path.front() == '/');
    Check(r.path.find('\0') == std::string::npos);
    Check(r.body.size() <= limits.max_upload_body_bytes);
    (void)r.Multipart();
    (void)r.Header("cookie");
    (void)r.Cookie("sid");
    (void)r.Query("q");
    (void)r.Form("title");
    (void)gongkai::http::ParseUrlEncoded(r.query_string);
    bool method_not_allowed = false;
    if (TestRouter().Match(r, &method_not_allowed) == nullptr && method_not_allowed) {
      Check(!TestRouter().AllowedMethods(r.path).empty());
    }
    (void)gongkai::http::ErrorResponse(404, r.path, "not_found", r.path);
    if (p.consumed == 0) break;
    rest.remove_prefix(p.consumed);
  }
  return 0;
}

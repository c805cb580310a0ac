#include "http/gzip.h"

#include <zlib.h>

#include <cstdlib>
#include <optional>

namespace gongkai::http {

namespace {

std::string_view TrimSpaces(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool EqualsLower(std::string_view a, std::string_view lower) {
  if (a.size() != lower.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char c = a[i] >= 'A' && a[i] <= 'Z' ? static_cast<char>(a[i] - 'A' + 'a') : a[i];
    if (c != lower[i]) return false;
  }
  return true;
}

// The q of "gzip;q=0.5" (1 when absent; 0 for a malformed value).
double Quality(std::string_view params) {
  while (!params.empty()) {
    size_t semi = params.find(';');
    std::string_view p = TrimSpaces(params.substr(0, semi));
    params = semi == std::string_view::npos ? std::string_view() : params.substr(semi + 1);
    if (p.size() >= 2 && (p[0] == 'q' || p[0] == 'Q') && p[1] == '=') {
      std::string v(p.substr(2));
      char* end = nullptr;
      double q = std::strtod(v.c_str(), &end);
      return end != nullptr && *end == '\0' ? q : 0;
    }
  }
  return 1;
}

}  // namespace

Result<std::string> GzipCompress(std::string_view data) {
  z_stream z{};
  // windowBits 15 + 16: a gzip header and trailer instead of zlib's.
  if (deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
    return Internal("deflateInit2 failed");
  }
  std::string out(deflateBound(&z, static_cast<uLong>(data.size())), '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  int rc = deflate(&z, Z_FINISH);
  size_t written = z.total_out;
  deflateEnd(&z);
  if (rc != Z_STREAM_END) return Internal("deflate did not finish");
  out.resize(written);
  return out;
}

bool AcceptsGzip(std::string_view accept_encoding) {
  std::optional<double> gzip, star;
  while (!accept_encoding.empty()) {
    size_t comma = accept_encoding.find(',');
    std::string_view item = accept_encoding.substr(0, comma);
    accept_encoding =
        comma == std::string_view::npos ? std::string_view() : accept_encoding.substr(comma + 1);
    size_t semi = item.find(';');
    std::string_view name = TrimSpaces(item.substr(0, semi));
    double q = semi == std::string_view::npos ? 1 : Quality(item.substr(semi + 1));
    if (EqualsLower(name, "gzip") || EqualsLower(name, "x-gzip")) gzip = q;
    if (name == "*") star = q;
  }
  if (gzip) return *gzip > 0;
  return star && *star > 0;
}

bool IsCompressibleType(std::string_view type) {
  type = TrimSpaces(type.substr(0, type.find(';')));
  auto starts = [&](std::string_view p) {
    return type.size() >= p.size() && EqualsLower(type.substr(0, p.size()), p);
  };
  return starts("text/") || EqualsLower(type, "application/json") ||
         EqualsLower(type, "application/xml") || EqualsLower(type, "application/javascript") ||
         EqualsLower(type, "image/svg+xml");
}

}  // namespace gongkai::http

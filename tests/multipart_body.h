#pragma once
// multipart/form-data request bodies for the web tests (uploads, the catalog's item editor),
// and small files whose type the server sniffs: a PDF and a PNG of given pixel dimensions.
#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace gongkai::testing_util {

inline constexpr char kBoundary[] = "----gongkaiTestBoundary7MA4YWxk";

struct Part {
  Part(std::string n, std::string v, std::string f = "", std::string t = "application/pdf")
      : name(std::move(n)), value(std::move(v)), filename(std::move(f)), type(std::move(t)) {}
  std::string name;
  std::string value;     // the text, or the file's bytes
  std::string filename;  // non-empty: a file part
  std::string type;
};

inline std::string MultipartBody(const std::vector<Part>& parts) {
  std::string body;
  for (const Part& p : parts) {
    body += std::string("--") + kBoundary + "\r\nContent-Disposition: form-data; name=\"" + p.name +
            "\"";
    if (!p.filename.empty()) body += "; filename=\"" + p.filename + "\"\r\nContent-Type: " + p.type;
    body += "\r\n\r\n" + p.value + "\r\n";
  }
  return body + "--" + kBoundary + "--\r\n";
}

inline std::string MultipartHeader() {
  return std::string("Content-Type: multipart/form-data; boundary=") + kBoundary + "\r\n";
}

inline std::string Pdf(size_t size) {
  std::string s = "%PDF-1.7\n";
  s.resize(size, 'x');
  return s;
}

// A PNG header with an IHDR of w×h (CRC not checked by anyone) and IEND.
inline std::string Png(uint32_t w, uint32_t h, size_t pad = 0) {
  auto be = [](uint32_t v) {
    return std::string{static_cast<char>(v >> 24), static_cast<char>(v >> 16),
                       static_cast<char>(v >> 8), static_cast<char>(v)};
  };
  std::string png = "\x89PNG\r\n\x1a\n";
  png += be(13) + "IHDR" + be(w) + be(h) + std::string("\x08\x06\x00\x00\x00", 5) + be(0);
  png += be(static_cast<uint32_t>(pad)) + "IDAT" + std::string(pad, '\0') + be(0);
  png += be(0) + "IEND" + be(0xAE426082);
  return png;
}

}  // namespace gongkai::testing_util

// libFuzzer target: multipart/form-data bodies through ParseMultipart, with a fixed and a
// fuzzed Content-Type (the first line of the input).
// Build: CC=clang CXX=clang++ cmake -S . -B build/fuzz -G Ninja -DGONGKAI_FUZZ=ON
//        cmake --build build/fuzz --target multipart_fuzz
// Run:   build/fuzz/multipart_fuzz -max_total_time=60

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "http/multipart.h"

namespace {

void Check(bool condition) {
  if (!condition) std::abort();
}

void Parse(std::string_view type, std::string_view body) {
  gongkai::http::MultipartForm f = gongkai::http::ParseMultipart(type, body);
  size_t bytes = 0;
  for (const auto& [name, value] : f.fields) bytes += name.size() + value.size();
  for (const auto& file : f.files) bytes += file.data.size();
  Check(bytes <= body.size());
  Check(f.fields.size() + f.files.size() <= gongkai::http::kMaxMultipartParts);
  if (!f.status.ok()) Check(!f.status.UserMessage().empty());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view in(reinterpret_cast<const char*>(data), size);
  Parse("multipart/form-data; boundary=XyZ", in);
  size_t eol = in.find('\n');
  if (eol != std::string_view::npos) Parse(in.substr(0, eol), in.substr(eol + 1));
  return 0;
}

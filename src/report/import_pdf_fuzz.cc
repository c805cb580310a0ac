// libFuzzer target: the PDF importer (poppler's parser, then our rebuilding of lines and rows by
// position), then the checks and every textual renderer on its result.
// Build: CC=clang CXX=clang++ cmake -B build/fuzz -DGONGKAI_FUZZ=ON && ninja -C build/fuzz
// import_pdf_fuzz   (seed corpus: tests/data/report/sample_101_huaian_2024.pdf)
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "report/fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  gongkai::report::FuzzOne(std::string_view(reinterpret_cast<const char*>(data), size),
                           gongkai::report::InputFormat::kPdf);
  return 0;
}

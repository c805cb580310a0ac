// libFuzzer target: the docx importer (ZIP via libzip, XML via XmlReader), then the checks and
// every textual renderer on its result.
// Build: CC=clang CXX=clang++ cmake -B build/fuzz -DGONGKAI_FUZZ=ON && ninja -C build/fuzz
// import_docx_fuzz   (seed corpus: gongkai report render … --to docx)
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "report/fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  gongkai::report::FuzzOne(std::string_view(reinterpret_cast<const char*>(data), size),
                           gongkai::report::InputFormat::kDocx);
  return 0;
}

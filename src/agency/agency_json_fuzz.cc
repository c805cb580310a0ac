// libFuzzer target: arbitrary bytes as an agency JSON body (the /api/v1
// create/update path) and as a credit code.
// Build: CC=clang CXX=clang++ cmake -S . -B build/fuzz -G Ninja -DGONGKAI_FUZZ=ON
// Run:   build/fuzz/agency_json_fuzz -max_total_time=60
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "agency/agency_json.h"
#include "agency/credit_code.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  (void)gongkai::agency::ValidateCreditCode(text);
  auto j = nlohmann::json::parse(text, nullptr, false);
  if (!j.is_discarded()) {
    gongkai::agency::Agency a;
    if (gongkai::agency::AgencyFromJson(j, &a).ok()) {
      (void)gongkai::agency::NormalizeAndValidate(&a);
      (void)gongkai::agency::AgencyToJson(a).dump(-1, ' ', false,
                                                  nlohmann::json::error_handler_t::replace);
    }
  }
  return 0;
}

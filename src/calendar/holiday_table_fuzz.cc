// libFuzzer target: arbitrary bytes as a holiday file (national and override
// role), then a calendar built from whatever parsed, queried a little.
// Build: CC=clang CXX=clang++ cmake -S . -B build/fuzz -G Ninja -DGONGKAI_FUZZ=ON
// Run:   build/fuzz/holiday_table_fuzz -max_total_time=60
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "calendar/holiday_table.h"
#include "calendar/working_day_calendar.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto national =
      gongkai::calendar::ParseHolidayTable(text, "fuzz", gongkai::calendar::TableRole::kNational);
  auto overrides =
      gongkai::calendar::ParseHolidayTable(text, "fuzz", gongkai::calendar::TableRole::kOverride);
  if (national.ok()) {
    auto cal = gongkai::calendar::WorkingDayCalendar::Create(
        *national, overrides.ok() ? &*overrides : nullptr);
    if (cal.ok()) {
      (void)cal->AddWorkingDays(gongkai::Date{2024, 9, 27}, 20);
      (void)cal->WorkingDaysBetween(gongkai::Date{2024, 1, 1}, gongkai::Date{2024, 12, 31});
    }
  }
  return 0;
}

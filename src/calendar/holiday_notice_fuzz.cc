// libFuzzer target: arbitrary bytes as a pasted holiday notice, with and without a year; a
// table that parsed is compared with a statutory list and built into a calendar.
// Build: CC=clang CXX=clang++ cmake -S . -B build/fuzz -G Ninja -DGONGKAI_FUZZ=ON
// Run:   build/fuzz/holiday_notice_fuzz -max_total_time=60
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>
#include <utility>
#include <vector>

#include "calendar/holiday_notice.h"
#include "calendar/working_day_calendar.h"

namespace {

void Check(const gongkai::Result<gongkai::calendar::HolidayTable>& t) {
  if (!t.ok()) {
    if (t.status().UserMessage().empty()) std::abort();
    return;
  }
  if (t->entries.empty()) std::abort();  // no holiday is an error, never an empty table
  std::vector<std::pair<gongkai::Date, std::string>> statutory = {
      {gongkai::Date{2026, 1, 1}, "元旦"}, {gongkai::Date{2026, 10, 1}, "国庆节"}};
  (void)gongkai::calendar::CompareWithStatutory(*t, statutory);
  auto cal = gongkai::calendar::WorkingDayCalendar::Create(*t);
  if (cal.ok()) (void)cal->SummarizeYear(t->declared_years->first);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  Check(gongkai::calendar::ParseHolidayNotice(text, std::nullopt));
  Check(gongkai::calendar::ParseHolidayNotice(text, 2026));
  return 0;
}

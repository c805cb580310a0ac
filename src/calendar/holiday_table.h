#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/date.h"
#include "core/result.h"

namespace gongkai::calendar {

// What one line of a holiday file says about a date.
enum class EntryKind {
  kHoliday,  // a rest day (节假日), even if it falls on a weekday
  kWorkday,  // a weekend day that is worked (调休上班)
  kCancel,   // override files only: drop the national entry for this date
};

// One data line of a holiday file (docs/calendar.md, "Data files").
struct HolidayEntry {
  Date date;
  EntryKind kind = EntryKind::kHoliday;
  std::string name;  // the holiday, e.g. 国庆节; for kWorkday the holiday it makes up for
  int line = 0;      // 1-based line in the source file, for error messages
};

// The parsed contents of one holiday file, in file order.
struct HolidayTable {
  std::string source;  // the file name used in error messages
  // Inclusive [first, last] years from a "# years: 2019-2026" line, when present.
  std::optional<std::pair<int, int>> declared_years;
  std::vector<HolidayEntry> entries;
};

// Which file a table comes from: only override files may contain `cancel` lines.
enum class TableRole { kNational, kOverride };

// Parses the TSV text of a holiday file (header `date<TAB>kind<TAB>name`; `#` comment lines and
// blank lines are skipped; an optional `# years: A-B` comment declares the years covered).
// Pure: `source` only names the file in messages. Returns kInvalidArgument with a Chinese message
// naming the file, the line and the bad field for: a missing or wrong header, a wrong column count,
// a bad date, a bad kind, an empty name, a 调休上班 day on a weekday, a date outside the declared
// years, a declared year without entries, and a date listed twice (including a holiday that is
// also listed as a workday).
Result<HolidayTable> ParseHolidayTable(std::string_view text, std::string_view source,
                                       TableRole role);

// "holiday", "workday" or "cancel".
const char* EntryKindName(EntryKind kind);

}  // namespace gongkai::calendar

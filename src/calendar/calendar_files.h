#pragma once

#include <optional>
#include <string>

#include "calendar/working_day_calendar.h"
#include "core/result.h"

namespace gongkai::calendar {

// The bundled national data: ${GONGKAI_SOURCE_DIR}/data/calendar/cn_holidays.tsv.
std::string DefaultHolidayFilePath();

// Reads a whole file. kInvalidArgument with a Chinese message naming the path when it cannot be
// read (missing, a directory, no permission).
Result<std::string> ReadTextFile(const std::string& path);

// Loads the national holiday file at `holidays_path` (empty: DefaultHolidayFilePath()) and, when
// `override_path` is not empty, a regional override file, and builds the calendar. Errors are
// those of ReadTextFile, ParseHolidayTable and WorkingDayCalendar::Create. Thread-safe.
Result<WorkingDayCalendar> LoadCalendar(const std::string& holidays_path = {},
                                        const std::string& override_path = {});

// The files the calendar starts from: the national data and an optional regional override, parsed.
struct CalendarBase {
  HolidayTable national;
  std::optional<HolidayTable> overrides;
};

// Reads and parses the files of LoadCalendar (same defaults and errors) without building.
Result<CalendarBase> LoadCalendarBase(const std::string& holidays_path = {},
                                      const std::string& override_path = {});

}  // namespace gongkai::calendar

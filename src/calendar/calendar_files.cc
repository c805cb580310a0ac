// The one place the calendar touches the file system; parsing stays pure (holiday_table.h).
#include "calendar/calendar_files.h"

#include <filesystem>
#include <fstream>
#include <sstream>

namespace gongkai::calendar {

std::string DefaultHolidayFilePath() {
  return std::string(GONGKAI_SOURCE_DIR) + "/data/calendar/cn_holidays.tsv";
}

Result<std::string> ReadTextFile(const std::string& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    return InvalidArgument("not a file: " + path, "无法读取文件“" + path + "”：这是一个目录");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return InvalidArgument("cannot open " + path,
                           "无法读取文件“" + path + "”（不存在或没有读取权限）");
  }
  std::ostringstream buf;
  buf << in.rdbuf();
  if (in.bad()) {
    return InvalidArgument("read error on " + path, "读取文件“" + path + "”时出错");
  }
  return buf.str();
}

namespace {

Result<HolidayTable> LoadTable(const std::string& path, TableRole role) {
  GONGKAI_ASSIGN_OR_RETURN(std::string text, ReadTextFile(path));
  return ParseHolidayTable(text, path, role);
}

}  // namespace

Result<WorkingDayCalendar> LoadCalendar(const std::string& holidays_path,
                                        const std::string& override_path) {
  std::string path = holidays_path.empty() ? DefaultHolidayFilePath() : holidays_path;
  GONGKAI_ASSIGN_OR_RETURN(HolidayTable national, LoadTable(path, TableRole::kNational));
  if (override_path.empty()) return WorkingDayCalendar::Create(national);
  GONGKAI_ASSIGN_OR_RETURN(HolidayTable overrides, LoadTable(override_path, TableRole::kOverride));
  return WorkingDayCalendar::Create(national, &overrides);
}

Result<CalendarBase> LoadCalendarBase(const std::string& holidays_path,
                                      const std::string& override_path) {
  std::string path = holidays_path.empty() ? DefaultHolidayFilePath() : holidays_path;
  CalendarBase base;
  GONGKAI_ASSIGN_OR_RETURN(base.national, LoadTable(path, TableRole::kNational));
  if (!override_path.empty()) {
    GONGKAI_ASSIGN_OR_RETURN(base.overrides, LoadTable(override_path, TableRole::kOverride));
  }
  // Fail here, as LoadCalendar would, rather than at first use.
  GONGKAI_RETURN_IF_ERROR(
      WorkingDayCalendar::Create(base.national, base.overrides ? &*base.overrides : nullptr)
          .status());
  return base;
}

}  // namespace gongkai::calendar

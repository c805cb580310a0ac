#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "account/permissions.h"
#include "calendar/calendar_files.h"
#include "calendar/holiday_table.h"
#include "calendar/working_day_calendar.h"
#include "core/clock.h"
#include "core/result.h"
#include "storage/store.h"

namespace gongkai::services {

// How an administrator hands in a notice.
enum class NoticeFormat {
  kText,  // the notice's text as published (国务院办公厅关于…节假日安排的通知)
  kTsv,   // the holiday-file format (docs/calendar.md), one year
};

// One day whose treatment an import changes.
struct DayChange {
  Date date;
  std::string before;  // 工作日（预计） / 春节（预计） / 周末 …
  std::string after;
};

struct NoticePreview {
  int year = 0;
  calendar::HolidayTable table;
  int holidays = 0;                   // rest days the notice lists
  int workdays = 0;                   // 调休上班 days it lists
  std::vector<DayChange> changes;     // every day of the year (and the notice's days) that moves
  std::vector<std::string> warnings;  // statutory days the notice does not list as rest days
  bool replaces_notice = false;       // the year already had an imported or bundled notice
};

// The calendar's state for `gongkai calendar status` and the admin banner.
struct CalendarStatus {
  Date today;
  std::vector<int> covered_years;
  std::vector<int> imported_years;  // covered by an imported notice
  bool next_year_provisional = false;
  // From 1 November while next year has no notice (or any time this year has none): the warning.
  std::string warning;
};

// The working-day calendar as the service sees it: the bundled files plus the notices imported
// into the database, with the import itself (preview, warnings to confirm, audit). Thread-safe.
class CalendarService {
 public:
  CalendarService(storage::Store& store, const Clock& clock, calendar::CalendarBase base)
      : store_(store), clock_(clock), base_(std::move(base)) {}

  // The calendar from the files and every imported notice.
  Result<std::shared_ptr<const calendar::WorkingDayCalendar>> Build();

  Result<CalendarStatus> Status();
  // The same for the calendar in use (`current`, as built by Build()), without rebuilding it:
  // cheap enough for every signed-in page and /healthz.
  Result<CalendarStatus> Status(const calendar::WorkingDayCalendar& current);

  // Parses `text` and shows what importing it would change. kInvalidArgument (naming the line)
  // when it cannot be parsed; nothing is stored.
  Result<NoticePreview> Preview(const std::string& text, NoticeFormat format,
                                std::optional<int> year);

  // Stores the notice (replacing an earlier import of its year) with an audit event. Refused with
  // kFailedPrecondition when the preview has warnings and `confirm_warnings` is false, with
  // kPermissionDenied unless the actor is a system administrator or the console. Returns the
  // preview of what changed; the caller then gives the new Build() to the applications and
  // recomputes their due dates.
  Result<NoticePreview> Import(const account::Actor& actor, const std::string& text,
                               NoticeFormat format, std::optional<int> year, bool confirm_warnings);

 private:
  Result<std::vector<storage::HolidayNotice>> Notices();
  Result<calendar::WorkingDayCalendar> BuildWith(const std::vector<storage::HolidayNotice>& n,
                                                 const calendar::HolidayTable* extra);
  CalendarStatus StatusOf(const calendar::WorkingDayCalendar& cal,
                          const std::vector<storage::HolidayNotice>& notices);

  storage::Store& store_;
  const Clock& clock_;
  const calendar::CalendarBase base_;
};

// The TSV (without a years line) of a parsed notice, as stored.
std::string NoticeToTsv(const calendar::HolidayTable& table);

}  // namespace gongkai::services

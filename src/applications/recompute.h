#pragma once

#include <optional>
#include <span>
#include <vector>

#include "applications/application.h"
#include "calendar/working_day_calendar.h"
#include "core/result.h"

namespace gongkai::applications {

// An open application whose due date differs between two calendars (e.g. after
// the holiday file was amended or a regional override added).
struct DueDateChange {
  ApplicationId id = 0;
  std::optional<Date> before;  // nullopt: the old calendar could not compute it
  std::optional<Date> after;   // nullopt: the new calendar cannot (its Status in `error`)
  Status error;
};

// Recomputes every application of `apps` that is open on `as_of` (not
// concluded) with both calendars and lists, by id, those whose due date moved
// or that the new calendar cannot compute (e.g. a year it no longer covers).
// Pure; never fails as a whole.
std::vector<DueDateChange> DueDateChanges(std::span<const Application> apps, Date as_of,
                                          const calendar::WorkingDayCalendar& before,
                                          const calendar::WorkingDayCalendar& after);

}  // namespace gongkai::applications

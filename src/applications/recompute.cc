// Recomputing due dates when the calendar data changes (issue 5, item 2):
// because due dates are never stored, "which deadlines moved" is a diff of two
// pure computations.
#include "applications/recompute.h"

#include "applications/clock.h"

namespace gongkai::applications {

std::vector<DueDateChange> DueDateChanges(std::span<const Application> apps, Date as_of,
                                          const calendar::WorkingDayCalendar& before,
                                          const calendar::WorkingDayCalendar& after) {
  std::vector<DueDateChange> out;
  for (const Application& app : apps) {
    if (ConclusionOf(app.events) && ConclusionOf(app.events)->date <= as_of) continue;
    Result<ClockState> old_state = ComputeClock(app, as_of, before);
    Result<ClockState> new_state = ComputeClock(app, as_of, after);
    DueDateChange change;
    change.id = app.id;
    if (old_state.ok()) change.before = old_state->due;
    if (new_state.ok()) {
      change.after = new_state->due;
    } else {
      change.error = new_state.status();
    }
    if (!new_state.ok() || change.before != change.after) out.push_back(std::move(change));
  }
  return out;
}

}  // namespace gongkai::applications

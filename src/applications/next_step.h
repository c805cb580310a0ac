#pragma once
// What the staff page of an application leads with: the deadline that applies now, and the
// events that may be recorded today (each probed through ValidateNext). Pure.
#include <optional>
#include <string>
#include <vector>

#include "applications/clock.h"

namespace gongkai::applications {

// The next deadline: 补正截止 while a correction is awaited, 缴费截止 while a fee is, 征求意见 (the
// consulted party's 15-day limit) while consulting, else 答复期限; none once concluded or before
// receipt.
struct NextDeadline {
  std::string label;  // 补正截止 / 缴费截止 / 征求意见 / 答复期限; empty when none
  std::optional<Date> date;
  int working_days_left = 0;  // from the clock's as_of; negative when past
  std::string note;           // ClockState::ProvisionalNote()
};
// kOutOfRange when the calendar cannot count to the deadline.
Result<NextDeadline> NextDeadlineOf(const ClockState& clock,
                                    const calendar::WorkingDayCalendar& cal);

// The event types ValidateNext accepts after `events` on `day` with representative fields (a
// 1-day extension, a fee, outcome （一）…), in EventType order. 审批通过/退回 and 更正 included
// when the state allows them; who may record them is the service's business.
std::vector<EventType> PossibleEvents(Channel channel, const std::vector<Event>& events, Date day,
                                      const calendar::WorkingDayCalendar& cal);

}  // namespace gongkai::applications

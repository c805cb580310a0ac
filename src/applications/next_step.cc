#include "applications/next_step.h"

#include <set>

#include "applications/approval.h"
#include "applications/events.h"

namespace gongkai::applications {

Result<NextDeadline> NextDeadlineOf(const ClockState& st, const calendar::WorkingDayCalendar& cal) {
  NextDeadline out;
  if (st.conclusion) return out;
  if (st.correction_deadline) {
    out = {"补正截止", st.correction_deadline, 0, ""};
  } else if (st.fee_deadline) {
    out = {"缴费截止", st.fee_deadline, 0, ""};
  } else if (st.consultation_deadline) {
    out = {"征求意见", st.consultation_deadline, 0, ""};
  } else if (st.due) {
    out = {"答复期限", st.due, 0, ""};
  } else {
    return out;
  }
  out.note = st.ProvisionalNote();
  if (out.label == "答复期限") {
    out.working_days_left = st.working_days_left;
  } else if (st.as_of <= *out.date) {
    GONGKAI_ASSIGN_OR_RETURN(out.working_days_left, cal.WorkingDaysBetween(st.as_of, *out.date));
  } else {
    GONGKAI_ASSIGN_OR_RETURN(int late, cal.WorkingDaysBetween(*out.date, st.as_of));
    out.working_days_left = -late;
  }
  return out;
}

namespace {

// A representative event of `type` on `day`, or nullopt when none can be built.
std::optional<Event> Probe(EventType type, const std::vector<Event>& events, Date day) {
  Event e = events::Make(type, day);
  switch (type) {
    case EventType::kCorrectionRequested:
      e.days = kCorrectionNoticeDays;
      break;
    case EventType::kConsultationStarted:
      e.party = "\x1f";  // a party no consultation is open with
      break;
    case EventType::kConsultationAnswered: {
      std::set<std::string> open;
      for (const Event& x : events) {
        if (x.type == EventType::kConsultationStarted) open.insert(x.party);
        if (x.type == EventType::kConsultationAnswered) open.erase(x.party);
      }
      if (open.empty()) return std::nullopt;
      e.party = *open.begin();
      break;
    }
    case EventType::kExtensionApproved:
      e.days = 1;
      e.party = "\x1f";
      break;
    case EventType::kFeeNoticeSent:
      e.fee = 1;
      break;
    case EventType::kDecided:
    case EventType::kDrafted:
      // With a draft pending, the decision comes with its last approval, not by itself.
      if (PendingDraft(events) != nullptr) return std::nullopt;
      e.outcomes = {OutcomeRow::kDisclosed};
      break;
    case EventType::kApproved:
    case EventType::kReturned:
      e.days = ApprovalsOfPendingDraft(events) + 1;
      e.party = "\x1f";
      e.note = "\x1f";
      break;
    case EventType::kCorrected: {
      std::optional<Event> d = EffectiveDecision(events);
      if (!d) return std::nullopt;
      // Any other decidable outcome shows that a correction can be recorded.
      e.note = "\x1f";
      e.outcomes = {d->outcomes == std::vector{OutcomeRow::kNotHeld} ? OutcomeRow::kDisclosed
                                                                     : OutcomeRow::kNotHeld};
      break;
    }
    default:
      break;
  }
  return e;
}

}  // namespace

std::vector<EventType> PossibleEvents(Channel channel, const std::vector<Event>& events, Date day,
                                      const calendar::WorkingDayCalendar& cal) {
  std::vector<EventType> out;
  for (int t = 0; t <= static_cast<int>(EventType::kCorrected); ++t) {
    EventType type = static_cast<EventType>(t);
    if (type == EventType::kSubmitted) continue;
    std::optional<Event> probe = Probe(type, events, day);
    if (probe && ValidateNext(channel, events, *probe, cal).ok()) out.push_back(type);
  }
  return out;
}

}  // namespace gongkai::applications

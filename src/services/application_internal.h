#pragma once
// Helpers shared by the application service's files. Not part of its interface.

#include <optional>
#include <string>
#include <vector>

#include "applications/application.h"
#include "applications/clock.h"
#include "core/result.h"
#include "services/application_service.h"

namespace gongkai::services::internal {

inline const Status& StatusOf(const Status& s) { return s; }
template <typename T>
const Status& StatusOf(const Result<T>& r) {
  return r.status();
}

// Runs `f` (which opens its own write transaction) again when the database was busy.
template <typename F>
auto RetryBusy(F f) -> decltype(f()) {
  for (int attempt = 0;; ++attempt) {
    auto r = f();
    if (StatusOf(r).code() != StatusCode::kUnavailable || attempt >= 4) return r;
  }
}

// Trims and checks every field (clean UTF-8, length caps, required fields, identity).
// kInvalidArgument naming the field in Chinese.
// With `errors`, every refused field is appended ({form field, message}); the first is returned.
Status ValidateInput(ApplicationInput* input, Date today,
                     std::vector<FieldError>* errors = nullptr);

// Checks one event's free-text fields (note, party, actor) and completes a fee notice given as a
// page count (applications::CompleteFeeNotice).
Status ValidateEventText(applications::Event* event);

// Validates `events` one after another with ValidateNext. A refusal names the event before the
// Chinese message ("第2条办理记录（作出答复）：…").
Status ValidateHistory(applications::Channel channel,
                       const std::vector<applications::Event>& events,
                       const calendar::WorkingDayCalendar& cal);

// Fills the application from the input (no id, number or events).
applications::Application FromInput(const ApplicationInput& input);

// The number for `seq` under `pattern`.
std::string FormatNumber(const std::string& pattern, const agency::Agency& agency, int year,
                         int64_t seq);
// kInvalidArgument unless the pattern is clean, ≤ 100 chars, has {year} and one {seq…}, and no
// other placeholder.
Status ValidatePattern(const std::string& pattern);

// The clock as of `as_of`, or nullopt when it cannot be computed (calendar too short …).
std::optional<applications::ClockState> TryClock(const applications::Application& app, Date as_of,
                                                 const calendar::WorkingDayCalendar& cal);

// The snapshot day for an application: max(today, last event date).
Date SnapshotDay(const applications::Application& app, Date today);

// The application as it stood at the end of `day`: the events dated after it dropped.
applications::Application AsOf(const applications::Application& app, Date day);
// kNotFound (Chinese) when the application's first event (提交申请) is after `day`.
Status CheckSubmittedBy(const applications::Application& app, Date day);
// The due-date snapshot of `app` (id, day and due date), for an insert or an append that has not
// been committed yet. Its clock must compute as of today (what the answer and every later read
// compute) and as of the snapshot day (the last event's, when later), or the change is not made:
// the clock's error (kOutOfRange when a year is missing from the calendar …) prefixed
// "无法计算答复期限，未予记录：".
Result<storage::DueSnapshot> CheckedSnapshot(const applications::Application& app, Date today,
                                             const calendar::WorkingDayCalendar& cal);

// `chain` names the step a pending draft waits for (pending_approval_step); without it the step
// is named by its number.
ApplicationSummary Summarize(const applications::Application& app,
                             const std::optional<applications::ClockState>& clock,
                             const account::ApprovalChain* chain = nullptr);

// The approval step a pending draft of `clock` waits for ("" when none).
std::string PendingStep(const applications::ClockState& clock, const account::ApprovalChain* chain);

// The events RecordEvent appends for `event` on the stored application under the agency's
// chain (application_approval.cc): the rules of RecordEvent's comment; the last approval comes
// with its 作出答复.
Result<std::vector<applications::Event>> PrepareEvent(const account::Actor& actor,
                                                      const applications::Application& app,
                                                      const account::ApprovalChain& chain,
                                                      applications::Event event);

// One event in the audit log: "corrected 2024-12-02 理由：…".
std::string AuditText(const applications::Event& e);

// 16 random Crockford base32 characters grouped by 4 with dashes; and the canonical form of a
// typed code (dashes/spaces dropped, upper-cased, O→0, I/L→1), or "" when it is not 16 valid
// characters.
Result<std::string> NewLookupCode();
std::string CanonicalLookupCode(const std::string& typed);

}  // namespace gongkai::services::internal

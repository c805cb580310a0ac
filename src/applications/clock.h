#pragma once

#include <optional>
#include <string>
#include <vector>

#include "applications/application.h"
#include "applications/expired_wait.h"
#include "calendar/working_day_calendar.h"
#include "core/result.h"

namespace gongkai::applications {

// Statutory periods (条例 Arts. 30, 32–34; 国办函〔2020〕109号), in working days.
inline constexpr int kReplyPeriodDays = 20;          // Art. 33
inline constexpr int kMaxExtensionDays = 20;         // Art. 33
inline constexpr int kCorrectionNoticeDays = 7;      // Art. 30
inline constexpr int kConsultationDays = 15;         // Arts. 32, 34
inline constexpr int kFeePaymentDays = 20;           // 109号 (provincial notices)
inline constexpr int kMaxCorrectionPeriodDays = 60;  // our bound on a "reasonable" 补正期限

enum class ApplicationStatus {
  kAwaitingReceipt,     // 待确认收到: the channel's receipt event has not happened yet
  kInProgress,          // 办理中
  kAwaitingCorrection,  // 待补正: no period runs; it restarts on the corrected application
  kConsulting,          // 征求意见中: the clock is paused
  kAwaitingFee,         // 待缴费: the clock is paused
  kConcluded,           // 已办结: decided, lapsed or withdrawn
};
std::string_view StatusLabel(ApplicationStatus status);

// The clock of one application as of one date, derived from its events only.
struct ClockState {
  ApplicationStatus status = ApplicationStatus::kAwaitingReceipt;
  Date as_of;
  std::optional<Date> received;      // 收到申请之日 (Art. 31)
  std::optional<Date> period_start;  // received, or the day the corrected application arrived
  int extension_days = 0;
  // 答复期限: period_start + 20 (+ extension) working days, not counting excluded spans. While the
  // clock is paused the open span is taken to end on `as_of`, so `due` is the earliest possible due
  // date. nullopt before receipt, while awaiting a correction, and after a 补正 lapse or withdrawal
  // before any period ran.
  std::optional<Date> due;
  // Working days from `as_of` (or from the conclusion) to `due`; negative when past it.
  int working_days_left = 0;
  bool overdue = false;  // open past `due`, or decided after it (逾期答复)
  bool paused = false;
  std::optional<Date> correction_deadline;  // while awaiting a correction
  std::optional<Date> fee_deadline;         // while awaiting payment
  std::optional<Date> consultation_deadline;  // while consulting: the earliest open party's limit
  std::optional<Conclusion> conclusion;
  std::vector<calendar::ExcludedSpan> excluded;      // consultation and fee waiting time
  std::optional<calendar::Explanation> explanation;  // every day from period_start+1 to due
  // Years no holiday notice covers that a deadline above was counted through (ascending): those
  // dates are 预计 — computed from the 放假办法's statutory days — and may move when the notice is
  // imported. ProvisionalNote(): 「预计：2027年节假日安排尚未发布」, empty when none.
  std::vector<int> provisional_years;
  std::string ProvisionalNote() const { return calendar::ProvisionalNote(provisional_years); }
  // A 拟办答复 awaiting approval (the clock keeps running; nothing is concluded): its outcomes and
  // how many steps after the draft approved it so far.
  bool draft_pending = false;
  int draft_approvals = 0;
  std::vector<OutcomeRow> draft_outcomes;
  std::vector<std::string> basis;     // Chinese: how each event shaped the clock, with the article
  std::vector<std::string> warnings;  // Chinese: late 补正 notice, consultation beyond 15 days …
  // Open waits whose period ended before `as_of` (补正, fee, consultation), each with the action
  // to take; empty once concluded.
  std::vector<ExpiredWait> expired;
};

// The clock of an application with `channel` and `events` (in recorded order) as of `as_of`:
// events dated after `as_of` are ignored. Pure. kOutOfRange when a needed day lies outside the
// calendar's years; kInvalidArgument when the events are not a valid history (use ValidateNext to
// build them).
Result<ClockState> ComputeClock(Channel channel, const std::vector<Event>& events, Date as_of,
                                const calendar::WorkingDayCalendar& cal);
inline Result<ClockState> ComputeClock(const Application& app, Date as_of,
                                       const calendar::WorkingDayCalendar& cal) {
  return ComputeClock(app.channel, app.events, as_of, cal);
}

// Ok when `next` may be appended to `events`; otherwise kFailedPrecondition (out of order: after
// the conclusion, a second extension, an extension after the due date, a payment without a notice,
// a 补正 notice after a correction …) or kInvalidArgument (bad fields: an extension over 20 days,
// no approver, an empty outcome), with a Chinese reason. Never modifies anything.
Status ValidateNext(Channel channel, const std::vector<Event>& events, const Event& next,
                    const calendar::WorkingDayCalendar& cal);

// A 收费通知 given as a page count (`pages` > 0, 按量计收): sets `fee` to PerVolumeFee(pages).
// kInvalidArgument (Chinese) for pages with 按件计收, a count the tariff leaves free (≤ 30 pages),
// a negative or huge count, or an amount that disagrees with the pages. Other events: unchanged.
Status CompleteFeeNotice(Event* event);

// Human-readable explanation: the basis lines, then one line per day of the period
// ("2024-10-08 周二 计入 第2个工作日 工作日"), the totals, the due date and the days left.
std::vector<std::string> DescribeClock(const ClockState& state);

}  // namespace gongkai::applications

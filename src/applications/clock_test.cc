// Clock scenarios on the bundled national calendar (data/calendar/cn_holidays.tsv). Every expected
// date is counted by hand in the comments from the holiday notices.
#include "applications/clock.h"

#include <gtest/gtest.h>

#include "applications/events.h"
#include "calendar/calendar_files.h"

namespace gongkai::applications {
namespace {

using namespace events;  // NOLINT

const calendar::WorkingDayCalendar& Cal() {
  static const calendar::WorkingDayCalendar cal = calendar::LoadCalendar().value();
  return cal;
}

// Appends each event through ValidateNext, failing the test on a refusal.
std::vector<Event> Build(Channel channel, std::initializer_list<Event> list) {
  std::vector<Event> out;
  for (const Event& e : list) {
    Status s = ValidateNext(channel, out, e, Cal());
    EXPECT_TRUE(s.ok()) << EventTypeCode(e.type) << " " << e.date.ToString() << ": "
                        << s.UserMessage();
    out.push_back(e);
  }
  return out;
}

ClockState Clock(Channel channel, const std::vector<Event>& events, Date as_of) {
  auto st = ComputeClock(channel, events, as_of, Cal());
  EXPECT_TRUE(st.ok()) << st.status().ToString();
  return std::move(st).value();
}

TEST(ApplicationClockTest, OrdinaryLetterOnSaturdayBeforeNationalDay) {
  // 平信 arrives Sat 2024-09-28; the office confirms with the applicant on the next working day,
  // Sun 2024-09-29 (调休上班 for 国庆节), which is the receipt date (Art. 31(2)).
  auto ev = Build(Channel::kOrdinaryLetter, {Submitted({2024, 9, 28}), Confirmed({2024, 9, 29})});
  ASSERT_TRUE(Cal().IsWorkingDay({2024, 9, 29}).value());
  // Before the confirmation no period runs.
  ClockState before = Clock(Channel::kOrdinaryLetter, ev, {2024, 9, 28});
  EXPECT_EQ(before.status, ApplicationStatus::kAwaitingReceipt);
  EXPECT_FALSE(before.due.has_value());

  // Day 1 Mon 09-30; 10-01..04 and 10-07 holidays, 10-05/06 weekend; 10-08..11 days 2–5;
  // Sat 10-12 (调休) day 6; 10-14..18 7–11; 10-21..25 12–16; 10-28..31 17–20 → Thu 2024-10-31.
  ClockState st = Clock(Channel::kOrdinaryLetter, ev, {2024, 10, 8});
  EXPECT_EQ(st.status, ApplicationStatus::kInProgress);
  EXPECT_EQ(st.received, (Date{2024, 9, 29}));
  EXPECT_EQ(st.due, (Date{2024, 10, 31}));
  EXPECT_EQ(st.working_days_left, 18);  // 09-30 and 10-08 used
  EXPECT_FALSE(st.overdue);
  const calendar::Explanation& ex = *st.explanation;
  EXPECT_EQ(ex.calendar_days, 32);
  EXPECT_EQ(ex.working_days, 20);
  EXPECT_EQ(ex.adjusted_workdays, 1);
  EXPECT_EQ(ex.holiday_days, 5);
  EXPECT_EQ(ex.weekend_days, 7);
  EXPECT_EQ(ex.days[1].reason, "国庆节");
  EXPECT_EQ(ex.days[12].reason, "调休上班（国庆节）");  // 10-12
  EXPECT_EQ(ex.days[12].running_count, 6);
  auto lines = DescribeClock(st);
  EXPECT_EQ(
      lines[1],
      "收到申请：2024-09-29（周日），平信，以与申请人确认之日为收到申请之日（《条例》第三十一条"
      "第（二）项）");
  EXPECT_NE(
      std::find(lines.begin(), lines.end(), "2024-10-12 周六 计入 第6个工作日 调休上班（国庆节）"),
      lines.end());
  EXPECT_NE(std::find(lines.begin(), lines.end(), "剩余18个工作日"), lines.end());

  // Overdue: as of Mon 2024-11-04, two working days past (11-01, 11-04).
  ClockState late = Clock(Channel::kOrdinaryLetter, ev, {2024, 11, 4});
  EXPECT_TRUE(late.overdue);
  EXPECT_EQ(late.working_days_left, -2);
}

TEST(ApplicationClockTest, RegisteredLetterCountsFromSigningAndInPersonFromSubmission) {
  auto reg =
      Build(Channel::kRegisteredLetter, {Submitted({2024, 9, 27}), SignedFor({2024, 9, 27})});
  // Fri 09-27 + 20 = 10-30 (the calendar's own worked example).
  EXPECT_EQ(Clock(Channel::kRegisteredLetter, reg, {2024, 9, 27}).due, (Date{2024, 10, 30}));
  auto in_person = Build(Channel::kInPerson, {Submitted({2024, 9, 27})});
  EXPECT_EQ(Clock(Channel::kInPerson, in_person, {2024, 9, 27}).due, (Date{2024, 10, 30}));
}

TEST(ApplicationClockTest, CorrectionAfterSpringFestivalRestartsThePeriod) {
  // In person Mon 2025-01-20. 补正 notice Wed 01-22 (2nd working day) with 15 working days.
  // 春节 2025: Sun 01-26 worked; 01-28..31, 02-03, 02-04 off; Sat 02-08 worked.
  auto ev =
      Build(Channel::kInPerson, {Submitted({2025, 1, 20}), CorrectionRequested({2025, 1, 22}, 15)});
  ClockState waiting = Clock(Channel::kInPerson, ev, {2025, 2, 1});
  EXPECT_EQ(waiting.status, ApplicationStatus::kAwaitingCorrection);
  EXPECT_FALSE(waiting.due.has_value());
  // 01-23 1, 01-24 2, Sun 01-26 3, 01-27 4, 02-05 5, 02-06 6, 02-07 7, Sat 02-08 8, 02-10..14
  // 9–13, 02-17 14, 02-18 15.
  EXPECT_EQ(waiting.correction_deadline, (Date{2025, 2, 18}));
  EXPECT_TRUE(waiting.warnings.empty());

  // Corrected application Thu 2025-02-06: 20 days restart. 02-07 1, Sat 02-08 2, 02-10..14 3–7,
  // 02-17..21 8–12, 02-24..28 13–17, 03-03 18, 03-04 19, 03-05 20.
  ev.push_back(CorrectionReceived({2025, 2, 6}));
  ClockState st = Clock(Channel::kInPerson, ev, {2025, 2, 6});
  EXPECT_EQ(st.status, ApplicationStatus::kInProgress);
  EXPECT_EQ(st.received, (Date{2025, 1, 20}));  // table 三 still counts the original receipt
  EXPECT_EQ(st.period_start, (Date{2025, 2, 6}));
  EXPECT_EQ(st.due, (Date{2025, 3, 5}));
  EXPECT_EQ(st.working_days_left, 20);
  EXPECT_EQ(st.explanation->adjusted_workdays, 1);
}

TEST(ApplicationClockTest, WarnsWhenTheCorrectionNoticeIsLate) {
  // Received 2025-01-20; (01-20, 02-06] holds 01-21..24, Sun 01-26, 01-27, 02-05, 02-06 = 8.
  auto ev =
      Build(Channel::kInPerson, {Submitted({2025, 1, 20}), CorrectionRequested({2025, 2, 6}, 10)});
  ClockState st = Clock(Channel::kInPerson, ev, {2025, 2, 6});
  ASSERT_EQ(st.warnings.size(), 1u);
  EXPECT_EQ(st.warnings[0], "补正通知晚于收到申请之日起7个工作日（第8个工作日，《条例》第三十条）");
}

TEST(ApplicationClockTest, CorrectionLapseConcludesAsSixOne) {
  auto ev =
      Build(Channel::kInPerson, {Submitted({2025, 1, 20}), CorrectionRequested({2025, 1, 22}, 15)});
  Status early = ValidateNext(Channel::kInPerson, ev, CorrectionLapsed({2025, 2, 18}), Cal());
  EXPECT_EQ(early.code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(early.UserMessage(), "补正期限至2025-02-18，期限届满后才能记录逾期未补正");
  ev = Build(Channel::kInPerson, {Submitted({2025, 1, 20}), CorrectionRequested({2025, 1, 22}, 15),
                                  CorrectionLapsed({2025, 2, 19})});
  ClockState st = Clock(Channel::kInPerson, ev, {2025, 3, 1});
  EXPECT_EQ(st.status, ApplicationStatus::kConcluded);
  EXPECT_EQ(st.conclusion->row, OutcomeRow::kCorrectionLapsed);
  EXPECT_EQ(st.conclusion->date, (Date{2025, 2, 19}));
  EXPECT_FALSE(st.overdue);
}

TEST(ApplicationClockTest, ConsultationAcrossLabourDayWeekendsIsExcluded) {
  // In person Thu 2024-04-25. Third party consulted Fri 04-26, answered Mon 05-13.
  // 劳动节 2024: Sun 04-28 worked, 05-01..03 off, Sat 05-11 worked.
  // Excluded working days in [04-27, 05-13]: Sun 04-28, 04-29, 04-30, 05-06..10, Sat 05-11, 05-13
  // = 10. Count: 04-26 is day 1, then 05-14..17 2–5, 05-20..24 6–10, 05-27..31 11–15,
  // 06-03..07 16–20 → Fri 2024-06-07 (without consultation: 05-24; 10 working days later).
  auto ev = Build(Channel::kInPerson,
                  {Submitted({2024, 4, 25}), ConsultationStarted({2024, 4, 26}, "某科技有限公司"),
                   ConsultationAnswered({2024, 5, 13}, "某科技有限公司")});
  ClockState st = Clock(Channel::kInPerson, ev, {2024, 5, 14});
  EXPECT_EQ(st.status, ApplicationStatus::kInProgress);
  EXPECT_EQ(st.due, (Date{2024, 6, 7}));
  EXPECT_EQ(st.explanation->excluded_working_days, 10);
  EXPECT_EQ(st.working_days_left, 18);  // 05-14 is day 2
  ASSERT_EQ(st.excluded.size(), 1u);
  EXPECT_EQ(st.excluded[0].from, (Date{2024, 4, 27}));
  EXPECT_EQ(st.excluded[0].to, (Date{2024, 5, 13}));
  // The explanation names the span on the excluded 调休 Sunday.
  EXPECT_EQ(st.explanation->days[2].info.date, (Date{2024, 4, 28}));
  EXPECT_FALSE(st.explanation->days[2].counted);
  EXPECT_EQ(st.explanation->days[2].reason,
            "征求第三方意见（某科技有限公司），不计入期限（《条例》第三十三条第三款）");
}

TEST(ApplicationClockTest, OpenConsultationPausesAndEndsAfterFifteenDays) {
  auto ev = Build(Channel::kInPerson,
                  {Submitted({2024, 4, 25}), ConsultationStarted({2024, 4, 26}, "某科技有限公司")});
  // As of Wed 05-08: paused; excluded so far 04-28, 04-29, 04-30, 05-06, 05-07, 05-08 = 6, so the
  // earliest due date is 04-26 (1), 05-09..10 (2–3), Sat 05-11 (4), 05-13..17 (5–9),
  // 05-20..24 (10–14), 05-27..31 (15–19), Mon 06-03 (20).
  ClockState paused = Clock(Channel::kInPerson, ev, {2024, 5, 8});
  EXPECT_EQ(paused.status, ApplicationStatus::kConsulting);
  EXPECT_TRUE(paused.paused);
  EXPECT_EQ(paused.due, (Date{2024, 6, 3}));
  EXPECT_EQ(paused.working_days_left, 19);
  // The third party's 15 working days end Mon 05-20 (04-28, 04-29, 04-30, 05-06..10, 05-11,
  // 05-13..17, 05-20). Unanswered on 05-27, the excluded span stops at 05-20 (15 working days) and
  // the clock runs again: 04-26 (1), 05-21..24 (2–5), 05-27..31 (6–10), 06-03..07 (11–15), 06-10
  // 端午节, 06-11..14 (16–19), Mon 06-17 (20).
  ClockState resumed = Clock(Channel::kInPerson, ev, {2024, 5, 27});
  EXPECT_EQ(resumed.status, ApplicationStatus::kInProgress);
  EXPECT_FALSE(resumed.paused);
  EXPECT_EQ(resumed.due, (Date{2024, 6, 17}));
  EXPECT_EQ(resumed.explanation->excluded_working_days, 15);
  ASSERT_EQ(resumed.warnings.size(), 1u);
}

TEST(ApplicationClockTest, ExtensionOnceWithinTwentyDaysBeforeTheDueDate) {
  // In person Mon 2024-03-04: 03-05..08 1–4, 03-11..15 5–9, 03-18..22 10–14, 03-25..29 15–19,
  // Mon 04-01 20 → due 2024-04-01.
  auto ev = Build(Channel::kInPerson, {Submitted({2024, 3, 4})});
  EXPECT_EQ(Clock(Channel::kInPerson, ev, {2024, 3, 4}).due, (Date{2024, 4, 1}));

  Status over =
      ValidateNext(Channel::kInPerson, ev, ExtensionApproved({2024, 3, 20}, 21, "张主任"), Cal());
  EXPECT_EQ(over.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(over.UserMessage(),
            "延长答复期限最长不得超过20个工作日，申请延长21个工作日（《条例》第三十三条）");
  EXPECT_FALSE(
      ValidateNext(Channel::kInPerson, ev, ExtensionApproved({2024, 3, 20}, 10, ""), Cal()).ok());
  Status after =
      ValidateNext(Channel::kInPerson, ev, ExtensionApproved({2024, 4, 2}, 20, "张主任"), Cal());
  EXPECT_EQ(after.code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(after.UserMessage(),
            "答复期限已于2024-04-01届满，不能在期限届满后延长（《条例》第三十三条）");

  // On the due day itself it is allowed. 21 04-02, 22 04-03, 04-04/05 清明节, Sun 04-07 (调休)
  // 23, 04-08..12 24–28, 04-15..19 29–33, 04-22..26 34–38, Sun 04-28 (调休) 39, Mon 04-29 40.
  ev = Build(Channel::kInPerson,
             {Submitted({2024, 3, 4}), ExtensionApproved({2024, 4, 1}, 20, "张主任")});
  ClockState st = Clock(Channel::kInPerson, ev, {2024, 4, 1});
  EXPECT_EQ(st.due, (Date{2024, 4, 29}));
  EXPECT_EQ(st.extension_days, 20);
  EXPECT_EQ(st.explanation->adjusted_workdays, 2);
  Status twice =
      ValidateNext(Channel::kInPerson, ev, ExtensionApproved({2024, 4, 3}, 5, "李局长"), Cal());
  EXPECT_EQ(twice.code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(twice.UserMessage(), "答复期限已延长过一次，不能再次延长（《条例》第三十三条）");
}

TEST(ApplicationClockTest, FeeLapseAfterTwentyWorkingDaysIsSixTwo) {
  // In person Mon 2024-06-03; fee notice served Wed 06-05 (按量, 50 pages = 200元). Payment period:
  // 06-06 1, 06-07 2, 06-10 端午节, 06-11..14 3–6, 06-17..21 7–11, 06-24..28 12–16,
  // 07-01..04 17–20 → 2024-07-04.
  auto ev = Build(Channel::kInPerson, {Submitted({2024, 6, 3}),
                                       FeeNoticeSent({2024, 6, 5}, 20000, FeeMethod::kPerVolume)});
  ClockState waiting = Clock(Channel::kInPerson, ev, {2024, 6, 20});
  EXPECT_EQ(waiting.status, ApplicationStatus::kAwaitingFee);
  EXPECT_TRUE(waiting.paused);
  EXPECT_EQ(waiting.fee_deadline, (Date{2024, 7, 4}));
  EXPECT_EQ(ValidateNext(Channel::kInPerson, ev, FeeLapsed({2024, 7, 4}), Cal()).UserMessage(),
            "缴费期限至2024-07-04，期限届满后才能记录逾期未缴费");
  EXPECT_EQ(
      ValidateNext(Channel::kInPerson, ev, Decided({2024, 6, 20}, {OutcomeRow::kDisclosed}), Cal())
          .UserMessage(),
      "申请待缴费，须先记录缴纳费用或逾期未缴费，才能作出答复");
  ev.push_back(FeeLapsed({2024, 7, 5}));
  ASSERT_TRUE(ValidateNext(Channel::kInPerson, {ev.begin(), ev.end() - 1}, ev.back(), Cal()).ok());
  ClockState st = Clock(Channel::kInPerson, ev, {2024, 7, 5});
  EXPECT_EQ(st.conclusion->row, OutcomeRow::kFeeLapsed);
  EXPECT_FALSE(st.overdue);
}

TEST(ApplicationClockTest, FeeWaitingTimeIsExcluded) {
  // Paid Wed 06-12: excluded 06-06, 06-07, 06-11, 06-12 (4). Without the wait the due date is
  // 07-02 (06-04..07 1–4, 06-11..14 5–8, 06-17..21 9–13, 06-24..28 14–18, 07-01 19, 07-02 20);
  // four working days later: 07-03, 07-04, 07-05, Mon 07-08.
  auto ev = Build(Channel::kInPerson, {Submitted({2024, 6, 3}),
                                       FeeNoticeSent({2024, 6, 5}, 20000, FeeMethod::kPerVolume),
                                       FeePaid({2024, 6, 12})});
  ClockState st = Clock(Channel::kInPerson, ev, {2024, 6, 12});
  EXPECT_EQ(st.status, ApplicationStatus::kInProgress);
  EXPECT_EQ(st.due, (Date{2024, 7, 8}));
  EXPECT_EQ(st.explanation->excluded_working_days, 4);
  // Decided on time, then a late decision elsewhere is flagged.
  ev.push_back(Decided({2024, 7, 8}, {OutcomeRow::kDisclosed}));
  ClockState done = Clock(Channel::kInPerson, ev, {2024, 12, 31});
  EXPECT_EQ(done.status, ApplicationStatus::kConcluded);
  EXPECT_FALSE(done.overdue);
  EXPECT_EQ(done.working_days_left, 0);
}

TEST(ApplicationClockTest, LateDecisionIsFlagged) {
  auto ev = Build(Channel::kInPerson,
                  {Submitted({2024, 3, 4}), Decided({2024, 4, 3}, {OutcomeRow::kNotHeld})});
  ClockState st = Clock(Channel::kInPerson, ev, {2024, 5, 1});
  EXPECT_TRUE(st.overdue);
  EXPECT_EQ(st.working_days_left, -2);  // due 04-01; 04-02, 04-03
  ASSERT_EQ(st.warnings.size(), 1u);
  EXPECT_EQ(st.warnings[0], "逾期答复：答复期限为2024-04-01，实际于2024-04-03答复");
}

TEST(ApplicationClockTest, CountsIntoAnUnpublishedYearProvisionally) {
  // Received 2026-12-21 (Mon); 2027 has no notice: 元旦 2027-01-01 is a statutory rest day.
  std::vector<Event> ev{Submitted({2026, 12, 21})};
  auto st = ComputeClock(Channel::kInPerson, ev, {2026, 12, 22}, Cal());
  ASSERT_TRUE(st.ok()) << st.status().ToString();
  EXPECT_EQ(st->due, (Date{2027, 1, 19}));
  EXPECT_EQ(st->provisional_years, (std::vector<int>{2027}));
  EXPECT_EQ(st->ProvisionalNote(), "预计：2027年节假日安排尚未发布");
  auto lines = DescribeClock(*st);
  EXPECT_NE(std::find(lines.begin(), lines.end(), "2027-01-01 周五 不计 元旦（预计）"),
            lines.end());
  // A correction notice whose 补正期限 reaches 2027 is provisional too.
  std::vector<Event> corr{Submitted({2026, 12, 24}), CorrectionRequested({2026, 12, 28}, 7)};
  auto c = ComputeClock(Channel::kInPerson, corr, {2026, 12, 28}, Cal());
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_EQ(c->correction_deadline, (Date{2027, 1, 7}));
  EXPECT_EQ(c->provisional_years, (std::vector<int>{2027}));
  // Inside 2026 nothing is provisional.
  auto inside = ComputeClock(Channel::kInPerson, {Submitted({2026, 11, 2})}, {2026, 11, 3}, Cal());
  EXPECT_TRUE(inside->provisional_years.empty());
  EXPECT_EQ(inside->ProvisionalNote(), "");
}

}  // namespace
}  // namespace gongkai::applications

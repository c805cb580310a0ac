// Expired waits and the rest-day filing warning of the clock, on the bundled national calendar.
// The dates are those of clock_test.cc, counted there by hand.
#include "applications/expired_wait.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "applications/clock.h"
#include "applications/events.h"
#include "calendar/calendar_files.h"

namespace gongkai::applications {
namespace {

using namespace events;  // NOLINT

const calendar::WorkingDayCalendar& Cal() {
  static const calendar::WorkingDayCalendar cal = calendar::LoadCalendar().value();
  return cal;
}

ClockState Clock(const std::vector<Event>& events, Date as_of) {
  auto st = ComputeClock(Channel::kInPerson, events, as_of, Cal());
  EXPECT_TRUE(st.ok()) << st.status().ToString();
  return std::move(st).value();
}

bool HasLine(const ClockState& st, const std::string& line) {
  auto lines = DescribeClock(st);
  return std::find(lines.begin(), lines.end(), line) != lines.end();
}

TEST(ExpiredWaitTest, FeeDeadlinePassedAsksToRecordTheLapse) {
  // Fee notice Wed 2024-06-05, 20 working days to pay → 2024-07-04.
  std::vector<Event> ev{Submitted({2024, 6, 3}),
                        FeeNoticeSent({2024, 6, 5}, 20000, FeeMethod::kPerVolume)};
  EXPECT_TRUE(Clock(ev, {2024, 7, 4}).expired.empty());  // the last day to pay
  ClockState st = Clock(ev, {2025, 3, 1});
  EXPECT_EQ(st.status, ApplicationStatus::kAwaitingFee);
  ASSERT_EQ(st.expired.size(), 1u);
  EXPECT_EQ(st.expired[0].kind, WaitKind::kFee);
  EXPECT_EQ(st.expired[0].deadline, (Date{2024, 7, 4}));
  EXPECT_EQ(st.expired[0].action,
            "缴费期限已于2024-07-04届满，尚未缴费：申请人逾期未按收费通知要求缴纳费用的，视为放弃"
            "申请，请登记“逾期未缴费”（计入（六）2，国办函〔2020〕109号）");
  EXPECT_TRUE(HasLine(st, "待办：" + st.expired[0].action));
  // Recorded: nothing is flagged any more.
  ev.push_back(FeeLapsed({2024, 7, 5}));
  EXPECT_TRUE(Clock(ev, {2025, 3, 1}).expired.empty());
}

TEST(ExpiredWaitTest, CorrectionPeriodPassedAsksToRecordTheLapse) {
  // 补正 notice Wed 2025-01-22 with 15 working days → 2025-02-18.
  std::vector<Event> ev{Submitted({2025, 1, 20}), CorrectionRequested({2025, 1, 22}, 15)};
  EXPECT_TRUE(Clock(ev, {2025, 2, 18}).expired.empty());
  ClockState st = Clock(ev, {2025, 2, 19});
  ASSERT_EQ(st.expired.size(), 1u);
  EXPECT_EQ(st.expired[0].kind, WaitKind::kCorrection);
  EXPECT_EQ(st.expired[0].deadline, (Date{2025, 2, 18}));
  EXPECT_EQ(st.expired[0].action,
            "补正期限已于2025-02-18届满，尚未收到补正：申请人无正当理由逾期不补正的，视为放弃申请，"
            "请登记“逾期未补正”（计入（六）1，《条例》第三十条）");
  EXPECT_TRUE(HasLine(st, "待办：" + st.expired[0].action));
  ev.push_back(CorrectionReceived({2025, 2, 20}));
  EXPECT_TRUE(Clock(ev, {2025, 2, 20}).expired.empty());
}

TEST(ExpiredWaitTest, UnansweredConsultationsAfterFifteenWorkingDays) {
  // Consulted Fri 2024-04-26: 15 working days end Mon 2024-05-20.
  std::vector<Event> ev{
      Submitted({2024, 4, 25}), ConsultationStarted({2024, 4, 26}, "某科技有限公司"),
      ConsultationStarted({2024, 4, 26}, "樟树市财政局", ConsultedParty::kOtherAgency)};
  EXPECT_TRUE(Clock(ev, {2024, 5, 20}).expired.empty());
  ClockState st = Clock(ev, {2024, 5, 21});
  ASSERT_EQ(st.expired.size(), 2u);
  EXPECT_EQ(st.expired[0].kind, WaitKind::kConsultation);
  EXPECT_EQ(st.expired[0].party, "某科技有限公司");
  EXPECT_EQ(st.expired[0].deadline, (Date{2024, 5, 20}));
  EXPECT_EQ(
      st.expired[0].action,
      "征求某科技有限公司意见的15个工作日已于2024-05-20届满，未收到答复：第三方逾期未提出意见"
      "的，由行政机关依照《条例》的规定决定是否公开（第三十二条），请作出答复或登记收到的意见；"
      "此后的时间计入答复期限");
  EXPECT_EQ(st.expired[1].party, "樟树市财政局");
  EXPECT_EQ(st.expired[1].action,
            "征求樟树市财政局意见的15个工作日已于2024-05-20届满，未收到答复：被征求意见机关逾期未"
            "提出意见的，视为同意公开（《条例》第三十四条），请作出答复或登记收到的意见；此后的时间"
            "计入答复期限");
  // Concluded: nothing is left to do.
  ev.push_back(Decided({2024, 5, 22}, {OutcomeRow::kDisclosed}));
  EXPECT_TRUE(Clock(ev, {2024, 5, 23}).expired.empty());
  EXPECT_EQ(WaitKindCode(WaitKind::kConsultation), "consultation");
}

TEST(ExpiredWaitTest, InPersonFilingOnARestDayIsFlagged) {
  // 国庆节 Tue 2024-10-01 and Sunday 2024-10-13: warned; the receipt stays the day handed in
  // (Art. 31(1)), counting from the next day. The 调休 Saturday 2024-10-12 is a working day.
  ClockState holiday = Clock({Submitted({2024, 10, 1})}, {2024, 10, 8});
  EXPECT_EQ(holiday.received, (Date{2024, 10, 1}));
  EXPECT_EQ(holiday.due, (Date{2024, 11, 1}));
  ASSERT_EQ(holiday.warnings.size(), 1u);
  EXPECT_EQ(
      holiday.warnings[0],
      "当面提交日期2024-10-01（周二）为国庆节，不是工作日，请核实提交日期；如确于当日当面提交，"
      "依《条例》第三十一条第（一）项仍以提交之日为收到申请之日，期限自次日起算");
  ClockState sunday = Clock({Submitted({2024, 10, 13})}, {2024, 10, 14});
  ASSERT_EQ(sunday.warnings.size(), 1u);
  EXPECT_EQ(sunday.warnings[0].substr(0, sunday.warnings[0].find("，")),
            "当面提交日期2024-10-13（周日）为周末");
  EXPECT_TRUE(Clock({Submitted({2024, 10, 12})}, {2024, 10, 14}).warnings.empty());
  // Letters that arrive on a rest day are normal: no warning.
  auto letter =
      ComputeClock(Channel::kRegisteredLetter,
                   {Submitted({2024, 10, 13}), SignedFor({2024, 10, 14})}, {2024, 10, 14}, Cal());
  ASSERT_TRUE(letter.ok());
  EXPECT_TRUE(letter->warnings.empty());
}

}  // namespace
}  // namespace gongkai::applications

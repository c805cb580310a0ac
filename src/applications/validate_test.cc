// Events out of order are refused with a Chinese reason; the list itself is never changed (it is
// passed by const reference, and the callers append only after an ok).
#include <gtest/gtest.h>

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

Status Next(Channel ch, const std::vector<Event>& ev, const Event& e) {
  return ValidateNext(ch, ev, e, Cal());
}

TEST(ValidateNextTest, FirstEventIsTheSubmission) {
  EXPECT_TRUE(Next(Channel::kInPerson, {}, Submitted({2024, 3, 4})).ok());
  EXPECT_EQ(
      Next(Channel::kInPerson, {}, Decided({2024, 3, 4}, {OutcomeRow::kDisclosed})).UserMessage(),
      "申请的第一个事件应为“提交申请”");
  EXPECT_EQ(Next(Channel::kInPerson, {}, Submitted({2101, 1, 1})).code(), StatusCode::kOutOfRange);
}

TEST(ValidateNextTest, RefusesEventsBeforeThePreviousOne) {
  std::vector<Event> ev{Submitted({2024, 3, 4})};
  EXPECT_EQ(
      Next(Channel::kInPerson, ev, Decided({2024, 3, 1}, {OutcomeRow::kDisclosed})).UserMessage(),
      "事件日期2024-03-01早于上一事件“提交申请”的日期2024-03-04，事件须按时间顺序记录");
}

TEST(ValidateNextTest, ReceiptEventMustFitTheChannel) {
  std::vector<Event> ev{Submitted({2024, 9, 28})};
  EXPECT_EQ(Next(Channel::kInPerson, ev, Confirmed({2024, 9, 29})).UserMessage(),
            "渠道为当面的申请不适用“确认收到”（《条例》第三十一条）");
  EXPECT_FALSE(Next(Channel::kOrdinaryLetter, ev, SignedFor({2024, 9, 29})).ok());
  EXPECT_TRUE(Next(Channel::kRegisteredLetter, ev, SignedFor({2024, 9, 29})).ok());
  EXPECT_TRUE(Next(Channel::kEmail, ev, Confirmed({2024, 9, 30})).ok());
  // Nothing can be handled before the receipt is confirmed.
  EXPECT_EQ(Next(Channel::kOrdinaryLetter, ev, Decided({2024, 9, 30}, {OutcomeRow::kDisclosed}))
                .UserMessage(),
            "尚未确认收到申请（信函（平信）须先记录“确认收到”），不能记录“作出答复”");
  std::vector<Event> confirmed{Submitted({2024, 9, 28}), Confirmed({2024, 9, 29})};
  EXPECT_EQ(Next(Channel::kFax, confirmed, Confirmed({2024, 9, 30})).UserMessage(),
            "已确认收到申请，不能重复记录");
  // A withdrawal needs no receipt.
  EXPECT_TRUE(Next(Channel::kOrdinaryLetter, ev, Withdrawn({2024, 9, 30})).ok());
}

TEST(ValidateNextTest, NothingAfterWithdrawalOrDecisionExceptOneDelivery) {
  std::vector<Event> withdrawn{Submitted({2024, 3, 4}), Withdrawn({2024, 3, 6})};
  Status s = Next(Channel::kInPerson, withdrawn, Decided({2024, 3, 7}, {OutcomeRow::kDisclosed}));
  EXPECT_EQ(s.code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(s.UserMessage(), "申请已于2024-03-06办结（撤回申请），不能再记录“作出答复”");
  EXPECT_FALSE(Next(Channel::kInPerson, withdrawn, Delivered({2024, 3, 7})).ok());

  std::vector<Event> decided{Submitted({2024, 3, 4}),
                             Decided({2024, 3, 6}, {OutcomeRow::kDisclosed})};
  EXPECT_TRUE(Next(Channel::kInPerson, decided, Delivered({2024, 3, 7})).ok());
  EXPECT_EQ(Next(Channel::kInPerson, decided, Withdrawn({2024, 3, 7})).UserMessage(),
            "申请已于2024-03-06办结（作出答复），不能再记录“撤回申请”");
  decided.push_back(Delivered({2024, 3, 7}));
  EXPECT_EQ(Next(Channel::kInPerson, decided, Delivered({2024, 3, 8})).UserMessage(), "答复已送达");
  std::vector<Event> open{Submitted({2024, 3, 4})};
  EXPECT_EQ(Next(Channel::kInPerson, open, Delivered({2024, 3, 8})).UserMessage(),
            "尚未作出答复，不能记录送达");
}

TEST(ValidateNextTest, CorrectionIsNotifiedOnce) {
  std::vector<Event> ev{Submitted({2025, 1, 20}), CorrectionRequested({2025, 1, 22}, 15),
                        CorrectionReceived({2025, 2, 6})};
  EXPECT_EQ(Next(Channel::kInPerson, ev, CorrectionRequested({2025, 2, 7}, 10)).UserMessage(),
            "已收到补正申请，不能再次通知补正（《条例》第三十条：一次性告知）");
  EXPECT_EQ(Next(Channel::kInPerson, {ev[0], ev[1]}, CorrectionRequested({2025, 1, 23}, 10))
                .UserMessage(),
            "已发出补正通知，补正须一次性告知（《条例》第三十条）");
  EXPECT_EQ(Next(Channel::kInPerson, {ev[0]}, CorrectionReceived({2025, 1, 23})).UserMessage(),
            "未发出补正通知，不能记录收到补正申请");
  EXPECT_EQ(
      Next(Channel::kInPerson, {ev[0], ev[1]}, Decided({2025, 1, 23}, {OutcomeRow::kDisclosed}))
          .UserMessage(),
      "申请待补正（期限至2025-02-18），须先记录收到补正申请或逾期未补正，才能记录“作出答复”");
  EXPECT_FALSE(Next(Channel::kInPerson, {ev[0]}, CorrectionRequested({2025, 1, 21}, 0)).ok());
  // （四）3 needs a correction received before.
  EXPECT_TRUE(
      Next(Channel::kInPerson, ev, Decided({2025, 2, 7}, {OutcomeRow::kUnclearAfterCorrection}))
          .ok());
  EXPECT_EQ(Next(Channel::kInPerson, {ev[0]},
                 Decided({2025, 2, 7}, {OutcomeRow::kUnclearAfterCorrection}))
                .UserMessage(),
            "未收到补正申请，不能以“补正后申请内容仍不明确”答复");
}

TEST(ValidateNextTest, FeeEventsNeedANotice) {
  std::vector<Event> ev{Submitted({2024, 6, 3})};
  EXPECT_EQ(Next(Channel::kInPerson, ev, FeePaid({2024, 6, 5})).UserMessage(),
            "未发出收费通知或费用已缴纳，不能记录缴纳费用");
  EXPECT_FALSE(Next(Channel::kInPerson, ev, FeeLapsed({2024, 8, 5})).ok());
  EXPECT_EQ(Next(Channel::kInPerson, ev, FeeNoticeSent({2024, 6, 5}, 0, FeeMethod::kPerVolume))
                .UserMessage(),
            "收费通知的金额应大于0");
  ev.push_back(FeeNoticeSent({2024, 6, 5}, 10000, FeeMethod::kPerApplication));
  ev.push_back(FeePaid({2024, 6, 6}));
  EXPECT_FALSE(Next(Channel::kInPerson, ev, FeePaid({2024, 6, 7})).ok());
  EXPECT_EQ(Next(Channel::kInPerson, ev, FeeNoticeSent({2024, 6, 7}, 100, FeeMethod::kPerVolume))
                .UserMessage(),
            "已发出收费通知，每件申请只收费一次");
}

// A 按量 fee notice given as pages gets its amount from the 109号 bands; a count the tariff
// leaves free, pages with 按件, or an amount that disagrees are refused; ValidateNext checks a
// stored event the same way; an amount alone (as recorded before page counts) stays valid.
TEST(ValidateNextTest, FeeNoticeByPagesIsComputedFromTheBands) {
  Event e = FeeNoticeSent({2024, 6, 5}, 0, FeeMethod::kPerVolume);
  e.pages = 150;
  ASSERT_TRUE(CompleteFeeNotice(&e).ok());
  EXPECT_EQ(e.fee, 1700 * 100);  // 70 × 10元 + 50 × 20元
  std::vector<Event> ev{Submitted({2024, 6, 3})};
  EXPECT_TRUE(Next(Channel::kInPerson, ev, e).ok());
  Event wrong = e;
  wrong.fee = 1600 * 100;
  EXPECT_EQ(Next(Channel::kInPerson, ev, wrong).UserMessage(),
            "金额1,600元与按150页计算的1,700元不一致（国办函〔2020〕109号第五条）");
  EXPECT_EQ(CompleteFeeNotice(&wrong).UserMessage(),
            "金额1,600元与按150页计算的1,700元不一致（国办函〔2020〕109号第五条）");
  Event free = FeeNoticeSent({2024, 6, 5}, 0, FeeMethod::kPerVolume);
  free.pages = 30;
  EXPECT_EQ(
      CompleteFeeNotice(&free).UserMessage(),
      "按量计收30页以内（含30页）免费（国办函〔2020〕109号第五条），共30页，不应发出收费通知");
  Event per_app = FeeNoticeSent({2024, 6, 5}, 10000, FeeMethod::kPerApplication);
  per_app.pages = 40;
  EXPECT_EQ(CompleteFeeNotice(&per_app).UserMessage(), "页数只用于按量计收；按件计收请填写金额");
  Event legacy = FeeNoticeSent({2024, 6, 5}, 20000, FeeMethod::kPerVolume);
  ASSERT_TRUE(CompleteFeeNotice(&legacy).ok());
  EXPECT_EQ(legacy.fee, 20000);
  EXPECT_TRUE(Next(Channel::kInPerson, ev, legacy).ok());
}

TEST(ValidateNextTest, ConsultationAnswersMatchOpenRequests) {
  std::vector<Event> ev{Submitted({2024, 4, 25})};
  EXPECT_EQ(
      Next(Channel::kInPerson, ev, ConsultationAnswered({2024, 4, 26}, "甲公司")).UserMessage(),
      "未向甲公司征求意见，不能记录其答复");
  ev.push_back(ConsultationStarted({2024, 4, 26}, "甲公司"));
  EXPECT_EQ(
      Next(Channel::kInPerson, ev, ConsultationStarted({2024, 4, 28}, "甲公司")).UserMessage(),
      "已在向甲公司征求意见");
  EXPECT_TRUE(Next(Channel::kInPerson, ev,
                   ConsultationStarted({2024, 4, 28}, "市自然资源局", ConsultedParty::kOtherAgency))
                  .ok());
  EXPECT_FALSE(Next(Channel::kInPerson, ev, ConsultationStarted({2024, 4, 28}, "")).ok());
  // Deciding while the third party is silent is allowed (Art. 32).
  EXPECT_TRUE(Next(Channel::kInPerson, ev, Decided({2024, 5, 30}, {OutcomeRow::kDisclosed})).ok());
}

TEST(ValidateNextTest, LapseRowsCannotBeDecided) {
  std::vector<Event> ev{Submitted({2024, 3, 4})};
  EXPECT_EQ(
      Next(Channel::kInPerson, ev, Decided({2024, 3, 5}, {OutcomeRow::kFeeLapsed})).UserMessage(),
      "办理结果（六）其他处理2."
      "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"
      "只能由“逾期未补正”或“逾期未缴费”事件产生，不能作为答复");
  EXPECT_EQ(Next(Channel::kInPerson, ev, Decided({2024, 3, 5}, {})).UserMessage(),
            "答复须至少有一项办理结果");
  EXPECT_EQ(Next(Channel::kInPerson, ev, Submitted({2024, 3, 5})).UserMessage(),
            "申请已提交，不能重复提交");
}

// Every decidable leaf once is the longest decision; a code twice, or more codes than table 三
// has leaves (the probe's F1 sent 100 and 10,000), is refused before anything is stored.
TEST(ValidateNextTest, DecisionOutcomesAreDistinctLeaves) {
  std::vector<Event> ev{Submitted({2024, 3, 4}), CorrectionRequested({2024, 3, 5}, 10),
                        CorrectionReceived({2024, 3, 8})};
  std::vector<OutcomeRow> all;
  for (const OutcomeInfo& info : AllOutcomes()) {
    if (info.decidable) all.push_back(info.row);
  }
  ASSERT_EQ(all.size(), 19u);
  EXPECT_TRUE(Next(Channel::kInPerson, ev, Decided({2024, 3, 11}, all)).ok());

  Status twice = Next(Channel::kInPerson, ev,
                      Decided({2024, 3, 11}, {OutcomeRow::kDisclosed, OutcomeRow::kStateSecret,
                                              OutcomeRow::kStateSecret}));
  EXPECT_EQ(twice.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(twice.UserMessage(),
            "办理结果“（三）不予公开1.属于国家秘密”重复，每项办理结果在一次答复中只能列一次");
  EXPECT_EQ(Next(Channel::kInPerson, ev,
                 Decided({2024, 3, 11}, {OutcomeRow::kDisclosed, OutcomeRow::kDisclosed}))
                .UserMessage(),
            "办理结果“（一）予以公开”重复，每项办理结果在一次答复中只能列一次");

  std::vector<OutcomeRow> hundred(100, OutcomeRow::kDisclosed);
  Status long_list = Next(Channel::kInPerson, ev, Decided({2024, 3, 11}, hundred));
  EXPECT_EQ(long_list.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(long_list.UserMessage(),
            "答复的办理结果最多21项（表三共21个末级办理结果，每项只能列一次），实际为100项");
  std::vector<OutcomeRow> twenty_two = all;
  twenty_two.insert(twenty_two.end(),
                    {OutcomeRow::kDisclosed, OutcomeRow::kNotHeld, OutcomeRow::kPublication});
  EXPECT_EQ(Next(Channel::kInPerson, ev, Decided({2024, 3, 11}, twenty_two)).UserMessage(),
            "答复的办理结果最多21项（表三共21个末级办理结果，每项只能列一次），实际为22项");
}

}  // namespace
}  // namespace gongkai::applications

// The approval of a decision (拟办 → 审批 → 作出答复) and the 更正 of a decision in the event list:
// order rules, what counts, and tables 三 before and after a correction.
#include "applications/approval.h"

#include <gtest/gtest.h>

#include "applications/clock.h"
#include "applications/events.h"
#include "applications/next_step.h"
#include "applications/tables.h"
#include "calendar/calendar_files.h"

namespace gongkai::applications {
namespace {

using namespace events;  // NOLINT

const calendar::WorkingDayCalendar& Cal() {
  static const calendar::WorkingDayCalendar cal = calendar::LoadCalendar().value();
  return cal;
}

Status Next(const std::vector<Event>& ev, const Event& e) {
  return ValidateNext(Channel::kInPerson, ev, e, Cal());
}

// Handed in Tue 2024-10-08; due Mon 2024-11-04.
std::vector<Event> Received() { return {Submitted({2024, 10, 8})}; }

Event By(Event e, const std::string& who) {
  e.actor = who;
  return e;
}

TEST(ApprovalEventsTest, DraftDoesNotConcludeUntilTheLastApprovalsDecision) {
  std::vector<Event> ev = Received();
  Event draft = By(Drafted({2024, 10, 21}, {OutcomeRow::kNotHeld}), "clerk");
  ASSERT_TRUE(Next(ev, draft).ok());
  ev.push_back(draft);
  ClockState st = ComputeClock(Channel::kInPerson, ev, {2024, 10, 21}, Cal()).value();
  EXPECT_EQ(st.status, ApplicationStatus::kInProgress);
  EXPECT_FALSE(st.conclusion.has_value());
  EXPECT_TRUE(st.draft_pending);
  EXPECT_EQ(st.draft_approvals, 0);
  EXPECT_EQ(st.working_days_left, 10);  // the clock keeps running: 10-22 … 11-04

  // While it waits: no second draft, no decision of other outcomes, no fee notice.
  EXPECT_EQ(Next(ev, Drafted({2024, 10, 22}, {OutcomeRow::kDisclosed})).UserMessage(),
            "拟办答复（2024-10-21）正在审批，须先审批通过或退回，才能记录“拟办答复”");
  EXPECT_EQ(Next(ev, Decided({2024, 10, 22}, {OutcomeRow::kDisclosed})).UserMessage(),
            "作出答复的办理结果须与审批通过的拟办答复一致");
  EXPECT_EQ(Next(ev, FeeNoticeSent({2024, 10, 22}, 1000, FeeMethod::kPerVolume)).UserMessage(),
            "拟办答复（2024-10-21）正在审批，须先审批通过或退回，才能记录“收费通知”");
  // Steps in order only.
  EXPECT_EQ(Next(ev, Approved({2024, 10, 22}, 2, "签发")).UserMessage(),
            "应办理第1个审批步骤，不能办理第2个");
  ev.push_back(By(Approved({2024, 10, 22}, 1, "法制审核"), "legal"));
  ev.push_back(By(Approved({2024, 10, 23}, 2, "签发"), "leader"));
  EXPECT_EQ(ApprovalsOfPendingDraft(ev), 2);
  ev.push_back(Decided({2024, 10, 23}, {OutcomeRow::kNotHeld}));
  ASSERT_TRUE(Next(std::vector<Event>(ev.begin(), ev.end() - 1), ev.back()).ok());
  st = ComputeClock(Channel::kInPerson, ev, {2024, 10, 23}, Cal()).value();
  EXPECT_EQ(st.status, ApplicationStatus::kConcluded);
  EXPECT_EQ(st.conclusion->row, OutcomeRow::kNotHeld);
  EXPECT_EQ(st.conclusion->date, (Date{2024, 10, 23}));
  EXPECT_FALSE(st.draft_pending);
  EXPECT_EQ(PendingDraft(ev), nullptr);
  // The sign-offs of the decision: 拟办 and both approvals.
  auto signed_by = DecisionSignOffs(ev);
  ASSERT_EQ(signed_by.size(), 3u);
  EXPECT_EQ(signed_by[0]->actor, "clerk");
  EXPECT_EQ(signed_by[2]->party, "签发");
}

TEST(ApprovalEventsTest, ReturnedDraftGoesBackToTheClerk) {
  std::vector<Event> ev = Received();
  ev.push_back(By(Drafted({2024, 10, 21}, {OutcomeRow::kDisclosed}), "clerk"));
  EXPECT_EQ(Next(ev, Returned({2024, 10, 22}, 1, "法制审核", "")).UserMessage(),
            "请填写退回理由（必填）");
  ev.push_back(Returned({2024, 10, 22}, 1, "法制审核", "涉及第三方，应征求意见"));
  EXPECT_EQ(PendingDraft(ev), nullptr);
  EXPECT_EQ(Next(ev, Approved({2024, 10, 22}, 1, "法制审核")).UserMessage(),
            "没有待审批的拟办答复");
  // Back with the clerk: a new draft may be recorded (or any other step).
  EXPECT_TRUE(Next(ev, ConsultationStarted({2024, 10, 22}, "某公司")).ok());
  EXPECT_TRUE(Next(ev, Drafted({2024, 10, 23}, {OutcomeRow::kPartlyDisclosed})).ok());
  // The four-eyes rule of the generic chain on these events.
  ev.push_back(By(Drafted({2024, 10, 23}, {OutcomeRow::kPartlyDisclosed}), "clerk"));
  auto actions = ApprovalActions(ev);
  ASSERT_EQ(actions.size(), 3u);
  EXPECT_FALSE(actions[1].approved);
  EXPECT_EQ(
      account::CheckStepActor(account::DefaultDecisionChain(), actions, 1, "clerk").UserMessage(),
      "clerk已办理本次审批的“拟办”，不能再办理“法制审核”（同一人不得办理两个审批步骤）");
  EXPECT_TRUE(account::CheckStepActor(account::DefaultDecisionChain(), actions, 1, "legal").ok());
}

TEST(CorrectionEventTest, OnlyAfterADecisionWithAReasonAndTheDecisionRules) {
  std::vector<Event> ev = Received();
  EXPECT_EQ(Next(ev, Corrected({2024, 10, 21}, "结果有误", {OutcomeRow::kNotHeld})).UserMessage(),
            "尚未作出答复，不能更正（更正只适用于已作出的答复）");
  ev.push_back(Decided({2024, 10, 21}, {OutcomeRow::kDisclosed}));
  EXPECT_EQ(Next(ev, Corrected({2024, 10, 25}, "", {OutcomeRow::kNotHeld})).UserMessage(),
            "请填写更正理由（必填）");
  EXPECT_EQ(Next(ev, Corrected({2024, 10, 25}, "笔误", {})).UserMessage(),
            "更正须改正办理结果或答复日期（至少一项）");
  EXPECT_EQ(Next(ev, Corrected({2024, 10, 25}, "笔误", {OutcomeRow::kDisclosed})).UserMessage(),
            "更正后的办理结果和答复日期与现答复相同");
  EXPECT_EQ(Next(ev, Corrected({2024, 10, 25}, "笔误", {OutcomeRow::kFeeLapsed})).UserMessage(),
            "办理结果（六）其他处理2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息"
            "公开申请只能由“逾期未补正”或“逾期未缴费”事件产生，不能作为答复");
  EXPECT_EQ(Next(ev, Corrected({2024, 10, 25}, "笔误", {OutcomeRow::kUnclearAfterCorrection}))
                .UserMessage(),
            "更正后的答复不成立：未收到补正申请，不能以“补正后申请内容仍不明确”答复");
  EXPECT_EQ(Next(ev, Corrected({2024, 10, 25}, "日期有误", {}, Date{2024, 10, 28})).UserMessage(),
            "更正后的答复日期2024-10-28晚于更正之日2024-10-25");
  EXPECT_EQ(Next(ev, Corrected({2024, 10, 25}, "日期有误", {}, Date{2024, 10, 7})).UserMessage(),
            "更正后的答复不成立：事件日期2024-10-07早于上一事件“提交申请”的日期2024-10-08，"
            "事件须按时间顺序记录");
  Event fix = Corrected({2024, 10, 25}, "应为不予公开（第三方合法权益）",
                        {OutcomeRow::kThirdPartyRights}, Date{2024, 10, 22});
  ASSERT_TRUE(Next(ev, fix).ok());
  ev.push_back(fix);
  EXPECT_EQ(EffectiveDecision(ev)->outcomes, std::vector{OutcomeRow::kThirdPartyRights});
  EXPECT_EQ(ConclusionOf(ev)->row, OutcomeRow::kThirdPartyRights);
  EXPECT_EQ(ConclusionOf(ev)->date, (Date{2024, 10, 22}));
  // As of a day before the correction, the history shows the original decision.
  ClockState before = ComputeClock(Channel::kInPerson, ev, {2024, 10, 24}, Cal()).value();
  EXPECT_EQ(before.conclusion->row, OutcomeRow::kDisclosed);
  EXPECT_EQ(before.conclusion->date, (Date{2024, 10, 21}));
}

// Two decided applications of 2024; the second's （一） is corrected to （三）4. Table 三 cells of
// 自然人 and 总计 move by one, the 勾稽 still holds.
TEST(CorrectionEventTest, Table3CountsTheCorrectedOutcome) {
  Application a;
  a.id = 1;
  a.agency_id = 1;
  a.events = {Submitted({2024, 10, 8}), Decided({2024, 10, 21}, {OutcomeRow::kDisclosed})};
  Application b = a;
  b.id = 2;
  std::vector<Application> apps = {a, b};
  Table3 t = ComputeTable3(1, 2024, apps);
  EXPECT_EQ(t.at(RowOf(OutcomeRow::kDisclosed), 0), 2);
  EXPECT_EQ(t.at(RowOf(OutcomeRow::kThirdPartyRights), 0), 0);
  EXPECT_EQ(t.at(RowOf(OutcomeRow::kDisclosed), kColumnTotal), 2);
  apps[1].events.push_back(
      Corrected({2024, 11, 1}, "应为不予公开", {OutcomeRow::kThirdPartyRights}));
  t = ComputeTable3(1, 2024, apps);
  EXPECT_EQ(t.at(RowOf(OutcomeRow::kDisclosed), 0), 1);
  EXPECT_EQ(t.at(RowOf(OutcomeRow::kThirdPartyRights), 0), 1);
  EXPECT_EQ(t.cells[RowOf(OutcomeRow::kThirdPartyRights)][0].ids, std::vector<int64_t>{2});
  EXPECT_EQ(t.at(RowOf(OutcomeRow::kDisclosed), kColumnTotal), 1);
  EXPECT_EQ(t.at(RowOf(OutcomeRow::kThirdPartyRights), kColumnTotal), 1);
  EXPECT_EQ(t.at(kRowTotal, kColumnTotal), 2);
  EXPECT_TRUE(CheckTable3(t).ok());
  // A correction of the date into the next year moves it out of 2024's 三 into 四.
  apps[0].events.push_back(Corrected({2025, 1, 6}, "答复日期录错", {}, Date{2025, 1, 3}));
  t = ComputeTable3(1, 2024, apps);
  EXPECT_EQ(t.at(RowOf(OutcomeRow::kDisclosed), kColumnTotal), 0);
  EXPECT_EQ(t.at(kRowCarriedOver, kColumnTotal), 1);
}

TEST(NextStepTest, PossibleEventsAndTheDeadlineThatAppliesNow) {
  std::vector<Event> ev = Received();
  // 10 working days from Wed 10-09: 10, 11, Sat 12 (国庆调休上班), 14–18, 21, 22 → Tue 10-22.
  ev.push_back(CorrectionRequested({2024, 10, 9}, 10));
  auto possible = PossibleEvents(Channel::kInPerson, ev, {2024, 10, 21}, Cal());
  EXPECT_EQ(possible,
            (std::vector<EventType>{EventType::kCorrectionReceived, EventType::kWithdrawn}));
  ClockState st = ComputeClock(Channel::kInPerson, ev, {2024, 10, 21}, Cal()).value();
  NextDeadline next = NextDeadlineOf(st, Cal()).value();
  EXPECT_EQ(next.label, "补正截止");
  EXPECT_EQ(next.date, (Date{2024, 10, 22}));
  EXPECT_EQ(next.working_days_left, 1);
  st = ComputeClock(Channel::kInPerson, ev, {2024, 10, 25}, Cal()).value();
  EXPECT_EQ(NextDeadlineOf(st, Cal()).value().working_days_left, -3);  // 23, 24, 25
  EXPECT_EQ(PossibleEvents(Channel::kInPerson, ev, {2024, 10, 25}, Cal()),
            (std::vector<EventType>{EventType::kCorrectionReceived, EventType::kCorrectionLapsed,
                                    EventType::kWithdrawn}));
  // In progress with a draft pending: approvals, an extension, withdrawal — no decision form.
  std::vector<Event> open = Received();
  open.push_back(Drafted({2024, 10, 21}, {OutcomeRow::kDisclosed}));
  EXPECT_EQ(PossibleEvents(Channel::kInPerson, open, {2024, 10, 21}, Cal()),
            (std::vector<EventType>{EventType::kExtensionApproved, EventType::kWithdrawn,
                                    EventType::kApproved, EventType::kReturned}));
  // Overdue: no extension (Art. 33 only before the due date), no fee form before… a decision.
  std::vector<Event> late = Received();
  auto overdue = PossibleEvents(Channel::kInPerson, late, {2024, 11, 5}, Cal());
  EXPECT_EQ(std::count(overdue.begin(), overdue.end(), EventType::kExtensionApproved), 0);
  EXPECT_EQ(std::count(overdue.begin(), overdue.end(), EventType::kDecided), 1);
}

}  // namespace
}  // namespace gongkai::applications

// The approval chain of decisions in the service: a decision by a clerk waits for 法制审核 and
// 签发 before it counts (table 三), approvers need their step's role (403), one person does not
// sign two steps, a return goes back to the clerk, "none" decides at once, and the console
// records approvals given on paper.
#include <gtest/gtest.h>

#include "applications/events.h"
#include "calendar/calendar_files.h"
#include "services/application_service.h"
#include "storage/sqlite/sqlite_store.h"
#include "test_util.h"

namespace gongkai::services {
namespace {

using namespace applications;  // NOLINT

constexpr int64_t kOct21 = 1729476000;  // Mon 2024-10-21 10:00 China time

class ApprovalServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = storage::OpenStore("sqlite::memory:").value();
    ASSERT_TRUE(store_->Migrate().ok());
    service_ = std::make_unique<ApplicationService>(
        *store_, clock_,
        std::make_shared<const calendar::WorkingDayCalendar>(calendar::LoadCalendar().value()));
    auto tx = store_->Begin(storage::TxMode::kWrite).value();
    agency::Agency a;
    a.name = "樟树市工业和信息化局";
    a.short_name = "樟工信";
    agency_ = tx->agencies().Insert(a).value();
    ASSERT_TRUE(tx->Commit().ok());
    clerk_ = User("clerk", {account::Role::kApplicationClerk});
    legal_ = User("legal", {account::Role::kLegalReviewer});
    leader_ = User("leader", {account::Role::kSigningLeader});
    both_ = User("both", {account::Role::kLegalReviewer, account::Role::kSigningLeader});
  }

  account::Actor User(const std::string& name, std::vector<account::Role> roles) {
    account::Actor a;
    a.name = name;
    for (auto r : roles) a.grants.push_back({r, agency_});
    return a;
  }

  ApplicationId Register() {
    ApplicationInput in;
    in.agency_id = agency_;
    in.identity.number = "11010519491231002X";
    in.contact.name = "张三";
    in.contact.phone = "13800000000";
    in.description = "请公开2023年企业名录。";
    auto r = service_->Register(console_, in, {events::Submitted({2024, 10, 8})});
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? r->id : 0;
  }

  // Table 三 of 2024: （一） and 四, 总计 column.
  std::pair<int, int> DisclosedAndCarried() {
    auto t = service_->CompileTables(console_, agency_, 2024).value().table3;
    return {t.at(RowOf(OutcomeRow::kDisclosed), kColumnTotal), t.at(kRowCarriedOver, kColumnTotal)};
  }

  std::string Pending(ApplicationId id) {
    return service_->Get(console_, id).value().pending_approval_step;
  }

  FakeClock clock_{kOct21};
  std::unique_ptr<storage::Store> store_;
  std::unique_ptr<ApplicationService> service_;
  agency::AgencyId agency_ = 0;
  account::Actor console_ = account::Actor::Console();
  account::Actor clerk_, legal_, leader_, both_;
};

TEST_F(ApprovalServiceTest, DecisionCountsOnlyOnceSigned) {
  ApplicationId id = Register();
  Date d{2024, 10, 21};
  Status direct = service_->RecordEvent(clerk_, id, events::Decided(d, {OutcomeRow::kDisclosed}));
  EXPECT_EQ(direct.code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(direct.UserMessage(),
            "本机关的答复须经审批（拟办（依申请公开经办人） → 法制审核（法制审核） → "
            "签发（签发领导））：请先记录“拟办答复”，签发后即作出答复");
  // The signing leader cannot draft (the 拟办 step is the clerk's): 403.
  EXPECT_EQ(service_->RecordEvent(leader_, id, events::Drafted(d, {OutcomeRow::kDisclosed})).code(),
            StatusCode::kPermissionDenied);
  ASSERT_TRUE(service_->RecordEvent(clerk_, id, events::Drafted(d, {OutcomeRow::kDisclosed})).ok());
  EXPECT_EQ(Pending(id), "法制审核");
  EXPECT_EQ(DisclosedAndCarried(), std::make_pair(0, 1));  // not counted yet
  auto list = service_->List(console_, agency_).value();
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0].pending_approval_step, "法制审核");
  EXPECT_EQ(list[0].status, ApplicationStatus::kInProgress);

  // Out of turn: the leader may not approve 法制审核 (403, audited); the clerk neither.
  Status early = service_->RecordEvent(leader_, id, events::Approved(d, 0, ""));
  EXPECT_EQ(early.code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(early.UserMessage(), "无权办理“法制审核”（需要该机构的“法制审核”角色）");
  EXPECT_EQ(service_->RecordEvent(clerk_, id, events::Approved(d, 0, "")).code(),
            StatusCode::kPermissionDenied);
  // One person holding both roles reviews; then may not sign as well.
  ASSERT_TRUE(service_->RecordEvent(both_, id, events::Approved(d, 0, "")).ok());
  EXPECT_EQ(Pending(id), "签发");
  EXPECT_EQ(DisclosedAndCarried(), std::make_pair(0, 1));
  Status twice = service_->RecordEvent(both_, id, events::Approved(d, 0, ""));
  EXPECT_EQ(twice.code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(twice.UserMessage(),
            "both已办理本次审批的“法制审核”，不能再办理“签发”（同一人不得办理两个审批步骤）");
  EXPECT_EQ(service_->RecordEvent(legal_, id, events::Approved(d, 0, "")).code(),
            StatusCode::kPermissionDenied);
  ASSERT_TRUE(service_->RecordEvent(leader_, id, events::Approved(d, 0, "")).ok());
  ApplicationDetail done = service_->Get(console_, id).value();
  EXPECT_EQ(done.pending_approval_step, "");
  ASSERT_TRUE(done.clock.conclusion.has_value());
  EXPECT_EQ(done.clock.conclusion->date, d);  // the 签发 date
  ASSERT_EQ(done.app.events.size(), 5u);
  EXPECT_EQ(done.app.events[3].party, "签发");
  EXPECT_EQ(done.app.events[3].actor, "leader");
  EXPECT_EQ(done.app.events[4].type, EventType::kDecided);
  EXPECT_EQ(DisclosedAndCarried(), std::make_pair(1, 0));
}

TEST_F(ApprovalServiceTest, ReturnedDraftGoesBackToTheClerk) {
  ApplicationId id = Register();
  Date d{2024, 10, 21};
  ASSERT_TRUE(service_->RecordEvent(clerk_, id, events::Drafted(d, {OutcomeRow::kDisclosed})).ok());
  EXPECT_EQ(service_->RecordEvent(legal_, id, events::Returned(d, 0, "", "")).UserMessage(),
            "请填写退回理由（必填）");
  ASSERT_TRUE(
      service_->RecordEvent(legal_, id, events::Returned(d, 0, "", "涉及第三方，应先征求意见"))
          .ok());
  ApplicationDetail back = service_->Get(clerk_, id).value();
  EXPECT_EQ(back.pending_approval_step, "");
  EXPECT_EQ(back.app.events.back().party, "法制审核");
  EXPECT_EQ(back.actions.front(), EventType::kDrafted);  // the clerk's next step
  ASSERT_TRUE(
      service_->RecordEvent(clerk_, id, events::Drafted(d, {OutcomeRow::kThirdPartyRights})).ok());
  EXPECT_EQ(Pending(id), "法制审核");
}

TEST_F(ApprovalServiceTest, ActionsFollowTheActorAndTheState) {
  ApplicationId id = Register();
  Date d{2024, 10, 21};
  auto actions = [&](const account::Actor& a) { return service_->Get(a, id).value().actions; };
  EXPECT_EQ(actions(clerk_),
            (std::vector<EventType>{EventType::kDrafted, EventType::kCorrectionRequested,
                                    EventType::kConsultationStarted, EventType::kExtensionApproved,
                                    EventType::kFeeNoticeSent, EventType::kWithdrawn}));
  EXPECT_EQ(actions(leader_), std::vector<EventType>{});
  ASSERT_TRUE(service_->RecordEvent(clerk_, id, events::Drafted(d, {OutcomeRow::kDisclosed})).ok());
  EXPECT_EQ(actions(clerk_),
            (std::vector<EventType>{EventType::kExtensionApproved, EventType::kWithdrawn}));
  EXPECT_EQ(actions(legal_),
            (std::vector<EventType>{EventType::kApproved, EventType::kReturned,
                                    EventType::kExtensionApproved, EventType::kWithdrawn}));
  EXPECT_EQ(actions(leader_), std::vector<EventType>{});
}

TEST_F(ApprovalServiceTest, NoneDecidesAtOnceAndTheConsoleRecordsPaperApprovals) {
  EXPECT_EQ(service_->SetDecisionChain(clerk_, agency_, "none").code(),
            StatusCode::kPermissionDenied);
  ApplicationId paper = Register();
  Event decided = events::Decided({2024, 10, 21}, {OutcomeRow::kDisclosed});
  EXPECT_EQ(service_->RecordPaperDecision(console_, paper, decided, "王经办", {{"签发", "刘局长"}})
                .UserMessage(),
            "审批人应按本机关审批链（拟办（依申请公开经办人） → 法制审核（法制审核） → "
            "签发（签发领导））逐步填写：法制审核=姓名,签发=姓名");
  EXPECT_EQ(service_
                ->RecordPaperDecision(console_, paper, decided, "李四",
                                      {{"法制审核", "李四"}, {"签发", "刘局长"}})
                .UserMessage(),
            "李四已办理本次审批的“拟办”，不能再办理“法制审核”（同一人不得办理两个审批步骤）");
  ASSERT_TRUE(service_
                  ->RecordPaperDecision(console_, paper, decided, "王经办",
                                        {{"法制审核", "李法制"}, {"签发", "刘局长"}})
                  .ok());
  auto ev = service_->Get(console_, paper).value().app.events;
  ASSERT_EQ(ev.size(), 5u);
  EXPECT_EQ(ev[1].type, EventType::kDrafted);
  EXPECT_EQ(ev[1].actor, "王经办");
  EXPECT_EQ(ev[2].actor, "李法制");
  EXPECT_EQ(ev[3].actor, "刘局长");
  EXPECT_EQ(ev[4].type, EventType::kDecided);
  // The console still records a decision as given (paper history, counted as approved).
  ApplicationId history = Register();
  ASSERT_TRUE(service_->RecordEvent(console_, history, decided).ok());
  EXPECT_EQ(DisclosedAndCarried(), std::make_pair(2, 0));

  ASSERT_TRUE(service_->SetDecisionChain(console_, agency_, "none").ok());
  EXPECT_TRUE(service_->DecisionChain(clerk_, agency_).value().empty());
  ApplicationId now = Register();
  EXPECT_EQ(
      service_->RecordEvent(clerk_, now, events::Drafted({2024, 10, 21}, {OutcomeRow::kDisclosed}))
          .UserMessage(),
      "本机关的答复不经审批，请直接记录“作出答复”");
  ASSERT_TRUE(service_->RecordEvent(clerk_, now, decided).ok());
  EXPECT_EQ(DisclosedAndCarried(), std::make_pair(3, 0));
}

TEST_F(ApprovalServiceTest, CorrectionRecountsTableThreeAndIsAudited) {
  ASSERT_TRUE(service_->SetDecisionChain(console_, agency_, "none").ok());
  ApplicationId a = Register(), b = Register();
  for (ApplicationId id : {a, b}) {
    ASSERT_TRUE(
        service_->RecordEvent(clerk_, id, events::Decided({2024, 10, 21}, {OutcomeRow::kDisclosed}))
            .ok());
  }
  auto cells = [&] {
    auto t = service_->CompileTables(console_, agency_, 2024).value().table3;
    return std::vector<int>{
        t.at(RowOf(OutcomeRow::kDisclosed), 0), t.at(RowOf(OutcomeRow::kThirdPartyRights), 0),
        t.at(RowOf(OutcomeRow::kDisclosed), kColumnTotal),
        t.at(RowOf(OutcomeRow::kThirdPartyRights), kColumnTotal), t.at(kRowTotal, kColumnTotal)};
  };
  EXPECT_EQ(cells(), (std::vector<int>{2, 0, 2, 0, 2}));
  Event fix = events::Corrected({2024, 10, 21}, "涉及第三方商业秘密，应为不予公开",
                                {OutcomeRow::kThirdPartyRights});
  ASSERT_TRUE(service_->RecordEvent(clerk_, b, fix).ok());
  EXPECT_EQ(cells(), (std::vector<int>{1, 1, 1, 1, 2}));
  auto ev = service_->Get(console_, b).value().app.events;
  ASSERT_EQ(ev.size(), 3u);
  EXPECT_EQ(ev[1].outcomes, std::vector{OutcomeRow::kDisclosed});  // the original kept
  EXPECT_EQ(ev[2].actor, "clerk");
  auto tx = store_->Begin(storage::TxMode::kRead).value();
  auto audit = tx->audit().List(5, 0).value();
  ASSERT_FALSE(audit.empty());
  EXPECT_EQ(audit.front().detail,
            "corrected 2024-10-21 结果 3.4 理由：涉及第三方商业秘密，应为不予公开");
}

// JSON lines carry the approval steps and the 更正 (with its corrected date); an import into
// another database counts the corrected decision as the history says, approved or not.
TEST_F(ApprovalServiceTest, JsonLinesKeepApprovalsAndCorrections) {
  ApplicationId id = Register();
  ASSERT_TRUE(service_
                  ->RecordPaperDecision(console_, id,
                                        events::Decided({2024, 10, 21}, {OutcomeRow::kDisclosed}),
                                        "王经办", {{"法制审核", "李法制"}, {"签发", "刘局长"}})
                  .ok());
  ASSERT_TRUE(service_
                  ->RecordEvent(console_, id,
                                events::Corrected({2024, 10, 21}, "日期录错",
                                                  {OutcomeRow::kNotHeld}, Date{2024, 10, 18}))
                  .ok());
  std::string text = service_->ExportJsonLines(console_, agency_).value();
  EXPECT_NE(text.find(R"("type":"approved")"), std::string::npos) << text;
  EXPECT_NE(text.find(R"("decision_date":"2024-10-18")"), std::string::npos) << text;

  auto other = storage::OpenStore("sqlite::memory:").value();
  ASSERT_TRUE(other->Migrate().ok());
  {
    auto tx = other->Begin(storage::TxMode::kWrite).value();
    agency::Agency a;
    a.name = "樟树市工业和信息化局";
    a.short_name = "樟工信";
    ASSERT_TRUE(tx->agencies().Insert(a).ok());
    ASSERT_TRUE(tx->Commit().ok());
  }
  ApplicationService imported(
      *other, clock_,
      std::make_shared<const calendar::WorkingDayCalendar>(calendar::LoadCalendar().value()));
  ASSERT_EQ(imported.ImportJsonLines(console_, text).value(), 1);
  auto t = imported.CompileTables(console_, 1, 2024).value().table3;
  EXPECT_EQ(t.at(RowOf(OutcomeRow::kNotHeld), kColumnTotal), 1);
  EXPECT_EQ(t.at(RowOf(OutcomeRow::kDisclosed), kColumnTotal), 0);
  ApplicationDetail d = imported.Get(console_, 1).value();
  EXPECT_EQ(d.clock.conclusion->date, (Date{2024, 10, 18}));
  EXPECT_EQ(d.app.events.size(), 6u);
}

}  // namespace
}  // namespace gongkai::services

#include "services/application_service.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>
#include <thread>

#include "applications/events.h"
#include "calendar/calendar_files.h"
#include "calendar/holiday_table.h"
#include "storage/sqlite/sqlite_store.h"
#include "test_util.h"

namespace gongkai::services {
namespace {

using namespace applications;  // NOLINT

// 2024-10-08 10:00 China time (02:00 UTC).
constexpr int64_t kOct8 = 1728352800;

std::shared_ptr<const calendar::WorkingDayCalendar> DefaultCalendar() {
  return std::make_shared<const calendar::WorkingDayCalendar>(calendar::LoadCalendar().value());
}

// The calendar of testing_util::kHolidays2100: only 2100 is covered.
std::shared_ptr<const calendar::WorkingDayCalendar> CalendarOf2100() {
  auto table = calendar::ParseHolidayTable(testing_util::kHolidays2100, "2100.tsv",
                                           calendar::TableRole::kNational);
  return std::make_shared<const calendar::WorkingDayCalendar>(
      calendar::WorkingDayCalendar::Create(table.value()).value());
}

class ApplicationServiceTest : public ::testing::Test {
 protected:
  void SetUp() override { Open("sqlite::memory:"); }

  void Open(const std::string& url) {
    store_ = storage::OpenStore(url).value();
    ASSERT_TRUE(store_->Migrate().ok());
    service_ = std::make_unique<ApplicationService>(*store_, clock_, DefaultCalendar());
    agency_ = AddAgency("樟树市工业和信息化局", "樟工信");
    other_ = AddAgency("樟树市教育局", "樟教");
  }

  agency::AgencyId AddAgency(const std::string& name, const std::string& short_name) {
    auto tx = store_->Begin(storage::TxMode::kWrite).value();
    agency::Agency a;
    a.name = name;
    a.short_name = short_name;
    auto id = tx->agencies().Insert(a).value();
    EXPECT_TRUE(tx->Commit().ok());
    return id;
  }

  ApplicationInput Input(std::string description = "请公开2023年樟树市工业园区企业名录。") {
    ApplicationInput in;
    in.agency_id = agency_;
    in.applicant_kind = ApplicantKind::kNaturalPerson;
    in.identity.number = "11010519491231002X";
    in.contact.name = "张三";
    in.contact.phone = "13800000000";
    in.description = std::move(description);
    return in;
  }

  SubmitResult RegisterOn(Date d, ApplicationInput in) {
    auto r = service_->Register(console_, std::move(in), {events::Submitted(d)});
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? *r : SubmitResult{};
  }
  SubmitResult RegisterOn(Date d) { return RegisterOn(d, Input()); }

  FakeClock clock_{kOct8};
  std::unique_ptr<storage::Store> store_;
  std::unique_ptr<ApplicationService> service_;
  agency::AgencyId agency_ = 0, other_ = 0;
  account::Actor console_ = account::Actor::Console();
};

TEST_F(ApplicationServiceTest, NumbersFollowThePatternAndRestartEachYear) {
  EXPECT_EQ(RegisterOn({2024, 12, 31}).number, "樟工信依申〔2024〕1号");
  EXPECT_EQ(RegisterOn({2024, 12, 31}).number, "樟工信依申〔2024〕2号");
  EXPECT_EQ(RegisterOn({2025, 1, 2}).number, "樟工信依申〔2025〕1号");
  ASSERT_TRUE(service_->SetNumberPattern(console_, agency_, "GK-{year}-{seq4}").ok());
  EXPECT_EQ(RegisterOn({2024, 12, 31}).number, "GK-2024-0003");
  EXPECT_EQ(service_->NumberPattern(console_, agency_).value(), "GK-{year}-{seq4}");
  Status bad = service_->SetNumberPattern(console_, agency_, "{简称}-{seq}");
  EXPECT_EQ(bad.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(service_->SetNumberPattern(console_, agency_, "{x}{year}{seq}").code(),
            StatusCode::kInvalidArgument);
}

TEST_F(ApplicationServiceTest, ConcurrentOnlineSubmissionsNeverShareOrSkipANumber) {
  Open("sqlite:" + testing_util::MakeTempDir() + "/apps.db");
  std::vector<std::string> numbers[8];
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 25; ++i) {
        auto r = service_->SubmitOnline(Input());
        if (r.ok()) numbers[t].push_back(r->number);
      }
    });
  }
  for (auto& th : threads) th.join();
  std::set<std::string> all;
  size_t total = 0;
  for (const auto& v : numbers) {
    total += v.size();
    all.insert(v.begin(), v.end());
  }
  EXPECT_EQ(total, 200u);
  EXPECT_EQ(all.size(), 200u);
  for (int seq = 1; seq <= 200; ++seq) {
    EXPECT_TRUE(all.count("樟工信依申〔2024〕" + std::to_string(seq) + "号")) << seq;
  }
}

TEST_F(ApplicationServiceTest, SubmitOnlineValidatesEveryFieldInChinese) {
  ApplicationInput in = Input();
  in.description = std::string(5001, 'a');
  Status s = service_->SubmitOnline(in).status();
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(s.UserMessage(), "所需信息的内容描述过长（最多 5000 个字）");
  in = Input();
  in.contact.name = "张\xff三";
  EXPECT_EQ(service_->SubmitOnline(in).status().UserMessage(),
            "申请人姓名含有无效字符（须为 UTF-8 文本，不含控制字符）");
  in = Input();
  in.identity.number = "110105194912310021";
  EXPECT_EQ(service_->SubmitOnline(in).status().code(), StatusCode::kInvalidArgument);
}

TEST_F(ApplicationServiceTest, PublicStatusShowsNothingAboutTheApplicant) {
  auto r = service_->SubmitOnline(Input()).value();
  ASSERT_EQ(r.lookup_code.size(), 19u);  // XXXX-XXXX-XXXX-XXXX
  std::string typed = r.lookup_code;
  std::erase(typed, '-');
  for (char& c : typed) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  auto v = service_->PublicStatus(typed).value();
  EXPECT_EQ(v.number, "樟工信依申〔2024〕1号");
  EXPECT_EQ(v.agency_name, "樟树市工业和信息化局");
  EXPECT_EQ(v.received, (Date{2024, 10, 8}));
  EXPECT_EQ(v.status_label, "办理中");
  EXPECT_EQ(v.due, (Date{2024, 11, 4}));
  EXPECT_EQ(v.working_days_left, 20);
  EXPECT_FALSE(v.decided.has_value());
  Status unknown = service_->PublicStatus("0000-0000-0000-0000").status();
  Status malformed = service_->PublicStatus("hello").status();
  EXPECT_EQ(unknown.code(), StatusCode::kNotFound);
  EXPECT_EQ(unknown.UserMessage(), malformed.UserMessage());
}

TEST_F(ApplicationServiceTest, RefusalsOnAnotherAgencyAreAudited) {
  account::Actor clerk;
  clerk.user_id = 7;
  clerk.name = "edu_clerk";
  clerk.grants = {{account::Role::kApplicationClerk, other_}};
  Status s = service_->Register(clerk, Input(), {events::Submitted({2024, 10, 8})}).status();
  EXPECT_EQ(s.code(), StatusCode::kPermissionDenied);
  auto id = RegisterOn({2024, 10, 8}).id;
  EXPECT_EQ(service_->Get(clerk, id).status().code(), StatusCode::kPermissionDenied);
  auto tx = store_->Begin(storage::TxMode::kRead).value();
  auto log = tx->audit().List(10, 0).value();
  ASSERT_GE(log.size(), 3u);
  EXPECT_EQ(log[0].action, "application_view");
  EXPECT_EQ(log[0].outcome, "denied");
  EXPECT_EQ(log[0].actor, "edu_clerk");
  EXPECT_EQ(log[2].action, "application_register");
  EXPECT_EQ(log[2].outcome, "denied");
  EXPECT_EQ(log[2].target, "agency:" + std::to_string(agency_));
}

TEST_F(ApplicationServiceTest, OutOfOrderEventIsRefusedAndNothingAppended) {
  auto id = RegisterOn({2024, 10, 8}).id;
  Status s = service_->RecordEvent(console_, id, events::FeePaid({2024, 10, 9}));
  EXPECT_EQ(s.code(), StatusCode::kFailedPrecondition);
  EXPECT_FALSE(s.UserMessage().empty());
  EXPECT_EQ(service_->Get(console_, id).value().app.events.size(), 1u);
  ASSERT_TRUE(
      service_->RecordEvent(console_, id, events::Decided({2024, 10, 20}, {OutcomeRow::kDisclosed}))
          .ok());
  auto d = service_->Get(console_, id).value();
  ASSERT_EQ(d.app.events.size(), 2u);
  EXPECT_EQ(d.app.events[1].actor, "cli");
  EXPECT_EQ(d.clock.status, ApplicationStatus::kInProgress);  // today (10-08) is before the answer
  EXPECT_EQ(service_->ClockOf(console_, id, {2024, 10, 20}).value().status,
            ApplicationStatus::kConcluded);
}

// The probe's F2: an event whose clock cannot be computed (here: received Wed 2100-12-01, due
// 2100-12-29; 5 more working days run into 2101, which the calendar lacks) is refused with the
// clock's error, inside the transaction, and nothing is stored — the application still opens
// and can be decided. The same for an application whose first events already leave 2100.
TEST_F(ApplicationServiceTest, EventWhoseClockCannotBeComputedIsNotStored) {
  clock_.Set(testing_util::kDec2Of2100);
  service_->SetCalendar(CalendarOf2100());
  auto id = RegisterOn({2100, 12, 1}).id;
  ASSERT_NE(id, 0);
  EXPECT_EQ(service_->Get(console_, id).value().clock.due, (Date{2100, 12, 29}));
  const std::string refused_message =
      "无法计算答复期限，未予记录：工作日历未包含2101年的节假日安排（已覆盖2100年，可预计2008–2100年）";
  Status s =
      service_->RecordEvent(console_, id, events::ExtensionApproved({2100, 12, 2}, 5, "局长"));
  EXPECT_EQ(s.code(), StatusCode::kOutOfRange);
  EXPECT_EQ(s.UserMessage(), refused_message);
  {
    auto tx = store_->Begin(storage::TxMode::kRead).value();
    EXPECT_EQ(tx->applications().Get(id).value().events.size(), 1u);
    auto snaps = tx->application_meta().DueSnapshots().value();
    ASSERT_EQ(snaps.size(), 1u);
    EXPECT_EQ(snaps[0].due, (Date{2100, 12, 29}));
  }
  auto d = service_->Get(console_, id);
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  EXPECT_EQ(d->app.events.size(), 1u);
  ASSERT_TRUE(
      service_->RecordEvent(console_, id, events::Decided({2100, 12, 2}, {OutcomeRow::kDisclosed}))
          .ok());
  EXPECT_EQ(service_->Get(console_, id).value().clock.status, ApplicationStatus::kConcluded);

  // Received Mon 2100-12-20: 20 working days end in 2101. Nothing is inserted, no number used.
  auto late = service_->Register(console_, Input(), {events::Submitted({2100, 12, 20})});
  EXPECT_EQ(late.status().code(), StatusCode::kOutOfRange);
  EXPECT_EQ(late.status().UserMessage(), refused_message);
  EXPECT_EQ(service_->List(console_, agency_).value().size(), 1u);
  EXPECT_EQ(service_->SubmitOnline(Input()).status().code(), StatusCode::kOk);  // today: 12-02
  EXPECT_EQ(RegisterOn({2100, 12, 2}).number, "樟工信依申〔2100〕3号");

  // A JSON-lines record whose events leave 2100 is refused, naming the line; nothing imported.
  std::string line = service_->ExportJsonLines(console_, agency_).value();
  line = line.substr(0, line.find('\n'));
  auto j = nlohmann::json::parse(line);
  j["number"] = "樟工信依申〔2100〕99号";
  j["events"] = nlohmann::json::array({j["events"][0], j["events"][0]});
  j["events"][1]["type"] = "extension_approved";
  j["events"][1]["date"] = "2100-12-02";
  j["events"][1]["days"] = 5;
  j["events"][1]["party"] = "局长";
  Status imported = service_->ImportJsonLines(console_, j.dump() + "\n").status();
  EXPECT_EQ(imported.code(), StatusCode::kOutOfRange);
  EXPECT_EQ(imported.UserMessage(), "第1行：" + refused_message);
  EXPECT_EQ(service_->List(console_, agency_).value().size(), 3u);
}

TEST_F(ApplicationServiceTest, DuplicatesAndMonthlyCounts) {
  EXPECT_DOUBLE_EQ(DescriptionSimilarity("abcd", "ABCE"), 2.0 * 2 / 6);
  EXPECT_DOUBLE_EQ(DescriptionSimilarity("请公开，名录。", "请公开名录"), 1.0);
  auto first = RegisterOn({2024, 10, 8});
  auto second = RegisterOn({2024, 10, 9}, Input("请公开 2023 年樟树市工业园区企业名录"));
  RegisterOn({2024, 11, 1}, Input("请公开樟树市2024年财政预算执行情况"));
  ApplicationInput stranger = Input();
  stranger.identity.number = "110101199003074514";
  stranger.contact.name = "李四";
  RegisterOn({2024, 10, 10}, stranger);
  auto dups = service_->Duplicates(console_, first.id).value();
  ASSERT_EQ(dups.size(), 1u);
  EXPECT_EQ(dups[0].number, second.number);
  EXPECT_DOUBLE_EQ(dups[0].similarity, 1.0);
  EXPECT_EQ(service_->MonthlyCount(console_, agency_, "11010519491231002x", {2024, 10, 1}).value(),
            2);
  EXPECT_EQ(service_->MonthlyCount(console_, agency_, "11010519491231002X", {2024, 11, 30}).value(),
            1);
}

TEST_F(ApplicationServiceTest, RecomputeListsADueDateMovedByANewHoliday) {
  auto id = RegisterOn({2024, 10, 8}).id;
  EXPECT_EQ(service_->ClockOf(console_, id, {2024, 10, 8}).value().due, (Date{2024, 11, 4}));
  EXPECT_TRUE(service_->RecomputeDueDates(console_).value().empty());
  auto national = calendar::ParseHolidayTable(
                      calendar::ReadTextFile(calendar::DefaultHolidayFilePath()).value(), "n",
                      calendar::TableRole::kNational)
                      .value();
  auto extra = calendar::ParseHolidayTable("date\tkind\tname\n2024-10-30\tholiday\t地方假日\n", "o",
                                           calendar::TableRole::kOverride)
                   .value();
  service_->SetCalendar(std::make_shared<const calendar::WorkingDayCalendar>(
      calendar::WorkingDayCalendar::Create(national, &extra).value()));
  auto moved = service_->RecomputeDueDates(console_).value();
  ASSERT_EQ(moved.size(), 1u);
  EXPECT_EQ(moved[0].number, "樟工信依申〔2024〕1号");
  EXPECT_EQ(moved[0].before, (Date{2024, 11, 4}));
  EXPECT_EQ(moved[0].after, (Date{2024, 11, 5}));
  EXPECT_TRUE(service_->RecomputeDueDates(console_).value().empty());  // snapshot stored
}

TEST_F(ApplicationServiceTest, CorrectedCaseFlagsTheApplication) {
  auto id = RegisterOn({2024, 10, 8}).id;
  Case c;
  c.application_id = id;
  c.filed = {2024, 11, 1};
  EXPECT_EQ(service_->AddCase(console_, c).status().code(), StatusCode::kFailedPrecondition);
  ASSERT_TRUE(
      service_->RecordEvent(console_, id, events::Decided({2024, 10, 20}, {OutcomeRow::kNotHeld}))
          .ok());
  auto case_id = service_->AddCase(console_, c).value();
  EXPECT_FALSE(service_->Get(console_, id).value().app.decision_corrected);
  c.id = case_id;
  c.result = CaseResult::kCorrected;
  c.decided_on = Date{2024, 12, 20};
  ASSERT_TRUE(service_->UpdateCase(console_, c).ok());
  EXPECT_TRUE(service_->Get(console_, id).value().app.decision_corrected);
  auto t = service_->CompileTables(console_, agency_, 2024).value();
  EXPECT_EQ(t.table3.at(kRowNew, kColumnTotal), 1);
  EXPECT_EQ(t.table3.at(RowOf(OutcomeRow::kNotHeld), ColumnOf(ApplicantKind::kNaturalPerson)), 1);
  EXPECT_EQ(t.table4.at(1), 1);  // 行政复议 · 结果纠正
  EXPECT_EQ(t.report.table3[kRowNew][kColumnTotal], 1);
  EXPECT_EQ(t.report.agency, "樟树市工业和信息化局");
}

TEST_F(ApplicationServiceTest, JsonLinesRoundTripIsByteIdentical) {
  auto id = RegisterOn({2024, 10, 8}).id;
  ASSERT_TRUE(
      service_->RecordEvent(console_, id, events::Decided({2024, 10, 20}, {OutcomeRow::kDisclosed}))
          .ok());
  ASSERT_TRUE(
      service_->RecordFiling(console_, id, {{2024, 10, 21}, "樟树市人民政府办公室", ""}).ok());
  Case c;
  c.application_id = id;
  c.filed = {2024, 11, 1};
  ASSERT_TRUE(service_->AddCase(console_, c).ok());
  RegisterOn({2024, 10, 9});
  std::string exported = service_->ExportJsonLines(console_, agency_).value();
  ASSERT_EQ(std::count(exported.begin(), exported.end(), '\n'), 2);

  FakeClock clock2{kOct8};
  auto store2 = storage::OpenStore("sqlite::memory:").value();
  ASSERT_TRUE(store2->Migrate().ok());
  ApplicationService second(*store2, clock2, DefaultCalendar());
  {
    auto tx = store2->Begin(storage::TxMode::kWrite).value();
    agency::Agency a;
    a.name = "樟树市工业和信息化局";
    a.short_name = "樟工信";
    ASSERT_TRUE(tx->agencies().Insert(a).ok());
    ASSERT_TRUE(tx->Commit().ok());
  }
  std::string bad = exported.substr(0, exported.find('\n') + 1) + "{\"schema\":1}\n";
  Status refused = second.ImportJsonLines(console_, bad).status();
  EXPECT_EQ(refused.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(refused.UserMessage().rfind("第2行：", 0), 0u) << refused.UserMessage();
  EXPECT_EQ(refused.UserMessage().find("：："), std::string::npos) << refused.UserMessage();
  EXPECT_EQ(second.ExportJsonLines(console_, 1).value(), "");  // all or nothing
  EXPECT_EQ(second.ImportJsonLines(console_, exported).value(), 2);
  EXPECT_EQ(second.ExportJsonLines(console_, 1).value(), exported);
}

// As of a past day the application is what its events up to that day make it: later events,
// cases and 报备 are left out, and an application submitted later does not exist yet.
TEST_F(ApplicationServiceTest, AsOfADayShowsOnlyWhatHadHappened) {
  auto id = RegisterOn({2024, 10, 8}).id;
  ASSERT_TRUE(
      service_->RecordEvent(console_, id, events::Decided({2024, 10, 25}, {OutcomeRow::kNotHeld}))
          .ok());
  Case c;
  c.application_id = id;
  c.filed = {2024, 11, 1};
  c.result = CaseResult::kCorrected;
  c.decided_on = Date{2024, 12, 20};
  ASSERT_TRUE(service_->AddCase(console_, c).ok());
  ASSERT_TRUE(
      service_->RecordFiling(console_, id, {{2024, 10, 28}, "樟树市人民政府办公室", ""}).ok());

  ApplicationDetail before = service_->GetAsOf(console_, id, {2024, 10, 20}).value();
  ASSERT_EQ(before.app.events.size(), 1u);
  EXPECT_EQ(before.later_events, 1);
  EXPECT_EQ(before.clock.status, ApplicationStatus::kInProgress);
  EXPECT_TRUE(before.cases.empty());
  EXPECT_FALSE(before.filing.has_value());
  EXPECT_FALSE(before.app.decision_corrected);
  // The case filed, not yet decided.
  ApplicationDetail filed = service_->GetAsOf(console_, id, {2024, 12, 1}).value();
  ASSERT_EQ(filed.cases.size(), 1u);
  EXPECT_EQ(filed.cases[0].result, CaseResult::kPending);
  EXPECT_FALSE(filed.cases[0].decided_on.has_value());
  EXPECT_FALSE(filed.app.decision_corrected);
  EXPECT_TRUE(filed.filing.has_value());
  EXPECT_EQ(filed.later_events, 0);
  EXPECT_TRUE(service_->GetAsOf(console_, id, {2024, 12, 20}).value().app.decision_corrected);

  auto not_yet = service_->GetAsOf(console_, id, {2024, 10, 7});
  EXPECT_EQ(not_yet.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(not_yet.status().UserMessage(), "截至2024-10-07尚无此申请（2024-10-08提交）");
  EXPECT_EQ(service_->ClockOf(console_, id, {2024, 10, 7}).status().code(), StatusCode::kNotFound);
}

TEST_F(ApplicationServiceTest, QueueAsOfLeavesOutLaterApplicationsAndOrdersNumbersNumerically) {
  for (int i = 0; i < 10; ++i) RegisterOn({2024, 10, 8});  // 1号 … 10号, all due 2024-11-04
  auto later = RegisterOn({2024, 10, 14});                 // 11号
  ASSERT_TRUE(
      service_->RecordEvent(console_, 1, events::Decided({2024, 10, 25}, {OutcomeRow::kNotHeld}))
          .ok());
  Queue q = service_->QueueOf(console_, agency_, {2024, 10, 10}).value();
  std::vector<std::string> numbers;
  for (const auto& s : q.other_open) numbers.push_back(s.number);
  ASSERT_EQ(numbers.size(), 10u);  // 1号 still open then; 11号 not yet submitted
  EXPECT_EQ(numbers[0], "樟工信依申〔2024〕1号");
  EXPECT_EQ(numbers[1], "樟工信依申〔2024〕2号");
  EXPECT_EQ(numbers[9], "樟工信依申〔2024〕10号");
  Queue now = service_->QueueOf(console_, agency_, {2024, 10, 14}).value();
  ASSERT_EQ(now.other_open.size(), 11u);  // 1号 decided only on 10-25; 11号 submitted
  EXPECT_EQ(now.other_open.back().number, later.number);
}

// The queue and the list carry the expired waits of the clock.
TEST_F(ApplicationServiceTest, SummariesCarryExpiredWaits) {
  auto id = RegisterOn({2024, 6, 3}).id;
  ASSERT_TRUE(service_
                  ->RecordEvent(console_, id,
                                events::FeeNoticeSent({2024, 6, 5}, 20000, FeeMethod::kPerVolume))
                  .ok());
  Queue q = service_->QueueOf(console_, agency_, {2024, 7, 5}).value();
  ASSERT_EQ(q.awaiting_fee.size(), 1u);
  ASSERT_EQ(q.awaiting_fee[0].expired.size(), 1u);
  EXPECT_EQ(q.awaiting_fee[0].expired[0].kind, WaitKind::kFee);
  EXPECT_EQ(q.awaiting_fee[0].expired[0].deadline, (Date{2024, 7, 4}));
  EXPECT_TRUE(
      service_->QueueOf(console_, agency_, {2024, 7, 4}).value().awaiting_fee[0].expired.empty());
}

}  // namespace
}  // namespace gongkai::services

// One contract suite for every Store implementation (STYLE.md §3.5): runs on
// SQLite in memory and on an SQLite file; PostgreSQL joins when it exists.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "storage/store.h"
#include "test_util.h"

namespace gongkai::storage {
namespace {

class StoreContractTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    std::string url = GetParam();
    if (url == "file") url = "sqlite:" + testing_util::MakeTempDir() + "/sub/gongkai.db";
    auto s = OpenStore(url);
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    store_ = std::move(s).value();
    auto m = store_->Migrate();
    ASSERT_TRUE(m.ok()) << m.status().ToString();
  }

  agency::Agency MakeAgency(const std::string& name, std::optional<agency::AgencyId> parent) {
    agency::Agency a;
    a.name = name;
    a.parent_id = parent;
    a.kind = parent ? agency::AgencyKind::kDepartment : agency::AgencyKind::kGovernment;
    a.created_at = a.updated_at = 1700000000;
    return a;
  }

  std::unique_ptr<Store> store_;
};

TEST_P(StoreContractTest, MigratesOnceAndRecordsTheVersion) {
  EXPECT_EQ(store_->SchemaVersion().value(), store_->LatestSchemaVersion());
  EXPECT_GE(store_->LatestSchemaVersion(), 1);
  auto again = store_->Migrate();
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(again->empty());
}

TEST_P(StoreContractTest, StoresAgenciesAsATree) {
  agency::AgencyId city, bureau, other;
  {
    auto tx = store_->Begin(TxMode::kWrite).value();
    city = tx->agencies().Insert(MakeAgency("樟树市人民政府", std::nullopt)).value();
    auto a = MakeAgency("樟树市工业和信息化局", city);
    a.credit_code = "11341702486344515H";
    a.phone = "0795-7333621";
    bureau = tx->agencies().Insert(a).value();
    other = tx->agencies().Insert(MakeAgency("新余市人民政府", std::nullopt)).value();
    ASSERT_TRUE(tx->Commit().ok());
  }

  auto read = store_->Begin(TxMode::kRead).value();
  auto list = read->agencies().List().value();
  ASSERT_EQ(list.size(), 3u);
  EXPECT_EQ(list[0].id, city);
  EXPECT_EQ(list[1].id, bureau);  // child right after its parent
  EXPECT_EQ(list[2].id, other);
  auto got = read->agencies().Get(bureau).value();
  EXPECT_EQ(got.name, "樟树市工业和信息化局");
  EXPECT_EQ(got.parent_id, city);
  EXPECT_EQ(got.credit_code, "11341702486344515H");
  EXPECT_EQ(got.phone, "0795-7333621");
  EXPECT_EQ(read->agencies().Get(999).status().code(), StatusCode::kNotFound);
}

TEST_P(StoreContractTest, RejectsDuplicateNamesAndMissingParents) {
  auto tx = store_->Begin(TxMode::kWrite).value();
  ASSERT_TRUE(tx->agencies().Insert(MakeAgency("甲县人民政府", std::nullopt)).ok());
  auto dup = tx->agencies().Insert(MakeAgency("甲县人民政府", std::nullopt));
  EXPECT_EQ(dup.status().code(), StatusCode::kAlreadyExists);
  auto orphan = tx->agencies().Insert(MakeAgency("乙局", 4242));
  EXPECT_EQ(orphan.status().code(), StatusCode::kFailedPrecondition);
}

TEST_P(StoreContractTest, RollsBackWithoutCommit) {
  {
    auto tx = store_->Begin(TxMode::kWrite).value();
    ASSERT_TRUE(tx->agencies().Insert(MakeAgency("未提交的机构", std::nullopt)).ok());
  }
  auto tx = store_->Begin(TxMode::kRead).value();
  EXPECT_TRUE(tx->agencies().List().value().empty());
}

TEST_P(StoreContractTest, StoresUsersWithGrants) {
  agency::AgencyId gov;
  account::UserId id;
  {
    auto tx = store_->Begin(TxMode::kWrite).value();
    gov = tx->agencies().Insert(MakeAgency("丙市人民政府", std::nullopt)).value();
    account::User u;
    u.username = "zhangsan";
    u.display_name = "张三";
    u.password_hash = "$argon2id$x";
    u.grants = {{account::Role::kAgencyAdmin, gov}, {account::Role::kSystemAdmin, std::nullopt}};
    id = tx->users().Insert(u).value();
    EXPECT_EQ(tx->users().Insert(u).status().code(), StatusCode::kAlreadyExists);
    ASSERT_TRUE(tx->Commit().ok());
  }

  auto r = store_->Begin(TxMode::kWrite).value();
  auto got = r->users().GetByUsername("zhangsan").value();
  EXPECT_EQ(got.id, id);
  EXPECT_EQ(got.display_name, "张三");
  ASSERT_EQ(got.grants.size(), 2u);
  EXPECT_EQ(got.grants[0].role, account::Role::kSystemAdmin);
  EXPECT_EQ(got.grants[1].role, account::Role::kAgencyAdmin);
  EXPECT_EQ(got.grants[1].agency_id, gov);
  ASSERT_TRUE(r->users().SetGrants(id, {{account::Role::kEditor, gov}}, 5).ok());
  ASSERT_TRUE(r->users().UpdatePassword(id, "$argon2id$y", true, 6).ok());
  got = r->users().Get(id).value();
  ASSERT_EQ(got.grants.size(), 1u);
  EXPECT_EQ(got.grants[0].role, account::Role::kEditor);
  EXPECT_EQ(got.password_hash, "$argon2id$y");
  EXPECT_TRUE(got.must_change_password);
  EXPECT_EQ(r->users().UpdatePassword(77, "x", false, 1).code(), StatusCode::kNotFound);
}

TEST_P(StoreContractTest, SessionsThrottleAndAudit) {
  auto tx = store_->Begin(TxMode::kWrite).value();
  account::User u;
  u.username = "lisi";
  u.password_hash = "h";
  auto uid = tx->users().Insert(u).value();
  account::Session s{"hash1", uid, "csrf1", 100, 200, 100, "127.0.0.1"};
  ASSERT_TRUE(tx->sessions().Insert(s).ok());
  EXPECT_EQ(tx->sessions().Get("hash1").value().csrf_token, "csrf1");
  ASSERT_TRUE(tx->sessions().DeleteExpired(200).ok());
  EXPECT_EQ(tx->sessions().Get("hash1").status().code(), StatusCode::kNotFound);

  ASSERT_TRUE(tx->login_throttle().RecordFailure("user:lisi", 10).ok());
  ASSERT_TRUE(tx->login_throttle().RecordFailure("user:lisi", 20).ok());
  EXPECT_EQ(tx->login_throttle().CountFailuresSince("user:lisi", 15).value(), 1);
  EXPECT_EQ(tx->login_throttle().CountFailuresSince("user:lisi", 0).value(), 2);
  ASSERT_TRUE(tx->login_throttle().Clear("user:lisi").ok());
  EXPECT_EQ(tx->login_throttle().CountFailuresSince("user:lisi", 0).value(), 0);

  account::AuditEvent e;
  e.at = 5;
  e.actor = "lisi";
  e.action = "login";
  e.outcome = "ok";
  ASSERT_TRUE(tx->audit().Append(e).ok());
  e.action = "logout";
  ASSERT_TRUE(tx->audit().Append(e).ok());
  auto log = tx->audit().List(10, 0).value();
  ASSERT_EQ(log.size(), 2u);
  EXPECT_EQ(log[0].action, "logout");
  EXPECT_EQ(tx->audit().List(10, log[0].id).value().size(), 1u);

  EXPECT_EQ(tx->site().PublicGeneration().value(), 1);
  ASSERT_TRUE(tx->site().BumpPublicGeneration().ok());
  EXPECT_EQ(tx->site().PublicGeneration().value(), 2);
  ASSERT_TRUE(tx->Commit().ok());
}

TEST_P(StoreContractTest, AuditEventsKnowTheirAgenciesAndFilter) {
  auto tx = store_->Begin(TxMode::kWrite).value();
  auto city = tx->agencies().Insert(MakeAgency("樟树市人民政府", std::nullopt)).value();
  auto bureau = tx->agencies().Insert(MakeAgency("樟树市工业和信息化局", city)).value();
  account::User u;
  u.username = "clerk";
  u.password_hash = "h";
  u.grants = {{account::Role::kApplicationClerk, bureau}, {account::Role::kReadOnly, city}};
  ASSERT_TRUE(tx->users().Insert(u).ok());
  auto add = [&](const std::string& actor, const std::string& action, const std::string& target,
                 int64_t at, std::vector<int64_t> agencies = {}) {
    account::AuditEvent e;
    e.at = at;
    e.actor = actor;
    e.action = action;
    e.target = target;
    e.outcome = "ok";
    e.agency_ids = std::move(agencies);
    return tx->audit().Append(e).value();
  };
  add("clerk", "login", "user:clerk", 100);  // → the user's two agencies
  add("admin", "agency_update", "agency:" + std::to_string(bureau), 200);  // → the bureau
  add("admin", "calendar_notice_import", "calendar", 300);                 // → none
  add("admin", "role_revoke", "user:nobody", 400, {city});                 // named explicitly
  add("ghost", "login_failed", "user:ghost", 500);                         // an unknown user: none

  AuditQuery all;
  auto page = tx->audit().Query(all).value();
  EXPECT_EQ(page.total, 5);
  ASSERT_EQ(page.events.size(), 5u);
  EXPECT_EQ(page.events[4].agency_ids, (std::vector<int64_t>{city, bureau}));
  EXPECT_EQ(page.events[3].agency_ids, (std::vector<int64_t>{bureau}));
  EXPECT_TRUE(page.events[2].agency_ids.empty());

  AuditQuery mine;
  mine.agencies = std::vector<agency::AgencyId>{bureau};
  EXPECT_EQ(tx->audit().Query(mine).value().total, 2);  // the login and the agency update
  mine.agencies = std::vector<agency::AgencyId>{};
  EXPECT_EQ(tx->audit().Query(mine).value().total, 0);
  AuditQuery by;
  by.actor = "admin";
  by.from = 200;
  by.until = 400;  // at < until
  by.limit = 1;
  page = tx->audit().Query(by).value();
  EXPECT_EQ(page.total, 2);
  ASSERT_EQ(page.events.size(), 1u);
  EXPECT_EQ(page.events[0].action, "calendar_notice_import");
  by.offset = 1;
  EXPECT_EQ(tx->audit().Query(by).value().events[0].action, "agency_update");
  AuditQuery what;
  what.action = "login";
  EXPECT_EQ(tx->audit().Query(what).value().total, 1);
  ASSERT_TRUE(tx->Commit().ok());
}

TEST_P(StoreContractTest, StoresApplicationsWithAppendOnlyEvents) {
  using namespace applications;  // NOLINT
  auto tx = store_->Begin(TxMode::kWrite).value();
  agency::AgencyId bureau =
      tx->agencies().Insert(MakeAgency("樟树市工业和信息化局", std::nullopt)).value();
  Application a;
  a.agency_id = bureau;
  a.number = "樟工信依申〔2024〕3号";
  a.channel = Channel::kOrdinaryLetter;
  a.applicant_kind = ApplicantKind::kLegalServiceOrg;
  a.identity = {IdentityDocument::kCreditCode, "91350100M000100Y43"};
  a.contact.name = "某律师事务所";
  a.contact.contact_person = "王五";
  a.description = "2024年工业园区企业名录";
  a.carrier = Carrier::kDisc;
  a.delivery = Delivery::kExpress;
  Event submitted;
  submitted.type = EventType::kSubmitted;
  submitted.date = {2024, 9, 28};
  a.events.push_back(submitted);
  ApplicationId id = tx->applications().Insert(a).value();

  Event confirmed;
  confirmed.type = EventType::kConfirmed;
  confirmed.date = {2024, 9, 29};
  confirmed.actor = "clerk";
  ASSERT_TRUE(tx->applications().AppendEvent(id, 1, confirmed).ok());
  // A writer that saw one event only is refused: another append came first.
  EXPECT_EQ(tx->applications().AppendEvent(id, 1, confirmed).code(),
            StatusCode::kFailedPrecondition);
  EXPECT_EQ(tx->applications().AppendEvent(999, 0, confirmed).code(), StatusCode::kNotFound);
  Event decided;
  decided.type = EventType::kDecided;
  decided.date = {2024, 10, 30};
  decided.outcomes = {OutcomeRow::kDisclosed, OutcomeRow::kThirdPartyRights};
  ASSERT_TRUE(tx->applications().AppendEvent(id, 2, decided).ok());

  Application got = tx->applications().Get(id).value();
  EXPECT_EQ(got.number, a.number);
  EXPECT_EQ(got.channel, Channel::kOrdinaryLetter);
  EXPECT_EQ(got.applicant_kind, ApplicantKind::kLegalServiceOrg);
  EXPECT_EQ(got.identity.document, IdentityDocument::kCreditCode);
  EXPECT_EQ(got.contact.contact_person, "王五");
  EXPECT_EQ(got.carrier, Carrier::kDisc);
  EXPECT_EQ(got.delivery, Delivery::kExpress);
  ASSERT_EQ(got.events.size(), 3u);
  EXPECT_EQ(got.events[1].date, (Date{2024, 9, 29}));
  EXPECT_EQ(got.events[1].actor, "clerk");
  EXPECT_EQ(got.events[2].outcomes, decided.outcomes);
  EXPECT_EQ(ReceiptDate(got.channel, got.events), (Date{2024, 9, 29}));

  // Numbers are unique per agency.
  Application dup = a;
  EXPECT_EQ(tx->applications().Insert(dup).status().code(), StatusCode::kAlreadyExists);
  dup.number = "";
  EXPECT_TRUE(tx->applications().Insert(dup).ok());
  EXPECT_EQ(tx->applications().ListByAgency(bureau).value().size(), 2u);
  EXPECT_EQ(tx->applications().Get(12345).status().code(), StatusCode::kNotFound);

  Case c;
  c.application_id = id;
  c.agency_id = bureau;
  c.kind = CaseKind::kLitigationAfterReconsideration;
  c.filed = {2024, 11, 5};
  c.id = tx->applications().InsertCase(c).value();
  c.result = CaseResult::kCorrected;
  c.decided_on = Date{2025, 1, 20};
  ASSERT_TRUE(tx->applications().UpdateCase(c).ok());
  ASSERT_TRUE(tx->applications().SetDecisionCorrected(id, true).ok());
  auto cases = tx->applications().ListCases(bureau).value();
  ASSERT_EQ(cases.size(), 1u);
  EXPECT_EQ(cases[0].kind, CaseKind::kLitigationAfterReconsideration);
  EXPECT_EQ(cases[0].result, CaseResult::kCorrected);
  EXPECT_EQ(cases[0].decided_on, (Date{2025, 1, 20}));
  EXPECT_TRUE(tx->applications().Get(id)->decision_corrected);
  ASSERT_TRUE(tx->Commit().ok());
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreContractTest, ::testing::Values("sqlite::memory:", "file"),
                         [](const auto& info) {
                           return std::string(info.param == "file" ? "SqliteFile" : "SqliteMemory");
                         });

// SQLite-specific guarantees (raw-SQL checks are in sqlite/sqlite_store_test.cc).
TEST(SqliteStoreTest, BackupIsAConsistentCopyAndNeverOverwrites) {
  std::string dir = testing_util::MakeTempDir();
  auto store = OpenStore("sqlite:" + dir + "/live.db").value();
  ASSERT_TRUE(store->Migrate().ok());
  {
    auto tx = store->Begin(TxMode::kWrite).value();
    agency::Agency a;
    a.name = "备份测试局";
    a.kind = agency::AgencyKind::kDepartment;
    ASSERT_TRUE(tx->agencies().Insert(a).ok());
    ASSERT_TRUE(tx->Commit().ok());
  }
  ASSERT_TRUE(store->Backup(dir + "/copy.db").ok());
  EXPECT_EQ(store->Backup(dir + "/copy.db").code(), StatusCode::kAlreadyExists);
  auto copy = OpenStore("sqlite:" + dir + "/copy.db").value();
  EXPECT_EQ(copy->SchemaVersion().value(), store->LatestSchemaVersion());
  auto tx = copy->Begin(TxMode::kRead).value();
  ASSERT_EQ(tx->agencies().List().value().size(), 1u);
  EXPECT_EQ(tx->agencies().List().value()[0].name, "备份测试局");
}

TEST(SqliteStoreTest, ConcurrentWritersAllCommit) {
  std::string dir = testing_util::MakeTempDir();
  auto store = OpenStore("sqlite:" + dir + "/c.db").value();
  ASSERT_TRUE(store->Migrate().ok());
  std::vector<std::thread> threads;
  std::atomic<int> ok{0};
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 25; ++i) {
        auto tx = store->Begin(TxMode::kWrite);
        if (!tx.ok()) continue;
        agency::Agency a;
        a.name = "并发机构" + std::to_string(t) + "-" + std::to_string(i);
        if ((*tx)->agencies().Insert(a).ok() && (*tx)->Commit().ok()) ++ok;
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(ok.load(), 100);
  auto tx = store->Begin(TxMode::kRead).value();
  EXPECT_EQ(tx->agencies().List().value().size(), 100u);
}

TEST(SqliteStoreTest, UnknownSchemeIsAClearError) {
  auto s = OpenStore("mysql://localhost/x");
  EXPECT_EQ(s.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(s.status().UserMessage(),
            "不支持的数据库地址“mysql://localhost/x”（本版本支持 sqlite:路径）");
}

}  // namespace
}  // namespace gongkai::storage

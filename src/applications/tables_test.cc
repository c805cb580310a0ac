// A ledger over 2022–2024 for one agency, with tables 三 and 四 computed by hand below.
//
// id kind      receipt (Art. 31)                 concluded                   row
//  1 自然人    2023-03-01 当面                    2023-03-20 decided          （一）
//  2 商业企业  2023-12-20 当面                    2024-01-10 decided          （三）4
//  3 自然人    平信 arrived Fri 2023-12-29, confirmed Tue 2024-01-02 (01-01 元旦) → receipt 2024
//                                                2024-02-01 区分处理         （二）
//  4 法律服务  2023-11-15 当面; 补正 11-17, 10 days → deadline 12-01
//                                                2023-12-04 补正 lapsed      （六）1
//  5 自然人    2023-12-25 当面; fee notice 12-27 → deadline 2024-01-25 (12-28, 12-29, 01-02..05,
//              01-08..12, 01-15..19, 01-22..25)  2024-01-26 fee lapsed       （六）2
//  6 科研机构  2024-12-16 当面; consulting        open                        —
//  7 自然人    2022-12-28 当面                    2023-01-05 withdrawn        （六）3
//  8 (agency 2, ignored)
//  9 自然人    2024-11-01 当面                    2024-11-20 decided          （四）1
//
// 2022: 一 = {7} 自然人; 四 = {7}.
// 2023: 一 = {1,2,4,5}: 自然人 2 (1,5), 商业 1 (2), 法律 1 (4), 总计 4
//       二 = {7}: 自然人 1, 总计 1                     (= 2022 四)
//       三 （一）{1}, （六）1 {4}, （六）3 {7}; （七）: 自然人 2, 法律 1, 总计 3
//       四 = {2,5}: 自然人 1, 商业 1, 总计 2
//       check 总计: 4 + 1 = 3 + 2.
// 2024: 一 = {3,6,9}: 自然人 2 (3,9), 科研 1 (6), 总计 3
//       二 = {2,5}: 自然人 1, 商业 1, 总计 2           (= 2023 四)
//       三 （二）{3}, （三）4 {2}, （四）1 {9}, （六）2 {5}; （七）: 自然人 3, 商业 1, 总计 4
//       四 = {6}: 科研 1, 总计 1
//       check 总计: 3 + 2 = 4 + 1.
//
// Cases (table 四): C1 复议 on 2 filed 2024-02-20 维持 2024-05-10; C2 直接起诉 on 3 filed
// 2024-03-01 纠正 2025-02-01 (pending on 2024-12-31); C3 复议后起诉 on 2 filed 2024-06-01 其他
// 2024-09-01; C4 复议 on 1 filed 2023-04-10 纠正 2023-06-01; C5 复议 on 9 filed 2024-12-20 pending.
// 2023: 复议 纠正 1, 总计 1.  2024: 复议 维持 1, 尚未审结 1, 总计 2; 直接起诉 尚未审结 1, 总计 1;
// 复议后起诉 其他 1, 总计 1.
#include "applications/tables.h"

#include <gtest/gtest.h>

#include "applications/clock.h"
#include "applications/events.h"
#include "calendar/calendar_files.h"

namespace gongkai::applications {
namespace {

using namespace events;  // NOLINT
using Ids = std::vector<int64_t>;

const calendar::WorkingDayCalendar& Cal() {
  static const calendar::WorkingDayCalendar cal = calendar::LoadCalendar().value();
  return cal;
}

Application App(ApplicationId id, ApplicantKind kind, Channel ch, std::initializer_list<Event> ev,
                agency::AgencyId agency = 1) {
  Application a;
  a.id = id;
  a.agency_id = agency;
  a.applicant_kind = kind;
  a.channel = ch;
  for (const Event& e : ev) {
    Status s = ValidateNext(ch, a.events, e, Cal());
    EXPECT_TRUE(s.ok()) << id << " " << EventTypeCode(e.type) << ": " << s.UserMessage();
    a.events.push_back(e);
  }
  return a;
}

std::vector<Application> Ledger() {
  using K = ApplicantKind;
  using C = Channel;
  return {
      App(1, K::kNaturalPerson, C::kInPerson,
          {Submitted({2023, 3, 1}), Decided({2023, 3, 20}, {OutcomeRow::kDisclosed})}),
      App(2, K::kCommercialEnterprise, C::kInPerson,
          {Submitted({2023, 12, 20}), Decided({2024, 1, 10}, {OutcomeRow::kThirdPartyRights})}),
      App(3, K::kNaturalPerson, C::kOrdinaryLetter,
          {Submitted({2023, 12, 29}), Confirmed({2024, 1, 2}),
           Decided({2024, 2, 1}, {OutcomeRow::kDisclosed, OutcomeRow::kThirdPartyRights})}),
      App(4, K::kLegalServiceOrg, C::kInPerson,
          {Submitted({2023, 11, 15}), CorrectionRequested({2023, 11, 17}, 10),
           CorrectionLapsed({2023, 12, 4})}),
      App(5, K::kNaturalPerson, C::kInPerson,
          {Submitted({2023, 12, 25}),
           FeeNoticeSent({2023, 12, 27}, 10000, FeeMethod::kPerApplication),
           FeeLapsed({2024, 1, 26})}),
      App(6, K::kResearchInstitution, C::kInPerson,
          {Submitted({2024, 12, 16}), ConsultationStarted({2024, 12, 18}, "某研究院")}),
      App(7, K::kNaturalPerson, C::kInPerson, {Submitted({2022, 12, 28}), Withdrawn({2023, 1, 5})}),
      App(8, K::kNaturalPerson, C::kInPerson,
          {Submitted({2024, 3, 1}), Decided({2024, 3, 5}, {OutcomeRow::kDisclosed})}, 2),
      App(9, K::kNaturalPerson, C::kInPerson,
          {Submitted({2024, 11, 1}), Decided({2024, 11, 20}, {OutcomeRow::kNotHeld})}),
  };
}

Case MakeCase(CaseId id, ApplicationId app, CaseKind kind, Date filed,
              CaseResult r = CaseResult::kPending, std::optional<Date> decided = std::nullopt) {
  Case c{id, app, 1, kind, filed, r, decided};
  EXPECT_TRUE(ValidateCase(c).ok());
  return c;
}

std::vector<Case> Cases() {
  return {
      MakeCase(1, 2, CaseKind::kReconsideration, {2024, 2, 20}, CaseResult::kUpheld,
               Date{2024, 5, 10}),
      MakeCase(2, 3, CaseKind::kDirectLitigation, {2024, 3, 1}, CaseResult::kCorrected,
               Date{2025, 2, 1}),
      MakeCase(3, 2, CaseKind::kLitigationAfterReconsideration, {2024, 6, 1}, CaseResult::kOther,
               Date{2024, 9, 1}),
      MakeCase(4, 1, CaseKind::kReconsideration, {2023, 4, 10}, CaseResult::kCorrected,
               Date{2023, 6, 1}),
      MakeCase(5, 9, CaseKind::kReconsideration, {2024, 12, 20}),
  };
}

constexpr int kPerson = ColumnOf(ApplicantKind::kNaturalPerson);
constexpr int kFirm = ColumnOf(ApplicantKind::kCommercialEnterprise);
constexpr int kResearch = ColumnOf(ApplicantKind::kResearchInstitution);
constexpr int kLegal = ColumnOf(ApplicantKind::kLegalServiceOrg);

// Every cell of `t` is zero except those listed as {row, column, count}.
void ExpectOnly(const Table3& t, std::initializer_list<std::array<int, 3>> nonzero) {
  std::array<std::array<int, kTable3Columns>, kTable3Rows> want{};
  for (const auto& [r, c, n] : nonzero) want[r][c] = n;
  for (int r = 0; r < kTable3Rows; ++r) {
    for (int c = 0; c < kTable3Columns; ++c) {
      EXPECT_EQ(t.at(r, c), want[r][c]) << Table3RowLabel(r) << " / " << Table3ColumnLabel(c);
    }
  }
}

TEST(AnnualTablesTest, TwoYearLedgerTableThree) {
  auto apps = Ledger();
  Table3 t22 = ComputeTable3(1, 2022, apps);
  Table3 t23 = ComputeTable3(1, 2023, apps);
  Table3 t24 = ComputeTable3(1, 2024, apps);
  const int kT = kColumnTotal;
  ExpectOnly(t22, {{kRowNew, kPerson, 1},
                   {kRowNew, kT, 1},
                   {kRowCarriedOver, kPerson, 1},
                   {kRowCarriedOver, kT, 1}});
  ExpectOnly(t23, {{kRowNew, kPerson, 2},
                   {kRowNew, kFirm, 1},
                   {kRowNew, kLegal, 1},
                   {kRowNew, kT, 4},
                   {kRowCarriedIn, kPerson, 1},
                   {kRowCarriedIn, kT, 1},
                   {RowOf(OutcomeRow::kDisclosed), kPerson, 1},
                   {RowOf(OutcomeRow::kDisclosed), kT, 1},
                   {RowOf(OutcomeRow::kCorrectionLapsed), kLegal, 1},
                   {RowOf(OutcomeRow::kCorrectionLapsed), kT, 1},
                   {RowOf(OutcomeRow::kOtherHandling), kPerson, 1},
                   {RowOf(OutcomeRow::kOtherHandling), kT, 1},
                   {kRowTotal, kPerson, 2},
                   {kRowTotal, kLegal, 1},
                   {kRowTotal, kT, 3},
                   {kRowCarriedOver, kPerson, 1},
                   {kRowCarriedOver, kFirm, 1},
                   {kRowCarriedOver, kT, 2}});
  ExpectOnly(t24, {{kRowNew, kPerson, 2},
                   {kRowNew, kResearch, 1},
                   {kRowNew, kT, 3},
                   {kRowCarriedIn, kPerson, 1},
                   {kRowCarriedIn, kFirm, 1},
                   {kRowCarriedIn, kT, 2},
                   {RowOf(OutcomeRow::kPartlyDisclosed), kPerson, 1},
                   {RowOf(OutcomeRow::kPartlyDisclosed), kT, 1},
                   {RowOf(OutcomeRow::kThirdPartyRights), kFirm, 1},
                   {RowOf(OutcomeRow::kThirdPartyRights), kT, 1},
                   {RowOf(OutcomeRow::kNotHeld), kPerson, 1},
                   {RowOf(OutcomeRow::kNotHeld), kT, 1},
                   {RowOf(OutcomeRow::kFeeLapsed), kPerson, 1},
                   {RowOf(OutcomeRow::kFeeLapsed), kT, 1},
                   {kRowTotal, kPerson, 3},
                   {kRowTotal, kFirm, 1},
                   {kRowTotal, kT, 4},
                   {kRowCarriedOver, kResearch, 1},
                   {kRowCarriedOver, kT, 1}});
  // 勾稽 rules, and carry-over across the years, per column.
  EXPECT_TRUE(CheckTable3(t22).ok());
  EXPECT_TRUE(CheckTable3(t23, &t22).ok());
  EXPECT_TRUE(CheckTable3(t24, &t23).ok());
  for (int c = 0; c < kTable3Columns; ++c) {
    EXPECT_EQ(t24.at(kRowCarriedIn, c), t23.at(kRowCarriedOver, c));
  }
}

TEST(AnnualTablesTest, CellsDrillDownToApplications) {
  auto apps = Ledger();
  Table3 t23 = ComputeTable3(1, 2023, apps);
  Table3 t24 = ComputeTable3(1, 2024, apps);
  EXPECT_EQ(t23.cells[kRowNew][kColumnTotal].ids, (Ids{1, 2, 4, 5}));
  EXPECT_EQ(t23.cells[kRowCarriedOver][kColumnTotal].ids, (Ids{2, 5}));
  EXPECT_EQ(t24.cells[kRowCarriedIn][kColumnTotal].ids, (Ids{2, 5}));
  EXPECT_EQ(t24.cells[kRowNew][kPerson].ids, (Ids{3, 9}));  // 3 arrived in 2023, received 2024
  EXPECT_EQ(t24.cells[RowOf(OutcomeRow::kPartlyDisclosed)][kColumnTotal].ids, (Ids{3}));
  EXPECT_EQ(t24.cells[kRowTotal][kColumnTotal].ids, (Ids{2, 3, 5, 9}));
  EXPECT_EQ(Table3RowLabel(RowOf(OutcomeRow::kThirdPartyRights)),
            "三、本年度办理结果（三）不予公开4.保护第三方合法权益");
  // A broken table is caught and named.
  Table3 broken = t24;
  broken.cells[kRowNew][kPerson].count = 3;
  EXPECT_EQ(CheckTable3(broken).code(), StatusCode::kInternal);
  EXPECT_FALSE(CheckTable3(t24, &t24).ok());  // 二 ≠ 四 of the year given as "previous"
}

TEST(AnnualTablesTest, TableFourByFilingYearAndStateOnDecember31) {
  auto cases = Cases();
  Table4 t23 = ComputeTable4(1, 2023, cases);
  Table4 t24 = ComputeTable4(1, 2024, cases);
  std::array<int, kTable4Columns> want23{0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
  std::array<int, kTable4Columns> want24{1, 0, 0, 1, 2, 0, 0, 0, 1, 1, 0, 0, 1, 0, 1};
  for (int c = 0; c < kTable4Columns; ++c) {
    EXPECT_EQ(t23.at(c), want23[c]) << Table4ColumnLabel(c);
    EXPECT_EQ(t24.at(c), want24[c]) << Table4ColumnLabel(c);
  }
  EXPECT_EQ(t24.cells[4].ids, (Ids{1, 5}));
  EXPECT_EQ(Table4ColumnLabel(8), "行政诉讼（未经复议直接起诉）尚未审结");
  // C2 corrected the decision on application 3 in 2025.
  EXPECT_FALSE(DecisionCorrected(3, cases, {2024, 12, 31}));
  EXPECT_TRUE(DecisionCorrected(3, cases, {2025, 2, 1}));
  EXPECT_TRUE(DecisionCorrected(1, cases, {2023, 12, 31}));
  EXPECT_FALSE(DecisionCorrected(2, cases, {2025, 12, 31}));
}

TEST(AnnualTablesTest, CaseValidation) {
  Case c{1, 1, 1, CaseKind::kReconsideration, {2024, 3, 1}, CaseResult::kUpheld, std::nullopt};
  EXPECT_EQ(ValidateCase(c).UserMessage(), "复议/诉讼案件的结果与审结日期须同时填写");
  c.decided_on = Date{2024, 2, 1};
  EXPECT_EQ(ValidateCase(c).UserMessage(), "审结日期2024-02-01早于立案日期2024-03-01");
  EXPECT_EQ(StateOn(c, {2024, 1, 1}), CaseResult::kPending);
}

}  // namespace
}  // namespace gongkai::applications

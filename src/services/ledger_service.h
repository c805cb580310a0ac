#pragma once
// The staff's overview of 依申请公开: the 工作台 (what needs doing today, with counts), the full
// 台账 of an agency (every application, searched, filtered, paged and exported) and the city
// 政务公开办's table of the departments below it. Everything is computed from the events with the
// working-day calendar as of the Clock's today (China).

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "account/permissions.h"
#include "agency/agency.h"
#include "applications/application.h"
#include "core/clock.h"
#include "report/sheet.h"
#include "services/application_service.h"
#include "storage/store.h"

namespace gongkai::services {

// The workbench's lists of open applications (as of today); each open application may be on
// several (an expired fee wait of an overdue one is on both).
enum class Attention {
  kOverdue,   // 已超期: open past the 答复期限
  kDueToday,  // 今日到期: 办理中, the 答复期限 is today
  kDueSoon,   // 3个工作日内到期: 办理中, 1–3 working days left (today's not included)
  kAwaitingReceipt,    // 待确认收到: the channel's receipt (签收 / 确认) not yet recorded
  kExpiredCorrection,  // 补正期限已过 (逾期未补正 to record)
  kExpiredFee,         // 缴费期限已过 (逾期未缴费 to record)
  kExpiredConsultation,  // 征求意见期限已过 (decide without the answer)
  kPendingApproval,      // 待审批: a 拟办 draft awaits 法制审核 / 签发
};
inline constexpr Attention kAllAttentions[] = {Attention::kOverdue,
                                               Attention::kDueToday,
                                               Attention::kDueSoon,
                                               Attention::kAwaitingReceipt,
                                               Attention::kExpiredCorrection,
                                               Attention::kExpiredFee,
                                               Attention::kExpiredConsultation,
                                               Attention::kPendingApproval};
// overdue, due_today, due_soon, awaiting_receipt, expired_correction, expired_fee,
// expired_consultation.
std::string_view AttentionCode(Attention a);
std::string_view AttentionLabel(Attention a);  // 已超期, 今日到期, …

// The 台账's filters (docs/applications.md, "台账"). Unset ones do not filter.
struct LedgerFilter {
  std::string text;         // words (spaces between): each in number, applicant or request
  std::optional<int> year;  // 收到年度 (the submission year while not yet received)
  std::string status;       // "open", or a status code (StatusFilterCode)
  std::string outcome;      // table-三 code ("3.1"), or a group ("3" for every （三）)
  std::optional<applications::Channel> channel;
  std::string kind;  // "organisation" (法人或其他组织), or an ApplicantKind code
  std::optional<Attention> attention;
  std::optional<int> answered_year;  // 作出答复 with the conclusion in that year
  std::optional<bool> on_time;       // concluded (or open) within the 答复期限, or not
  int page = 1;                      // from 1
  int per_page = 50;                 // 0: every row (exports)
};
inline constexpr int kMaxPerPage = 500;

// The filter from named values (query string, JSON or CLI options, "" for absent): q, year,
// status, outcome, channel, kind, attention, answered_year, on_time (yes/no), page, per_page.
// kInvalidArgument naming the field, in Chinese, listing the accepted values.
Result<LedgerFilter> ParseLedgerFilter(const std::function<std::string(std::string_view)>& get);
// The filter as a query string (without page), for links and the export URLs: "year=2024&…".
std::string LedgerQueryString(const LedgerFilter& f);

// Status codes of the filter: awaiting_receipt, in_progress, awaiting_correction, consulting,
// awaiting_fee, concluded.
std::string_view StatusFilterCode(applications::ApplicationStatus s);

// One row of the 台账.
struct LedgerRow {
  ApplicationSummary summary;  // number, applicant, status, received, due, days left, expired
  applications::Channel channel = applications::Channel::kInPerson;
  applications::ApplicantKind applicant_kind = applications::ApplicantKind::kNaturalPerson;
  std::string description;
  std::optional<Date> submitted;
  std::optional<applications::Conclusion> conclusion;
};

// The 台账 columns of an export: 申请编号, 提交日期, 收到申请日期, 申请人, 申请人类型, 提交方式,
// 所需信息的内容描述, 状态, 答复期限, 办结日期, 办理结果（表三）, 是否超期. Sheet name
// 依申请公开台账.
report::Sheet LedgerSheet(const std::vector<LedgerRow>& rows);

struct LedgerPage {
  std::vector<LedgerRow> rows;  // this page, newest number first
  int total = 0;                // rows matching the filter
  int page = 1;
  int pages = 1;  // at least 1
  Date as_of;
};

// A number on the workbench with the list behind it.
struct WorkbenchCount {
  Attention attention;
  int count = 0;
};

struct Workbench {
  agency::Agency agency;
  Date as_of;
  std::vector<WorkbenchCount> counts;  // in kAllAttentions order
  int open = 0;                        // every open application
  int received_this_year = 0;
  bool has_subordinates = false;  // departments below: the city table applies
};

// One department's line of the city table (this year = the Clock's year).
struct CityRow {
  agency::Agency agency;
  int depth = 0;  // 0 for the agency asked, 1 for its departments, …
  int received = 0;
  int open = 0;
  int overdue = 0;
  int answered = 0;          // 作出答复 this year
  int answered_on_time = 0;  // of those, within the 答复期限
  // answered_on_time / answered in percent, rounded; nullopt when nothing was answered.
  std::optional<int> on_time_percent() const;
};

struct CityTable {
  int year = 0;
  Date as_of;
  std::vector<CityRow> rows;  // the agency first, then every agency below it, in tree order
  CityRow total;              // the sum of the rows (agency: the one asked)
};

// Where staff land after sign-in.
struct Landing {
  std::vector<agency::Agency> agencies;   // the agencies of the user's own grants, viewable
  std::optional<agency::AgencyId> go_to;  // one agency (or the root for a system admin)
};

class LedgerService {
 public:
  // `applications` supplies the current working-day calendar.
  LedgerService(storage::Store& store, const Clock& clock, ApplicationService& applications)
      : store_(store), clock_(clock), applications_(applications) {}

  // The agency to land on: a user whose grants name one agency goes there; a system
  // administrator (or a console) goes to the root agency when there is one; otherwise
  // `agencies` holds the choice.
  Result<Landing> LandingOf(const account::Actor& actor);

  // The workbench of `agency` (kView), as of today.
  Result<Workbench> WorkbenchOf(const account::Actor& actor, agency::AgencyId agency);

  // The 台账 of `agency` (kView) as of today: the filtered rows, newest first, one page.
  Result<LedgerPage> Ledger(const account::Actor& actor, agency::AgencyId agency,
                            LedgerFilter filter);

  // `agency` and every agency below it (kView on `agency`), this year.
  Result<CityTable> CityTableOf(const account::Actor& actor, agency::AgencyId agency);

 private:
  // kView on `agency` (refusals audited); the agency list for names and the tree.
  Result<std::vector<agency::Agency>> Authorized(const account::Actor& actor,
                                                 agency::AgencyId agency,
                                                 const std::string& action);

  storage::Store& store_;
  const Clock& clock_;
  ApplicationService& applications_;
};

}  // namespace gongkai::services

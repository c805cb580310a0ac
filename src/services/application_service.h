#pragma once

#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "account/approval_chain.h"
#include "account/permissions.h"
#include "applications/application.h"
#include "applications/cases.h"
#include "applications/clock.h"
#include "applications/next_step.h"
#include "applications/tables.h"
#include "calendar/working_day_calendar.h"
#include "core/clock.h"
#include "report/annual_report.h"
#include "services/attachments.h"
#include "storage/store.h"

namespace gongkai::services {

// Length caps (code points) for the fields a person types; longer input is kInvalidArgument.
inline constexpr size_t kMaxNameChars = 100;       // name, work unit, contact person …
inline constexpr size_t kMaxShortFieldChars = 50;  // phone, fax, postcode, identity number
inline constexpr size_t kMaxEmailChars = 254;
inline constexpr size_t kMaxAddressChars = 200;
inline constexpr size_t kMaxDescriptionChars = 5000;  // 所需信息的内容描述
inline constexpr size_t kMaxDocumentNumberChars = 200;
inline constexpr size_t kMaxPurposeChars = 1000;
inline constexpr size_t kMaxNoteChars = 2000;  // event note / party

// Default 申请编号 pattern. Placeholders: {简称} (agency short name, else name), {year},
// {seq} (the per-agency, per-year counter from 1), {seq3} / {seq4} (zero-padded).
inline constexpr const char* kDefaultNumberPattern = "{简称}依申〔{year}〕{seq}号";

// What staff or the public fill in. `number` is normally empty (assigned); JSONL import may
// keep a given one.
struct ApplicationInput {
  agency::AgencyId agency_id = 0;
  applications::Channel channel = applications::Channel::kInPerson;
  applications::ApplicantKind applicant_kind = applications::ApplicantKind::kNaturalPerson;
  applications::Identity identity;
  applications::Contact contact;
  std::string description;
  std::string document_number;
  std::string purpose;
  applications::Carrier carrier = applications::Carrier::kPaper;
  applications::Delivery delivery = applications::Delivery::kPost;
};

struct SubmitResult {
  applications::ApplicationId id = 0;
  std::string number;
  std::string lookup_code;  // "ABCD-EFGH-JKMN-PQRS" (16 Crockford base32 chars); shown once
  // SubmitOnline: for the receipt (回执).
  std::optional<Date> received;
  std::optional<Date> due;
  std::string due_note;  // 「预计：…尚未发布」 when the due date is provisional
};

// The public status page: nothing about the applicant. What is happening and what the applicant
// may or must do next, in plain words (templates word it; the facts are here).
struct PublicStatusView {
  applications::ApplicationId id = 0;  // internal: never shown
  agency::AgencyId agency_id = 0;      // internal
  std::string number;
  std::string agency_name;
  std::string agency_phone;  // how to reach the agency (may be empty)
  std::string agency_address;
  std::string agency_office_hours;
  std::string supervisor_name;  // the agency above (投诉、举报; 复议机关 when a government)
  bool supervisor_is_government = false;
  std::string reconsideration_body;  // the agency's 行政复议机关 setting (its letters name it)
  std::optional<Date> received;
  applications::ApplicationStatus status = applications::ApplicationStatus::kInProgress;
  std::string status_label;  // StatusLabel (待确认收到 / 办理中 / … / 已办结)
  std::optional<Date> due;
  std::optional<int> working_days_left;  // while open and a due date runs
  std::string due_note;  // ClockState::ProvisionalNote(): 「预计：…尚未发布」
  bool overdue = false;  // open past the due date
  int overdue_days = 0;  // working days past it
  bool paused = false;   // the clock waits (征求意见, 缴费)
  // 待补正: what to correct (the notice's note) and by when.
  std::string correction_items;
  std::optional<Date> correction_deadline;
  // 待缴费: the amount (fen), how it was computed (按件 / 按量), the payment deadline.
  std::optional<applications::Fen> fee;
  std::string fee_method_label;
  std::optional<Date> fee_deadline;
  std::string fee_note;  // the fee notice's note (payment details the clerk wrote)
  // 征求意见中: whom (a third party or another agency), by when they should answer.
  bool consulting_agency = false;
  std::optional<Date> consultation_deadline;
  bool wait_expired = false;    // the 补正 / 缴费 / 征求意见 period already ended
  std::optional<Date> decided;  // the conclusion date
  std::optional<applications::OutcomeRow> outcome;
  std::string outcome_label;      // the counted row's label when concluded
  std::optional<Date> delivered;  // 送达: the reply letter may be downloaded from then on
};

// How the public identifies an application: its lookup code, or its number with the last six
// characters of the applicant's ID number (身份证号码 / 统一社会信用代码).
struct PublicCredentials {
  std::string lookup_code;
  std::string number;
  std::string id_last6;
};

// An attachment without its bytes (lists), or with them (downloads).
using Attachment = storage::StoredAttachment;

struct ListFilter {
  enum class State { kAll, kOpen, kClosed };
  State state = State::kAll;
  std::optional<int> year;  // receipt year (else the submission year while not received)
};

// One application with its clock, for lists and queues.
struct ApplicationSummary {
  applications::ApplicationId id = 0;
  std::string number;
  std::string applicant_name;
  applications::ApplicationStatus status = applications::ApplicationStatus::kAwaitingReceipt;
  std::optional<Date> received;
  std::optional<Date> due;
  int working_days_left = 0;
  bool overdue = false;
  std::string due_note;  // ClockState::ProvisionalNote(): 「预计：2027年节假日安排尚未发布」
  std::vector<applications::ExpiredWait> expired;  // the clock's expired waits, with actions
  // The approval step a 拟办答复 waits for (法制审核, 签发 …); empty when no draft is pending.
  std::string pending_approval_step;
};

// The work queue of one agency as of one day. An open application is in exactly one bucket, the
// first that applies in this order: overdue; waiting on the applicant, a consulted party or a
// fee (the clock is paused, so "due soon" would mislead); due within 3 working days; other.
// Each bucket is sorted by due date (none last), then number (ApplicationNumberLess).
struct Queue {
  std::vector<ApplicationSummary> overdue;             // open past the due date
  std::vector<ApplicationSummary> awaiting_applicant;  // 待补正
  std::vector<ApplicationSummary> consulting;          // 征求意见中 (third party / agency)
  std::vector<ApplicationSummary> awaiting_fee;        // 待缴费
  std::vector<ApplicationSummary> due_soon;            // 0–3 working days left
  std::vector<ApplicationSummary> other_open;          // 办理中 (> 3 days), 待确认收到
};
inline constexpr int kDueSoonWorkingDays = 3;

// Orders application numbers by year, then serial, as numbers: 樟工信依申〔2024〕6号 before
// 〔2024〕10号, both before 〔2025〕1号. The year is the first run of four or more digits starting
// with a plausible year (19xx–29xx; its extra digits, as in 工信2024001, are the serial), the
// serial the last other run of digits. Ties and numbers without digits compare as text.
bool ApplicationNumberLess(std::string_view a, std::string_view b);

// 报备: the filing of a decision with the supervising office (a small table, not an event: it
// does not affect the clock or the tables). Allowed once, after the application is decided.
// Fields: date, filed_with (e.g. 樟树市人民政府办公室), note.
using Filing = storage::ApplicationFiling;

// An application with everything the staff page shows.
struct ApplicationDetail {
  applications::Application app;
  applications::ClockState clock;  // as of the day asked (Get: today)
  std::vector<applications::Case> cases;
  std::optional<Filing> filing;
  std::string agency_name;
  std::vector<Attachment> attachments;  // without their bytes
  int later_events = 0;  // GetAsOf: events dated after the day asked, left out of `app.events`
  account::ApprovalChain chain;              // the agency's decision approval chain (empty: none)
  std::string pending_approval_step;         // as ApplicationSummary
  applications::NextDeadline next_deadline;  // the deadline that applies on the clock's day
  // The events the asking actor can record on the clock's day, the most likely next step first
  // (the page marks it primary): PossibleEvents, then the chain (作出答复 only without one, else
  // 拟办答复), the actor's roles (审批 by the step's role, four-eyes) and kHandleApplications.
  std::vector<applications::EventType> actions;
};

// What the approval chains of decisions are stored under (approval_chains.subject).
inline constexpr const char* kDecisionApprovalSubject = "application_decision";

// An approval given on paper, recorded by the console: the step's name and who signed it.
struct PaperApproval {
  std::string step;  // 法制审核, 签发 …
  std::string name;  // 李四
};

struct DueDateMove {
  applications::ApplicationId id = 0;
  std::string number;
  std::optional<Date> before;  // the stored snapshot
  std::optional<Date> after;   // with the current calendar (nullopt: cannot compute)
  std::string error;           // Chinese, when `after` cannot be computed
};

struct DuplicateCandidate {
  applications::ApplicationId id = 0;
  std::string number;
  std::optional<Date> received;
  double similarity = 0;  // character-bigram Dice of the normalised descriptions
};
// Dice coefficient of the character bigrams of the two descriptions after normalisation (only
// letters and digits kept, Latin lower-cased; CJK punctuation and spaces dropped). 1.0 for two
// identical normalised texts (incl. single characters), 0 when either is empty.
double DescriptionSimilarity(const std::string& a, const std::string& b);
inline constexpr double kDuplicateThreshold = 0.8;

// Table 三 and 四 of one agency and year, and the report holding them.
struct CompiledTables {
  applications::Table3 table3;
  applications::Table4 table4;
  report::AnnualReport report;  // agency name, year, tables; sections empty
  // application id → number, for drill-down output.
  std::vector<std::pair<int64_t, std::string>> numbers;
  // case id → application id, for the table-四 drill-down.
  std::vector<std::pair<int64_t, int64_t>> case_applications;
  std::string NumberOf(int64_t id) const;
  // The application behind case `case_id`; 0 when unknown.
  int64_t ApplicationOfCase(int64_t case_id) const;
};

// A cell of the compiled tables as `gongkai report compile --cell` and the staff page name it:
// "3.3.1:1" (table-三 template row id : column 1–7) or "t4:5" (table 四, column 1–15). The row
// may also be written as the report prints it (一, 二, 四, （一）…（七）, （三）2 or (三)2), the
// column by its label (自然人 … 总计), and a table-三 cell without a column is its 总计.
struct TableCellRef {
  bool table4 = false;
  int row = 0;     // table-三 row index 0–24 (unused for table 四)
  int column = 0;  // 0-based
};
// kInvalidArgument with a Chinese message listing the accepted rows, columns and forms.
Result<TableCellRef> ParseTableCellRef(std::string_view ref);
// The reference text of a cell ("3.3.1:1", "t4:5").
std::string TableCellRefText(const TableCellRef& ref);
// "表四 行政复议 · 结果维持" / "一、本年新收政府信息公开申请数量 · 自然人".
std::string TableCellName(const TableCellRef& ref);
// The counted cell (its count and the ids behind it: application ids in table 三, case ids in
// table 四).
const applications::Cell& CellAt(const CompiledTables& t, const TableCellRef& ref);

// 依申请公开 applications: intake, numbering, events, the clock, queues, cases, duplicates,
// recomputation after a calendar change, and the annual tables. Thread-safe; all state lives in
// the Store, except the calendar (swappable with SetCalendar).
class ApplicationService {
 public:
  ApplicationService(storage::Store& store, const Clock& clock,
                     std::shared_ptr<const calendar::WorkingDayCalendar> calendar)
      : store_(store), clock_(clock), calendar_(std::move(calendar)) {}

  // Replaces the working-day calendar used from now on (e.g. after the holiday file changed).
  void SetCalendar(std::shared_ptr<const calendar::WorkingDayCalendar> calendar);
  std::shared_ptr<const calendar::WorkingDayCalendar> calendar() const;

  // Staff intake (kHandleApplications on the agency). Validates every field, assigns the number
  // in the same transaction as the insert, and appends `initial_events` (at least one; each
  // checked with ValidateNext in order; actor name filled in when empty). Like RecordEvent,
  // nothing is stored when the clock of the events cannot be computed (kOutOfRange …).
  // kInvalidArgument / kFailedPrecondition (Chinese), kNotFound (agency), kPermissionDenied.
  //
  // `attachments` are stored in the same transaction (CheckAttachments). With `errors`, every
  // refused field is appended to it (the first also being the returned status); entries already
  // in it (the form's own parse errors) refuse the input too, and nothing is stored.
  Result<SubmitResult> Register(const account::Actor& actor, ApplicationInput input,
                                std::vector<applications::Event> initial_events,
                                std::vector<AttachmentInput> attachments = {},
                                std::vector<FieldError>* errors = nullptr);

  // The public online form: no actor; channel forced to 在线; events 提交 and 确认收到 dated
  // today (China). Returns the number and a fresh lookup code (only its SHA-256 is stored).
  // `attachments` and `errors` as for Register.
  Result<SubmitResult> SubmitOnline(ApplicationInput input,
                                    std::vector<AttachmentInput> attachments = {},
                                    std::vector<FieldError>* errors = nullptr);

  // The public status behind a lookup code (dashes, spaces and case ignored). kNotFound with the
  // same Chinese message for any unknown or malformed code.
  Result<PublicStatusView> PublicStatus(const std::string& lookup_code);
  // The public status behind a lookup code, or else behind a number and the last six characters
  // of the ID number (case ignored; compared in constant time). kNotFound with one Chinese
  // message for any mismatch, so a caller cannot tell which part was wrong.
  Result<PublicStatusView> PublicLookup(const PublicCredentials& credentials);

  // One attachment with its bytes (kView on the application's agency). kNotFound when it does
  // not exist or belongs to another application.
  Result<Attachment> GetAttachment(const account::Actor& actor, applications::ApplicationId id,
                                   int64_t attachment_id);

  // kView on the application's agency. The clock is as of today (China).
  Result<ApplicationDetail> Get(const account::Actor& actor, applications::ApplicationId id);
  // By number within the agencies the actor may view ("樟工信依申〔2024〕3号"). kNotFound.
  Result<ApplicationDetail> GetByNumber(const account::Actor& actor, const std::string& number);
  // The application as it stood at the end of `as_of`: only the events, cases (their result as
  // of that day) and 报备 dated on or before it, and the clock as of it; `later_events` counts
  // the events left out. kNotFound (Chinese) when it was submitted after `as_of`.
  Result<ApplicationDetail> GetAsOf(const account::Actor& actor, applications::ApplicationId id,
                                    Date as_of);
  Result<std::vector<ApplicationSummary>> List(const account::Actor& actor, agency::AgencyId agency,
                                               ListFilter filter = {});
  // The open applications as of `as_of`, from the events dated on or before it; applications
  // submitted after it are left out.
  Result<Queue> QueueOf(const account::Actor& actor, agency::AgencyId agency, Date as_of);
  // kNotFound (Chinese) when the application was submitted after `as_of`.
  Result<applications::ClockState> ClockOf(const account::Actor& actor,
                                           applications::ApplicationId id, Date as_of);

  // Appends one event after ValidateNext (kHandleApplications); retries a few times when another
  // writer appended first. Refused events change nothing. Updates the due-date snapshot. The clock
  // with the event must compute (as of today and of the last event's day) inside the same
  // transaction, else its error (kOutOfRange when the calendar lacks a year) and nothing stored.
  Status RecordEvent(const account::Actor& actor, applications::ApplicationId id,
                     applications::Event event);
  // RecordEvent without recording: the same checks (a role refusal is audited), nothing stored.
  // The confirmation step of a conclusion uses it so that only an event that would be recorded
  // is shown for confirmation.
  Status CheckEvent(const account::Actor& actor, applications::ApplicationId id,
                    applications::Event event);

  // RecordEvent per type when the agency has an approval chain (DecisionChain):
  //  - 作出答复 by a signed-in user is refused (kFailedPrecondition): record 拟办答复 instead; the
  //    console records history as given (a decision counts as approved on paper) — use
  //    RecordPaperDecision to keep the signers.
  //  - 拟办答复 needs the first step's role; 审批通过 / 退回拟办 act on the next step (the service
  //    sets `days` and `party`), need that step's role on the agency (else kPermissionDenied,
  //    audited; administrators do not bypass it) and the four-eyes rule (ApprovalStep::distinct).
  //    The last approval appends the 作出答复 (the draft's outcomes, dated the approval) in the
  //    same transaction. Without a chain, 拟办答复 is refused: decisions count at once.
  //  - Signed-in users act under their own name; only the console may name `event.actor`.
  //
  // The console's record of a decision approved on paper: 拟办 by `drafter` (default: the
  // console), one 审批通过 per step in chain order with the signer's name, then the 作出答复 dated
  // `decision.date`; all in one transaction. Every step after 拟办 must be named.
  Status RecordPaperDecision(const account::Actor& actor, applications::ApplicationId id,
                             applications::Event decision, const std::string& drafter,
                             const std::vector<PaperApproval>& approvals);

  // The approval chain of the agency's decisions (kView): its own, else DefaultDecisionChain().
  Result<account::ApprovalChain> DecisionChain(const account::Actor& actor,
                                               agency::AgencyId agency);
  // Sets it from the text form ("none" for no approval; kManageAgency). kInvalidArgument.
  Status SetDecisionChain(const account::Actor& actor, agency::AgencyId agency,
                          const std::string& text);

  // 报备 after the decision; once. kFailedPrecondition when not decided or already filed.
  Status RecordFiling(const account::Actor& actor, applications::ApplicationId id, Filing filing);

  // 复议/诉讼 cases (kHandleApplications). A 纠正 result sets decision_corrected on the
  // application in the same transaction. `c.agency_id` is taken from the application.
  Result<applications::CaseId> AddCase(const account::Actor& actor, applications::Case c);
  Status UpdateCase(const account::Actor& actor, applications::Case c);

  // Other applications of the same applicant (same identity number, else same name and phone)
  // at the same agency with DescriptionSimilarity ≥ kDuplicateThreshold, most similar first.
  Result<std::vector<DuplicateCandidate>> Duplicates(const account::Actor& actor,
                                                     applications::ApplicationId id);
  // The applicant's applications at `agency` received (Art. 31) in the natural month of `month`
  // (any day of it), for 按件 fee tiers (Art. 35).
  Result<int> MonthlyCount(const account::Actor& actor, agency::AgencyId agency,
                           const std::string& identity_number, Date month);

  // Per-agency number pattern (kHandleApplications). kInvalidArgument unless it contains {seq}
  // (or {seq3}/{seq4}) and {year}.
  Status SetNumberPattern(const account::Actor& actor, agency::AgencyId agency,
                          const std::string& pattern);
  Result<std::string> NumberPattern(const account::Actor& actor, agency::AgencyId agency);

  // Recomputes the due date of every open application the actor may handle with the current
  // calendar, as of today; stores the new snapshots and returns those whose date moved.
  Result<std::vector<DueDateMove>> RecomputeDueDates(const account::Actor& actor);

  // Tables 三 and 四 of `agency` for `year` (kView), with carry-over from earlier years.
  Result<CompiledTables> CompileTables(const account::Actor& actor, agency::AgencyId agency,
                                       int year);

  // JSON lines (schema "gongkai.application" v1, docs/applications.md): one application per
  // line, ordered by id, with events, cases and filing. kView on the agency.
  Result<std::string> ExportJsonLines(const account::Actor& actor, agency::AgencyId agency,
                                      std::optional<int> year = std::nullopt);
  // Imports JSON lines: every record and every event validated in order; all or nothing in one
  // transaction; errors name the line ("第3行：…"). Keeps a given number, else assigns one.
  // Returns the number of applications imported.
  Result<int> ImportJsonLines(const account::Actor& actor, const std::string& text);

 private:
  std::shared_ptr<const calendar::WorkingDayCalendar> Calendar() const;
  // Ok when `actor` holds `permission` on `agency`; else audits the refusal (DenyAndAudit) and
  // returns kPermissionDenied. kNotFound for an unknown agency.
  Status Authorize(const account::Actor& actor, account::Permission permission,
                   agency::AgencyId agency, const std::string& action, const std::string& target);
  // Loads an application and checks `permission` on its agency.
  Result<applications::Application> LoadAuthorized(const account::Actor& actor,
                                                   account::Permission permission,
                                                   applications::ApplicationId id,
                                                   const std::string& action);
  // The application with its agency name, cases and 报备, without the clock (kView).
  Result<ApplicationDetail> LoadDetail(const account::Actor& actor, applications::ApplicationId id);
  // Fills the clock-derived parts of `d` (clock, pending step, next deadline, actions) as of `day`.
  Status FinishDetail(const account::Actor& actor, ApplicationDetail& d, Date day);
  // The role check of a 拟办 / 审批 on the step now due (kPermissionDenied, audited); the console
  // passes (it records paper approvals).
  Status AuthorizeStep(const account::Actor& actor, const applications::Application& app,
                       applications::EventType type);
  // The agency's decision chain inside `tx` (the default when it set none).
  static Result<account::ApprovalChain> ChainIn(storage::Transaction& tx, agency::AgencyId agency);
  // Appends the events `prepare` returns for the application as stored (after its checks), each
  // after ValidateNext, in one transaction with the due-date snapshot and one audit row; retries
  // a lost append race.
  // With `dry_run`, stops before writing anything.
  Status AppendEvents(
      const account::Actor& actor, applications::ApplicationId id,
      const std::function<Result<std::vector<applications::Event>>(
          const applications::Application&, const account::ApprovalChain&)>& prepare,
      bool dry_run = false);
  Status RecordOrCheck(const account::Actor& actor, applications::ApplicationId id,
                       applications::Event event, bool dry_run);
  // Validates, numbers and inserts inside `tx`, with the events already validated.
  Result<SubmitResult> InsertNumbered(storage::Transaction& tx,
                                      const applications::Application& app, int year,
                                      bool with_lookup_code);
  // Validates the input and the attachments into `errors` (see Register); the first refusal.
  Status CheckIntake(ApplicationInput* input, const std::vector<AttachmentInput>& attachments,
                     std::vector<FieldError>* errors);
  // Stores the (checked) attachments of application `id` inside `tx`.
  Status InsertAttachments(storage::Transaction& tx, applications::ApplicationId id,
                           const std::vector<AttachmentInput>& attachments);
  // The public view of one application (read inside `tx`).
  Result<PublicStatusView> PublicViewOf(storage::Transaction& tx, applications::ApplicationId id);

  storage::Store& store_;
  const Clock& clock_;
  mutable std::mutex calendar_mu_;
  std::shared_ptr<const calendar::WorkingDayCalendar> calendar_;
};

}  // namespace gongkai::services

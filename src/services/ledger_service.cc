// The workbench, the 台账 and the city table (ledger_service.h). The database narrows by text,
// channel, kind, year and open/closed (ApplicationRepository::Find); the rest is decided here
// from the events and the clock, which is computed only where a filter or a shown row needs it.
#include "services/ledger_service.h"

#include <algorithm>
#include <map>
#include <set>

#include "applications/clock.h"
#include "services/application_internal.h"
#include "services/audit.h"

namespace gongkai::services {

using namespace applications;  // NOLINT

namespace {

// The events that conclude an application (ConclusionOf): a query without them finds the open.
const std::vector<EventType> kConclusive = {EventType::kDecided, EventType::kCorrectionLapsed,
                                            EventType::kFeeLapsed, EventType::kWithdrawn};
// The events one of which fixes the ledger year (ReceiptDate's, or the submission).
const std::vector<EventType> kReceiptEvents = {EventType::kSubmitted, EventType::kSignedFor,
                                               EventType::kConfirmed};

// 收到年度: the receipt year (Art. 31), else the submission year.
int LedgerYear(const Application& app) {
  auto received = ReceiptDate(app.channel, app.events);
  return received ? received->year : app.events.front().date.year;
}

bool Answered(const Application& app, const std::optional<Conclusion>& c) {
  return c && std::any_of(app.events.begin(), app.events.end(),
                          [](const Event& e) { return e.type == EventType::kDecided; });
}

bool OnList(Attention a, const ClockState& c) {
  if (c.conclusion) return false;
  auto expired = [&c](WaitKind kind) {
    return std::any_of(c.expired.begin(), c.expired.end(),
                       [kind](const ExpiredWait& w) { return w.kind == kind; });
  };
  const bool running = c.status == ApplicationStatus::kInProgress && c.due && !c.overdue;
  switch (a) {
    case Attention::kOverdue:
      return c.overdue;
    case Attention::kDueToday:
      return running && *c.due == c.as_of;
    case Attention::kDueSoon:
      return running && c.working_days_left >= 1 && c.working_days_left <= kDueSoonWorkingDays;
    case Attention::kAwaitingReceipt:
      return c.status == ApplicationStatus::kAwaitingReceipt;
    case Attention::kExpiredCorrection:
      return expired(WaitKind::kCorrection);
    case Attention::kExpiredFee:
      return expired(WaitKind::kFee);
    case Attention::kExpiredConsultation:
      return expired(WaitKind::kConsultation);
    case Attention::kPendingApproval:
      return c.draft_pending;
  }
  return false;
}

// An application with what the filters and rows need, the clock computed on demand.
struct Evaluated {
  const Application* app;
  std::optional<Conclusion> conclusion;
  bool clock_done = false;
  std::optional<ClockState> clock;

  const std::optional<ClockState>& Clock(Date today, const calendar::WorkingDayCalendar& cal) {
    if (!clock_done) {
      clock = internal::TryClock(*app, today, cal);
      clock_done = true;
    }
    return clock;
  }
};

bool OutcomeMatches(const std::string& filter, OutcomeRow row) {
  std::string_view code = InfoFor(row).code;
  return code == filter || (code.size() > filter.size() &&
                            code.substr(0, filter.size()) == filter && code[filter.size()] == '.');
}

bool KindMatches(const std::string& filter, ApplicantKind kind) {
  if (filter == "organisation") return kind != ApplicantKind::kNaturalPerson;
  return ApplicantKindCode(kind) == filter;
}

// What the database can narrow.
storage::ApplicationQuery QueryOf(agency::AgencyId agency, const LedgerFilter& f) {
  storage::ApplicationQuery q;
  q.agency = agency;
  // Words are separated by spaces, the ideographic space (U+3000) too.
  std::string text = f.text + " ";
  for (size_t at; (at = text.find("\u3000")) != std::string::npos;) text.replace(at, 3, " ");
  std::string word;
  for (char c : text) {
    if (c == ' ' || c == '\t') {
      if (!word.empty()) q.words.push_back(word);
      word.clear();
    } else {
      word += c;
    }
  }
  q.channel = f.channel;
  for (ApplicantKind k : kAllApplicantKinds) {
    if (!f.kind.empty() && KindMatches(f.kind, k)) q.kinds.push_back(k);
  }
  if (f.year) {
    q.event_year = f.year;
    q.year_event_types = kReceiptEvents;
  } else if (f.answered_year) {
    q.event_year = f.answered_year;
    q.year_event_types = {EventType::kDecided};
  }
  if (f.status == "open" || (!f.status.empty() && f.status != "concluded") || f.attention) {
    q.without_event_types = kConclusive;
  }
  return q;
}

bool Matches(const LedgerFilter& f, Evaluated& e, Date today,
             const calendar::WorkingDayCalendar& cal) {
  const Application& app = *e.app;
  if (f.year && LedgerYear(app) != *f.year) return false;
  if (!f.kind.empty() && !KindMatches(f.kind, app.applicant_kind)) return false;
  if (f.channel && app.channel != *f.channel) return false;
  if (f.status == "open" && e.conclusion) return false;
  if (f.status == "concluded" && !e.conclusion) return false;
  if (!f.outcome.empty() && (!e.conclusion || !OutcomeMatches(f.outcome, e.conclusion->row))) {
    return false;
  }
  if (f.answered_year &&
      (!Answered(app, e.conclusion) || e.conclusion->date.year != *f.answered_year)) {
    return false;
  }
  const bool needs_clock = f.attention || f.on_time ||
                           (!f.status.empty() && f.status != "open" && f.status != "concluded");
  if (!needs_clock) return true;
  const auto& clock = e.Clock(today, cal);
  if (!clock) return false;
  if (f.attention && !OnList(*f.attention, *clock)) return false;
  if (f.on_time && clock->overdue == *f.on_time) return false;
  if (!f.status.empty() && f.status != "open" && StatusFilterCode(clock->status) != f.status) {
    return false;
  }
  return true;
}

LedgerRow RowOf(Evaluated& e, Date today, const calendar::WorkingDayCalendar& cal) {
  const Application& app = *e.app;
  LedgerRow r;
  r.summary = internal::Summarize(app, e.Clock(today, cal));
  r.channel = app.channel;
  r.applicant_kind = app.applicant_kind;
  r.description = app.description;
  if (!app.events.empty()) r.submitted = app.events.front().date;
  r.conclusion = e.conclusion;
  return r;
}

std::vector<Evaluated> Evaluate(const std::vector<Application>& apps) {
  std::vector<Evaluated> out;
  out.reserve(apps.size());
  for (const Application& a : apps) {
    if (a.events.empty()) continue;
    out.push_back(Evaluated{&a, ConclusionOf(a.events), false, std::nullopt});
  }
  return out;
}

}  // namespace

std::string_view AttentionCode(Attention a) {
  switch (a) {
    case Attention::kOverdue:
      return "overdue";
    case Attention::kDueToday:
      return "due_today";
    case Attention::kDueSoon:
      return "due_soon";
    case Attention::kAwaitingReceipt:
      return "awaiting_receipt";
    case Attention::kExpiredCorrection:
      return "expired_correction";
    case Attention::kExpiredFee:
      return "expired_fee";
    case Attention::kExpiredConsultation:
      return "expired_consultation";
    case Attention::kPendingApproval:
      return "pending_approval";
  }
  return "";
}

std::string_view AttentionLabel(Attention a) {
  switch (a) {
    case Attention::kOverdue:
      return "已超期";
    case Attention::kDueToday:
      return "今日到期";
    case Attention::kDueSoon:
      return "3个工作日内到期";
    case Attention::kAwaitingReceipt:
      return "待确认收到";
    case Attention::kExpiredCorrection:
      return "补正期限已过";
    case Attention::kExpiredFee:
      return "缴费期限已过";
    case Attention::kExpiredConsultation:
      return "征求意见期限已过";
    case Attention::kPendingApproval:
      return "待审批";
  }
  return "";
}

std::string_view StatusFilterCode(ApplicationStatus s) {
  switch (s) {
    case ApplicationStatus::kAwaitingReceipt:
      return "awaiting_receipt";
    case ApplicationStatus::kInProgress:
      return "in_progress";
    case ApplicationStatus::kAwaitingCorrection:
      return "awaiting_correction";
    case ApplicationStatus::kConsulting:
      return "consulting";
    case ApplicationStatus::kAwaitingFee:
      return "awaiting_fee";
    case ApplicationStatus::kConcluded:
      return "concluded";
  }
  return "";
}

std::optional<int> CityRow::on_time_percent() const {
  if (answered == 0) return std::nullopt;
  return (answered_on_time * 100 + answered / 2) / answered;
}

Result<std::vector<agency::Agency>> LedgerService::Authorized(const account::Actor& actor,
                                                              agency::AgencyId agency,
                                                              const std::string& action) {
  std::vector<agency::Agency> all;
  {
    GONGKAI_ASSIGN_OR_RETURN(auto tx, store_.Begin(storage::TxMode::kRead));
    GONGKAI_ASSIGN_OR_RETURN(all, tx->agencies().List());
  }
  auto parents = account::ParentsOf(all);
  if (!parents.count(agency)) {
    return NotFound("agency " + std::to_string(agency),
                    "机构（编号 " + std::to_string(agency) + "）不存在");
  }
  if (account::Can(actor, account::Permission::kView, agency, parents)) return all;
  return DenyAndAudit(store_, clock_, actor, action, "agency:" + std::to_string(agency),
                      "无权查看该机构的依申请公开台账（需要该机构或其上级机构的角色）");
}

Result<Landing> LedgerService::LandingOf(const account::Actor& actor) {
  std::vector<agency::Agency> all;
  {
    GONGKAI_ASSIGN_OR_RETURN(auto tx, store_.Begin(storage::TxMode::kRead));
    GONGKAI_ASSIGN_OR_RETURN(all, tx->agencies().List());
  }
  Landing l;
  std::set<agency::AgencyId> granted;
  for (const auto& g : actor.grants) {
    if (g.agency_id) granted.insert(*g.agency_id);
  }
  const bool everything = actor.console || actor.IsSystemAdmin();
  for (const agency::Agency& a : all) {
    if (everything ? !a.parent_id.has_value() : granted.count(a.id) > 0) l.agencies.push_back(a);
  }
  if (l.agencies.size() == 1) l.go_to = l.agencies.front().id;
  return l;
}

Result<Workbench> LedgerService::WorkbenchOf(const account::Actor& actor, agency::AgencyId agency) {
  GONGKAI_ASSIGN_OR_RETURN(auto all, Authorized(actor, agency, "application_workbench"));
  const Date today = clock_.TodayInChina();
  auto cal = applications_.calendar();
  Workbench w;
  w.as_of = today;
  for (const agency::Agency& a : all) {
    if (a.id == agency) w.agency = a;
    if (a.parent_id == agency) w.has_subordinates = true;
  }
  storage::ApplicationQuery year_q;
  year_q.agency = agency;
  year_q.event_year = today.year;
  year_q.year_event_types = kReceiptEvents;
  storage::ApplicationQuery open_q;
  open_q.agency = agency;
  open_q.without_event_types = kConclusive;
  std::vector<Application> this_year, open;
  {
    GONGKAI_ASSIGN_OR_RETURN(auto tx, store_.Begin(storage::TxMode::kRead));
    GONGKAI_ASSIGN_OR_RETURN(this_year, tx->applications().Find(year_q));
    GONGKAI_ASSIGN_OR_RETURN(open, tx->applications().Find(open_q));
  }
  for (const Application& a : this_year) {
    if (!a.events.empty() && LedgerYear(a) == today.year) ++w.received_this_year;
  }
  for (Attention a : kAllAttentions) w.counts.push_back({a, 0});
  for (const Application& a : open) {
    if (a.events.empty() || ConclusionOf(a.events)) continue;
    ++w.open;
    auto clock = internal::TryClock(a, today, *cal);
    if (!clock) continue;
    for (WorkbenchCount& c : w.counts) c.count += OnList(c.attention, *clock) ? 1 : 0;
  }
  return w;
}

Result<LedgerPage> LedgerService::Ledger(const account::Actor& actor, agency::AgencyId agency,
                                         LedgerFilter filter) {
  GONGKAI_RETURN_IF_ERROR(Authorized(actor, agency, "application_ledger").status());
  const Date today = clock_.TodayInChina();
  auto cal = applications_.calendar();
  std::vector<Application> apps;
  {
    GONGKAI_ASSIGN_OR_RETURN(auto tx, store_.Begin(storage::TxMode::kRead));
    GONGKAI_ASSIGN_OR_RETURN(apps, tx->applications().Find(QueryOf(agency, filter)));
  }
  std::vector<Evaluated> all = Evaluate(apps);
  std::vector<Evaluated*> kept;
  for (Evaluated& e : all) {
    if (Matches(filter, e, today, *cal)) kept.push_back(&e);
  }
  std::sort(kept.begin(), kept.end(), [](const Evaluated* a, const Evaluated* b) {
    if (a->app->number != b->app->number) {
      return ApplicationNumberLess(b->app->number, a->app->number);
    }
    return a->app->id > b->app->id;
  });
  LedgerPage page;
  page.as_of = today;
  page.total = static_cast<int>(kept.size());
  size_t first = 0, end = kept.size();
  if (filter.per_page > 0) {
    page.pages = std::max(1, (page.total + filter.per_page - 1) / filter.per_page);
    page.page = std::clamp(filter.page, 1, page.pages);
    first = static_cast<size_t>(page.page - 1) * filter.per_page;
    end = std::min(kept.size(), first + filter.per_page);
  }
  for (size_t i = first; i < end; ++i) page.rows.push_back(RowOf(*kept[i], today, *cal));
  return page;
}

Result<CityTable> LedgerService::CityTableOf(const account::Actor& actor, agency::AgencyId agency) {
  GONGKAI_ASSIGN_OR_RETURN(auto all, Authorized(actor, agency, "application_city_table"));
  const Date today = clock_.TodayInChina();
  auto cal = applications_.calendar();
  CityTable t;
  t.year = today.year;
  t.as_of = today;
  // The subtree in tree order (List gives parents before children, siblings by id).
  std::map<agency::AgencyId, std::vector<const agency::Agency*>> children;
  const agency::Agency* root = nullptr;
  for (const agency::Agency& a : all) {
    if (a.id == agency) root = &a;
    if (a.parent_id) children[*a.parent_id].push_back(&a);
  }
  std::function<void(const agency::Agency&, int)> walk = [&](const agency::Agency& a, int depth) {
    CityRow row;
    row.agency = a;
    row.depth = depth;
    t.rows.push_back(row);
    for (const agency::Agency* c : children[a.id]) walk(*c, depth + 1);
  };
  walk(*root, 0);
  GONGKAI_ASSIGN_OR_RETURN(auto tx, store_.Begin(storage::TxMode::kRead));
  for (CityRow& row : t.rows) {
    storage::ApplicationQuery q;
    q.agency = row.agency.id;
    GONGKAI_ASSIGN_OR_RETURN(auto apps, tx->applications().Find(q));
    for (Evaluated& e : Evaluate(apps)) {
      const Application& app = *e.app;
      if (LedgerYear(app) == t.year) ++row.received;
      const bool answered = Answered(app, e.conclusion) && e.conclusion->date.year == t.year;
      if (e.conclusion && !answered) continue;
      const auto& clock = e.Clock(today, *cal);
      if (!e.conclusion) {
        ++row.open;
        row.overdue += clock && clock->overdue ? 1 : 0;
      } else {
        ++row.answered;
        row.answered_on_time += clock && !clock->overdue ? 1 : 0;
      }
    }
    t.total.received += row.received;
    t.total.open += row.open;
    t.total.overdue += row.overdue;
    t.total.answered += row.answered;
    t.total.answered_on_time += row.answered_on_time;
  }
  t.total.agency = *root;
  return t;
}

}  // namespace gongkai::services

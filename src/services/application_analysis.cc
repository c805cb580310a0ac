// The applications service's analyses: duplicate detection, monthly counts, due-date
// recomputation after a calendar change, and the annual tables 三 and 四.
#include <algorithm>
#include <map>

#include "core/text.h"
#include "report/report_template.h"
#include "services/application_internal.h"
#include "services/application_service.h"
#include "services/audit.h"

namespace gongkai::services {

using account::Permission;
using namespace applications;  // NOLINT

namespace {

// Decodes UTF-8 (assumed valid; stored text is checked on the way in) into code points.
std::vector<char32_t> Decode(const std::string& s) {
  std::vector<char32_t> out;
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    int len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    char32_t cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
    for (int k = 1; k < len && i + k < s.size(); ++k) {
      cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    }
    out.push_back(cp);
    i += len;
  }
  return out;
}

// Keeps letters and digits: ASCII lower-cased, full-width ASCII folded, CJK and other scripts
// kept; spaces, ASCII and CJK punctuation, symbols dropped.
std::vector<char32_t> NormalizeDescription(const std::string& s) {
  std::vector<char32_t> out;
  for (char32_t cp : Decode(s)) {
    if (cp >= 0xFF01 && cp <= 0xFF5E) cp -= 0xFEE0;  // full-width → ASCII
    if (cp < 0x80) {
      if (cp >= 'A' && cp <= 'Z') cp += 'a' - 'A';
      if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9')) out.push_back(cp);
      continue;
    }
    bool punct = cp <= 0xBF ||                      // Latin-1 punctuation, NBSP
                 (cp >= 0x2000 && cp <= 0x206F) ||  // general punctuation
                 (cp >= 0x3000 && cp <= 0x303F) ||  // CJK symbols and punctuation
                 (cp >= 0xFE30 && cp <= 0xFE4F) ||  // CJK compatibility forms
                 (cp >= 0xFF5F && cp <= 0xFF65);    // half-width CJK punctuation
    if (!punct) out.push_back(cp);
  }
  return out;
}

}  // namespace

double DescriptionSimilarity(const std::string& a, const std::string& b) {
  std::vector<char32_t> x = NormalizeDescription(a), y = NormalizeDescription(b);
  if (x.empty() || y.empty()) return 0;
  if (x.size() < 2 || y.size() < 2) return x == y ? 1.0 : 0.0;
  std::map<std::pair<char32_t, char32_t>, int> grams;
  for (size_t i = 0; i + 1 < x.size(); ++i) ++grams[{x[i], x[i + 1]}];
  int common = 0;
  for (size_t i = 0; i + 1 < y.size(); ++i) {
    auto it = grams.find({y[i], y[i + 1]});
    if (it != grams.end() && it->second > 0) {
      --it->second;
      ++common;
    }
  }
  return 2.0 * common / static_cast<double>((x.size() - 1) + (y.size() - 1));
}

std::string CompiledTables::NumberOf(int64_t id) const {
  for (const auto& [k, number] : numbers) {
    if (k == id) return number;
  }
  return {};
}

Result<std::vector<DuplicateCandidate>> ApplicationService::Duplicates(const account::Actor& actor,
                                                                       ApplicationId id) {
  GONGKAI_ASSIGN_OR_RETURN(Application app,
                           LoadAuthorized(actor, Permission::kView, id, "application_view"));
  GONGKAI_ASSIGN_OR_RETURN(auto tx, store_.Begin(storage::TxMode::kRead));
  GONGKAI_ASSIGN_OR_RETURN(auto apps, tx->applications().ListByAgency(app.agency_id));
  std::vector<DuplicateCandidate> out;
  for (const Application& other : apps) {
    if (other.id == id) continue;
    bool same_person =
        (!app.identity.number.empty() && other.identity.number == app.identity.number) ||
        (!app.contact.name.empty() && !app.contact.phone.empty() &&
         other.contact.name == app.contact.name && other.contact.phone == app.contact.phone);
    if (!same_person) continue;
    double sim = DescriptionSimilarity(app.description, other.description);
    if (sim < kDuplicateThreshold) continue;
    out.push_back({other.id, other.number, ReceiptDate(other.channel, other.events), sim});
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const auto& a, const auto& b) { return a.similarity > b.similarity; });
  return out;
}

Result<int> ApplicationService::MonthlyCount(const account::Actor& actor, agency::AgencyId agency,
                                             const std::string& identity_number, Date month) {
  GONGKAI_RETURN_IF_ERROR(Authorize(actor, Permission::kView, agency, "application_list",
                                    "agency:" + std::to_string(agency)));
  std::string wanted = Trim(identity_number);
  std::transform(wanted.begin(), wanted.end(), wanted.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  GONGKAI_ASSIGN_OR_RETURN(auto tx, store_.Begin(storage::TxMode::kRead));
  GONGKAI_ASSIGN_OR_RETURN(auto apps, tx->applications().ListByAgency(agency));
  int count = 0;
  for (const Application& app : apps) {
    if (app.identity.number != wanted) continue;
    auto received = ReceiptDate(app.channel, app.events);
    if (received && received->year == month.year && received->month == month.month) ++count;
  }
  return count;
}

Result<std::vector<DueDateMove>> ApplicationService::RecomputeDueDates(
    const account::Actor& actor) {
  auto cal = Calendar();
  Date today = clock_.TodayInChina();
  std::vector<DueDateMove> moved;
  bool any_agency = false;
  Status s = internal::RetryBusy([&]() -> Status {
    moved.clear();
    GONGKAI_ASSIGN_OR_RETURN(auto tx, store_.Begin(storage::TxMode::kWrite));
    GONGKAI_ASSIGN_OR_RETURN(auto all, tx->agencies().List());
    auto parents = account::ParentsOf(all);
    // The console and system administrators may recompute even before any agency exists.
    any_agency = account::Can(actor, Permission::kHandleApplications, std::nullopt, parents);
    GONGKAI_ASSIGN_OR_RETURN(auto snaps, tx->application_meta().DueSnapshots());
    std::map<ApplicationId, storage::DueSnapshot> by_id;
    for (const auto& snap : snaps) by_id[snap.id] = snap;
    for (const agency::Agency& a : all) {
      if (!account::Can(actor, Permission::kHandleApplications, a.id, parents)) continue;
      any_agency = true;
      GONGKAI_ASSIGN_OR_RETURN(auto apps, tx->applications().ListByAgency(a.id));
      for (const Application& app : apps) {
        if (ConclusionOf(app.events)) continue;
        storage::DueSnapshot snap;
        auto it = by_id.find(app.id);
        bool had = it != by_id.end();
        snap.id = app.id;
        snap.as_of = had ? it->second.as_of : internal::SnapshotDay(app, today);
        Result<ClockState> c = ComputeClock(app, snap.as_of, *cal);
        if (c.ok()) snap.due = c->due;
        std::optional<Date> before = had ? it->second.due : std::nullopt;
        if (had && before == snap.due && c.ok()) continue;
        if (had || !c.ok()) {
          DueDateMove m;
          m.id = app.id;
          m.number = app.number;
          m.before = before;
          m.after = snap.due;
          if (!c.ok()) m.error = c.status().UserMessage();
          if (m.before != m.after || !m.error.empty()) moved.push_back(m);
        }
        GONGKAI_RETURN_IF_ERROR(tx->application_meta().SetDueSnapshot(snap));
      }
    }
    if (!any_agency) return Status::Ok();
    GONGKAI_RETURN_IF_ERROR(AppendAudit(*tx, clock_, actor, "application_recompute", "system",
                                        std::to_string(moved.size()) + " moved"));
    return tx->Commit();
  });
  GONGKAI_RETURN_IF_ERROR(s);
  if (!any_agency) {
    return DenyAndAudit(store_, clock_, actor, "application_recompute", "system",
                        "无权重新计算答复期限（需要办理依申请公开的角色）");
  }
  return moved;
}

Result<CompiledTables> ApplicationService::CompileTables(const account::Actor& actor,
                                                         agency::AgencyId agency, int year) {
  GONGKAI_RETURN_IF_ERROR(Authorize(actor, Permission::kView, agency, "application_report",
                                    "agency:" + std::to_string(agency)));
  if (year < 1900 || year > 9999) {
    return InvalidArgument("bad year", "年份不正确：" + std::to_string(year));
  }
  GONGKAI_ASSIGN_OR_RETURN(auto tx, store_.Begin(storage::TxMode::kRead));
  GONGKAI_ASSIGN_OR_RETURN(agency::Agency a, tx->agencies().Get(agency));
  GONGKAI_ASSIGN_OR_RETURN(auto apps, tx->applications().ListByAgency(agency));
  GONGKAI_ASSIGN_OR_RETURN(auto cases, tx->applications().ListCases(agency));
  CompiledTables out;
  out.table3 = ComputeTable3(agency, year, apps);
  out.table4 = ComputeTable4(agency, year, cases);
  for (const Application& app : apps) out.numbers.emplace_back(app.id, app.number);
  for (const Case& c : cases) out.case_applications.emplace_back(c.id, c.application_id);
  const report::ReportTemplate& tmpl = report::GetTemplate(report::TemplateVersion::k2021);
  if (static_cast<int>(tmpl.table3.size()) != kTable3Rows) {
    return Internal("table 3 template has " + std::to_string(tmpl.table3.size()) + " rows");
  }
  out.report = report::MakeEmptyReport(report::TemplateVersion::k2021);
  out.report.agency = a.name;
  out.report.year = year;
  out.report.table3.resize(kTable3Rows);
  for (int r = 0; r < kTable3Rows; ++r) {
    for (int c = 0; c < kTable3Columns; ++c) out.report.table3[r][c] = out.table3.at(r, c);
  }
  for (int c = 0; c < kTable4Columns; ++c) out.report.table4[c] = out.table4.at(c);
  return out;
}

}  // namespace gongkai::services

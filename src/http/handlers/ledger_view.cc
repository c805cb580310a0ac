#include "http/handlers/ledger_view.h"

#include "applications/clock.h"

namespace gongkai::http {

namespace {

namespace apps = applications;
using services::Attention;

std::string DateText(const std::optional<Date>& d) { return d ? d->ToString() : "—"; }

mstch::map Option(const std::string& code, const std::string& label, const std::string& chosen) {
  return {{"code", code}, {"label", label}, {"selected", code == chosen}};
}

// What to do about each list, beside its count.
std::string HintOf(Attention a) {
  switch (a) {
    case Attention::kOverdue:
      return "已超过答复期限，尽快作出答复";
    case Attention::kDueToday:
      return "今日须作出答复或依法延期";
    case Attention::kDueSoon:
      return "剩余1至3个工作日（不含今日到期）";
    case Attention::kAwaitingReceipt:
      return "登记签收或确认收到后开始计算答复期限";
    case Attention::kExpiredCorrection:
      return "补正期限届满未补正：登记“逾期未补正”";
    case Attention::kExpiredFee:
      return "缴费期限届满未缴费：登记“逾期未缴费”";
    case Attention::kExpiredConsultation:
      return "第三方或其他机关逾期未提出意见：依法作出答复";
    case Attention::kPendingApproval:
      return "拟办答复待法制审核或签发；签发前不计为办结，期限照常计算";
  }
  return "";
}

mstch::array StatusOptions(const std::string& chosen) {
  mstch::array out{Option("", "全部", chosen), Option("open", "未办结（全部）", chosen)};
  for (auto s : {apps::ApplicationStatus::kAwaitingReceipt, apps::ApplicationStatus::kInProgress,
                 apps::ApplicationStatus::kAwaitingCorrection, apps::ApplicationStatus::kConsulting,
                 apps::ApplicationStatus::kAwaitingFee, apps::ApplicationStatus::kConcluded}) {
    out.push_back(Option(std::string(services::StatusFilterCode(s)),
                         std::string(apps::StatusLabel(s)), chosen));
  }
  return out;
}

mstch::array OutcomeOptions(const std::string& chosen) {
  mstch::array out{Option("", "全部", chosen)};
  std::string_view group;
  for (const apps::OutcomeInfo& info : apps::AllOutcomes()) {
    std::string code(info.code);
    if (size_t dot = code.find('.'); dot != std::string::npos && info.group != group) {
      out.push_back(Option(code.substr(0, dot), std::string(info.group) + "（全部）", chosen));
    }
    group = info.group;
    out.push_back(Option(code, apps::FullLabel(info.row), chosen));
  }
  return out;
}

mstch::array ChannelOptions(const std::string& chosen) {
  mstch::array out{Option("", "全部", chosen)};
  for (auto c : {apps::Channel::kOnline, apps::Channel::kInPerson, apps::Channel::kRegisteredLetter,
                 apps::Channel::kOrdinaryLetter, apps::Channel::kFax, apps::Channel::kEmail}) {
    out.push_back(
        Option(std::string(apps::ChannelCode(c)), std::string(apps::ChannelLabel(c)), chosen));
  }
  return out;
}

mstch::array KindOptions(const std::string& chosen) {
  mstch::array out{Option("", "全部", chosen), Option("natural_person", "自然人", chosen),
                   Option("organisation", "法人或其他组织（全部）", chosen)};
  for (apps::ApplicantKind k : apps::kAllApplicantKinds) {
    if (k == apps::ApplicantKind::kNaturalPerson) continue;
    out.push_back(Option(std::string(apps::ApplicantKindCode(k)),
                         "法人或其他组织 · " + std::string(apps::ApplicantKindLabel(k)), chosen));
  }
  return out;
}

mstch::array AttentionOptions(const std::string& chosen) {
  mstch::array out{Option("", "全部", chosen)};
  for (Attention a : services::kAllAttentions) {
    out.push_back(Option(std::string(services::AttentionCode(a)),
                         std::string(services::AttentionLabel(a)), chosen));
  }
  return out;
}

// The ten years up to `last`, and `chosen` when older.
mstch::array YearOptions(int last, const std::optional<int>& chosen) {
  std::string c = chosen ? std::to_string(*chosen) : "";
  mstch::array out{Option("", "全部", c)};
  for (int y = last; y > last - 10; --y)
    out.push_back(Option(std::to_string(y), std::to_string(y) + "年", c));
  if (chosen && (*chosen > last || *chosen <= last - 10)) {
    out.push_back(Option(c, c + "年", c));
  }
  return out;
}

std::string DaysText(const services::ApplicationSummary& s) {
  if (!s.due) return "—";
  if (s.status == apps::ApplicationStatus::kConcluded) return s.overdue ? "逾期答复" : "按期";
  int n = s.working_days_left;
  if (n < 0) return "已逾期" + std::to_string(-n) + "个工作日";
  if (n == 0) return "今日到期";
  return "剩余" + std::to_string(n) + "个工作日";
}

mstch::array Rows(const services::LedgerPage& page) {
  mstch::array rows;
  for (const services::LedgerRow& r : page.rows) {
    const services::ApplicationSummary& s = r.summary;
    mstch::array actions;
    for (const apps::ExpiredWait& w : s.expired) actions.push_back(mstch::map{{"text", w.action}});
    rows.push_back(mstch::map{
        {"id", std::to_string(s.id)},
        {"number", s.number},
        {"received", DateText(s.received)},
        {"applicant", s.applicant_name},
        {"kind", std::string(apps::ApplicantKindLabel(r.applicant_kind))},
        {"channel", std::string(apps::ChannelLabel(r.channel))},
        {"description", r.description},
        {"status", std::string(apps::StatusLabel(s.status))},
        {"due", DateText(s.due)},
        {"due_note", s.due_note},
        {"days", DaysText(s)},
        {"overdue", s.overdue && !r.conclusion},
        {"outcome", r.conclusion ? apps::FullLabel(r.conclusion->row) : std::string("—")},
        {"concluded", r.conclusion ? r.conclusion->date.ToString() : std::string()},
        {"actions", actions}});
  }
  return rows;
}

mstch::map Number(int n, const std::string& href) {
  return {{"n", std::to_string(n)}, {"href", href}, {"zero", n == 0}};
}

}  // namespace

std::string LedgerLink(agency::AgencyId agency, const std::string& query) {
  return "/admin/applications/ledger?agency=" + std::to_string(agency) +
         (query.empty() ? "" : "&" + query);
}

mstch::map WorkbenchContext(const services::Workbench& w) {
  mstch::array counts;
  for (const services::WorkbenchCount& c : w.counts) {
    std::string code(services::AttentionCode(c.attention));
    counts.push_back(mstch::map{{"code", code},
                                {"label", std::string(services::AttentionLabel(c.attention))},
                                {"count", std::to_string(c.count)},
                                {"zero", c.count == 0},
                                {"urgent", c.count > 0 && c.attention != Attention::kDueSoon},
                                {"href", LedgerLink(w.agency.id, "attention=" + code)},
                                {"hint", HintOf(c.attention)}});
  }
  const std::string id = std::to_string(w.agency.id);
  return {{"agency_id", id},
          {"agency_name", w.agency.name},
          {"as_of", w.as_of.ToString()},
          {"weekday", w.as_of.ChineseWeekday()},
          {"year", std::to_string(w.as_of.year)},
          {"counts", counts},
          {"open", std::to_string(w.open)},
          {"open_href", LedgerLink(w.agency.id, "status=open")},
          {"received", std::to_string(w.received_this_year)},
          {"received_href", LedgerLink(w.agency.id, "year=" + std::to_string(w.as_of.year))},
          {"ledger_href", LedgerLink(w.agency.id, "")}};
}

mstch::map CityTableContext(const services::CityTable& t) {
  const std::string y = std::to_string(t.year);
  auto numbers = [&](const services::CityRow& r, bool links) {
    auto link = [&](const std::string& q) { return links ? LedgerLink(r.agency.id, q) : ""; };
    auto pct = r.on_time_percent();
    return mstch::map{
        {"name", r.agency.name},
        {"workbench", "/admin/workbench?agency=" + std::to_string(r.agency.id)},
        {"indent", r.depth > 0},
        {"received", Number(r.received, link("year=" + y))},
        {"open", Number(r.open, link("status=open"))},
        {"overdue", Number(r.overdue, link("attention=overdue"))},
        {"answered", Number(r.answered, link("answered_year=" + y))},
        {"on_time", Number(r.answered_on_time, link("answered_year=" + y + "&on_time=yes"))},
        {"percent", pct ? std::to_string(*pct) + "%" : std::string("—")}};
  };
  mstch::array rows;
  for (const services::CityRow& r : t.rows) rows.push_back(numbers(r, true));
  return {{"city_year", y},
          {"city_rows", rows},
          {"city_total", numbers(t.total, false)},
          {"city_count", std::to_string(t.rows.size())}};
}

mstch::map LedgerContext(const services::LedgerPage& page, const services::LedgerFilter& f,
                         agency::AgencyId agency, const std::string& agency_name,
                         mstch::array agencies) {
  const std::string query = services::LedgerQueryString(f);
  const std::string id = std::to_string(agency);
  auto page_link = [&](int p) {
    return LedgerLink(agency, query + (query.empty() ? "" : "&") + "page=" + std::to_string(p));
  };
  std::string export_query = "?agency=" + id + (query.empty() ? "" : "&" + query);
  return {{"agency_id", id},
          {"agency_name", agency_name},
          {"agencies", std::move(agencies)},
          {"as_of", page.as_of.ToString()},
          {"q", f.text},
          {"years", YearOptions(page.as_of.year, f.year)},
          {"answered_years", YearOptions(page.as_of.year, f.answered_year)},
          {"statuses", StatusOptions(f.status)},
          {"outcomes", OutcomeOptions(f.outcome)},
          {"channels", ChannelOptions(f.channel ? std::string(apps::ChannelCode(*f.channel)) : "")},
          {"kinds", KindOptions(f.kind)},
          {"attentions",
           AttentionOptions(f.attention ? std::string(services::AttentionCode(*f.attention)) : "")},
          {"on_times", mstch::array{Option("", "全部", f.on_time ? "x" : ""),
                                    Option("yes", "按期", f.on_time == true ? "yes" : ""),
                                    Option("no", "超期", f.on_time == false ? "no" : "")}},
          {"filtered", !query.empty()},
          {"total", std::to_string(page.total)},
          {"page", std::to_string(page.page)},
          {"pages", std::to_string(page.pages)},
          {"rows", Rows(page)},
          {"empty", page.rows.empty()},
          {"has_prev", page.page > 1},
          {"prev_href", page_link(page.page - 1)},
          {"has_next", page.page < page.pages},
          {"next_href", page_link(page.page + 1)},
          {"csv_href", "/admin/applications/ledger.csv" + export_query},
          {"xlsx_href", "/admin/applications/ledger.xlsx" + export_query},
          {"clear_href", LedgerLink(agency, "")}};
}

}  // namespace gongkai::http

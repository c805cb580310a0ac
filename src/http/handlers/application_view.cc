#include "http/handlers/application_view.h"

#include <algorithm>

#include "account/permissions.h"
#include "applications/outcome.h"
#include "letters/letter.h"
#include "services/letter_service.h"

namespace gongkai::http {

namespace {

namespace apps = applications;
using apps::EventType;

std::string DateText(const std::optional<Date>& d) { return d ? d->ToString() : "—"; }

mstch::array Choices(const std::vector<std::pair<std::string, std::string>>& options,
                     const std::string& selected) {
  mstch::array out;
  for (const auto& [code, label] : options) {
    out.push_back(mstch::map{{"code", code}, {"label", label}, {"selected", code == selected}});
  }
  return out;
}

template <typename T, typename CodeFn, typename LabelFn>
std::vector<std::pair<std::string, std::string>> Options(std::initializer_list<T> values,
                                                         CodeFn code, LabelFn label) {
  std::vector<std::pair<std::string, std::string>> out;
  for (T v : values) out.emplace_back(std::string(code(v)), std::string(label(v)));
  return out;
}

std::string EventDetails(const apps::Event& e) {
  std::string s;
  if (e.type == EventType::kCorrected) {
    if (!e.outcomes.empty()) {
      s += "办理结果更正为：";
      for (auto row : e.outcomes) s += apps::FullLabel(row) + " ";
    }
    if (e.decision_date) s += "答复日期更正为" + e.decision_date->ToString() + " ";
    return s + "理由：" + e.note;
  }
  if (e.type == EventType::kReturned) return "退回理由：" + e.note;
  const bool approval = e.type == EventType::kApproved;
  if (!e.party.empty() && !approval) s += e.party + " ";
  if (e.days != 0 && !approval) s += std::to_string(e.days) + "个工作日 ";
  if (e.type == EventType::kFeeNoticeSent) {
    s += std::string(apps::FeeMethodLabel(e.fee_method)) + " ";
    if (e.pages > 0) s += std::to_string(e.pages) + "页 ";
    s += apps::FormatYuan(e.fee) + " ";
  }
  for (auto row : e.outcomes)
    s += apps::FullLabel(row) + "（" + std::string(apps::InfoFor(row).basis) + "） ";
  return s + e.note;
}

std::string DraftText(const apps::ClockState& c) {
  std::string s;
  for (auto r : c.draft_outcomes) s += (s.empty() ? "" : "；") + apps::FullLabel(r);
  return s;
}

bool HasCorrection(const apps::Application& a) {
  for (const auto& e : a.events) {
    if (e.type == EventType::kCorrected) return true;
  }
  return false;
}

mstch::array Actions(const apps::ClockState& c) {
  mstch::array out;
  for (const auto& w : c.expired) out.push_back(w.action);
  return out;
}

}  // namespace

std::vector<agency::Agency> ViewableAgencies(const std::vector<agency::Agency>& all,
                                             const account::Actor& actor) {
  auto parents = account::ParentsOf(all);
  std::vector<agency::Agency> out;
  for (const auto& a : all) {
    if (account::Can(actor, account::Permission::kView, a.id, parents)) out.push_back(a);
  }
  return out;
}

AgencyChoice ChooseAgency(const std::vector<agency::Agency>& viewable, std::string chosen) {
  AgencyChoice c;
  if (chosen.empty() && !viewable.empty()) chosen = std::to_string(viewable.front().id);
  for (const auto& a : viewable) {
    std::string id = std::to_string(a.id);
    c.options.push_back(mstch::map{{"code", id}, {"label", a.name}, {"selected", id == chosen}});
  }
  c.chosen = std::move(chosen);
  return c;
}

mstch::map ApplicationFormContext(const FieldFn& get, const std::vector<agency::Agency>& agencies,
                                  bool staff) {
  std::string agency = get("agency_id");
  mstch::array agency_options;
  for (const auto& a : agencies) {
    std::string id = std::to_string(a.id);
    agency_options.push_back(
        mstch::map{{"code", id}, {"label", a.name}, {"selected", id == agency}});
  }
  std::string kind = get("applicant_kind");
  std::string carrier = get("carrier"), delivery = get("delivery");
  mstch::map m{
      {"agencies", agency_options},
      {"kinds",
       Choices(
           Options(
               {apps::ApplicantKind::kNaturalPerson, apps::ApplicantKind::kCommercialEnterprise,
                apps::ApplicantKind::kResearchInstitution, apps::ApplicantKind::kSocialWelfareOrg,
                apps::ApplicantKind::kLegalServiceOrg, apps::ApplicantKind::kOtherOrg},
               apps::ApplicantKindCode, apps::ApplicantKindLabel),
           kind.empty() ? "natural_person" : kind)},
      {"carriers", Choices(Options({apps::Carrier::kPaper, apps::Carrier::kEmail,
                                    apps::Carrier::kDisc, apps::Carrier::kDisk},
                                   apps::CarrierCode, apps::CarrierLabel),
                           carrier.empty() ? "email" : carrier)},
      {"deliveries", Choices(Options({apps::Delivery::kPost, apps::Delivery::kExpress,
                                      apps::Delivery::kEmail, apps::Delivery::kFax,
                                      apps::Delivery::kPickUp, apps::Delivery::kOnSiteReading},
                                     apps::DeliveryCode, apps::DeliveryLabel),
                             delivery.empty() ? "email" : delivery)},
      {"staff", staff}};
  if (staff) {
    std::string channel = get("channel");
    m["channels"] = Choices(Options({apps::Channel::kInPerson, apps::Channel::kRegisteredLetter,
                                     apps::Channel::kOrdinaryLetter, apps::Channel::kFax,
                                     apps::Channel::kEmail, apps::Channel::kOnline},
                                    apps::ChannelCode, apps::ChannelLabel),
                            channel.empty() ? "in_person" : channel);
    m["submitted_date"] = get("submitted_date");
    m["receipt_date"] = get("receipt_date");
  }
  for (const char* f :
       {"identity.number", "contact.name", "contact.work_unit", "contact.legal_representative",
        "contact.contact_person", "contact.phone", "contact.fax", "contact.email",
        "contact.address", "contact.postcode", "description", "document_number", "purpose"}) {
    std::string key(f);
    std::replace(key.begin(), key.end(), '.', '_');
    m[key] = get(f);
  }
  return m;
}

// 「剩余5个工作日」 / 「已逾期3个工作日」.
std::string DaysLeft(int n) {
  return n >= 0 ? "剩余" + std::to_string(n) + "个工作日"
                : "已逾期" + std::to_string(-n) + "个工作日";
}

mstch::array SummaryRows(const std::vector<services::ApplicationSummary>& list) {
  mstch::array rows;
  for (const auto& s : list) {
    rows.push_back(mstch::map{{"id", std::to_string(s.id)},
                              {"number", s.number},
                              {"applicant", s.applicant_name},
                              {"status", std::string(apps::StatusLabel(s.status))},
                              {"received", DateText(s.received)},
                              {"due", DateText(s.due)},
                              {"days_left", s.due ? DaysLeft(s.working_days_left) : "—"},
                              {"due_note", s.due_note},
                              {"overdue", s.overdue}});
  }
  return rows;
}

std::string TimelineLabel(const apps::Event& e) {
  if (e.type == EventType::kApproved) return e.party + "通过";
  if (e.type == EventType::kReturned) return e.party + "退回拟办";
  return std::string(apps::EventTypeLabel(e.type));
}

mstch::map DetailContext(const services::ApplicationDetail& d,
                         const std::vector<services::DuplicateCandidate>& duplicates, Date today,
                         const EventFormState* state) {
  const apps::Application& a = d.app;
  const apps::ClockState& c = d.clock;
  mstch::array timeline;
  for (const auto& e : a.events) {
    timeline.push_back(mstch::map{{"date", e.date.ToString()},
                                  {"label", TimelineLabel(e)},
                                  {"details", EventDetails(e)},
                                  {"actor", e.actor}});
  }
  mstch::array days;
  if (c.explanation) {
    for (const auto& x : c.explanation->days) {
      days.push_back(mstch::map{{"date", x.info.date.ToString()},
                                {"weekday", x.weekday},
                                {"counted", x.counted},
                                {"running", std::to_string(x.running_count)},
                                {"reason", x.reason}});
    }
  }
  mstch::array forms;
  bool state_shown = false;
  for (size_t i = 0; i < d.actions.size(); ++i) {
    forms.push_back(EventForm(d.actions[i], d, today, i == 0, state));
    state_shown = state_shown || (state && state->type == apps::EventTypeCode(d.actions[i]));
  }
  mstch::array dups;
  for (const auto& x : duplicates) {
    dups.push_back(mstch::map{
        {"id", std::to_string(x.id)},
        {"number", x.number},
        {"received", DateText(x.received)},
        {"similarity", std::to_string(static_cast<int>(x.similarity * 100 + 0.5)) + "%"}});
  }
  mstch::array cases;
  for (const auto& k : d.cases) {
    cases.push_back(mstch::map{{"kind", std::string(apps::CaseKindLabel(k.kind))},
                               {"filed", k.filed.ToString()},
                               {"result", std::string(apps::CaseResultLabel(k.result))},
                               {"decided_on", DateText(k.decided_on)}});
  }
  mstch::array letter_forms;
  for (letters::LetterKind kind : services::AvailableLetters(a)) {
    bool decision = kind == letters::LetterKind::kReply || kind == letters::LetterKind::kNotice;
    letter_forms.push_back(mstch::map{{"kind", std::string(letters::KindCode(kind))},
                                      {"label", std::string(letters::KindLabel(kind))},
                                      {"decision", decision},
                                      {"correction", kind == letters::LetterKind::kCorrection},
                                      {"fee", kind == letters::LetterKind::kFee}});
  }
  auto strings = [](const std::vector<std::string>& v) {
    mstch::array out;
    for (const auto& s : v) out.push_back(s);
    return out;
  };
  const auto& k = a.contact;
  return {{"id", std::to_string(a.id)},
          {"number", a.number},
          {"agency_id", std::to_string(a.agency_id)},
          {"agency_name", d.agency_name},
          {"channel", std::string(apps::ChannelLabel(a.channel))},
          {"applicant_kind", std::string(apps::ApplicantKindLabel(a.applicant_kind))},
          {"identity", a.identity.number},
          {"name", k.name},
          {"work_unit", k.work_unit},
          {"contact_person", k.contact_person},
          {"legal_representative", k.legal_representative},
          {"phone", k.phone},
          {"email", k.email},
          {"address", k.address},
          {"postcode", k.postcode},
          {"description", a.description},
          {"document_number", a.document_number},
          {"purpose", a.purpose},
          {"carrier", std::string(apps::CarrierLabel(a.carrier))},
          {"delivery", std::string(apps::DeliveryLabel(a.delivery))},
          {"decision_corrected", a.decision_corrected},
          {"status", std::string(apps::StatusLabel(c.status))},
          {"as_of", c.as_of.ToString()},
          {"received", DateText(c.received)},
          {"due", DateText(c.due)},
          {"has_due", c.due.has_value() && !c.conclusion},
          {"days_left", DaysLeft(c.working_days_left)},
          {"due_note", c.conclusion ? std::string() : c.ProvisionalNote()},
          {"overdue", c.overdue},
          {"paused", c.paused},
          {"conclusion", c.conclusion ? apps::FullLabel(c.conclusion->row) + "（" +
                                            c.conclusion->date.ToString() + "）"
                                      : std::string()},
          {"next_label", d.next_deadline.label},
          {"next_date", DateText(d.next_deadline.date)},
          {"next_days", DaysLeft(d.next_deadline.working_days_left)},
          {"next_late", d.next_deadline.working_days_left < 0},
          {"pending_step", d.pending_approval_step},
          {"draft_outcomes", DraftText(c)},
          {"corrected", HasCorrection(a)},
          {"expired", Actions(c)},
          {"chain", account::DescribeApprovalChain(d.chain)},
          {"basis", strings(c.basis)},
          {"warnings", strings(c.warnings)},
          {"clock_text", strings(apps::DescribeClock(c))},
          {"days", days},
          {"timeline", timeline},
          {"forms", forms},
          {"has_forms", !forms.empty()},
          {"has_days", !days.empty()},
          {"duplicates", dups},
          {"has_duplicates", !dups.empty()},
          {"cases", cases},
          {"has_cases", !cases.empty()},
          {"letters", letter_forms},
          {"has_letters", !letter_forms.empty()},
          // A refusal of an action the page does not offer now: the reason at the top.
          {"form_error", state && !state_shown ? state->error : std::string()},
          {"attachments", AttachmentRows(d.attachments)},
          {"has_attachments", !d.attachments.empty()}};
}

}  // namespace gongkai::http

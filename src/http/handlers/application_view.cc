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

bool Has(const std::vector<apps::Event>& events, EventType type) {
  return std::any_of(events.begin(), events.end(),
                     [type](const apps::Event& e) { return e.type == type; });
}

// The events a clerk would record next, given the clock's status.
std::vector<EventType> NextEvents(const apps::Application& app, const apps::ClockState& clock) {
  const auto& ev = app.events;
  switch (clock.status) {
    case apps::ApplicationStatus::kConcluded:
      if (Has(ev, EventType::kDecided) && !Has(ev, EventType::kDelivered)) {
        return {EventType::kDelivered};
      }
      return {};
    case apps::ApplicationStatus::kAwaitingReceipt:
      return {app.channel == apps::Channel::kRegisteredLetter ? EventType::kSignedFor
                                                              : EventType::kConfirmed,
              EventType::kWithdrawn};
    case apps::ApplicationStatus::kAwaitingCorrection:
      return {EventType::kCorrectionReceived, EventType::kCorrectionLapsed, EventType::kWithdrawn};
    case apps::ApplicationStatus::kAwaitingFee:
      return {EventType::kFeePaid, EventType::kFeeLapsed, EventType::kWithdrawn};
    case apps::ApplicationStatus::kInProgress:
    case apps::ApplicationStatus::kConsulting:
      break;
  }
  std::vector<EventType> out = {EventType::kDecided};
  if (clock.status == apps::ApplicationStatus::kConsulting) {
    out.push_back(EventType::kConsultationAnswered);
  }
  if (!Has(ev, EventType::kCorrectionRequested)) out.push_back(EventType::kCorrectionRequested);
  out.push_back(EventType::kConsultationStarted);
  if (!Has(ev, EventType::kExtensionApproved)) out.push_back(EventType::kExtensionApproved);
  if (!Has(ev, EventType::kFeeNoticeSent)) out.push_back(EventType::kFeeNoticeSent);
  out.push_back(EventType::kWithdrawn);
  return out;
}

mstch::array OutcomeOptions() {
  mstch::array out;
  for (const auto& info : apps::AllOutcomes()) {
    if (!info.decidable) continue;
    out.push_back(mstch::map{{"code", std::string(info.code)},
                             {"label", apps::FullLabel(info.row)},
                             {"basis", std::string(info.basis)}});
  }
  return out;
}

mstch::map EventForm(EventType type, Date today) {
  return {
      {"code", std::string(apps::EventTypeCode(type))},
      {"label", std::string(apps::EventTypeLabel(type))},
      {"today", today.ToString()},
      {"needs_days",
       type == EventType::kCorrectionRequested || type == EventType::kExtensionApproved},
      {"days_label", std::string(type == EventType::kExtensionApproved ? "延长工作日数（不超过20）"
                                                                       : "补正期限（工作日）")},
      {"needs_party", type == EventType::kConsultationStarted ||
                          type == EventType::kConsultationAnswered ||
                          type == EventType::kExtensionApproved},
      {"party_label",
       std::string(type == EventType::kExtensionApproved ? "审批人" : "征求意见对象")},
      {"needs_consulted", type == EventType::kConsultationStarted},
      {"needs_fee", type == EventType::kFeeNoticeSent},
      {"needs_outcomes", type == EventType::kDecided},
      {"outcomes", type == EventType::kDecided ? OutcomeOptions() : mstch::array{}}};
}

std::string EventDetails(const apps::Event& e) {
  std::string s;
  if (!e.party.empty()) s += e.party + " ";
  if (e.days != 0) s += std::to_string(e.days) + "个工作日 ";
  if (e.type == EventType::kFeeNoticeSent) {
    s += std::string(apps::FeeMethodLabel(e.fee_method)) + " " + apps::FormatYuan(e.fee) + " ";
  }
  for (auto row : e.outcomes)
    s += apps::FullLabel(row) + "（" + std::string(apps::InfoFor(row).basis) + "） ";
  return s + e.note;
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

mstch::map DetailContext(const services::ApplicationDetail& d,
                         const std::vector<services::DuplicateCandidate>& duplicates, Date today) {
  const apps::Application& a = d.app;
  const apps::ClockState& c = d.clock;
  mstch::array timeline;
  for (const auto& e : a.events) {
    timeline.push_back(mstch::map{{"date", e.date.ToString()},
                                  {"label", std::string(apps::EventTypeLabel(e.type))},
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
  for (EventType t : NextEvents(a, c)) forms.push_back(EventForm(t, today));
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
          {"attachments", AttachmentRows(d.attachments)},
          {"has_attachments", !d.attachments.empty()}};
}

}  // namespace gongkai::http

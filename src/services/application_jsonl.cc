// JSON lines export and import of applications (schema "gongkai.application" version 1,
// docs/applications.md). The import validates everything before writing and writes all records
// in one transaction.
#include <map>
#include <nlohmann/json.hpp>

#include "core/text.h"
#include "services/application_internal.h"
#include "services/application_json.h"
#include "services/application_service.h"
#include "services/audit.h"

namespace gongkai::services {

using account::Permission;
using namespace applications;  // NOLINT
using Json = nlohmann::ordered_json;

namespace {

constexpr const char* kSchema = "gongkai.application";
constexpr int kSchemaVersion = 1;

Json EventJson(const Event& e) {
  Json j;
  j["type"] = EventTypeCode(e.type);
  j["date"] = e.date.ToString();
  j["actor"] = e.actor;
  j["note"] = e.note;
  j["party"] = e.party;
  j["consulted"] = ConsultedPartyCode(e.consulted);
  j["days"] = e.days;
  j["fee"] = e.fee;
  j["fee_method"] = FeeMethodCode(e.fee_method);
  if (e.pages > 0) j["pages"] = e.pages;  // optional: absent in exports made before 008
  Json outcomes = Json::array();
  for (OutcomeRow r : e.outcomes) outcomes.push_back(InfoFor(r).code);
  j["outcomes"] = outcomes;
  if (e.decision_date) j["decision_date"] = e.decision_date->ToString();
  return j;
}

Json ApplicationJson(const Application& a, const std::string& agency_name,
                     const std::vector<Case>& cases, const std::optional<Filing>& filing) {
  Json j;
  j["schema"] = kSchema;
  j["version"] = kSchemaVersion;
  j["agency"] = agency_name;
  j.update(ApplicationFormJson(a));
  Json events = Json::array();
  for (const Event& e : a.events) events.push_back(EventJson(e));
  j["events"] = events;
  Json cs = Json::array();
  for (const Case& k : cases) cs.push_back(CaseJson(k));
  j["cases"] = cs;
  j["filing"] = FilingJson(filing);
  return j;
}

// Strict field readers: kInvalidArgument naming the field.
Status Bad(const std::string& field, const std::string& what) {
  return InvalidArgument("field " + field + ": " + what, "字段 " + field + " " + what);
}

Result<std::string> Str(const Json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_string()) return Bad(key, "缺失或不是字符串");
  return it->get<std::string>();
}

Result<int64_t> Int(const Json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_number_integer()) return Bad(key, "缺失或不是整数");
  return it->get<int64_t>();
}

Result<Date> DateField(const Json& j, const char* key) {
  GONGKAI_ASSIGN_OR_RETURN(std::string text, Str(j, key));
  Result<Date> d = Date::Parse(text);
  if (!d.ok()) return Bad(key, "不是有效日期：" + text);
  return d;
}

template <typename E>
Result<E> Enum(const Json& j, const char* key, std::optional<E> (*parse)(std::string_view)) {
  GONGKAI_ASSIGN_OR_RETURN(std::string text, Str(j, key));
  if (std::optional<E> value = parse(text)) return *value;
  return Bad(key, "取值未知：" + text);
}

Result<Event> ParseEvent(const Json& j) {
  if (!j.is_object()) return Bad("events[]", "不是对象");
  Event e;
  GONGKAI_ASSIGN_OR_RETURN(std::string type, Str(j, "type"));
  GONGKAI_ASSIGN_OR_RETURN(e.type, ParseEventType(type));
  GONGKAI_ASSIGN_OR_RETURN(e.date, DateField(j, "date"));
  GONGKAI_ASSIGN_OR_RETURN(e.actor, Str(j, "actor"));
  GONGKAI_ASSIGN_OR_RETURN(e.note, Str(j, "note"));
  GONGKAI_ASSIGN_OR_RETURN(e.party, Str(j, "party"));
  GONGKAI_ASSIGN_OR_RETURN(e.consulted, Enum(j, "consulted", ParseConsultedParty));
  GONGKAI_ASSIGN_OR_RETURN(int64_t days, Int(j, "days"));
  if (days < 0 || days > 1000) return Bad("days", "超出范围");
  e.days = static_cast<int>(days);
  GONGKAI_ASSIGN_OR_RETURN(e.fee, Int(j, "fee"));
  GONGKAI_ASSIGN_OR_RETURN(e.fee_method, Enum(j, "fee_method", ParseFeeMethod));
  if (j.contains("pages")) {
    GONGKAI_ASSIGN_OR_RETURN(int64_t pages, Int(j, "pages"));
    if (pages < 0 || pages > kMaxFeePages) return Bad("pages", "超出范围");
    e.pages = static_cast<int>(pages);
  }
  auto it = j.find("outcomes");
  if (it == j.end() || !it->is_array()) return Bad("outcomes", "缺失或不是数组");
  for (const Json& o : *it) {
    if (!o.is_string()) return Bad("outcomes", "元素不是字符串");
    GONGKAI_ASSIGN_OR_RETURN(OutcomeRow r, ParseOutcome(o.get<std::string>()));
    e.outcomes.push_back(r);
  }
  if (j.contains("decision_date")) {  // 更正: optional, absent in records before it existed
    GONGKAI_ASSIGN_OR_RETURN(Date d, DateField(j, "decision_date"));
    e.decision_date = d;
  }
  GONGKAI_RETURN_IF_ERROR(internal::ValidateEventText(&e));
  return e;
}

struct ImportRecord {
  std::string agency_name;
  ApplicationInput input;
  std::string number;
  bool decision_corrected = false;
  std::vector<Event> events;
  std::vector<Case> cases;
  std::optional<Filing> filing;
};

Result<ImportRecord> ParseRecord(const Json& j, Date today,
                                 const calendar::WorkingDayCalendar& cal) {
  if (!j.is_object()) return InvalidArgument("not an object", "不是 JSON 对象");
  ImportRecord r;
  GONGKAI_ASSIGN_OR_RETURN(std::string schema, Str(j, "schema"));
  GONGKAI_ASSIGN_OR_RETURN(int64_t version, Int(j, "version"));
  if (schema != kSchema || version != kSchemaVersion) {
    return InvalidArgument("unknown schema", "不是 gongkai.application 第 1 版记录");
  }
  GONGKAI_ASSIGN_OR_RETURN(r.agency_name, Str(j, "agency"));
  GONGKAI_ASSIGN_OR_RETURN(r.number, Str(j, "number"));
  ApplicationInput& in = r.input;
  GONGKAI_ASSIGN_OR_RETURN(std::string channel, Str(j, "channel"));
  GONGKAI_ASSIGN_OR_RETURN(in.channel, ParseChannel(channel));
  GONGKAI_ASSIGN_OR_RETURN(std::string kind, Str(j, "applicant_kind"));
  GONGKAI_ASSIGN_OR_RETURN(in.applicant_kind, ParseApplicantKind(kind));
  auto id = j.find("identity");
  if (id == j.end() || !id->is_object()) return Bad("identity", "缺失或不是对象");
  GONGKAI_ASSIGN_OR_RETURN(in.identity.document, Enum(*id, "document", ParseIdentityDocument));
  GONGKAI_ASSIGN_OR_RETURN(in.identity.number, Str(*id, "number"));
  auto c = j.find("contact");
  if (c == j.end() || !c->is_object()) return Bad("contact", "缺失或不是对象");
  GONGKAI_ASSIGN_OR_RETURN(in.contact.name, Str(*c, "name"));
  GONGKAI_ASSIGN_OR_RETURN(in.contact.work_unit, Str(*c, "work_unit"));
  GONGKAI_ASSIGN_OR_RETURN(in.contact.legal_representative, Str(*c, "legal_representative"));
  GONGKAI_ASSIGN_OR_RETURN(in.contact.contact_person, Str(*c, "contact_person"));
  GONGKAI_ASSIGN_OR_RETURN(in.contact.phone, Str(*c, "phone"));
  GONGKAI_ASSIGN_OR_RETURN(in.contact.fax, Str(*c, "fax"));
  GONGKAI_ASSIGN_OR_RETURN(in.contact.email, Str(*c, "email"));
  GONGKAI_ASSIGN_OR_RETURN(in.contact.address, Str(*c, "address"));
  GONGKAI_ASSIGN_OR_RETURN(in.contact.postcode, Str(*c, "postcode"));
  GONGKAI_ASSIGN_OR_RETURN(in.description, Str(j, "description"));
  GONGKAI_ASSIGN_OR_RETURN(in.document_number, Str(j, "document_number"));
  GONGKAI_ASSIGN_OR_RETURN(in.purpose, Str(j, "purpose"));
  GONGKAI_ASSIGN_OR_RETURN(in.carrier, Enum(j, "carrier", ParseCarrier));
  GONGKAI_ASSIGN_OR_RETURN(in.delivery, Enum(j, "delivery", ParseDelivery));
  auto corrected = j.find("decision_corrected");
  if (corrected == j.end() || !corrected->is_boolean()) {
    return Bad("decision_corrected", "缺失或不是布尔值");
  }
  r.decision_corrected = corrected->get<bool>();
  GONGKAI_RETURN_IF_ERROR(internal::ValidateInput(&in, today));
  auto evs = j.find("events");
  if (evs == j.end() || !evs->is_array()) return Bad("events", "缺失或不是数组");
  for (const Json& e : *evs) {
    GONGKAI_ASSIGN_OR_RETURN(Event ev, ParseEvent(e));
    r.events.push_back(std::move(ev));
  }
  GONGKAI_RETURN_IF_ERROR(internal::ValidateHistory(in.channel, r.events, cal));
  auto cs = j.find("cases");
  if (cs == j.end() || !cs->is_array()) return Bad("cases", "缺失或不是数组");
  for (const Json& cj : *cs) {
    if (!cj.is_object()) return Bad("cases[]", "不是对象");
    Case k;
    GONGKAI_ASSIGN_OR_RETURN(k.kind, Enum(cj, "kind", ParseCaseKind));
    GONGKAI_ASSIGN_OR_RETURN(k.filed, DateField(cj, "filed"));
    GONGKAI_ASSIGN_OR_RETURN(k.result, Enum(cj, "result", ParseCaseResult));
    auto d = cj.find("decided_on");
    if (d != cj.end() && !d->is_null()) {
      GONGKAI_ASSIGN_OR_RETURN(k.decided_on, DateField(cj, "decided_on"));
    }
    GONGKAI_RETURN_IF_ERROR(ValidateCase(k));
    r.cases.push_back(k);
  }
  if (!r.cases.empty() && !ConclusionOf(r.events)) {
    return FailedPrecondition("cases on open application", "申请尚未办结，却有复议或诉讼记录");
  }
  auto f = j.find("filing");
  if (f != j.end() && !f->is_null()) {
    if (!f->is_object()) return Bad("filing", "不是对象");
    Filing filing;
    GONGKAI_ASSIGN_OR_RETURN(filing.date, DateField(*f, "date"));
    GONGKAI_ASSIGN_OR_RETURN(filing.filed_with, Str(*f, "filed_with"));
    GONGKAI_ASSIGN_OR_RETURN(filing.note, Str(*f, "note"));
    bool decided = std::any_of(r.events.begin(), r.events.end(),
                               [](const Event& e) { return e.type == EventType::kDecided; });
    if (!decided || filing.filed_with.empty()) {
      return FailedPrecondition("bad filing", "报备记录须在答复之后，且写明报备机关");
    }
    r.filing = filing;
  }
  return r;
}

}  // namespace

Result<std::string> ApplicationService::ExportJsonLines(const account::Actor& actor,
                                                        agency::AgencyId agency,
                                                        std::optional<int> year) {
  GONGKAI_RETURN_IF_ERROR(Authorize(actor, Permission::kView, agency, "application_export",
                                    "agency:" + std::to_string(agency)));
  GONGKAI_ASSIGN_OR_RETURN(auto tx, store_.Begin(storage::TxMode::kRead));
  GONGKAI_ASSIGN_OR_RETURN(agency::Agency a, tx->agencies().Get(agency));
  GONGKAI_ASSIGN_OR_RETURN(auto apps, tx->applications().ListByAgency(agency));
  GONGKAI_ASSIGN_OR_RETURN(auto cases, tx->applications().ListCases(agency));
  std::string out;
  for (const Application& app : apps) {
    if (year) {
      auto received = ReceiptDate(app.channel, app.events);
      int y = received ? received->year : app.events.front().date.year;
      if (y != *year) continue;
    }
    std::vector<Case> mine;
    for (const Case& c : cases) {
      if (c.application_id == app.id) mine.push_back(c);
    }
    GONGKAI_ASSIGN_OR_RETURN(auto filing, tx->application_meta().GetFiling(app.id));
    out += ApplicationJson(app, a.name, mine, filing).dump(-1, ' ', false) + "\n";
  }
  return out;
}

Result<int> ApplicationService::ImportJsonLines(const account::Actor& actor,
                                                const std::string& text) {
  auto cal = Calendar();
  Date today = clock_.TodayInChina();
  std::vector<std::pair<int, ImportRecord>> records;
  int line_no = 0;
  for (size_t pos = 0; pos < text.size();) {
    size_t end = text.find('\n', pos);
    if (end == std::string::npos) end = text.size();
    std::string line = Trim(std::string_view(text).substr(pos, end - pos));
    pos = end + 1;
    ++line_no;
    if (line.empty()) continue;
    std::string where = "第" + std::to_string(line_no) + "行：";
    Json j = Json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded()) {
      return InvalidArgument("line " + std::to_string(line_no) + ": not JSON",
                             where + "不是有效的 JSON");
    }
    Result<ImportRecord> r = ParseRecord(j, today, *cal);
    if (!r.ok()) {
      return r.status().WithContext("line " + std::to_string(line_no),
                                    "第" + std::to_string(line_no) + "行");
    }
    records.emplace_back(line_no, std::move(r).value());
  }
  // Resolve agencies by name and check the actor may handle each.
  std::map<std::string, agency::AgencyId> ids;
  std::string denied;
  {
    GONGKAI_ASSIGN_OR_RETURN(auto tx, store_.Begin(storage::TxMode::kRead));
    GONGKAI_ASSIGN_OR_RETURN(auto all, tx->agencies().List());
    auto parents = account::ParentsOf(all);
    for (auto& [line, r] : records) {
      const std::string& name = r.agency_name;  // clang 14 cannot capture a structured binding
      auto found = std::find_if(all.begin(), all.end(),
                                [&](const agency::Agency& a) { return a.name == name; });
      if (found == all.end()) {
        return NotFound("agency " + r.agency_name,
                        "第" + std::to_string(line) + "行：机构“" + r.agency_name + "”不存在");
      }
      if (!account::Can(actor, Permission::kHandleApplications, found->id, parents)) {
        denied = "agency:" + std::to_string(found->id);
        break;
      }
      r.input.agency_id = found->id;
    }
  }
  if (!denied.empty()) {
    return DenyAndAudit(store_, clock_, actor, "application_import", denied,
                        "无权向该机构导入依申请公开申请（需要该机构的办理角色）");
  }
  return internal::RetryBusy([&]() -> Result<int> {
    GONGKAI_ASSIGN_OR_RETURN(auto tx, store_.Begin(storage::TxMode::kWrite));
    for (const auto& [line, r] : records) {
      Application app = internal::FromInput(r.input);
      app.number = r.number;
      app.events = r.events;
      Result<SubmitResult> ins = InsertNumbered(*tx, app, app.events.front().date.year, false);
      if (!ins.ok()) {
        return ins.status().WithContext("line " + std::to_string(line),
                                        "第" + std::to_string(line) + "行");
      }
      if (r.decision_corrected) {
        GONGKAI_RETURN_IF_ERROR(tx->applications().SetDecisionCorrected(ins->id, true));
      }
      for (Case c : r.cases) {
        c.application_id = ins->id;
        c.agency_id = r.input.agency_id;
        GONGKAI_RETURN_IF_ERROR(tx->applications().InsertCase(c).status());
      }
      if (r.filing) {
        GONGKAI_RETURN_IF_ERROR(tx->application_meta().InsertFiling(ins->id, *r.filing));
      }
    }
    GONGKAI_RETURN_IF_ERROR(AppendAudit(*tx, clock_, actor, "application_import", "system",
                                        std::to_string(records.size()) + " applications"));
    GONGKAI_RETURN_IF_ERROR(tx->Commit());
    return static_cast<int>(records.size());
  });
}

}  // namespace gongkai::services

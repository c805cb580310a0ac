#include "http/application_codec.h"

#include <algorithm>
#include <optional>

#include "core/text.h"
#include "http/response.h"
#include "services/application_json.h"

namespace gongkai::http {

namespace apps = applications;

namespace {

// One of the form's choices by its code (applications/*.h hold the tables); kInvalidArgument
// naming the field.
template <typename T>
Result<T> ParseChoice(std::optional<T> (*parse)(std::string_view), std::string_view text,
                      const std::string& field_zh) {
  if (std::optional<T> value = parse(text)) return *value;
  std::string shown = IsCleanText(text, false) ? std::string(text.substr(0, 40)) : "";
  return InvalidArgument("bad choice", field_zh + "“" + shown + "”无效");
}

// "on_site" is what the API named 当场阅读、抄录 before the codes were unified; still accepted.
std::optional<apps::Delivery> ParseDeliveryOrAlias(std::string_view code) {
  if (code == "on_site") return apps::Delivery::kOnSiteReading;
  return apps::ParseDelivery(code);
}

Result<int> ParseInt(std::string_view text, const std::string& field_zh) {
  int v = 0;
  bool ok = !text.empty() && text.size() <= 6;
  for (char c : text) {
    ok = ok && c >= '0' && c <= '9';
    if (ok) v = v * 10 + (c - '0');
  }
  if (!ok) return InvalidArgument("bad integer", field_zh + "应为非负整数");
  return v;
}

Result<Date> ParseDateField(std::string_view text, const std::string& field_zh) {
  if (text.empty()) return InvalidArgument("missing date", "请填写" + field_zh);
  return Date::Parse(text);
}

std::optional<std::string> OptDate(const std::optional<Date>& d) {
  if (!d) return std::nullopt;
  return d->ToString();
}

nlohmann::json JsonOrNull(const std::optional<std::string>& s) {
  return s ? nlohmann::json(*s) : nlohmann::json(nullptr);
}

}  // namespace

FieldFn FormFields(const HttpRequest& request) {
  return [&request](std::string_view name) { return request.Form(name); };
}

FieldFn JsonFields(const nlohmann::json& body) {
  return [&body](std::string_view name) -> std::string {
    if (!body.is_object()) return "";
    const nlohmann::json* node = &body;
    while (!name.empty()) {
      size_t dot = name.find('.');
      std::string key(name.substr(0, dot));
      name = dot == std::string_view::npos ? std::string_view() : name.substr(dot + 1);
      auto it = node->find(key);
      if (it == node->end()) return "";
      node = &*it;
      if (!name.empty() && !node->is_object()) return "";
    }
    if (node->is_string()) return node->get<std::string>();
    if (node->is_number_integer()) return std::to_string(node->get<int64_t>());
    return "";
  };
}

Result<apps::Fen> ParseYuan(std::string_view text) {
  std::string t = Trim(text);
  apps::Fen yuan = 0, fen = 0;
  size_t dot = t.find('.');
  std::string whole = t.substr(0, dot);
  std::string frac = dot == std::string::npos ? "" : t.substr(dot + 1);
  bool ok = !whole.empty() && whole.size() <= 9 && frac.size() <= 2 &&
            (dot == std::string::npos || !frac.empty());
  for (char c : whole + frac) ok = ok && c >= '0' && c <= '9';
  if (!ok) return InvalidArgument("bad amount", "金额应为元，最多两位小数，如 100 或 83460.50");
  yuan = std::stoll(whole);
  if (!frac.empty()) fen = std::stoll(frac) * (frac.size() == 1 ? 10 : 1);
  return yuan * 100 + fen;
}

Result<services::ApplicationInput> InputFromFields(const FieldFn& get) {
  services::ApplicationInput in;
  std::string agency = get("agency_id");
  if (agency.empty()) return InvalidArgument("missing agency", "请选择受理申请的机关");
  GONGKAI_ASSIGN_OR_RETURN(in.agency_id, ParseId(agency));
  if (std::string c = get("channel"); !c.empty()) {
    GONGKAI_ASSIGN_OR_RETURN(in.channel, apps::ParseChannel(c));
  }
  std::string kind = get("applicant_kind");
  if (kind.empty()) return InvalidArgument("missing applicant kind", "请选择申请人类型");
  GONGKAI_ASSIGN_OR_RETURN(in.applicant_kind, apps::ParseApplicantKind(kind));
  in.identity.document = in.applicant_kind == apps::ApplicantKind::kNaturalPerson
                             ? apps::IdentityDocument::kResidentId
                             : apps::IdentityDocument::kCreditCode;
  in.identity.number = get("identity.number");
  in.contact.name = get("contact.name");
  in.contact.work_unit = get("contact.work_unit");
  in.contact.legal_representative = get("contact.legal_representative");
  in.contact.contact_person = get("contact.contact_person");
  in.contact.phone = get("contact.phone");
  in.contact.fax = get("contact.fax");
  in.contact.email = get("contact.email");
  in.contact.address = get("contact.address");
  in.contact.postcode = get("contact.postcode");
  in.description = get("description");
  in.document_number = get("document_number");
  in.purpose = get("purpose");
  if (std::string c = get("carrier"); !c.empty()) {
    GONGKAI_ASSIGN_OR_RETURN(in.carrier, ParseChoice(apps::ParseCarrier, c, "载体形式"));
  }
  if (std::string d = get("delivery"); !d.empty()) {
    GONGKAI_ASSIGN_OR_RETURN(in.delivery, ParseChoice(ParseDeliveryOrAlias, d, "获取方式"));
  }
  return in;
}

services::ApplicationInput InputFromFields(const FieldFn& get,
                                           std::vector<services::FieldError>* errors) {
  // Each choice is parsed alone, so one bad choice does not hide the others.
  auto only = [&](const char* field) {
    return [&get, field](std::string_view name) {
      if (name == field) return get(name);
      if (name == "agency_id") return std::string("1");
      if (name == "applicant_kind") return std::string("natural_person");
      return std::string();
    };
  };
  for (const char* field : {"agency_id", "applicant_kind", "channel", "carrier", "delivery"}) {
    auto one = InputFromFields(only(field));
    if (!one.ok()) errors->push_back({field, one.status().UserMessage()});
  }
  // The refused choices take a valid stand-in; the errors refuse the input anyway.
  auto refused = [&](std::string_view name) {
    return std::any_of(errors->begin(), errors->end(),
                       [&](const services::FieldError& e) { return e.field == name; });
  };
  auto lenient = [&](std::string_view name) -> std::string {
    if (!refused(name)) return get(name);
    if (name == "agency_id") return "1";
    if (name == "applicant_kind") return "natural_person";
    return "";
  };
  auto in = InputFromFields(lenient);
  services::ApplicationInput out = in.ok() ? std::move(in).value() : services::ApplicationInput{};
  if (refused("agency_id")) out.agency_id = 0;
  return out;
}

Result<apps::Event> EventFromFields(const FieldFn& get) {
  apps::Event e;
  std::string type = get("type");
  if (type.empty()) return InvalidArgument("missing event type", "请选择要记录的事项");
  GONGKAI_ASSIGN_OR_RETURN(e.type, apps::ParseEventType(type));
  GONGKAI_ASSIGN_OR_RETURN(e.date, ParseDateField(get("date"), "日期"));
  e.note = get("note");
  if (std::string r = get("reason"); !r.empty()) e.note = r;  // 更正理由 / 退回理由
  e.party = get("party");
  if (std::string d = get("decision_date"); !d.empty()) {
    GONGKAI_ASSIGN_OR_RETURN(e.decision_date, ParseDateField(d, "更正后的答复日期"));
  }
  if (std::string c = get("consulted"); !c.empty()) {
    std::optional<apps::ConsultedParty> party = apps::ParseConsultedParty(c);
    if (!party) {
      return InvalidArgument("bad consulted", "征求意见对象类型应为 third_party 或 other_agency");
    }
    e.consulted = *party;
  }
  if (std::string d = get("days"); !d.empty()) {
    GONGKAI_ASSIGN_OR_RETURN(e.days, ParseInt(d, "工作日数"));
  }
  if (std::string f = get("fee_fen"); !f.empty()) {
    GONGKAI_ASSIGN_OR_RETURN(int fen, ParseInt(f, "费用（分）"));
    e.fee = fen;
  } else if (std::string y = get("fee_yuan"); !y.empty()) {
    GONGKAI_ASSIGN_OR_RETURN(e.fee, ParseYuan(y));
  }
  if (std::string p = get("pages"); !p.empty()) {
    GONGKAI_ASSIGN_OR_RETURN(e.pages, ParseInt(p, "页数"));
  }
  if (std::string m = get("fee_method"); !m.empty()) {
    std::optional<apps::FeeMethod> method = apps::ParseFeeMethod(m);
    if (!method) {
      return InvalidArgument("bad fee method", "计费方式应为 per_application 或 per_volume");
    }
    e.fee_method = *method;
  }
  std::vector<std::string> codes;
  std::string list = get("outcomes");
  for (size_t i = 0; i <= list.size();) {
    size_t end = list.find_first_of(", ", i);
    if (end == std::string::npos) end = list.size();
    if (end > i) codes.push_back(list.substr(i, end - i));
    i = end + 1;
  }
  for (const char* f : {"outcome", "outcome2", "outcome3"}) {
    if (std::string c = get(f); !c.empty()) codes.push_back(c);
  }
  for (const auto& c : codes) {
    GONGKAI_ASSIGN_OR_RETURN(apps::OutcomeRow row, apps::ParseOutcome(c));
    e.outcomes.push_back(row);
  }
  return e;
}

Result<apps::Event> EventFromJson(const nlohmann::json& body) {
  if (!body.is_object()) return InvalidArgument("event not an object", "请求体应为 JSON 对象");
  nlohmann::json copy = body;
  if (auto it = copy.find("outcomes"); it != copy.end() && it->is_array()) {
    std::string joined;
    for (const auto& o : *it) {
      if (!o.is_string()) return InvalidArgument("bad outcomes", "outcomes 应为代码字符串数组");
      joined += o.get<std::string>() + ",";
    }
    *it = joined;
  }
  return EventFromFields(JsonFields(copy));
}

Result<apps::Case> CaseFromFields(const FieldFn& get) {
  apps::Case c;
  GONGKAI_ASSIGN_OR_RETURN(c.kind, ParseChoice(apps::ParseCaseKind, get("kind"), "案件类型"));
  GONGKAI_ASSIGN_OR_RETURN(c.filed, ParseDateField(get("filed"), "立案（受理）日期"));
  if (std::string r = get("result"); !r.empty()) {
    GONGKAI_ASSIGN_OR_RETURN(c.result, ParseChoice(apps::ParseCaseResult, r, "案件结果"));
  }
  if (std::string d = get("decided_on"); !d.empty()) {
    GONGKAI_ASSIGN_OR_RETURN(c.decided_on, Date::Parse(d));
  }
  return c;
}

nlohmann::json EventToJson(const apps::Event& e) {
  nlohmann::json j = {{"type", apps::EventTypeCode(e.type)},
                      {"label", apps::EventTypeLabel(e.type)},
                      {"date", e.date.ToString()},
                      {"actor", e.actor},
                      {"note", e.note}};
  if (!e.party.empty()) j["party"] = e.party;
  if (e.type == apps::EventType::kConsultationStarted) {
    j["consulted"] = apps::ConsultedPartyCode(e.consulted);
  }
  if (e.days != 0) j["days"] = e.days;
  if (e.type == apps::EventType::kFeeNoticeSent) {
    j["fee_fen"] = e.fee;
    j["fee"] = apps::FormatYuan(e.fee);
    j["fee_method"] = apps::FeeMethodCode(e.fee_method);
    if (e.pages > 0) j["pages"] = e.pages;
  }
  if (!e.outcomes.empty()) {
    nlohmann::json outs = nlohmann::json::array();
    for (auto row : e.outcomes) {
      const auto& info = apps::InfoFor(row);
      outs.push_back({{"code", info.code}, {"label", apps::FullLabel(row)}, {"basis", info.basis}});
    }
    j["outcomes"] = outs;
  }
  if (e.decision_date) j["decision_date"] = e.decision_date->ToString();
  return j;
}

nlohmann::json ApplicationToJson(const apps::Application& a) {
  nlohmann::json j = services::ApplicationFormJson(a);
  j["id"] = a.id;
  j["agency_id"] = a.agency_id;
  j["channel_label"] = apps::ChannelLabel(a.channel);
  j["applicant_kind_label"] = apps::ApplicantKindLabel(a.applicant_kind);
  j["carrier_label"] = apps::CarrierLabel(a.carrier);
  j["delivery_label"] = apps::DeliveryLabel(a.delivery);
  nlohmann::json events = nlohmann::json::array();
  for (const auto& e : a.events) events.push_back(EventToJson(e));
  j["events"] = events;
  return j;
}

nlohmann::json ExpiredToJson(const std::vector<apps::ExpiredWait>& expired) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& w : expired) {
    nlohmann::json j = {{"kind", apps::WaitKindCode(w.kind)},
                        {"deadline", w.deadline.ToString()},
                        {"action", w.action}};
    if (!w.party.empty()) j["party"] = w.party;
    out.push_back(j);
  }
  return out;
}

nlohmann::json ClockToJson(const apps::ClockState& s) {
  nlohmann::json j = {{"status", apps::StatusLabel(s.status)},
                      {"as_of", s.as_of.ToString()},
                      {"received", JsonOrNull(OptDate(s.received))},
                      {"period_start", JsonOrNull(OptDate(s.period_start))},
                      {"due", JsonOrNull(OptDate(s.due))},
                      {"working_days_left", s.working_days_left},
                      {"overdue", s.overdue},
                      {"paused", s.paused},
                      {"extension_days", s.extension_days},
                      {"correction_deadline", JsonOrNull(OptDate(s.correction_deadline))},
                      {"fee_deadline", JsonOrNull(OptDate(s.fee_deadline))},
                      {"provisional_years", s.provisional_years},
                      {"due_note", s.ProvisionalNote()},
                      {"basis", s.basis},
                      {"warnings", s.warnings},
                      {"expired", ExpiredToJson(s.expired)},
                      {"text", apps::DescribeClock(s)}};
  if (s.conclusion) {
    j["conclusion"] = {{"code", apps::InfoFor(s.conclusion->row).code},
                       {"label", apps::FullLabel(s.conclusion->row)},
                       {"date", s.conclusion->date.ToString()}};
  } else {
    j["conclusion"] = nullptr;
  }
  nlohmann::json excluded = nlohmann::json::array();
  for (const auto& x : s.excluded) {
    excluded.push_back({{"from", x.from.ToString()}, {"to", x.to.ToString()}, {"label", x.label}});
  }
  j["excluded"] = excluded;
  nlohmann::json days = nlohmann::json::array();
  if (s.explanation) {
    for (const auto& d : s.explanation->days) {
      days.push_back({{"date", d.info.date.ToString()},
                      {"weekday", d.weekday},
                      {"counted", d.counted},
                      {"running_count", d.running_count},
                      {"reason", d.reason}});
    }
  }
  j["days"] = days;
  return j;
}

nlohmann::json CaseToJson(const apps::Case& c) {
  nlohmann::json j = services::CaseJson(c);
  j["id"] = c.id;
  j["application_id"] = c.application_id;
  j["agency_id"] = c.agency_id;
  j["kind_label"] = apps::CaseKindLabel(c.kind);
  j["result_label"] = apps::CaseResultLabel(c.result);
  return j;
}

nlohmann::json DetailToJson(const services::ApplicationDetail& d) {
  nlohmann::json j = ApplicationToJson(d.app);
  j["agency_name"] = d.agency_name;
  j["clock"] = ClockToJson(d.clock);
  nlohmann::json cases = nlohmann::json::array();
  for (const auto& c : d.cases) cases.push_back(CaseToJson(c));
  j["cases"] = cases;
  j["filing"] = services::FilingJson(d.filing);
  j["approval_chain"] = ChainToJson(d.chain);
  j["pending_approval_step"] = d.pending_approval_step;
  return j;
}

nlohmann::json ChainToJson(const account::ApprovalChain& chain) {
  nlohmann::json steps = nlohmann::json::array();
  for (const auto& s : chain.steps) {
    steps.push_back({{"name", s.name},
                     {"role", account::RoleCode(s.role)},
                     {"role_label", account::RoleName(s.role)},
                     {"distinct", s.distinct}});
  }
  return {{"text", account::FormatApprovalChain(chain)},
          {"label", account::DescribeApprovalChain(chain)},
          {"steps", steps}};
}

nlohmann::json SummaryToJson(const services::ApplicationSummary& s) {
  return {{"id", s.id},
          {"number", s.number},
          {"applicant_name", s.applicant_name},
          {"status", apps::StatusLabel(s.status)},
          {"received", JsonOrNull(OptDate(s.received))},
          {"due", JsonOrNull(OptDate(s.due))},
          {"working_days_left", s.working_days_left},
          {"due_note", s.due_note},
          {"overdue", s.overdue},
          {"pending_approval_step", s.pending_approval_step},
          {"expired", ExpiredToJson(s.expired)}};
}

nlohmann::json QueueToJson(const services::Queue& q) {
  auto list = [](const std::vector<services::ApplicationSummary>& v) {
    nlohmann::json a = nlohmann::json::array();
    for (const auto& s : v) a.push_back(SummaryToJson(s));
    return a;
  };
  return {{"overdue", list(q.overdue)},
          {"due_soon", list(q.due_soon)},
          {"awaiting_applicant", list(q.awaiting_applicant)},
          {"consulting", list(q.consulting)},
          {"awaiting_fee", list(q.awaiting_fee)},
          {"other_open", list(q.other_open)}};
}

nlohmann::json PublicStatusToJson(const services::PublicStatusView& v) {
  nlohmann::json j = {{"number", v.number},
                      {"agency_name", v.agency_name},
                      {"received", JsonOrNull(OptDate(v.received))},
                      {"status", v.status_label},
                      {"due", JsonOrNull(OptDate(v.due))},
                      {"due_note", v.due_note},
                      {"decided", JsonOrNull(OptDate(v.decided))},
                      {"outcome", v.outcome_label}};
  j["working_days_left"] =
      v.working_days_left ? nlohmann::json(*v.working_days_left) : nlohmann::json(nullptr);
  return j;
}

nlohmann::json TablesToJson(const services::CompiledTables& t) {
  auto cell = [&t](const apps::Cell& c) {
    nlohmann::json numbers = nlohmann::json::array();
    for (int64_t id : c.ids) numbers.push_back(t.NumberOf(id));
    return nlohmann::json{{"count", c.count}, {"ids", c.ids}, {"numbers", numbers}};
  };
  nlohmann::json columns = nlohmann::json::array();
  for (int c = 0; c < apps::kTable3Columns; ++c) columns.push_back(apps::Table3ColumnLabel(c));
  nlohmann::json rows = nlohmann::json::array();
  for (int r = 0; r < apps::kTable3Rows; ++r) {
    nlohmann::json cells = nlohmann::json::array();
    for (int c = 0; c < apps::kTable3Columns; ++c) cells.push_back(cell(t.table3.cells[r][c]));
    rows.push_back({{"label", apps::Table3RowLabel(r)}, {"cells", cells}});
  }
  nlohmann::json t4 = nlohmann::json::array();
  for (int c = 0; c < apps::kTable4Columns; ++c) {
    nlohmann::json x = cell(t.table4.cells[c]);
    x["label"] = apps::Table4ColumnLabel(c);
    t4.push_back(x);
  }
  return {{"agency_id", t.table3.agency_id},
          {"agency_name", t.report.agency},
          {"year", t.table3.year},
          {"table3", {{"columns", columns}, {"rows", rows}}},
          {"table4", t4}};
}

}  // namespace gongkai::http

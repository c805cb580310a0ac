// SQLite storage of applications, their events (append-only, enforced by
// triggers in migrations/sqlite/002_applications.sql) and cases. Enum values
// are stored as stable codes.
#include <optional>
#include <string>
#include <string_view>

#include "storage/sqlite/sqlite_repositories.h"

namespace gongkai::storage::sqlite {

namespace {

using namespace applications;  // NOLINT

// The enum value of a stored code (applications/*.h hold the code tables); kInternal when the
// database holds a code this build does not know.
template <typename E>
Result<E> Stored(std::optional<E> (*parse)(std::string_view), const std::string& code,
                 const char* what) {
  if (std::optional<E> value = parse(code)) return *value;
  return Internal(std::string("stored ") + what + " code '" + code + "' is unknown");
}

std::string OutcomeCodes(const std::vector<OutcomeRow>& rows) {
  std::string out;
  for (OutcomeRow r : rows) {
    if (!out.empty()) out += ',';
    out += InfoFor(r).code;
  }
  return out;
}

Result<std::vector<OutcomeRow>> ParseOutcomeCodes(std::string_view text) {
  std::vector<OutcomeRow> out;
  while (!text.empty()) {
    size_t comma = text.find(',');
    std::string_view code = text.substr(0, comma);
    GONGKAI_ASSIGN_OR_RETURN(OutcomeRow r, ParseOutcome(code));
    out.push_back(r);
    text = comma == std::string_view::npos ? std::string_view() : text.substr(comma + 1);
  }
  return out;
}

Result<Date> ParseStoredDate(const std::string& text) {
  Result<Date> d = Date::Parse(text);
  if (!d.ok()) return Internal("stored date '" + text + "' is invalid");
  return d;
}

constexpr std::string_view kAppColumns =
    "id, agency_id, number, channel, applicant_kind, identity_document, "
    "identity_number, "
    "contact_name, work_unit, legal_representative, contact_person, phone, "
    "fax, email, address, "
    "postcode, description, document_number, purpose, carrier, delivery, "
    "decision_corrected";

Result<Application> ReadApplication(const Stmt& s) {
  Application a;
  a.id = s.Int(0);
  a.agency_id = s.Int(1);
  a.number = s.Text(2);
  GONGKAI_ASSIGN_OR_RETURN(a.channel, ParseChannel(s.Text(3)));
  GONGKAI_ASSIGN_OR_RETURN(a.applicant_kind, ParseApplicantKind(s.Text(4)));
  GONGKAI_ASSIGN_OR_RETURN(a.identity.document,
                           Stored(ParseIdentityDocument, s.Text(5), "identity document"));
  a.identity.number = s.Text(6);
  Contact& c = a.contact;
  c.name = s.Text(7);
  c.work_unit = s.Text(8);
  c.legal_representative = s.Text(9);
  c.contact_person = s.Text(10);
  c.phone = s.Text(11);
  c.fax = s.Text(12);
  c.email = s.Text(13);
  c.address = s.Text(14);
  c.postcode = s.Text(15);
  a.description = s.Text(16);
  a.document_number = s.Text(17);
  a.purpose = s.Text(18);
  GONGKAI_ASSIGN_OR_RETURN(a.carrier, Stored(ParseCarrier, s.Text(19), "carrier"));
  GONGKAI_ASSIGN_OR_RETURN(a.delivery, Stored(ParseDelivery, s.Text(20), "delivery"));
  a.decision_corrected = s.Int(21) != 0;
  return a;
}

Result<Event> ReadEvent(const Stmt& s) {
  Event e;
  GONGKAI_ASSIGN_OR_RETURN(e.type, ParseEventType(s.Text(0)));
  GONGKAI_ASSIGN_OR_RETURN(e.date, ParseStoredDate(s.Text(1)));
  e.actor = s.Text(2);
  e.note = s.Text(3);
  e.party = s.Text(4);
  GONGKAI_ASSIGN_OR_RETURN(e.consulted, Stored(ParseConsultedParty, s.Text(5), "consulted party"));
  e.days = static_cast<int>(s.Int(6));
  e.fee = s.Int(7);
  GONGKAI_ASSIGN_OR_RETURN(e.fee_method, Stored(ParseFeeMethod, s.Text(8), "fee method"));
  GONGKAI_ASSIGN_OR_RETURN(e.outcomes, ParseOutcomeCodes(s.Text(9)));
  e.pages = static_cast<int>(s.Int(10));
  if (!s.IsNull(11)) {
    GONGKAI_ASSIGN_OR_RETURN(Date d, ParseStoredDate(s.Text(11)));
    e.decision_date = d;
  }
  return e;
}

Result<Case> ReadCase(const Stmt& s) {
  Case c;
  c.id = s.Int(0);
  c.application_id = s.Int(1);
  c.agency_id = s.Int(2);
  GONGKAI_ASSIGN_OR_RETURN(c.kind, Stored(ParseCaseKind, s.Text(3), "case kind"));
  GONGKAI_ASSIGN_OR_RETURN(c.filed, ParseStoredDate(s.Text(4)));
  GONGKAI_ASSIGN_OR_RETURN(c.result, Stored(ParseCaseResult, s.Text(5), "case result"));
  if (!s.IsNull(6)) {
    GONGKAI_ASSIGN_OR_RETURN(Date d, ParseStoredDate(s.Text(6)));
    c.decided_on = d;
  }
  return c;
}

Status NotFoundApp(ApplicationId id) {
  return NotFound("application " + std::to_string(id),
                  "申请（编号 " + std::to_string(id) + "）不存在");
}

}  // namespace

Status SqliteApplicationRepository::InsertEvent(ApplicationId id, int seq, const Event& e) {
  GONGKAI_ASSIGN_OR_RETURN(
      Stmt s, conn_->Prepare("INSERT INTO application_events (application_id, seq, type, date, "
                             "actor, note, party, consulted, days, fee, fee_method, outcomes, "
                             "pages, decision_date) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
  s.Bind(1, id)
      .Bind(2, int64_t{seq})
      .Bind(3, EventTypeCode(e.type))
      .Bind(4, e.date.ToString())
      .Bind(5, e.actor)
      .Bind(6, e.note)
      .Bind(7, e.party)
      .Bind(8, ConsultedPartyCode(e.consulted))
      .Bind(9, int64_t{e.days})
      .Bind(10, e.fee)
      .Bind(11, FeeMethodCode(e.fee_method))
      .Bind(12, OutcomeCodes(e.outcomes))
      .Bind(13, int64_t{e.pages});
  if (e.decision_date) {
    s.Bind(14, e.decision_date->ToString());
  } else {
    s.BindNull(14);
  }
  return s.Run();
}

Result<std::vector<Event>> SqliteApplicationRepository::LoadEvents(ApplicationId id) {
  GONGKAI_ASSIGN_OR_RETURN(
      Stmt s, conn_->Prepare("SELECT type, date, actor, note, party, consulted, days, fee, "
                             "fee_method, outcomes, pages, decision_date FROM application_events "
                             "WHERE application_id = ? ORDER BY seq"));
  s.Bind(1, id);
  return s.ReadAll(ReadEvent);
}

Result<ApplicationId> SqliteApplicationRepository::Insert(const Application& a) {
  GONGKAI_ASSIGN_OR_RETURN(
      Stmt s, conn_->Prepare("INSERT INTO applications (agency_id, number, channel, "
                             "applicant_kind, identity_document, identity_number, contact_name, "
                             "work_unit, legal_representative, contact_person, phone, fax, email, "
                             "address, postcode, description, document_number, purpose, carrier, "
                             "delivery, decision_corrected) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                             "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
  const Contact& c = a.contact;
  s.Bind(1, a.agency_id)
      .Bind(2, a.number)
      .Bind(3, ChannelCode(a.channel))
      .Bind(4, ApplicantKindCode(a.applicant_kind))
      .Bind(5, IdentityDocumentCode(a.identity.document))
      .Bind(6, a.identity.number)
      .Bind(7, c.name)
      .Bind(8, c.work_unit)
      .Bind(9, c.legal_representative)
      .Bind(10, c.contact_person)
      .Bind(11, c.phone)
      .Bind(12, c.fax)
      .Bind(13, c.email)
      .Bind(14, c.address)
      .Bind(15, c.postcode)
      .Bind(16, a.description)
      .Bind(17, a.document_number)
      .Bind(18, a.purpose)
      .Bind(19, CarrierCode(a.carrier))
      .Bind(20, DeliveryCode(a.delivery))
      .Bind(21, int64_t{a.decision_corrected ? 1 : 0});
  Status st = s.Run();
  if (st.code() == StatusCode::kAlreadyExists) {
    return AlreadyExists(st.message(), "申请编号“" + a.number + "”已被使用");
  }
  if (st.code() == StatusCode::kFailedPrecondition) {
    return FailedPrecondition(st.message(), "申请所属机构不存在");
  }
  GONGKAI_RETURN_IF_ERROR(st);
  ApplicationId id = conn_->LastInsertId();
  for (size_t i = 0; i < a.events.size(); ++i) {
    GONGKAI_RETURN_IF_ERROR(InsertEvent(id, static_cast<int>(i), a.events[i]));
  }
  return id;
}

Result<Application> SqliteApplicationRepository::Get(ApplicationId id) {
  GONGKAI_ASSIGN_OR_RETURN(Stmt s, conn_->Prepare("SELECT " + std::string(kAppColumns) +
                                                  " FROM applications WHERE id = ?"));
  s.Bind(1, id);
  GONGKAI_ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return NotFoundApp(id);
  GONGKAI_ASSIGN_OR_RETURN(Application a, ReadApplication(s));
  GONGKAI_ASSIGN_OR_RETURN(a.events, LoadEvents(id));
  return a;
}

Result<std::vector<Application>> SqliteApplicationRepository::ListByAgency(
    agency::AgencyId agency) {
  std::vector<Application> out;
  {
    GONGKAI_ASSIGN_OR_RETURN(Stmt s,
                             conn_->Prepare("SELECT " + std::string(kAppColumns) +
                                            " FROM applications WHERE agency_id = ? ORDER BY id"));
    s.Bind(1, agency);
    GONGKAI_ASSIGN_OR_RETURN(out, s.ReadAll(ReadApplication));
  }
  for (Application& a : out) {
    GONGKAI_ASSIGN_OR_RETURN(a.events, LoadEvents(a.id));
  }
  return out;
}

namespace {

// "?, ?, ?" for n values.
std::string Placeholders(size_t n) {
  std::string out;
  for (size_t i = 0; i < n; ++i) out += i == 0 ? "?" : ", ?";
  return out;
}

// The word as a LIKE pattern matching it anywhere, with % _ and \ escaped.
std::string ContainsPattern(const std::string& word) {
  std::string out = "%";
  for (char c : word) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += c;
  }
  return out + "%";
}

// The WHERE clause of an ApplicationQuery over `applications a`, and its values in order.
struct QueryWhere {
  std::string sql;
  std::vector<std::string> texts;  // every value is bound as text except the agency id
};

QueryWhere WhereOf(const ApplicationQuery& q) {
  QueryWhere w{"a.agency_id = ?", {}};
  for (const std::string& word : q.words) {
    w.sql +=
        " AND (a.number LIKE ? ESCAPE '\\' OR a.contact_name LIKE ? ESCAPE '\\'"
        " OR a.description LIKE ? ESCAPE '\\')";
    for (int i = 0; i < 3; ++i) w.texts.push_back(ContainsPattern(word));
  }
  if (q.channel) {
    w.sql += " AND a.channel = ?";
    w.texts.emplace_back(ChannelCode(*q.channel));
  }
  if (!q.kinds.empty()) {
    w.sql += " AND a.applicant_kind IN (" + Placeholders(q.kinds.size()) + ")";
    for (ApplicantKind k : q.kinds) w.texts.emplace_back(ApplicantKindCode(k));
  }
  if (q.event_year && !q.year_event_types.empty()) {
    w.sql +=
        " AND EXISTS (SELECT 1 FROM application_events x WHERE x.application_id = a.id"
        " AND x.date >= ? AND x.date < ? AND x.type IN (" +
        Placeholders(q.year_event_types.size()) + "))";
    w.texts.push_back(std::to_string(*q.event_year) + "-01-01");
    w.texts.push_back(std::to_string(*q.event_year + 1) + "-01-01");
    for (EventType t : q.year_event_types) w.texts.emplace_back(EventTypeCode(t));
  }
  if (!q.without_event_types.empty()) {
    w.sql +=
        " AND NOT EXISTS (SELECT 1 FROM application_events x WHERE x.application_id = a.id"
        " AND x.type IN (" +
        Placeholders(q.without_event_types.size()) + "))";
    for (EventType t : q.without_event_types) w.texts.emplace_back(EventTypeCode(t));
  }
  return w;
}

void BindWhere(Stmt& s, const ApplicationQuery& q, const QueryWhere& w) {
  s.Bind(1, q.agency);
  for (size_t i = 0; i < w.texts.size(); ++i) s.Bind(static_cast<int>(i + 2), w.texts[i]);
}

}  // namespace

Result<std::vector<Application>> SqliteApplicationRepository::Find(const ApplicationQuery& q) {
  const QueryWhere where = WhereOf(q);
  std::vector<Application> out;
  {
    GONGKAI_ASSIGN_OR_RETURN(
        Stmt s, conn_->Prepare("SELECT " + std::string(kAppColumns) +
                               " FROM applications a WHERE " + where.sql + " ORDER BY a.id"));
    BindWhere(s, q, where);
    GONGKAI_ASSIGN_OR_RETURN(out, s.ReadAll(ReadApplication));
  }
  GONGKAI_ASSIGN_OR_RETURN(
      Stmt s, conn_->Prepare("SELECT type, date, actor, note, party, consulted, days, fee, "
                             "fee_method, outcomes, application_id FROM application_events "
                             "WHERE application_id IN (SELECT a.id FROM applications a WHERE " +
                             where.sql + ") ORDER BY application_id, seq"));
  BindWhere(s, q, where);
  // Both statements run in one transaction, so every event's application is in `out` (by id).
  size_t i = 0;
  for (;;) {
    GONGKAI_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    ApplicationId id = s.Int(10);
    while (i < out.size() && out[i].id < id) ++i;
    if (i == out.size() || out[i].id != id) return Internal("event of an unlisted application");
    GONGKAI_ASSIGN_OR_RETURN(Event e, ReadEvent(s));
    out[i].events.push_back(std::move(e));
  }
  return out;
}

Status SqliteApplicationRepository::AppendEvent(ApplicationId id, int expected_count,
                                                const Event& event) {
  int64_t count = 0;
  {
    GONGKAI_ASSIGN_OR_RETURN(
        Stmt s, conn_->Prepare("SELECT (SELECT COUNT(*) FROM application_events WHERE "
                               "application_id = a.id) FROM applications a WHERE a.id = ?"));
    s.Bind(1, id);
    GONGKAI_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) return NotFoundApp(id);
    count = s.Int(0);
  }
  if (count != expected_count) {
    return FailedPrecondition("application " + std::to_string(id) + " has " +
                                  std::to_string(count) + " events, expected " +
                                  std::to_string(expected_count),
                              "申请已被他人更新，请刷新后重试");
  }
  return InsertEvent(id, expected_count, event);
}

Status SqliteApplicationRepository::SetDecisionCorrected(ApplicationId id, bool corrected) {
  GONGKAI_ASSIGN_OR_RETURN(
      Stmt s, conn_->Prepare("UPDATE applications SET decision_corrected = ? WHERE id = ?"));
  s.Bind(1, int64_t{corrected ? 1 : 0}).Bind(2, id);
  GONGKAI_RETURN_IF_ERROR(s.Run());
  if (conn_->Changes() == 0) return NotFoundApp(id);
  return Status::Ok();
}

Result<CaseId> SqliteApplicationRepository::InsertCase(const Case& c) {
  GONGKAI_ASSIGN_OR_RETURN(
      Stmt s, conn_->Prepare("INSERT INTO application_cases (application_id, agency_id, kind, "
                             "filed, result, decided_on) VALUES (?, ?, ?, ?, ?, ?)"));
  s.Bind(1, c.application_id)
      .Bind(2, c.agency_id)
      .Bind(3, CaseKindCode(c.kind))
      .Bind(4, c.filed.ToString())
      .Bind(5, CaseResultCode(c.result));
  if (c.decided_on) {
    s.Bind(6, c.decided_on->ToString());
  } else {
    s.BindNull(6);
  }
  Status st = s.Run();
  if (st.code() == StatusCode::kFailedPrecondition) {
    return FailedPrecondition(st.message(), "案件关联的申请或机构不存在");
  }
  GONGKAI_RETURN_IF_ERROR(st);
  return conn_->LastInsertId();
}

Status SqliteApplicationRepository::UpdateCase(const Case& c) {
  GONGKAI_ASSIGN_OR_RETURN(Stmt s, conn_->Prepare("UPDATE application_cases SET result "
                                                  "= ?, decided_on = ? WHERE id = ?"));
  s.Bind(1, CaseResultCode(c.result));
  if (c.decided_on) {
    s.Bind(2, c.decided_on->ToString());
  } else {
    s.BindNull(2);
  }
  s.Bind(3, c.id);
  GONGKAI_RETURN_IF_ERROR(s.Run());
  if (conn_->Changes() == 0) {
    return NotFound("case " + std::to_string(c.id),
                    "案件（编号 " + std::to_string(c.id) + "）不存在");
  }
  return Status::Ok();
}

Result<std::vector<Case>> SqliteApplicationRepository::ListCases(agency::AgencyId agency) {
  GONGKAI_ASSIGN_OR_RETURN(
      Stmt s, conn_->Prepare("SELECT id, application_id, agency_id, kind, filed, result, "
                             "decided_on FROM application_cases WHERE agency_id = ? ORDER BY id"));
  s.Bind(1, agency);
  return s.ReadAll(ReadCase);
}

Result<Case> GetCaseById(Connection* conn, CaseId id) {
  GONGKAI_ASSIGN_OR_RETURN(
      Stmt s, conn->Prepare("SELECT id, application_id, agency_id, kind, filed, result, "
                            "decided_on FROM application_cases WHERE id = ?"));
  s.Bind(1, id);
  GONGKAI_ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return NotFound("case " + std::to_string(id), "复议/诉讼记录不存在");
  return ReadCase(s);
}

}  // namespace gongkai::storage::sqlite

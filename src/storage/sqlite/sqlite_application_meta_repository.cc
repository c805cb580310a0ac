// SQLite storage of what the applications service keeps beside the ledger
// (migrations/sqlite/003_application_service.sql).
#include "storage/sqlite/sqlite_repositories.h"

namespace gongkai::storage::sqlite {

using applications::ApplicationId;

Result<int64_t> SqliteApplicationMetaRepository::NextSequence(agency::AgencyId agency, int year) {
  GONGKAI_ASSIGN_OR_RETURN(
      Stmt s, conn_->Prepare("INSERT INTO application_counters (agency_id, year, last_seq) "
                             "VALUES (?, ?, 1) ON CONFLICT (agency_id, year) DO UPDATE SET "
                             "last_seq = last_seq + 1 RETURNING last_seq"));
  s.Bind(1, agency).Bind(2, static_cast<int64_t>(year));
  GONGKAI_ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return Internal("counter upsert returned no row");
  int64_t seq = s.Int(0);
  GONGKAI_ASSIGN_OR_RETURN(bool more, s.Step());
  (void)more;
  return seq;
}

Status SqliteApplicationMetaRepository::RaiseSequence(agency::AgencyId agency, int year,
                                                      int64_t seq) {
  GONGKAI_ASSIGN_OR_RETURN(
      Stmt s, conn_->Prepare("INSERT INTO application_counters (agency_id, year, last_seq) "
                             "VALUES (?, ?, ?) ON CONFLICT (agency_id, year) DO UPDATE SET "
                             "last_seq = max(last_seq, excluded.last_seq)"));
  s.Bind(1, agency).Bind(2, static_cast<int64_t>(year)).Bind(3, seq);
  return s.Run();
}

Result<std::optional<std::string>> SqliteApplicationMetaRepository::GetNumberPattern(
    agency::AgencyId agency) {
  GONGKAI_ASSIGN_OR_RETURN(
      Stmt s,
      conn_->Prepare("SELECT pattern FROM application_number_patterns WHERE agency_id = ?"));
  s.Bind(1, agency);
  GONGKAI_ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return std::optional<std::string>();
  return std::optional<std::string>(s.Text(0));
}

Status SqliteApplicationMetaRepository::SetNumberPattern(agency::AgencyId agency,
                                                         const std::string& pattern) {
  GONGKAI_ASSIGN_OR_RETURN(
      Stmt s, conn_->Prepare("INSERT INTO application_number_patterns (agency_id, pattern) "
                             "VALUES (?, ?) ON CONFLICT (agency_id) DO UPDATE SET "
                             "pattern = excluded.pattern"));
  s.Bind(1, agency).Bind(2, pattern);
  return s.Run();
}

Status SqliteApplicationMetaRepository::SetLookupHash(ApplicationId id, const std::string& hash) {
  GONGKAI_ASSIGN_OR_RETURN(
      Stmt s, conn_->Prepare("INSERT INTO application_lookup_codes (code_hash, application_id) "
                             "VALUES (?, ?)"));
  s.Bind(1, hash).Bind(2, id);
  return s.Run();
}

Result<ApplicationId> SqliteApplicationMetaRepository::FindByLookupHash(const std::string& hash) {
  GONGKAI_ASSIGN_OR_RETURN(
      Stmt s,
      conn_->Prepare("SELECT application_id FROM application_lookup_codes WHERE code_hash = ?"));
  s.Bind(1, hash);
  GONGKAI_ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return NotFound("lookup code", "查询码不存在");
  return s.Int(0);
}

Result<std::vector<ApplicationId>> SqliteApplicationMetaRepository::FindByNumber(
    const std::string& number) {
  GONGKAI_ASSIGN_OR_RETURN(
      Stmt s, conn_->Prepare("SELECT id FROM applications WHERE number = ? ORDER BY id"));
  s.Bind(1, number);
  return s.ReadAll([](const Stmt& row) -> ApplicationId { return row.Int(0); });
}

Status SqliteApplicationMetaRepository::SetDueSnapshot(const DueSnapshot& snapshot) {
  GONGKAI_ASSIGN_OR_RETURN(
      Stmt s, conn_->Prepare("INSERT INTO application_due_snapshots (application_id, due, as_of) "
                             "VALUES (?, ?, ?) ON CONFLICT (application_id) DO UPDATE SET "
                             "due = excluded.due, as_of = excluded.as_of"));
  s.Bind(1, snapshot.id);
  if (snapshot.due) {
    s.Bind(2, snapshot.due->ToString());
  } else {
    s.BindNull(2);
  }
  s.Bind(3, snapshot.as_of.ToString());
  return s.Run();
}

Result<std::vector<DueSnapshot>> SqliteApplicationMetaRepository::DueSnapshots() {
  GONGKAI_ASSIGN_OR_RETURN(
      Stmt s, conn_->Prepare("SELECT application_id, due, as_of FROM application_due_snapshots "
                             "ORDER BY application_id"));
  return s.ReadAll([](const Stmt& row) -> Result<DueSnapshot> {
    DueSnapshot snap;
    snap.id = row.Int(0);
    if (!row.IsNull(1)) {
      Result<Date> d = Date::Parse(row.Text(1));
      if (!d.ok()) return Internal("stored due date '" + row.Text(1) + "' is invalid");
      snap.due = *d;
    }
    Result<Date> as_of = Date::Parse(row.Text(2));
    if (!as_of.ok()) return Internal("stored snapshot date '" + row.Text(2) + "' is invalid");
    snap.as_of = *as_of;
    return snap;
  });
}

Status SqliteApplicationMetaRepository::InsertFiling(ApplicationId id, const ApplicationFiling& f) {
  GONGKAI_ASSIGN_OR_RETURN(
      Stmt s, conn_->Prepare("INSERT INTO application_filings (application_id, date, filed_with, "
                             "note) VALUES (?, ?, ?, ?)"));
  s.Bind(1, id).Bind(2, f.date.ToString()).Bind(3, f.filed_with).Bind(4, f.note);
  return s.Run();
}

Result<std::optional<ApplicationFiling>> SqliteApplicationMetaRepository::GetFiling(
    ApplicationId id) {
  GONGKAI_ASSIGN_OR_RETURN(
      Stmt s, conn_->Prepare("SELECT date, filed_with, note FROM application_filings WHERE "
                             "application_id = ?"));
  s.Bind(1, id);
  GONGKAI_ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return std::optional<ApplicationFiling>();
  ApplicationFiling f;
  Result<Date> d = Date::Parse(s.Text(0));
  if (!d.ok()) return Internal("stored filing date '" + s.Text(0) + "' is invalid");
  f.date = *d;
  f.filed_with = s.Text(1);
  f.note = s.Text(2);
  return std::optional<ApplicationFiling>(std::move(f));
}

Result<std::optional<std::string>> SqliteApplicationMetaRepository::GetApprovalChain(
    agency::AgencyId agency, const std::string& subject) {
  GONGKAI_ASSIGN_OR_RETURN(
      Stmt s,
      conn_->Prepare("SELECT steps FROM approval_chains WHERE agency_id = ? AND subject = ?"));
  s.Bind(1, agency).Bind(2, subject);
  GONGKAI_ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return std::optional<std::string>();
  return std::optional<std::string>(s.Text(0));
}

Status SqliteApplicationMetaRepository::SetApprovalChain(agency::AgencyId agency,
                                                         const std::string& subject,
                                                         const std::string& steps) {
  GONGKAI_ASSIGN_OR_RETURN(
      Stmt s, conn_->Prepare("INSERT INTO approval_chains (agency_id, subject, steps) "
                             "VALUES (?, ?, ?) ON CONFLICT (agency_id, subject) DO UPDATE SET "
                             "steps = excluded.steps"));
  s.Bind(1, agency).Bind(2, subject).Bind(3, steps);
  return s.Run();
}

}  // namespace gongkai::storage::sqlite

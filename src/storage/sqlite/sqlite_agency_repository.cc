#include "storage/sqlite/sqlite_repositories.h"

namespace gongkai::storage::sqlite {

namespace {

constexpr std::string_view kColumns =
    "id, parent_id, name, short_name, kind, level, credit_code, address, phone, postcode, "
    "office_hours, reconsideration_body, court, created_at, updated_at";

Result<agency::Agency> ReadAgency(const Stmt& s) {
  agency::Agency a;
  a.id = s.Int(0);
  a.parent_id = s.OptionalInt(1);
  a.name = s.Text(2);
  a.short_name = s.Text(3);
  GONGKAI_ASSIGN_OR_RETURN(a.kind, agency::ParseKind(s.Text(4)));
  GONGKAI_ASSIGN_OR_RETURN(a.level, agency::ParseLevel(s.Text(5)));
  a.credit_code = s.Text(6);
  a.address = s.Text(7);
  a.phone = s.Text(8);
  a.postcode = s.Text(9);
  a.office_hours = s.Text(10);
  a.reconsideration_body = s.Text(11);
  a.court = s.Text(12);
  a.created_at = s.Int(13);
  a.updated_at = s.Int(14);
  return a;
}

// Binds the mutable fields at 1..12 in the order of kColumns minus id/timestamps.
void BindFields(Stmt& s, const agency::Agency& a) {
  s.Bind(1, a.parent_id)
      .Bind(2, a.name)
      .Bind(3, a.short_name)
      .Bind(4, agency::KindCode(a.kind))
      .Bind(5, agency::LevelCode(a.level))
      .BindTextOrNull(6, a.credit_code)
      .Bind(7, a.address)
      .Bind(8, a.phone)
      .Bind(9, a.postcode)
      .Bind(10, a.office_hours)
      .Bind(11, a.reconsideration_body)
      .Bind(12, a.court);
}

Status Explain(Status s, const agency::Agency& a) {
  if (s.code() == StatusCode::kAlreadyExists) {
    return AlreadyExists(s.message(), "机构名称“" + a.name + "”或统一社会信用代码“" +
                                          a.credit_code + "”已被其他机构使用");
  }
  if (s.code() == StatusCode::kFailedPrecondition) {
    return FailedPrecondition(s.message(), "上级机构不存在");
  }
  return s;
}

}  // namespace

Result<agency::AgencyId> SqliteAgencyRepository::Insert(const agency::Agency& a) {
  GONGKAI_ASSIGN_OR_RETURN(
      Stmt s, conn_->Prepare("INSERT INTO agencies (parent_id, name, short_name, kind, level, "
                             "credit_code, address, phone, postcode, office_hours, "
                             "reconsideration_body, court, created_at, updated_at) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
  BindFields(s, a);
  s.Bind(13, a.created_at).Bind(14, a.updated_at);
  Status st = s.Run();
  if (!st.ok()) return Explain(st, a);
  return conn_->LastInsertId();
}

Result<agency::Agency> SqliteAgencyRepository::Get(agency::AgencyId id) {
  GONGKAI_ASSIGN_OR_RETURN(
      Stmt s, conn_->Prepare("SELECT " + std::string(kColumns) + " FROM agencies WHERE id = ?"));
  s.Bind(1, id);
  GONGKAI_ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) {
    return NotFound("agency " + std::to_string(id),
                    "机构（编号 " + std::to_string(id) + "）不存在");
  }
  return ReadAgency(s);
}

Result<std::vector<agency::Agency>> SqliteAgencyRepository::List() {
  // Depth-first order: parents before children, siblings by id.
  GONGKAI_ASSIGN_OR_RETURN(
      Stmt s, conn_->Prepare("WITH RECURSIVE tree(id, path) AS ("
                             " SELECT id, printf('%012d', id) FROM agencies WHERE parent_id IS NULL"
                             " UNION ALL SELECT a.id, tree.path || '/' || printf('%012d', a.id)"
                             " FROM agencies a JOIN tree ON a.parent_id = tree.id)"
                             " SELECT " +
                             std::string(kColumns) +
                             " FROM agencies JOIN tree USING (id) ORDER BY tree.path"));
  return s.ReadAll(ReadAgency);
}

Status SqliteAgencyRepository::Update(const agency::Agency& a) {
  GONGKAI_ASSIGN_OR_RETURN(
      Stmt s,
      conn_->Prepare("UPDATE agencies SET parent_id = ?, name = ?, short_name = ?, kind = ?, "
                     "level = ?, credit_code = ?, address = ?, phone = ?, postcode = ?, "
                     "office_hours = ?, reconsideration_body = ?, court = ?, updated_at = ? "
                     "WHERE id = ?"));
  BindFields(s, a);
  s.Bind(13, a.updated_at).Bind(14, a.id);
  Status st = s.Run();
  if (!st.ok()) return Explain(st, a);
  if (conn_->Changes() == 0) {
    return NotFound("agency " + std::to_string(a.id),
                    "机构（编号 " + std::to_string(a.id) + "）不存在");
  }
  return Status::Ok();
}

}  // namespace gongkai::storage::sqlite

// SQLite storage of uploaded files (migrations/sqlite/006_uploads.sql).
#include "storage/sqlite/sqlite_repositories.h"

namespace gongkai::storage::sqlite {

Result<int64_t> SqliteAttachmentRepository::Insert(const StoredAttachment& a) {
  GONGKAI_ASSIGN_OR_RETURN(
      Stmt s,
      conn_->Prepare("INSERT INTO application_attachments (application_id, kind, name, "
                     "mime, size, sha256, data, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
  s.Bind(1, a.application_id)
      .Bind(2, a.kind)
      .Bind(3, a.name)
      .Bind(4, a.mime)
      .Bind(5, a.size)
      .Bind(6, a.sha256)
      .BindBlob(7, a.data)
      .Bind(8, a.created_at);
  GONGKAI_RETURN_IF_ERROR(s.Run());
  return conn_->LastInsertId();
}

namespace {

StoredAttachment ReadAttachment(const Stmt& row, bool with_data) {
  StoredAttachment a;
  a.id = row.Int(0);
  a.application_id = row.Int(1);
  a.kind = row.Text(2);
  a.name = row.Text(3);
  a.mime = row.Text(4);
  a.size = row.Int(5);
  a.sha256 = row.Text(6);
  a.created_at = row.Int(7);
  if (with_data) a.data = row.Blob(8);
  return a;
}

}  // namespace

Result<std::vector<StoredAttachment>> SqliteAttachmentRepository::List(
    applications::ApplicationId id) {
  GONGKAI_ASSIGN_OR_RETURN(
      Stmt s, conn_->Prepare("SELECT id, application_id, kind, name, mime, size, sha256, "
                             "created_at FROM application_attachments WHERE application_id = ? "
                             "ORDER BY id"));
  s.Bind(1, id);
  return s.ReadAll([](const Stmt& row) { return ReadAttachment(row, false); });
}

Result<StoredAttachment> SqliteAttachmentRepository::Get(int64_t attachment_id) {
  GONGKAI_ASSIGN_OR_RETURN(
      Stmt s, conn_->Prepare("SELECT id, application_id, kind, name, mime, size, sha256, "
                             "created_at, data FROM application_attachments WHERE id = ?"));
  s.Bind(1, attachment_id);
  GONGKAI_ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return NotFound("attachment " + std::to_string(attachment_id), "附件不存在");
  return ReadAttachment(s, true);
}

Status SqliteSealRepository::Put(const StoredSeal& seal) {
  GONGKAI_ASSIGN_OR_RETURN(
      Stmt s, conn_->Prepare("INSERT INTO agency_seals (agency_id, png, sha256, width, height, "
                             "uploaded_at, uploaded_by) VALUES (?, ?, ?, ?, ?, ?, ?) "
                             "ON CONFLICT (agency_id) DO UPDATE SET png = excluded.png, "
                             "sha256 = excluded.sha256, width = excluded.width, "
                             "height = excluded.height, uploaded_at = excluded.uploaded_at, "
                             "uploaded_by = excluded.uploaded_by"));
  s.Bind(1, seal.agency_id)
      .BindBlob(2, seal.png)
      .Bind(3, seal.sha256)
      .Bind(4, int64_t{seal.width})
      .Bind(5, int64_t{seal.height})
      .Bind(6, seal.uploaded_at)
      .Bind(7, seal.uploaded_by);
  return s.Run();
}

Result<std::optional<StoredSeal>> SqliteSealRepository::Get(agency::AgencyId agency) {
  GONGKAI_ASSIGN_OR_RETURN(
      Stmt s, conn_->Prepare("SELECT png, sha256, width, height, uploaded_at, uploaded_by "
                             "FROM agency_seals WHERE agency_id = ?"));
  s.Bind(1, agency);
  GONGKAI_ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return std::optional<StoredSeal>();
  StoredSeal seal;
  seal.agency_id = agency;
  seal.png = s.Blob(0);
  seal.sha256 = s.Text(1);
  seal.width = static_cast<int>(s.Int(2));
  seal.height = static_cast<int>(s.Int(3));
  seal.uploaded_at = s.Int(4);
  seal.uploaded_by = s.Text(5);
  return std::optional<StoredSeal>(std::move(seal));
}

Status SqliteSealRepository::Delete(agency::AgencyId agency) {
  GONGKAI_ASSIGN_OR_RETURN(Stmt s, conn_->Prepare("DELETE FROM agency_seals WHERE agency_id = ?"));
  s.Bind(1, agency);
  GONGKAI_RETURN_IF_ERROR(s.Run());
  if (conn_->Changes() == 0)
    return NotFound("seal of agency " + std::to_string(agency), "本机关尚未上传专用章");
  return Status::Ok();
}

}  // namespace gongkai::storage::sqlite

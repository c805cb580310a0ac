// The disclosure catalog (migrations/sqlite/010_catalog.sql).
#include "storage/sqlite/sqlite_catalog_repository.h"

namespace gongkai::storage::sqlite {

namespace {

using catalog::Column;
using catalog::ItemRecord;
using catalog::Revision;

Result<std::optional<Date>> OptionalDate(const Stmt& s, int col) {
  if (s.IsNull(col)) return std::optional<Date>();
  GONGKAI_ASSIGN_OR_RETURN(Date d, Date::Parse(s.Text(col)));
  return std::optional<Date>(d);
}

Stmt& BindDate(Stmt& s, int index, const std::optional<Date>& d) {
  return d ? s.Bind(index, d->ToString()) : s.BindNull(index);
}

Stmt& BindOptional(Stmt& s, int index, const std::optional<int64_t>& v) { return s.Bind(index, v); }

constexpr std::string_view kColumnFields =
    "id, agency_id, parent_id, code, name, kind, freshness, position, created_at, updated_at";

Result<Column> ReadColumn(const Stmt& s) {
  Column c;
  c.id = s.Int(0);
  c.agency_id = s.Int(1);
  c.parent_id = s.OptionalInt(2);
  c.code = s.Text(3);
  c.name = s.Text(4);
  GONGKAI_ASSIGN_OR_RETURN(c.kind, catalog::ParseColumnKind(s.Text(5)));
  GONGKAI_ASSIGN_OR_RETURN(c.freshness, catalog::ParseFreshness(s.Text(6)));
  c.position = static_cast<int>(s.Int(7));
  c.created_at = s.Int(8);
  c.updated_at = s.Int(9);
  return c;
}

// The items columns, prefixed with `i.` so that lists can join the revisions.
constexpr std::string_view kItemFields =
    "i.id, i.agency_id, i.column_id, i.index_number, i.status, i.returned, i.latest_revision, "
    "i.live_revision, i.published_on, i.published_at, i.go_live_at, i.expire_at, i.validity, "
    "i.validity_on, i.validity_by, i.withdrawn_reason, i.created_by, i.created_at, i.updated_at";
constexpr int kItemFieldCount = 19;

Result<ItemRecord> ReadItem(const Stmt& s) {
  ItemRecord r;
  r.id = s.Int(0);
  r.agency_id = s.Int(1);
  r.column_id = s.Int(2);
  r.index_number = s.IsNull(3) ? "" : s.Text(3);
  GONGKAI_ASSIGN_OR_RETURN(r.status, catalog::ParseItemStatus(s.Text(4)));
  r.returned = s.Int(5) != 0;
  r.latest_revision = static_cast<int>(s.Int(6));
  if (!s.IsNull(7)) r.live_revision = static_cast<int>(s.Int(7));
  GONGKAI_ASSIGN_OR_RETURN(r.published_on, OptionalDate(s, 8));
  r.published_at = s.Int(9);
  r.go_live_at = s.OptionalInt(10);
  r.expire_at = s.OptionalInt(11);
  GONGKAI_ASSIGN_OR_RETURN(r.validity, catalog::ParseValidity(s.Text(12)));
  GONGKAI_ASSIGN_OR_RETURN(r.validity_on, OptionalDate(s, 13));
  r.validity_by = s.OptionalInt(14);
  r.withdrawn_reason = s.Text(15);
  r.created_by = s.Text(16);
  r.created_at = s.Int(17);
  r.updated_at = s.Int(18);
  return r;
}

// Binds the mutable fields of an item at ?1…?15 (the order of the INSERT and UPDATE below).
void BindItem(Stmt& s, const ItemRecord& r) {
  s.Bind(1, r.column_id)
      .BindTextOrNull(2, r.index_number)
      .Bind(3, catalog::ItemStatusCode(r.status));
  s.Bind(4, int64_t{r.returned ? 1 : 0}).Bind(5, int64_t{r.latest_revision});
  s.Bind(6, r.live_revision ? std::optional<int64_t>(*r.live_revision) : std::nullopt);
  BindDate(s, 7, r.published_on).Bind(8, r.published_at);
  BindOptional(s, 9, r.go_live_at);
  BindOptional(s, 10, r.expire_at);
  s.Bind(11, catalog::ValidityCode(r.validity));
  BindDate(s, 12, r.validity_on);
  BindOptional(s, 13, r.validity_by).Bind(14, r.withdrawn_reason).Bind(15, r.updated_at);
}

constexpr std::string_view kRevisionFields =
    "item_id, number, title, summary, body_html, body_text, doc_number, publisher, written_on, "
    "theme, genre, keywords, attribute, withheld_ground, note, author, created_at, sha256";

Result<Revision> ReadRevision(const Stmt& s) {
  Revision r;
  r.item_id = s.Int(0);
  r.number = static_cast<int>(s.Int(1));
  r.content.title = s.Text(2);
  r.content.summary = s.Text(3);
  r.content.body_html = s.Text(4);
  r.body_text = s.Text(5);
  r.content.doc_number = s.Text(6);
  r.content.publisher = s.Text(7);
  GONGKAI_ASSIGN_OR_RETURN(r.content.written_on, OptionalDate(s, 8));
  r.content.theme = s.Text(9);
  r.content.genre = s.Text(10);
  r.content.keywords = s.Text(11);
  GONGKAI_ASSIGN_OR_RETURN(r.content.attribute, catalog::ParseAttribute(s.Text(12)));
  r.content.withheld_ground = s.Text(13);
  r.note = s.Text(14);
  r.author = s.Text(15);
  r.created_at = s.Int(16);
  r.sha256 = s.Text(17);
  return r;
}

}  // namespace

Result<catalog::ColumnId> SqliteCatalogRepository::InsertColumn(const Column& c) {
  GONGKAI_ASSIGN_OR_RETURN(
      Stmt s, conn_->Prepare("INSERT INTO catalog_columns (agency_id, parent_id, code, name, kind, "
                             "freshness, position, created_at, updated_at) VALUES (?, ?, ?, ?, ?, "
                             "?, ?, ?, ?)"));
  s.Bind(1, c.agency_id).Bind(2, c.parent_id).Bind(3, c.code).Bind(4, c.name);
  s.Bind(5, catalog::ColumnKindCode(c.kind)).Bind(6, catalog::FreshnessCode(c.freshness));
  s.Bind(7, int64_t{c.position}).Bind(8, c.created_at).Bind(9, c.updated_at);
  GONGKAI_RETURN_IF_ERROR(s.Run());
  return conn_->LastInsertId();
}

Result<Column> SqliteCatalogRepository::GetColumn(catalog::ColumnId id) {
  GONGKAI_ASSIGN_OR_RETURN(Stmt s, conn_->Prepare("SELECT " + std::string(kColumnFields) +
                                                  " FROM catalog_columns WHERE id = ?"));
  s.Bind(1, id);
  GONGKAI_ASSIGN_OR_RETURN(std::vector<Column> rows, s.ReadAll(ReadColumn));
  if (rows.empty()) return NotFound("column " + std::to_string(id), "栏目不存在");
  return rows.front();
}

Result<std::vector<Column>> SqliteCatalogRepository::ListColumns(agency::AgencyId agency) {
  // Depth-first: each column's path of (position, id) pairs sorts parents before children.
  GONGKAI_ASSIGN_OR_RETURN(
      Stmt s,
      conn_->Prepare("WITH RECURSIVE tree(id, path) AS ("
                     " SELECT id, printf('%08d.%012d', position, id) FROM catalog_columns"
                     " WHERE agency_id = ?1 AND parent_id IS NULL"
                     " UNION ALL SELECT c.id, tree.path || '/' || printf('%08d.%012d', c.position, "
                     "c.id) FROM catalog_columns c JOIN tree ON c.parent_id = tree.id)"
                     " SELECT c.id, c.agency_id, c.parent_id, c.code, c.name, c.kind, c.freshness,"
                     " c.position, c.created_at, c.updated_at FROM tree JOIN catalog_columns c"
                     " ON c.id = tree.id ORDER BY tree.path"));
  s.Bind(1, agency);
  return s.ReadAll(ReadColumn);
}

Status SqliteCatalogRepository::UpdateColumn(const Column& c) {
  GONGKAI_ASSIGN_OR_RETURN(
      Stmt s, conn_->Prepare("UPDATE catalog_columns SET parent_id = ?, name = ?, kind = ?, "
                             "freshness = ?, position = ?, updated_at = ? WHERE id = ?"));
  s.Bind(1, c.parent_id).Bind(2, c.name).Bind(3, catalog::ColumnKindCode(c.kind));
  s.Bind(4, catalog::FreshnessCode(c.freshness)).Bind(5, int64_t{c.position});
  s.Bind(6, c.updated_at).Bind(7, c.id);
  GONGKAI_RETURN_IF_ERROR(s.Run());
  if (conn_->Changes() == 0) return NotFound("column " + std::to_string(c.id), "栏目不存在");
  return Status::Ok();
}

Status SqliteCatalogRepository::DeleteColumn(catalog::ColumnId id) {
  GONGKAI_ASSIGN_OR_RETURN(Stmt s, conn_->Prepare("DELETE FROM catalog_columns WHERE id = ?"));
  s.Bind(1, id);
  Status st = s.Run();
  if (st.code() == StatusCode::kFailedPrecondition) {
    return FailedPrecondition(st.message(), "栏目下还有信息或子栏目，不能删除");
  }
  GONGKAI_RETURN_IF_ERROR(st);
  if (conn_->Changes() == 0) return NotFound("column " + std::to_string(id), "栏目不存在");
  return Status::Ok();
}

Result<int64_t> SqliteCatalogRepository::CountItems(catalog::ColumnId column) {
  GONGKAI_ASSIGN_OR_RETURN(Stmt s,
                           conn_->Prepare("SELECT count(*) FROM items WHERE column_id = ?"));
  s.Bind(1, column);
  GONGKAI_ASSIGN_OR_RETURN(bool row, s.Step());
  return row ? s.Int(0) : 0;
}

Result<std::string> SqliteCatalogRepository::IndexPattern(agency::AgencyId agency) {
  GONGKAI_ASSIGN_OR_RETURN(
      Stmt s, conn_->Prepare("SELECT index_pattern FROM catalog_settings WHERE agency_id = ?"));
  s.Bind(1, agency);
  GONGKAI_ASSIGN_OR_RETURN(bool row, s.Step());
  return row ? s.Text(0) : std::string();
}

Status SqliteCatalogRepository::SetIndexPattern(agency::AgencyId agency,
                                                const std::string& pattern) {
  GONGKAI_ASSIGN_OR_RETURN(
      Stmt s, conn_->Prepare("INSERT INTO catalog_settings (agency_id, index_pattern) VALUES (?, "
                             "?) ON CONFLICT (agency_id) DO UPDATE SET index_pattern = "
                             "excluded.index_pattern"));
  s.Bind(1, agency).Bind(2, pattern);
  return s.Run();
}

Result<int64_t> SqliteCatalogRepository::NextIndexSequence(agency::AgencyId agency, int year) {
  GONGKAI_ASSIGN_OR_RETURN(
      Stmt s, conn_->Prepare("INSERT INTO catalog_index_counters (agency_id, year, last) VALUES "
                             "(?, ?, 1) ON CONFLICT (agency_id, year) DO UPDATE SET last = last + "
                             "1 RETURNING last"));
  s.Bind(1, agency).Bind(2, int64_t{year});
  GONGKAI_ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return Internal("index counter returned no row");
  int64_t last = s.Int(0);
  GONGKAI_ASSIGN_OR_RETURN(bool more, s.Step());
  (void)more;
  return last;
}

Status SqliteCatalogRepository::ReserveIndexSequence(agency::AgencyId agency, int year,
                                                     int64_t used) {
  GONGKAI_ASSIGN_OR_RETURN(
      Stmt s, conn_->Prepare("INSERT INTO catalog_index_counters (agency_id, year, last) VALUES "
                             "(?, ?, ?) ON CONFLICT (agency_id, year) DO UPDATE SET last = "
                             "max(last, excluded.last)"));
  s.Bind(1, agency).Bind(2, int64_t{year}).Bind(3, used);
  return s.Run();
}

Result<catalog::ItemId> SqliteCatalogRepository::InsertItem(const ItemRecord& r) {
  GONGKAI_ASSIGN_OR_RETURN(
      Stmt s,
      conn_->Prepare("INSERT INTO items (column_id, index_number, status, returned, "
                     "latest_revision, live_revision, published_on, published_at, go_live_at, "
                     "expire_at, validity, validity_on, validity_by, withdrawn_reason, updated_at, "
                     "agency_id, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                     "?, ?, ?, ?, ?, ?, ?)"));
  BindItem(s, r);
  s.Bind(16, r.agency_id).Bind(17, r.created_by).Bind(18, r.created_at);
  GONGKAI_RETURN_IF_ERROR(s.Run());
  return conn_->LastInsertId();
}

Result<ItemRecord> SqliteCatalogRepository::GetItem(catalog::ItemId id) {
  GONGKAI_ASSIGN_OR_RETURN(Stmt s, conn_->Prepare("SELECT " + std::string(kItemFields) +
                                                  " FROM items i WHERE i.id = ?"));
  s.Bind(1, id);
  GONGKAI_ASSIGN_OR_RETURN(std::vector<ItemRecord> rows, s.ReadAll(ReadItem));
  if (rows.empty()) return NotFound("item " + std::to_string(id), "信息不存在");
  return rows.front();
}

Status SqliteCatalogRepository::UpdateItem(const ItemRecord& r) {
  GONGKAI_ASSIGN_OR_RETURN(
      Stmt s,
      conn_->Prepare("UPDATE items SET column_id = ?1, index_number = ?2, status = ?3, returned = "
                     "?4, latest_revision = ?5, live_revision = ?6, published_on = ?7, "
                     "published_at = ?8, go_live_at = ?9, expire_at = ?10, validity = ?11, "
                     "validity_on = ?12, validity_by = ?13, withdrawn_reason = ?14, updated_at = "
                     "?15 WHERE id = ?16"));
  BindItem(s, r);
  s.Bind(16, r.id);
  GONGKAI_RETURN_IF_ERROR(s.Run());
  if (conn_->Changes() == 0) return NotFound("item " + std::to_string(r.id), "信息不存在");
  return Status::Ok();
}

Result<ItemPage> SqliteCatalogRepository::ListItems(const ItemListQuery& q) {
  // Only the filters asked for are in the SQL (a few shapes, each prepared once), so that SQLite
  // reads the first page from the matching index of migration 012 in order.
  // With a column, "+" keeps SQLite off the agency's index: the column's own index is the one
  // that reads a column's first page in order.
  std::string where = q.column ? " WHERE +i.agency_id = ?1 AND i.column_id = ?2"
                               : " WHERE i.agency_id = ?1";
  std::string statuses = "[";
  for (catalog::ItemStatus st : q.statuses) {
    if (statuses.size() > 1) statuses += ",";
    statuses += "\"" + std::string(catalog::ItemStatusCode(st)) + "\"";
  }
  statuses += "]";
  if (!q.statuses.empty()) where += " AND i.status IN (SELECT value FROM json_each(?3))";
  if (!q.created_by.empty()) where += " AND i.created_by = ?4";
  if (q.live) where += " AND i.live_revision IS NOT NULL";
  auto bind = [&](Stmt& s) {
    s.Bind(1, q.agency);
    if (q.column) s.Bind(2, *q.column);
    if (!q.statuses.empty()) s.Bind(3, statuses);
    if (!q.created_by.empty()) s.Bind(4, q.created_by);
  };
  ItemPage page;
  {
    GONGKAI_ASSIGN_OR_RETURN(Stmt s, conn_->Prepare("SELECT count(*) FROM items i" + where));
    bind(s);
    GONGKAI_ASSIGN_OR_RETURN(bool row, s.Step());
    page.total = row ? s.Int(0) : 0;
  }
  const std::string order = q.live ? " ORDER BY i.published_on DESC, i.published_at DESC, i.id DESC"
                                   : " ORDER BY i.updated_at DESC, i.id DESC";
  GONGKAI_ASSIGN_OR_RETURN(
      Stmt s, conn_->Prepare("SELECT " + std::string(kItemFields) +
                             ", r.title, r.doc_number, r.written_on FROM items i JOIN "
                             "item_revisions r ON r.item_id = i.id AND r.number = " +
                             std::string(q.live ? "i.live_revision" : "i.latest_revision") + where +
                             order + " LIMIT ?5 OFFSET ?6"));
  bind(s);
  s.Bind(5, int64_t{q.limit}).Bind(6, int64_t{q.offset});
  GONGKAI_ASSIGN_OR_RETURN(page.items, s.ReadAll([](const Stmt& row) -> Result<ItemSummary> {
    ItemSummary out;
    GONGKAI_ASSIGN_OR_RETURN(out.record, ReadItem(row));
    out.title = row.Text(kItemFieldCount);
    out.doc_number = row.Text(kItemFieldCount + 1);
    GONGKAI_ASSIGN_OR_RETURN(out.written_on, OptionalDate(row, kItemFieldCount + 2));
    return out;
  }));
  return page;
}

Result<std::vector<std::pair<std::string, int64_t>>> SqliteCatalogRepository::CountByStatus(
    agency::AgencyId agency) {
  GONGKAI_ASSIGN_OR_RETURN(Stmt s, conn_->Prepare("SELECT status, count(*) FROM items WHERE "
                                                  "agency_id = ? GROUP BY status ORDER BY status"));
  s.Bind(1, agency);
  return s.ReadAll([](const Stmt& row) { return std::make_pair(row.Text(0), row.Int(1)); });
}

Result<std::vector<catalog::ItemId>> SqliteCatalogRepository::DueForSchedule(int64_t now,
                                                                             int limit) {
  GONGKAI_ASSIGN_OR_RETURN(
      Stmt s, conn_->Prepare("SELECT id FROM items WHERE (status = 'approved' AND go_live_at <= "
                             "?1) OR (status = 'published' AND expire_at <= ?1) ORDER BY "
                             "coalesce(go_live_at, expire_at), id LIMIT ?2"));
  s.Bind(1, now).Bind(2, int64_t{limit});
  return s.ReadAll([](const Stmt& row) { return row.Int(0); });
}

Status SqliteCatalogRepository::PutFile(const std::string& sha256, const std::string& mime,
                                        const std::string& data, const std::string& text,
                                        int64_t at) {
  GONGKAI_ASSIGN_OR_RETURN(
      Stmt s, conn_->Prepare("INSERT INTO catalog_files (sha256, mime, size, data, text, "
                             "created_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (sha256) DO "
                             "NOTHING"));
  s.Bind(1, sha256).Bind(2, mime).Bind(3, static_cast<int64_t>(data.size()));
  s.BindBlob(4, data).Bind(5, text).Bind(6, at);
  return s.Run();
}

Result<std::string> SqliteCatalogRepository::FileData(const std::string& sha256) {
  GONGKAI_ASSIGN_OR_RETURN(Stmt s,
                           conn_->Prepare("SELECT data FROM catalog_files WHERE sha256 = ?"));
  s.Bind(1, sha256);
  GONGKAI_ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return NotFound("file " + sha256, "附件不存在");
  return s.Blob(0);
}

Result<std::string> SqliteCatalogRepository::FileText(const std::string& sha256) {
  GONGKAI_ASSIGN_OR_RETURN(Stmt s,
                           conn_->Prepare("SELECT text FROM catalog_files WHERE sha256 = ?"));
  s.Bind(1, sha256);
  GONGKAI_ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return NotFound("file " + sha256, "附件不存在");
  return s.Text(0);
}

Status SqliteCatalogRepository::LoadFiles(Revision& r) {
  GONGKAI_ASSIGN_OR_RETURN(
      Stmt s, conn_->Prepare("SELECT f.name, f.sha256, c.mime, c.size FROM item_files f JOIN "
                             "catalog_files c ON c.sha256 = f.sha256 WHERE f.item_id = ? AND "
                             "f.revision = ? ORDER BY f.position"));
  s.Bind(1, r.item_id).Bind(2, int64_t{r.number});
  GONGKAI_ASSIGN_OR_RETURN(r.content.files, s.ReadAll([](const Stmt& row) {
    return catalog::FileRef{row.Text(0), row.Text(1), row.Text(2), row.Int(3)};
  }));
  return Status::Ok();
}

Status SqliteCatalogRepository::InsertRevision(const Revision& r) {
  GONGKAI_ASSIGN_OR_RETURN(
      Stmt s, conn_->Prepare("INSERT INTO item_revisions (" + std::string(kRevisionFields) +
                             ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
  const catalog::ItemContent& c = r.content;
  s.Bind(1, r.item_id).Bind(2, int64_t{r.number}).Bind(3, c.title).Bind(4, c.summary);
  s.Bind(5, c.body_html).Bind(6, r.body_text).Bind(7, c.doc_number).Bind(8, c.publisher);
  BindDate(s, 9, c.written_on).Bind(10, c.theme).Bind(11, c.genre).Bind(12, c.keywords);
  s.Bind(13, catalog::AttributeCode(c.attribute)).Bind(14, c.withheld_ground).Bind(15, r.note);
  s.Bind(16, r.author).Bind(17, r.created_at).Bind(18, r.sha256);
  GONGKAI_RETURN_IF_ERROR(s.Run());
  for (size_t i = 0; i < c.files.size(); ++i) {
    GONGKAI_ASSIGN_OR_RETURN(
        Stmt f, conn_->Prepare("INSERT INTO item_files (item_id, revision, position, name, "
                               "sha256) VALUES (?, ?, ?, ?, ?)"));
    f.Bind(1, r.item_id).Bind(2, int64_t{r.number}).Bind(3, static_cast<int64_t>(i));
    f.Bind(4, c.files[i].name).Bind(5, c.files[i].sha256);
    GONGKAI_RETURN_IF_ERROR(f.Run());
  }
  return Status::Ok();
}

Result<Revision> SqliteCatalogRepository::GetRevision(catalog::ItemId item, int number) {
  GONGKAI_ASSIGN_OR_RETURN(Stmt s,
                           conn_->Prepare("SELECT " + std::string(kRevisionFields) +
                                          " FROM item_revisions WHERE item_id = ? AND number = ?"));
  s.Bind(1, item).Bind(2, int64_t{number});
  GONGKAI_ASSIGN_OR_RETURN(std::vector<Revision> rows, s.ReadAll(ReadRevision));
  if (rows.empty()) return NotFound("revision", "该版本不存在");
  GONGKAI_RETURN_IF_ERROR(LoadFiles(rows.front()));
  return rows.front();
}

Result<std::vector<Revision>> SqliteCatalogRepository::ListRevisions(catalog::ItemId item) {
  GONGKAI_ASSIGN_OR_RETURN(Stmt s, conn_->Prepare("SELECT " + std::string(kRevisionFields) +
                                                  " FROM item_revisions WHERE item_id = ? "
                                                  "ORDER BY number"));
  s.Bind(1, item);
  GONGKAI_ASSIGN_OR_RETURN(std::vector<Revision> rows, s.ReadAll(ReadRevision));
  for (Revision& r : rows) GONGKAI_RETURN_IF_ERROR(LoadFiles(r));
  return rows;
}

Status SqliteCatalogRepository::InsertLink(const catalog::ItemLink& l) {
  GONGKAI_ASSIGN_OR_RETURN(
      Stmt s, conn_->Prepare("INSERT INTO item_links (from_item, kind, to_item, created_at) "
                             "VALUES (?, ?, ?, 0)"));
  s.Bind(1, l.from).Bind(2, catalog::LinkKindCode(l.kind)).Bind(3, l.to);
  return s.Run();
}

Status SqliteCatalogRepository::DeleteLink(const catalog::ItemLink& l) {
  GONGKAI_ASSIGN_OR_RETURN(
      Stmt s, conn_->Prepare("DELETE FROM item_links WHERE from_item = ? AND kind = ? AND "
                             "to_item = ?"));
  s.Bind(1, l.from).Bind(2, catalog::LinkKindCode(l.kind)).Bind(3, l.to);
  GONGKAI_RETURN_IF_ERROR(s.Run());
  if (conn_->Changes() == 0) return NotFound("link", "没有这个关联");
  return Status::Ok();
}

Result<std::vector<catalog::ItemLink>> SqliteCatalogRepository::LinksOf(catalog::ItemId item) {
  GONGKAI_ASSIGN_OR_RETURN(Stmt s, conn_->Prepare("SELECT from_item, kind, to_item FROM "
                                                  "item_links WHERE from_item = ?1 OR to_item = "
                                                  "?1 ORDER BY from_item, kind, to_item"));
  s.Bind(1, item);
  return s.ReadAll([](const Stmt& row) -> Result<catalog::ItemLink> {
    catalog::ItemLink l;
    l.from = row.Int(0);
    GONGKAI_ASSIGN_OR_RETURN(l.kind, catalog::ParseLinkKind(row.Text(1)));
    l.to = row.Int(2);
    return l;
  });
}

}  // namespace gongkai::storage::sqlite

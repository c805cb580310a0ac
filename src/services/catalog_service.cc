#include "services/catalog_service.h"

#include <algorithm>
#include <map>

#include "catalog/default_columns.h"
#include "catalog/index_number.h"
#include "catalog/themes.h"
#include "core/text.h"
#include "services/audit.h"
#include "services/authorize.h"
#include "services/catalog_body.h"
#include "services/review_service.h"

namespace gongkai::services {

namespace {

using account::Actor;
using account::Permission;
using catalog::Column;  // NOLINT
using catalog::ColumnKind;
using catalog::ItemRecord;
using catalog::ItemStatus;

constexpr std::string_view kConflict = "edit conflict";

std::string ColumnTarget(catalog::ColumnId id) { return "column:" + std::to_string(id); }
std::string ItemTarget(catalog::ItemId id) { return "item:" + std::to_string(id); }
std::string AgencyTarget(agency::AgencyId id) { return "agency:" + std::to_string(id); }

std::string_view RefusalFor(Permission p) {
  switch (p) {
    case Permission::kManageAgency:
      return "无权管理该机构的目录栏目（需要该机构或其上级机构的机构管理员角色）";
    case Permission::kEditContent:
      return "无权编辑该机构的政府信息（需要该机构的信息员/编辑角色）";
    default:
      return "无权查看该机构的政府信息目录";
  }
}

// Authorization inside the service's own transaction; refusals audited after it ended.
struct Gate {
  storage::Store& store;
  const Clock& clock;
  const Actor& actor;

  // Sets *denied (the caller ends its transaction, then calls Deny).
  Status Check(storage::Transaction& tx, Permission p, agency::AgencyId agency, bool* denied) {
    GONGKAI_ASSIGN_OR_RETURN(bool ok, AllowedOnAgency(tx, actor, p, agency));
    *denied = !ok;
    return Status::Ok();
  }
  Status Deny(Permission p, const std::string& action, const std::string& target) {
    return DenyAndAudit(store, clock, actor, action, target, std::string(RefusalFor(p)));
  }
};

bool HoldsItems(ColumnKind kind) { return kind != ColumnKind::kSection; }

// The content as it is stored: trimmed, the theme canonical, the body prepared.
Result<catalog::Revision> PrepareRevision(const ItemInput& input, const agency::Agency& agency) {
  catalog::Revision r;
  r.content = input.content;
  catalog::ItemContent& c = r.content;
  c.title = Trim(c.title);
  c.summary = Trim(c.summary);
  c.doc_number = Trim(c.doc_number);
  c.publisher = Trim(c.publisher);
  if (c.publisher.empty()) c.publisher = agency.name;
  c.theme = catalog::CanonicalTheme(Trim(c.theme));
  c.genre = Trim(c.genre);
  c.keywords = Trim(c.keywords);
  c.withheld_ground = Trim(c.withheld_ground);
  if (c.attribute == catalog::Attribute::kActive) c.withheld_ground.clear();
  GONGKAI_RETURN_IF_ERROR(catalog::ValidateContent(c));  // before the body is rewritten
  PreparedBody body = PrepareBody(c.body_html, input.body_is_plain_text);
  c.body_html = std::move(body.html);
  r.body_text = std::move(body.text);
  r.note = Trim(input.note);
  if (CodePointCount(r.note) > 500) {
    return InvalidArgument("note too long", "修改说明不能超过500个字");
  }
  r.sha256 = catalog::ContentDigest(c);
  return r;
}

// The new revision's files: `previous` minus input.remove_files plus input.add_files (checked and
// stored in `tx`).
Status ApplyFiles(storage::Transaction& tx, const ItemInput& input,
                  const std::vector<catalog::FileRef>& previous, int64_t now,
                  std::vector<catalog::FileRef>* out) {
  out->clear();
  for (const catalog::FileRef& f : previous) {
    if (std::find(input.remove_files.begin(), input.remove_files.end(), f.name) ==
        input.remove_files.end()) {
      out->push_back(f);
    }
  }
  for (const FileUpload& upload : input.add_files) {
    GONGKAI_ASSIGN_OR_RETURN(catalog::FileRef ref, CheckItemFile(upload));
    std::erase_if(*out, [&](const catalog::FileRef& f) { return f.name == ref.name; });
    GONGKAI_RETURN_IF_ERROR(tx.catalog().PutFile(ref.sha256, ref.mime, upload.data,
                                                 ExtractFileText(ref.mime, upload.data), now));
    out->push_back(std::move(ref));
  }
  if (out->size() > catalog::kMaxFilesPerItem) {
    return InvalidArgument("too many files",
                           "每条信息最多" + std::to_string(catalog::kMaxFilesPerItem) + "个附件");
  }
  return Status::Ok();
}

// A column's parent must be a 分类 of the same agency, and not the column or one below it.
Status CheckParent(storage::Transaction& tx, const Column& column) {
  if (!column.parent_id) return Status::Ok();
  GONGKAI_ASSIGN_OR_RETURN(std::vector<Column> all, tx.catalog().ListColumns(column.agency_id));
  std::map<catalog::ColumnId, const Column*> by_id;
  for (const Column& c : all) by_id[c.id] = &c;
  auto parent = by_id.find(*column.parent_id);
  if (parent == by_id.end()) {
    return InvalidArgument("bad parent", "上级栏目不存在或不属于本机构");
  }
  if (parent->second->kind != ColumnKind::kSection) {
    return InvalidArgument("parent not a section", "上级栏目须为“分类”类型（只含栏目，不含信息）");
  }
  for (std::optional<catalog::ColumnId> at = column.parent_id; at;) {
    if (column.id != 0 && *at == column.id) {
      return InvalidArgument("cycle", "不能把栏目移到它自己或它的下级栏目之下");
    }
    auto it = by_id.find(*at);
    at = it == by_id.end() ? std::nullopt : it->second->parent_id;
  }
  return Status::Ok();
}

// A link must join two items of one agency; a 解读 starts from an item of a 解读 column.
Status CheckLink(storage::Transaction& tx, const ItemRecord& from, const catalog::ItemLink& link) {
  Result<ItemRecord> to = tx.catalog().GetItem(link.to);
  if (!to.ok() || to->agency_id != from.agency_id || link.to == link.from) {
    return InvalidArgument("bad link target", "关联的信息须是本机构的另一条信息");
  }
  if (link.kind == catalog::LinkKind::kInterprets) {
    GONGKAI_ASSIGN_OR_RETURN(catalog::Column col, tx.catalog().GetColumn(from.column_id));
    if (col.kind != ColumnKind::kInterpretations) {
      return InvalidArgument("not an interpretation",
                             "只有“解读”类栏目中的信息才能作为政策解读关联到文件");
    }
  }
  return Status::Ok();
}

}  // namespace

Status CreateDefaultColumns(storage::Transaction& tx, agency::AgencyId agency, int64_t now) {
  std::map<std::string_view, catalog::ColumnId> ids;
  int position = 0;
  for (const catalog::ColumnTemplate& t : catalog::DefaultColumns()) {
    Column c;
    c.agency_id = agency;
    if (!t.parent_code.empty()) c.parent_id = ids.at(t.parent_code);
    c.code = std::string(t.code);
    c.name = std::string(t.name);
    c.kind = t.kind;
    c.freshness = t.freshness;
    c.position = ++position;
    c.created_at = c.updated_at = now;
    GONGKAI_ASSIGN_OR_RETURN(ids[t.code], tx.catalog().InsertColumn(c));
  }
  return Status::Ok();
}

bool IsEditConflict(const Status& status) {
  return status.code() == StatusCode::kFailedPrecondition &&
         status.message().rfind(kConflict, 0) == 0;
}

Result<std::vector<Column>> CatalogService::Columns(const Actor& actor, agency::AgencyId agency) {
  Gate gate{store_, clock_, actor};
  bool denied = false;
  {
    GONGKAI_ASSIGN_OR_RETURN(auto tx, store_.Begin(storage::TxMode::kRead));
    GONGKAI_RETURN_IF_ERROR(gate.Check(*tx, Permission::kView, agency, &denied));
    if (!denied) {
      GONGKAI_ASSIGN_OR_RETURN(std::vector<Column> columns, tx->catalog().ListColumns(agency));
      if (!columns.empty()) return columns;
    }
  }
  if (denied) return gate.Deny(Permission::kView, "catalog_view", AgencyTarget(agency));
  GONGKAI_ASSIGN_OR_RETURN(auto tx, store_.Begin(storage::TxMode::kWrite));
  GONGKAI_ASSIGN_OR_RETURN(std::vector<Column> columns, tx->catalog().ListColumns(agency));
  if (columns.empty()) {  // another request may have created them meanwhile
    GONGKAI_RETURN_IF_ERROR(CreateDefaultColumns(*tx, agency, clock_.NowUnixSeconds()));
    GONGKAI_RETURN_IF_ERROR(AppendAuditFor(*tx, clock_, actor, {agency}, "catalog_init",
                                           AgencyTarget(agency), "default columns"));
    GONGKAI_ASSIGN_OR_RETURN(columns, tx->catalog().ListColumns(agency));
    GONGKAI_RETURN_IF_ERROR(tx->Commit());
  }
  return columns;
}

Result<Column> CatalogService::GetColumn(const Actor& actor, catalog::ColumnId id) {
  Gate gate{store_, clock_, actor};
  bool denied = false;
  {
    GONGKAI_ASSIGN_OR_RETURN(auto tx, store_.Begin(storage::TxMode::kRead));
    GONGKAI_ASSIGN_OR_RETURN(catalog::Column c, tx->catalog().GetColumn(id));
    GONGKAI_RETURN_IF_ERROR(gate.Check(*tx, Permission::kView, c.agency_id, &denied));
    if (!denied) return c;
  }
  return gate.Deny(Permission::kView, "catalog_view", ColumnTarget(id));
}

Result<catalog::ColumnId> CatalogService::AddColumn(const Actor& actor, catalog::Column column) {
  column.name = Trim(column.name);
  GONGKAI_RETURN_IF_ERROR(catalog::ValidateColumn(column));
  Gate gate{store_, clock_, actor};
  bool denied = false;
  {
    GONGKAI_ASSIGN_OR_RETURN(auto tx, store_.Begin(storage::TxMode::kWrite));
    GONGKAI_RETURN_IF_ERROR(gate.Check(*tx, Permission::kManageAgency, column.agency_id, &denied));
    if (!denied) {
      GONGKAI_RETURN_IF_ERROR(CheckParent(*tx, column));
      column.id = 0;
      column.created_at = column.updated_at = clock_.NowUnixSeconds();
      Result<catalog::ColumnId> id = tx->catalog().InsertColumn(column);
      if (id.status().code() == StatusCode::kAlreadyExists) {
        return AlreadyExists(id.status().message(), "本机构已有代码为“" + column.code + "”的栏目");
      }
      GONGKAI_RETURN_IF_ERROR(id.status());
      GONGKAI_RETURN_IF_ERROR(AppendAuditFor(*tx, clock_, actor, {column.agency_id}, "column_add",
                                             ColumnTarget(*id), column.code + " " + column.name));
      GONGKAI_RETURN_IF_ERROR(tx->Commit());
      return *id;
    }
  }
  return gate.Deny(Permission::kManageAgency, "column_add", AgencyTarget(column.agency_id));
}

Status CatalogService::UpdateColumn(const Actor& actor, const catalog::Column& input) {
  Gate gate{store_, clock_, actor};
  bool denied = false;
  {
    GONGKAI_ASSIGN_OR_RETURN(auto tx, store_.Begin(storage::TxMode::kWrite));
    GONGKAI_ASSIGN_OR_RETURN(catalog::Column c, tx->catalog().GetColumn(input.id));
    GONGKAI_RETURN_IF_ERROR(gate.Check(*tx, Permission::kManageAgency, c.agency_id, &denied));
    if (!denied) {
      c.name = Trim(input.name);
      c.parent_id = input.parent_id;
      c.position = input.position;
      c.freshness = input.freshness;
      if (input.kind != c.kind && input.kind == ColumnKind::kSection) {
        GONGKAI_ASSIGN_OR_RETURN(int64_t n, tx->catalog().CountItems(c.id));
        if (n > 0) {
          return FailedPrecondition("column has items", "栏目下已有信息，不能改为“分类”类型");
        }
      }
      if (input.kind != c.kind && c.kind == ColumnKind::kSection) {
        GONGKAI_ASSIGN_OR_RETURN(std::vector<catalog::Column> all,
                                 tx->catalog().ListColumns(c.agency_id));
        for (const catalog::Column& other : all) {
          if (other.parent_id == c.id) {
            return FailedPrecondition("section has children",
                                      "该分类下还有栏目，不能改为存放信息的栏目");
          }
        }
      }
      c.kind = input.kind;
      GONGKAI_RETURN_IF_ERROR(catalog::ValidateColumn(c));
      GONGKAI_RETURN_IF_ERROR(CheckParent(*tx, c));
      c.updated_at = clock_.NowUnixSeconds();
      GONGKAI_RETURN_IF_ERROR(tx->catalog().UpdateColumn(c));
      GONGKAI_RETURN_IF_ERROR(AppendAuditFor(*tx, clock_, actor, {c.agency_id}, "column_edit",
                                             ColumnTarget(c.id), c.code + " " + c.name));
      return tx->Commit();
    }
  }
  return gate.Deny(Permission::kManageAgency, "column_edit", ColumnTarget(input.id));
}

Status CatalogService::MoveColumn(const Actor& actor, catalog::ColumnId id, int delta) {
  Gate gate{store_, clock_, actor};
  bool denied = false;
  {
    GONGKAI_ASSIGN_OR_RETURN(auto tx, store_.Begin(storage::TxMode::kWrite));
    GONGKAI_ASSIGN_OR_RETURN(catalog::Column c, tx->catalog().GetColumn(id));
    GONGKAI_RETURN_IF_ERROR(gate.Check(*tx, Permission::kManageAgency, c.agency_id, &denied));
    if (!denied) {
      GONGKAI_ASSIGN_OR_RETURN(std::vector<Column> all, tx->catalog().ListColumns(c.agency_id));
      std::vector<Column> siblings;  // in display order (the repository's)
      for (const Column& other : all) {
        if (other.parent_id == c.parent_id) siblings.push_back(other);
      }
      auto at = std::find_if(siblings.begin(), siblings.end(),
                             [&](const Column& s) { return s.id == id; });
      auto index = at - siblings.begin();
      auto to = index + (delta < 0 ? -1 : 1);
      if (to < 0 || to >= static_cast<decltype(to)>(siblings.size())) return Status::Ok();
      std::swap(siblings[index], siblings[to]);
      int64_t now = clock_.NowUnixSeconds();
      for (size_t i = 0; i < siblings.size(); ++i) {
        if (siblings[i].position == static_cast<int>(i + 1)) continue;
        siblings[i].position = static_cast<int>(i + 1);
        siblings[i].updated_at = now;
        GONGKAI_RETURN_IF_ERROR(tx->catalog().UpdateColumn(siblings[i]));
      }
      GONGKAI_RETURN_IF_ERROR(AppendAuditFor(*tx, clock_, actor, {c.agency_id}, "column_edit",
                                             ColumnTarget(id),
                                             c.code + (delta < 0 ? " up" : " down")));
      return tx->Commit();
    }
  }
  return gate.Deny(Permission::kManageAgency, "column_edit", ColumnTarget(id));
}

Status CatalogService::DeleteColumn(const Actor& actor, catalog::ColumnId id) {
  Gate gate{store_, clock_, actor};
  bool denied = false;
  {
    GONGKAI_ASSIGN_OR_RETURN(auto tx, store_.Begin(storage::TxMode::kWrite));
    GONGKAI_ASSIGN_OR_RETURN(catalog::Column c, tx->catalog().GetColumn(id));
    GONGKAI_RETURN_IF_ERROR(gate.Check(*tx, Permission::kManageAgency, c.agency_id, &denied));
    if (!denied) {
      GONGKAI_RETURN_IF_ERROR(tx->catalog().DeleteColumn(id));
      GONGKAI_RETURN_IF_ERROR(AppendAuditFor(*tx, clock_, actor, {c.agency_id}, "column_delete",
                                             ColumnTarget(id), c.code + " " + c.name));
      return tx->Commit();
    }
  }
  return gate.Deny(Permission::kManageAgency, "column_delete", ColumnTarget(id));
}

Result<std::string> CatalogService::IndexPattern(const Actor& actor, agency::AgencyId agency) {
  Gate gate{store_, clock_, actor};
  bool denied = false;
  {
    GONGKAI_ASSIGN_OR_RETURN(auto tx, store_.Begin(storage::TxMode::kRead));
    GONGKAI_RETURN_IF_ERROR(gate.Check(*tx, Permission::kView, agency, &denied));
    if (!denied) {
      GONGKAI_ASSIGN_OR_RETURN(std::string p, tx->catalog().IndexPattern(agency));
      return p.empty() ? std::string(catalog::kDefaultIndexPattern) : p;
    }
  }
  return gate.Deny(Permission::kView, "catalog_view", AgencyTarget(agency));
}

Status CatalogService::SetIndexPattern(const Actor& actor, agency::AgencyId agency,
                                       const std::string& pattern) {
  std::string p = Trim(pattern);
  GONGKAI_RETURN_IF_ERROR(catalog::ValidateIndexPattern(p));
  Gate gate{store_, clock_, actor};
  bool denied = false;
  {
    GONGKAI_ASSIGN_OR_RETURN(auto tx, store_.Begin(storage::TxMode::kWrite));
    GONGKAI_RETURN_IF_ERROR(gate.Check(*tx, Permission::kManageAgency, agency, &denied));
    if (!denied) {
      GONGKAI_RETURN_IF_ERROR(tx->catalog().SetIndexPattern(agency, p));
      GONGKAI_RETURN_IF_ERROR(
          AppendAuditFor(*tx, clock_, actor, {agency}, "index_pattern", AgencyTarget(agency), p));
      return tx->Commit();
    }
  }
  return gate.Deny(Permission::kManageAgency, "index_pattern", AgencyTarget(agency));
}

Result<std::string> CatalogService::PreviewIndexNumber(const Actor& actor, agency::AgencyId agency,
                                                       Date date) {
  Gate gate{store_, clock_, actor};
  bool denied = false;
  {
    // The counter is advanced in a transaction that is never committed.
    GONGKAI_ASSIGN_OR_RETURN(auto tx, store_.Begin(storage::TxMode::kWrite));
    GONGKAI_RETURN_IF_ERROR(gate.Check(*tx, Permission::kView, agency, &denied));
    if (!denied) return AllocateIndexNumber(*tx, agency, date);
  }
  return gate.Deny(Permission::kView, "catalog_view", AgencyTarget(agency));
}

Result<catalog::ItemId> CatalogService::CreateDraft(const Actor& actor, ItemInput input) {
  Gate gate{store_, clock_, actor};
  bool denied = false;
  agency::AgencyId agency_id = 0;
  {
    GONGKAI_ASSIGN_OR_RETURN(auto tx, store_.Begin(storage::TxMode::kWrite));
    Result<catalog::Column> column = tx->catalog().GetColumn(input.column_id);
    if (!column.ok()) return InvalidArgument("no column", "请选择栏目");
    agency_id = column->agency_id;
    GONGKAI_RETURN_IF_ERROR(gate.Check(*tx, Permission::kEditContent, agency_id, &denied));
    if (!denied) {
      if (!HoldsItems(column->kind)) {
        return InvalidArgument("section column",
                               "“" + column->name + "”是分类，只含栏目；请选择它下面的栏目");
      }
      GONGKAI_ASSIGN_OR_RETURN(agency::Agency agency, tx->agencies().Get(agency_id));
      GONGKAI_ASSIGN_OR_RETURN(catalog::Revision rev, PrepareRevision(input, agency));
      int64_t now = clock_.NowUnixSeconds();
      GONGKAI_RETURN_IF_ERROR(ApplyFiles(*tx, input, {}, now, &rev.content.files));
      rev.sha256 = catalog::ContentDigest(rev.content);
      ItemRecord item;
      item.agency_id = agency_id;
      item.column_id = column->id;
      item.latest_revision = 1;
      item.created_by = actor.name;
      item.created_at = item.updated_at = now;
      GONGKAI_ASSIGN_OR_RETURN(catalog::ItemId id, tx->catalog().InsertItem(item));
      rev.item_id = id;
      rev.number = 1;
      rev.author = actor.name;
      rev.created_at = now;
      GONGKAI_RETURN_IF_ERROR(tx->catalog().InsertRevision(rev));
      GONGKAI_RETURN_IF_ERROR(AppendAuditFor(*tx, clock_, actor, {agency_id}, "item_draft",
                                             ItemTarget(id), "revision 1 " + rev.sha256));
      GONGKAI_RETURN_IF_ERROR(tx->Commit());
      return id;
    }
  }
  return gate.Deny(Permission::kEditContent, "item_draft", ColumnTarget(input.column_id));
}

Result<int> CatalogService::SaveDraft(const Actor& actor, catalog::ItemId id, int expected_revision,
                                      ItemInput input) {
  Gate gate{store_, clock_, actor};
  bool denied = false;
  {
    GONGKAI_ASSIGN_OR_RETURN(auto tx, store_.Begin(storage::TxMode::kWrite));
    GONGKAI_ASSIGN_OR_RETURN(ItemRecord item, tx->catalog().GetItem(id));
    GONGKAI_RETURN_IF_ERROR(gate.Check(*tx, Permission::kEditContent, item.agency_id, &denied));
    if (!denied) {
      if (item.status == ItemStatus::kWithdrawn) {
        return FailedPrecondition("withdrawn", "信息已撤回，不能再修改");
      }
      if (expected_revision != item.latest_revision) {
        return FailedPrecondition(
            std::string(kConflict) + ": expected " + std::to_string(expected_revision) +
                ", latest " + std::to_string(item.latest_revision),
            "保存冲突：您编辑的是第" + std::to_string(expected_revision) +
                "版，期间已有人保存了第" + std::to_string(item.latest_revision) +
                "版。请对照两个版本后再保存。");
      }
      const catalog::ColumnId latest_column = item.column_id;
      if (input.column_id != 0 && input.column_id != item.column_id) {
        if (item.live_revision) {
          return FailedPrecondition("published", "已发布的信息不能移到其他栏目");
        }
        Result<catalog::Column> to = tx->catalog().GetColumn(input.column_id);
        if (!to.ok() || to->agency_id != item.agency_id || !HoldsItems(to->kind)) {
          return InvalidArgument("bad column", "目标栏目不存在、不属于本机构或是分类");
        }
        item.column_id = to->id;
      }
      GONGKAI_ASSIGN_OR_RETURN(agency::Agency agency, tx->agencies().Get(item.agency_id));
      GONGKAI_ASSIGN_OR_RETURN(catalog::Revision rev, PrepareRevision(input, agency));
      GONGKAI_ASSIGN_OR_RETURN(catalog::Revision latest,
                               tx->catalog().GetRevision(id, item.latest_revision));
      int64_t now = clock_.NowUnixSeconds();
      GONGKAI_RETURN_IF_ERROR(
          ApplyFiles(*tx, input, latest.content.files, now, &rev.content.files));
      rev.sha256 = catalog::ContentDigest(rev.content);
      bool moved = input.column_id != 0 && input.column_id != latest_column;
      if (latest.sha256 == rev.sha256 && !moved) return item.latest_revision;
      if (latest.sha256 != rev.sha256) {
        rev.item_id = id;
        rev.number = item.latest_revision + 1;
        rev.author = actor.name;
        rev.created_at = now;
        GONGKAI_RETURN_IF_ERROR(tx->catalog().InsertRevision(rev));
        item.latest_revision = rev.number;
        GONGKAI_RETURN_IF_ERROR(ReopenReviewAfterEdit(*tx, item, rev, actor.name, now));
      }
      item.updated_at = now;
      GONGKAI_RETURN_IF_ERROR(tx->catalog().UpdateItem(item));
      GONGKAI_RETURN_IF_ERROR(
          AppendAuditFor(*tx, clock_, actor, {item.agency_id}, "item_edit", ItemTarget(id),
                         "revision " + std::to_string(item.latest_revision) + " " + rev.sha256));
      GONGKAI_RETURN_IF_ERROR(tx->Commit());
      return item.latest_revision;
    }
  }
  return gate.Deny(Permission::kEditContent, "item_edit", ItemTarget(id));
}

Result<ItemView> CatalogService::Get(const Actor& actor, catalog::ItemId id) {
  Gate gate{store_, clock_, actor};
  bool denied = false;
  {
    GONGKAI_ASSIGN_OR_RETURN(auto tx, store_.Begin(storage::TxMode::kRead));
    GONGKAI_ASSIGN_OR_RETURN(ItemRecord item, tx->catalog().GetItem(id));
    GONGKAI_RETURN_IF_ERROR(gate.Check(*tx, Permission::kView, item.agency_id, &denied));
    if (!denied) {
      ItemView v;
      v.record = item;
      GONGKAI_ASSIGN_OR_RETURN(v.column, tx->catalog().GetColumn(item.column_id));
      GONGKAI_ASSIGN_OR_RETURN(v.latest, tx->catalog().GetRevision(id, item.latest_revision));
      if (item.live_revision && *item.live_revision != item.latest_revision) {
        GONGKAI_ASSIGN_OR_RETURN(v.live, tx->catalog().GetRevision(id, *item.live_revision));
      }
      GONGKAI_ASSIGN_OR_RETURN(v.links, tx->catalog().LinksOf(id));
      return v;
    }
  }
  return gate.Deny(Permission::kView, "item_view", ItemTarget(id));
}

Result<std::vector<catalog::Revision>> CatalogService::History(const Actor& actor,
                                                               catalog::ItemId id) {
  Gate gate{store_, clock_, actor};
  bool denied = false;
  {
    GONGKAI_ASSIGN_OR_RETURN(auto tx, store_.Begin(storage::TxMode::kRead));
    GONGKAI_ASSIGN_OR_RETURN(ItemRecord item, tx->catalog().GetItem(id));
    GONGKAI_RETURN_IF_ERROR(gate.Check(*tx, Permission::kView, item.agency_id, &denied));
    if (!denied) return tx->catalog().ListRevisions(id);
  }
  return gate.Deny(Permission::kView, "item_view", ItemTarget(id));
}

Result<CatalogService::File> CatalogService::GetFile(const Actor& actor, catalog::ItemId id,
                                                     const std::string& sha256) {
  Gate gate{store_, clock_, actor};
  bool denied = false;
  {
    GONGKAI_ASSIGN_OR_RETURN(auto tx, store_.Begin(storage::TxMode::kRead));
    GONGKAI_ASSIGN_OR_RETURN(ItemRecord item, tx->catalog().GetItem(id));
    GONGKAI_RETURN_IF_ERROR(gate.Check(*tx, Permission::kView, item.agency_id, &denied));
    if (!denied) {
      GONGKAI_ASSIGN_OR_RETURN(std::vector<catalog::Revision> revs,
                               tx->catalog().ListRevisions(id));
      for (auto r = revs.rbegin(); r != revs.rend(); ++r) {
        for (const catalog::FileRef& f : r->content.files) {
          if (f.sha256 != sha256) continue;
          GONGKAI_ASSIGN_OR_RETURN(std::string data, tx->catalog().FileData(sha256));
          return File{f, std::move(data)};
        }
      }
      return NotFound("no such file", "该信息没有这个附件");
    }
  }
  return gate.Deny(Permission::kView, "item_view", ItemTarget(id));
}

Result<storage::ItemPage> CatalogService::List(const Actor& actor,
                                               const storage::ItemListQuery& query) {
  Gate gate{store_, clock_, actor};
  bool denied = false;
  {
    GONGKAI_ASSIGN_OR_RETURN(auto tx, store_.Begin(storage::TxMode::kRead));
    GONGKAI_RETURN_IF_ERROR(gate.Check(*tx, Permission::kView, query.agency, &denied));
    if (!denied) {
      storage::ItemListQuery q = query;
      q.limit = std::clamp(q.limit, 1, 200);
      q.offset = std::max(q.offset, 0);
      return tx->catalog().ListItems(q);
    }
  }
  return gate.Deny(Permission::kView, "catalog_view", AgencyTarget(query.agency));
}

Status CatalogService::SetValidity(const Actor& actor, catalog::ItemId id,
                                   catalog::Validity validity, std::optional<Date> on,
                                   std::optional<catalog::ItemId> by) {
  if (validity != catalog::Validity::kValid && !on) {
    return InvalidArgument("date required", "请填写修改、废止或失效的日期");
  }
  if ((validity == catalog::Validity::kAmended || validity == catalog::Validity::kRepealed) &&
      !by) {
    return InvalidArgument("document required", "请选择修改或废止它的文件");
  }
  Gate gate{store_, clock_, actor};
  bool denied = false;
  {
    GONGKAI_ASSIGN_OR_RETURN(auto tx, store_.Begin(storage::TxMode::kWrite));
    GONGKAI_ASSIGN_OR_RETURN(ItemRecord item, tx->catalog().GetItem(id));
    GONGKAI_RETURN_IF_ERROR(gate.Check(*tx, Permission::kEditContent, item.agency_id, &denied));
    if (!denied) {
      if (item.status != ItemStatus::kPublished) {
        return FailedPrecondition("not published", "只有已发布的信息才能标注有效性");
      }
      if (by) {
        Result<ItemRecord> other = tx->catalog().GetItem(*by);
        if (!other.ok() || other->agency_id != item.agency_id || *by == id ||
            other->status != ItemStatus::kPublished) {
          return InvalidArgument("bad document", "修改或废止它的文件须是本机构另一条已发布的信息");
        }
        if (on && other->published_on && *on < *other->published_on) {
          // The change takes effect when the new document does, never before it is published.
          return InvalidArgument("date before document",
                                 "有效性变化的日期不能早于修改或废止它的文件的发布日期");
        }
      }
      // Replace the link the previous marking made.
      if (item.validity_by) {
        for (catalog::LinkKind k : {catalog::LinkKind::kAmends, catalog::LinkKind::kRepeals}) {
          (void)tx->catalog().DeleteLink({*item.validity_by, k, id});
        }
      }
      item.validity = validity;
      item.validity_on = validity == catalog::Validity::kValid ? std::nullopt : on;
      item.validity_by = validity == catalog::Validity::kValid ? std::nullopt : by;
      if (item.validity_by && validity != catalog::Validity::kExpired) {
        catalog::LinkKind kind = validity == catalog::Validity::kAmended
                                     ? catalog::LinkKind::kAmends
                                     : catalog::LinkKind::kRepeals;
        Status linked = tx->catalog().InsertLink({*item.validity_by, kind, id});
        if (linked.code() != StatusCode::kAlreadyExists) GONGKAI_RETURN_IF_ERROR(linked);
      }
      item.updated_at = clock_.NowUnixSeconds();
      GONGKAI_RETURN_IF_ERROR(tx->catalog().UpdateItem(item));
      GONGKAI_RETURN_IF_ERROR(tx->site().BumpPublicGeneration());
      std::string detail(catalog::ValidityCode(validity));
      if (on) detail += " " + on->ToString();
      if (by) detail += " by item:" + std::to_string(*by);
      GONGKAI_RETURN_IF_ERROR(AppendAuditFor(*tx, clock_, actor, {item.agency_id}, "item_validity",
                                             ItemTarget(id), detail));
      return tx->Commit();
    }
  }
  return gate.Deny(Permission::kEditContent, "item_validity", ItemTarget(id));
}

Status CatalogService::Link(const Actor& actor, const catalog::ItemLink& link) {
  return ChangeLink(actor, link, true);
}

Status CatalogService::Unlink(const Actor& actor, const catalog::ItemLink& link) {
  return ChangeLink(actor, link, false);
}

Status CatalogService::ChangeLink(const Actor& actor, const catalog::ItemLink& link, bool add) {
  const std::string action = add ? "item_link" : "item_unlink";
  Gate gate{store_, clock_, actor};
  bool denied = false;
  {
    GONGKAI_ASSIGN_OR_RETURN(auto tx, store_.Begin(storage::TxMode::kWrite));
    GONGKAI_ASSIGN_OR_RETURN(ItemRecord from, tx->catalog().GetItem(link.from));
    GONGKAI_RETURN_IF_ERROR(gate.Check(*tx, Permission::kEditContent, from.agency_id, &denied));
    if (!denied) {
      if (add) {
        GONGKAI_RETURN_IF_ERROR(CheckLink(*tx, from, link));
        Status st = tx->catalog().InsertLink(link);
        if (st.code() == StatusCode::kAlreadyExists) {
          return AlreadyExists(st.message(), "这两条信息已经这样关联");
        }
        GONGKAI_RETURN_IF_ERROR(st);
      } else {
        GONGKAI_RETURN_IF_ERROR(tx->catalog().DeleteLink(link));
      }
      GONGKAI_RETURN_IF_ERROR(tx->site().BumpPublicGeneration());
      GONGKAI_RETURN_IF_ERROR(AppendAuditFor(
          *tx, clock_, actor, {from.agency_id}, action, ItemTarget(link.from),
          std::string(catalog::LinkKindCode(link.kind)) + " item:" + std::to_string(link.to)));
      return tx->Commit();
    }
  }
  return gate.Deny(Permission::kEditContent, action, ItemTarget(link.from));
}

Result<std::string> AllocateIndexNumber(storage::Transaction& tx, agency::AgencyId agency_id,
                                        Date date) {
  GONGKAI_ASSIGN_OR_RETURN(std::string pattern, tx.catalog().IndexPattern(agency_id));
  if (pattern.empty()) pattern = catalog::kDefaultIndexPattern;
  GONGKAI_ASSIGN_OR_RETURN(agency::Agency agency, tx.agencies().Get(agency_id));
  GONGKAI_ASSIGN_OR_RETURN(int64_t seq, tx.catalog().NextIndexSequence(agency_id, date.year));
  return catalog::FormatIndexNumber(pattern, agency.credit_code, date, seq);
}

}  // namespace gongkai::services

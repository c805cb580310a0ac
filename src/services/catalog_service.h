#pragma once
// The disclosure catalog (政府信息公开目录) of each agency: its column tree (from the 61号
// platform template on first use, then edited by the agency's administrators) and its items,
// drafted by editors as immutable revisions with optimistic versions. Review and publication
// are in review_service.h; this service never publishes. Every change is audited in the same
// transaction. Authorization per agency: kView to read, kManageAgency for columns and settings,
// kEditContent to draft.

#include <optional>
#include <string>
#include <vector>

#include "account/permissions.h"
#include "catalog/catalog.h"
#include "core/clock.h"
#include "services/item_files.h"
#include "storage/store.h"

namespace gongkai::services {

// What an editor submits: the content and, for a new item, its column.
struct ItemInput {
  catalog::ColumnId column_id = 0;
  catalog::ItemContent content;     // body_html: HTML from the editor, or plain text (below)
  bool body_is_plain_text = false;  // a textarea without JavaScript: paragraphs by blank lines
  std::string note;                 // 修改说明
  // Attachments: a new revision keeps the previous one's files, minus those named here, plus
  // the uploads (a name already there is replaced). content.files is ignored.
  std::vector<std::string> remove_files;
  std::vector<FileUpload> add_files;
};

// An item as staff see it.
struct ItemView {
  catalog::ItemRecord record;
  catalog::Column column;
  catalog::Revision latest;
  std::optional<catalog::Revision> live;  // when published and different from latest
  std::vector<catalog::ItemLink> links;
};

// The status of a save refused because someone else saved first (optimistic versions). The
// page shows both texts: the caller's (which it still has) and ItemView::latest.
bool IsEditConflict(const Status& status);

class CatalogService {
 public:
  CatalogService(storage::Store& store, const Clock& clock) : store_(store), clock_(clock) {}

  // The agency's column tree, parents first (kView). On first use the tree is created from
  // catalog/default_columns.h (audited "catalog_init").
  Result<std::vector<catalog::Column>> Columns(const account::Actor& actor,
                                               agency::AgencyId agency);
  Result<catalog::Column> GetColumn(const account::Actor& actor, catalog::ColumnId id);
  // kManageAgency. The parent must be a 分类 (kSection) column of the same agency.
  Result<catalog::ColumnId> AddColumn(const account::Actor& actor, catalog::Column column);
  // Name, kind, freshness, parent and position (the code is stable). A column cannot become its
  // own descendant; a column with items cannot become a 分类.
  Status UpdateColumn(const account::Actor& actor, const catalog::Column& column);
  // Moves a column one place up (delta -1) or down (+1) among its siblings, renumbering them
  // 1, 2, … (kManageAgency). At the first or last place nothing changes.
  Status MoveColumn(const account::Actor& actor, catalog::ColumnId id, int delta);
  // Only an empty column without children.
  Status DeleteColumn(const account::Actor& actor, catalog::ColumnId id);

  // The agency's 索引号 pattern (catalog/index_number.h), the default when not set.
  Result<std::string> IndexPattern(const account::Actor& actor, agency::AgencyId agency);
  Status SetIndexPattern(const account::Actor& actor, agency::AgencyId agency,
                         const std::string& pattern);
  // The 索引号 the agency's next item published on `date` would get (kView): its counter is
  // read, not advanced.
  Result<std::string> PreviewIndexNumber(const account::Actor& actor, agency::AgencyId agency,
                                         Date date);

  // A new draft (revision 1) in a column that holds items (not a 分类). kEditContent.
  Result<catalog::ItemId> CreateDraft(const account::Actor& actor, ItemInput input);
  // A new revision when `expected_revision` is still the latest; an edit conflict otherwise.
  // Saving unchanged content changes nothing and returns the current number. Moving to another
  // column of the same agency is allowed while not published. Returns the latest number.
  Result<int> SaveDraft(const account::Actor& actor, catalog::ItemId id, int expected_revision,
                        ItemInput input);
  Result<ItemView> Get(const account::Actor& actor, catalog::ItemId id);
  Result<std::vector<catalog::Revision>> History(const account::Actor& actor, catalog::ItemId id);
  // An attachment of one of the item's revisions (kView): its reference and bytes; kNotFound
  // when no revision of the item has a file with that SHA-256.
  struct File {
    catalog::FileRef ref;
    std::string data;
  };
  Result<File> GetFile(const account::Actor& actor, catalog::ItemId id, const std::string& sha256);
  // A list of the agency's items (kView on query.agency).
  Result<storage::ItemPage> List(const account::Actor& actor, const storage::ItemListQuery& query);

  // 有效性: marks the item 已修改/已废止/已失效 (or 有效 again) from `on`, naming the document
  // that changed it (an item of the same agency, published) — which is then linked (修改/废止).
  // kEditContent. Only published items.
  Status SetValidity(const account::Actor& actor, catalog::ItemId id, catalog::Validity validity,
                     std::optional<Date> on, std::optional<catalog::ItemId> by);
  // Typed links between two items of the same agency (解读 from a 解读 column's item).
  Status Link(const account::Actor& actor, const catalog::ItemLink& link);
  Status Unlink(const account::Actor& actor, const catalog::ItemLink& link);

 private:
  // Link (add) or Unlink: authorized, checked, public generation bumped, audited.
  Status ChangeLink(const account::Actor& actor, const catalog::ItemLink& link, bool add);

  storage::Store& store_;
  const Clock& clock_;
};

// Creates the default column tree (catalog/default_columns.h) for an agency that has none, in
// `tx` (first use of the catalog, or an import that brings no columns).
Status CreateDefaultColumns(storage::Transaction& tx, agency::AgencyId agency, int64_t now);

// The next 索引号 of the agency for an item published on `date`, advancing its counter inside
// `tx` (gapless: the caller publishes in the same transaction).
Result<std::string> AllocateIndexNumber(storage::Transaction& tx, agency::AgencyId agency,
                                        Date date);

}  // namespace gongkai::services

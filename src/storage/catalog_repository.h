#pragma once
// The disclosure catalog's storage (migrations/sqlite/010_catalog.sql): columns, items, their
// revisions and links, the 索引号 counters. Domain types in catalog/catalog.h.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "catalog/catalog.h"
#include "core/result.h"

namespace gongkai::storage {

struct ItemListQuery {
  agency::AgencyId agency = 0;
  std::optional<catalog::ColumnId> column;
  std::vector<catalog::ItemStatus> statuses;  // empty = any
  std::string created_by;                     // "" = anyone (my drafts: the account name)
  // true: the revision the public sees, newest 发布日期 first (published items only);
  // false: the latest revision, most recently changed first.
  bool live = false;
  int limit = 20;
  int offset = 0;
};

// One row of a list: the item and the title etc. of the revision listed.
struct ItemSummary {
  catalog::ItemRecord record;
  std::string title;
  std::string doc_number;
  std::optional<Date> written_on;
};

struct ItemPage {
  std::vector<ItemSummary> items;
  int64_t total = 0;
};

class CatalogRepository {
 public:
  virtual ~CatalogRepository() = default;

  // kAlreadyExists when the agency already has a column with that code.
  virtual Result<catalog::ColumnId> InsertColumn(const catalog::Column& column) = 0;
  virtual Result<catalog::Column> GetColumn(catalog::ColumnId id) = 0;
  // The agency's columns, parents before children, siblings by position then id.
  virtual Result<std::vector<catalog::Column>> ListColumns(agency::AgencyId agency) = 0;
  // Name, kind, freshness, parent, position, updated_at.
  virtual Status UpdateColumn(const catalog::Column& column) = 0;
  // kFailedPrecondition when it still has items (of any status).
  virtual Status DeleteColumn(catalog::ColumnId id) = 0;
  virtual Result<int64_t> CountItems(catalog::ColumnId column) = 0;

  // The agency's 索引号 pattern; "" when it uses the default.
  virtual Result<std::string> IndexPattern(agency::AgencyId agency) = 0;
  virtual Status SetIndexPattern(agency::AgencyId agency, const std::string& pattern) = 0;
  // Advances and returns the agency's sequence for `year` (1 for the first).
  virtual Result<int64_t> NextIndexSequence(agency::AgencyId agency, int year) = 0;
  // Makes the next sequence at least `used` + 1 (an imported number).
  virtual Status ReserveIndexSequence(agency::AgencyId agency, int year, int64_t used) = 0;

  // `item.id` is ignored. kAlreadyExists for a taken 索引号.
  virtual Result<catalog::ItemId> InsertItem(const catalog::ItemRecord& item) = 0;
  virtual Result<catalog::ItemRecord> GetItem(catalog::ItemId id) = 0;
  // Every field but id, agency_id, created_*. kAlreadyExists for a taken 索引号.
  virtual Status UpdateItem(const catalog::ItemRecord& item) = 0;
  virtual Result<ItemPage> ListItems(const ItemListQuery& query) = 0;
  // Counts of the agency's items per status code ("draft" → 3), for the workbench.
  virtual Result<std::vector<std::pair<std::string, int64_t>>> CountByStatus(
      agency::AgencyId agency) = 0;
  // Items whose go-live or expiry time has come (status approved with go_live_at ≤ now, or
  // published with expire_at ≤ now), oldest first, at most `limit`.
  virtual Result<std::vector<catalog::ItemId>> DueForSchedule(int64_t now, int limit) = 0;

  // Stores the bytes of a file unless a file with the same SHA-256 is there (`mime`, `text`
  // describe it; `sha256` must be the hex digest of `data`).
  virtual Status PutFile(const std::string& sha256, const std::string& mime,
                         const std::string& data, const std::string& text, int64_t at) = 0;
  // kNotFound.
  virtual Result<std::string> FileData(const std::string& sha256) = 0;
  virtual Result<std::string> FileText(const std::string& sha256) = 0;

  // The revision with its content.files (which must be stored with PutFile first).
  // kAlreadyExists when the item already has a revision with that number.
  virtual Status InsertRevision(const catalog::Revision& revision) = 0;
  virtual Result<catalog::Revision> GetRevision(catalog::ItemId item, int number) = 0;
  // Every revision, oldest first.
  virtual Result<std::vector<catalog::Revision>> ListRevisions(catalog::ItemId item) = 0;

  // kAlreadyExists for a link already there.
  virtual Status InsertLink(const catalog::ItemLink& link) = 0;
  virtual Status DeleteLink(const catalog::ItemLink& link) = 0;
  // Links from or to the item.
  virtual Result<std::vector<catalog::ItemLink>> LinksOf(catalog::ItemId item) = 0;
};

}  // namespace gongkai::storage

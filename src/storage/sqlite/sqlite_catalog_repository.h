#pragma once

#include "storage/catalog_repository.h"
#include "storage/sqlite/sqlite_db.h"

namespace gongkai::storage::sqlite {

class SqliteCatalogRepository final : public CatalogRepository {
 public:
  explicit SqliteCatalogRepository(Connection* conn) : conn_(conn) {}
  Result<catalog::ColumnId> InsertColumn(const catalog::Column& column) override;
  Result<catalog::Column> GetColumn(catalog::ColumnId id) override;
  Result<std::vector<catalog::Column>> ListColumns(agency::AgencyId agency) override;
  Status UpdateColumn(const catalog::Column& column) override;
  Status DeleteColumn(catalog::ColumnId id) override;
  Result<int64_t> CountItems(catalog::ColumnId column) override;
  Result<std::string> IndexPattern(agency::AgencyId agency) override;
  Status SetIndexPattern(agency::AgencyId agency, const std::string& pattern) override;
  Result<int64_t> NextIndexSequence(agency::AgencyId agency, int year) override;
  Status ReserveIndexSequence(agency::AgencyId agency, int year, int64_t used) override;
  Result<catalog::ItemId> InsertItem(const catalog::ItemRecord& item) override;
  Result<catalog::ItemRecord> GetItem(catalog::ItemId id) override;
  Status UpdateItem(const catalog::ItemRecord& item) override;
  Result<ItemPage> ListItems(const ItemListQuery& query) override;
  Result<std::vector<std::pair<std::string, int64_t>>> CountByStatus(
      agency::AgencyId agency) override;
  Result<std::vector<catalog::ItemId>> DueForSchedule(int64_t now, int limit) override;
  Status PutFile(const std::string& sha256, const std::string& mime, const std::string& data,
                 const std::string& text, int64_t at) override;
  Result<std::string> FileData(const std::string& sha256) override;
  Result<std::string> FileText(const std::string& sha256) override;
  Status InsertRevision(const catalog::Revision& revision) override;
  Result<catalog::Revision> GetRevision(catalog::ItemId item, int number) override;
  Result<std::vector<catalog::Revision>> ListRevisions(catalog::ItemId item) override;
  Status InsertLink(const catalog::ItemLink& link) override;
  Status DeleteLink(const catalog::ItemLink& link) override;
  Result<std::vector<catalog::ItemLink>> LinksOf(catalog::ItemId item) override;

 private:
  Status LoadFiles(catalog::Revision& revision);
  Connection* conn_;
};

}  // namespace gongkai::storage::sqlite

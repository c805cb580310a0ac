#pragma once

#include "storage/review_repository.h"
#include "storage/sqlite/sqlite_db.h"

namespace gongkai::storage::sqlite {

class SqliteReviewRepository final : public ReviewRepository {
 public:
  explicit SqliteReviewRepository(Connection* conn) : conn_(conn) {}
  Result<std::optional<catalog::ReviewState>> GetState(catalog::ItemId item) override;
  Status PutState(const catalog::ReviewState& state) override;
  Result<std::vector<catalog::ReviewState>> OpenRuns(agency::AgencyId agency) override;
  Result<int64_t> AppendAction(const catalog::ReviewAction& action) override;
  Result<std::vector<catalog::ReviewAction>> Actions(catalog::ItemId item) override;
  Status AppendPublication(const catalog::Publication& publication) override;
  Result<std::vector<catalog::Publication>> Publications(catalog::ItemId item) override;

 private:
  Connection* conn_;
};

}  // namespace gongkai::storage::sqlite

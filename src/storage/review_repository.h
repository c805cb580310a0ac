#pragma once
// Storage of the 三审三校 review (migrations/sqlite/011_review.sql): each item's run, the stage
// decisions (append-only) and the publication history. Domain types in catalog/review.h.

#include <optional>
#include <vector>

#include "catalog/review.h"
#include "core/result.h"

namespace gongkai::storage {

class ReviewRepository {
 public:
  virtual ~ReviewRepository() = default;
  virtual Result<std::optional<catalog::ReviewState>> GetState(catalog::ItemId item) = 0;
  // Inserts or replaces the item's state.
  virtual Status PutState(const catalog::ReviewState& state) = 0;
  // The open runs of the agency's items, oldest submission first.
  virtual Result<std::vector<catalog::ReviewState>> OpenRuns(agency::AgencyId agency) = 0;
  virtual Result<int64_t> AppendAction(const catalog::ReviewAction& action) = 0;
  // Every action on the item, oldest first.
  virtual Result<std::vector<catalog::ReviewAction>> Actions(catalog::ItemId item) = 0;
  virtual Status AppendPublication(const catalog::Publication& publication) = 0;
  virtual Result<std::vector<catalog::Publication>> Publications(catalog::ItemId item) = 0;
};

}  // namespace gongkai::storage

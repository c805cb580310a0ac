#pragma once
// The column tree a new agency's catalog starts from: the 政府信息公开 platform of 国办公开办函
// 〔2019〕61号 with the columns of the seed report's bureau (statutory-rules §5.3; issue 11).
// Editable per agency afterwards. Pure data.

#include <string_view>
#include <vector>

#include "catalog/catalog.h"

namespace gongkai::catalog {

struct ColumnTemplate {
  std::string_view code;
  std::string_view name;
  ColumnKind kind;
  Freshness freshness;
  std::string_view parent_code;  // "" for a first-level column
};

// Parents before children, siblings in display order.
const std::vector<ColumnTemplate>& DefaultColumns();

}  // namespace gongkai::catalog

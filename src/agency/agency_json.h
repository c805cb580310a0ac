#pragma once

#include <nlohmann/json.hpp>

#include "agency/agency.h"

namespace gongkai::agency {

// The /api/v1 and `--json` shape of an agency (docs/api.md).
nlohmann::json AgencyToJson(const Agency& agency);

// Fills the editable fields present in `j` into *agency (absent keys keep
// their value). kInvalidArgument in Chinese for a wrong type or unknown key.
Status AgencyFromJson(const nlohmann::json& j, Agency* agency);

}  // namespace gongkai::agency

#pragma once
// Mustache data of the 工作台, the 台账 and the city table (ledger_pages.cc). Presentation only.

#include <mstch/mstch.hpp>
#include <string>

#include "services/ledger_service.h"

namespace gongkai::http {

// The link to an agency's 台账 with `query` ("attention=overdue"; may be empty).
std::string LedgerLink(agency::AgencyId agency, const std::string& query);

// agency, as_of, counts (code, label, count, href, hint), open, received, and the pending-approval
// placeholder.
mstch::map WorkbenchContext(const services::Workbench& w);

// The city table: year, rows (name, depth, numbers with links), total.
mstch::map CityTableContext(const services::CityTable& t);

// The 台账 page: the filter form's values and choices, the rows, paging and export links.
// `agencies` are the picker's options (AgencyChoice).
mstch::map LedgerContext(const services::LedgerPage& page, const services::LedgerFilter& filter,
                         agency::AgencyId agency, const std::string& agency_name,
                         mstch::array agencies);

}  // namespace gongkai::http

#pragma once
// The catalog's command line: `gongkai column …`, `gongkai catalog pattern` (column_command.cc)
// and `gongkai item …` (item_command.cc, with the review actions of item_review_command.cc).

#include <memory>
#include <string>
#include <vector>

#include "catalog/catalog.h"
#include "cli/cli.h"
#include "core/clock.h"
#include "services/catalog_service.h"
#include "storage/store.h"

namespace gongkai::cli {

// The migrated store, the catalog service as the console, and the agency of `agency_ref`
// (0 when empty); nullptr after reporting a failure.
struct CatalogCli {
  std::unique_ptr<storage::Store> store;
  SystemClock clock;
  std::unique_ptr<services::CatalogService> service;
  agency::AgencyId agency = 0;
};
std::unique_ptr<CatalogCli> OpenCatalog(CliContext& ctx, const std::string& agency_ref);
// A column named on the command line: its id, or its code within the agency of `c`.
Result<catalog::ColumnId> ResolveColumnRef(CatalogCli& c, const account::Actor& actor,
                                           const std::string& ref);

// `column list|add|edit|delete` and `catalog pattern`.
void AddColumnCommands(CLI::App& app, CliContext& ctx);
// `item add|edit|show|list|history|validity|link`; then AddItemReviewCommands.
void AddItemCommands(CLI::App& app, CliContext& ctx);
// `item submit|review|publish|withdraw` (the review workflow; item_review_command.cc).
void AddItemReviewCommands(CLI::App* item_app, CliContext& ctx);

}  // namespace gongkai::cli

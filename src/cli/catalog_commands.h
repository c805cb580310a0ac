#pragma once
// `gongkai catalog import|export` (catalog_command.cc): moving a catalog from or to a file.

#include <CLI/CLI.hpp>

#include "cli/cli.h"

namespace gongkai::cli {

// Adds `import` and `export` to the `catalog` command group.
void AddCatalogTransferCommands(CLI::App* catalog, CliContext& ctx);

// The `catalog` command group with its subcommands.
void AddCatalogCommands(CLI::App& app, CliContext& ctx);

}  // namespace gongkai::cli

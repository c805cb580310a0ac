#pragma once
// Shared by the commands that work on the database.

#include <memory>
#include <string>

#include "agency/agency.h"
#include "cli/cli.h"
#include "storage/store.h"

namespace gongkai::cli {

// Exit code for an operational failure (database busy, disk full, a bug).
inline constexpr int kExitFailure = 3;

// Prints the status's Chinese message and sets the exit code: 2 for errors
// the input caused, 3 for operational ones.
void FailWith(CliContext& ctx, const Status& status);

// The data folder from --data-dir, the environment and the config file.
Result<std::string> EffectiveDataDir(CliContext& ctx);
// The database URL from --db/--data-dir, the environment and the config file.
Result<std::string> EffectiveDbUrl(CliContext& ctx);
// Opens that database without migrating it.
Result<std::unique_ptr<storage::Store>> OpenConfiguredStore(CliContext& ctx);

// Opens the database named by the context and brings its schema up to date
// (creating the file and folder on first use). On error reports it and
// returns nullptr.
std::unique_ptr<storage::Store> OpenMigratedStore(CliContext& ctx);

// An agency named on the command line: "3" is id 3; anything else must be an
// agency's exact name or short name. kNotFound in Chinese otherwise.
Result<agency::AgencyId> ResolveAgencyRef(const std::vector<agency::Agency>& all,
                                          const std::string& ref);

// Adds --holidays and --override to `cmd`, defaulting to the environment.
void AddCalendarFileOptions(CLI::App* cmd, CalendarFileOptions& files);

// Reads a password: from stdin (first line) when it is not a terminal, else
// by prompting twice without echo. kInvalidArgument when empty or the two differ.
Result<std::string> ReadPassword(CliContext& ctx, const std::string& prompt);

}  // namespace gongkai::cli

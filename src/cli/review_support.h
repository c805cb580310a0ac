#pragma once
// What the review's command line and the server share: the dictionaries the review screens with.
#include <string>

#include "cli/cli.h"
#include "services/review_screening.h"

namespace gongkai::cli {

// The built-in dictionary folder: GONGKAI_SCREENING_DIR, else data/screening of the source tree
// (screen_command.cc).
std::string BuiltinDictDir();

// The built-in dictionaries compiled for the review, versioned by the SHA-256 of their entries
// ("builtin-" + 12 hex digits).
Result<services::ReviewScreening> LoadReviewScreening();

// `item submit|review|publish|withdraw|run-due|register` and `catalog review-chain`: added to the
// `item` command group (item_review_command.cc).
void AddItemReviewCommands(CLI::App* item_app, CliContext& ctx);

}  // namespace gongkai::cli

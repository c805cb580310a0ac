// `gongkai item submit|review|publish|withdraw`: the review workflow's commands. The review
// work defines them here; until it lands the `item` group has none of them.
#include "cli/item_commands.h"

namespace gongkai::cli {

void AddItemReviewCommands(CLI::App* /*item_app*/, CliContext& /*ctx*/) {}

}  // namespace gongkai::cli

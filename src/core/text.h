#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace gongkai {

// True when `text` is valid UTF-8 (no overlong forms, no surrogates) with no
// control characters other than tab (and CR/LF when allow_newlines). Every
// field a person types goes through this before it is stored.
bool IsCleanText(std::string_view text, bool allow_newlines);
// Number of Unicode code points (text must be valid UTF-8).
size_t CodePointCount(std::string_view text);
// `text` without leading and trailing spaces, tabs, CR and LF.
std::string Trim(std::string_view text);

// The non-empty lines of `text` (split at \n, a trailing \r dropped), e.g. the 补正事项 of a note.
std::vector<std::string> NonEmptyLines(std::string_view text);

}  // namespace gongkai

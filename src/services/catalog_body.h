#pragma once
// An item's body as stored: safe HTML and its plain text (for screening, search and diffs).

#include <string>
#include <string_view>

namespace gongkai::services {

struct PreparedBody {
  std::string html;
  std::string text;
};

// From an editor's HTML (sanitised to the allow-list of docs/publishing.md) or from plain text
// (paragraphs at blank lines, line breaks kept).
PreparedBody PrepareBody(std::string_view input, bool plain_text);

}  // namespace gongkai::services

// libFuzzer target for the body sanitizer: on any bytes the output is a fixed point
// (SanitizeHtml(SanitizeHtml(x)) == SanitizeHtml(x)), valid UTF-8 and free of executable
// vectors inside its tags (script/style/iframe/svg/math/object/embed elements, on… attributes,
// style attributes, javascript:/vbscript:/data: URLs); HtmlToText never crashes on it.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "core/text.h"
#include "publishing/html_sanitizer.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace gongkai::publishing;
  std::string_view in(reinterpret_cast<const char*>(data), size);
  std::string once = SanitizeHtml(in);
  if (SanitizeHtml(once) != once) std::abort();
  if (!gongkai::IsCleanText(once, true)) std::abort();
  std::string lower = once;
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  // Inside a tag no attribute starts with "on".
  for (size_t lt = lower.find('<'); lt != std::string::npos; lt = lower.find('<', lt + 1)) {
    size_t gt = lower.find('>', lt);
    if (gt == std::string::npos) std::abort();  // every '<' in the output starts a tag
    std::string names;                          // the tag without its quoted attribute values
    bool quoted = false;
    for (size_t k = lt; k < gt; ++k) {
      if (lower[k] == '"') quoted = !quoted;
      if (!quoted) names += lower[k];
    }
    if (quoted || names.find(" on") != std::string::npos) std::abort();
    // Text and titles may say "javascript:" or " style="; names and URLs may not.
    for (const char* bad :
         {"<script", "<style", "<iframe", "<svg", "<math", "<object", "<embed", " style="}) {
      if (names.find(bad) != std::string::npos) std::abort();
    }
    std::string_view tag = std::string_view(lower).substr(lt, gt - lt);
    for (const char* attr : {"href=\"", "src=\""}) {
      size_t at = tag.find(attr);
      if (at == std::string_view::npos) continue;
      std::string_view url = tag.substr(at + std::string_view(attr).size());
      for (const char* bad : {"javascript:", "vbscript:", "data:"}) {
        if (url.starts_with(bad)) std::abort();
      }
    }
  }
  (void)HtmlToText(once);
  (void)PlainTextToHtml(in);
  return 0;
}

#include "services/catalog_body.h"

#include "publishing/html_sanitizer.h"

namespace gongkai::services {

PreparedBody PrepareBody(std::string_view input, bool plain_text) {
  PreparedBody out;
  out.html = plain_text ? publishing::PlainTextToHtml(input) : publishing::SanitizeHtml(input);
  out.text = publishing::HtmlToText(out.html);
  return out;
}

}  // namespace gongkai::services

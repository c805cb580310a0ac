#pragma once

#include <mstch/mstch.hpp>
#include <string>

#include "core/result.h"

namespace gongkai::http {

// Renders the page templates compiled into the binary (templates/*.mustache)
// with mstch. `{{x}}` is HTML-escaped; only trusted, already-escaped HTML may
// use `{{{x}}}`. Every page goes through layout.mustache. Thread-safe.
class ViewRenderer {
 public:
  ViewRenderer();
  // Renders `page` ("home" → home.mustache) inside the layout, with `title`
  // and the page's context. kNotFound for an unknown template.
  Result<std::string> RenderPage(const std::string& page, const std::string& title,
                                 mstch::map context) const;
  // Renders `name` alone (no layout), e.g. a form placed into a page the server did not lay out.
  Result<std::string> RenderFragment(const std::string& name, const mstch::map& context) const;

 private:
  std::map<std::string, std::string> templates_;
};

}  // namespace gongkai::http

#include "http/view_renderer.h"

#include "core/embedded.h"

namespace gongkai::http {

ViewRenderer::ViewRenderer() {
  for (size_t i = 0; i < kPageTemplates_count; ++i) {
    std::string name(kPageTemplates[i].name);
    if (name.size() > 9) name.resize(name.size() - 9);  // strip ".mustache"
    templates_[name] = std::string(kPageTemplates[i].data);
  }
}

Result<std::string> ViewRenderer::RenderPage(const std::string& page, const std::string& title,
                                             mstch::map context) const {
  auto it = templates_.find(page);
  auto layout = templates_.find("layout");
  if (it == templates_.end() || layout == templates_.end()) {
    return NotFound("template " + page);
  }
  context["title"] = title;
  std::string body = mstch::render(it->second, context, templates_);
  context["content"] = body;
  return mstch::render(layout->second, context, templates_);
}

Result<std::string> ViewRenderer::RenderFragment(const std::string& name,
                                                 const mstch::map& context) const {
  auto it = templates_.find(name);
  if (it == templates_.end()) return NotFound("template " + name);
  return mstch::render(it->second, context, templates_);
}

}  // namespace gongkai::http

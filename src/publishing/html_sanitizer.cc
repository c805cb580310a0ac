#include "publishing/html_sanitizer.h"

#include <algorithm>
#include <array>
#include <vector>

#include "publishing/html_lexer.h"

namespace gongkai::publishing {
namespace {

using Kind = HtmlToken::Kind;

template <size_t N>
bool In(const std::array<std::string_view, N>& set, std::string_view name) {
  return std::find(set.begin(), set.end(), name) != set.end();
}

constexpr std::array<std::string_view, 29> kAllowed = {
    "p",    "br",  "h2",    "h3",    "h4",    "strong", "b",  "em",         "i",   "u",
    "s",    "sub", "sup",   "ul",    "ol",    "li",     "hr", "blockquote", "pre", "code",
    "span", "div", "table", "thead", "tbody", "tr",     "th", "td",         "a"};
constexpr std::array<std::string_view, 18> kDropWithContent = {
    "script",  "style",    "textarea", "title",     "xmp",    "iframe",
    "noembed", "noframes", "noscript", "plaintext", "svg",    "math",
    "object",  "applet",   "template", "frameset",  "select", "head"};
// Start tags that close an open <p> (HTML's "close a p element").
constexpr std::array<std::string_view, 12> kClosesP = {
    "p", "h2", "h3", "h4", "ul", "ol", "li", "hr", "blockquote", "pre", "div", "table"};
constexpr std::array<std::string_view, 6> kTablePart = {"table", "thead", "tbody",
                                                        "tr",    "th",    "td"};
constexpr size_t kMaxDepth = 64;

bool IsVoid(std::string_view name) { return name == "br" || name == "hr" || name == "img"; }

// A URL the browser would not run: http, https (and mailto when `mail`) or no scheme. Tabs and
// line breaks are removed and surrounding spaces and controls trimmed, as browsers do; "" when
// refused.
std::string SafeUrl(std::string_view raw, bool mail) {
  std::string url;
  for (char c : raw) {
    if (c != '\t' && c != '\n' && c != '\r') url += c;
  }
  auto outer = [](char c) { return static_cast<unsigned char>(c) <= 0x20; };
  while (!url.empty() && outer(url.back())) url.pop_back();
  size_t lead = 0;
  while (lead < url.size() && outer(url[lead])) ++lead;
  url.erase(0, lead);
  size_t stop = url.find_first_of(":/?#");
  if (stop == std::string::npos || url[stop] != ':') return url;
  std::string scheme = url.substr(0, stop);
  std::transform(scheme.begin(), scheme.end(), scheme.begin(),
                 [](char c) { return (c >= 'A' && c <= 'Z') ? c - 'A' + 'a' : c; });
  if (scheme == "http" || scheme == "https" || (mail && scheme == "mailto")) return url;
  return "";
}

bool Digits(std::string_view v, size_t max_len, int max_value) {
  if (v.empty() || v.size() > max_len) return false;
  int n = 0;
  for (char c : v) {
    if (c < '0' || c > '9') return false;
    n = n * 10 + (c - '0');
  }
  return n >= 1 && n <= max_value;
}

const std::string* Attr(const HtmlToken& t, std::string_view name) {
  for (const auto& [k, v] : t.attrs) {
    if (k == name) return &v;
  }
  return nullptr;
}

// The allowed attributes of start tag `t`, in a fixed order; false to drop the element.
bool AllowedAttrs(const HtmlToken& t, std::vector<std::pair<std::string, std::string>>& out) {
  auto keep = [&](std::string_view name, const std::string* v) {
    if (v != nullptr) out.emplace_back(std::string(name), *v);
  };
  if (t.text == "a") {
    const std::string* href = Attr(t, "href");
    std::string url = href ? SafeUrl(*href, true) : "";
    if (!url.empty()) out.emplace_back("href", url);
    keep("title", Attr(t, "title"));
    if (!url.empty()) out.emplace_back("rel", "noopener noreferrer");
  } else if (t.text == "img") {
    const std::string* src = Attr(t, "src");
    std::string url = src ? SafeUrl(*src, false) : "";
    if (url.empty()) return false;
    out.emplace_back("src", url);
    keep("alt", Attr(t, "alt"));
    keep("title", Attr(t, "title"));
    for (std::string_view n : {"width", "height"}) {
      const std::string* v = Attr(t, n);
      if (v != nullptr && Digits(*v, 4, 9999)) keep(n, v);
    }
  } else if (t.text == "td" || t.text == "th") {
    for (std::string_view n : {"colspan", "rowspan"}) {
      const std::string* v = Attr(t, n);
      if (v != nullptr && Digits(*v, 4, 1000)) keep(n, v);
    }
  }
  return true;
}

class Builder {
 public:
  void Text(std::string_view text) { AppendEscaped(out_, text, false); }

  void Start(const HtmlToken& t) {
    const std::string& name = t.text;
    if (name == "img") {
      std::vector<std::pair<std::string, std::string>> attrs;
      if (AllowedAttrs(t, attrs)) Emit(name, attrs);
      return;
    }
    if (!In(kAllowed, name) || stack_.size() >= kMaxDepth) return;
    if (In(kClosesP, name)) CloseP();
    if (name == "li" && !CloseUpTo({"li"}, {"ul", "ol"})) return;
    if (name == "tr" && !CloseUpTo({"tr", "td", "th"}, {"table", "thead", "tbody"})) return;
    if ((name == "td" || name == "th") && !CloseUpTo({"td", "th"}, {"tr"})) return;
    if ((name == "thead" || name == "tbody") &&
        !CloseUpTo({"thead", "tbody", "tr", "td", "th"}, {"table"})) {
      return;
    }
    if ((name == "h2" || name == "h3" || name == "h4") && !stack_.empty() &&
        stack_.back().size() == 2 && stack_.back()[0] == 'h') {
      Pop();
    }
    if (name == "a" && std::find(stack_.begin(), stack_.end(), "a") != stack_.end()) return;
    std::vector<std::pair<std::string, std::string>> attrs;
    AllowedAttrs(t, attrs);
    Emit(name, attrs);
    if (!IsVoid(name)) stack_.push_back(name);
  }

  void End(std::string_view name) {
    bool table_part = In(kTablePart, name);
    for (size_t k = stack_.size(); k-- > 0;) {
      if (stack_[k] == name) {
        while (stack_.size() > k) Pop();
        return;
      }
      if (!table_part && In(kTablePart, stack_[k])) return;
      if (table_part && stack_[k] == "table") return;
    }
  }

  std::string Finish() {
    while (!stack_.empty()) Pop();
    return std::move(out_);
  }

 private:
  void Emit(std::string_view name, const std::vector<std::pair<std::string, std::string>>& attrs) {
    out_ += '<';
    out_ += name;
    for (const auto& [k, v] : attrs) {
      out_ += ' ';
      out_ += k;
      out_ += "=\"";
      AppendEscaped(out_, v, true);
      out_ += '"';
    }
    out_ += '>';
  }

  void Pop() {
    out_ += "</";
    out_ += stack_.back();
    out_ += '>';
    stack_.pop_back();
  }

  void CloseP() {
    for (size_t k = stack_.size(); k-- > 0;) {
      if (stack_[k] == "p") {
        while (stack_.size() > k) Pop();
        return;
      }
      if (stack_[k] == "table" || stack_[k] == "td" || stack_[k] == "th") return;
    }
  }

  // Closes open `closable` elements on top until the top is one of `parents`; false (nothing
  // closed) when no such parent is on top after them.
  bool CloseUpTo(std::initializer_list<std::string_view> closable,
                 std::initializer_list<std::string_view> parents) {
    size_t k = stack_.size();
    auto is = [](std::string_view n, std::initializer_list<std::string_view> set) {
      return std::find(set.begin(), set.end(), n) != set.end();
    };
    while (k > 0 && is(stack_[k - 1], closable)) --k;
    if (k == 0 || !is(stack_[k - 1], parents)) return false;
    while (stack_.size() > k) Pop();
    return true;
  }

  std::string out_;
  std::vector<std::string> stack_;
};

}  // namespace

std::string SanitizeHtml(std::string_view html) {
  std::vector<HtmlToken> tokens = TokenizeHtml(CleanUtf8(html));
  Builder b;
  std::string skipping;  // the dropped element whose content is being skipped
  int depth = 0;
  for (const HtmlToken& t : tokens) {
    if (!skipping.empty()) {
      if (t.kind == Kind::kStart && t.text == skipping && !t.self_closing) ++depth;
      if (t.kind == Kind::kEnd && t.text == skipping && --depth == 0) skipping.clear();
      continue;
    }
    switch (t.kind) {
      case Kind::kText:
        b.Text(t.text);
        break;
      case Kind::kStart:
        if (In(kDropWithContent, t.text)) {
          if (!t.self_closing || IsRawTextElement(t.text)) {
            skipping = t.text;
            depth = 1;
          }
        } else {
          b.Start(t);
        }
        break;
      case Kind::kEnd:
        b.End(t.text);
        break;
    }
  }
  return b.Finish();
}

}  // namespace gongkai::publishing

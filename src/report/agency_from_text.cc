// The agency of a report without a title line (the scraped seed starts with its preamble), read
// from where the text names it: "由市工信局结合……编制", "请与樟树市工信局联系",
// "樟树市工信局2024年政府信息公开工作年度报告". Only an unambiguous name is taken: every name found
// must be the end of the longest one ("市工信局" and "樟树市工信局" agree); otherwise none.
#include <array>
#include <vector>

#include "report/document.h"

namespace gongkai::report {
namespace {

constexpr size_t kCjk = 3;  // bytes of a CJK character in UTF-8

bool IsCjkChar(std::string_view s, size_t i) {
  if (i + kCjk > s.size()) return false;
  auto b = static_cast<unsigned char>(s[i]);
  return b >= 0xE4 && b <= 0xE9;  // U+4000–U+9FFF
}

// The run of CJK ideographs that ends at byte `end`.
std::string_view CjkRunBefore(std::string_view s, size_t end) {
  size_t start = end;
  while (start >= kCjk && IsCjkChar(s, start - kCjk)) start -= kCjk;
  return s.substr(start, end - start);
}

// The run of CJK ideographs that starts at byte `start`, cut at the first `stop` word.
std::string_view CjkRunAfter(std::string_view s, size_t start,
                             std::initializer_list<std::string_view> stops) {
  size_t end = start;
  while (IsCjkChar(s, end)) {
    bool stop = false;
    for (std::string_view w : stops) stop = stop || s.compare(end, w.size(), w) == 0;
    if (stop) return s.substr(start, end - start);
    end += kCjk;
  }
  return {};  // no stop word: not the pattern
}

bool EndsWith(std::string_view s, std::string_view w) {
  return s.size() >= w.size() && s.substr(s.size() - w.size()) == w;
}

// A plausible agency name: 2–30 characters ending in an institution word, not "本机关"/"我局".
bool LooksLikeAgency(std::string_view n) {
  static constexpr std::array<std::string_view, 17> kEnds = {
      "局", "委", "办", "厅", "院", "会", "政府", "办公室",    "中心",
      "部", "署", "所", "站", "队", "处", "馆",   "街道办事处"};
  if (n.size() < 2 * kCjk || n.size() > 30 * kCjk) return false;
  if (n.substr(0, kCjk) == "本" || n.substr(0, kCjk) == "我" || n.substr(0, kCjk) == "该") {
    return false;
  }
  for (std::string_view e : kEnds) {
    if (EndsWith(n, e)) return true;
  }
  return false;
}

void Collect(std::string_view s, std::vector<std::string_view>& out) {
  auto add = [&](std::string_view n) {
    if (LooksLikeAgency(n)) out.push_back(n);
  };
  // "…局2024年(度)政府信息公开工作年度报告".
  constexpr std::string_view kTitle = "政府信息公开工作年度报告";
  for (size_t p = s.find(kTitle); p != std::string_view::npos; p = s.find(kTitle, p + 1)) {
    size_t end = p;
    if (end >= kCjk && s.substr(end - kCjk, kCjk) == "度") end -= kCjk;
    if (end < 4 + kCjk || s.substr(end - kCjk, kCjk) != "年") continue;
    end -= kCjk;
    bool digits = true;
    for (size_t k = end - 4; k < end; ++k) digits = digits && s[k] >= '0' && s[k] <= '9';
    if (!digits) continue;
    std::string_view n = CjkRunBefore(s, end - 4);
    size_t de = n.rfind("的");  // "……编制的某局2024年……"
    if (de != std::string_view::npos) n.remove_prefix(de + kCjk);
    if (n.substr(0, 2 * kCjk) == "现将") n.remove_prefix(2 * kCjk);  // "现将某局2024年……公布如下"
    add(n);
  }
  // "由某局结合/根据/依据/编制".
  for (size_t p = s.find("由"); p != std::string_view::npos; p = s.find("由", p + 1)) {
    add(CjkRunAfter(s, p + kCjk, {"结合", "根据", "依据", "编制", "负责"}));
  }
  // "请与某局联系".
  for (size_t p = s.find("请与"); p != std::string_view::npos; p = s.find("请与", p + 1)) {
    add(CjkRunAfter(s, p + 2 * kCjk, {"联系"}));
  }
}

}  // namespace

std::string AgencyFromText(std::string_view preamble, std::string_view section1) {
  std::vector<std::string_view> names;
  Collect(preamble.substr(0, 4096), names);
  // Section 一: its opening paragraph only.
  Collect(section1.substr(0, std::min(section1.find('\n'), size_t{4096})), names);
  if (names.empty()) return "";
  std::string_view longest;
  for (auto n : names) {
    if (n.size() > longest.size()) longest = n;
  }
  for (auto n : names) {
    if (!EndsWith(longest, n)) return "";  // two different names: ambiguous
  }
  return std::string(longest);
}

}  // namespace gongkai::report

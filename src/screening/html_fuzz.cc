// libFuzzer target for the HTML reader and the whole screener on HTML input:
// spans must be ordered, inside the page and non-overlapping; findings must
// point inside the page; nothing may crash on any bytes.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string_view>

#include "screening/html_reader.h"
#include "screening/screener.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace gongkai::screening;
  std::string_view html(reinterpret_cast<const char*>(data), size);
  auto spans = ReadHtml(html);
  uint32_t last = 0;
  for (const auto& s : spans) {
    if (s.begin < last || s.end < s.begin || s.end > html.size()) std::abort();
    last = s.end;
  }
  static const std::unique_ptr<Screener> screener = [] {
    std::vector<DictionaryEntry> entries;
    for (const char* t : {"扫黑除恶", "中华人民共和国", "营商环境"}) {
      DictionaryEntry e;
      e.term = t;
      e.category = Category::kProtected;
      entries.push_back(e);
    }
    DictionaryEntry typo;
    typo.term = "营商坏境";
    typo.category = Category::kTypo;
    entries.push_back(typo);
    return std::move(Screener::Create(entries, ScreenOptions{}).value());
  }();
  auto report = screener->Screen(html, InputFormat::kHtml, gongkai::Date{2024, 6, 1});
  if (report.ok()) {
    for (const auto& f : report->all) {
      if (f.byte_begin >= f.byte_end || f.byte_end > html.size()) std::abort();
    }
    (void)Screener::Mask(html, *report);
  }
  return 0;
}

// libFuzzer target for the screening engine. The input is "terms\0text": up to
// 16 newline-separated terms, then a text. Checks that nothing crashes, that
// every match lies inside the text, and - with the identity normaliser on valid
// UTF-8 - that Count equals a naive find-all count (the Hyperscan contract).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "screening/screener.h"
#include "screening/screening_engine.h"
#include "screening/utf8.h"

namespace {

using gongkai::Status;
using gongkai::screening::EngineMatch;
using gongkai::screening::EngineOptions;
using gongkai::screening::ScreeningEngine;
using gongkai::screening::TextNormalizer;

uint64_t NaiveCount(const std::vector<std::string>& terms, std::string_view text) {
  uint64_t n = 0;
  for (const auto& t : terms) {
    for (size_t pos = text.find(t); pos != std::string_view::npos; pos = text.find(t, pos + 1)) {
      ++n;
    }
  }
  return n;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view in(reinterpret_cast<const char*>(data), size);
  size_t zero = in.find('\0');
  if (zero == std::string_view::npos) return 0;
  std::string_view dict = in.substr(0, zero);
  std::string_view text = in.substr(zero + 1);

  for (bool normalize : {false, true}) {
    EngineOptions o;
    o.normalizer = normalize ? &TextNormalizer::Default() : &TextNormalizer::Identity();
    ScreeningEngine engine(o);
    std::vector<std::string> added;
    std::vector<std::string> tried;
    size_t pos = 0;
    while (pos <= dict.size() && added.size() < 16) {
      size_t nl = dict.find('\n', pos);
      if (nl == std::string_view::npos) nl = dict.size();
      std::string term(dict.substr(pos, nl - pos));
      pos = nl + 1;
      if (engine.Add(term).ok()) added.push_back(term);
      (void)engine.AddProtected(term);
      tried.push_back(term);
    }
    if (!engine.Compile(text).ok()) continue;
    (void)engine.Match(text, nullptr, [&](const EngineMatch& m) {
      if (m.begin >= m.end || m.end > text.size()) std::abort();
    });
    auto spans = gongkai::screening::ReadHtml(text);
    (void)engine.Match(text, &spans, [&](const EngineMatch& m) {
      if (m.begin >= m.end || m.end > text.size()) std::abort();
    });
    auto count = engine.Count(text);
    bool valid = gongkai::screening::FindInvalidUtf8(text) == std::string_view::npos;
    if (count.ok() != valid) std::abort();
    if (!normalize && valid && *count != NaiveCount(added, text)) std::abort();

    // The scalar decoder and filter must agree with the vector ones exactly.
    EngineOptions scalar_options = o;
    scalar_options.vector_decode = false;
    ScreeningEngine scalar(scalar_options);
    for (const auto& t : tried) {
      (void)scalar.Add(t);
      (void)scalar.AddProtected(t);
    }
    if (!scalar.Compile(text).ok()) std::abort();
    std::vector<EngineMatch> a, b;
    Status sa = engine.Match(text, nullptr, [&](const EngineMatch& m) { a.push_back(m); });
    Status sb = scalar.Match(text, nullptr, [&](const EngineMatch& m) { b.push_back(m); });
    if (sa.ToString() != sb.ToString() || a.size() != b.size()) std::abort();
    for (size_t i = 0; i < a.size(); ++i) {
      if (a[i].pattern != b[i].pattern || a[i].begin != b[i].begin || a[i].end != b[i].end ||
          a[i].kind != b[i].kind) {
        std::abort();
      }
    }
  }
  return 0;
}

#include "screening/screener.h"

#include <algorithm>
#include <tuple>

#include "screening/html_reader.h"
#include "screening/privacy.h"
#include "screening/utf8.h"

namespace gongkai::screening {
namespace {

struct Range {
  uint32_t begin;
  uint32_t end;
  bool Covers(uint32_t b, uint32_t e) const { return begin <= b && e <= end; }
  bool Overlaps(uint32_t b, uint32_t e) const { return begin < e && b < end; }
};

// Fills char offsets, line and column of every finding with one pass over text.
void Locate(std::string_view text, std::vector<Finding*>& fs) {
  struct Point {
    uint32_t byte;
    uint32_t* chars;
    uint32_t* line;
    uint32_t* column;
  };
  std::vector<Point> points;
  for (Finding* f : fs) {
    points.push_back({f->byte_begin, &f->char_begin, &f->line, &f->column});
    points.push_back({f->byte_end, &f->char_end, nullptr, nullptr});
  }
  std::sort(points.begin(), points.end(),
            [](const Point& a, const Point& b) { return a.byte < b.byte; });
  uint32_t chars = 0;
  uint32_t line = 1;
  uint32_t line_start_chars = 0;
  size_t pos = 0;
  for (const Point& p : points) {
    while (pos < p.byte && pos < text.size()) {
      unsigned char c = static_cast<unsigned char>(text[pos]);
      if ((c & 0xC0) != 0x80) {
        ++chars;
        if (c == '\n') {
          ++line;
          line_start_chars = chars;
        }
      }
      ++pos;
    }
    *p.chars = chars;
    if (p.line != nullptr) {
      *p.line = line;
      *p.column = chars - line_start_chars + 1;
    }
  }
}

bool Before(const Finding& a, const Finding& b) {
  return std::make_tuple(a.byte_begin, b.byte_end, static_cast<int>(a.category)) <
         std::make_tuple(b.byte_begin, a.byte_end, static_cast<int>(b.category));
}

}  // namespace

Result<std::unique_ptr<Screener>> Screener::Create(std::vector<DictionaryEntry> entries,
                                                   ScreenOptions options, std::string_view sample) {
  std::unique_ptr<Screener> s(new Screener());
  s->options_ = options;
  EngineOptions eo;
  eo.normalizer = options.normalize ? &TextNormalizer::Default() : &TextNormalizer::Identity();
  eo.max_gap = options.max_gap;
  s->engine_ = std::make_unique<ScreeningEngine>(eo);
  // Common words only guide near-miss detection: they are neither terms nor entries.
  auto common = std::stable_partition(entries.begin(), entries.end(), [](const auto& e) {
    return e.category != Category::kCommonWord;
  });
  for (auto it = common; it != entries.end(); ++it) {
    Status st = s->engine_->AddCommonWord(it->term);
    if (!st.ok()) return st.WithContext(it->source, it->source);
  }
  entries.erase(common, entries.end());
  for (size_t i = 0; i < entries.size(); ++i) {
    const DictionaryEntry& e = entries[i];
    auto added = s->engine_->Add(e.term);
    if (!added.ok()) {
      return added.status().WithContext(e.source, e.source);
    }
    Role role = e.category == Category::kAllow       ? Role::kAllow
                : e.category == Category::kProtected ? Role::kProtected
                                                     : Role::kReport;
    s->roles_.push_back(role);
    if (role == Role::kProtected && options.near_miss) {
      GONGKAI_RETURN_IF_ERROR(s->engine_->AddProtected(e.term).status());
      s->protected_entry_.push_back(static_cast<int>(i));
    }
  }
  GONGKAI_RETURN_IF_ERROR(s->engine_->Compile(sample));
  s->entries_ = std::move(entries);
  return s;
}

Result<ScreenReport> Screener::Screen(std::string_view text, InputFormat format,
                                      const Date& date) const {
  GONGKAI_RETURN_IF_ERROR(ValidateUtf8(text));
  std::vector<TextSpan> spans;
  if (format == InputFormat::kHtml) spans = ReadHtml(text);
  const std::vector<TextSpan>* sp = format == InputFormat::kHtml ? &spans : nullptr;

  std::vector<EngineMatch> hits;
  std::vector<Range> allowed;
  std::vector<std::pair<Range, int>> protected_exact;  // range, entry
  GONGKAI_RETURN_IF_ERROR(engine_->Match(text, sp, [&](const EngineMatch& m) {
    if (m.kind == EngineMatch::Kind::kExact) {
      Role r = roles_[m.pattern];
      if (r == Role::kAllow) {
        allowed.push_back({m.begin, m.end});
        return;
      }
      if (r == Role::kProtected) {
        protected_exact.push_back({{m.begin, m.end}, m.pattern});
        allowed.push_back({m.begin, m.end});  // a protected string is right by definition
        return;
      }
    }
    hits.push_back(m);
  }));

  ScreenReport report;
  // Coverage queries in O(log n): allowed ranges sorted by begin with the
  // running maximum of their ends (a page may hold thousands of 人民政府).
  std::sort(allowed.begin(), allowed.end(),
            [](const Range& a, const Range& b) { return a.begin < b.begin; });
  std::vector<uint32_t> max_end(allowed.size());
  for (size_t i = 0; i < allowed.size(); ++i) {
    max_end[i] = std::max(allowed[i].end, i > 0 ? max_end[i - 1] : 0u);
  }
  auto covered = [&](uint32_t b, uint32_t e) {
    auto it = std::upper_bound(allowed.begin(), allowed.end(), b,
                               [](uint32_t v, const Range& r) { return v < r.begin; });
    size_t k = static_cast<size_t>(it - allowed.begin());
    return k > 0 && max_end[k - 1] >= e;
  };
  std::sort(protected_exact.begin(), protected_exact.end(), [](const auto& x, const auto& y) {
    return std::make_pair(x.second, x.first.begin) < std::make_pair(y.second, y.first.begin);
  });
  // True when an exact occurrence of protected entry `entry` overlaps [b, e);
  // occurrences of one string do not nest, so only those starting at most
  // 256 bytes (64 characters) before e need a look.
  auto beside = [&](int entry, uint32_t b, uint32_t e) {
    auto it = std::lower_bound(protected_exact.begin(), protected_exact.end(),
                               std::make_pair(entry, e), [](const auto& x, const auto& key) {
                                 return std::make_pair(x.second, x.first.begin) < key;
                               });
    while (it != protected_exact.begin()) {
      --it;
      if (it->second != entry || it->first.begin + 256 < b) break;
      if (it->first.Overlaps(b, e)) return true;
    }
    return false;
  };
  auto make = [&](const DictionaryEntry& e, uint32_t b, uint32_t en) {
    Finding f;
    f.category = e.category;
    f.severity = e.severity;
    f.term = e.term;
    f.suggestion = e.suggestion;
    f.note = e.note;
    f.byte_begin = b;
    f.byte_end = en;
    f.original = std::string(text.substr(b, en - b));
    return f;
  };
  std::vector<std::tuple<int, uint32_t, uint32_t>> near;  // entry, begin, end
  for (const EngineMatch& m : hits) {
    if (m.kind == EngineMatch::Kind::kExact) {
      const DictionaryEntry& e = entries_[m.pattern];
      if (!e.AppliesOn(date) || covered(m.begin, m.end)) continue;
      report.all.push_back(make(e, m.begin, m.end));
    } else {
      int entry = protected_entry_[m.pattern];
      if (!entries_[entry].AppliesOn(date) || covered(m.begin, m.end)) continue;
      if (!beside(entry, m.begin, m.end)) near.emplace_back(entry, m.begin, m.end);
    }
  }
  // One near miss per protected string and place.
  std::sort(near.begin(), near.end());
  for (size_t i = 0; i < near.size(); ++i) {
    const int entry = std::get<0>(near[i]);
    const uint32_t b = std::get<1>(near[i]);
    const uint32_t e = std::get<2>(near[i]);
    if (i > 0 && std::get<0>(near[i - 1]) == entry && std::get<2>(near[i - 1]) > b) {
      near[i] = near[i - 1];  // extend the cluster; keep reporting its first window
      continue;
    }
    bool dup = std::any_of(report.all.begin(), report.all.end(),
                           [&](const Finding& f) { return f.byte_begin == b && f.byte_end == e; });
    if (dup) continue;
    const DictionaryEntry& pe = entries_[entry];
    Finding f = make(pe, b, e);
    f.category = Category::kNearMiss;
    f.suggestion = pe.term;
    report.all.push_back(std::move(f));
  }
  if (options_.privacy) {
    for (const PrivacyHit& h : FindPrivacy(text, sp, date)) {
      Finding f;
      f.category = Category::kPrivacy;
      f.severity = (h.type == PrivacyType::kResidentId || h.type == PrivacyType::kBankCard)
                       ? Severity::kError
                       : Severity::kWarning;
      f.term = PrivacyTypeName(h.type);
      f.suggestion = h.masked;
      f.byte_begin = h.begin;
      f.byte_end = h.end;
      f.original = std::string(text.substr(h.begin, h.end - h.begin));
      report.all.push_back(std::move(f));
    }
  }
  std::sort(report.all.begin(), report.all.end(), Before);
  std::vector<Finding*> ptrs;
  for (Finding& f : report.all) ptrs.push_back(&f);
  Locate(text, ptrs);
  // Leftmost-longest: the earliest start wins, then the longest.
  uint32_t covered_to = 0;
  for (const Finding& f : report.all) {
    report.has_error |= f.severity == Severity::kError;
    if (!report.findings.empty() && f.byte_begin < covered_to) continue;
    report.findings.push_back(f);
    covered_to = f.byte_end;
  }
  return report;
}

std::string Screener::Mask(std::string_view text, const ScreenReport& report) {
  std::string out;
  size_t pos = 0;
  for (const Finding& f : report.findings) {
    if (f.category != Category::kPrivacy || f.byte_begin < pos) continue;
    out.append(text.substr(pos, f.byte_begin - pos));
    out.append(f.suggestion);
    pos = f.byte_end;
  }
  out.append(text.substr(pos));
  return out;
}

}  // namespace gongkai::screening

// The screening automaton: character ids, a rare-bigram anchor filter and
// cache-packed verification.
//
// Why not Aho-Corasick. Government text is ~82% CJK, three UTF-8 bytes per
// character, and a 100k-term dictionary uses practically every common
// character. A byte-level automaton therefore takes three dependent steps per
// character and cannot skip anything; even with an L1-resident table such a
// walk tops out near 430 MB/s on our machines, and real 10k–100k tables live
// in L2, L3 or DRAM (Hyperscan 340 → 158 MB/s, Rust aho-corasick's DFA
// 116 → 29 MB/s; ../shared/spec/screening.md §3). The work has to be
// character-level and the per-character loads must not depend on each other.
//
// Character ids. Compile gives every character that occurs in a folded term
// a dense 16-bit id (2 …). All other characters get 1 when they are CJK
// ideographs ("some other Han character", which near-miss detection needs)
// and 0 otherwise. Normalisation is folded into the same 64 Ki-entry table:
// a traditional, full-width, upper-case or compatibility form maps to the id
// of its folded form, zero-width characters to kDrop (removed from the
// stream) and noise characters to kNoise (removed, but counted as a gap
// before the next character). So normalisation costs one table load per
// character, the load that identifies the character anyway.
//
// The filter. Every term of two or more characters is indexed under exactly
// one of its bigrams, its anchor, chosen as the rarest bigram according to a
// frequency sample (rare-bigram anchoring cut candidate positions ~10x
// against first-bigram anchoring in the spec's probe). The scan keeps the id
// of the previous character; for each new character it hashes the pair into
// a blocked Bloom filter of anchor bigrams (two bits in one 32-bit word, 64
// bits per anchor, ~0.05% false positives at 10k anchors) and, on a hit,
// records a candidate position. These loads are independent of each other,
// unlike an automaton's state chain. Single-character terms get the lowest
// ids so that one range check flags them.
//
// Vector paths. On CPUs with AVX2 (checked at run time; the scalar loops stay
// for the others and for tests) decoding takes ten 3-byte characters per step
// (lead/continuation bytes checked by one mask, code points assembled by two
// byte shuffles, overlong forms and surrogates caught lane-wise) and the
// filter probes eight bigrams per step with lane-wise multiplies and one
// gather. On the 210 MB benchmark corpus this took the 10k-term scan from
// ~6.5 to ~3.5 ns per character (bench/README.md).
//
// Verification. Decoding fills a window of ids, start offsets, byte lengths
// and noise-gap counts (a few thousand characters, L1-resident); candidates
// are verified once the window holds `reach_` characters past them: the
// anchor key is looked up in an open-addressed table whose entries list the
// terms anchored there with the anchor's offset inside the term, and each is
// compared against the ids around the candidate (a memcmp of 2-byte ids),
// then its interior gaps are checked against max_gap. Because each term has
// exactly one anchor, every occurrence is reported exactly once, overlapping
// ones included: the count equals Hyperscan's all-matches count when the
// normalizer is the identity. The window slides by keeping its last
// 2 × reach_ characters.
//
// Near misses. A protected string of n ≥ 4 characters is split into halves
// (n < 6) or thirds; one edit leaves at least one piece intact (thirds even
// survive a transposition across a piece boundary). The pieces are indexed
// like terms; when one verifies, the windows of n-1, n and n+1 characters
// starting one character before to one after the implied alignment are
// tested for one interior edit (insertions and deletions only in strings of
// 6+ characters, 2+ characters from either end: on real text the shorter
// cases were mostly two ordinary words meeting). Only pieces cost anything at
// scan time.
//
// References: ToolGood.Words StringSearchEx2 (char-level classes, class 0
// resets), Hyperscan's FDR (NSDI 2019; a filter stage followed by exact
// verification), and the bigram-anchor probe in ../shared/spec/screening.md.

#include "screening/screening_engine.h"

#include <algorithm>
#include <cstring>
#include <limits>
#include <memory>
#include <mutex>
#include <unordered_map>
#include <utility>

#include "screening/engine_internal.h"
#include "screening/scanner.h"
#include "screening/utf8.h"

namespace gongkai::screening {
namespace {

Result<std::u32string> FoldTerm(std::string_view term, const TextNormalizer& norm) {
  Status valid = ValidateUtf8(term);
  if (!valid.ok()) {
    return InvalidArgument("term is not valid UTF-8", "词条不是有效的 UTF-8 编码");
  }
  std::u32string out;
  for (size_t i = 0; i < term.size();) {
    int len = 0;
    char32_t c = norm.Fold(DecodeAt(term, i, &len));
    i += len;
    if (c == kDropChar || norm.IsNoise(c)) continue;
    out.push_back(c);
  }
  if (out.empty()) {
    return InvalidArgument("term is empty after normalisation: '" + std::string(term) + "'",
                           "词条“" + std::string(term) + "”规范化后为空");
  }
  if (out.size() > static_cast<size_t>(ScreeningEngine::kMaxTermChars)) {
    return InvalidArgument("term longer than 64 characters: '" + std::string(term) + "'",
                           "词条“" + std::string(term) + "”超过 64 个字符");
  }
  return out;
}

// The character classes that do not depend on the terms: for every code
// point the class of its folded form (drop, noise, other Han, none), plus the
// inverse of the fold, so that Compile patches only what folds onto a term
// character instead of walking all 64 Ki code points (cheap rebuilds of
// agency dictionaries; fast fuzzing).
struct BaseTable {
  std::vector<uint16_t> bmp;                            // 64 Ki classes
  std::vector<std::pair<char32_t, uint16_t>> astral;    // non-default classes above U+FFFF
  std::unordered_multimap<char32_t, char32_t> sources;  // folded → code point, when different
};

const BaseTable& BaseTableFor(const TextNormalizer& norm) {
  static std::mutex mu;
  static std::unordered_map<const TextNormalizer*, std::unique_ptr<BaseTable>> cache;
  std::lock_guard<std::mutex> lock(mu);
  auto& slot = cache[&norm];
  if (slot) return *slot;
  auto t = std::make_unique<BaseTable>();
  auto class_of = [&](char32_t f) -> uint16_t {
    if (f == kDropChar) return kDrop;
    if (norm.IsNoise(f)) return kNoise;
    return IsHan(f) ? kOtherHan : kNone;
  };
  t->bmp.resize(0x10000);
  for (char32_t cp = 0; cp < 0x10000; ++cp) {
    if (cp >= 0xD800 && cp <= 0xDFFF) {
      t->bmp[cp] = kNone;
      continue;
    }
    char32_t f = norm.Fold(cp);
    t->bmp[cp] = class_of(f);
    if (f != cp && f != kDropChar) t->sources.emplace(f, cp);
  }
  for (const auto& [cp, f] : norm.astral_folds()) {
    uint16_t cls = class_of(f);
    if (cls != (IsHan(cp) ? kOtherHan : kNone)) t->astral.emplace_back(cp, cls);
    if (f != kDropChar) t->sources.emplace(f, cp);
  }
  slot = std::move(t);
  return *slot;
}

}  // namespace

ScreeningEngine::ScreeningEngine(EngineOptions options) : options_(options) {
  if (options_.normalizer == nullptr) options_.normalizer = &TextNormalizer::Identity();
  if (options_.max_gap < 0) options_.max_gap = 0;
  if (options_.max_gap > 250) options_.max_gap = 250;
#if GONGKAI_SCREEN_AVX2
  avx2_ = options_.vector_decode && __builtin_cpu_supports("avx2");
#endif
}

ScreeningEngine::~ScreeningEngine() = default;

Result<int> ScreeningEngine::Add(std::string_view term) {
  if (compiled_) return FailedPrecondition("Add after Compile", "词库已编译，不能再添加词条");
  GONGKAI_ASSIGN_OR_RETURN(std::u32string folded, FoldTerm(term, *options_.normalizer));
  terms_.push_back(std::move(folded));
  return num_patterns_++;
}

Result<int> ScreeningEngine::AddProtected(std::string_view term) {
  if (compiled_) return FailedPrecondition("Add after Compile", "词库已编译，不能再添加词条");
  GONGKAI_ASSIGN_OR_RETURN(std::u32string folded, FoldTerm(term, *options_.normalizer));
  protected_.push_back(std::move(folded));
  return static_cast<int>(protected_.size()) - 1;
}

Status ScreeningEngine::AddCommonWord(std::string_view word) {
  if (compiled_) return FailedPrecondition("Add after Compile", "词库已编译，不能再添加词条");
  GONGKAI_ASSIGN_OR_RETURN(std::u32string folded, FoldTerm(word, *options_.normalizer));
  common_words_.insert(std::move(folded));
  return Status::Ok();
}

uint16_t ScreeningEngine::IdOf(char32_t cp) const {
  if (cp < 0x10000) return bmp_ids_[cp];
  auto it = astral_ids_.find(cp);
  if (it != astral_ids_.end()) return it->second;
  return IsHan(cp) ? kOtherHan : kNone;
}

const ScreeningEngine::Slot* ScreeningEngine::Find(uint32_t key) const {
  uint32_t i = SlotOf(key);
  while (true) {
    const Slot& s = slots_[i];
    if (s.key == key) return &s;
    if (s.key == 0) return nullptr;
    i = (i + 1) & slot_mask_;
  }
}

Status ScreeningEngine::Compile(std::string_view sample) {
  if (compiled_) return FailedPrecondition("Compile called twice", "词库已编译");
  const TextNormalizer& norm = *options_.normalizer;

  // 1. Character ids: single-character terms first, so one range check flags them.
  std::unordered_map<char32_t, uint16_t> ids;
  uint32_t next = kFirstTermId;
  for (const auto& t : terms_) {
    if (t.size() == 1 && !ids.count(t[0])) ids[t[0]] = next++;
  }
  first_single_ = kFirstTermId;
  num_single_ = static_cast<uint16_t>(next - kFirstTermId);
  auto assign = [&](const std::u32string& t) {
    for (char32_t c : t) {
      if (!ids.count(c)) ids[c] = static_cast<uint16_t>(std::min<uint32_t>(next++, kMaxId + 1));
    }
  };
  for (const auto& t : terms_) assign(t);
  for (const auto& t : protected_) assign(t);
  if (next > kMaxId) {
    return InvalidArgument("dictionary uses more than 65,000 distinct characters",
                           "词库使用的不同字符超过 65000 个");
  }
  // The term-independent part of the table comes from a per-normalizer cache;
  // only the characters that fold onto a term character are patched.
  const BaseTable& base = BaseTableFor(norm);
  bmp_ids_ = base.bmp;
  for (const auto& [cp, cls] : base.astral) astral_ids_[cp] = cls;
  for (const auto& [c, id] : ids) {
    if (norm.Fold(c) == c) {
      if (c < 0x10000) {
        bmp_ids_[c] = id;
      } else {
        astral_ids_[c] = id;
      }
    }
    auto [from, to] = base.sources.equal_range(c);
    for (auto it = from; it != to; ++it) {
      if (it->second < 0x10000) {
        bmp_ids_[it->second] = id;
      } else {
        astral_ids_[it->second] = id;
      }
    }
  }

  // 2. Bigram frequencies: from the sample, else from the dictionary itself.
  // Hashed bigram counters, about two per sample character (at most 1 Mi).
  int freq_bits = 10;
  while (freq_bits < 20 && (size_t{1} << freq_bits) < sample.size()) ++freq_bits;
  const int kFreqBits = freq_bits;
  std::vector<uint32_t> freq;
  std::vector<uint32_t> char_terms;
  if (!sample.empty()) {
    freq.assign(size_t{1} << kFreqBits, 0);
    std::string_view text = sample.substr(0, std::min<size_t>(sample.size(), 32u << 20));
    text = text.substr(0, std::min(text.size(), FindInvalidUtf8(text)));
    uint16_t prev = kNone;
    for (size_t i = 0; i < text.size();) {
      int len = 0;
      char32_t cp = DecodeAt(text, i, &len);
      i += len;
      uint16_t id = cp < 0x10000 ? bmp_ids_[cp] : IdOf(cp);
      if (id >= kNoise) continue;
      ++freq[HashKey((uint32_t{prev} << 16) | id) >> (64 - kFreqBits)];
      prev = id;
    }
  } else {
    char_terms.assign(next, 1);
    for (const auto& t : terms_) {
      for (char32_t c : t) ++char_terms[ids[c]];
    }
  }
  auto bigram_cost = [&](uint16_t a, uint16_t b) -> uint64_t {
    if (!freq.empty()) return freq[HashKey((uint32_t{a} << 16) | b) >> (64 - kFreqBits)];
    return uint64_t{char_terms[a]} * char_terms[b];
  };

  // 3. Pool the id sequences; choose each term's (and piece's) anchor.
  struct Pending {
    uint32_t key;
    Entry entry;
  };
  std::vector<Pending> pending;
  pending.reserve(terms_.size() + protected_.size() * 3);
  int max_len = 2;
  auto add_indexed = [&](uint32_t pool_at, int len, int32_t pattern, int piece_at, bool piece) {
    const uint16_t* s = pool_.data() + pool_at;
    Entry e{pool_at,
            pattern,
            0,
            static_cast<uint8_t>(len),
            static_cast<uint8_t>(piece_at),
            static_cast<uint8_t>(piece)};
    uint32_t key;
    if (len == 1) {
      key = uint32_t{s[0]} << 16;
    } else {
      int best = 0;
      uint64_t best_cost = std::numeric_limits<uint64_t>::max();
      for (int k = 0; k + 1 < len; ++k) {
        uint64_t c = bigram_cost(s[k], s[k + 1]);
        if (c < best_cost) {
          best_cost = c;
          best = k;
        }
      }
      e.anchor = static_cast<uint8_t>(best);
      key = (uint32_t{s[best]} << 16) | s[best + 1];
    }
    pending.push_back({key, e});
  };
  pool_.clear();
  for (size_t t = 0; t < terms_.size(); ++t) {
    uint32_t at = static_cast<uint32_t>(pool_.size());
    for (char32_t c : terms_[t]) pool_.push_back(ids[c]);
    int len = static_cast<int>(terms_[t].size());
    max_len = std::max(max_len, len);
    add_indexed(at, len, static_cast<int32_t>(t), 0, false);
  }
  for (size_t q = 0; q < protected_.size(); ++q) {
    uint32_t at = static_cast<uint32_t>(pool_.size());
    for (char32_t c : protected_[q]) pool_.push_back(ids[c]);
    int n = static_cast<int>(protected_[q].size());
    protected_pool_.push_back(at);
    protected_len_.push_back(static_cast<uint8_t>(n));
    if (n < 4) continue;
    max_len = std::max(max_len, n + 2);
    int parts = n < 6 ? 2 : 3;
    for (int p = 0; p < parts; ++p) {
      int b = n * p / parts;
      int e = n * (p + 1) / parts;
      add_indexed(at + b, e - b, static_cast<int32_t>(q), b, true);
    }
  }
  reach_ = max_len + 2;

  // 4. Group by anchor into the open-addressed table; set the filter bits.
  std::sort(pending.begin(), pending.end(),
            [](const Pending& a, const Pending& b) { return a.key < b.key; });
  size_t distinct = 0;
  for (size_t i = 0; i < pending.size(); ++i) {
    distinct += (i == 0 || pending[i].key != pending[i - 1].key);
  }
  uint32_t cap = 16;
  while (cap < distinct * 2) cap <<= 1;
  slots_.assign(cap, Slot{});
  slot_mask_ = cap - 1;
  // 64 bits per anchor (two set per anchor) keeps false positives near 0.1%;
  // the filter's load is the scan's bottleneck, so it is capped at 512 KiB to
  // stay in L2 (at 100k anchors that raises false positives to ~0.2%).
  int log_bits = 12;
  while (log_bits < 22 && (size_t{1} << log_bits) < distinct * 64) ++log_bits;
  bits_.assign((size_t{1} << log_bits) / 32, 0);
  bits_shift_ = 32 - (log_bits - 5);
  entries_.clear();
  entries_.reserve(pending.size());
  for (size_t i = 0; i < pending.size();) {
    size_t j = i;
    while (j < pending.size() && pending[j].key == pending[i].key) {
      entries_.push_back(pending[j].entry);
      ++j;
    }
    uint32_t key = pending[i].key;
    uint32_t s = SlotOf(key);
    while (slots_[s].key != 0) s = (s + 1) & slot_mask_;
    Slot& slot = slots_[s];
    slot.key = key;
    slot.value = static_cast<uint32_t>(entries_.size() - (j - i));
    slot.count = static_cast<uint32_t>(j - i);
    const Entry& first = entries_[slot.value];
    if (slot.count == 1 && !first.is_piece && first.len <= 8) {
      slot.value = static_cast<uint32_t>(first.pattern);
      slot.len = first.len;
      slot.anchor = first.anchor;
      std::memcpy(slot.ids, pool_.data() + first.pool, first.len * sizeof(uint16_t));
    }
    if ((key & 0xFFFF) != 0) {  // single-character terms use the range check instead
      FilterProbe f = FilterHash(key, bits_shift_);
      bits_[f.word] |= f.mask;
    }
    i = j;
  }
  terms_.clear();
  terms_.shrink_to_fit();
  protected_.clear();
  protected_.shrink_to_fit();
  compiled_ = true;
  return Status::Ok();
}

size_t ScreeningEngine::memory_bytes() const {
  return bmp_ids_.size() * 2 + astral_ids_.size() * 16 + bits_.size() * 4 +
         slots_.size() * sizeof(Slot) + entries_.size() * sizeof(Entry) + pool_.size() * 2 +
         protected_pool_.size() * 5;
}

template <bool kNormalize, typename Sink>
Status ScreeningEngine::Scan(std::string_view text, const std::vector<TextSpan>* spans,
                             Sink& sink) const {
  if (!compiled_) return FailedPrecondition("Match before Compile", "词库尚未编译");
  if (text.size() >= (uint64_t{1} << 32)) {
    return OutOfRange("text of 4 GiB or more", "文本超过 4 GiB，请分段检查");
  }
  Scanner sc(*this, text, spans != nullptr);
  size_t bad = std::string_view::npos;
  if (spans == nullptr) {
    bad = sc.Append<kNormalize>(0, text.size(), sink);
  } else {
    for (const TextSpan& span : *spans) {
      if (span.kind == TextSpan::Kind::kText) {
        bad = sc.Append<kNormalize>(span.begin, span.end, sink);
        if (bad != std::string_view::npos) break;
      } else {
        uint16_t id = span.kind == TextSpan::Kind::kBreak ? kNone : IdOf(span.cp);
        sc.AppendOne<kNormalize>(id, span.begin, sink);
      }
    }
  }
  sc.Flush<kNormalize>(true, sink);
  last_candidates_.store(sc.candidates(), std::memory_order_relaxed);
  if (bad != std::string_view::npos) {
    return InvalidArgument("invalid UTF-8 at byte offset " + std::to_string(bad),
                           "第 " + std::to_string(bad) + " 字节处不是有效的 UTF-8 编码");
  }
  return Status::Ok();
}

Status ScreeningEngine::Match(std::string_view text, const std::vector<TextSpan>* spans,
                              const std::function<void(const EngineMatch&)>& sink) const {
  auto call = [&sink](const EngineMatch& m) { sink(m); };
  if (options_.normalizer->normalizes()) return Scan<true>(text, spans, call);
  return Scan<false>(text, spans, call);
}

Result<uint64_t> ScreeningEngine::Count(std::string_view text) const {
  uint64_t count = 0;
  auto add = [&count](const EngineMatch& m) { count += m.kind == EngineMatch::Kind::kExact; };
  Status st = options_.normalizer->normalizes() ? Scan<true>(text, nullptr, add)
                                                : Scan<false>(text, nullptr, add);
  if (!st.ok()) return st;
  return count;
}

}  // namespace gongkai::screening

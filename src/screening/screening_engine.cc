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

#include "screening/utf8.h"

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#define GONGKAI_SCREEN_AVX2 1
#else
#define GONGKAI_SCREEN_AVX2 0
#endif

namespace gongkai::screening {
namespace {

constexpr uint16_t kNone = 0;
constexpr uint16_t kOtherHan = 1;
constexpr uint16_t kFirstTermId = 2;
constexpr uint16_t kNoise = 0xFFFE;
constexpr uint16_t kDrop = 0xFFFF;
constexpr uint16_t kMaxId = 0xFDE8;  // 65,000
constexpr uint32_t kSingleFlag = 0x80000000u;
constexpr int kWindow = 4096;
// Window entries past the capacity: a step of the vector decoder appends up to
// ten characters and stores sixteen lanes.
constexpr int kSpare = 32;

bool IsHan(char32_t c) {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x3FFFF) || c == 0x3007;
}

// Decodes the character at p (p < end); returns its byte length and sets *cp,
// or returns 0 when the bytes there are not valid UTF-8. The 3-byte (CJK) case
// is tested first with one mask over four bytes.
inline uint32_t DecodeOne(const unsigned char* p, const unsigned char* end, uint32_t* cp) {
  const uint32_t c = p[0];
  uint32_t w = 0;
  if (end - p >= 4) std::memcpy(&w, p, 4);  // little-endian: byte 0 in bits 0-7
  if ((w & 0xC0C0F0) == 0x8080E0) {
    const uint32_t v = ((w & 0x0F) << 12) | ((w & 0x3F00) >> 2) | ((w >> 16) & 0x3F);
    *cp = v;
    return ((v < 0x800) | ((v - 0xD800) < 0x800)) ? 0 : 3;
  }
  if (c < 0x80) {
    *cp = c;
    return 1;
  }
  if ((c & 0xF0) == 0xE0) {
    if (end - p < 3) return 0;
    const uint32_t c1 = p[1];
    const uint32_t c2 = p[2];
    const uint32_t v = ((c & 0x0F) << 12) | ((c1 & 0x3F) << 6) | (c2 & 0x3F);
    *cp = v;
    const bool ok = (((c1 & 0xC0) ^ 0x80) | ((c2 & 0xC0) ^ 0x80)) == 0 && v >= 0x800 &&
                    (v - 0xD800) >= 0x800;
    return ok ? 3 : 0;
  }
  if ((c & 0xE0) == 0xC0) {
    if (end - p < 2 || (p[1] & 0xC0) != 0x80 || c < 0xC2) return 0;
    *cp = ((c & 0x1F) << 6) | (p[1] & 0x3F);
    return 2;
  }
  if ((c & 0xF8) == 0xF0) {
    if (end - p < 4 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80 || (p[3] & 0xC0) != 0x80) {
      return 0;
    }
    const uint32_t v =
        ((c & 0x07) << 18) | ((p[1] & 0x3F) << 12) | ((p[2] & 0x3F) << 6) | (p[3] & 0x3F);
    *cp = v;
    return (v < 0x10000 || v > 0x10FFFF) ? 0 : 4;
  }
  return 0;
}

inline uint64_t HashKey(uint32_t key) { return uint64_t{key} * 0x9E3779B97F4A7C15ull; }

// The filter's hash of a bigram key. The filter is a blocked Bloom filter of
// 32-bit words: a bigram sets two bits of one word, so a test is one load
// while false positives stay near 0.05% at 10k anchors. The word comes from
// the top bits of one 32-bit multiplicative hash and the two bits from the
// top bits of another, so the vector filter computes exactly the same probe
// with two lane-wise multiplies. `shift` = 32 - log2(words).
constexpr uint32_t kWordHash = 0x9E3779B1u;
constexpr uint32_t kBitHash = 0x85EBCA77u;
struct FilterProbe {
  uint32_t word;
  uint32_t mask;
};
inline FilterProbe FilterHash(uint32_t key, int shift) {
  const uint32_t h = key * kBitHash;
  return {(key * kWordHash) >> shift, (1u << (h >> 27)) | (1u << ((h >> 22) & 31))};
}

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

// One term (or near-miss piece) indexed under an anchor.
struct ScreeningEngine::Entry {
  uint32_t pool;     // start of its ids in pool_
  int32_t pattern;   // Add index, or protected index for a piece
  uint8_t anchor;    // offset of the anchor bigram inside the term
  uint8_t len;       // characters
  uint8_t piece_at;  // for a piece: its offset inside the protected string
  uint8_t is_piece;
};

// One anchor of the open-addressed table: half a cache line. The common case,
// one term of up to 8 characters under this anchor, is stored inline, so that
// verifying a candidate usually costs one cache miss.
struct alignas(32) ScreeningEngine::Slot {
  uint32_t key = 0;    // (first id << 16) | second id; 0 = empty (ids are >= 2)
  uint32_t value = 0;  // inline: the pattern; else the first of entries_[value, value + count)
  uint32_t count = 0;
  uint8_t len = 0;     // inline term length; 0 = not inline
  uint8_t anchor = 0;  // inline term's anchor offset
  uint16_t ids[8] = {};
};

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

// The per-call window over the character stream (see the essay above).
class ScreeningEngine::Scanner {
 public:
  Scanner(const ScreeningEngine& e, std::string_view text, bool html)
      : e_(e),
        text_(text),
        html_(html),
        cap_(kWindow + 2 * e.reach_),
        id_(cap_ + kSpare),
        off_(cap_ + kSpare),
        gap_(cap_ + kSpare),
        cand_(2 * (cap_ + kSpare) + 8) {
    // A sentinel character (id 0) at index 0 makes "the previous character"
    // defined for the first real one; no term contains id 0.
    id_[0] = kNone;
    n_ = 1;
  }

  template <bool kNormalize, typename Sink>
  size_t Append(size_t b, size_t e, Sink& sink);
#if GONGKAI_SCREEN_AVX2
  template <bool kNormalize, typename Sink>
  size_t AppendAvx2(size_t b, size_t e, Sink& sink);
#endif
  template <bool kNormalize, typename Sink>
  void AppendOne(uint16_t id, uint32_t off, Sink& sink);
  template <bool kNormalize, typename Sink>
  void Flush(bool final, Sink& sink);
  uint64_t candidates() const { return candidates_; }

 private:
  template <bool kSingles>
  void Filter(int from);
#if GONGKAI_SCREEN_AVX2
  template <bool kSingles>
  void FilterAvx2();
#endif
  template <bool kNormalize, typename Sink>
  void Verify(uint32_t c, Sink& sink);
  template <typename Sink>
  void NearMiss(const Entry& en, int s, Sink& sink);
  bool GapsOk(int s, int len) const {
    for (int j = s + 1; j < s + len; ++j) {
      if (gap_[j] > e_.options_.max_gap) return false;
    }
    return true;
  }
  // The anchor key of candidate `c`.
  uint32_t KeyOf(uint32_t c) const {
    const int p = static_cast<int>(c & ~kSingleFlag);
    return (c & kSingleFlag) ? (uint32_t{id_[p]} << 16) : ((uint32_t{id_[p]} << 16) | id_[p + 1]);
  }
  // The folded code point of the character at window index j.
  char32_t FoldedAt(int j) const {
    const uint32_t off = off_[j];
    char32_t cp = 0;
    if (!(html_ && text_[off] == '&' && CharacterReferenceLength(text_, off, &cp) > 0)) {
      int len = 0;
      cp = DecodeAt(text_, off, &len);
    }
    return e_.options_.normalizer->Fold(cp);
  }
  // True when the characters [s, s + len) split into two common words.
  bool TwoCommonWords(int s, int len) const {
    if (e_.common_words_.empty()) return false;
    std::u32string chars;
    for (int j = s; j < s + len; ++j) chars.push_back(FoldedAt(j));
    for (int k = 2; k + 2 <= len; ++k) {
      if (e_.common_words_.count(chars.substr(0, k)) != 0 &&
          e_.common_words_.count(chars.substr(k)) != 0) {
        return true;
      }
    }
    return false;
  }
  // End offset of the character at window index j.
  uint32_t EndOf(int j) const {
    uint32_t off = off_[j];
    unsigned char c = static_cast<unsigned char>(text_[off]);
    if (c < 0x80) {
      if (c == '&' && html_) {
        char32_t cp;
        size_t len = CharacterReferenceLength(text_, off, &cp);
        if (len > 0) return off + static_cast<uint32_t>(len);
      }
      return off + 1;
    }
    return off + (c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2);
  }

  const ScreeningEngine& e_;
  const std::string_view text_;
  const bool html_;
  const int cap_;
  std::vector<uint16_t> id_;
  std::vector<uint32_t> off_;
  std::vector<uint8_t> gap_;
  std::vector<uint32_t> cand_;
  size_t num_cand_ = 0;
  int n_ = 0;
  int filtered_ = 1;  // characters [filtered_, n_) have not been through Filter
  uint32_t pending_gap_ = 0;
  uint64_t candidates_ = 0;
  int last_near_pattern_ = -1;
  uint32_t last_near_end_ = 0;
};

template <bool kNormalize, typename Sink>
void ScreeningEngine::Scanner::AppendOne(uint16_t id, uint32_t off, Sink& sink) {
  if (kNormalize && id >= kNoise) {
    if (id == kNoise) pending_gap_ += (pending_gap_ < 255);
    return;
  }
  id_[n_] = id;
  off_[n_] = off;
  if (kNormalize) {
    gap_[n_] = static_cast<uint8_t>(pending_gap_);
    pending_gap_ = 0;
  }
  if (++n_ >= cap_) Flush<kNormalize>(false, sink);
}

// The filter pass over the characters appended since the last one: a short
// loop of independent loads, so that many filter probes are in flight at once
// (fused into the decoding loop, the out-of-order window covered only ~12).
template <bool kSingles>
void ScreeningEngine::Scanner::Filter(int from) {
  const uint16_t* const ids = id_.data();
  const uint32_t* const bits = e_.bits_.data();
  const int shift = e_.bits_shift_;
  uint32_t* const cand = cand_.data();
  size_t nc = num_cand_;
  uint32_t prev = ids[from - 1];
  const int n = n_;  // a local: the candidate stores could alias the member
  for (int j = from; j < n; ++j) {
    const uint32_t id = ids[j];
    const FilterProbe f = FilterHash((prev << 16) | id, shift);
    cand[nc] = static_cast<uint32_t>(j - 1);
    nc += (bits[f.word] & f.mask) == f.mask;
    if (kSingles && static_cast<uint16_t>(id - e_.first_single_) < e_.num_single_) {
      cand[nc++] = static_cast<uint32_t>(j) | kSingleFlag;
    }
    prev = id;
  }
  filtered_ = n_;
  num_cand_ = nc;
}

#if GONGKAI_SCREEN_AVX2
// The same filter, eight characters per step with AVX2: both hashes by
// lane-wise multiplies, the eight filter words by one gather, the hits as a
// bit mask. Candidates come out in the scalar loop's order.
template <bool kSingles>
__attribute__((target("avx2"))) void ScreeningEngine::Scanner::FilterAvx2() {
  const uint16_t* const ids = id_.data();
  const int* const bits = reinterpret_cast<const int*>(e_.bits_.data());
  const __m128i shift = _mm_cvtsi32_si128(e_.bits_shift_);
  uint32_t* const cand = cand_.data();
  size_t nc = num_cand_;
  const int n = n_;
  const __m256i word_hash = _mm256_set1_epi32(static_cast<int>(kWordHash));
  const __m256i bit_hash = _mm256_set1_epi32(static_cast<int>(kBitHash));
  const __m256i low5 = _mm256_set1_epi32(31);
  const __m256i one = _mm256_set1_epi32(1);
  const __m256i first = _mm256_set1_epi32(e_.first_single_);
  const __m256i last = _mm256_set1_epi32(e_.num_single_ - 1);
  int j = filtered_;
  for (; j + 8 <= n; j += 8) {
    const __m256i cur =
        _mm256_cvtepu16_epi32(_mm_loadu_si128(reinterpret_cast<const __m128i*>(ids + j)));
    const __m256i prev =
        _mm256_cvtepu16_epi32(_mm_loadu_si128(reinterpret_cast<const __m128i*>(ids + j - 1)));
    const __m256i key = _mm256_or_si256(_mm256_slli_epi32(prev, 16), cur);
    const __m256i word = _mm256_srl_epi32(_mm256_mullo_epi32(key, word_hash), shift);
    const __m256i h = _mm256_mullo_epi32(key, bit_hash);
    const __m256i mask = _mm256_or_si256(
        _mm256_sllv_epi32(one, _mm256_srli_epi32(h, 27)),
        _mm256_sllv_epi32(one, _mm256_and_si256(_mm256_srli_epi32(h, 22), low5)));
    const __m256i got = _mm256_i32gather_epi32(bits, word, 4);
    const uint32_t hit = static_cast<uint32_t>(_mm256_movemask_ps(
        _mm256_castsi256_ps(_mm256_cmpeq_epi32(_mm256_and_si256(got, mask), mask))));
    uint32_t single = 0;
    if (kSingles) {
      const __m256i rel = _mm256_sub_epi32(cur, first);
      single = static_cast<uint32_t>(_mm256_movemask_ps(
          _mm256_castsi256_ps(_mm256_cmpeq_epi32(_mm256_min_epu32(rel, last), rel))));
    }
    for (uint32_t m = hit | single; m != 0; m &= m - 1) {
      const int l = __builtin_ctz(m);
      if ((hit >> l) & 1) cand[nc++] = static_cast<uint32_t>(j + l - 1);
      if (kSingles && ((single >> l) & 1)) cand[nc++] = static_cast<uint32_t>(j + l) | kSingleFlag;
    }
  }
  num_cand_ = nc;
  Filter<kSingles>(j);
}
#endif

// Decodes text_[b, e); returns npos or the offset of invalid UTF-8. This is the
// hot loop: all state lives in locals so that the stores into the window do
// not force reloads. The AVX2 variant below is taken when the CPU has it.
template <bool kNormalize, typename Sink>
size_t ScreeningEngine::Scanner::Append(size_t b, size_t e, Sink& sink) {
#if GONGKAI_SCREEN_AVX2
  if (e_.avx2_) return AppendAvx2<kNormalize>(b, e, sink);
#endif
  const auto* base = reinterpret_cast<const unsigned char*>(text_.data());
  const unsigned char* p = base + b;
  const unsigned char* const end = base + e;
  const uint16_t* const table = e_.bmp_ids_.data();
  uint16_t* const ids = id_.data();
  uint32_t* const offs = off_.data();
  uint8_t* const gaps = gap_.data();
  const int cap = cap_;
  int n = n_;
  uint32_t gap = pending_gap_;
  size_t bad = std::string_view::npos;
  while (p < end) {
    uint32_t cp;
    const uint32_t l = DecodeOne(p, end, &cp);
    if (l == 0) {
      bad = p - base;
      break;
    }
    const uint32_t id = cp < 0x10000 ? table[cp] : e_.IdOf(cp);
    const uint32_t off = static_cast<uint32_t>(p - base);
    p += l;
    if (kNormalize && id >= kNoise) {
      if (id == kNoise) gap += (gap < 255);
      continue;
    }
    ids[n] = static_cast<uint16_t>(id);
    offs[n] = off;
    if (kNormalize) {
      gaps[n] = static_cast<uint8_t>(gap);
      gap = 0;
    }
    if (++n >= cap) {
      n_ = n;
      pending_gap_ = gap;
      Flush<kNormalize>(false, sink);
      n = n_;
    }
  }
  n_ = n;
  pending_gap_ = gap;
  return bad;
}

#if GONGKAI_SCREEN_AVX2
// Append with ten 3-byte characters decoded per step: one 32-byte load (bytes
// 0-15 and 15-30), one mask test of lead and continuation bytes, two shuffles
// that gather each character's bytes into a 16-bit lane, a lane-wise check
// for overlong forms and surrogates, then ten loads from the id table. The
// leading run of valid 3-byte characters is taken; whatever follows it (ASCII,
// other lengths, invalid bytes) goes through the scalar decoder one character
// at a time. Government text is ~94% CJK in long runs, so most characters
// take the vector path.
template <bool kNormalize, typename Sink>
__attribute__((target("avx2"))) size_t ScreeningEngine::Scanner::AppendAvx2(size_t b, size_t e,
                                                                              Sink& sink) {
  const auto* base = reinterpret_cast<const unsigned char*>(text_.data());
  const unsigned char* p = base + b;
  const unsigned char* const end = base + e;
  const uint16_t* const table = e_.bmp_ids_.data();
  uint16_t* const ids = id_.data();
  uint32_t* const offs = off_.data();
  uint8_t* const gaps = gap_.data();
  const int cap = cap_;
  int n = n_;
  uint32_t gap = pending_gap_;
  size_t bad = std::string_view::npos;

  const __m256i kMask = _mm256_setr_epi8(-16, -64, -64, -16, -64, -64, -16, -64, -64, -16, -64,
                                         -64, -16, -64, -64, 0, -16, -64, -64, -16, -64, -64, -16,
                                         -64, -64, -16, -64, -64, -16, -64, -64, 0);
  const __m256i kLead = _mm256_setr_epi8(
      -32, -128, -128, -32, -128, -128, -32, -128, -128, -32, -128, -128, -32, -128, -128, 0, -32,
      -128, -128, -32, -128, -128, -32, -128, -128, -32, -128, -128, -32, -128, -128, 0);
  const __m256i kShufA = _mm256_setr_epi8(1, 0, 4, 3, 7, 6, 10, 9, 13, 12, -1, -1, -1, -1, -1, -1,
                                          1, 0, 4, 3, 7, 6, 10, 9, 13, 12, -1, -1, -1, -1, -1, -1);
  const __m256i kShufB = _mm256_setr_epi8(2, -1, 5, -1, 8, -1, 11, -1, 14, -1, -1, -1, -1, -1, -1,
                                          -1, 2, -1, 5, -1, 8, -1, 11, -1, 14, -1, -1, -1, -1, -1,
                                          -1, -1);
  const __m256i kLow4 = _mm256_set1_epi16(0x0F00);
  const __m256i kLow6 = _mm256_set1_epi16(0x003F);
  const __m256i kTop5 = _mm256_set1_epi16(static_cast<int16_t>(0xF800));
  const __m256i kSurrogate = _mm256_set1_epi16(static_cast<int16_t>(0xD800));
  const __m256i kStep0 = _mm256_setr_epi32(0, 3, 6, 9, 12, 15, 18, 21);
  const __m256i kStep1 = _mm256_setr_epi32(24, 27, 30, 33, 36, 39, 42, 45);

  auto put = [&](uint32_t id, uint32_t off) {
    if (kNormalize && id >= kNoise) {
      if (id == kNoise) gap += (gap < 255);
      return;
    }
    ids[n] = static_cast<uint16_t>(id);
    offs[n] = off;
    if (kNormalize) {
      gaps[n] = static_cast<uint8_t>(gap);
      gap = 0;
    }
    ++n;
  };
  auto flush_if_full = [&] {
    if (n >= cap) {
      n_ = n;
      pending_gap_ = gap;
      Flush<kNormalize>(false, sink);
      n = n_;
    }
  };
  while (p < end) {
    if (end - p >= 32) {
      const __m256i v = _mm256_inserti128_si256(
          _mm256_castsi128_si256(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p))),
          _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 15)), 1);
      const uint32_t shape = static_cast<uint32_t>(
          _mm256_movemask_epi8(_mm256_cmpeq_epi8(_mm256_and_si256(v, kMask), kLead)));
      const __m256i a = _mm256_shuffle_epi8(v, kShufA);
      const __m256i c = _mm256_shuffle_epi8(v, kShufB);
      const __m256i cp = _mm256_or_si256(
          _mm256_or_si256(_mm256_slli_epi16(_mm256_and_si256(a, kLow4), 4),
                          _mm256_slli_epi16(_mm256_and_si256(a, kLow6), 6)),
          _mm256_and_si256(c, kLow6));
      const __m256i top = _mm256_and_si256(cp, kTop5);
      const uint32_t wrong = static_cast<uint32_t>(_mm256_movemask_epi8(
          _mm256_or_si256(_mm256_cmpeq_epi16(top, _mm256_setzero_si256()),
                          _mm256_cmpeq_epi16(top, kSurrogate))));
      // Per 16-byte half: whole 3-byte sequences at its start (ctz / 3 for
      // 0..16), cut at the first overlong or surrogate lane; lanes 5-7 of
      // each half are zero, hence "wrong", so each count is at most 5.
      const uint32_t k0 = std::min((static_cast<uint32_t>(__builtin_ctz(~shape | 0x10000)) * 11) >> 5,
                                   static_cast<uint32_t>(__builtin_ctz(wrong | 0x10000)) >> 1);
      const uint32_t k1 = std::min((static_cast<uint32_t>(__builtin_ctz(~(shape >> 16))) * 11) >> 5,
                                   static_cast<uint32_t>(__builtin_ctz(wrong >> 16 | 0x10000)) >> 1);
      const uint32_t k = k0 < 5 ? k0 : 5 + k1;
      if (k != 0) {
        const uint32_t off = static_cast<uint32_t>(p - base);
        if (k == 10) {
          // Ten independent scalar loads from the id table (a gather was
          // slower here: it waits for all eight of its loads).
          const __m128i lo = _mm256_castsi256_si128(cp);
          const __m128i hi = _mm256_extracti128_si256(cp, 1);
          const uint64_t q0 = static_cast<uint64_t>(_mm_cvtsi128_si64(lo));
          const uint64_t q1 = static_cast<uint64_t>(_mm_cvtsi128_si64(hi));
          const uint32_t i0 = table[q0 & 0xFFFF];
          const uint32_t i1 = table[(q0 >> 16) & 0xFFFF];
          const uint32_t i2 = table[(q0 >> 32) & 0xFFFF];
          const uint32_t i3 = table[q0 >> 48];
          const uint32_t i4 = table[static_cast<uint32_t>(_mm_extract_epi16(lo, 4))];
          const uint32_t i5 = table[q1 & 0xFFFF];
          const uint32_t i6 = table[(q1 >> 16) & 0xFFFF];
          const uint32_t i7 = table[(q1 >> 32) & 0xFFFF];
          const uint32_t i8 = table[q1 >> 48];
          const uint32_t i9 = table[static_cast<uint32_t>(_mm_extract_epi16(hi, 4))];
          // With normalisation: bit 16 set when some id is kNoise or kDrop.
          const bool plain = !kNormalize || (((i0 + 2) | (i1 + 2) | (i2 + 2) | (i3 + 2) |
                                              (i4 + 2) | (i5 + 2) | (i6 + 2) | (i7 + 2) |
                                              (i8 + 2) | (i9 + 2)) >> 16) == 0;
          if (plain) {
            // Four ids per 64-bit store.
            const uint64_t w0 = i0 | (i1 << 16) | (uint64_t{i2} << 32) | (uint64_t{i3} << 48);
            const uint64_t w1 = i4 | (i5 << 16) | (uint64_t{i6} << 32) | (uint64_t{i7} << 48);
            const uint32_t w2 = i8 | (i9 << 16);
            std::memcpy(ids + n, &w0, 8);
            std::memcpy(ids + n + 4, &w1, 8);
            std::memcpy(ids + n + 8, &w2, 4);
            const __m256i o = _mm256_set1_epi32(static_cast<int>(off));
            _mm256_storeu_si256(reinterpret_cast<__m256i*>(offs + n), _mm256_add_epi32(o, kStep0));
            _mm256_storeu_si256(reinterpret_cast<__m256i*>(offs + n + 8),
                                _mm256_add_epi32(o, kStep1));
            if (kNormalize) {
              _mm_storeu_si128(reinterpret_cast<__m128i*>(gaps + n),
                               _mm_cvtsi32_si128(static_cast<int>(gap)));
              gap = 0;
            }
            n += 10;
          } else {
            const uint32_t i[10] = {i0, i1, i2, i3, i4, i5, i6, i7, i8, i9};
            for (uint32_t j = 0; j < 10; ++j) put(i[j], off + 3 * j);
          }
          p += 30;
          flush_if_full();
          continue;
        }
        alignas(32) uint16_t lanes[16];
        _mm256_store_si256(reinterpret_cast<__m256i*>(lanes), cp);
        for (uint32_t j = 0; j < k; ++j) put(table[lanes[j < 5 ? j : j + 3]], off + 3 * j);
        p += 3 * k;
        flush_if_full();
      }
    }
    uint32_t cp;
    const uint32_t l = DecodeOne(p, end, &cp);
    if (l == 0) {
      bad = p - base;
      break;
    }
    put(cp < 0x10000 ? table[cp] : e_.IdOf(cp), static_cast<uint32_t>(p - base));
    p += l;
    flush_if_full();
  }
  n_ = n;
  pending_gap_ = gap;
  return bad;
}
#endif

template <bool kNormalize, typename Sink>
void ScreeningEngine::Scanner::Flush(bool final, Sink& sink) {
#if GONGKAI_SCREEN_AVX2
  if (e_.avx2_) {
    if (e_.num_single_ != 0) {
      FilterAvx2<true>();
    } else {
      FilterAvx2<false>();
    }
  } else
#endif
      if (e_.num_single_ != 0) {
    Filter<true>(filtered_);
  } else {
    Filter<false>(filtered_);
  }
  const int limit = final ? n_ : n_ - e_.reach_;
  size_t kept = 0;
  for (size_t i = 0; i < num_cand_; ++i) {
    const uint32_t c = cand_[i];
    if (static_cast<int>(c & ~kSingleFlag) > limit) {
      cand_[kept++] = c;
      continue;
    }
    Verify<kNormalize>(c, sink);
  }
  candidates_ += num_cand_ - kept;
  num_cand_ = kept;
  if (final) return;
  const int keep = std::min(n_, 2 * e_.reach_);
  const int shift = n_ - keep;
  std::memmove(id_.data(), id_.data() + shift, keep * sizeof(uint16_t));
  std::memmove(off_.data(), off_.data() + shift, keep * sizeof(uint32_t));
  if (kNormalize) std::memmove(gap_.data(), gap_.data() + shift, keep);
  for (size_t i = 0; i < num_cand_; ++i) cand_[i] -= shift;
  n_ = keep;
  filtered_ = keep;
}

template <bool kNormalize, typename Sink>
void ScreeningEngine::Scanner::Verify(uint32_t c, Sink& sink) {
  const int p = static_cast<int>(c & ~kSingleFlag);
  const Slot* slot = e_.Find(KeyOf(c));
  if (slot == nullptr) return;
  if (slot->len != 0) {  // the inline term
    const int s = p - slot->anchor;
    const int len = slot->len;
    if (s < 0 || s + len > n_) return;
    if (std::memcmp(id_.data() + s, slot->ids, len * sizeof(uint16_t)) != 0) return;
    if (kNormalize && !GapsOk(s, len)) return;
    sink(EngineMatch{EngineMatch::Kind::kExact, static_cast<int>(slot->value), off_[s],
                     EndOf(s + len - 1)});
    return;
  }
  const Entry* en = e_.entries_.data() + slot->value;
  const Entry* en_end = en + slot->count;
  for (; en != en_end; ++en) {
    const int s = p - en->anchor;
    const int len = en->len;
    if (s < 0 || s + len > n_) continue;
    if (std::memcmp(id_.data() + s, e_.pool_.data() + en->pool, len * sizeof(uint16_t)) != 0) {
      continue;
    }
    if (kNormalize && !GapsOk(s, len)) continue;
    if (en->is_piece) {
      NearMiss(*en, s, sink);
      continue;
    }
    sink(EngineMatch{EngineMatch::Kind::kExact, en->pattern, off_[s], EndOf(s + len - 1)});
  }
}

// Tests the windows around a verified piece for one interior edit of its
// protected string.
template <typename Sink>
void ScreeningEngine::Scanner::NearMiss(const Entry& en, int s, Sink& sink) {
  const uint16_t* P = e_.pool_.data() + e_.protected_pool_[en.pattern];
  const int m = e_.protected_len_[en.pattern];
  const int s0 = s - en.piece_at;
  for (int start = s0 - 1; start <= s0 + 1; ++start) {
    for (int len = m - 1; len <= m + 1; ++len) {
      if (start < 0 || start + len > n_) continue;
      if (!GapsOk(start, len)) continue;
      const uint16_t* T = id_.data() + start;
      int a = 0;  // common prefix
      while (a < len && a < m && T[a] == P[a]) ++a;
      int b = 0;  // common suffix
      while (b < len && b < m && T[len - 1 - b] == P[m - 1 - b]) ++b;
      bool hit = false;
      if (len == m) {
        if (a == m) continue;  // the protected string itself
        // One substitution at a (interior, by a Han character), or a swap.
        if (a >= 1 && a <= m - 2 && a + b == m - 1 && T[a] != kNone) hit = true;
        if (!hit && a >= 1 && a + 1 <= m - 2 && a + b == m - 2 && T[a] == P[a + 1] &&
            T[a + 1] == P[a]) {
          hit = true;
        }
        // Two ordinary words meeting (人才 + 政府 against 人民政府, 依法 + 中国
        // against 依法治国) rather than a slip inside a short fixed string.
        if (hit && m <= 5 && TwoCommonWords(start, len)) hit = false;
      } else if (len == m - 1) {
        // P[i] deleted: T[0,i) = P[0,i), T[i,m-1) = P[i+1,m). Only in strings of
        // 6+ characters and with 2+ intact characters on each side: a shorter
        // remainder is mostly two ordinary words meeting (个人 + 政府 → 人政府).
        hit = m >= 6 && std::max(2, m - 1 - b) <= std::min(a, m - 3);
      } else {
        // T[i] inserted: T[0,i) = P[0,i), T[i+1,m+1) = P[i,m); same limits as
        // for deletions.
        int lo = std::max(2, m - b);
        int hi = m >= 6 ? std::min(a, m - 2) : -1;
        for (int i = lo; i <= hi && !hit; ++i) hit = T[i] != kNone;
      }
      if (!hit) continue;
      const uint32_t from = off_[start];
      const uint32_t to = EndOf(start + len - 1);
      // Several intact pieces find the same slip: report it once.
      if (en.pattern == last_near_pattern_ && from < last_near_end_) return;
      last_near_pattern_ = en.pattern;
      last_near_end_ = to;
      sink(EngineMatch{EngineMatch::Kind::kNearMiss, en.pattern, from, to});
      return;
    }
  }
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

#pragma once
// Private to screening_engine.cc (included there only): the per-call window
// over the character stream and its scalar loops; the AVX2 loops are in
// scanner_avx2.h. See the essay at the top of screening_engine.cc.

#include <algorithm>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "screening/engine_internal.h"
#include "screening/utf8.h"

namespace gongkai::screening {

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
  __attribute__((target("avx2"))) size_t AppendAvx2(size_t b, size_t e, Sink& sink);
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
  __attribute__((target("avx2"))) void FilterAvx2();
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

}  // namespace gongkai::screening

#include "screening/scanner_avx2.h"  // IWYU pragma: keep

#pragma once
// Private to screening_engine.cc (included by scanner.h only): the AVX2
// variants of the Scanner's decode and filter loops, chosen at run time.

#include "screening/scanner.h"

namespace gongkai::screening {

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
    const __m256i mask =
        _mm256_or_si256(_mm256_sllv_epi32(one, _mm256_srli_epi32(h, 27)),
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

  const __m256i kMask = _mm256_setr_epi8(-16, -64, -64, -16, -64, -64, -16, -64, -64, -16, -64, -64,
                                         -16, -64, -64, 0, -16, -64, -64, -16, -64, -64, -16, -64,
                                         -64, -16, -64, -64, -16, -64, -64, 0);
  const __m256i kLead = _mm256_setr_epi8(
      -32, -128, -128, -32, -128, -128, -32, -128, -128, -32, -128, -128, -32, -128, -128, 0, -32,
      -128, -128, -32, -128, -128, -32, -128, -128, -32, -128, -128, -32, -128, -128, 0);
  const __m256i kShufA = _mm256_setr_epi8(1, 0, 4, 3, 7, 6, 10, 9, 13, 12, -1, -1, -1, -1, -1, -1,
                                          1, 0, 4, 3, 7, 6, 10, 9, 13, 12, -1, -1, -1, -1, -1, -1);
  const __m256i kShufB =
      _mm256_setr_epi8(2, -1, 5, -1, 8, -1, 11, -1, 14, -1, -1, -1, -1, -1, -1, -1, 2, -1, 5, -1, 8,
                       -1, 11, -1, 14, -1, -1, -1, -1, -1, -1, -1);
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
      const __m256i cp =
          _mm256_or_si256(_mm256_or_si256(_mm256_slli_epi16(_mm256_and_si256(a, kLow4), 4),
                                          _mm256_slli_epi16(_mm256_and_si256(a, kLow6), 6)),
                          _mm256_and_si256(c, kLow6));
      const __m256i top = _mm256_and_si256(cp, kTop5);
      const uint32_t wrong = static_cast<uint32_t>(_mm256_movemask_epi8(_mm256_or_si256(
          _mm256_cmpeq_epi16(top, _mm256_setzero_si256()), _mm256_cmpeq_epi16(top, kSurrogate))));
      // Per 16-byte half: whole 3-byte sequences at its start (ctz / 3 for
      // 0..16), cut at the first overlong or surrogate lane; lanes 5-7 of
      // each half are zero, hence "wrong", so each count is at most 5.
      const uint32_t k0 =
          std::min((static_cast<uint32_t>(__builtin_ctz(~shape | 0x10000)) * 11) >> 5,
                   static_cast<uint32_t>(__builtin_ctz(wrong | 0x10000)) >> 1);
      const uint32_t k1 =
          std::min((static_cast<uint32_t>(__builtin_ctz(~(shape >> 16))) * 11) >> 5,
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
          // Four ids per 64-bit word.
          const uint64_t w0 = i0 | (i1 << 16) | (uint64_t{i2} << 32) | (uint64_t{i3} << 48);
          const uint64_t w1 = i4 | (i5 << 16) | (uint64_t{i6} << 32) | (uint64_t{i7} << 48);
          const uint32_t w2 = i8 | (i9 << 16);
          // With normalisation: is some id kNoise or kDrop (0xFFFE, 0xFFFF)? Such
          // a lane is all ones after OR-ing 1 in, i.e. zero after negation; the
          // exact SWAR has-zero-lane test finds it. (A plain OR of the ten ids
          // made GCC assemble them in a vector through the stack.)
          bool plain = true;
          if (kNormalize) {
            constexpr uint64_t kOnes = 0x0001000100010001ull;
            constexpr uint64_t kHigh = 0x8000800080008000ull;
            const uint64_t z0 = ~(w0 | kOnes);
            const uint64_t z1 = ~(w1 | kOnes);
            const uint64_t z2 = ~(uint64_t{w2} | kOnes);  // lanes 2-3 become 0xFFFE
            plain =
                ((((z0 - kOnes) & ~z0) | ((z1 - kOnes) & ~z1) | ((z2 - kOnes) & ~z2)) & kHigh) == 0;
          }
          if (plain) {
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
            p += 30;
            flush_if_full();
            continue;
          }
          // Noise or zero-width characters among the ten: one at a time below.
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

}  // namespace gongkai::screening

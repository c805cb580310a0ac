#pragma once
// Private to screening_engine.cc (included there only): the id constants,
// the scalar UTF-8 step, the filter hash and the compiled table entries of
// ScreeningEngine. See the essay at the top of screening_engine.cc.

#include <cstdint>
#include <cstring>

#include "screening/screening_engine.h"

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
    const bool ok =
        (((c1 & 0xC0) ^ 0x80) | ((c2 & 0xC0) ^ 0x80)) == 0 && v >= 0x800 && (v - 0xD800) >= 0x800;
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

}  // namespace gongkai::screening

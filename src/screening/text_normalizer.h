#pragma once
// The normalisation (规范化) of screening: one code point → one code point map,
// folded into the engine's character table at Compile time so that it costs
// nothing per character while scanning.

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace gongkai::screening {

// Fold result meaning "remove this character entirely" (zero-width and format
// characters, soft hyphen, BOM): it neither matches nor breaks a match.
inline constexpr char32_t kDropChar = 0xFFFFFFFF;

// A code point → code point folding table plus the set of noise characters.
//
// Default() composes, in this order:
//   1. ICU's NFKC_Casefold on each single code point: full-width → half-width
//      (incl. U+3000 → space), case folding, compatibility ideographs
//      (U+F900–FAFF, U+2F800–2FA1F) → unified ideographs, circled /
//      parenthesised / full-stop number and letter styles (①⑴⒈㈠ⓐ⒜),
//      mathematical alphanumerics, super/subscripts, Kangxi radicals; results
//      of several characters are kept only when stripping "()." leaves one.
//   2. OpenCC's character-level traditional → simplified table
//      (/usr/share/opencc/TSCharacters.ocd2 from Debian's libopencc-data,
//      first candidate; e.g. 後→后, 陸→陆), loaded once per process.
//   3. Extras ICU leaves alone: ⓿❶–❾➀–➓ digit styles, ○ → 〇 (dates such as
//      二○二四), and zero-width characters (U+200B–200F, U+2060–2064, U+FEFF,
//      U+00AD, U+180E) → kDropChar.
// Noise (干扰字符) are folded characters that may sit between two characters
// of a term (bounded by the engine's max_gap): whitespace and decorative
// symbols (* # @ ~ _ - ^ | ` · • ★ ☆ ※ ◆ ◇ ■ □ ♥ …), never ，。、 or other
// punctuation that ends a phrase.
// Immutable after construction; safe to share between threads.
class TextNormalizer {
 public:
  // The publishing table described above, built on first use (~50 ms) and
  // shared by the whole process.
  static const TextNormalizer& Default();
  // No folding, no dropped characters and no noise: what byte-level engines
  // such as Hyperscan see (the benchmark's --count mode).
  static const TextNormalizer& Identity();

  // The folded form of `cp`, or kDropChar.
  char32_t Fold(char32_t cp) const { return cp < fold_.size() ? fold_[cp] : cp; }
  // True when the folded character `cp` may be skipped between term characters.
  bool IsNoise(char32_t folded) const;
  // Folds every character of valid UTF-8 `text`, dropping kDropChar ones and,
  // when `drop_noise`, noise too. Used for terms and in tests.
  std::string FoldString(std::string_view text, bool drop_noise) const;

  bool normalizes() const { return normalizes_; }
  // The code points above U+FFFF whose fold is not themselves, with their fold.
  const std::vector<std::pair<char32_t, char32_t>>& astral_folds() const { return astral_folds_; }
  // Number of traditional → simplified pairs taken from OpenCC (0 if its data
  // file could not be read; matching then works without that folding).
  size_t traditional_pairs() const { return traditional_pairs_; }

 private:
  TextNormalizer() = default;
  std::vector<char32_t> fold_;  // indexed by code point, up to U+2FFFF
  std::vector<std::pair<char32_t, char32_t>> astral_folds_;
  bool normalizes_ = false;
  size_t traditional_pairs_ = 0;
};

}  // namespace gongkai::screening

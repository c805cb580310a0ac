#include "screening/text_normalizer.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <cstdio>
#include <cstdlib>
#include <exception>
#include <memory>

#include "Lexicon.hpp"
#include "MarisaDict.hpp"
#include "screening/utf8.h"

namespace gongkai::screening {
namespace {

constexpr char32_t kTableSize = 0x30000;

// Applies NFKC_Casefold to every code point that is not already normalised.
void FoldWithIcu(std::vector<char32_t>& fold) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCCasefoldInstance(status);
  if (U_FAILURE(status) || nfkc == nullptr) return;
  for (char32_t cp = 0; cp < kTableSize; ++cp) {
    if (cp >= 0xD800 && cp <= 0xDFFF) continue;
    if (nfkc->isInert(static_cast<UChar32>(cp))) continue;
    icu::UnicodeString in(static_cast<UChar32>(cp));
    status = U_ZERO_ERROR;
    icu::UnicodeString out = nfkc->normalize(in, status);
    if (U_FAILURE(status)) continue;
    std::u32string chars;
    for (int32_t i = 0; i < out.length(); i = out.moveIndex32(i, 1)) {
      chars.push_back(static_cast<char32_t>(out.char32At(i)));
    }
    if (chars.empty()) {
      fold[cp] = kDropChar;
      continue;
    }
    if (chars.size() > 1) {
      // ⑴ → "(1)", ⒈ → "1.", ㈠ → "(一)": keep the one meaningful character.
      std::u32string core;
      for (char32_t c : chars) {
        if (c != U'(' && c != U')' && c != U'.') core.push_back(c);
      }
      if (core.size() != 1) continue;
      chars = core;
    }
    fold[cp] = chars[0];
  }
}

// Reads OpenCC's character table; returns the number of pairs applied.
size_t FoldTraditional(std::vector<char32_t>& fold) {
  const char* dir = std::getenv("GONGKAI_OPENCC_DIR");
  std::string path = std::string(dir != nullptr && *dir != '\0' ? dir : "/usr/share/opencc") +
                     "/TSCharacters.ocd2";
  FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) return 0;
  std::vector<std::pair<char32_t, char32_t>> pairs;
  try {
    opencc::MarisaDictPtr dict = opencc::MarisaDict::NewFromFile(f);
    for (const auto& entry : *dict->GetLexicon()) {
      std::string key = entry->Key();
      std::string value = entry->GetDefault();
      if (key.empty() || value.empty() || FindInvalidUtf8(key) != std::string::npos ||
          FindInvalidUtf8(value) != std::string::npos) {
        continue;
      }
      int kl = 0;
      int vl = 0;
      char32_t k = DecodeAt(key, 0, &kl);
      char32_t v = DecodeAt(value, 0, &vl);
      if (static_cast<size_t>(kl) != key.size() || static_cast<size_t>(vl) != value.size()) {
        continue;  // not a single character on both sides
      }
      pairs.emplace_back(k, v);
    }
  } catch (...) {
    // OpenCC reports a corrupt file with an exception; none may leave this module.
    pairs.clear();
  }
  std::fclose(f);
  if (pairs.empty()) return 0;
  // Compose with step 1: a code point first takes its NFKC form (a compatibility
  // ideograph its unified one), then that form's simplified character.
  std::vector<char32_t> direct(kTableSize);
  for (char32_t cp = 0; cp < kTableSize; ++cp) direct[cp] = cp;
  size_t applied = 0;
  for (auto [k, v] : pairs) {
    if (k >= kTableSize || k == v) continue;
    direct[k] = v;
    ++applied;
  }
  for (char32_t cp = 0; cp < kTableSize; ++cp) {
    char32_t f1 = fold[cp];
    if (f1 != kDropChar && f1 < kTableSize) fold[cp] = direct[f1];
  }
  return applied;
}

void AddExtras(std::vector<char32_t>& fold) {
  fold[0x24FF] = U'0';  // ⓿
  for (char32_t i = 0; i < 9; ++i) {
    fold[0x2776 + i] = U'1' + i;  // ❶–❾
    fold[0x2780 + i] = U'1' + i;  // ➀–➈
    fold[0x278A + i] = U'1' + i;  // ➊–➒
  }
  fold[0x25CB] = 0x3007;  // ○ → 〇
  for (char32_t cp : {0x200Bu, 0x200Cu, 0x200Du, 0x200Eu, 0x200Fu, 0x2060u, 0x2061u, 0x2062u,
                      0x2063u, 0x2064u, 0xFEFFu, 0x00ADu, 0x180Eu}) {
    fold[cp] = kDropChar;
  }
}

}  // namespace

const TextNormalizer& TextNormalizer::Default() {
  static const TextNormalizer* table = [] {
    auto* t = new TextNormalizer();
    t->fold_.resize(kTableSize);
    for (char32_t cp = 0; cp < kTableSize; ++cp) t->fold_[cp] = cp;
    FoldWithIcu(t->fold_);
    t->traditional_pairs_ = FoldTraditional(t->fold_);
    AddExtras(t->fold_);
    for (char32_t cp = 0x10000; cp < kTableSize; ++cp) {
      if (t->fold_[cp] != cp) t->astral_folds_.emplace_back(cp, t->fold_[cp]);
    }
    t->normalizes_ = true;
    return t;
  }();
  return *table;
}

const TextNormalizer& TextNormalizer::Identity() {
  static const TextNormalizer* table = new TextNormalizer();
  return *table;
}

bool TextNormalizer::IsNoise(char32_t c) const {
  if (!normalizes_) return false;
  switch (c) {
    case U' ':
    case U'\t':
    case U'\n':
    case U'\r':
    case U'\v':
    case U'\f':
    case U'*':
    case U'#':
    case U'@':
    case U'~':
    case U'_':
    case U'-':
    case U'^':
    case U'|':
    case U'`':
    case U'+':
    case U'=':
    case 0x00B7:
    case 0x2022:
    case 0x2027:
    case 0x30FB:  // middle dots, bullets
    case 0x2605:
    case 0x2606:
    case 0x203B:
    case 0x25C6:
    case 0x25C7:
    case 0x25A0:
    case 0x25A1:
    case 0x25B2:
    case 0x25B3:
    case 0x25CF:
    case 0x2665:
    case 0x2661:
    case 0x2764:
    case 0x273F:
    case 0x2740:
    case 0x2666:
    case 0x2663:
    case 0x2660:
      return true;
    default:
      return false;
  }
}

std::string TextNormalizer::FoldString(std::string_view text, bool drop_noise) const {
  std::string out;
  for (size_t i = 0; i < text.size();) {
    int len = 0;
    char32_t c = Fold(DecodeAt(text, i, &len));
    i += len;
    if (c == kDropChar || (drop_noise && IsNoise(c))) continue;
    AppendUtf8(c, &out);
  }
  return out;
}

}  // namespace gongkai::screening

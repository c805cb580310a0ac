#pragma once
// Screening of drafts and published pages (发布前检查、全站扫描): dictionary
// terms, near misses of protected strings and personal data, with allow-list
// suppression and offsets into the original text.

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/result.h"
#include "screening/dictionary.h"
#include "screening/screening_engine.h"

namespace gongkai::screening {

struct ScreenOptions {
  bool normalize = true;  // TextNormalizer::Default() vs Identity()
  int max_gap = 2;        // noise characters allowed between term characters
  bool near_miss = true;  // near-miss detection for 保护 entries
  bool privacy = true;    // personal data validators
};

enum class InputFormat { kText, kHtml };

// One problem found, located in the original text.
struct Finding {
  Category category = Category::kCustom;  // kNearMiss / kPrivacy for generated ones
  Severity severity = Severity::kWarning;
  std::string term;        // dictionary term, protected string, or privacy type name
  std::string suggestion;  // right form, protected form, or masked value
  std::string original;    // the text as published
  std::string note;
  uint32_t byte_begin = 0;  // [byte_begin, byte_end) of the original
  uint32_t byte_end = 0;
  uint32_t char_begin = 0;  // code points from the start
  uint32_t char_end = 0;
  uint32_t line = 1;    // 1-based; lines end at '\n'
  uint32_t column = 1;  // 1-based, in code points
};

struct ScreenReport {
  std::vector<Finding> all;       // every match after allow-list suppression, overlaps included
  std::vector<Finding> findings;  // leftmost-longest non-overlapping subset, for display
  bool has_error = false;         // some finding has severity error
};

// A compiled set of dictionaries. Immutable after Create; Screen may run
// concurrently from many threads.
class Screener {
 public:
  // Compiles `entries` (all categories; 允许 and 保护 included). `sample` is
  // optional text for anchor selection (see ScreeningEngine::Compile).
  // kInvalidArgument naming the first bad entry's source.
  static Result<std::unique_ptr<Screener>> Create(std::vector<DictionaryEntry> entries,
                                                  ScreenOptions options,
                                                  std::string_view sample = {});

  // Screens `text` as of `document_date` (entries outside their validity are
  // ignored). kInvalidArgument with the byte offset for invalid UTF-8.
  Result<ScreenReport> Screen(std::string_view text, InputFormat format,
                              const Date& document_date) const;

  // `text` with every personal-data finding of `report` replaced by its masked
  // form (other findings are left for people to fix).
  static std::string Mask(std::string_view text, const ScreenReport& report);

  size_t num_entries() const { return entries_.size(); }
  const ScreeningEngine& engine() const { return *engine_; }

 private:
  Screener() = default;
  enum class Role : uint8_t { kReport, kAllow, kProtected };
  std::vector<DictionaryEntry> entries_;
  std::vector<Role> roles_;           // by engine pattern index (= entry index)
  std::vector<int> protected_entry_;  // protected index → entry index
  ScreenOptions options_;
  std::unique_ptr<ScreeningEngine> engine_;
};

}  // namespace gongkai::screening

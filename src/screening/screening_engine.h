#pragma once
// The multi-term matching automaton of screening (错敏词检测), in re2's Set
// shape: Add terms, Compile once, then Match any number of texts.

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/result.h"
#include "core/status.h"
#include "screening/html_reader.h"
#include "screening/text_normalizer.h"

namespace gongkai::screening {

struct EngineOptions {
  // The folding applied to terms and text alike; not owned, must outlive the
  // engine. TextNormalizer::Identity() gives byte-exact literal matching.
  const TextNormalizer* normalizer = &TextNormalizer::Default();
  // Noise characters allowed between two consecutive characters of a term
  // (only when the normalizer has noise; 0 disables skipping).
  int max_gap = 2;
  // Decode and filter with AVX2 when the CPU has it. Off only
  // in tests and benchmarks that compare the vector path with the scalar one;
  // both give identical results.
  bool vector_decode = true;
};

// One occurrence found by Match. Offsets are bytes of the original text.
struct EngineMatch {
  enum class Kind : uint8_t {
    kExact,     // `pattern` is an index returned by Add
    kNearMiss,  // `pattern` is an index returned by AddProtected
  };
  Kind kind = Kind::kExact;
  int pattern = 0;
  uint32_t begin = 0;
  uint32_t end = 0;
};

// Finds all overlapping occurrences of up to millions of terms in UTF-8 text,
// one step per character, with normalisation folded into the character table,
// bounded noise skipping and near-miss detection for protected strings. See
// the essay at the top of screening_engine.cc.
// Add/AddProtected/Compile are not thread-safe; after Compile the engine is
// immutable and Match/Count may run concurrently from any number of threads.
class ScreeningEngine {
 public:
  explicit ScreeningEngine(EngineOptions options = {});
  ~ScreeningEngine();
  ScreeningEngine(const ScreeningEngine&) = delete;
  ScreeningEngine& operator=(const ScreeningEngine&) = delete;

  // Adds a term (valid UTF-8). Returns its index (0, 1, …, in order of adding).
  // kInvalidArgument when it is invalid UTF-8, empty after folding, longer than
  // kMaxTermChars characters, or when called after Compile.
  Result<int> Add(std::string_view term);
  // Adds a protected string (保护词: a fixed formulation or an agency name).
  // Text within one interior edit of it is reported as kNearMiss: a
  // substitution by a Han character or an adjacent transposition not touching
  // its first or last character, or - for strings of 6+ characters - an
  // insertion or deletion with 2+ intact characters on each side. Strings
  // under 4 characters are accepted and never produce near misses. Returns
  // its own index (0, 1, …); errors as Add.
  Result<int> AddProtected(std::string_view term);
  // Adds a common word (常用词, e.g. 人才, 政府). A substitution or transposition
  // near miss of a protected string of 4 or 5 characters is not reported when
  // the text splits into two common words (人才 + 政府 is not a slip of 人民政府;
  // 扫黑 + 险恶 still is one of 扫黑除恶, 扫黑 being rare). Errors as Add.
  Status AddCommonWord(std::string_view word);

  // Builds the automaton. `frequency_sample` is text like the texts to come;
  // its bigram counts choose each term's rarest anchor. Without one, anchors
  // are ranked by how many terms use their characters. kInvalidArgument when
  // the terms use more than 65,000 distinct characters; kFailedPrecondition
  // when called twice.
  Status Compile(std::string_view frequency_sample = {});

  // Reports every occurrence in `text` to `sink`, ordered by the position of
  // each term's anchor. With `spans` (from ReadHtml) only those parts are text.
  // kInvalidArgument naming the byte offset of the first invalid UTF-8
  // sequence (matches before it may have been reported); kFailedPrecondition
  // before Compile; kOutOfRange for texts of 4 GiB or more.
  Status Match(std::string_view text, const std::vector<TextSpan>* spans,
               const std::function<void(const EngineMatch&)>& sink) const;
  // Number of all overlapping exact occurrences (near misses excluded).
  // Errors as Match.
  Result<uint64_t> Count(std::string_view text) const;

  static constexpr int kMaxTermChars = 64;

  int num_patterns() const { return num_patterns_; }
  // Bytes of the compiled tables (what a Match reads).
  size_t memory_bytes() const;
  // Positions that passed the filter in the most recent Match/Count
  // (diagnostics for the benchmark; with concurrent calls, any one of them).
  uint64_t last_candidates() const { return last_candidates_.load(std::memory_order_relaxed); }

 private:
  struct Entry;
  struct Slot;
  class Scanner;
  template <bool kNormalize, typename Sink>
  Status Scan(std::string_view text, const std::vector<TextSpan>* spans, Sink& sink) const;

  uint16_t IdOf(char32_t cp) const;
  const Slot* Find(uint32_t key) const;
  // Home slot of an anchor key.
  uint32_t SlotOf(uint32_t key) const {
    return static_cast<uint32_t>((uint64_t{key} * 0x9E3779B97F4A7C15ull) >> 40) & slot_mask_;
  }

  EngineOptions options_;
  bool compiled_ = false;
  int num_patterns_ = 0;
  // Folded terms before Compile: patterns first, then protected strings.
  std::vector<std::u32string> terms_;
  std::vector<std::u32string> protected_;

  // The compiled automaton.
  std::vector<uint16_t> bmp_ids_;                      // code point → id, 64 Ki entries
  std::unordered_map<char32_t, uint16_t> astral_ids_;  // the few above U+FFFF
  std::vector<uint32_t> bits_;                         // anchor bigram filter
  int bits_shift_ = 32;
  std::vector<Slot> slots_;  // open-addressed: anchor key → entries
  uint32_t slot_mask_ = 0;
  std::vector<Entry> entries_;
  std::vector<uint16_t> pool_;            // id sequences of terms and protected strings
  std::vector<uint32_t> protected_pool_;  // start in pool_ of each protected string
  std::vector<uint8_t> protected_len_;
  std::unordered_set<std::u32string> common_words_;  // folded
  bool avx2_ = false;           // options_.vector_decode and the CPU has AVX2
  uint16_t first_single_ = 0;  // ids [first_single_, first_single_ + num_single_) are terms
  uint16_t num_single_ = 0;
  int reach_ = 2;                                     // characters a verification may look ahead
  mutable std::atomic<uint64_t> last_candidates_{0};  // relaxed: diagnostics only
};

}  // namespace gongkai::screening

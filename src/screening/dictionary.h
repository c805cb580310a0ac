#pragma once
// Screening dictionaries (词库): the entry type and its TSV file format.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/result.h"
#include "core/severity.h"
#include "core/status.h"

namespace gongkai::screening {

// What kind of problem a finding is. Names are the Chinese words used in the
// TSV files and in reports.
enum class Category {
  kTypo,            // 错别字: a misspelling of government writing
  kFormulation,     // 规范表述: a corrupted fixed formulation
  kOutdatedAgency,  // 过时机构名称: a name replaced in an institutional reform
  kSensitive,       // 敏感词: must not be published
  kCustom,          // 自定义: an agency's own entry
  kAllow,           // 允许: allow-list; suppresses hits it covers, never reported
  kProtected,       // 保护: near-miss detection target, never reported itself
  kNearMiss,        // 疑似错误: within one edit of a protected string (generated)
  kPrivacy,         // 隐私信息: personal data found by a validator (generated)
  kCommonWord,      // 常用词: an ordinary word; keeps two words meeting from being
                    // taken for a near miss of a short protected string
};

// core/severity.h; named here too so that screening::Severity keeps working.
using ::gongkai::Severity;
using ::gongkai::SeverityName;

const char* CategoryName(Category c);
// Accepts the Chinese names above; kInvalidArgument otherwise.
Result<Category> ParseCategory(std::string_view name);
// Accepts error|warning|info and 严重|警告|提示; kInvalidArgument otherwise.
Result<Severity> ParseSeverity(std::string_view name);

// One line of a dictionary file.
struct DictionaryEntry {
  std::string term;
  Category category = Category::kCustom;
  Severity severity = Severity::kWarning;
  std::string suggestion;          // the right form, may be empty
  std::optional<Date> valid_from;  // the entry applies to documents dated
  std::optional<Date> valid_to;    // within [valid_from, valid_to]
  std::string note;
  std::string source;  // "file:line", for messages

  // True when the entry applies to a document dated `date`.
  bool AppliesOn(const Date& date) const;
};

// Parses TSV text: one entry per line, tab-separated columns
//   term  category  severity  suggestion  valid_from  valid_to  note
// Only the term is required; missing columns take defaults (自定义, warning,
// no suggestion, always valid). Blank lines and lines starting with '#' are
// ignored. kInvalidArgument naming "<source>:<line>" for a bad category,
// severity or date, or invalid UTF-8.
Result<std::vector<DictionaryEntry>> ParseDictionary(std::string_view tsv, std::string_view source);
// Reads and parses a file; kNotFound when it cannot be read.
Result<std::vector<DictionaryEntry>> LoadDictionaryFile(const std::string& path);
// Every *.tsv file of `dir`, in name order; kNotFound when `dir` is missing.
Result<std::vector<DictionaryEntry>> LoadDictionaryDir(const std::string& dir);

// The TSV line for `entry` (no newline). Tabs and newlines inside fields are
// replaced by spaces.
std::string FormatEntry(const DictionaryEntry& entry);
// Appends `entry` to the TSV file at `path`, creating it (and its folder) with a
// header comment when missing. kInvalidArgument for an empty term;
// kUnavailable when the file cannot be written.
Status AppendEntry(const std::string& path, const DictionaryEntry& entry);

}  // namespace gongkai::screening

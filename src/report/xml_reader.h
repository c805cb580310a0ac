#pragma once
// A small pull-style XML tokenizer for the parts of OOXML packages (DOCX word/document.xml, XLSX
// sheets and shared strings). Elements, attributes, text, CDATA and the predefined and numeric
// entities; comments and processing instructions are skipped. DTDs (<!DOCTYPE …>) are refused,
// so no entity expansion can happen. Names are kept as written (with their prefix); LocalName()
// drops the prefix, which is how the OOXML readers match (w:t, t, x:c alike). Pure; never reads
// past the input; nesting deeper than 256 levels, mismatched end tags and truncated markup are
// errors (kError, with error()).

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace gongkai::report {

class XmlReader {
 public:
  enum class Token { kStart, kEnd, kText, kEof, kError };

  explicit XmlReader(std::string_view xml) : s_(xml) {}

  // The next token. After kEof or kError every call returns the same.
  Token Next();

  // kStart/kEnd: the element name as written ("w:t") and without its prefix ("t").
  std::string_view Name() const { return name_; }
  std::string_view LocalName() const;
  // kStart: an attribute's decoded value by name as written, or by local name when `name` has
  // no prefix and no attribute is spelled exactly so. Empty and false when absent.
  bool Attr(std::string_view name, std::string& value) const;
  // kText: the decoded text (entities replaced, CDATA content as is).
  const std::string& Text() const { return text_; }
  int Depth() const { return static_cast<int>(stack_.size()); }
  const std::string& error() const { return error_; }

 private:
  Token Fail(std::string msg);
  bool Decode(std::string_view raw, std::string& out);
  Token ReadTag();

  std::string_view s_;
  size_t pos_ = 0;
  bool pending_end_ = false;  // a self-closing element: its kEnd comes next
  bool done_ = false;
  Token last_ = Token::kEof;
  std::string_view name_;
  std::string text_;
  std::vector<std::pair<std::string_view, std::string>> attrs_;
  std::vector<std::string_view> stack_;
  std::string error_;
};

// Appends code point `cp` as UTF-8 (invalid ones as U+FFFD).
void AppendUtf8(std::string& out, uint32_t cp);

}  // namespace gongkai::report

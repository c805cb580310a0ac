#pragma once
// The interpreter's label tables and per-document normalised cells (interpret.cc): the template
// row labels indexed by their normalised text, the normalised text of every table cell computed
// once per document, and template detection from those labels. Internal to src/report.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "report/document.h"
#include "report/flat_label_table.h"
#include "report/report_template.h"

namespace gongkai::report::interp {

struct Place {
  int table = 0;  // 2 or 3
  int block = 0;  // table 2 only
  int row = 0;    // table-2 row within block, or table-3 row
};

struct LabelIndex {
  FlatLabelTable<Place> labels;
  std::vector<std::string> group_prefixes;  // normalised; stripped from concatenated labels
};

// The index of template `v`'s row labels and their variants (built once, thread-safe).
const LabelIndex& IndexFor(TemplateVersion v);

// Finds the row that the normalised label `n` names; group prefixes that merged headers run
// into the label (本年度办理结果…) are stripped first when the whole text is not a label.
bool Lookup(const LabelIndex& ix, std::string_view n, Place& out);
// The same without retrying with the item number ("1、") stripped.
bool LookupAsWritten(const LabelIndex& ix, std::string_view n, Place& out);

// The normalised cells of one row (see Norms).
struct NormRow {
  const std::string_view* cells = nullptr;
  const uint8_t* numeric = nullptr;
  size_t count = 0;
  size_t size() const { return count; }
  std::string_view operator[](size_t i) const { return cells[i]; }
  bool Numeric(size_t i) const { return numeric[i] != 0; }
};

// The normalised text of every cell of a table or loose row, computed once per document: views
// of the cells themselves when normalisation changes nothing (numbers, most labels), else of one
// buffer reserved up front (a normalised cell is never longer than the cell, so the buffer never
// moves), plus whether each looks numeric. No allocation per cell. Paragraph rows have no cells
// here. Views into `doc`: keep it alive.
class Norms {
 public:
  explicit Norms(const Document& doc);
  NormRow Row(size_t r) const {
    return {cells_.data() + first_[r], numeric_.data() + first_[r], first_[r + 1] - first_[r]};
  }

 private:
  std::string buf_;
  std::vector<std::string_view> cells_;
  std::vector<uint8_t> numeric_;
  std::vector<size_t> first_;
};

// 2021 or 2019 template, by votes of the labels only one of them has (`votes` > 0 for 2021,
// < 0 for 2019, 0 when nothing told them apart).
TemplateVersion DetectTemplate(const Document& doc, const Norms& norms, int& votes);

}  // namespace gongkai::report::interp

#pragma once
// The common shape every format reader produces before interpretation: a flat sequence of rows
// in reading order. A paragraph is a row with one cell; a table row keeps its cells in order
// (merged cells appear once, where HTML puts them). The interpreter (import.h) places cells by
// their labels, never by position alone, so readers need not resolve rowspan/colspan.

#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "report/annual_report.h"

namespace gongkai::report {

enum class RowKind {
  kParagraph,  // prose (or a heading)
  kTable,      // a row of a real table (HTML, Markdown, the `|` form, tab-separated text)
  kLoose,      // a plain-text line that may be a table row: label words then numbers
};

// Text that a Document's cells point into when a reader had to build it (joined lines, decoded
// entities, XML text). Its blocks never move, so the views stay valid when the Document moves.
class TextStore {
 public:
  TextStore() = default;
  TextStore(TextStore&& o) noexcept
      : blocks_(std::move(o.blocks_)),
        next_(std::exchange(o.next_, nullptr)),
        left_(std::exchange(o.left_, 0)) {}
  TextStore& operator=(TextStore&& o) noexcept {
    blocks_ = std::move(o.blocks_);
    next_ = std::exchange(o.next_, nullptr);
    left_ = std::exchange(o.left_, 0);
    return *this;
  }

  // A copy of `s` that lives as long as the store.
  std::string_view Keep(std::string_view s) {
    if (s.empty()) return {};
    if (s.size() > left_) {
      left_ = s.size() > kBlock ? s.size() : kBlock;
      blocks_.emplace_back(new char[left_]);
      next_ = blocks_.back().get();
    }
    std::memcpy(next_, s.data(), s.size());
    std::string_view out(next_, s.size());
    next_ += s.size();
    left_ -= s.size();
    return out;
  }

 private:
  static constexpr size_t kBlock = 8192;
  std::vector<std::unique_ptr<char[]>> blocks_;
  char* next_ = nullptr;
  size_t left_ = 0;
};

// Cells are views: into the text the reader was given (the line-based forms: no copy per cell),
// or into the Document's own store. Keep the reader's input alive while using the Document.
struct DocRow {
  RowKind kind = RowKind::kParagraph;
  std::vector<std::string_view> cells;  // for kParagraph: one cell, the text
  int line = 0;                         // 1-based source line (0 when unknown)
  int table = 0;                        // 1-based table number for kTable rows
  int row = 0;                          // 1-based row number inside that table
  int page = 0;                         // PDF: 1-based page (`line` is then the line on it)
  std::string_view raw;  // kLoose: the line as written (kept if it is prose after all)
};

struct Document {
  std::vector<DocRow> rows;
  TextStore store;  // text of the cells that are not views into the input
};

// A row whose cells a reader builds up piece by piece (HTML, DOCX); KeepRow copies its cells
// into a Document's store.
struct BuildRow {
  RowKind kind = RowKind::kParagraph;
  std::vector<std::string> cells;
  int line = 0, table = 0, row = 0;
};

inline DocRow KeepRow(const BuildRow& b, TextStore& store) {
  DocRow r;
  r.kind = b.kind;
  r.line = b.line;
  r.table = b.table;
  r.row = b.row;
  r.cells.reserve(b.cells.size());
  for (const auto& c : b.cells) r.cells.push_back(store.Keep(c));
  return r;
}

// Where a placed value came from (report parse --explain): the model cell (table 2: flattened
// cell index; 3: row * 7 + column; 4: column) and the source position.
struct CellSource {
  int table = 0, index = 0;
  int line = 0, doc_table = 0, doc_row = 0, page = 0, cell = 0;  // as in DocRow; cell 0-based
};

// "第3页第16行第2格", "表格2第4行第9格" or "第12行".
std::string SourcePosition(const CellSource& s);

// What an importer hands back: the report, every cell it could not place or read, and whether
// all 表二/表三/表四 cells were found. `format` is "pipe", "html", "markdown", "text", "json",
// "xlsx" or "docx".
struct ImportResult {
  AnnualReport report;
  std::vector<Finding> issues;
  bool complete = true;
  std::string format;
  std::string encoding = "UTF-8";
  std::vector<CellSource> sources;  // one per value placed from the source (Interpret only)
};

// Places the rows of `doc` into a report (template detected from the labels, or from the year).
ImportResult Interpret(const Document& doc);

// The agency named in a report without a title line ("由某局结合……", "请与某局联系",
// "某局2024年政府信息公开工作年度报告" in the preamble or section 一's opening paragraph); empty
// unless every mention agrees (agency_from_text.cc).
std::string AgencyFromText(std::string_view preamble, std::string_view section1);

// Readers (pure; input is UTF-8). The line-based readers' cells are views into `text`.
Document ReadPipeForm(std::string_view text);
Document ReadMarkdown(std::string_view text);
Document ReadPlainText(std::string_view text);
Document ReadHtml(std::string_view html);

}  // namespace gongkai::report

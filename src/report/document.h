#pragma once
// The common shape every format reader produces before interpretation: a flat sequence of rows
// in reading order. A paragraph is a row with one cell; a table row keeps its cells in order
// (merged cells appear once, where HTML puts them). The interpreter (import.h) places cells by
// their labels, never by position alone, so readers need not resolve rowspan/colspan.

#include <string>
#include <vector>

#include "report/annual_report.h"

namespace gongkai::report {

enum class RowKind {
  kParagraph,  // prose (or a heading)
  kTable,      // a row of a real table (HTML, Markdown, the `|` form, tab-separated text)
  kLoose,      // a plain-text line that may be a table row: label words then numbers
};

struct DocRow {
  RowKind kind = RowKind::kParagraph;
  std::vector<std::string> cells;  // for kParagraph: one cell, the text
  int line = 0;                    // 1-based source line (0 when unknown)
  int table = 0;                   // 1-based table number for kTable rows
  int row = 0;                     // 1-based row number inside that table
  std::string raw;                 // kLoose: the line as written (kept if it is prose after all)
};

struct Document {
  std::vector<DocRow> rows;
};

// What an importer hands back: the report, every cell it could not place or read, and whether
// all 表二/表三/表四 cells were found. `format` is "pipe", "html", "markdown", "text", "json",
// "xlsx" or "docx".
struct ImportResult {
  AnnualReport report;
  std::vector<Finding> issues;
  bool complete = true;
  std::string format;
  std::string encoding = "UTF-8";
};

// Places the rows of `doc` into a report (template detected from the labels, or from the year).
ImportResult Interpret(const Document& doc);

// The agency named in a report without a title line ("由某局结合……", "请与某局联系",
// "某局2024年政府信息公开工作年度报告" in the preamble or section 一's opening paragraph); empty
// unless every mention agrees (agency_from_text.cc).
std::string AgencyFromText(std::string_view preamble, std::string_view section1);

// Readers (pure; input is UTF-8).
Document ReadPipeForm(std::string_view text);
Document ReadMarkdown(std::string_view text);
Document ReadPlainText(std::string_view text);
Document ReadHtml(std::string_view html);

}  // namespace gongkai::report

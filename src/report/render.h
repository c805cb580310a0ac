#pragma once
// Renderers of an AnnualReport. Every textual form reads back through its importer (import.h)
// to an identical report. Pure except WriteXlsx, which writes the file it is given.

#include <string>

#include "core/result.h"
#include "core/status.h"
#include "report/annual_report.h"

namespace gongkai::report {

// Plain text: title, headings, paragraphs; table rows with cells separated by tabs.
std::string RenderText(const AnnualReport& r);
// A web page's innerText as scrapers save it: everything on one line separated by spaces, a
// table row's numbers run together after its label (「一、本年新收政府信息公开申请数量71300074」),
// table 四's separated by spaces when `table4_spaced`. Read back by run_together.h, which may
// report a row as ambiguous (I5) rather than the identical report.
std::string RenderRunTogether(const AnnualReport& r, bool table4_spaced);
// Markdown: # title, ## headings, pipe tables (merged cells written once, the rest empty).
std::string RenderMarkdown(const AnnualReport& r);
// The scraped `|` form of the seed: a line "|" starts a row, each cell is "text |", rows are
// padded with empty cells to the table's width.
std::string RenderPipeForm(const AnnualReport& r);
// A self-contained printable HTML page with the official table layout (rowspan/colspan).
std::string RenderHtml(const AnnualReport& r);
// JSON, schema "gongkai.annual_report" version 1 (docs/report-json.md).
std::string RenderJson(const AnnualReport& r);
// A DOCX (Office Open XML) document as bytes; kInternal if libzip fails.
Result<std::string> RenderDocx(const AnnualReport& r);
// Writes an XLSX workbook (one sheet per table, merged cells as in the form) to `path`.
Status WriteXlsx(const AnnualReport& r, const std::string& path);

}  // namespace gongkai::report

#pragma once
// The annual report (政府信息公开工作年度报告) as a value, and the findings that checks produce.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/severity.h"
#include "report/report_template.h"

namespace gongkai::report {

// A cell of a table. Counts are plain integers; amounts (ValueKind::kAmount, e.g. 本年收费金额 in
// 万元) are exact integers of 0.0001 万元 (= 1 元), never doubles. nullopt: the cell is empty or
// could not be read.
using Value = std::optional<int64_t>;
using Table3Line = std::array<Value, kTable3Columns>;

// One agency's report for one year. Tables are laid out by the template of `version`:
// table2 has GetTemplate(version).Table2CellCount() cells, table3 one line per template row.
// Plain value type: copyable, comparable.
struct AnnualReport {
  std::string agency;  // 樟树市工业和信息化局; empty when unknown
  int year = 0;        // the reporting year; 0 when unknown
  TemplateVersion version = TemplateVersion::k2021;
  std::string preamble;                 // text before 一、 (统计期限, contact data)
  std::array<std::string, 6> sections;  // text of 一–六, paragraphs separated by '\n'
  std::vector<Value> table2;
  std::vector<Table3Line> table3;
  std::array<Value, kTable4Columns> table4;

  friend bool operator==(const AnnualReport&, const AnnualReport&) = default;
};

// An empty report of the template: every cell nullopt, sizes right.
AnnualReport MakeEmptyReport(TemplateVersion v);
// Every cell 0.
AnnualReport MakeZeroReport(TemplateVersion v);

// "樟树市工业和信息化局2024年政府信息公开工作年度报告" (parts omitted when unknown).
std::string ReportTitle(const AnnualReport& r);
// Parses a title line back into agency and year; false when `line` is not a title.
bool ParseReportTitle(std::string_view line, std::string& agency, int& year);

// Renders a value of the given kind as the report prints it ("" for nullopt).
std::string FormatValue(const Value& v, ValueKind kind);

// core/severity.h; named here too so that report::Severity keeps working.
using ::gongkai::Severity;
using ::gongkai::SeverityChinese;
using ::gongkai::SeverityName;

// One thing wrong (or worth noting) about a report.
//   rule: "R1".."R7", "R8.1" (上年结转 vs last year), "R8.2" (现行有效 roll-forward),
//         "R8.3" (narrative figure vs table), "R8.4" (narrative 没有/未 vs table),
//         "I1" (cell that could not be placed), "I2" (unreadable value), "I3" (structure).
//   cell: a stable machine reference, e.g. "t3/3.7/自然人", "t2/规章/本年制发件数", "t4/5",
//   "text/一". where: the cell in the report's own words ("三、（七）总计 · 自然人"). message:
//   Chinese, with the arithmetic.
struct Finding {
  std::string rule;
  Severity severity = Severity::kError;
  std::string cell;
  std::string where;
  std::string message;

  friend bool operator==(const Finding&, const Finding&) = default;
};

}  // namespace gongkai::report

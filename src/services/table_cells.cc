// Cells of the compiled tables 三 and 四 by reference ("3.3.1:1", "t4:5"): parsing, naming and
// the drill-down, shared by `gongkai report compile --cell` and the staff tables page.
#include <initializer_list>
#include <string>

#include "report/report_template.h"
#include "services/application_service.h"

namespace gongkai::services {

namespace {
constexpr char kTable4Row[] = "t4";
}  // namespace

int64_t CompiledTables::ApplicationOfCase(int64_t case_id) const {
  for (const auto& [c, app] : case_applications) {
    if (c == case_id) return app;
  }
  return 0;
}

namespace {

constexpr std::string_view kNumerals[] = {"一", "二", "三", "四", "五", "六", "七"};

// 1–7 for 一…七 at the start of `text` (consumed), else 0.
int TakeNumeral(std::string_view* text) {
  for (int i = 0; i < 7; ++i) {
    if (text->starts_with(kNumerals[i])) {
      text->remove_prefix(kNumerals[i].size());
      return i + 1;
    }
  }
  return 0;
}

bool TakePrefix(std::string_view* text, std::initializer_list<std::string_view> options) {
  for (std::string_view o : options) {
    if (text->starts_with(o)) {
      text->remove_prefix(o.size());
      return true;
    }
  }
  return false;
}

bool AllDigits(std::string_view t) {
  return !t.empty() && t.size() <= 2 && t.find_first_not_of("0123456789") == std::string_view::npos;
}

// The template row id of a row written as the report prints it: 一、二、四 (optionally with 、),
// （一）…（七） and （三）2 (full-width or ASCII parentheses). "" when it is not such a row.
std::string RowIdOfReportNotation(std::string_view row) {
  std::string_view rest = row;
  if (int n = TakeNumeral(&rest); n != 0) {
    TakePrefix(&rest, {"、"});
    return rest.empty() && n != 3 && n <= 4 ? std::to_string(n) : "";
  }
  if (!TakePrefix(&rest, {"（", "("})) return "";
  int group = TakeNumeral(&rest);
  if (group == 0 || !TakePrefix(&rest, {"）", ")"})) return "";
  TakePrefix(&rest, {"第"});
  if (rest.empty()) return "3." + std::to_string(group);
  if (!AllDigits(rest)) return "";
  return "3." + std::to_string(group) + "." + std::to_string(std::stoi(std::string(rest)));
}

// The accepted cells, for the error message.
std::string ValidCells() {
  std::string rows;
  for (const report::Table3Row& r : report::GetTemplate(report::TemplateVersion::k2021).table3) {
    rows += (rows.empty() ? "" : " ") + r.id;
  }
  std::string columns;
  for (int c = 0; c < applications::kTable3Columns; ++c) {
    columns += (c ? " " : "") + std::to_string(c + 1) + " " +
               std::string(applications::Table3ColumnLabel(c));
  }
  return "表三写 行号:列号，行号为 " + rows +
         "，也可照报告写作 一、二、四、（一）、（三）2 或 (三)2；列号为 " + columns +
         "（也可写列名；省略列号即总计）。表四写 t4:1 至 t4:" +
         std::to_string(applications::kTable4Columns) + "。例：3.3.1:1、（三）2:7、t4:2";
}

}  // namespace

Result<TableCellRef> ParseTableCellRef(std::string_view ref) {
  std::string shown(ref.substr(0, 40));
  const Status bad =
      InvalidArgument("bad cell " + shown, "单元格写法不正确：" + shown + "。" + ValidCells());
  std::string_view row = ref, col_text;
  size_t colon = ref.find(':');
  size_t colon_size = 1;
  if (size_t wide = ref.find("："); wide < colon) colon = wide, colon_size = 3;
  if (colon != std::string_view::npos) {
    row = ref.substr(0, colon);
    col_text = ref.substr(colon + colon_size);
    if (col_text.empty()) return bad;
  }
  TableCellRef out;
  if (row == kTable4Row) {
    if (!AllDigits(col_text)) return bad;
    out.table4 = true;
    out.column = std::stoi(std::string(col_text)) - 1;
    if (out.column < 0 || out.column >= applications::kTable4Columns) return bad;
    return out;
  }
  out.column = applications::kColumnTotal;
  if (AllDigits(col_text)) {
    out.column = std::stoi(std::string(col_text)) - 1;
  } else if (!col_text.empty()) {
    out.column = -1;
    for (int c = 0; c < applications::kTable3Columns; ++c) {
      if (col_text == applications::Table3ColumnLabel(c)) out.column = c;
    }
  }
  const report::ReportTemplate& tmpl = report::GetTemplate(report::TemplateVersion::k2021);
  out.row = tmpl.Table3RowIndex(row);
  if (out.row < 0) {
    std::string id = RowIdOfReportNotation(row);
    if (!id.empty()) out.row = tmpl.Table3RowIndex(id);
  }
  if (out.row < 0 || out.row >= applications::kTable3Rows || out.column < 0 ||
      out.column >= applications::kTable3Columns) {
    return bad;
  }
  return out;
}

std::string TableCellRefText(const TableCellRef& ref) {
  std::string col = std::to_string(ref.column + 1);
  if (ref.table4) return std::string(kTable4Row) + ":" + col;
  return report::GetTemplate(report::TemplateVersion::k2021).table3[ref.row].id + ":" + col;
}

std::string TableCellName(const TableCellRef& ref) {
  if (ref.table4) return "表四 " + applications::Table4ColumnLabel(ref.column);
  return applications::Table3RowLabel(ref.row) + " · " +
         std::string(applications::Table3ColumnLabel(ref.column));
}

const applications::Cell& CellAt(const CompiledTables& t, const TableCellRef& ref) {
  if (ref.table4) return t.table4.cells[ref.column];
  return t.table3.cells[ref.row][ref.column];
}

}  // namespace gongkai::services

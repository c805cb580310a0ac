// Cells of the compiled tables 三 and 四 by reference ("3.3.1:1", "t4:5"): parsing, naming and
// the drill-down, shared by `gongkai report compile --cell` and the staff tables page.
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

Result<TableCellRef> ParseTableCellRef(std::string_view ref) {
  std::string shown(ref.substr(0, 40));
  const Status bad = InvalidArgument(
      "bad cell " + shown, "单元格写法不正确：" + shown +
                               "（表三用 行号:列，如 3.3.1:1 或 3.7:7；表四用 t4:列，如 t4:2）");
  size_t colon = ref.find(':');
  if (colon == std::string_view::npos) return bad;
  std::string_view row = ref.substr(0, colon), col_text = ref.substr(colon + 1);
  if (col_text.empty() || col_text.size() > 2 ||
      col_text.find_first_not_of("0123456789") != std::string_view::npos) {
    return bad;
  }
  TableCellRef out;
  out.column = std::stoi(std::string(col_text)) - 1;
  if (row == kTable4Row) {
    out.table4 = true;
    if (out.column < 0 || out.column >= applications::kTable4Columns) return bad;
    return out;
  }
  out.row = report::GetTemplate(report::TemplateVersion::k2021).Table3RowIndex(row);
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

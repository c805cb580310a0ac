#include "report/sheet.h"

#include <xlsxwriter.h>

#include <algorithm>

#include "core/text.h"

namespace gongkai::report {

namespace {

// A cell a spreadsheet would read as a formula gets a leading apostrophe (CSV injection).
std::string Defused(const std::string& field) {
  if (!field.empty() && std::string_view("=+-@").find(field[0]) != std::string_view::npos) {
    return "'" + field;
  }
  return field;
}

void AppendCsvField(std::string& out, const std::string& raw) {
  const std::string field = Defused(raw);
  if (field.find_first_of(",\"\r\n") == std::string::npos) {
    out += field;
    return;
  }
  out += '"';
  for (char c : field) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

void AppendCsvRow(std::string& out, const std::vector<std::string>& row) {
  for (size_t i = 0; i < row.size(); ++i) {
    if (i > 0) out += ',';
    AppendCsvField(out, row[i]);
  }
  out += "\r\n";
}

}  // namespace

std::string RenderCsv(const Sheet& sheet) {
  std::string out = "\xEF\xBB\xBF";
  AppendCsvRow(out, sheet.headers);
  for (const auto& row : sheet.rows) AppendCsvRow(out, row);
  return out;
}

Status WriteSheetXlsx(const Sheet& sheet, const std::string& path) {
  lxw_workbook_options options = {};
  options.constant_memory = LXW_TRUE;  // rows are written in order; memory stays flat
  lxw_workbook* wb = workbook_new_opt(path.c_str(), &options);
  if (wb == nullptr) return Unavailable("cannot create " + path, "无法创建 XLSX 文件");
  lxw_worksheet* ws = workbook_add_worksheet(wb, sheet.name.c_str());
  lxw_format* bold = workbook_add_format(wb);
  format_set_bold(bold);
  // Widths: about two units per CJK character, capped.
  for (size_t c = 0; c < sheet.headers.size(); ++c) {
    size_t width = CodePointCount(sheet.headers[c]) * 2;
    for (const auto& row : sheet.rows) {
      if (c < row.size()) width = std::max(width, CodePointCount(row[c]) * 2);
    }
    worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c),
                         static_cast<double>(std::clamp<size_t>(width, 8, 60)), nullptr);
  }
  worksheet_freeze_panes(ws, 1, 0);
  for (size_t c = 0; c < sheet.headers.size(); ++c) {
    worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), sheet.headers[c].c_str(), bold);
  }
  for (size_t r = 0; r < sheet.rows.size(); ++r) {
    for (size_t c = 0; c < sheet.rows[r].size(); ++c) {
      if (sheet.rows[r][c].empty()) continue;
      worksheet_write_string(ws, static_cast<lxw_row_t>(r + 1), static_cast<lxw_col_t>(c),
                             sheet.rows[r][c].c_str(), nullptr);
    }
  }
  lxw_error err = workbook_close(wb);
  if (err != LXW_NO_ERROR) {
    return Unavailable(std::string("xlsx: ") + lxw_strerror(err), "写入 XLSX 文件失败");
  }
  return Status::Ok();
}

}  // namespace gongkai::report

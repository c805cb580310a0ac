// XLSX rendering with libxlsxwriter (which writes to a file path, hence WriteXlsx): a sheet with
// the report's identity and text, then one sheet per table with merged cells exactly as the form.
#include <xlsxwriter.h>

#include "report/layout.h"
#include "report/render.h"

namespace gongkai::report {
namespace {

void WriteTable(lxw_workbook* wb, lxw_worksheet* ws, const LayoutTable& t,
                const std::string& heading, const AnnualReport& r, int table_index) {
  lxw_format* head = workbook_add_format(wb);
  format_set_bold(head);
  lxw_format* cellf = workbook_add_format(wb);
  format_set_border(cellf, LXW_BORDER_THIN);
  format_set_align(cellf, LXW_ALIGN_CENTER);
  format_set_align(cellf, LXW_ALIGN_VERTICAL_CENTER);
  format_set_text_wrap(cellf);
  lxw_format* amount = workbook_add_format(wb);
  format_set_border(amount, LXW_BORDER_THIN);
  format_set_align(amount, LXW_ALIGN_CENTER);
  format_set_num_format(amount, "0.####");
  worksheet_write_string(ws, 0, 0, heading.c_str(), head);
  worksheet_set_column(ws, 0, static_cast<lxw_col_t>(t.width - 1), 14, nullptr);
  const int first = 2;
  for (size_t row = 0; row < t.rows.size(); ++row) {
    for (const auto& c : t.rows[row]) {
      lxw_row_t r0 = static_cast<lxw_row_t>(first + row);
      lxw_col_t c0 = static_cast<lxw_col_t>(c.grid_col);
      if (c.rowspan > 1 || c.colspan > 1) {
        worksheet_merge_range(ws, r0, c0, static_cast<lxw_row_t>(r0 + c.rowspan - 1),
                              static_cast<lxw_col_t>(c0 + c.colspan - 1), "", cellf);
      }
      bool is_amount = table_index == 0 && r.version == TemplateVersion::k2021 && c.number &&
                       c.text.find('.') != std::string::npos;
      if (c.number && !c.text.empty()) {
        worksheet_write_number(ws, r0, c0, std::stod(c.text), is_amount ? amount : cellf);
      } else {
        worksheet_write_string(ws, r0, c0, c.text.c_str(), cellf);
      }
    }
  }
}

}  // namespace

Status WriteXlsx(const AnnualReport& r, const std::string& path) {
  lxw_workbook* wb = workbook_new(path.c_str());
  if (wb == nullptr) return Unavailable("cannot create " + path, "无法创建 XLSX 文件：" + path);
  const ReportTemplate& t = GetTemplate(r.version);
  lxw_worksheet* info = workbook_add_worksheet(wb, "报告");
  lxw_format* bold = workbook_add_format(wb);
  format_set_bold(bold);
  worksheet_set_column(info, 0, 0, 100, nullptr);
  int row = 0;
  worksheet_write_string(info, row++, 0, ReportTitle(r).c_str(), bold);
  worksheet_write_string(
      info, row++, 0, (std::string("模板：") + TemplateVersionChinese(r.version)).c_str(), nullptr);
  auto paragraphs = [&](const std::string& text) {
    size_t pos = 0;
    while (pos < text.size()) {
      size_t end = text.find('\n', pos);
      if (end == std::string::npos) end = text.size();
      if (end > pos)
        worksheet_write_string(info, row++, 0, text.substr(pos, end - pos).c_str(), nullptr);
      pos = end + 1;
    }
  };
  paragraphs(r.preamble);
  for (int s = 0; s < 6; ++s) {
    worksheet_write_string(info, row++, 0, t.headings[s].c_str(), bold);
    paragraphs(r.sections[s]);
  }
  auto tables = LayoutTables(r);
  const char* names[] = {"表二 主动公开", "表三 依申请公开", "表四 复议诉讼"};
  for (int i = 0; i < 3; ++i) {
    lxw_worksheet* ws = workbook_add_worksheet(wb, names[i]);
    WriteTable(wb, ws, tables[i], t.headings[i + 1], r, i);
  }
  lxw_error err = workbook_close(wb);
  if (err != LXW_NO_ERROR) {
    return Unavailable(std::string("xlsx: ") + lxw_strerror(err), "写入 XLSX 文件失败：" + path);
  }
  return Status::Ok();
}

}  // namespace gongkai::report

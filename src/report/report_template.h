#pragma once
// The statutory annual report templates (年度报告格式) as data: the 2021 format
// (国办公开办函〔2021〕30号) and the 2019 试行 format (国办公开办函〔2019〕60号), exactly as
// ../shared/spec/statutory-rules.md §1.3–1.5 and §1.7 give them. Every label, order, merge and
// accepted label variant lives in report_template.cc; no other file spells a template label.

#include <array>
#include <string>
#include <string_view>
#include <vector>

namespace gongkai::report {

enum class TemplateVersion { k2021, k2019 };

// "2021" / "2019".
const char* TemplateVersionName(TemplateVersion v);
// "2021 年格式" / "2019 年试行格式".
const char* TemplateVersionChinese(TemplateVersion v);

// How a number in a cell is written and checked (rule R7).
enum class ValueKind {
  kCount,        // non-negative integer
  kSignedCount,  // integer that may be negative (2019 本年增/减)
  kAmount,       // non-negative decimal, stored in units of 0.0001 (万元 → 1 元)
};

// One 第二十条 block of table 二: a caption row spanning the table, a header row, data rows.
struct Table2Block {
  std::string caption;               // 第二十条第（一）项
  std::vector<std::string> headers;  // column headers after 信息内容 (may be fewer than 3)
  std::vector<ValueKind> kinds;      // one per data column
  std::vector<std::string> rows;     // row labels
  std::vector<std::vector<std::string>> row_variants;  // accepted spellings per row
};

// One numeric row of table 三. `block` is "三、本年度办理结果" for the rows under it (rendered with
// a rowspan), `group` the （三）–（六） group label when the row sits under one (rowspan too).
struct Table3Row {
  std::string id;                     // "1", "2", "3.1", "3.3.1", …, "3.7", "4"
  std::string block;                  // "" or the 三、本年度办理结果 label
  std::string group;                  // "" or e.g. "（三）不予公开"
  std::string label;                  // the row's own label, e.g. "1.属于国家秘密"
  std::vector<std::string> variants;  // other accepted spellings of `label`
};

inline constexpr int kTable3Columns = 7;
inline constexpr int kTable4Columns = 15;

struct ReportTemplate {
  TemplateVersion version;
  std::array<std::string, 6> headings;  // 一、总体情况 … 六、其他需要报告的事项
  std::vector<Table2Block> table2;
  std::string table2_label_header;  // 信息内容
  std::string table3_note;          // the 勾稽 note in the top-left header cell
  std::string table3_applicant;     // 申请人情况
  std::string table3_legal_person;  // 法人或其他组织
  // Not in the official form, but many published reports add it after 其他 (spec §1.6 R3 note):
  // 法人或其他组织 小计 = 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他.
  std::string table3_subtotal;  // 小计
  std::array<std::string, kTable3Columns> table3_columns;
  std::vector<Table3Row> table3;
  std::string table4_review, table4_litigation, table4_direct, table4_after;
  std::array<std::string, 5> table4_outcomes;  // 结果维持 结果纠正 其他结果 尚未审结 总计

  // Flattened table-二 cells in block/row/column order.
  int Table2CellCount() const;
  // Index of the first cell of block b, row r (flattened).
  int Table2CellIndex(int block, int row, int col) const;
  ValueKind Table2Kind(int cell) const;
  // "规章 · 本年制发件数".
  std::string Table2CellName(int cell) const;
  int Table3RowIndex(std::string_view id) const;  // -1 when unknown
  // "三、（七）总计" / "（三）不予公开 1.属于国家秘密" — how the report itself names the row.
  std::string Table3RowName(int row) const;
  // "行政诉讼 · 未经复议直接起诉 · 总计".
  std::string Table4ColumnName(int col) const;
};

// The two templates; references stay valid for the program's lifetime.
const ReportTemplate& GetTemplate(TemplateVersion v);

// Header and heading words an importer meets but that carry no number (used to skip rows).
// Normalised (see NormalizeLabel).
bool IsKnownHeaderLabel(const ReportTemplate& t, std::string_view normalized);

// Signature labels that tell the templates apart (normalised): table-二 headers and the
// （六）其他处理 split. Returns +1 for a 2021-only label, -1 for a 2019-only label, 0 otherwise.
int TemplateSignature(std::string_view normalized);

// Keywords that identify the six section headings in paraphrased form (e.g.
// "四、因政府信息公开工作被申请行政复议、提起行政诉讼情况"). Returns 0..5, or -1.
int MatchHeading(std::string_view normalized_line);

}  // namespace gongkai::report

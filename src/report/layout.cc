#include "report/layout.h"

namespace gongkai::report {
namespace {

LayoutCell H(std::string text, int rowspan = 1, int colspan = 1) {
  LayoutCell c;
  c.text = std::move(text);
  c.rowspan = rowspan;
  c.colspan = colspan;
  c.header = true;
  return c;
}

LayoutCell N(std::string text, int colspan = 1) {
  LayoutCell c;
  c.text = std::move(text);
  c.colspan = colspan;
  c.number = true;
  return c;
}

// Fills grid_col for every cell, honouring rowspans from rows above.
void AssignColumns(LayoutTable& t) {
  std::vector<int> busy(t.width, 0);  // rows still covered by a rowspan
  for (auto& row : t.rows) {
    int col = 0;
    for (auto& cell : row) {
      while (col < t.width && busy[col] > 0) ++col;
      cell.grid_col = col;
      for (int k = 0; k < cell.colspan && col + k < t.width; ++k) busy[col + k] = cell.rowspan;
      col += cell.colspan;
    }
    for (int& b : busy) {
      if (b > 0) --b;
    }
  }
}

LayoutTable Table2(const AnnualReport& r, const ReportTemplate& t) {
  LayoutTable out;
  out.width = 4;
  for (size_t b = 0; b < t.table2.size(); ++b) {
    const Table2Block& blk = t.table2[b];
    out.rows.push_back({H(blk.caption, 1, 4)});
    std::vector<LayoutCell> header = {H(t.table2_label_header)};
    if (blk.headers.size() == 1) {
      header.push_back(H(blk.headers[0], 1, 3));
    } else {
      for (const auto& h : blk.headers) header.push_back(H(h));
      for (size_t k = blk.headers.size(); k < 3; ++k) header.push_back(H(""));
    }
    out.rows.push_back(header);
    for (size_t row = 0; row < blk.rows.size(); ++row) {
      std::vector<LayoutCell> cells = {H(blk.rows[row])};
      int base = t.Table2CellIndex(static_cast<int>(b), static_cast<int>(row), 0);
      if (blk.kinds.size() == 1) {
        cells.push_back(N(FormatValue(r.table2[base], blk.kinds[0]), 3));
      } else {
        for (size_t k = 0; k < blk.kinds.size(); ++k) {
          cells.push_back(N(FormatValue(r.table2[base + k], blk.kinds[k])));
        }
        for (size_t k = blk.kinds.size(); k < 3; ++k) cells.push_back(H(""));
      }
      out.rows.push_back(cells);
    }
  }
  return out;
}

LayoutTable Table3(const AnnualReport& r, const ReportTemplate& t) {
  LayoutTable out;
  out.width = 3 + kTable3Columns;
  out.rows.push_back({H(t.table3_note, 3, 3), H(t.table3_applicant, 1, 7)});
  out.rows.push_back(
      {H(t.table3_columns[0], 2, 1), H(t.table3_legal_person, 1, 5), H(t.table3_columns[6], 2, 1)});
  std::vector<LayoutCell> third;
  for (int c = 1; c <= 5; ++c) third.push_back(H(t.table3_columns[c]));
  out.rows.push_back(third);
  const int n = static_cast<int>(t.table3.size());
  for (int i = 0; i < n; ++i) {
    const Table3Row& row = t.table3[i];
    std::vector<LayoutCell> cells;
    if (row.block.empty()) {
      cells.push_back(H(row.label, 1, 3));
    } else {
      if (i == 0 || t.table3[i - 1].block != row.block) {
        int span = 0;
        for (int k = i; k < n && t.table3[k].block == row.block; ++k) ++span;
        cells.push_back(H(row.block, span, 1));
      }
      if (row.group.empty()) {
        cells.push_back(H(row.label, 1, 2));
      } else {
        if (t.table3[i - 1].group != row.group) {
          int span = 0;
          for (int k = i; k < n && t.table3[k].group == row.group; ++k) ++span;
          cells.push_back(H(row.group, span, 1));
        }
        cells.push_back(H(row.label));
      }
    }
    for (int c = 0; c < kTable3Columns; ++c) {
      cells.push_back(N(FormatValue(r.table3[i][c], ValueKind::kCount)));
    }
    out.rows.push_back(cells);
  }
  return out;
}

LayoutTable Table4(const AnnualReport& r, const ReportTemplate& t) {
  LayoutTable out;
  out.width = kTable4Columns;
  out.rows.push_back({H(t.table4_review, 1, 5), H(t.table4_litigation, 1, 10)});
  std::vector<LayoutCell> second;
  for (int k = 0; k < 5; ++k) second.push_back(H(t.table4_outcomes[k], 2, 1));
  second.push_back(H(t.table4_direct, 1, 5));
  second.push_back(H(t.table4_after, 1, 5));
  out.rows.push_back(second);
  std::vector<LayoutCell> third;
  for (int g = 0; g < 2; ++g) {
    for (int k = 0; k < 5; ++k) third.push_back(H(t.table4_outcomes[k]));
  }
  out.rows.push_back(third);
  std::vector<LayoutCell> values;
  for (int c = 0; c < kTable4Columns; ++c) {
    values.push_back(N(FormatValue(r.table4[c], ValueKind::kCount)));
  }
  out.rows.push_back(values);
  return out;
}

}  // namespace

std::vector<LayoutTable> LayoutTables(const AnnualReport& report) {
  const ReportTemplate& t = GetTemplate(report.version);
  AnnualReport r = report;  // a mis-shaped report renders with empty cells, never out of bounds
  r.table2.resize(t.Table2CellCount());
  r.table3.resize(t.table3.size());
  std::vector<LayoutTable> out = {Table2(r, t), Table3(r, t), Table4(r, t)};
  for (auto& table : out) AssignColumns(table);
  return out;
}

}  // namespace gongkai::report

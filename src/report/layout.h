#pragma once
// The printed layout of tables 二, 三 and 四, derived from the template data: which cell sits
// where, with its rowspan/colspan, exactly as the official form merges them. Every renderer
// draws from this one layout, so the merges are defined once.

#include <string>
#include <vector>

#include "report/annual_report.h"

namespace gongkai::report {

struct LayoutCell {
  std::string text;
  int rowspan = 1;
  int colspan = 1;
  bool header = false;  // a label or heading cell (rendered <th>, bold)
  bool number = false;  // a value cell
  int grid_col = 0;     // 0-based column in the full grid (for merged-cell output)
};

struct LayoutTable {
  int width = 0;
  std::vector<std::vector<LayoutCell>> rows;  // cells present in each row (merged ones once)
};

// Tables 二, 三, 四 of `r` (values formatted; empty text for missing values).
std::vector<LayoutTable> LayoutTables(const AnnualReport& r);

}  // namespace gongkai::report

#pragma once
// Text whose table layout was lost: the innerText of a web page where a row's cells run together
// without separators (「一、本年新收政府信息公开申请数量71300074」 = 71·3·0·0·0·0·74). The rows are
// found by their labels (in template order, after the tables' own headers); each row's digits are
// split into the row's columns by a search constrained by the table's own arithmetic: 总计 = the
// six applicant columns, 一 + 二 = 三（七） + 四 and （七） = the result rows per column, and the
// 表四 group sums. A row with more than one reading that fits is reported (I5) with its
// candidates and left empty: never guessed. Pure.

#include <string_view>
#include <vector>

#include "report/document.h"

namespace gongkai::report {

struct RunTogetherRead {
  Document doc;                 // rows for Interpret: labels with the chosen values, prose
  std::vector<Finding> issues;  // ambiguities (I5) and digits that no reading fits (I2)
  int rows_found = 0;           // table rows recognised by their labels (0: not this form)
  // Rows found but left empty (I5/I2): "表二缺少“行政规范性文件 · …”" would say it wrongly, so
  // the interpreter's missing-row findings for them are dropped. Table-二 row labels and
  // Table3RowName names.
  std::vector<std::string> unread_rows;
};

// `text` is UTF-8. The template whose labels are found more often is used.
RunTogetherRead ReadRunTogether(std::string_view text);

}  // namespace gongkai::report

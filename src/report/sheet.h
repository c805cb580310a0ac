#pragma once
// A plain table of text (a header row and data rows) written as CSV or as one XLSX sheet, for
// exports such as the 台账. Pure except WriteSheetXlsx, which writes the file it is given.

#include <string>
#include <vector>

#include "core/status.h"

namespace gongkai::report {

struct Sheet {
  std::string name;  // the XLSX sheet name (≤ 31 characters, no []:*?/\)
  std::vector<std::string> headers;
  std::vector<std::vector<std::string>> rows;  // each as wide as `headers`
};

// UTF-8 with a byte-order mark (so Excel reads the Chinese), CRLF line ends, and RFC 4180
// quoting: a field with a comma, a quote, CR or LF is quoted and its quotes doubled. A field
// starting with = + - @ is prefixed with an apostrophe, so a spreadsheet does not run it as a
// formula.
std::string RenderCsv(const Sheet& sheet);

// One sheet: the headers bold and frozen, every cell as text, columns sized to fit.
Status WriteSheetXlsx(const Sheet& sheet, const std::string& path);

}  // namespace gongkai::report

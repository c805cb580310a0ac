// XLSX reader: the workbook's sheets (xl/workbook.xml order, targets from its relationships),
// shared strings and cells → Document. See ooxml.h for how sheets are placed.
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "report/ooxml.h"
#include "report/report_template.h"
#include "report/text_util.h"
#include "report/xml_reader.h"

namespace gongkai::report {
namespace {

constexpr int kMaxColumns = 64;  // report tables are under 20 columns wide; the rest is ignored

Status XmlError(const std::string& part, const XmlReader& x) {
  return InvalidArgument(part + ": " + x.error(),
                         "XLSX 文件的 " + part + " 不是有效的 XML（" + x.error() + "）");
}

// A numeric cell as a report writes it: the shortest decimal with at most four places.
std::string FormatNumber(std::string_view v) {
  std::string s(TrimSpace(v));
  char* end = nullptr;
  double d = std::strtod(s.c_str(), &end);
  if (s.empty() || end != s.c_str() + s.size() || !std::isfinite(d) || std::fabs(d) > 1e15) {
    return s;
  }
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.4f", d);
  std::string out = buf;
  while (out.back() == '0') out.pop_back();
  if (out.back() == '.') out.pop_back();
  if (out == "-0") out = "0";
  return out;
}

// "BC12" → column 54 (0-based); -1 when there is no column letter.
int ColumnOf(std::string_view ref) {
  int col = 0;
  size_t i = 0;
  for (; i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z'; ++i) {
    col = col * 26 + (ref[i] - 'A' + 1);
    if (col > 20000) return -1;
  }
  return i == 0 ? -1 : col - 1;
}

Result<std::vector<std::string>> SharedStrings(ZipPackage& pkg) {
  std::vector<std::string> out;
  if (!pkg.Has("xl/sharedStrings.xml")) return out;
  GONGKAI_ASSIGN_OR_RETURN(std::string xml, pkg.Read("xl/sharedStrings.xml"));
  XmlReader x(xml);
  int in_t = 0, in_rph = 0;
  for (auto tok = x.Next(); tok != XmlReader::Token::kEof; tok = x.Next()) {
    if (tok == XmlReader::Token::kError) return XmlError("xl/sharedStrings.xml", x);
    std::string_view n = x.LocalName();
    if (tok == XmlReader::Token::kStart) {
      if (n == "si") out.emplace_back();
      in_t += n == "t";
      in_rph += n == "rPh";  // phonetic guide: not part of the text
    } else if (tok == XmlReader::Token::kEnd) {
      if (n == "t" && in_t > 0) --in_t;
      if (n == "rPh" && in_rph > 0) --in_rph;
    } else if (in_t > 0 && in_rph == 0 && !out.empty()) {
      out.back() += x.Text();
    }
  }
  return out;
}

// The worksheet parts in workbook order.
Result<std::vector<std::string>> SheetParts(ZipPackage& pkg) {
  std::vector<std::string> ids;
  GONGKAI_ASSIGN_OR_RETURN(std::string wb, pkg.Read("xl/workbook.xml"));
  XmlReader x(wb);
  std::string id;
  for (auto tok = x.Next(); tok != XmlReader::Token::kEof; tok = x.Next()) {
    if (tok == XmlReader::Token::kError) return XmlError("xl/workbook.xml", x);
    if (tok == XmlReader::Token::kStart && x.LocalName() == "sheet" && x.Attr("r:id", id)) {
      ids.push_back(id);
    }
  }
  std::vector<std::string> parts;
  if (pkg.Has("xl/_rels/workbook.xml.rels")) {
    GONGKAI_ASSIGN_OR_RETURN(std::string rels, pkg.Read("xl/_rels/workbook.xml.rels"));
    XmlReader r(rels);
    std::vector<std::pair<std::string, std::string>> targets;
    std::string target;
    for (auto tok = r.Next(); tok != XmlReader::Token::kEof; tok = r.Next()) {
      if (tok == XmlReader::Token::kError) return XmlError("xl/_rels/workbook.xml.rels", r);
      if (tok == XmlReader::Token::kStart && r.LocalName() == "Relationship" && r.Attr("Id", id) &&
          r.Attr("Target", target)) {
        targets.emplace_back(id, target[0] == '/' ? target.substr(1) : "xl/" + target);
      }
    }
    for (const auto& want : ids) {
      for (const auto& [tid, path] : targets) {
        if (tid == want) parts.push_back(path);
      }
    }
  }
  if (parts.empty()) {  // no relationships: the conventional names
    for (int i = 1; i <= 64 && pkg.Has("xl/worksheets/sheet" + std::to_string(i) + ".xml"); ++i) {
      parts.push_back("xl/worksheets/sheet" + std::to_string(i) + ".xml");
    }
  }
  return parts;
}

struct SheetRow {
  int number = 0;
  std::vector<std::string> cells;
};

Result<std::vector<SheetRow>> ReadSheet(ZipPackage& pkg, const std::string& part,
                                        const std::vector<std::string>& shared) {
  std::vector<SheetRow> rows;
  GONGKAI_ASSIGN_OR_RETURN(std::string xml, pkg.Read(part));
  XmlReader x(xml);
  std::string attr, type, value;
  int col = -1, in_value = 0, in_rph = 0;
  bool in_cell = false;
  auto store = [&] {
    if (rows.empty() || col < 0 || col >= kMaxColumns) return;
    std::string text;
    if (type == "s") {
      char* end = nullptr;
      unsigned long i = std::strtoul(value.c_str(), &end, 10);
      if (!value.empty() && *end == '\0' && i < shared.size()) text = shared[i];
    } else if (type.empty() || type == "n") {
      text = FormatNumber(value);
    } else {
      text = value;  // inlineStr, str (formula text), b, e
    }
    auto& cells = rows.back().cells;
    if (cells.size() <= static_cast<size_t>(col)) cells.resize(col + 1);
    cells[col] = std::move(text);
  };
  for (auto tok = x.Next(); tok != XmlReader::Token::kEof; tok = x.Next()) {
    if (tok == XmlReader::Token::kError) return XmlError(part, x);
    std::string_view n = x.LocalName();
    if (tok == XmlReader::Token::kStart) {
      if (n == "row") {
        SheetRow r;
        r.number = x.Attr("r", attr) ? std::atoi(attr.c_str()) : static_cast<int>(rows.size()) + 1;
        rows.push_back(std::move(r));
      } else if (n == "c") {
        int next = rows.empty() ? 0 : static_cast<int>(rows.back().cells.size());
        col = x.Attr("r", attr) ? ColumnOf(attr) : next;
        x.Attr("t", type);
        value.clear();
        in_cell = true;
      } else if (in_cell && (n == "v" || n == "t")) {
        ++in_value;
      } else if (n == "rPh") {
        ++in_rph;
      }
    } else if (tok == XmlReader::Token::kEnd) {
      if (n == "c" && in_cell) {
        store();
        in_cell = false;
      } else if ((n == "v" || n == "t") && in_value > 0) {
        --in_value;
      } else if (n == "rPh" && in_rph > 0) {
        --in_rph;
      }
    } else if (in_cell && in_value > 0 && in_rph == 0) {
      value += x.Text();
    }
  }
  return rows;
}

bool IsTemplateLine(std::string_view text) {
  for (auto v : {TemplateVersion::k2021, TemplateVersion::k2019}) {
    if (text == std::string("模板：") + TemplateVersionChinese(v)) return true;
  }
  return false;
}

// Rows of one sheet as Document rows: a row with a single text cell is a paragraph (one per
// line of the cell), any other row a table row. Cells are copied into `store`.
std::vector<DocRow> SheetRows(const std::vector<SheetRow>& rows, int table, TextStore& store) {
  std::vector<DocRow> out;
  for (const auto& sr : rows) {
    std::vector<std::string_view> cells;  // views of `rows` until kept
    int filled = 0, last = -1;
    for (size_t i = 0; i < sr.cells.size(); ++i) {
      cells.emplace_back(TrimSpace(sr.cells[i]));
      if (!cells.back().empty()) {
        ++filled;
        last = static_cast<int>(i);
      }
    }
    if (filled == 0) continue;
    cells.resize(last + 1);
    if (filled == 1 && !LooksNumeric(NormalizeLabel(cells[last]))) {
      std::string_view text = cells[last];
      size_t pos = 0;
      while (pos <= text.size()) {
        size_t end = text.find('\n', pos);
        if (end == std::string_view::npos) end = text.size();
        std::string_view line = TrimSpace(text.substr(pos, end - pos));
        if (!line.empty() && !IsTemplateLine(line)) {
          DocRow r;
          r.cells.push_back(store.Keep(line));
          r.line = sr.number;
          out.push_back(std::move(r));
        }
        pos = end + 1;
      }
      continue;
    }
    DocRow r;
    r.kind = RowKind::kTable;
    r.table = table;
    r.row = sr.number;
    r.cells.reserve(cells.size());
    for (std::string_view c : cells) r.cells.push_back(store.Keep(c));
    out.push_back(std::move(r));
  }
  return out;
}

int HeadingOf(const DocRow& r) {
  if (r.kind != RowKind::kParagraph || r.cells.empty()) return -1;
  return MatchHeading(NormalizeLabel(r.cells[0]));
}

}  // namespace

Result<Document> ReadXlsx(ZipPackage& pkg) {
  GONGKAI_ASSIGN_OR_RETURN(auto shared, SharedStrings(pkg));
  GONGKAI_ASSIGN_OR_RETURN(auto parts, SheetParts(pkg));
  Document doc;
  int table = 0;
  for (const auto& part : parts) {
    if (!pkg.Has(part)) continue;
    GONGKAI_ASSIGN_OR_RETURN(auto sheet, ReadSheet(pkg, part, shared));
    std::vector<DocRow> rows = SheetRows(sheet, ++table, doc.store);
    int h = rows.empty() ? -1 : HeadingOf(rows[0]);
    size_t at = doc.rows.size();
    if (h >= 0) {
      // A sheet that starts with a heading met earlier belongs at the end of that section.
      size_t i = 0;
      while (i < doc.rows.size() && HeadingOf(doc.rows[i]) != h) ++i;
      if (i < doc.rows.size()) {
        rows.erase(rows.begin());
        for (++i; i < doc.rows.size() && HeadingOf(doc.rows[i]) <= h; ++i) {
        }
        at = i;
      }
    }
    doc.rows.insert(doc.rows.begin() + static_cast<std::ptrdiff_t>(at),
                    std::make_move_iterator(rows.begin()), std::make_move_iterator(rows.end()));
  }
  return doc;
}

}  // namespace gongkai::report

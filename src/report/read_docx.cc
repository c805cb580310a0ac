// DOCX reader: word/document.xml → Document. Body paragraphs become paragraph rows (a line
// break inside one splits it); the rows of top-level tables become table rows whose cells hold
// their paragraphs joined by line breaks. A w:gridSpan cell appears once and a w:vMerge
// continuation cell is empty, which the interpreter reads like the Markdown form. Text comes
// only from w:t (deleted text and field codes are not text); mc:Fallback duplicates are skipped.
#include "report/ooxml.h"
#include "report/text_util.h"
#include "report/xml_reader.h"

namespace gongkai::report {
namespace {

class DocxBuilder {
 public:
  void StartParagraph() {
    if (tbl_depth_ == 0 && p_depth_++ == 0) para_.clear();
  }
  void EndParagraph() {
    if (tbl_depth_ > 0) {
      if (in_cell_) Sink().push_back('\n');
      return;
    }
    if (p_depth_ > 0 && --p_depth_ > 0) {  // a text box's paragraph inside a paragraph
      para_.push_back('\n');
      return;
    }
    ++paragraphs_;
    size_t pos = 0;
    while (pos <= para_.size()) {
      size_t end = para_.find('\n', pos);
      if (end == std::string::npos) end = para_.size();
      std::string_view line = TrimSpace(std::string_view(para_).substr(pos, end - pos));
      if (!line.empty()) {
        BuildRow r;
        r.cells.emplace_back(line);
        r.line = paragraphs_;
        rows_.push_back(std::move(r));
      }
      pos = end + 1;
    }
    para_.clear();
  }
  void StartTable() {
    if (tbl_depth_++ == 0) {
      ++table_;
      row_ = 0;
    }
  }
  void EndTable() {
    if (tbl_depth_ > 0 && --tbl_depth_ == 0) in_cell_ = false;
  }
  void StartRow() {
    if (tbl_depth_ != 1) return;
    BuildRow r;
    r.kind = RowKind::kTable;
    r.table = table_;
    r.row = ++row_;
    rows_.push_back(std::move(r));
    in_cell_ = false;
  }
  void StartCell() {
    if (tbl_depth_ != 1 || rows_.empty() || rows_.back().kind != RowKind::kTable) return;
    rows_.back().cells.emplace_back();
    in_cell_ = true;
  }
  void EndCell() {
    if (tbl_depth_ == 1) in_cell_ = false;
  }
  void Append(std::string_view text) {
    if (tbl_depth_ > 0 && !in_cell_) return;
    Sink().append(text);
  }

  Document Finish() {
    Document out;
    for (auto& r : rows_) {
      if (r.kind == RowKind::kTable) {
        bool any = false;
        for (auto& cell : r.cells) {
          cell = std::string(TrimSpace(cell));
          while (!cell.empty() && cell.back() == '\n') cell.pop_back();
          any |= !cell.empty();
        }
        if (!any) continue;
      }
      out.rows.push_back(KeepRow(r, out.store));
    }
    return out;
  }

 private:
  std::string& Sink() { return tbl_depth_ > 0 ? rows_.back().cells.back() : para_; }

  std::vector<BuildRow> rows_;  // cells grow as text arrives; copied into a Document by Finish
  std::string para_;
  int tbl_depth_ = 0, p_depth_ = 0, table_ = 0, row_ = 0, paragraphs_ = 0;
  bool in_cell_ = false;
};

}  // namespace

Result<Document> ReadDocx(ZipPackage& pkg) {
  GONGKAI_ASSIGN_OR_RETURN(std::string xml, pkg.Read("word/document.xml"));
  XmlReader x(xml);
  DocxBuilder b;
  int in_text = 0;      // inside w:t
  int skip_depth = -1;  // inside mc:Fallback: its depth
  while (true) {
    XmlReader::Token tok = x.Next();
    if (tok == XmlReader::Token::kEof) break;
    if (tok == XmlReader::Token::kError) {
      return InvalidArgument("word/document.xml: " + x.error(),
                             "DOCX 文件的 word/document.xml 不是有效的 XML（" + x.error() + "）");
    }
    if (skip_depth >= 0) {
      if (tok == XmlReader::Token::kEnd && x.Depth() < skip_depth) skip_depth = -1;
      continue;
    }
    std::string_view n = x.LocalName();
    if (tok == XmlReader::Token::kStart) {
      if (n == "Fallback") {
        skip_depth = x.Depth();
      } else if (n == "p") {
        b.StartParagraph();
      } else if (n == "tbl") {
        b.StartTable();
      } else if (n == "tr") {
        b.StartRow();
      } else if (n == "tc") {
        b.StartCell();
      } else if (n == "t") {
        ++in_text;
      } else if (n == "tab") {
        b.Append(" ");
      } else if (n == "br" || n == "cr") {
        b.Append("\n");
      }
    } else if (tok == XmlReader::Token::kEnd) {
      if (n == "p") {
        b.EndParagraph();
      } else if (n == "tbl") {
        b.EndTable();
      } else if (n == "tc") {
        b.EndCell();
      } else if (n == "t" && in_text > 0) {
        --in_text;
      }
    } else if (tok == XmlReader::Token::kText && in_text > 0) {
      b.Append(x.Text());
    }
  }
  return b.Finish();
}

}  // namespace gongkai::report

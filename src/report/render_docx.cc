// DOCX rendering: a minimal Office Open XML package ([Content_Types].xml, _rels/.rels,
// word/document.xml) built in memory with libzip. Merged cells use w:gridSpan (colspan) and
// w:vMerge restart/continue (rowspan), which Word and LibreOffice both honour.
#include "report/layout.h"
#include "report/ooxml.h"
#include "report/render.h"
#include "report/text_util.h"

namespace gongkai::report {
namespace {

constexpr const char* kContentTypes =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
</Types>)";

constexpr const char* kRels =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>)";

std::string Run(std::string_view text, bool bold, int half_points) {
  std::string rpr = "<w:rPr><w:rFonts w:ascii=\"Times New Roman\" w:eastAsia=\"宋体\"/>";
  if (bold) rpr += "<w:b/>";
  rpr += "<w:sz w:val=\"" + std::to_string(half_points) + "\"/></w:rPr>";
  return "<w:r>" + rpr + "<w:t xml:space=\"preserve\">" + XmlEscape(text) + "</w:t></w:r>";
}

std::string Para(std::string_view text, bool bold = false, bool center = false, int size = 24,
                 bool indent = false) {
  std::string ppr = "<w:pPr>";
  if (center) ppr += "<w:jc w:val=\"center\"/>";
  if (indent) ppr += "<w:ind w:firstLineChars=\"200\" w:firstLine=\"480\"/>";
  ppr += "</w:pPr>";
  return "<w:p>" + ppr + Run(text, bold, size) + "</w:p>";
}

void Paragraphs(const std::string& text, std::string& out) {
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string::npos) end = text.size();
    if (end > pos)
      out += Para(std::string_view(text).substr(pos, end - pos), false, false, 24, true);
    pos = end + 1;
  }
}

std::string Table(const LayoutTable& t) {
  const int rows = static_cast<int>(t.rows.size());
  // owner[r][c] = the cell covering grid position (r, c) and the row it starts in.
  std::vector<std::vector<std::pair<const LayoutCell*, int>>> owner(
      rows, std::vector<std::pair<const LayoutCell*, int>>(t.width, {nullptr, -1}));
  for (int r = 0; r < rows; ++r) {
    for (const auto& cell : t.rows[r]) {
      for (int dr = 0; dr < cell.rowspan && r + dr < rows; ++dr) {
        for (int dc = 0; dc < cell.colspan && cell.grid_col + dc < t.width; ++dc) {
          owner[r + dr][cell.grid_col + dc] = {&cell, r};
        }
      }
    }
  }
  std::string out =
      "<w:tbl><w:tblPr><w:tblW w:w=\"5000\" w:type=\"pct\"/><w:tblBorders>"
      "<w:top w:val=\"single\" w:sz=\"4\"/><w:left w:val=\"single\" w:sz=\"4\"/>"
      "<w:bottom w:val=\"single\" w:sz=\"4\"/><w:right w:val=\"single\" w:sz=\"4\"/>"
      "<w:insideH w:val=\"single\" w:sz=\"4\"/><w:insideV w:val=\"single\" w:sz=\"4\"/>"
      "</w:tblBorders></w:tblPr><w:tblGrid>";
  for (int c = 0; c < t.width; ++c)
    out += "<w:gridCol w:w=\"" + std::to_string(9000 / t.width) + "\"/>";
  out += "</w:tblGrid>";
  for (int r = 0; r < rows; ++r) {
    out += "<w:tr>";
    for (int c = 0; c < t.width;) {
      auto [cell, start] = owner[r][c];
      std::string tcpr = "<w:tcPr>";
      int span = cell != nullptr ? cell->colspan : 1;
      if (span > 1) tcpr += "<w:gridSpan w:val=\"" + std::to_string(span) + "\"/>";
      if (cell != nullptr && cell->rowspan > 1) {
        tcpr += start == r ? "<w:vMerge w:val=\"restart\"/>" : "<w:vMerge/>";
      }
      tcpr += "<w:vAlign w:val=\"center\"/></w:tcPr>";
      std::string text = (cell != nullptr && start == r) ? cell->text : "";
      out += "<w:tc>" + tcpr + Para(text, false, true, 18) + "</w:tc>";
      c += span;
    }
    out += "</w:tr>";
  }
  return out + "</w:tbl>" + Para("");
}

std::string DocumentXml(const AnnualReport& r) {
  const ReportTemplate& t = GetTemplate(r.version);
  std::string body;
  body += Para(ReportTitle(r), true, true, 36);
  Paragraphs(r.preamble, body);
  auto tables = LayoutTables(r);
  for (int s = 0; s < 6; ++s) {
    body += Para(t.headings[s], true, false, 28);
    Paragraphs(r.sections[s], body);
    if (s >= 1 && s <= 3) body += Table(tables[s - 1]);
  }
  return R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
         "\n<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
         "<w:body>" +
         body +
         "<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1440\" w:right=\"1200\" "
         "w:bottom=\"1440\" w:left=\"1200\" w:header=\"851\" w:footer=\"992\" w:gutter=\"0\"/>"
         "</w:sectPr></w:body></w:document>";
}

}  // namespace

Result<std::string> RenderDocx(const AnnualReport& r) {
  return WriteZip({{"[Content_Types].xml", kContentTypes},
                   {"_rels/.rels", kRels},
                   {"word/document.xml", DocumentXml(r)}});
}

}  // namespace gongkai::report

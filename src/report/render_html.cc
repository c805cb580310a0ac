// The HTML rendering: one self-contained, printable page with the official table layout.
#include "report/layout.h"
#include "report/render.h"
#include "report/text_util.h"

namespace gongkai::report {
namespace {

constexpr const char* kCss = R"css(
body { font-family: "SimSun", "Songti SC", "Noto Serif CJK SC", serif; max-width: 60em;
       margin: 2em auto; padding: 0 1em; line-height: 1.8; color: #000; }
h1 { font-family: "SimHei", "Noto Sans CJK SC", sans-serif; text-align: center; font-size: 1.6em; }
h2 { font-family: "SimHei", "Noto Sans CJK SC", sans-serif; font-size: 1.15em; margin-top: 1.5em; }
p { text-indent: 2em; margin: 0.3em 0; }
table.form { border-collapse: collapse; width: 100%; margin: 0.8em 0; font-size: 0.9em; }
table.form th, table.form td { border: 1px solid #000; padding: 0.2em 0.35em;
       text-align: center; vertical-align: middle; }
table.form th { font-weight: normal; }
table.form td.num { font-family: "Times New Roman", serif; }
@page { size: A4; margin: 2cm 1.8cm; }
@media print { body { margin: 0; max-width: none; } table.form { page-break-inside: auto; }
       tr { page-break-inside: avoid; } h2 { page-break-after: avoid; } }
)css";

void Paragraphs(const std::string& text, std::string& out) {
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string::npos) end = text.size();
    if (end > pos) out += "<p>" + XmlEscape(text.substr(pos, end - pos)) + "</p>\n";
    pos = end + 1;
  }
}

void Table(const LayoutTable& t, std::string& out) {
  out += "<table class=\"form\">\n";
  for (const auto& row : t.rows) {
    out += "<tr>";
    for (const auto& c : row) {
      const char* tag = c.number ? "td" : "th";
      out += "<";
      out += tag;
      if (c.number) out += " class=\"num\"";
      if (c.rowspan > 1) out += " rowspan=\"" + std::to_string(c.rowspan) + "\"";
      if (c.colspan > 1) out += " colspan=\"" + std::to_string(c.colspan) + "\"";
      out += '>';
      out += XmlEscape(c.text);
      out += "</";
      out += tag;
      out += '>';
    }
    out += "</tr>\n";
  }
  out += "</table>\n";
}

}  // namespace

std::string RenderHtml(const AnnualReport& r) {
  const ReportTemplate& t = GetTemplate(r.version);
  std::string title = XmlEscape(ReportTitle(r));
  std::string out = "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n";
  out += "<meta name=\"generator\" content=\"gongkai\">\n";
  out += "<meta name=\"gongkai-template\" content=\"" +
         std::string(TemplateVersionName(r.version)) + "\">\n";
  out += "<title>" + title + "</title>\n<style>" + kCss + "</style>\n</head>\n<body>\n";
  out += "<h1>" + title + "</h1>\n";
  Paragraphs(r.preamble, out);
  auto tables = LayoutTables(r);
  for (int s = 0; s < 6; ++s) {
    out += "<h2>" + XmlEscape(t.headings[s]) + "</h2>\n";
    Paragraphs(r.sections[s], out);
    if (s >= 1 && s <= 3) Table(tables[s - 1], out);
  }
  out += "</body>\n</html>\n";
  return out;
}

}  // namespace gongkai::report

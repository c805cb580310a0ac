// Line-based renderers: plain text, Markdown and the scraped `|` form.
#include "report/layout.h"
#include "report/render.h"

namespace gongkai::report {
namespace {

// Calls fn(paragraph) for each non-empty line of a section's text.
template <typename Fn>
void ForEachParagraph(const std::string& text, Fn fn) {
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string::npos) end = text.size();
    if (end > pos) fn(std::string_view(text).substr(pos, end - pos));
    pos = end + 1;
  }
}

std::string OneLine(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c == '\n' || c == '\r' || c == '\t' || c == '|') c = ' ';
  }
  return out;
}

// Renders title, preamble, headings and section text, calling `table(i)` after the text of
// sections 二, 三, 四 (i = 0, 1, 2).
template <typename Para, typename Heading, typename Table>
void Walk(const AnnualReport& r, Para para, Heading heading, Table table) {
  const ReportTemplate& t = GetTemplate(r.version);
  ForEachParagraph(r.preamble, para);
  for (int s = 0; s < 6; ++s) {
    heading(t.headings[s]);
    ForEachParagraph(r.sections[s], para);
    if (s >= 1 && s <= 3) table(s - 1);
  }
}

}  // namespace

std::string RenderText(const AnnualReport& r) {
  std::string out = ReportTitle(r) + "\n\n";
  auto tables = LayoutTables(r);
  Walk(
      r, [&](std::string_view p) { out.append(p).append("\n"); },
      [&](const std::string& h) { out += "\n" + h + "\n"; },
      [&](int i) {
        for (const auto& row : tables[i].rows) {
          std::string line;
          for (size_t k = 0; k < row.size(); ++k) {
            if (k > 0) line += '\t';
            line += OneLine(row[k].text);
          }
          out += line + "\n";
        }
      });
  return out;
}

std::string RenderMarkdown(const AnnualReport& r) {
  std::string out = "# " + ReportTitle(r) + "\n\n";
  auto tables = LayoutTables(r);
  auto escape = [](std::string_view p) {
    std::string s(p);
    if (!s.empty() && (s[0] == '#' || s[0] == '|' || s[0] == '\\' || s[0] == '*')) s = "\\" + s;
    return s;
  };
  Walk(
      r, [&](std::string_view p) { out += escape(p) + "\n\n"; },
      [&](const std::string& h) { out += "## " + h + "\n\n"; },
      [&](int i) {
        const LayoutTable& t = tables[i];
        bool first = true;
        for (const auto& row : t.rows) {
          std::vector<std::string> grid(t.width);
          for (const auto& c : row) grid[c.grid_col] = OneLine(c.text);
          std::string line = "|";
          for (const auto& g : grid) line += " " + g + " |";
          out += line + "\n";
          if (first) {
            std::string sep = "|";
            for (int k = 0; k < t.width; ++k) sep += " --- |";
            out += sep + "\n";
            first = false;
          }
        }
        out += "\n";
      });
  return out;
}

std::string RenderPipeForm(const AnnualReport& r) {
  std::string out = ReportTitle(r) + "\n";
  auto tables = LayoutTables(r);
  Walk(
      r, [&](std::string_view p) { out.append(p).append("\n"); },
      [&](const std::string& h) { out += h + "\n"; },
      [&](int i) {
        const LayoutTable& t = tables[i];
        for (const auto& row : t.rows) {
          // An empty cell is one more pipe on a neighbouring line, never a lone "|" line
          // (which starts a row).
          std::vector<std::string> lines;
          int leading = 0;
          for (const auto& c : row) {
            std::string text = OneLine(c.text);
            if (text.find_first_not_of(' ') == std::string::npos) {
              if (lines.empty())
                ++leading;
              else
                lines.back() += "|";
            } else {
              lines.push_back(std::string(leading, '|') + text + " |");
              leading = 0;
            }
          }
          int pad = t.width - static_cast<int>(row.size());
          if (lines.empty())
            lines.push_back(std::string(leading + pad, '|'));
          else
            lines.back() += std::string(pad, '|');
          out += "|\n";
          for (const auto& l : lines) out += l + "\n";
        }
      });
  return out;
}

std::string RenderRunTogether(const AnnualReport& r, bool table4_spaced) {
  // What a page's innerText gives: paragraphs and table cells separated by one space, except
  // that a row's numbers follow each other (and their label) with nothing between them.
  std::string out = ReportTitle(r);
  auto tables = LayoutTables(r);
  auto add = [&](std::string_view s) {
    if (s.empty()) return;
    if (!out.empty()) out += ' ';
    out += OneLine(s);
  };
  Walk(r, add, add, [&](int i) {
    for (const auto& row : tables[i].rows) {
      bool numbers = false;
      for (const auto& cell : row) {
        if (!cell.number) {
          add(cell.text);
          continue;
        }
        if (numbers && i == 2 && table4_spaced) out += ' ';
        out += cell.text;
        numbers = true;
      }
    }
  });
  return out + "\n";
}

}  // namespace gongkai::report

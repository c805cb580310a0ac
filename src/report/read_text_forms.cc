// Readers for the line-based forms: the scraped `|` form of the seed, Markdown tables and plain
// text. Each turns its input into Document rows; interpretation is shared (interpret.cc).
#include <algorithm>
#include <cstring>

#include "report/document.h"
#include "report/text_util.h"

namespace gongkai::report {
namespace {

// Calls fn(line, 1-based number) for each line, without the line break ("\r\n" too).
template <typename Fn>
void ForEachLine(std::string_view text, Fn fn) {
  int number = 0;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    ++number;
    if (!(end == text.size() && line.empty())) fn(line, number);
    pos = end + 1;
  }
}

// Room for the rows of `text` (lines average well over 32 bytes): no regrowth of the row vector.
size_t RowsEstimate(std::string_view text) { return text.size() / 32 + 8; }

DocRow ParagraphRow(std::string_view text, int line) {
  DocRow r;
  r.kind = RowKind::kParagraph;
  r.cells.emplace_back(TrimSpace(text));
  r.line = line;
  return r;
}

// A line of text that may be a table row laid out with spaces (label words, then numbers): a
// kLoose row, which the interpreter keeps as prose unless it places it. False for prose.
bool LooseRow(std::string_view line, int ln, std::string& norm, Document& doc) {
  // Prose (the bulk of a report) does not end in a number: keep it without splitting.
  // The last word: after the last ASCII or full-width (E3 80 80) space, found in one pass from
  // the end.
  size_t cut = line.size();
  while (cut > 0) {
    char c = line[cut - 1];
    if (c == ' ') break;
    if (c == '\x80' && cut >= 3 && line[cut - 2] == '\x80' && line[cut - 3] == '\xE3') break;
    --cut;
  }
  // Prose ends in an ideograph or 。；：）, which normalise to no digit: no need to normalise.
  std::string_view tail = line.size() >= 3 ? line.substr(line.size() - 3) : std::string_view();
  auto lead = tail.empty() ? 0 : static_cast<unsigned char>(tail[0]);
  if ((lead >= 0xE4 && lead <= 0xE9) || tail == "\u3002" || tail == "\uFF1B" || tail == "\uFF1A" ||
      tail == "\uFF09") {
    return false;
  }
  norm.clear();
  if (!LooksNumeric(NormalizeLabelView(line.substr(cut), norm))) {
    return false;
  }
  // Split at spaces (ASCII and full-width).
  std::vector<std::string_view> words;
  size_t start = 0;
  for (size_t i = 0; i < line.size();) {
    size_t sep = line[i] == ' '                                           ? 1
                 : line[i] == '\xE3' && line.compare(i, 3, "\u3000") == 0 ? 3
                                                                          : 0;
    if (sep == 0) {
      ++i;
      continue;
    }
    if (i > start) words.push_back(line.substr(start, i - start));
    i += sep;
    start = i;
  }
  if (start < line.size()) words.push_back(line.substr(start));
  norm.clear();
  if (!words.empty() && LooksNumeric(NormalizeLabelView(words.back(), norm))) {
    DocRow r;
    r.kind = RowKind::kLoose;
    r.line = ln;
    r.cells = std::move(words);
    r.raw = line;
    doc.rows.push_back(std::move(r));
    return true;
  }
  return false;
}

}  // namespace

Document ReadPipeForm(std::string_view text) {
  // A row starts at a line that is just "|"; each following line "text |" is a cell and a line
  // of k pipes is k empty cells. A line without a closing pipe inside a row continues the next
  // cell when the next line closes one, and is prose otherwise (the table has ended).
  Document doc;
  doc.rows.reserve(RowsEstimate(text));
  bool in_row = false;
  int table = 0, row_in_table = 0;
  std::vector<std::pair<std::string_view, int>> held;  // lines without a closing pipe
  bool last_was_table = false;
  auto flush_held = [&] {
    if (held.empty()) return;
    for (auto& [t, ln] : held) doc.rows.push_back(ParagraphRow(t, ln));
    held.clear();
    in_row = false;
    last_was_table = false;
  };
  ForEachLine(text, [&](std::string_view raw, int ln) {
    std::string_view line = TrimSpace(raw);
    if (line == "|") {
      flush_held();
      if (!last_was_table) {
        ++table;
        row_in_table = 0;
      }
      DocRow r;
      r.kind = RowKind::kTable;
      r.line = ln;
      r.table = table;
      r.row = ++row_in_table;
      r.cells.reserve(16);  // the widest table has 14 columns
      doc.rows.push_back(std::move(r));
      in_row = true;
      last_was_table = true;
      return;
    }
    if (in_row && !line.empty() && line.back() == '|') {
      auto& cells = doc.rows.back().cells;
      size_t start = 0;
      while (true) {
        size_t bar = line.find('|', start);
        if (bar == std::string_view::npos) break;
        std::string_view cell = TrimSpace(line.substr(start, bar - start));
        if (start == 0 && !held.empty()) {
          // The held lines are the start of this cell: join them in the store.
          std::string joined;
          for (auto& [t, l] : held) joined += t;
          joined += cell;
          cell = doc.store.Keep(joined);
          held.clear();
        }
        cells.push_back(cell);
        start = bar + 1;
      }
      return;
    }
    if (line.empty()) {
      if (!held.empty()) flush_held();
      return;
    }
    if (in_row && held.empty()) {
      held.emplace_back(line, ln);
      return;
    }
    flush_held();
    in_row = false;
    last_was_table = false;
    doc.rows.push_back(ParagraphRow(line, ln));
  });
  flush_held();
  return doc;
}

Document ReadMarkdown(std::string_view text) {
  Document doc;
  std::string norm;  // reused by LooseRow
  doc.rows.reserve(RowsEstimate(text));
  int table = 0, row_in_table = 0;
  bool in_table = false;
  ForEachLine(text, [&](std::string_view raw, int ln) {
    std::string_view line = TrimSpace(raw);
    if (line.size() >= 2 && line.front() == '|' && line.back() == '|') {
      // Separator row: only | - : and spaces.
      bool sep = std::all_of(line.begin(), line.end(),
                             [](char c) { return c == '|' || c == '-' || c == ':' || c == ' '; });
      if (!in_table) {
        ++table;
        row_in_table = 0;
        in_table = true;
      }
      if (sep) return;
      DocRow r;
      r.kind = RowKind::kTable;
      r.line = ln;
      r.table = table;
      r.row = ++row_in_table;
      if (line.find('\\') == std::string_view::npos &&
          line.find("<br>") == std::string_view::npos) {
        // Nothing escaped (nearly every row): split at the pipes.
        r.cells.reserve(16);
        for (size_t start = 1, bar; (bar = line.find('|', start)) != std::string_view::npos;
             start = bar + 1) {
          r.cells.emplace_back(TrimSpace(line.substr(start, bar - start)));
        }
        doc.rows.push_back(std::move(r));
        return;
      }
      std::string cell;
      for (size_t i = 1; i < line.size(); ++i) {
        char c = line[i];
        if (c == '\\' && i + 1 < line.size() && line[i + 1] == '|') {
          cell += '|';
          ++i;
        } else if (c == '|') {
          std::string_view t = TrimSpace(cell);
          // <br> inside a cell is a line break in the label; labels ignore whitespace anyway.
          std::string v;
          for (size_t k = 0; k < t.size();) {
            if (t.compare(k, 4, "<br>") == 0) {
              v.push_back(' ');
              k += 4;
            } else {
              v.push_back(t[k++]);
            }
          }
          r.cells.push_back(doc.store.Keep(v));
          cell.clear();
        } else {
          cell += c;
        }
      }
      doc.rows.push_back(std::move(r));
      return;
    }
    in_table = false;
    if (line.empty()) return;
    while (!line.empty() && line.front() == '#') line.remove_prefix(1);
    line = TrimSpace(line);
    if (line.size() >= 4 && line.substr(0, 2) == "**" && line.substr(line.size() - 2) == "**") {
      line = line.substr(2, line.size() - 4);
    }
    if (!line.empty() && line.front() == '\\') line.remove_prefix(1);
    // A PDF converted to Markdown leaves some table rows as text lines ("行政许可 0").
    if (LooseRow(line, ln, norm, doc)) return;
    doc.rows.push_back(ParagraphRow(line, ln));
  });
  return doc;
}

Document ReadPlainText(std::string_view text) {
  // A line with tabs is a table row (our own text rendering, and copies from spreadsheets).
  // A line whose last word is a number may be a table row laid out with spaces (text copied
  // out of a PDF); the interpreter decides, and keeps it as prose otherwise.
  Document doc;
  doc.rows.reserve(RowsEstimate(text));
  std::string norm;  // reused: no allocation per line
  ForEachLine(text, [&](std::string_view raw, int ln) {
    std::string_view line = TrimSpace(raw);
    if (line.empty()) return;
    if (std::memchr(raw.data(), '\t', raw.size()) != nullptr) {
      // Trailing tabs are empty cells, so split the untrimmed line.
      line = raw;
      DocRow r;
      r.kind = RowKind::kTable;
      r.line = ln;
      r.cells.reserve(16);  // our widest rows have 15 cells; wider ones grow
      size_t start = 0;
      while (true) {
        size_t tab = line.find('\t', start);
        r.cells.emplace_back(TrimSpace(line.substr(start, tab - start)));
        if (tab == std::string_view::npos) break;
        start = tab + 1;
      }
      doc.rows.push_back(std::move(r));
      return;
    }
    if (LooseRow(line, ln, norm, doc)) return;
    doc.rows.push_back(ParagraphRow(line, ln));
  });
  return doc;
}

}  // namespace gongkai::report

// A tolerant HTML reader for published report pages: tables (any nesting of tags inside cells,
// rowspan/colspan left to the interpreter), paragraphs from block elements, entities decoded,
// <head>, <script> and <style> skipped. Not a conforming HTML5 parser: it never fails, and
// unbalanced or truncated markup simply ends the current cell or paragraph.
#include <cstring>

#include "report/document.h"
#include "report/text_util.h"
#include "report/xml_reader.h"

namespace gongkai::report {
namespace {

// Decodes the entity at s[i] ('&'); appends it and returns the characters consumed (1 if none).
size_t DecodeEntity(std::string_view s, size_t i, std::string& out) {
  size_t semi = s.find(';', i);
  if (semi == std::string_view::npos || semi - i > 10) {
    out.push_back('&');
    return 1;
  }
  std::string_view name = s.substr(i + 1, semi - i - 1);
  static const struct {
    const char* name;
    const char* text;
  } kNamed[] = {{"amp", "&"},        {"lt", "<"},         {"gt", ">"},     {"quot", "\""},
                {"apos", "'"},       {"nbsp", "\u00a0"},  {"ensp", " "},   {"emsp", " "},
                {"ldquo", "\u201c"}, {"rdquo", "\u201d"}, {"middot", "·"}, {"mdash", "—"}};
  for (const auto& e : kNamed) {
    if (name == e.name) {
      out += e.text;
      return semi - i + 1;
    }
  }
  if (name.size() >= 2 && name[0] == '#') {
    uint32_t cp = 0;
    bool hex = name[1] == 'x' || name[1] == 'X';
    size_t k = hex ? 2 : 1;
    if (k >= name.size()) {
      out.push_back('&');
      return 1;
    }
    for (; k < name.size(); ++k) {
      char c = name[k];
      int d = -1;
      if (c >= '0' && c <= '9')
        d = c - '0';
      else if (hex && c >= 'a' && c <= 'f')
        d = c - 'a' + 10;
      else if (hex && c >= 'A' && c <= 'F')
        d = c - 'A' + 10;
      if (d < 0) {
        out.push_back('&');
        return 1;
      }
      cp = cp * (hex ? 16 : 10) + d;
      if (cp > 0x10FFFF) cp = 0xFFFD;
    }
    AppendUtf8(out, cp);
    return semi - i + 1;
  }
  out.push_back('&');
  return 1;
}

bool IsBlockTag(std::string_view t) {
  static const char* kBlocks[] = {
      "p",  "div",     "h1",      "h2", "h3",    "h4",         "h5",     "h6",  "li", "br",  "ul",
      "ol", "section", "article", "tr", "table", "blockquote", "center", "pre", "hr", "body"};
  for (const char* b : kBlocks) {
    if (t == b) return true;
  }
  return false;
}

std::string Lower(std::string_view s) {
  std::string o(s);
  for (char& c : o) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return o;
}

}  // namespace

Document ReadHtml(std::string_view s) {
  std::vector<BuildRow> rows;  // cells grow as text arrives; copied into `out` at the end
  std::string para;            // text outside tables
  int table = 0, table_depth = 0, row_in_table = 0;
  bool in_cell = false;
  auto flush_para = [&] {
    // Collapse whitespace runs to one space.
    std::string out;
    bool space = false;
    for (char c : para) {
      if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
        space = true;
      } else {
        if (space && !out.empty()) out.push_back(' ');
        space = false;
        out.push_back(c);
      }
    }
    para.clear();
    std::string_view t = TrimSpace(out);
    if (t.empty()) return;
    BuildRow r;
    r.cells.emplace_back(t);
    rows.push_back(std::move(r));
  };
  auto text_sink = [&]() -> std::string* {
    if (in_cell && !rows.empty() && !rows.back().cells.empty()) {
      return &rows.back().cells.back();
    }
    // Outside any cell: prose, also inside a layout table after a nested table has closed
    // (whitespace between cells collapses to nothing).
    return &para;
  };
  size_t i = 0;
  while (i < s.size()) {
    char c = s[i];
    if (c == '<') {
      if (s.compare(i, 4, "<!--") == 0) {
        size_t end = s.find("-->", i + 4);
        i = end == std::string_view::npos ? s.size() : end + 3;
        continue;
      }
      size_t end = i + 1;
      char quote = 0;
      while (end < s.size() && (quote != 0 || s[end] != '>')) {
        if (quote == 0 && (s[end] == '"' || s[end] == '\''))
          quote = s[end];
        else if (quote != 0 && s[end] == quote)
          quote = 0;
        ++end;
      }
      std::string_view tag = s.substr(i + 1, (end < s.size() ? end : s.size()) - i - 1);
      i = end < s.size() ? end + 1 : s.size();
      bool closing = !tag.empty() && tag[0] == '/';
      if (closing) tag.remove_prefix(1);
      size_t name_end = 0;
      while (name_end < tag.size() && tag[name_end] != ' ' && tag[name_end] != '\t' &&
             tag[name_end] != '\n' && tag[name_end] != '/' && tag[name_end] != '\r') {
        ++name_end;
      }
      std::string name = Lower(tag.substr(0, name_end));
      if (!closing && (name == "script" || name == "style" || name == "head" || name == "title")) {
        std::string close = "</" + name;
        size_t at = i;
        while (true) {
          at = s.find("</", at);
          if (at == std::string_view::npos) break;
          if (Lower(s.substr(at, close.size())) == close) break;
          at += 2;
        }
        if (at == std::string_view::npos) {
          i = s.size();
        } else {
          size_t gt = s.find('>', at);
          i = gt == std::string_view::npos ? s.size() : gt + 1;
        }
        continue;
      }
      if (name == "table" || name == "tr" || name == "td" || name == "th") flush_para();
      if (name == "table") {
        if (!closing) {
          if (table_depth == 0) {
            ++table;
            row_in_table = 0;
          }
          ++table_depth;
        } else if (table_depth > 0) {
          --table_depth;
          in_cell = false;
        }
        continue;
      }
      if (name == "tr" && table_depth > 0) {
        in_cell = false;
        if (!closing) {
          BuildRow r;
          r.kind = RowKind::kTable;
          r.table = table;
          r.row = ++row_in_table;
          rows.push_back(std::move(r));
        }
        continue;
      }
      if ((name == "td" || name == "th") && table_depth > 0) {
        if (closing) {
          in_cell = false;
        } else {
          if (rows.empty() || rows.back().kind != RowKind::kTable) {
            BuildRow r;
            r.kind = RowKind::kTable;
            r.table = table;
            r.row = ++row_in_table;
            rows.push_back(std::move(r));
          }
          rows.back().cells.emplace_back();
          in_cell = true;
        }
        continue;
      }
      if (IsBlockTag(name)) {
        if (in_cell) {
          if (std::string* sink = text_sink()) sink->push_back('\n');
        } else {
          flush_para();
        }
      }
      continue;
    }
    std::string* sink = text_sink();
    if (c == '&') {
      std::string tmp;
      i += DecodeEntity(s, i, tmp);
      if (sink) *sink += tmp;
      continue;
    }
    if (sink) sink->push_back(c);
    ++i;
  }
  flush_para();
  // Cells: trim; rows that are all empty are dropped.
  Document out;
  for (auto& r : rows) {
    if (r.kind == RowKind::kTable) {
      bool any = false;
      for (auto& cell : r.cells) {
        cell = std::string(TrimSpace(cell));
        any |= !cell.empty();
      }
      if (!any) continue;
    }
    out.rows.push_back(KeepRow(r, out.store));
  }
  return out;
}

}  // namespace gongkai::report

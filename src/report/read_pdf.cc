// PDF input (import.h ReadPdf): the words of each page with their boxes, from Debian's poppler
// (libpoppler-cpp), rebuilt into lines and table rows by position only:
// - a line is the words whose vertical centres lie within half a glyph height of each other;
// - page furniture is dropped: page numbers (-3-, 第3页, 3/6, a lone number) in the top or bottom
//   tenth of a page, and text lines repeated at the same height on most pages (running headers);
// - a line whose last cells are numbers is a table row: its numbers are its values, the text to
//   their left its label; label-only lines next to it (a label wrapped inside its cell, above and
//   below the numbers) are joined to the nearest such row, per column of label text, when that
//   makes a known row label;
// - when a row has fewer numbers than the full row above it, each number goes to the column whose
//   numbers it lies under (an empty cell stays empty);
// - other lines are prose; a line that fills the text width continues into the next one.
// Image-only PDFs (no text layer) are refused with a message: no OCR.
#include <fmt/format.h>
#include <poppler-document.h>
#include <poppler-page.h>

#include <algorithm>
#include <cmath>
#include <memory>

#include "report/import.h"
#include "report/label_index.h"
#include "report/text_util.h"

namespace gongkai::report {
namespace {

struct Word {
  std::string text;
  double x0, y0, x1, y1;
  double cy() const { return (y0 + y1) / 2; }
  double h() const { return y1 - y0; }
};

struct Cell {
  std::string text;
  double x0, x1, y;
  bool number = false;
};

struct Line {
  int page = 0;
  int number = 0;  // 1-based line number on its page
  double y = 0, h = 0, x0 = 0, x1 = 0;
  std::vector<Cell> cells;
  std::string text;         // the cells joined
  bool table = false;       // ends in numbers
  bool used = false;        // joined into a table row's label
  size_t first_number = 0;  // index of the first number cell
};

void Quiet(const std::string&, void*) {}

bool IsNumberText(const std::string& s) {
  std::string buf;
  std::string_view n = NormalizeLabelView(s, buf);
  return !n.empty() && LooksNumeric(n);
}

// -3-, — 3 —, 3, 第3页, 第 3 页 共 6 页, 3/6, Page 3.
bool IsPageNumber(std::string_view text) {
  std::string n = NormalizeLabel(text);
  std::string core;
  for (size_t i = 0; i < n.size();) {
    unsigned char c = n[i];
    if (c == '-' || c == '/' || c == '.' || (c >= '0' && c <= '9')) {
      core += static_cast<char>(c);
      ++i;
    } else if (n.compare(i, 3, "第") == 0 || n.compare(i, 3, "页") == 0 ||
               n.compare(i, 3, "共") == 0 || n.compare(i, 3, "—") == 0 ||
               n.compare(i, 3, "–") == 0) {
      i += 3;
    } else if (n.compare(i, 4, "Page") == 0 || n.compare(i, 4, "page") == 0) {
      i += 4;
    } else {
      return false;
    }
  }
  return std::any_of(core.begin(), core.end(), [](char c) { return c >= '0' && c <= '9'; }) &&
         n.size() <= 30;
}

std::vector<Word> PageWords(const poppler::page& page) {
  std::vector<Word> out;
  for (const poppler::text_box& box : page.text_list()) {
    poppler::byte_array utf8 = box.text().to_utf8();
    std::string text(utf8.begin(), utf8.end());
    if (TrimSpace(text).empty()) continue;
    poppler::rectf r = box.bbox();
    // Some writers give every glyph the box of the whole line height (Chromium: 28 pt boxes on
    // 19 pt lines). The glyphs' own size follows from the width: a CJK character is about one
    // em wide, an ASCII one about half.
    double ems = 0;
    for (unsigned char c : text) {
      if (c < 0x80) ems += 0.55;
      if (c >= 0xC0) ems += 1.0;
    }
    double h = std::min(r.height(), 1.2 * r.width() / std::max(ems, 0.5));
    double cy = (r.top() + r.bottom()) / 2;
    out.push_back({std::move(text), r.left(), cy - h / 2, r.right(), cy + h / 2});
  }
  return out;
}

// Words → lines of cells (words closer than a glyph height are one cell; numbers stand alone).
std::vector<Line> PageLines(std::vector<Word> words, int page) {
  std::sort(words.begin(), words.end(), [](const Word& a, const Word& b) {
    return a.cy() != b.cy() ? a.cy() < b.cy() : a.x0 < b.x0;
  });
  std::vector<std::vector<Word>> groups;
  std::vector<double> centre, height;
  for (Word& w : words) {
    bool joined = false;
    // A line is compared with the last few lines only (words come sorted by height).
    for (size_t g = groups.size(); g-- > 0 && g + 4 >= groups.size();) {
      if (std::fabs(w.cy() - centre[g]) <= 0.5 * std::max(w.h(), height[g])) {
        groups[g].push_back(std::move(w));
        joined = true;
        break;
      }
    }
    if (!joined) {
      centre.push_back(w.cy());
      height.push_back(w.h());
      groups.emplace_back();
      groups.back().push_back(std::move(w));
    }
  }
  std::vector<Line> lines;
  for (size_t g = 0; g < groups.size(); ++g) {
    auto& ws = groups[g];
    std::sort(ws.begin(), ws.end(), [](const Word& a, const Word& b) { return a.x0 < b.x0; });
    Line line;
    line.page = page;
    line.y = centre[g];
    line.h = height[g];
    line.x0 = ws.front().x0;
    for (const Word& w : ws) {
      bool number = IsNumberText(w.text);
      line.h = std::max(line.h, w.h());
      line.x1 = std::max(line.x1, w.x1);
      // Words that touch are one cell; a visible gap separates cells (a group label and the row
      // label beside it: 「（四）无 2.没有现成信息需要另行制作」).
      if (!line.cells.empty() && !number && !line.cells.back().number &&
          w.x0 - line.cells.back().x1 <= 0.25 * w.h()) {
        Cell& c = line.cells.back();
        c.text += w.text;
        c.x1 = w.x1;
        continue;
      }
      line.cells.push_back({w.text, w.x0, w.x1, w.cy(), number});
    }
    size_t k = line.cells.size();
    while (k > 0 && line.cells[k - 1].number) --k;
    line.table = k < line.cells.size();
    line.first_number = k;
    for (size_t i = k; i-- > 0;) {
      if (line.cells[i].number) line.table = false;  // numbers before text: prose
    }
    for (const Cell& c : line.cells) {
      if (!line.text.empty()) line.text += ' ';
      line.text += c.text;
    }
    lines.push_back(std::move(line));
  }
  return lines;
}

// Page numbers in the top or bottom tenth, and text repeated at the same height on at least three
// pages and half of them (a running header or footer).
void DropFurniture(std::vector<std::vector<Line>>& pages, const std::vector<double>& heights) {
  std::vector<std::pair<std::string, int>> edge;  // text, rounded height
  auto at_edge = [&](const Line& l, size_t p) {
    return l.y < heights[p] * 0.1 || l.y > heights[p] * 0.9;
  };
  for (size_t p = 0; p < pages.size(); ++p) {
    for (const Line& l : pages[p]) {
      if (at_edge(l, p)) edge.push_back({l.text, static_cast<int>(l.y / 4)});
    }
  }
  for (size_t p = 0; p < pages.size(); ++p) {
    auto& ls = pages[p];
    ls.erase(std::remove_if(
                 ls.begin(), ls.end(),
                 [&](const Line& l) {
                   if (!at_edge(l, p)) return false;
                   if (IsPageNumber(l.text)) return true;
                   long same = std::count(edge.begin(), edge.end(),
                                          std::make_pair(l.text, static_cast<int>(l.y / 4)));
                   // A running header or footer: on most pages, never a table row.
                   return !l.table && same >= 3 && static_cast<size_t>(same) * 2 >= pages.size();
                 }),
             ls.end());
  }
}

bool KnownLabel(std::string_view text) {
  std::string n = NormalizeLabel(text);
  interp::Place p;
  return !n.empty() && (interp::Lookup(interp::IndexFor(TemplateVersion::k2021), n, p) ||
                        interp::Lookup(interp::IndexFor(TemplateVersion::k2019), n, p));
}

// Label cells of a table line, with the label-only lines `extra` joined per column (a column of
// label text starts within a glyph height of the same x).
std::vector<std::string> LabelColumns(const Line& row, const std::vector<const Line*>& extra) {
  // A column of label text: parts whose x ranges overlap (labels are often centred in their
  // cell, so the lines of one label start at different x).
  struct Col {
    double x0, x1;
    std::vector<std::pair<double, std::string>> parts;  // y, text
  };
  std::vector<Col> cols;
  auto add = [&](const Line& l, size_t upto) {
    for (size_t i = 0; i < upto; ++i) {
      const Cell& c = l.cells[i];
      auto it = std::find_if(cols.begin(), cols.end(),
                             [&](const Col& col) { return c.x0 < col.x1 && col.x0 < c.x1; });
      if (it == cols.end()) {
        cols.push_back({c.x0, c.x1, {}});
        it = cols.end() - 1;
      }
      it->x0 = std::min(it->x0, c.x0);
      it->x1 = std::max(it->x1, c.x1);
      it->parts.push_back({c.y, c.text});
    }
  };
  add(row, row.first_number);
  for (const Line* l : extra) add(*l, l->cells.size());
  std::sort(cols.begin(), cols.end(), [](const Col& a, const Col& b) { return a.x0 < b.x0; });
  std::vector<std::string> out;
  for (Col& c : cols) {
    std::sort(c.parts.begin(), c.parts.end());
    std::string s;
    for (auto& [y, t] : c.parts) s += t;
    out.push_back(std::move(s));
  }
  // The row label is the last column; when it is not a known label but the last two columns run
  // together are (a label cut by a gap inside it), they are one.
  if (out.size() >= 2 && !KnownLabel(out.back()) && KnownLabel(out[out.size() - 2] + out.back())) {
    out[out.size() - 2] += out.back();
    out.pop_back();
  }
  return out;
}

// A title set on two or three short lines at the top of the first page ("淮安市人民政府" over
// "2024 年政府信息公开工作年度报告") becomes one line, without the spaces a PDF puts around
// digits.
void JoinTitle(std::vector<Line>& lines) {
  static const std::string kEnd = "年度报告";
  std::string joined;  // lines 0..i, spaces dropped, nothing else changed
  for (size_t i = 0; i < lines.size() && i < 3 && lines[i].page == 1; ++i) {
    const std::string& t = lines[i].text;
    for (size_t c = 0; c < t.size();) {
      size_t sp = t[c] == ' ' ? 1 : t.compare(c, 3, "\u3000") == 0 ? 3 : 0;
      if (sp > 0) {
        c += sp;
      } else {
        joined += t[c++];
      }
    }
    if (joined.size() > 200) return;
    if (joined.size() < kEnd.size() ||
        joined.compare(joined.size() - kEnd.size(), kEnd.size(), kEnd) != 0) {
      continue;
    }
    lines[i].text = joined;
    lines[i].cells.assign(1, {joined, lines[0].x0, lines[i].x1, lines[i].y, false});
    lines[i].table = false;
    lines.erase(lines.begin(), lines.begin() + static_cast<long>(i));
    return;
  }
}

class Builder {
 public:
  explicit Builder(std::vector<Line> lines) : lines_(std::move(lines)) {}

  Document Build() {
    AttachLabels();
    Document doc;
    const Line* ref = nullptr;  // the last full table row: its numbers' columns
    for (size_t i = 0; i < lines_.size(); ++i) {
      const Line& l = lines_[i];
      if (l.used) continue;
      if (!l.table) {
        ref = nullptr;
        Prose(l, doc);
        continue;
      }
      DocRow r;
      r.kind = RowKind::kLoose;
      r.line = l.number;
      r.page = l.page;
      std::vector<std::string> cells = LabelColumns(l, attached_[i]);
      std::vector<std::string> values = Values(l, Wider(i, ref));
      std::string raw;
      for (const auto& c : cells) r.cells.push_back(doc.store.Keep(c));
      for (const auto& v : values) r.cells.push_back(doc.store.Keep(v));
      for (const auto& c : r.cells) raw += std::string(c) + " ";
      r.raw = doc.store.Keep(raw);
      doc.rows.push_back(std::move(r));
      last_prose_ = nullptr;
      size_t n = l.cells.size() - l.first_number;
      if (!ref || n >= ref->cells.size() - ref->first_number) ref = &l;
    }
    return doc;
  }

 private:
  // Each label-only line within two line heights of a table line joins the nearest one, when
  // that gives a known label (or the table line has no label of its own).
  void AttachLabels() {
    attached_.assign(lines_.size(), {});
    for (size_t i = 0; i < lines_.size(); ++i) {
      Line& l = lines_[i];
      if (l.table || l.cells.empty()) continue;
      size_t best = lines_.size();
      double dist = 0;
      for (size_t j = i; j-- > 0 && i - j <= 3;) {
        if (lines_[j].page != l.page) break;
        if (lines_[j].table) {
          best = j;
          dist = l.y - lines_[j].y;
          break;
        }
      }
      for (size_t j = i + 1; j < lines_.size() && j - i <= 3; ++j) {
        if (lines_[j].page != l.page) break;
        if (lines_[j].table) {
          if (best == lines_.size() || lines_[j].y - l.y < dist) {
            best = j;
            dist = lines_[j].y - l.y;
          }
          break;
        }
      }
      if (best == lines_.size()) continue;
      const Line& row = lines_[best];
      if (dist > 2.3 * std::max(row.h, l.h)) continue;
      double first_x = row.cells[row.first_number].x0;
      if (l.x1 > first_x) continue;  // text over the numbers: a header, not a label part
      candidates_.push_back({i, best});
    }
    // Keep a join only when the row's label becomes known, or was unknown anyway.
    for (size_t i = 0; i < lines_.size(); ++i) {
      if (!lines_[i].table) continue;
      std::vector<const Line*> extra;
      std::vector<size_t> idx;
      for (auto& [from, to] : candidates_) {
        if (to == i) {
          extra.push_back(&lines_[from]);
          idx.push_back(from);
        }
      }
      if (extra.empty()) continue;
      std::vector<std::string> joined = LabelColumns(lines_[i], extra);
      std::vector<std::string> own = LabelColumns(lines_[i], {});
      bool own_known = !own.empty() && KnownLabel(own.back());
      bool joined_known = !joined.empty() && KnownLabel(joined.back());
      if (own_known && !joined_known) continue;
      if (!joined_known && !own.empty()) continue;
      attached_[i] = extra;
      for (size_t f : idx) lines_[f].used = true;
    }
  }

  // The row whose columns a table line's numbers are placed under: `above` (the last full row)
  // when it has more numbers, else the next row below with more, before any prose (the first
  // row of a table may be the one with an empty cell).
  const Line* Wider(size_t i, const Line* above) const {
    auto count = [](const Line& l) { return l.cells.size() - l.first_number; };
    size_t n = count(lines_[i]);
    if (above && count(*above) > n) return above;
    for (size_t j = i + 1; j < lines_.size(); ++j) {
      const Line& l = lines_[j];
      if (!l.table && !l.used) break;
      if (l.table && count(l) > n) return &l;
    }
    return above;
  }

  // The numbers of a table line; placed under the columns of `ref` when fewer.
  static std::vector<std::string> Values(const Line& l, const Line* ref) {
    std::vector<std::string> out;
    size_t n = l.cells.size() - l.first_number;
    size_t m = ref ? ref->cells.size() - ref->first_number : 0;
    if (!ref || n >= m) {
      for (size_t i = l.first_number; i < l.cells.size(); ++i) out.push_back(l.cells[i].text);
      return out;
    }
    out.assign(m, "");
    for (size_t i = l.first_number; i < l.cells.size(); ++i) {
      const Cell& c = l.cells[i];
      double mid = (c.x0 + c.x1) / 2, best = 1e18;
      size_t at = 0;
      for (size_t k = 0; k < m; ++k) {
        const Cell& rc = ref->cells[ref->first_number + k];
        double d = std::fabs((rc.x0 + rc.x1) / 2 - mid);
        if (d < best) {
          best = d;
          at = k;
        }
      }
      if (!out[at].empty()) return Values(l, nullptr);  // two in one column: keep as written
      out[at] = c.text;
    }
    return out;
  }

  void Prose(const Line& l, Document& doc) {
    // A wrapped line continues the previous paragraph when that one reached the right margin
    // and this one is not indented.
    if (last_prose_ && last_prose_->x1 >= right_ - 2 * l.h && l.x0 <= last_prose_->x0 + 0.5 * l.h &&
        !doc.rows.empty() && doc.rows.back().kind == RowKind::kParagraph) {
      std::string joined = std::string(doc.rows.back().cells[0]) + l.text;
      doc.rows.back().cells[0] = doc.store.Keep(joined);
      last_prose_ = &l;
      return;
    }
    DocRow r;
    r.kind = RowKind::kParagraph;
    r.cells.push_back(doc.store.Keep(l.text));
    r.line = l.number;
    r.page = l.page;
    doc.rows.push_back(std::move(r));
    last_prose_ = &l;
  }

 public:
  double right_ = 0;  // the right edge of the text

 private:
  std::vector<Line> lines_;
  std::vector<std::pair<size_t, size_t>> candidates_;  // label-only line → table line
  std::vector<std::vector<const Line*>> attached_;
  const Line* last_prose_ = nullptr;
};

}  // namespace

Result<Document> ReadPdf(std::string_view bytes) {
  static const bool quiet = [] {
    poppler::set_debug_error_function(Quiet, nullptr);
    return true;
  }();
  (void)quiet;
  if (bytes.size() > kPdfMaxBytes) {
    return InvalidArgument("pdf too large",
                           fmt::format("PDF 文件有 {:.1f} MB，超过 {} MB 的上限，拒绝读取",
                                       bytes.size() / 1048576.0, kPdfMaxBytes >> 20));
  }
  std::unique_ptr<poppler::document> pdf(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (!pdf) {
    return InvalidArgument("pdf unreadable",
                           "PDF 文件已损坏、不完整或已加密，无法打开（若有密码，请先另存为未加密的 "
                           "PDF）");
  }
  if (pdf->is_locked()) {
    return InvalidArgument("pdf encrypted",
                           "PDF 文件已加密，需要密码才能打开；请先另存为未加密的 PDF 再导入");
  }
  int pages = pdf->pages();
  if (pages <= 0) return InvalidArgument("pdf without pages", "PDF 文件没有页面，无法读取");
  if (pages > kPdfMaxPages)
    return InvalidArgument(
        "pdf too many pages",
        fmt::format("PDF 文件有 {} 页，超过 {} 页的上限，不像是一份年度报告，拒绝读取", pages,
                    kPdfMaxPages));
  std::vector<std::vector<Line>> page_lines;
  std::vector<double> heights;
  size_t glyphs = 0;
  double right = 0;
  for (int p = 0; p < pages; ++p) {
    std::unique_ptr<poppler::page> page(pdf->create_page(p));
    if (!page) {
      page_lines.emplace_back();
      heights.push_back(0);
      continue;
    }
    std::vector<Word> words = PageWords(*page);
    for (const Word& w : words) glyphs += w.text.size();
    heights.push_back(page->page_rect().height());
    page_lines.push_back(PageLines(std::move(words), p + 1));
  }
  if (glyphs < 20) {
    return InvalidArgument("pdf without text layer",
                           "这个 PDF 没有文字层（扫描件或图片），无法读取其中的表格；gongkai "
                           "不做文字识别（OCR），请向发布机关索取可复制文字的 PDF，或先用 OCR "
                           "软件转换为文本");
  }
  DropFurniture(page_lines, heights);
  std::vector<Line> all;
  for (auto& ls : page_lines) {
    int n = 0;
    for (Line& l : ls) {
      l.number = ++n;
      right = std::max(right, l.x1);
      all.push_back(std::move(l));
    }
  }
  JoinTitle(all);
  Builder b(std::move(all));
  b.right_ = right;
  return b.Build();
}

}  // namespace gongkai::report

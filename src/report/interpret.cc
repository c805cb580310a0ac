// Interpretation: places the rows of a Document into an AnnualReport.
//
// Every number is placed through the label of its row (规章, （三）不予公开 1.属于国家秘密, …) as
// the template in report_template.cc spells it, compared after NormalizeLabel. The cells after the
// label are the row's values in the template's column order; padding cells that the scraped and
// HTML forms add for merged columns are dropped only when empty. Table 四 has no row label: its
// one data row is the row of numbers that follows its headers. Anything else that carries a
// number is reported (I1) with its position and the report is marked incomplete: the importer
// never guesses where a number belongs.
#include <fmt/format.h>

#include <array>
#include <functional>
#include <utility>

#include "report/document.h"
#include "report/header_labels.h"
#include "report/label_index.h"
#include "report/text_util.h"

namespace gongkai::report {
namespace {

using interp::DetectTemplate;
using interp::IndexFor;
using interp::LabelIndex;
using interp::Lookup;
using interp::NormRow;
using interp::Norms;
using interp::Place;

static_assert(sizeof(Table3Line) == kTable3Columns * sizeof(Value),
              "rows of table 三 are contiguous");

CellSource SourceOf(const DocRow& row, int cell) {
  CellSource s;
  s.line = row.line;
  s.doc_table = row.table;
  s.doc_row = row.row;
  s.page = row.page;
  s.cell = cell;
  return s;
}

std::string Position(const DocRow& row, int cell) { return SourcePosition(SourceOf(row, cell)); }

class Interpreter {
  static constexpr size_t kRecent = 3;
  using Recent = std::array<std::string_view, kRecent>;

 public:
  Interpreter(const Document& doc, const Norms& norms) : doc_(doc), norms_(norms) {}

  ImportResult Run(TemplateVersion v, int votes) {
    res_.report = MakeEmptyReport(v);
    t_ = &GetTemplate(v);
    ix_ = &IndexFor(v);
    table4_review_ = NormalizeLabel(t_->table4_review);
    subtotal_ = NormalizeLabel(t_->table3_subtotal);
    seen2_.assign(t_->Table2CellCount(), false);
    seen3_.assign(t_->table3.size(), false);
    res_.sources.reserve(t_->Table2CellCount() + t_->table3.size() * kTable3Columns +
                         kTable4Columns);
    for (size_t i = 0; i < doc_.rows.size(); ++i) Row(doc_.rows[i], norms_.Row(i));
    Finish(votes);
    return std::move(res_);
  }

 private:
  void AddText(std::string_view text) {
    text = TrimSpace(text);
    if (text.empty()) return;
    std::string& dst = section_ < 0 ? res_.report.preamble : res_.report.sections[section_];
    if (!dst.empty()) dst += '\n';
    dst.append(text);
  }

  void Issue(const char* rule, Severity sev, const std::string& pos, const std::string& msg,
             bool incomplete) {
    res_.issues.push_back({rule, sev, "source/" + pos, pos, msg});
    if (incomplete) res_.complete = false;
  }

  void Paragraph(std::string_view text) {
    // Headings, titles and header runs are short; long prose is only copied (speed: most of
    // a report's bytes are prose).
    if (text.size() > kMaxLabelBytes) {
      if (section_ < 0 && !title_seen_ && ParseTitle(text)) return;
      AddText(text);
      return;
    }
    if (IsPlainProse(text)) {
      AddText(text);
      return;
    }
    NormalizeLabelInto(text, norm_);
    if (norm_.empty()) return;
    if (section_ < 0 && !title_seen_ && ParseTitle(text)) return;
    int h = MatchHeading(norm_);
    if (h > section_) {
      section_ = h;
      return;
    }
    if (section_ >= 1 && section_ <= 3 && IsKnownHeaderRun(*t_, norm_)) return;
    AddText(text);
  }

  // True when `text` can be neither a title, a heading nor a header run, judged from its first
  // characters only (most short paragraphs are prose: this spares normalising all of them).
  // Normalising a prefix gives a prefix of the normalised text, except that a character cut at
  // the end stays raw: so at least 9 bytes are needed to trust the first 6.
  bool IsPlainProse(std::string_view text) {
    if (section_ < 0 && !title_seen_) return false;
    head_.clear();
    std::string_view head = NormalizeLabelView(text.substr(0, 30), head_);
    if (head.size() < 9) return false;
    static constexpr std::string_view kNumerals[] = {"一、", "二、", "三、",
                                                     "四、", "五、", "六、"};
    if (head.compare(3, 3, "\u3001") == 0) {  // 、 after the first character
      for (std::string_view num : kNumerals) {
        if (head.substr(0, num.size()) == num) return false;  // MatchHeading's test
      }
    }
    return !(section_ >= 1 && section_ <= 3 && MayStartHeaderRun(*t_, head));
  }

  bool ParseTitle(std::string_view text) {
    std::string agency;
    int year = 0;
    if (!ParseReportTitle(text, agency, year)) return false;
    res_.report.agency = agency;
    res_.report.year = year;
    title_seen_ = true;
    return true;
  }

  static constexpr size_t kMaxLabelBytes = 240;

  void Row(const DocRow& row, const NormRow& n) {
    if (row.kind == RowKind::kParagraph) {
      std::string_view text = row.cells.empty() ? std::string_view() : row.cells[0];
      if (recent_n_ == kRecent) {
        recent_[0] = recent_[1];
        recent_[1] = recent_[2];
        --recent_n_;
      }
      recent_[recent_n_++] = text;
      Paragraph(text);
      return;
    }
    const Recent recent = recent_;
    const size_t recent_n = std::exchange(recent_n_, 0);
    int leaf = -1;
    Place place;
    int numeric = 0;
    for (int i = static_cast<int>(n.size()) - 1; i >= 0; --i) {
      if (n.Numeric(i)) ++numeric;
    }
    for (int i = static_cast<int>(n.size()) - 1; i >= 0 && leaf < 0; --i) {
      if (n[i].empty() || n.Numeric(i)) continue;
      if (Lookup(*ix_, n[i], place)) leaf = i;
    }
    if (leaf < 0 && row.kind == RowKind::kLoose) {
      // Labels split at spaces: try them run together.
      std::string joined;
      int last_label = -1;
      for (int i = 0; i < static_cast<int>(n.size()); ++i) {
        if (n.Numeric(i)) break;
        joined += n[i];
        last_label = i;
      }
      if (last_label >= 0 && Lookup(*ix_, joined, place)) leaf = last_label;
    }
    bool has_value_after = false;
    if (leaf >= 0) {
      for (size_t i = leaf + 1; i < n.size(); ++i) has_value_after |= n.Numeric(i);
    }
    if (leaf >= 0 && has_value_after) {
      DataRow(row, n, leaf, place);
      return;
    }
    if (leaf < 0 && recent_n > 0 && LabelAbove(recent, recent_n, n, numeric, place)) {
      DataRow(row, n, -1, place);
      return;
    }
    // No row label. Header rows carry only known labels.
    bool all_known = true, any_label = false;
    for (size_t i = 0; i < n.size(); ++i) {
      std::string_view c = n[i];
      if (c.empty() || n.Numeric(i)) continue;
      any_label = true;
      if (!IsKnownHeaderLabel(*t_, c) && !(leaf >= 0)) all_known = false;
    }
    if (any_label && all_known) {
      if (section_ == 3 || Contains(n, table4_review_)) in_table4_ = true;
      if (!in_table4_ && !subtotal_.empty() && Contains(n, subtotal_)) subtotal3_ = true;
      if (numeric == 0) return;
    }
    if (numeric > 0 && !any_label && (in_table4_ || section_ == 3)) {
      Table4Row(row, n);
      return;
    }
    if (row.kind == RowKind::kLoose) {
      // Prose after all, unless it ends in a run of numbers inside the tables' sections.
      if (numeric < 3 || section_ < 1 || section_ > 3) {
        Paragraph(row.raw);
        return;
      }
    }
    if (numeric == 0) {
      if (row.kind == RowKind::kLoose || section_ < 1 || section_ > 3) {
        // Text laid out in a table (many sites put the whole page in a layout table): each
        // line of each cell is a paragraph, so headings inside are still recognised.
        if (row.kind == RowKind::kLoose) {
          Paragraph(row.raw);
        } else {
          for (const auto& c : row.cells) {
            size_t pos = 0;
            while (pos <= c.size()) {
              size_t end = c.find('\n', pos);
              if (end == std::string_view::npos) end = c.size();
              Paragraph(std::string_view(c).substr(pos, end - pos));
              pos = end + 1;
            }
          }
        }
      } else {
        for (size_t i = 0; i < n.size(); ++i) {
          if (!n[i].empty() && !IsKnownHeaderLabel(*t_, n[i])) {
            Issue("I1", Severity::kWarning, Position(row, i),
                  fmt::format("{}：无法识别的表格单元格“{}”（不含数字，已忽略）", Position(row, i),
                              row.cells[i]),
                  false);
          }
        }
      }
      return;
    }
    if (section_ < 0 && row.kind == RowKind::kTable) {
      // Before the report's first heading: a page's own table (索引号, 发布日期 2024-01-17 …),
      // not one of the report's; its text joins the preamble.
      for (const auto& c : row.cells) Paragraph(c);
      return;
    }
    for (size_t i = 0; i < n.size(); ++i) {
      if (n.Numeric(i)) {
        Issue("I1", Severity::kError, Position(row, i),
              fmt::format("{}：数字“{}”所在的行无法识别，未计入任何单元格", Position(row, i),
                          row.cells[i]),
              true);
      }
    }
  }

  // A row of table 三 that is only its seven numbers, right after text lines that together are
  // a row label not met yet: a PDF conversion put the label (often split over lines) above its
  // numbers. The last one, two or three lines are tried, joined in order.
  bool LabelAbove(const Recent& recent, size_t count, const NormRow& n, int numeric, Place& place) {
    if (section_ != 2 || numeric != kTable3Columns) return false;
    for (size_t i = 0; i < n.size(); ++i) {
      if (!n[i].empty() && !n.Numeric(i)) return false;
    }
    std::string joined;
    for (size_t k = 1; k <= count; ++k) {
      joined.clear();
      for (size_t j = count - k; j < count; ++j) joined += recent[j];
      Place p;
      if (Lookup(*ix_, NormalizeLabel(joined), p) && p.table == 3 && !seen3_[p.row]) {
        place = p;
        return true;
      }
    }
    return false;
  }

  static bool Contains(const NormRow& n, const std::string& normalized) {
    for (size_t i = 0; i < n.size(); ++i) {
      if (n[i] == normalized) return true;
    }
    return false;
  }

  // Where ReadValues puts a row's values (the widest row is table 四's 15 cells).
  using ValueSlots = std::array<Value*, kTable4Columns + 1>;

  // Reads cells [first, first+k) as values of the given kinds into `out`.
  void ReadValues(const DocRow& row, const NormRow& n, int first,
                  const std::vector<ValueKind>& kinds,
                  const std::function<std::string(int)>& name_of, const ValueSlots& out) {
    const int k = static_cast<int>(kinds.size());
    // Empty cells right after the label stand for merged label columns (Markdown writes a
    // merged cell once and leaves the rest empty) when the row is wider than its values.
    while (static_cast<int>(n.size()) - first > k && first < static_cast<int>(n.size()) &&
           n[first].empty()) {
      ++first;
    }
    const int given = static_cast<int>(n.size()) - first;
    if (given >= 1 && given < k) {
      // Fewer cells than columns (a conversion dropped one): which column is missing is unknown,
      // so none of them is placed.
      std::string whole = name_of(0);
      whole = whole.substr(0, whole.rfind(" · "));
      std::string written;
      for (int i = first; i < static_cast<int>(n.size()); ++i) {
        written += fmt::format("{}“{}”", i > first ? "、" : "", row.cells[i]);
      }
      Issue("I1", Severity::kError, Position(row, first),
            fmt::format(
                "{}：{} 一行有 {} 列，却只有 {} 个单元格（{}），无法确定各自属于哪一列，未填入",
                Position(row, first), whole, k, given, written),
            true);
      return;
    }
    for (int j = 0; j < k; ++j) {
      int i = first + j;
      if (i >= static_cast<int>(n.size()) || n[i].empty()) continue;  // R7 reports the gap
      ValueKind kind = kinds[j];
      int64_t scale = kind == ValueKind::kAmount ? 10000 : 1;
      Value v = ParseNormalizedNumber(n[i], scale, true);
      if (!v) {
        Issue("I2", Severity::kError, Position(row, i),
              fmt::format("{}：{} 的值“{}”不是{}", Position(row, i), name_of(j), row.cells[i],
                          kind == ValueKind::kAmount ? "有效金额（最多四位小数，不超过 10^12）"
                                                     : "整数（不超过 10^12）"),
              true);
        continue;
      }
      *out[j] = v;
      Record(out[j], row, i);
    }
    for (int i = first + k; i < static_cast<int>(n.size()); ++i) {
      if (n[i].empty()) continue;
      Issue("I1", Severity::kError, Position(row, i),
            fmt::format("{}：多出的单元格“{}”无法放入表格", Position(row, i), row.cells[i]), true);
    }
  }

  // Notes where the value at `p` (a cell of the report; anything else, e.g. a 小计, is not
  // recorded) came from.
  void Record(const Value* p, const DocRow& row, int cell) {
    const AnnualReport& r = res_.report;
    std::less<const Value*> before;
    auto in = [&](const Value* first, size_t n) {
      return n > 0 && !before(p, first) && before(p, first + n);
    };
    CellSource s = SourceOf(row, cell);
    if (in(r.table2.data(), r.table2.size())) {
      s.table = 2;
      s.index = static_cast<int>(p - r.table2.data());
    } else if (in(r.table4.data(), r.table4.size())) {
      s.table = 4;
      s.index = static_cast<int>(p - r.table4.data());
    } else if (!r.table3.empty() && in(r.table3[0].data(), r.table3.size() * kTable3Columns)) {
      s.table = 3;
      s.index = static_cast<int>(p - r.table3[0].data());
    } else {
      return;
    }
    res_.sources.push_back(s);
  }

  void DataRow(const DocRow& row, const NormRow& n, int leaf, Place p) {
    if (p.table == 2) {
      const Table2Block& b = t_->table2[p.block];
      int base = t_->Table2CellIndex(p.block, p.row, 0);
      if (seen2_[base]) {
        Issue("I3", Severity::kError, Position(row, leaf),
              fmt::format("{}：“{}”行重复出现，已忽略这一行", Position(row, leaf), b.rows[p.row]),
              true);
        return;
      }
      ValueSlots out{};
      for (size_t j = 0; j < b.kinds.size() && j < out.size(); ++j) {
        seen2_[base + j] = true;
        out[j] = &res_.report.table2[base + j];
      }
      ReadValues(
          row, n, leaf + 1, b.kinds,
          [&](int j) { return "二、" + b.rows[p.row] + " · " + b.headers[j]; }, out);
      return;
    }
    if (seen3_[p.row]) {
      Issue("I3", Severity::kError, Position(row, leaf),
            fmt::format("{}：“{}”行重复出现，已忽略这一行", Position(row, leaf),
                        t_->Table3RowName(p.row)),
            true);
      return;
    }
    seen3_[p.row] = true;
    Table3Line& cells = res_.report.table3[p.row];
    if (subtotal3_) {
      Table3RowWithSubtotal(row, n, leaf, p.row);
      return;
    }
    static const std::vector<ValueKind> kinds(kTable3Columns, ValueKind::kCount);
    ValueSlots out{};
    for (int c = 0; c < kTable3Columns; ++c) out[c] = &cells[c];
    ReadValues(
        row, n, leaf + 1, kinds,
        [&](int c) { return t_->Table3RowName(p.row) + " · " + t_->table3_columns[c]; }, out);
  }

  // A table-三 row of a report with a 小计 column after 其他: the subtotal is not part of the
  // model, but it must equal the sum of the five 法人或其他组织 columns.
  void Table3RowWithSubtotal(const DocRow& row, const NormRow& n, int leaf, int r) {
    Table3Line& cells = res_.report.table3[r];
    static const std::vector<ValueKind> kinds(kTable3Columns + 1, ValueKind::kCount);
    Value subtotal;
    ValueSlots out = {&cells[0], &cells[1], &cells[2], &cells[3],
                      &cells[4], &cells[5], &subtotal, &cells[6]};
    auto name = [&](int c) {
      return t_->Table3RowName(r) + " · " +
             (c == 6 ? t_->table3_legal_person + t_->table3_subtotal
                     : t_->table3_columns[c < 6 ? c : 6]);
    };
    ReadValues(row, n, leaf + 1, kinds, name, out);
    if (!subtotal) return;
    int64_t sum = 0;
    std::string terms;
    for (int c = 1; c <= 5; ++c) {
      if (!cells[c]) return;  // R7 reports the gap
      sum += *cells[c];
      terms += fmt::format("{}{}({})", c > 1 ? " + " : "", t_->table3_columns[c], *cells[c]);
    }
    if (sum == *subtotal) return;
    std::string where = t_->Table3RowName(r);
    Issue("I4", Severity::kError, Position(row, leaf),
          fmt::format("{} · {}{}：小计 = {}，而 {} = {}", where, t_->table3_legal_person,
                      t_->table3_subtotal, *subtotal, terms, sum),
          false);
  }

  void Table4Row(const DocRow& row, const NormRow& n) {
    if (table4_seen_) {
      for (size_t i = 0; i < n.size(); ++i) {
        if (!n[i].empty()) {
          Issue("I1", Severity::kError, Position(row, i),
                fmt::format("{}：表四之后多出的数字行，无法放入表格", Position(row, i)), true);
          break;
        }
      }
      return;
    }
    table4_seen_ = true;
    // Empty padding cells are dropped only at the end of the row.
    int first = 0;
    while (first < static_cast<int>(n.size()) && n[first].empty()) ++first;
    static const std::vector<ValueKind> kinds(kTable4Columns, ValueKind::kCount);
    ValueSlots out{};
    for (int c = 0; c < kTable4Columns; ++c) out[c] = &res_.report.table4[c];
    ReadValues(
        row, n, first, kinds, [&](int c) { return "四、" + t_->Table4ColumnName(c); }, out);
  }

  void Finish(int votes) {
    AnnualReport& r = res_.report;
    if (r.year == 0) r.year = YearFromText();
    if (!title_seen_ && r.agency.empty()) r.agency = AgencyFromText(r.preamble, r.sections[0]);
    int missing3 = 0;
    for (size_t i = 0; i < seen3_.size(); ++i) missing3 += seen3_[i] ? 0 : 1;
    for (size_t i = 0; i < seen3_.size(); ++i) {
      if (!seen3_[i] && missing3 < static_cast<int>(seen3_.size())) {
        Issue("I3", Severity::kError, "表三", "表三缺少行“" + t_->Table3RowName(i) + "”", true);
      }
    }
    if (missing3 == static_cast<int>(seen3_.size())) {
      Issue("I3", Severity::kError, "表三", "未找到表三（收到和处理政府信息公开申请情况）", true);
    }
    int missing2 = 0;
    for (bool s : seen2_) missing2 += s ? 0 : 1;
    if (missing2 == static_cast<int>(seen2_.size())) {
      Issue("I3", Severity::kError, "表二", "未找到表二（主动公开政府信息情况）", true);
    } else {
      for (int i = 0; i < static_cast<int>(seen2_.size()); ++i) {
        if (!seen2_[i]) {
          std::string name = t_->Table2CellName(i);
          Issue("I3", Severity::kError, "表二", "表二缺少“" + name + "”", true);
        }
      }
    }
    if (!table4_seen_) {
      Issue("I3", Severity::kError, "表四", "未找到表四（行政复议、行政诉讼情况）的数据行", true);
    }
    if (votes == 0 && !res_.complete) {
      Issue("I3", Severity::kInfo, "报告",
            fmt::format("未找到能区分模板的表头，按报告年度读作{}",
                        TemplateVersionChinese(t_->version)),
            false);
    }
  }

  int YearFromText() const {
    // "统计期限自2024年1月1日起" / "2024年1月1日".
    for (const std::string* s : {&res_.report.preamble, &res_.report.sections[0]}) {
      size_t p = s->find("年1月1日");
      if (p != std::string::npos && p >= 4) {
        std::string y = s->substr(p - 4, 4);
        bool ok = true;
        for (char c : y) ok = ok && c >= '0' && c <= '9';
        if (ok) return std::stoi(y);
      }
    }
    return 0;
  }

  const Document& doc_;
  const Norms& norms_;
  const ReportTemplate* t_ = nullptr;
  const LabelIndex* ix_ = nullptr;
  ImportResult res_;
  std::vector<bool> seen2_, seen3_;
  bool table4_seen_ = false, in_table4_ = false, title_seen_ = false;
  int section_ = -1;
  std::string norm_;
  std::string head_;           // IsPlainProse's normalised prefix
  std::string table4_review_;  // normalised
  std::string subtotal_;       // normalised 小计
  bool subtotal3_ = false;     // table 三 has a 法人或其他组织 小计 column after 其他
  Recent recent_{};            // the last paragraphs since the last table row
  size_t recent_n_ = 0;
};

}  // namespace

std::string SourcePosition(const CellSource& s) {
  if (s.page > 0) return fmt::format("第{}页第{}行第{}格", s.page, s.line, s.cell + 1);
  if (s.doc_table > 0) return fmt::format("表格{}第{}行第{}格", s.doc_table, s.doc_row, s.cell + 1);
  return fmt::format("第{}行", s.line);
}

ImportResult Interpret(const Document& doc) {
  int votes = 0;
  Norms norms(doc);
  TemplateVersion v = DetectTemplate(doc, norms, votes);
  ImportResult r = Interpreter(doc, norms).Run(v, votes);
  if (votes == 0 && r.report.year >= 2019 && r.report.year <= 2020) {
    // No label tells the templates apart: the 2021 format applies from the 2021 reports on.
    r = Interpreter(doc, norms).Run(TemplateVersion::k2019, votes);
  }
  return r;
}

}  // namespace gongkai::report

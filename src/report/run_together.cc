// Run-together table text (run_together.h). The text is cut into alternating runs of text and of
// digits; a text run that ends in a template row label owns the digit run after it. Digit runs
// keep their spaces as forced cell boundaries; within a space-free stretch every split into the
// row's columns (no leading zeros) is a candidate, filtered by the row's own arithmetic and then,
// for table 三, by the column arithmetic across rows.
#include "report/run_together.h"

#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <optional>

#include "report/label_index.h"
#include "report/text_util.h"

namespace gongkai::report {
namespace {

using interp::IndexFor;
using interp::LabelIndex;
using interp::Lookup;
using interp::Place;

constexpr size_t kMaxCandidates = 400;        // per row: more than this is hopeless anyway
constexpr size_t kMaxCombinations = 1000000;  // table-三 cross-row search
constexpr size_t kMaxLabelTail = 240;         // bytes of a text run searched for a label

// Byte length of a digit at `i` (ASCII or full-width), 0 when none.
size_t DigitAt(std::string_view s, size_t i) {
  if (i < s.size() && s[i] >= '0' && s[i] <= '9') return 1;
  if (i + 2 < s.size() && s[i] == '\xEF' && s[i + 1] == '\xBC' &&
      static_cast<unsigned char>(s[i + 2]) >= 0x90 && static_cast<unsigned char>(s[i + 2]) <= 0x99)
    return 3;
  return 0;
}

size_t SpaceAt(std::string_view s, size_t i) {
  if (i >= s.size()) return 0;
  if (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r') return 1;
  if (s.compare(i, 3, "\u3000") == 0) return 3;
  if (s.compare(i, 2, "\u00A0") == 0) return 2;
  return 0;
}

// An item number's separator: . ． 、
size_t NumberingAt(std::string_view s, size_t i) {
  if (i < s.size() && s[i] == '.') return 1;
  if (s.compare(i, 3, "\uFF0E") == 0 || s.compare(i, 3, "\u3001") == 0) return 3;
  return 0;
}

struct Run {
  bool digits = false;
  size_t begin = 0, end = 0;
};

// Text and digit runs. A digit run takes spaces and a decimal point between digits; a last digit
// followed by 「.」「、」 and text is an item number (1.属于国家秘密) and starts the next text run.
std::vector<Run> Runs(std::string_view s) {
  std::vector<Run> out;
  size_t i = 0, text_start = 0;
  while (i < s.size()) {
    size_t d = DigitAt(s, i);
    if (d == 0) {
      ++i;
      continue;
    }
    size_t begin = i, end = i + d, last = i;
    size_t j = end;
    while (j < s.size()) {
      if (size_t dd = DigitAt(s, j)) {
        last = j;
        j += dd;
        end = j;
        continue;
      }
      size_t k = j;
      if (s[j] == '.') {
        ++k;  // a decimal point: a digit must follow at once
      } else {
        while (size_t sp = SpaceAt(s, k)) k += sp;
      }
      if (k == j || !DigitAt(s, k)) break;
      j = k;
    }
    size_t sep = NumberingAt(s, end);
    bool numbering = sep > 0 && !DigitAt(s, end + sep);
    size_t run_end = numbering ? last : end;
    if (run_end > begin) {
      if (begin > text_start) out.push_back({false, text_start, begin});
      out.push_back({true, begin, run_end});
      text_start = run_end;
    }
    i = end;
  }
  if (text_start < s.size()) out.push_back({false, text_start, s.size()});
  return out;
}

// The run's cells: maximal space-free stretches, as ASCII.
std::vector<std::string> Tokens(std::string_view run) {
  std::vector<std::string> out(1);
  for (size_t i = 0; i < run.size();) {
    if (size_t sp = SpaceAt(run, i)) {
      if (!out.back().empty()) out.emplace_back();
      i += sp;
      continue;
    }
    if (DigitAt(run, i) == 3) {
      out.back() += static_cast<char>('0' + (static_cast<unsigned char>(run[i + 2]) - 0x90));
      i += 3;
    } else {
      out.back() += run[i++];
    }
  }
  if (out.back().empty()) out.pop_back();
  return out;
}

using Cand = std::vector<std::string>;
using Check = std::function<bool(const std::vector<int64_t>&)>;

// Every split of the tokens into k numbers (a token into one or more; no leading zeros) that
// `ok` accepts after each number; at most kMaxCandidates. Tokens with a decimal point are not
// split.
void Splits(const std::vector<std::string>& tokens, int k, const Check& ok,
            std::vector<Cand>& out) {
  std::vector<int64_t> values;
  Cand texts;
  std::function<void(size_t, size_t)> go = [&](size_t t, size_t at) {
    if (out.size() >= kMaxCandidates) return;
    if (t == tokens.size()) {
      if (static_cast<int>(values.size()) == k) out.push_back(texts);
      return;
    }
    const std::string& tok = tokens[t];
    size_t left_digits = tok.size() - at;
    for (size_t u = t + 1; u < tokens.size(); ++u) left_digits += tokens[u].size();
    int parts_left = k - static_cast<int>(values.size());
    if (parts_left <= 0 || static_cast<int>(left_digits) < parts_left) return;
    size_t max_len = tok.size() - at;
    if (tok[at] == '0') max_len = 1;
    if (max_len > 12) max_len = 12;
    for (size_t len = 1; len <= max_len; ++len) {
      // The rest of this token must be split too; only the whole token may be one number.
      std::string part = tok.substr(at, len);
      values.push_back(std::stoll(part));
      texts.push_back(part);
      if (ok(values)) {
        if (at + len == tok.size()) {
          go(t + 1, 0);
        } else {
          go(t, at + len);
        }
      }
      values.pop_back();
      texts.pop_back();
    }
  };
  for (const auto& tok : tokens) {
    if (tok.find('.') != std::string::npos || tok.empty()) return;
  }
  go(0, 0);
}

std::optional<int64_t> AsCount(const std::string& s) {
  if (s.empty() || s.size() > 12) return std::nullopt;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
  }
  return std::stoll(s);
}

struct Entry {
  int table = 0;  // 2, 3 or 4
  Place place;
  int k = 0;               // columns
  size_t label_begin = 0;  // raw offset of the label (table 四: of the digits)
  size_t digits_begin = 0, digits_end = 0;
  std::vector<Cand> cands;  // readings; exactly one is used
  bool direct = false;      // as many cells as columns: no split needed
};

class Reader {
 public:
  Reader(std::string_view text, TemplateVersion v)
      : s_(text), t_(GetTemplate(v)), ix_(IndexFor(v)) {}

  // Labels the runs; returns the number of rows found.
  int Label() {
    runs_ = Runs(s_);
    std::vector<bool> seen2(t_.Table2CellCount(), false), seen3(t_.table3.size(), false);
    const std::string header2 = NormalizeLabel(t_.table2_label_header);
    const std::string header3 = NormalizeLabel(t_.table3_applicant);
    const std::string column2 = NormalizeLabel(t_.table2[0].headers[0]);
    const std::string column3 = NormalizeLabel(t_.table3_columns[0]);
    const std::string review = NormalizeLabel(t_.table4_review);
    const std::string pending = NormalizeLabel(t_.table4_outcomes[3]);
    bool started = false, table4 = false;
    for (size_t r = 0; r + 1 < runs_.size(); ++r) {
      const Run& text = runs_[r];
      const Run& digits = runs_[r + 1];
      if (text.digits || !digits.digits) continue;
      std::string_view raw = s_.substr(text.begin, text.end - text.begin);
      std::string norm = NormalizeLabel(raw);
      // The tables start at a header: 信息内容 with a table-二 column, or 申请人情况 with 自然人.
      if (!started &&
          ((norm.find(header2) != std::string::npos && norm.find(column2) != std::string::npos) ||
           (norm.find(header3) != std::string::npos && norm.find(column3) != std::string::npos))) {
        started = true;
      }
      if (!started) continue;
      Entry e;
      e.digits_begin = digits.begin;
      e.digits_end = digits.end;
      if (!table4 && norm.find(review) != std::string::npos &&
          norm.find(pending) != std::string::npos) {
        table4 = true;
        e.table = 4;
        e.k = kTable4Columns;
        e.label_begin = digits.begin;
        entries_.push_back(e);
        break;  // the last table
      }
      if (!FindLabel(raw, text.begin, seen2, seen3, e)) {
        if (!entries_.empty()) unplaced_.push_back(digits);
        continue;
      }
      entries_.push_back(e);
    }
    return static_cast<int>(entries_.size());
  }

  RunTogetherRead Build() {
    RunTogetherRead out;
    out.rows_found = static_cast<int>(entries_.size());
    for (Entry& e : entries_) Candidates(e);
    SolveTable3();
    size_t cursor = 0;
    for (const Entry& e : entries_) {
      Prose(cursor, e.label_begin, out.doc);
      Emit(e, out);
      cursor = e.digits_end;
    }
    Prose(cursor, s_.size(), out.doc);
    for (const Run& d : unplaced_) {
      std::string pos = Position(d.begin);
      out.issues.push_back({"I1", Severity::kError, "source/" + pos, pos,
                            fmt::format("{}：数字“{}”所在的行无法识别，未计入任何单元格", pos,
                                        s_.substr(d.begin, d.end - d.begin))});
    }
    return out;
  }

 private:
  // The longest tail of the text run that is a row label not met yet.
  bool FindLabel(std::string_view raw, size_t offset, std::vector<bool>& seen2,
                 std::vector<bool>& seen3, Entry& e) {
    size_t from = raw.size() > kMaxLabelTail ? raw.size() - kMaxLabelTail : 0;
    for (size_t i = from; i < raw.size(); ++i) {
      if ((static_cast<unsigned char>(raw[i]) & 0xC0) == 0x80) continue;  // inside a character
      std::string n = NormalizeLabel(raw.substr(i));
      Place p;
      if (n.size() < 6 || !Lookup(ix_, n, p)) continue;
      if (p.table == 3) {
        if (seen3[p.row]) continue;
        seen3[p.row] = true;
        e.k = kTable3Columns;
      } else {
        int base = t_.Table2CellIndex(p.block, p.row, 0);
        if (seen2[base]) continue;
        seen2[base] = true;
        e.k = static_cast<int>(t_.table2[p.block].kinds.size());
      }
      e.table = p.table;
      e.place = p;
      e.label_begin = offset + i;
      return true;
    }
    return false;
  }

  void Candidates(Entry& e) {
    std::vector<std::string> tokens =
        Tokens(s_.substr(e.digits_begin, e.digits_end - e.digits_begin));
    if (static_cast<int>(tokens.size()) >= e.k) {
      e.cands.push_back(tokens);  // extra cells are reported by the interpreter
      e.direct = true;
      return;
    }
    Check ok = [](const std::vector<int64_t>&) { return true; };
    if (e.table == 3) {
      ok = [](const std::vector<int64_t>& v) {
        if (v.size() != kTable3Columns) return true;
        int64_t sum = 0;
        for (size_t c = 0; c + 1 < v.size(); ++c) sum += v[c];
        return sum == v.back();
      };
    } else if (e.table == 4) {
      ok = [](const std::vector<int64_t>& v) {
        if (v.size() % 5 != 0) return true;
        size_t g = v.size() - 5;
        return v[g] + v[g + 1] + v[g + 2] + v[g + 3] == v[g + 4];
      };
    }
    Splits(tokens, e.k, ok, e.cands);
  }

  // Table 三's column arithmetic picks among the rows' readings.
  void SolveTable3() {
    const int n = static_cast<int>(t_.table3.size());
    std::vector<Entry*> row(n, nullptr);
    for (Entry& e : entries_) {
      if (e.table == 3) row[e.place.row] = &e;
    }
    std::vector<int> ambiguous;
    for (int r = 0; r < n; ++r) {
      if (row[r] && row[r]->cands.size() > 1) ambiguous.push_back(r);
    }
    if (ambiguous.empty()) return;
    size_t combos = 1;
    for (int r : ambiguous) {
      combos *= row[r]->cands.size();
      if (combos > kMaxCombinations) return;  // left ambiguous
    }
    const int first = t_.Table3RowIndex("1"), second = t_.Table3RowIndex("2");
    const int total = t_.Table3RowIndex("3.7"), carry = t_.Table3RowIndex("4");
    std::vector<int> results;
    for (int r = 0; r < n; ++r) {
      if (!t_.table3[r].block.empty() && r != total) results.push_back(r);
    }
    std::vector<int> choice(n, 0);
    auto value = [&](int r, int c) -> std::optional<int64_t> {
      if (r < 0 || !row[r] || row[r]->cands.empty()) return std::nullopt;
      const Cand& cand = row[r]->cands[choice[r]];
      return c < static_cast<int>(cand.size()) ? AsCount(cand[c]) : std::nullopt;
    };
    auto consistent = [&] {
      for (int c = 0; c < kTable3Columns; ++c) {
        auto a = value(first, c), b = value(second, c), t = value(total, c), d = value(carry, c);
        if (a && b && t && d && *a + *b != *t + *d) return false;
        int64_t sum = 0;
        bool known = t.has_value();
        for (int r : results) {
          auto v = value(r, c);
          if (!v) known = false;
          if (!known) break;
          sum += *v;
        }
        if (known && sum != *t) return false;
      }
      return true;
    };
    std::vector<std::vector<int>> solutions;
    std::function<void(size_t)> go = [&](size_t i) {
      if (solutions.size() > 64) return;
      if (i == ambiguous.size()) {
        if (consistent()) solutions.push_back(choice);
        return;
      }
      int r = ambiguous[i];
      for (size_t c = 0; c < row[r]->cands.size(); ++c) {
        choice[r] = static_cast<int>(c);
        go(i + 1);
      }
    };
    go(0);
    if (solutions.empty()) return;  // nothing fits: every reading stays a candidate
    for (int r : ambiguous) {
      std::vector<Cand> kept;
      for (const auto& sol : solutions) {
        const Cand& c = row[r]->cands[sol[r]];
        if (std::find(kept.begin(), kept.end(), c) == kept.end()) kept.push_back(c);
      }
      row[r]->cands = std::move(kept);
    }
  }

  std::string Position(size_t offset) const {
    int line = 1, col = 1;
    for (size_t i = 0; i < offset && i < s_.size(); ++i) {
      if (s_[i] == '\n') {
        ++line;
        col = 1;
      } else if ((static_cast<unsigned char>(s_[i]) & 0xC0) != 0x80) {
        ++col;
      }
    }
    return fmt::format("第{}行第{}字", line, col);
  }

  int LineOf(size_t offset) const {
    int line = 1;
    for (size_t i = 0; i < offset && i < s_.size(); ++i) line += s_[i] == '\n';
    return line;
  }

  std::string RowName(const Entry& e) const {
    if (e.table == 3) return t_.Table3RowName(e.place.row);
    if (e.table == 4) return "四、行政复议、行政诉讼情况";
    return "二、" + t_.table2[e.place.block].rows[e.place.row];
  }

  // Paragraphs of the text in [from, to): split at whitespace (innerText keeps a space where a
  // paragraph or cell ended).
  void Prose(size_t from, size_t to, Document& doc) const {
    size_t i = from, start = from;
    auto flush = [&](size_t end) {
      if (end > start) {
        DocRow r;
        r.kind = RowKind::kParagraph;
        r.cells.push_back(s_.substr(start, end - start));
        r.line = LineOf(start);
        doc.rows.push_back(std::move(r));
      }
    };
    while (i < to) {
      if (size_t sp = SpaceAt(s_, i)) {
        flush(i);
        i += sp;
        start = i;
      } else {
        ++i;
      }
    }
    flush(to);
  }

  void Emit(const Entry& e, RunTogetherRead& out) const {
    Document& doc = out.doc;
    std::string digits(s_.substr(e.digits_begin, e.digits_end - e.digits_begin));
    std::string pos = Position(e.digits_begin);
    const Cand* chosen = e.cands.size() == 1 ? &e.cands[0] : nullptr;
    if (!chosen) {
      out.unread_rows.push_back(e.table == 2   ? t_.table2[e.place.block].rows[e.place.row]
                                : e.table == 4 ? "表四"
                                               : RowName(e));
      std::string msg;
      if (e.cands.empty()) {
        msg = fmt::format(
            "{}：{} 的数字“{}”连写在一起，没有一种拆分成 {} 列的读法符合表内的勾稽关系，"
            "这一行未填入",
            pos, RowName(e), digits, e.k);
        out.issues.push_back({"I2", Severity::kError, "source/" + pos, pos, msg});
      } else {
        std::string list;
        for (size_t i = 0; i < e.cands.size() && i < 6; ++i) {
          if (i > 0) list += "、";
          for (size_t c = 0; c < e.cands[i].size(); ++c) list += (c ? "|" : "") + e.cands[i][c];
        }
        if (e.cands.size() > 6) list += " 等";
        msg = fmt::format(
            "{}：{} 的数字“{}”连写在一起，有 {} 种读法都符合表内的勾稽关系（{}），"
            "无法确定，这一行未填入",
            pos, RowName(e), digits, e.cands.size(), list);
        out.issues.push_back({"I5", Severity::kError, "source/" + pos, pos, msg});
      }
    }
    DocRow r;
    r.kind = RowKind::kTable;
    r.line = LineOf(e.label_begin);
    if (!chosen) return;  // reported above
    if (e.table == 4) {
      DocRow h = r;
      h.cells = {doc.store.Keep(t_.table4_review), doc.store.Keep(t_.table4_litigation)};
      doc.rows.push_back(std::move(h));
    } else {
      size_t label_end = e.digits_begin;
      r.cells.push_back(s_.substr(e.label_begin, label_end - e.label_begin));
    }
    for (int c = 0; c < e.k; ++c) {
      std::string_view v;
      if (c < static_cast<int>(chosen->size())) v = doc.store.Keep((*chosen)[c]);
      r.cells.push_back(v);
    }
    for (size_t c = e.k; c < chosen->size(); ++c) r.cells.push_back(doc.store.Keep((*chosen)[c]));
    doc.rows.push_back(std::move(r));
  }

  std::string_view s_;
  const ReportTemplate& t_;
  const LabelIndex& ix_;
  std::vector<Run> runs_;
  std::vector<Entry> entries_;
  std::vector<Run> unplaced_;
};

}  // namespace

RunTogetherRead ReadRunTogether(std::string_view text) {
  Reader a(text, TemplateVersion::k2021), b(text, TemplateVersion::k2019);
  int na = a.Label(), nb = b.Label();
  return nb > na ? b.Build() : a.Build();
}

}  // namespace gongkai::report

#include "report/validate.h"

#include <fmt/format.h>

#include "report/text_util.h"

namespace gongkai::report {
namespace {

std::string V(const Value& v) { return v ? std::to_string(*v) : "空"; }

// "t3/3.7/自然人".
std::string T3Ref(const ReportTemplate& t, int row, int col) {
  return "t3/" + t.table3[row].id + "/" + t.table3_columns[col];
}
std::string T3Where(const ReportTemplate& t, int row, int col) {
  return t.Table3RowName(row) + " · " + t.table3_columns[col];
}

// Sums the values; false when one is missing (R7 reports that).
bool Sum(const std::vector<Value>& vs, int64_t& out) {
  out = 0;
  for (const auto& v : vs) {
    if (!v) return false;
    out += *v;
  }
  return true;
}

void CheckR1R2(const AnnualReport& r, const ReportTemplate& t, std::vector<Finding>& f) {
  const int n_rows = static_cast<int>(t.table3.size());
  const int row_new = 0, row_carried = 1, row_total = n_rows - 2, row_next = n_rows - 1;
  for (int c = 0; c < kTable3Columns; ++c) {
    const Value& a = r.table3[row_new][c];
    const Value& b = r.table3[row_carried][c];
    const Value& tot = r.table3[row_total][c];
    const Value& nx = r.table3[row_next][c];
    if (a && b && tot && nx && *a + *b != *tot + *nx) {
      f.push_back({"R1", Severity::kError, T3Ref(t, row_total, c), T3Where(t, row_total, c),
                   fmt::format("{}：一({}) + 二({}) = {}，而 三（七）({}) + 四({}) = {}",
                               T3Where(t, row_total, c), *a, *b, *a + *b, *tot, *nx, *tot + *nx)});
    }
    // R2. The message groups the result rows by their top-level label for a readable sum;
    // it is built only when the rule fails (checking must stay cheap for batch audits).
    int64_t total = 0;
    bool complete = tot.has_value();
    for (int i = 2; i < row_total; ++i) {
      complete = complete && r.table3[i][c].has_value();
      if (r.table3[i][c]) total += *r.table3[i][c];
    }
    if (complete && total != *tot) {
      std::vector<std::pair<std::string, std::vector<Value>>> groups;
      for (int i = 2; i < row_total; ++i) {
        const Table3Row& row = t.table3[i];
        std::string key = row.group.empty() ? row.label : row.group;
        // "（三）不予公开" → "（三）"; "（一）予以公开" → "（一）".
        size_t close = key.find("）");
        if (close != std::string::npos) key = key.substr(0, close + 3);
        if (groups.empty() || groups.back().first != key) groups.push_back({key, {}});
        groups.back().second.push_back(r.table3[i][c]);
      }
      std::string terms;
      for (const auto& [key, vals] : groups) {
        int64_t sum = 0;
        Sum(vals, sum);
        if (!terms.empty()) terms += " + ";
        terms += fmt::format("{}({})", key, sum);
      }
      f.push_back({"R2", Severity::kError, T3Ref(t, row_total, c), T3Where(t, row_total, c),
                   fmt::format("{}：{} = {}，而 （七）总计 = {}", T3Where(t, row_total, c), terms,
                               total, *tot)});
    }
  }
}

void CheckR3(const AnnualReport& r, const ReportTemplate& t, std::vector<Finding>& f) {
  for (size_t i = 0; i < t.table3.size(); ++i) {
    const Table3Line& line = r.table3[i];
    int64_t s = 0;
    bool complete = line[6].has_value();
    for (int c = 0; c < 6; ++c) {
      complete = complete && line[c].has_value();
      if (line[c]) s += *line[c];
    }
    if (complete && s != *line[6]) {
      std::string terms;
      for (int c = 0; c < 6; ++c) {
        if (c > 0) terms += " + ";
        terms += fmt::format("{}({})", t.table3_columns[c], V(line[c]));
      }
      int row = static_cast<int>(i);
      f.push_back(
          {"R3", Severity::kError, T3Ref(t, row, 6), T3Where(t, row, 6),
           fmt::format("{}：{} = {}，而 总计 = {}", T3Where(t, row, 6), terms, s, *line[6])});
    }
  }
}

void CheckTable4(const AnnualReport& r, const ReportTemplate& t, std::vector<Finding>& f) {
  const char* rules[] = {"R4", "R5", "R6"};
  for (int g = 0; g < 3; ++g) {
    int base = g * 5;
    int64_t s = 0;
    bool complete = r.table4[base + 4].has_value();
    for (int k = 0; k < 4; ++k) {
      complete = complete && r.table4[base + k].has_value();
      if (r.table4[base + k]) s += *r.table4[base + k];
    }
    if (complete && s != *r.table4[base + 4]) {
      std::string terms;
      for (int k = 0; k < 4; ++k) {
        if (k > 0) terms += " + ";
        terms += fmt::format("{}({})", t.table4_outcomes[k], V(r.table4[base + k]));
      }
      std::string where = "四、" + t.Table4ColumnName(base + 4);
      f.push_back({rules[g], Severity::kError, "t4/" + std::to_string(base + 5), where,
                   fmt::format("{}：{} = {}，而 总计 = {}", where, terms, s, *r.table4[base + 4])});
    }
  }
}

// `names()` returns {ref, where}; called only for a finding.
template <typename Names>
void CheckR7Cell(const Value& v, ValueKind kind, Names names, std::vector<Finding>& f) {
  if (v && (*v >= 0 || kind == ValueKind::kSignedCount)) return;
  auto [ref, where] = names();
  if (!v) {
    f.push_back({"R7", Severity::kError, ref, where,
                 where + "：单元格为空或无法读取（应填写数字，没有则填 0）"});
  } else if (*v < 0 && kind != ValueKind::kSignedCount) {
    std::string shown = kind == ValueKind::kAmount ? FormatAmount(*v) : std::to_string(*v);
    f.push_back({"R7", Severity::kError, ref, where,
                 where + "：为 " + shown +
                     (kind == ValueKind::kAmount ? "，金额不能为负数" : "，应为非负整数")});
  }
}

// An empty 总计 (values[n], the finding just made) whose n parts are all present: the sum they
// imply is shown, marked as inferred, and still not put into the report.
void ImpliedTotal(const Value* values, int n, const char* parts, std::vector<Finding>& f) {
  if (values[n]) return;
  int64_t sum = 0;
  for (int k = 0; k < n; ++k) {
    if (!values[k]) return;
    sum += *values[k];
  }
  f.back().message +=
      fmt::format("；其余{}之和为 {}（由各列推算，仅供参考，未填入报告）", parts, sum);
}

void CheckR7(const AnnualReport& r, const ReportTemplate& t, std::vector<Finding>& f) {
  for (int i = 0; i < t.Table2CellCount(); ++i) {
    CheckR7Cell(
        r.table2[i], t.Table2Kind(i),
        [&] {
          std::string name = t.Table2CellName(i);
          std::string ref =
              "t2/" + name.substr(0, name.find(" · ")) + "/" + name.substr(name.find(" · ") + 4);
          return std::pair<std::string, std::string>(ref, "二、" + name);
        },
        f);
  }
  for (size_t i = 0; i < t.table3.size(); ++i) {
    for (int c = 0; c < kTable3Columns; ++c) {
      int row = static_cast<int>(i);
      CheckR7Cell(
          r.table3[i][c], ValueKind::kCount,
          [&] { return std::pair<std::string, std::string>(T3Ref(t, row, c), T3Where(t, row, c)); },
          f);
    }
    ImpliedTotal(r.table3[i].data(), kTable3Columns - 1, "六列", f);
  }
  for (int c = 0; c < kTable4Columns; ++c) {
    CheckR7Cell(
        r.table4[c], ValueKind::kCount,
        [&] {
          return std::pair<std::string, std::string>("t4/" + std::to_string(c + 1),
                                                     "四、" + t.Table4ColumnName(c));
        },
        f);
    if (c % 5 == 4) ImpliedTotal(r.table4.data() + c - 4, 4, "四项", f);
  }
}

bool Shaped(const AnnualReport& r, const ReportTemplate& t) {
  return static_cast<int>(r.table2.size()) == t.Table2CellCount() &&
         r.table3.size() == t.table3.size();
}

}  // namespace

std::vector<Finding> CheckReport(const AnnualReport& r) {
  const ReportTemplate& t = GetTemplate(r.version);
  std::vector<Finding> f;
  if (!Shaped(r, t)) {
    f.push_back({"I3", Severity::kError, "report", "报告", "报告的表格行列数与模板不符，无法校验"});
    return f;
  }
  CheckR7(r, t, f);
  CheckR1R2(r, t, f);
  CheckR3(r, t, f);
  CheckTable4(r, t, f);
  for (auto& x : CheckNarrative(r)) f.push_back(std::move(x));
  return f;
}

std::vector<Finding> CheckAgainstPreviousYear(const AnnualReport& cur, const AnnualReport& prev) {
  std::vector<Finding> f;
  const ReportTemplate& t = GetTemplate(cur.version);
  const ReportTemplate& pt = GetTemplate(prev.version);
  if (!Shaped(cur, t) || !Shaped(prev, pt)) return f;
  if (cur.year != 0 && prev.year != 0 && prev.year != cur.year - 1) {
    f.push_back(
        {"R8.1", Severity::kInfo, "report", "报告",
         fmt::format("上年报告的年度为 {}，不是 {}，未做跨年核对", prev.year, cur.year - 1)});
    return f;
  }
  const Table3Line& carried = cur.table3[1];
  const Table3Line& prev_next = prev.table3.back();
  for (int c = 0; c < kTable3Columns; ++c) {
    if (carried[c] && prev_next[c] && *carried[c] != *prev_next[c]) {
      f.push_back({"R8.1", Severity::kWarning, T3Ref(t, 1, c), T3Where(t, 1, c),
                   fmt::format("{}：本年上年结转({}) ≠ 上年报告 四、结转下年度继续办理({})",
                               T3Where(t, 1, c), *carried[c], *prev_next[c])});
    }
  }
  if (cur.version == TemplateVersion::k2021 && prev.version == TemplateVersion::k2021) {
    const auto& b = t.table2[0];
    for (int row = 0; row < static_cast<int>(b.rows.size()); ++row) {
      const Value& made = cur.table2[t.Table2CellIndex(0, row, 0)];
      const Value& repealed = cur.table2[t.Table2CellIndex(0, row, 1)];
      const Value& stock = cur.table2[t.Table2CellIndex(0, row, 2)];
      const Value& prev_stock = prev.table2[t.Table2CellIndex(0, row, 2)];
      if (made && repealed && stock && prev_stock && *prev_stock + *made - *repealed != *stock) {
        std::string where = "二、" + b.rows[row] + " · " + b.headers[2];
        f.push_back(
            {"R8.2", Severity::kWarning, "t2/" + b.rows[row] + "/" + b.headers[2], where,
             fmt::format(
                 "{}：上年现行有效({}) + 本年制发({}) − 本年废止({}) = {}，而 本年现行有效 = {}",
                 where, *prev_stock, *made, *repealed, *prev_stock + *made - *repealed, *stock)});
      }
    }
  }
  return f;
}

bool HasErrors(const std::vector<Finding>& findings) {
  for (const auto& f : findings) {
    if (f.severity == Severity::kError) return true;
  }
  return false;
}

}  // namespace gongkai::report

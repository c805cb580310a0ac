// Batch summaries: CSV (one line per file), JSON (totals, fault counts, files) and a
// self-contained HTML page with inline SVG bar charts of the most frequent faults.
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>

#include "report/batch.h"
#include "report/text_util.h"

namespace gongkai::report {
namespace {

std::string CsvField(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string Rules(const FileOutcome& o) {
  std::map<std::string, int> counts;
  for (const auto& f : o.findings) {
    if (f.severity != Severity::kInfo) ++counts[f.rule];
  }
  std::string out;
  for (const auto& [rule, n] : counts)
    out += (out.empty() ? "" : " ") + fmt::format("{}×{}", rule, n);
  return out;
}

// Fault counts (errors and warnings) keyed by `key(f)`, most frequent first.
template <typename Key>
std::vector<std::pair<std::string, int>> TopFaults(const std::vector<FileOutcome>& outcomes,
                                                   Key key, size_t limit) {
  std::map<std::string, int> counts;
  for (const auto& o : outcomes) {
    if (!o.readable) {
      ++counts["无法读取的文件"];
      continue;
    }
    for (const auto& f : o.findings) {
      if (f.severity != Severity::kInfo) ++counts[key(f)];
    }
  }
  std::vector<std::pair<std::string, int>> v(counts.begin(), counts.end());
  std::stable_sort(v.begin(), v.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  if (v.size() > limit) v.resize(limit);
  return v;
}

std::string BarChart(const std::vector<std::pair<std::string, int>>& bars) {
  if (bars.empty()) return "<p>没有发现问题。</p>\n";
  const int row_h = 22, label_w = 420, bar_w = 360;
  int max = bars.front().second;
  std::string svg = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{}\" height=\"{}\" role=\"img\">\n",
      label_w + bar_w + 60, row_h * bars.size() + 10);
  for (size_t i = 0; i < bars.size(); ++i) {
    int y = static_cast<int>(i) * row_h + 5;
    int w = max > 0 ? std::max(1, bars[i].second * bar_w / max) : 1;
    svg += fmt::format(
        "<text x=\"{}\" y=\"{}\" text-anchor=\"end\" font-size=\"13\">{}</text>"
        "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"#b22222\"/>"
        "<text x=\"{}\" y=\"{}\" font-size=\"13\">{}</text>\n",
        label_w - 6, y + 15, XmlEscape(bars[i].first), label_w, y + 2, w, row_h - 6,
        label_w + w + 4, y + 15, bars[i].second);
  }
  return svg + "</svg>\n";
}

}  // namespace

std::string SummaryCsv(const std::vector<FileOutcome>& outcomes) {
  std::string out =
      "path,readable,format,encoding,template,agency,year,complete,errors,warnings,rules,error\n";
  for (const auto& o : outcomes) {
    out +=
        fmt::format("{},{},{},{},{},{},{},{},{},{},{},{}\n", CsvField(o.path), o.readable ? 1 : 0,
                    o.format, o.encoding, o.readable ? TemplateVersionName(o.report.version) : "",
                    CsvField(o.report.agency), o.report.year, o.complete ? 1 : 0,
                    CountFindings(o, Severity::kError), CountFindings(o, Severity::kWarning),
                    CsvField(Rules(o)), CsvField(o.error));
  }
  return out;
}

std::string SummaryJson(const std::vector<FileOutcome>& outcomes) {
  using Json = nlohmann::ordered_json;
  Json files = Json::array();
  int readable = 0, clean = 0;
  for (const auto& o : outcomes) {
    readable += o.readable ? 1 : 0;
    int e = CountFindings(o, Severity::kError), w = CountFindings(o, Severity::kWarning);
    clean += (o.readable && e == 0 && w == 0) ? 1 : 0;
    Json f = {{"path", o.path}, {"readable", o.readable}};
    if (!o.readable) {
      f["error"] = o.error;
    } else {
      f["format"] = o.format;
      f["encoding"] = o.encoding;
      f["template"] = TemplateVersionName(o.report.version);
      f["agency"] = o.report.agency;
      f["year"] = o.report.year;
      f["complete"] = o.complete;
      f["errors"] = e;
      f["warnings"] = w;
      Json fs = Json::array();
      for (const auto& x : o.findings) {
        fs.push_back({{"rule", x.rule},
                      {"severity", SeverityName(x.severity)},
                      {"cell", x.cell},
                      {"where", x.where},
                      {"message", x.message}});
      }
      f["findings"] = fs;
    }
    files.push_back(f);
  }
  Json rules = Json::object();
  for (const auto& [k, n] : TopFaults(
           outcomes, [](const Finding& f) { return f.rule; }, 1000))
    rules[k] = n;
  Json j = {{"schema", "gongkai.report_check_summary"},
            {"schema_version", 1},
            {"files", outcomes.size()},
            {"readable", readable},
            {"clean", clean},
            {"faults_by_rule", rules},
            {"results", files}};
  return j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

std::string SummaryHtml(const std::vector<FileOutcome>& outcomes) {
  int readable = 0, clean = 0;
  for (const auto& o : outcomes) {
    readable += o.readable ? 1 : 0;
    clean += (o.readable && CountFindings(o, Severity::kError) == 0 &&
              CountFindings(o, Severity::kWarning) == 0)
                 ? 1
                 : 0;
  }
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
      "<title>年度报告批量核查结果</title><style>body{font-family:sans-serif;max-width:64em;"
      "margin:2em auto;padding:0 1em}table{border-collapse:collapse}td,th{border:1px solid #999;"
      "padding:2px 6px;font-size:13px}</style></head><body>\n<h1>年度报告批量核查结果</h1>\n";
  out += fmt::format(
      "<p>共 {} 个文件：可读取 {} 个，无问题 {} 个，有问题 {} 个，无法读取 {} 个。</p>\n",
      outcomes.size(), readable, clean, readable - clean, outcomes.size() - readable);
  out += "<h2>按规则统计</h2>\n";
  out += BarChart(TopFaults(
      outcomes, [](const Finding& f) { return f.rule; }, 20));
  out += "<h2>最常见的问题单元格</h2>\n";
  out += BarChart(TopFaults(
      outcomes, [](const Finding& f) { return f.rule + " " + f.where; }, 20));
  std::vector<const FileOutcome*> worst;
  for (const auto& o : outcomes) {
    if (!o.readable ||
        CountFindings(o, Severity::kError) + CountFindings(o, Severity::kWarning) > 0) {
      worst.push_back(&o);
    }
  }
  std::stable_sort(worst.begin(), worst.end(), [](const FileOutcome* a, const FileOutcome* b) {
    return CountFindings(*a, Severity::kError) > CountFindings(*b, Severity::kError);
  });
  if (worst.size() > 100) worst.resize(100);
  out +=
      "<h2>问题最多的文件（前 100 个）</h2>\n<table><tr><th>文件</th><th>机关</th><th>年度</th>"
      "<th>错误</th><th>警告</th><th>规则</th></tr>\n";
  for (const FileOutcome* o : worst) {
    out += fmt::format(
        "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
        XmlEscape(o->path), XmlEscape(o->report.agency), o->report.year,
        o->readable ? std::to_string(CountFindings(*o, Severity::kError)) : "无法读取",
        CountFindings(*o, Severity::kWarning), XmlEscape(o->readable ? Rules(*o) : o->error));
  }
  out += "</table>\n</body></html>\n";
  return out;
}

}  // namespace gongkai::report

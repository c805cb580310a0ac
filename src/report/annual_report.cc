#include "report/annual_report.h"

#include "report/text_util.h"

namespace gongkai::report {

AnnualReport MakeEmptyReport(TemplateVersion v) {
  AnnualReport r;
  r.version = v;
  const ReportTemplate& t = GetTemplate(v);
  r.table2.assign(t.Table2CellCount(), std::nullopt);
  r.table3.assign(t.table3.size(), Table3Line{});
  return r;
}

AnnualReport MakeZeroReport(TemplateVersion v) {
  AnnualReport r = MakeEmptyReport(v);
  for (auto& c : r.table2) c = 0;
  for (auto& line : r.table3) line.fill(0);
  r.table4.fill(0);
  return r;
}

namespace {
constexpr std::string_view kTitleSuffix = "政府信息公开工作年度报告";
}

std::string ReportTitle(const AnnualReport& r) {
  std::string t = r.agency;
  if (r.year > 0) t += std::to_string(r.year) + "年";
  return t + std::string(kTitleSuffix);
}

bool ParseReportTitle(std::string_view line, std::string& agency, int& year) {
  line = TrimSpace(line);
  if (line.size() < kTitleSuffix.size() || line.size() > 300) return false;
  if (line.substr(line.size() - kTitleSuffix.size()) != kTitleSuffix) return false;
  std::string_view head = line.substr(0, line.size() - kTitleSuffix.size());
  // Optional "度": "2024年度政府信息公开工作年度报告".
  if (head.size() >= 3 && head.substr(head.size() - 3) == "度") head.remove_suffix(3);
  year = 0;
  if (head.size() >= 7 && head.substr(head.size() - 3) == "年") {
    std::string_view digits = head.substr(head.size() - 7, 4);
    bool all = true;
    for (char c : digits) all = all && c >= '0' && c <= '9';
    if (all) {
      year = std::stoi(std::string(digits));
      head.remove_suffix(7);
    }
  }
  agency = std::string(TrimSpace(head));
  return true;
}

std::string FormatValue(const Value& v, ValueKind kind) {
  if (!v) return "";
  if (kind == ValueKind::kAmount) return FormatAmount(*v);
  return std::to_string(*v);
}

}  // namespace gongkai::report

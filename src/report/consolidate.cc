#include "report/consolidate.h"

#include <fmt/format.h>

#include "report/validate.h"

namespace gongkai::report {

Result<Consolidation> Consolidate(const std::vector<NamedReport>& inputs,
                                  const std::string& agency) {
  if (inputs.empty()) return InvalidArgument("no inputs", "没有可汇总的报告");
  const AnnualReport& first = inputs.front().report;
  for (const auto& in : inputs) {
    if (in.report.version != first.version) {
      return InvalidArgument("mixed templates",
                             fmt::format("不能汇总不同模板的报告：{} 为{}，{} 为{}",
                                         inputs.front().name, TemplateVersionChinese(first.version),
                                         in.name, TemplateVersionChinese(in.report.version)));
    }
    if (in.report.year != first.year) {
      return InvalidArgument("mixed years",
                             fmt::format("不能汇总不同年度的报告：{} 为 {} 年，{} 为 {} 年",
                                         inputs.front().name, first.year, in.name, in.report.year));
    }
  }
  Consolidation c;
  c.total = MakeZeroReport(first.version);
  c.total.agency = agency;
  c.total.year = first.year;
  for (const auto& in : inputs) {
    std::vector<Finding> f = CheckReport(in.report);
    const Finding* err = nullptr;
    for (const auto& x : f) {
      if (x.severity == Severity::kError) {
        err = &x;
        break;
      }
    }
    if (err != nullptr) {
      c.findings.push_back(
          {"C1", Severity::kError, "input/" + in.name, in.name,
           fmt::format("{} 未通过校验，未计入汇总（{} {}）", in.name, err->rule, err->message)});
      continue;
    }
    c.used.push_back(in.name);
    const AnnualReport& r = in.report;
    for (size_t i = 0; i < c.total.table2.size(); ++i) *c.total.table2[i] += *r.table2[i];
    for (size_t i = 0; i < c.total.table3.size(); ++i) {
      for (int k = 0; k < kTable3Columns; ++k) *c.total.table3[i][k] += *r.table3[i][k];
    }
    for (int k = 0; k < kTable4Columns; ++k) *c.total.table4[k] += *r.table4[k];
  }
  if (c.used.empty()) {
    return InvalidArgument("every input failed its check",
                           "所有报告都未通过校验，没有可汇总的数据");
  }
  std::string names;
  for (const auto& n : c.used) names += (names.empty() ? "" : "、") + n;
  c.total.preamble = fmt::format("本报告由 {} 份年度报告汇总生成：{}。", c.used.size(), names);
  for (auto& f : CheckReport(c.total)) c.findings.push_back(std::move(f));
  return c;
}

}  // namespace gongkai::report

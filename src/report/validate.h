#pragma once
// The 勾稽 (cross-check) rules of the annual report, statutory-rules.md §1.6:
//   R1 一 + 二 = 三（七）总计 + 四, per column of table 三 (printed in the form)
//   R2 三（七）总计 = sum of the 21 (2019: 19) result rows, per column
//   R3 总计 = 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他, per row
//   R4 行政复议 总计 = 维持 + 纠正 + 其他 + 尚未审结; R5/R6 the same for 直接起诉 / 复议后起诉
//   R7 every cell a non-negative integer (本年收费金额: non-negative amount; 2019 本年增/减:
//   integer) R8 practice: R8.1 上年结转 = last year's 结转下年度; R8.2 现行有效 = last year's +
//   制发 − 废止;
//      R8.3 figures quoted in the text match the tables; R8.4 "没有/未" statements match the
//      tables.
// Pure functions; thread-safe.

#include <vector>

#include "report/annual_report.h"

namespace gongkai::report {

// R1–R7 and the narrative checks R8.3/R8.4 on one report, in table order.
std::vector<Finding> CheckReport(const AnnualReport& r);

// R8.1/R8.2 of `current` against the same agency's report of the year before.
std::vector<Finding> CheckAgainstPreviousYear(const AnnualReport& current,
                                              const AnnualReport& previous);

// Only the narrative checks (R8.3, R8.4); part of CheckReport.
std::vector<Finding> CheckNarrative(const AnnualReport& r);

// True when any finding is an error.
bool HasErrors(const std::vector<Finding>& findings);

}  // namespace gongkai::report

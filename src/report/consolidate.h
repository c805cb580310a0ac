#pragma once
// Consolidation (汇总): the sum of many agencies' reports, e.g. a city's total. Pure.

#include <string>
#include <vector>

#include "core/result.h"
#include "report/annual_report.h"

namespace gongkai::report {

struct NamedReport {
  std::string name;  // file name or agency, used in messages
  AnnualReport report;
};

struct Consolidation {
  AnnualReport total;
  std::vector<std::string> used;  // names of the inputs summed
  std::vector<Finding> findings;  // "C1" per refused input, then the total's own check
};

// Checks every input first (CheckReport); an input with errors is refused (a "C1" finding that
// names it and its first error) and left out of the sum. All inputs must share the template and
// the year: kInvalidArgument otherwise, and when nothing is left to sum.
Result<Consolidation> Consolidate(const std::vector<NamedReport>& inputs,
                                  const std::string& agency);

}  // namespace gongkai::report

#pragma once
// Random but valid annual reports, for round-trip tests and the benchmark. Deterministic for a
// seed (std::mt19937_64), so a failing case can be replayed.

#include <cstdint>

#include "report/annual_report.h"

namespace gongkai::report {

// A report of template `v` that passes every rule of CheckReport (no errors, no warnings):
// table 三 adds up by column and by row, table 四 by group, the narrative quotes the number of
// applications received, and text is safe for every textual form.
AnnualReport GenerateReport(uint64_t seed, TemplateVersion v);

}  // namespace gongkai::report

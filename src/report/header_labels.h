#pragma once
// Header-label runs, for the interpreter's hot path (kept out of report_template.h so that this
// internal helper does not touch every includer of the template).

#include <string_view>

#include "report/report_template.h"

namespace gongkai::report {

// True when `normalized` is nothing but known header labels (IsKnownHeaderLabel) run together
// ("商业企业科研机构…"), each taken as the longest label that fits (labels of 3 to 240 bytes).
// The distinct label lengths and the labels' first three bytes are precomputed, so prose is
// rejected after one look-up instead of one per possible length.
bool IsKnownHeaderRun(const ReportTemplate& t, std::string_view normalized);

// False when no header run can start with the (normalised, at least three bytes) text `head`:
// its first three bytes are no label's first three bytes.
bool MayStartHeaderRun(const ReportTemplate& t, std::string_view head);

}  // namespace gongkai::report

#pragma once
// Batch audit: import and check many report files on all cores, then the cross-year checks
// between reports of the same agency, and summaries (CSV, JSON, a self-contained HTML page).

#include <functional>
#include <string>
#include <vector>

#include "report/annual_report.h"

namespace gongkai::report {

struct FileOutcome {
  std::string path;
  bool readable = false;
  std::string error;   // Chinese, when not readable
  std::string format;  // pipe/html/markdown/text/json
  std::string encoding;
  bool complete = false;
  AnnualReport report;            // tables only: the texts are dropped to keep memory flat
  std::vector<Finding> findings;  // import issues, then CheckReport, then cross-year
};

// Reads, imports and checks `paths` with `jobs` threads (≥ 1). `progress(done, total)` is called
// from worker threads, serialised. The result is in the order of `paths`.
std::vector<FileOutcome> CheckFiles(const std::vector<std::string>& paths, int jobs,
                                    const std::function<void(size_t, size_t)>& progress);

// Adds R8.1/R8.2 findings wherever the batch holds the same agency's previous year.
void CrossYearChecks(std::vector<FileOutcome>& outcomes);

// Counts findings that matter (errors and warnings).
int CountFindings(const FileOutcome& o, Severity s);

std::string SummaryCsv(const std::vector<FileOutcome>& outcomes);
std::string SummaryJson(const std::vector<FileOutcome>& outcomes);
std::string SummaryHtml(const std::vector<FileOutcome>& outcomes);

}  // namespace gongkai::report

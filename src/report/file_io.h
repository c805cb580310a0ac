#pragma once
// The report module's only file access, kept apart from the pure engine: reading input files,
// listing a folder's reports, writing outputs. Chinese user messages name the path.

#include <string>
#include <vector>

#include "core/result.h"
#include "core/status.h"

namespace gongkai::report {

// Reads a whole file (at most 64 MiB: no annual report is larger). kNotFound / kInvalidArgument.
Result<std::string> ReadReportFile(const std::string& path);

// Writes `data` to `path` (created or replaced). kUnavailable when it cannot be written.
Status WriteOutputFile(const std::string& path, const std::string& data);

// Expands files and folders (recursively, sorted, hidden entries skipped) into report files.
// kNotFound for a path that does not exist.
Result<std::vector<std::string>> ListReportFiles(const std::vector<std::string>& paths);

}  // namespace gongkai::report

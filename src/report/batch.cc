#include "report/batch.h"

#include <atomic>
#include <map>
#include <mutex>
#include <thread>

#include "report/file_io.h"
#include "report/import.h"
#include "report/validate.h"

namespace gongkai::report {
namespace {

FileOutcome CheckOne(const std::string& path) {
  FileOutcome o;
  o.path = path;
  auto bytes = ReadReportFile(path);
  if (!bytes.ok()) {
    o.error = bytes.status().UserMessage();
    return o;
  }
  auto imported = ImportReport(*bytes);
  if (!imported.ok()) {
    o.error = imported.status().UserMessage();
    return o;
  }
  o.readable = true;
  o.format = imported->format;
  o.encoding = imported->encoding;
  o.complete = imported->complete;
  o.findings = std::move(imported->issues);
  for (auto& f : CheckReport(imported->report)) o.findings.push_back(std::move(f));
  o.report = std::move(imported->report);
  o.report.preamble.clear();
  for (auto& s : o.report.sections) s.clear();
  return o;
}

}  // namespace

std::vector<FileOutcome> CheckFiles(const std::vector<std::string>& paths, int jobs,
                                    const std::function<void(size_t, size_t)>& progress) {
  std::vector<FileOutcome> out(paths.size());
  std::atomic<size_t> next{0};
  std::atomic<size_t> done{0};
  std::mutex progress_mu;
  auto worker = [&] {
    for (size_t i = next++; i < paths.size(); i = next++) {
      out[i] = CheckOne(paths[i]);
      size_t d = ++done;
      if (progress) {
        std::lock_guard<std::mutex> lock(progress_mu);
        progress(d, paths.size());
      }
    }
  };
  jobs = std::max(1, std::min<int>(jobs, static_cast<int>(paths.size())));
  std::vector<std::thread> threads;
  for (int k = 1; k < jobs; ++k) threads.emplace_back(worker);
  worker();
  for (auto& t : threads) t.join();
  return out;
}

void CrossYearChecks(std::vector<FileOutcome>& outcomes) {
  std::map<std::pair<std::string, int>, size_t> index;
  for (size_t i = 0; i < outcomes.size(); ++i) {
    const auto& r = outcomes[i].report;
    if (outcomes[i].readable && !r.agency.empty() && r.year > 0) index[{r.agency, r.year}] = i;
  }
  for (auto& [key, i] : index) {
    auto prev = index.find({key.first, key.second - 1});
    if (prev == index.end()) continue;
    for (auto& f : CheckAgainstPreviousYear(outcomes[i].report, outcomes[prev->second].report)) {
      f.message += "（上年报告：" + outcomes[prev->second].path + "）";
      outcomes[i].findings.push_back(std::move(f));
    }
  }
}

int CountFindings(const FileOutcome& o, Severity s) {
  int n = 0;
  for (const auto& f : o.findings) n += f.severity == s ? 1 : 0;
  return n;
}

}  // namespace gongkai::report

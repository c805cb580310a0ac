#pragma once
// Helpers for integration tests: run the real binary, make scratch folders.

#include <cstdint>
#include <string>
#include <vector>

namespace gongkai::testing_util {

struct RunResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs the built `gongkai` binary with `args` (no shell), feeding `stdin_text`,
// with the extra environment entries ("NAME=value") given.
RunResult RunGongkai(const std::vector<std::string>& args, const std::string& stdin_text = "",
                     const std::vector<std::string>& env = {});

// A national holiday file covering only 2100 (one holiday). A clock of it that runs into 2101
// cannot be computed (kOutOfRange), however the calendar fills uncovered years up to 2100.
inline constexpr char kHolidays2100[] =
    "# years: 2100-2100\ndate\tkind\tname\n2100-01-01\tholiday\t元旦\n";
// 2100-12-02 10:00 China time, a Thursday.
inline constexpr int64_t kDec2Of2100 = 4131396000;

// A fresh empty directory under the system temp dir, removed at exit.
std::string MakeTempDir();

// Reads a whole file; empty when missing.
std::string ReadFile(const std::string& path);
void WriteFile(const std::string& path, const std::string& contents);

}  // namespace gongkai::testing_util

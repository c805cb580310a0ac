#pragma once
// Helpers for integration tests: run the real binary, make scratch folders.

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

// A fresh empty directory under the system temp dir, removed at exit.
std::string MakeTempDir();

// Reads a whole file; empty when missing.
std::string ReadFile(const std::string& path);
void WriteFile(const std::string& path, const std::string& contents);

}  // namespace gongkai::testing_util

#pragma once
// Helpers shared by the report tests (header-only, test code only).

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "report/import.h"

namespace gongkai::report::testing {

inline std::string ReadTestData(const std::string& name) {
  std::ifstream in(std::string(GONGKAI_SOURCE_DIR) + "/tests/data/report/" + name,
                   std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Imports or fails the test.
inline ImportResult MustImport(const std::string& bytes, InputFormat f = InputFormat::kAuto) {
  auto r = ImportReport(bytes, f);
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  if (!r.ok()) return ImportResult{};
  return std::move(r).value();
}

}  // namespace gongkai::report::testing

#include "core/severity.h"

#include <gtest/gtest.h>

#include <string>

namespace gongkai {
namespace {

TEST(SeverityTest, NamesEachLevelInEnglishAndChinese) {
  EXPECT_EQ(std::string(SeverityName(Severity::kError)), "error");
  EXPECT_EQ(std::string(SeverityName(Severity::kWarning)), "warning");
  EXPECT_EQ(std::string(SeverityName(Severity::kInfo)), "info");
  EXPECT_EQ(std::string(SeverityChinese(Severity::kError)), "错误");
  EXPECT_EQ(std::string(SeverityChinese(Severity::kWarning)), "警告");
  EXPECT_EQ(std::string(SeverityChinese(Severity::kInfo)), "提示");
}

}  // namespace
}  // namespace gongkai

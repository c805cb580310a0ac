// The command line's own behaviour, through the real binary.
#include <gtest/gtest.h>

#include "test_util.h"

namespace gongkai {
namespace {

TEST(CliTest, PrintsVersion) {
  auto r = testing_util::RunGongkai({"version"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, std::string("gongkai ") + GONGKAI_VERSION + "\n");
}

TEST(CliTest, UnknownFlagIsAChineseUsageError) {
  auto r = testing_util::RunGongkai({"version", "--frobnicate"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("错误：无法识别的参数"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("--frobnicate"), std::string::npos) << r.err;
}

TEST(CliTest, MissingSubcommandIsAUsageError) {
  auto r = testing_util::RunGongkai({});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("错误："), std::string::npos) << r.err;
}

}  // namespace
}  // namespace gongkai

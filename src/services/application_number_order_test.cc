#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "services/application_service.h"

namespace gongkai::services {
namespace {

TEST(ApplicationNumberLessTest, OrdersByYearThenSerialAsNumbers) {
  std::vector<std::string> numbers = {"樟工信依申〔2025〕1号", "樟工信依申〔2024〕10号",
                                      "樟工信依申〔2024〕6号", "樟工信依申〔2024〕100号",
                                      "樟工信依申〔2023〕12号"};
  std::sort(numbers.begin(), numbers.end(), ApplicationNumberLess);
  EXPECT_EQ(numbers, (std::vector<std::string>{"樟工信依申〔2023〕12号", "樟工信依申〔2024〕6号",
                                               "樟工信依申〔2024〕10号", "樟工信依申〔2024〕100号",
                                               "樟工信依申〔2025〕1号"}));
}

TEST(ApplicationNumberLessTest, HandlesPaddedAndRunTogetherSerials) {
  EXPECT_TRUE(ApplicationNumberLess("工信〔2024〕009", "工信〔2024〕010"));
  EXPECT_TRUE(ApplicationNumberLess("工信2024009", "工信2024010"));
  EXPECT_TRUE(ApplicationNumberLess("工信2024999", "工信2025001"));
  // The serial before the year: still year first.
  EXPECT_TRUE(ApplicationNumberLess("9-2024", "1-2025"));
  EXPECT_TRUE(ApplicationNumberLess("6-2024", "10-2024"));
  // Without digits, or equal keys: as text; never both ways.
  EXPECT_TRUE(ApplicationNumberLess("甲", "乙") != ApplicationNumberLess("乙", "甲"));
  EXPECT_FALSE(ApplicationNumberLess("〔2024〕1号", "〔2024〕1号"));
}

}  // namespace
}  // namespace gongkai::services

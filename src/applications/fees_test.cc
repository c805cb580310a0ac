#include "applications/fees.h"

#include <gtest/gtest.h>

namespace gongkai::applications {
namespace {

constexpr Fen kYuan = 100;

TEST(FeesTest, PerVolumeMatchesTheXianCase) {
  // 2,219 pages: 70 × 10 + 100 × 20 + 2,019 × 40 = 700 + 2,000 + 80,760 = 83,460元.
  auto fee = PerVolumeFee(2219).value();
  EXPECT_EQ(fee.total, 8'346'000);
  ASSERT_EQ(fee.bands.size(), 4u);
  EXPECT_EQ(fee.bands[1].amount, 700 * kYuan);
  EXPECT_EQ(fee.bands[2].amount, 2000 * kYuan);
  EXPECT_EQ(fee.bands[3].units, 2019);
  EXPECT_EQ(fee.bands[3].amount, 80760 * kYuan);
  auto lines = fee.Lines();
  ASSERT_EQ(lines.size(), 5u);
  EXPECT_EQ(lines[0], "第1–30页：30页，免费");
  EXPECT_EQ(lines[1], "第31–100页：70页 × 10元 = 700元");
  EXPECT_EQ(lines[3], "第201–2219页：2019页 × 40元 = 80,760元");
  EXPECT_EQ(lines[4], "按量计收合计：83,460元");
}

TEST(FeesTest, PerVolumeBandEdges) {
  EXPECT_EQ(PerVolumeFee(0)->total, 0);
  EXPECT_EQ(PerVolumeFee(30)->total, 0);
  EXPECT_EQ(PerVolumeFee(31)->total, 10 * kYuan);
  EXPECT_EQ(PerVolumeFee(100)->total, 700 * kYuan);
  EXPECT_EQ(PerVolumeFee(101)->total, 720 * kYuan);
  EXPECT_EQ(PerVolumeFee(200)->total, 2700 * kYuan);
  EXPECT_EQ(PerVolumeFee(201)->total, 2740 * kYuan);
  EXPECT_EQ(PerVolumeFee(-1).status().UserMessage(), "页数不能为负数：-1");
}

TEST(FeesTest, PerApplicationRatesByOrdinalInTheMonth) {
  EXPECT_EQ(PerApplicationRate(1).value(), 0);
  EXPECT_EQ(PerApplicationRate(10).value(), 0);
  EXPECT_EQ(PerApplicationRate(11).value(), 100 * kYuan);
  EXPECT_EQ(PerApplicationRate(30).value(), 100 * kYuan);
  EXPECT_EQ(PerApplicationRate(31).value(), 200 * kYuan);
  EXPECT_EQ(PerApplicationRate(40).value(), 200 * kYuan);
  EXPECT_EQ(PerApplicationRate(41).value(), 300 * kYuan);
  EXPECT_EQ(PerApplicationRate(45).value(), 300 * kYuan);
  EXPECT_EQ(PerApplicationRate(51).value(), 400 * kYuan);
  EXPECT_FALSE(PerApplicationRate(0).ok());
  auto f45 = PerApplicationFee(45).value();
  EXPECT_EQ(f45.total, 300 * kYuan);
  EXPECT_EQ(f45.Lines()[0], "第41–50件：1件 × 300元 = 300元");
  EXPECT_EQ(PerApplicationFee(11)->Lines()[0], "第11–30件：1件 × 100元 = 100元");
}

TEST(FeesTest, MonthlyPerApplicationTotals) {
  // 45 applications: 10 free + 20 × 100 + 10 × 200 + 5 × 300 = 5,500元.
  auto m = MonthlyPerApplicationFees(45).value();
  EXPECT_EQ(m.total, 5500 * kYuan);
  ASSERT_EQ(m.bands.size(), 4u);
  EXPECT_EQ(m.bands[3].first, 41);
  EXPECT_EQ(m.bands[3].last, 45);
  EXPECT_EQ(m.bands[3].units, 5);
  EXPECT_EQ(MonthlyPerApplicationFees(10)->total, 0);
  EXPECT_EQ(MonthlyPerApplicationFees(11)->total, 100 * kYuan);
  EXPECT_EQ(MonthlyPerApplicationFees(30)->total, 2000 * kYuan);
  EXPECT_EQ(MonthlyPerApplicationFees(31)->total, 2200 * kYuan);
  EXPECT_EQ(MonthlyPerApplicationFees(0)->bands.size(), 0u);
}

TEST(FeesTest, FormatsYuan) {
  EXPECT_EQ(FormatYuan(8'346'000), "83,460元");
  EXPECT_EQ(FormatYuan(50), "0.50元");
  EXPECT_EQ(FormatYuan(123'456'705), "1,234,567.05元");
  EXPECT_EQ(FormatYuan(0), "0元");
}

}  // namespace
}  // namespace gongkai::applications

namespace gongkai::applications {
namespace {

// The 109号 Art. 5 bands as data: contiguous from page 1, the last open-ended.
TEST(FeesTest, PerVolumeBandsAreTheTariffOfArticle5) {
  ASSERT_EQ(std::size(kPerVolumeBands), 4u);
  EXPECT_EQ(kPerVolumeBands[0].first, 1);
  for (size_t i = 1; i < std::size(kPerVolumeBands); ++i) {
    EXPECT_EQ(kPerVolumeBands[i].first, kPerVolumeBands[i - 1].last + 1) << i;
  }
  EXPECT_EQ(kPerVolumeBands[0].rate, 0);
  EXPECT_EQ(kPerVolumeBands[1].rate, 10 * 100);
  EXPECT_EQ(kPerVolumeBands[2].rate, 20 * 100);
  EXPECT_EQ(kPerVolumeBands[3].rate, 40 * 100);
  EXPECT_EQ(kPerVolumeBands[3].last, 0);
}

// Every edge of every band: the total, and the last band reached with its pages.
TEST(FeesTest, PerVolumeEveryBandEdge) {
  struct Edge {
    int pages;
    Fen total;
    size_t bands;
    int last_first, last_last, last_units;
  };
  const Edge edges[] = {
      {1, 0, 1, 1, 1, 1},                   // first page: free
      {30, 0, 1, 1, 30, 30},                // last free page
      {31, 10 * 100, 2, 31, 31, 1},         // first paid page: 10元
      {100, 700 * 100, 2, 31, 100, 70},     // 70 × 10元
      {101, 720 * 100, 3, 101, 101, 1},     // + 20元
      {200, 2700 * 100, 3, 101, 200, 100},  // 700 + 100 × 20元
      {201, 2740 * 100, 4, 201, 201, 1},    // + 40元
      {1000, 34700 * 100, 4, 201, 1000, 800},
  };
  for (const Edge& e : edges) {
    auto fee = PerVolumeFee(e.pages).value();
    EXPECT_EQ(fee.total, e.total) << e.pages;
    ASSERT_EQ(fee.bands.size(), e.bands) << e.pages;
    EXPECT_EQ(fee.bands.back().first, e.last_first) << e.pages;
    EXPECT_EQ(fee.bands.back().last, e.last_last) << e.pages;
    EXPECT_EQ(fee.bands.back().units, e.last_units) << e.pages;
  }
  EXPECT_TRUE(PerVolumeFee(0)->bands.empty());
  EXPECT_EQ(PerVolumeFee(kMaxFeePages)->total, 2700 * 100 + Fen{kMaxFeePages - 200} * 4000);
  EXPECT_EQ(PerVolumeFee(kMaxFeePages + 1).status().UserMessage(),
            "页数过大：1000001（最多1000000页），请核对");
}

}  // namespace
}  // namespace gongkai::applications

#include "catalog/catalog.h"

#include <gtest/gtest.h>

#include "catalog/default_columns.h"
#include "catalog/index_number.h"
#include "catalog/themes.h"

namespace gongkai::catalog {
namespace {

TEST(IndexNumber, DefaultPatternMatchesTheUsualForm) {
  auto n = FormatIndexNumber(kDefaultIndexPattern, "11360982MB1234567X", {2024, 3, 5}, 7);
  ASSERT_TRUE(n.ok());
  EXPECT_EQ(*n, "11360982MB1234567X/2024-00007");
  EXPECT_EQ(IndexSequence(kDefaultIndexPattern, "11360982MB1234567X", 2024, *n), 7);
  EXPECT_EQ(IndexSequence(kDefaultIndexPattern, "11360982MB1234567X", 2023, *n), 0);
  EXPECT_EQ(IndexSequence(kDefaultIndexPattern, "11360982MB1234567X", 2024, *n + "x"), 0);
}

TEST(IndexNumber, MonthAndWideSequences) {
  auto n =
      FormatIndexNumber("{code}/{year}{month}-{seq:5}", "11341702486344515H", {2021, 10, 1}, 13);
  EXPECT_EQ(n.value(), "11341702486344515H/202110-00013");
  EXPECT_EQ(IndexSequence("{code}/{year}{month}-{seq:5}", "11341702486344515H", 2021, *n), 13);
  // A sequence past its width keeps every digit.
  EXPECT_EQ(FormatIndexNumber("000014349/{year}-{seq:3}", "", {2017, 1, 1}, 1234).value(),
            "000014349/2017-1234");
}

TEST(IndexNumber, PatternErrorsAreNamed) {
  EXPECT_EQ(ValidateIndexPattern("{code}/{year}").UserMessage(),
            "索引号格式须有且只有一个流水号 {seq:N}");
  EXPECT_EQ(ValidateIndexPattern("{code}-{seq:5}").UserMessage(),
            "索引号格式须含年份 {year}（流水号按年编排）");
  EXPECT_EQ(
      ValidateIndexPattern("{code}/{year}-{seq:9}").UserMessage(),
      "索引号格式中有未知的占位符“{seq:9}”（可用 {code}、{year}、{month}、{seq:N}，N 为1–8）");
  EXPECT_EQ(FormatIndexNumber(kDefaultIndexPattern, "", {2024, 1, 1}, 1).status().UserMessage(),
            "索引号格式使用机构代码，请先填写机构的统一社会信用代码");
}

TEST(Themes, TwoLevelsAndSeparators) {
  EXPECT_TRUE(IsKnownTheme("综合政务\\政务公开"));
  EXPECT_TRUE(IsKnownTheme("卫生、体育/医药管理"));
  EXPECT_TRUE(IsKnownTheme("其他"));
  EXPECT_FALSE(IsKnownTheme("综合政务"));  // has a second level
  EXPECT_FALSE(IsKnownTheme("综合政务\\医药管理"));
  EXPECT_EQ(CanonicalTheme("卫生、体育／医药管理"), "卫生、体育\\医药管理");
  EXPECT_EQ(Themes().size(), 22u);
}

TEST(DefaultColumns, MatchesThePlatformAndTheSeed) {
  const auto& cols = DefaultColumns();
  ASSERT_EQ(cols.size(), 24u);
  int first_level = 0;
  for (const auto& c : cols) first_level += c.parent_code.empty();
  EXPECT_EQ(first_level, 4);  // 指南 / 制度 / 法定主动公开内容 / 年报
  EXPECT_EQ(cols.front().name, "政府信息公开指南");
  EXPECT_EQ(cols.back().name, "政府信息公开年报");
  for (const auto& c : cols) {
    Column col;
    col.code = std::string(c.code);
    col.name = std::string(c.name);
    EXPECT_TRUE(ValidateColumn(col).ok()) << c.code;
  }
}

TEST(Content, ValidationNamesTheField) {
  ItemContent c;
  EXPECT_EQ(ValidateContent(c).UserMessage(), "名称不能为空");
  c.title = "关于印发《樟树市工业园区管理办法》的通知";
  EXPECT_TRUE(ValidateContent(c).ok());
  c.theme = "综合政务\\财政";
  EXPECT_EQ(ValidateContent(c).UserMessage(),
            "主题分类“综合政务\\财政”不在国家主题分类表中（应为“一级\\二级”）");
  c.theme = "";
  c.attribute = Attribute::kWithheld;
  EXPECT_EQ(ValidateContent(c).UserMessage(), "不予公开须写明理由和依据");
  c.withheld_ground = "内部事务信息（条例第十六条第一款）";
  EXPECT_TRUE(ValidateContent(c).ok());
}

TEST(Content, DigestIgnoresNothingThatIsShown) {
  ItemContent a;
  a.title = "通知";
  ItemContent b = a;
  EXPECT_EQ(ContentDigest(a), ContentDigest(b));
  b.written_on = Date{2024, 1, 2};
  EXPECT_NE(ContentDigest(a), ContentDigest(b));
  b = a;
  b.summary = "x";
  EXPECT_NE(ContentDigest(a), ContentDigest(b));
  // Length prefixes: moving text between fields changes the digest.
  ItemContent c;
  c.title = "通知x";
  ItemContent d;
  d.title = "通知";
  d.summary = "x";
  EXPECT_NE(ContentDigest(c), ContentDigest(d));
}

}  // namespace
}  // namespace gongkai::catalog

#include "report/consolidate.h"

#include <gtest/gtest.h>

#include "report/generator.h"
#include "report/validate.h"

namespace gongkai::report {
namespace {

TEST(ConsolidateTest, SumsValidInputsAndRefusesFailingOnes) {
  AnnualReport a = GenerateReport(1, TemplateVersion::k2021);
  AnnualReport b = GenerateReport(2, TemplateVersion::k2021);
  b.year = a.year;
  AnnualReport bad = GenerateReport(3, TemplateVersion::k2021);
  bad.year = a.year;
  *bad.table3[0][0] += 1;  // R1 and R3
  auto c = Consolidate({{"a", a}, {"b", b}, {"bad", bad}}, "某市");
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_EQ(c->used, (std::vector<std::string>{"a", "b"}));
  ASSERT_EQ(c->findings.size(), 1u);
  EXPECT_EQ(c->findings[0].rule, "C1");
  EXPECT_NE(c->findings[0].message.find("bad 未通过校验"), std::string::npos);
  EXPECT_EQ(c->total.agency, "某市");
  EXPECT_EQ(c->total.year, a.year);
  EXPECT_EQ(*c->total.table3[0][6], *a.table3[0][6] + *b.table3[0][6]);
  EXPECT_EQ(*c->total.table2[9], *a.table2[9] + *b.table2[9]);
  EXPECT_EQ(*c->total.table4[14], *a.table4[14] + *b.table4[14]);
  EXPECT_TRUE(CheckReport(c->total).empty());
}

TEST(ConsolidateTest, RefusesMixedTemplatesOrYears) {
  AnnualReport a = GenerateReport(1, TemplateVersion::k2021);
  AnnualReport b = GenerateReport(1, TemplateVersion::k2019);
  EXPECT_FALSE(Consolidate({{"a", a}, {"b", b}}, "x").ok());
  AnnualReport c = a;
  c.year = a.year + 1;
  auto r = Consolidate({{"a", a}, {"c", c}}, "x");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().UserMessage().find("不同年度"), std::string::npos);
  EXPECT_FALSE(Consolidate({}, "x").ok());
}

}  // namespace
}  // namespace gongkai::report

#include "screening/screener.h"

#include <gtest/gtest.h>

namespace gongkai::screening {
namespace {

const Date kDate{2024, 6, 1};

DictionaryEntry E(std::string term, Category c, std::string suggestion = "",
                  Severity s = Severity::kError) {
  DictionaryEntry e;
  e.term = std::move(term);
  e.category = c;
  e.suggestion = std::move(suggestion);
  e.severity = s;
  e.source = "test";
  return e;
}

std::unique_ptr<Screener> Make(std::vector<DictionaryEntry> entries, ScreenOptions o = {}) {
  auto s = Screener::Create(std::move(entries), o);
  EXPECT_TRUE(s.ok()) << s.status().ToString();
  return std::move(s).value();
}

TEST(ScreenerTest, AllowedTermCoveringAHitSuppressesIt) {
  auto s = Make({E("小姐", Category::kSensitive), E("领导小姐", Category::kTypo, "领导小组"),
                 E("导小", Category::kTypo), E("领导小组", Category::kAllow)});
  auto r = s->Screen("成立领导小组。领导小姐", InputFormat::kText, kDate).value();
  // 导小 inside 领导小组 is suppressed; in 领导小姐 everything is reported.
  ASSERT_EQ(r.all.size(), 3u);
  EXPECT_EQ(r.all[0].term, "领导小姐");
  EXPECT_EQ(r.all[1].term, "导小");
  EXPECT_EQ(r.all[2].term, "小姐");
  // Leftmost-longest for display: only 领导小姐.
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_EQ(r.findings[0].original, "领导小姐");
  EXPECT_EQ(r.findings[0].byte_begin, 21u);
  EXPECT_EQ(r.findings[0].char_begin, 7u);
  EXPECT_EQ(r.findings[0].char_end, 11u);
  EXPECT_EQ(r.findings[0].column, 8u);
  EXPECT_TRUE(r.has_error);
}

TEST(ScreenerTest, AllowThatOnlyOverlapsDoesNotSuppress) {
  auto s = Make({E("共和", Category::kCustom), E("人民共", Category::kAllow)});
  auto r = s->Screen("人民共和", InputFormat::kText, kDate).value();
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_EQ(r.findings[0].term, "共和");
}

TEST(ScreenerTest, NearMissesOfProtectedStrings) {
  auto s = Make({E("扫黑除恶", Category::kProtected), E("中华人民共和国", Category::kProtected)});
  auto r = s->Screen("开展扫黑险恶专项斗争。\n中华人民共合国宪法；中华人民共和国成立。",
                     InputFormat::kText, kDate)
               .value();
  ASSERT_EQ(r.findings.size(), 2u);
  EXPECT_EQ(r.findings[0].category, Category::kNearMiss);
  EXPECT_EQ(r.findings[0].original, "扫黑险恶");
  EXPECT_EQ(r.findings[0].suggestion, "扫黑除恶");
  EXPECT_EQ(r.findings[0].line, 1u);
  EXPECT_EQ(r.findings[0].column, 3u);
  EXPECT_EQ(r.findings[1].original, "中华人民共合国");
  EXPECT_EQ(r.findings[1].suggestion, "中华人民共和国");
  EXPECT_EQ(r.findings[1].line, 2u);
  EXPECT_EQ(r.findings[1].column, 1u);
}

TEST(ScreenerTest, NearMissThatIsAllowedIsNotReported) {
  auto s = Make({E("依法治国", Category::kProtected), E("依法治省", Category::kAllow),
                 E("依法执国", Category::kAllow)});
  auto r = s->Screen("依法执国", InputFormat::kText, kDate).value();
  EXPECT_TRUE(r.findings.empty());
}

TEST(ScreenerTest, OutdatedNamesOnlyAfterTheChange) {
  auto e = E("国土资源部", Category::kOutdatedAgency, "自然资源部");
  e.valid_from = Date{2018, 4, 10};
  auto s = Make({e});
  EXPECT_EQ(s->Screen("国土资源部", InputFormat::kText, Date{2017, 1, 1}).value().all.size(), 0u);
  EXPECT_EQ(s->Screen("国土资源部", InputFormat::kText, Date{2019, 1, 1}).value().all.size(), 1u);
}

TEST(ScreenerTest, NormalisedMatchesReportTheOriginalText) {
  auto s = Make({E("国家工商行政管理总局", Category::kOutdatedAgency, "国家市场监督管理总局")});
  auto r = s->Screen("原國家工商行政管理總局", InputFormat::kText, kDate).value();
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_EQ(r.findings[0].original, "國家工商行政管理總局");
  EXPECT_EQ(r.findings[0].byte_begin, 3u);
  EXPECT_EQ(r.findings[0].char_begin, 1u);
  EXPECT_EQ(r.findings[0].char_end, 11u);
}

TEST(ScreenerTest, HtmlOffsetsPointIntoThePage) {
  auto s = Make({E("营商坏境", Category::kTypo, "营商环境")});
  std::string html = "<html><body>\n<p>优化<b>营商</b>坏境</p>\n</body></html>";
  auto r = s->Screen(html, InputFormat::kHtml, kDate).value();
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_EQ(r.findings[0].byte_begin, 25u);
  EXPECT_EQ(r.findings[0].byte_end, 41u);
  EXPECT_EQ(r.findings[0].original, "营商</b>坏境");
  EXPECT_EQ(r.findings[0].line, 2u);
  EXPECT_EQ(r.findings[0].column, 9u);  // after <p>优化<b>
}

TEST(ScreenerTest, ZeroWidthInsideATermIsFoundAndCoveredByOffsets) {
  auto s = Make({E("营商坏境", Category::kTypo, "营商环境")});
  auto r = s->Screen("营\u200B商坏境", InputFormat::kText, kDate).value();
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_EQ(r.findings[0].byte_end, 15u);
  EXPECT_EQ(r.findings[0].char_end, 5u);
}

TEST(ScreenerTest, PrivacyFindingsAndMasking) {
  auto s = Make({});
  std::string text = "电话13812341234，身份证440304199001011233。";
  auto r = s->Screen(text, InputFormat::kText, kDate).value();
  ASSERT_EQ(r.findings.size(), 2u);
  EXPECT_EQ(r.findings[0].category, Category::kPrivacy);
  EXPECT_EQ(r.findings[0].severity, Severity::kWarning);
  EXPECT_EQ(r.findings[0].suggestion, "138****1234");
  EXPECT_EQ(r.findings[1].severity, Severity::kError);
  EXPECT_EQ(Screener::Mask(text, r), "电话138****1234，身份证440304********1233。");
}

TEST(ScreenerTest, InvalidUtf8IsReportedWithOffset) {
  auto s = Make({});
  auto r = s->Screen("ab\xFF", InputFormat::kText, kDate);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("byte offset 2"), std::string::npos);
}

}  // namespace
}  // namespace gongkai::screening

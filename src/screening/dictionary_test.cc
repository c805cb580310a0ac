#include "screening/dictionary.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace gongkai::screening {
namespace {

TEST(DictionaryTest, ParsesAllColumns) {
  auto r = ParseDictionary(
      "# comment\n\n国土资源部\t过时机构名称\terror\t自然资源部\t2018-04-10\t\t改革\n营商坏境\n",
      "x.tsv");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->size(), 2u);
  const auto& e = (*r)[0];
  EXPECT_EQ(e.term, "国土资源部");
  EXPECT_EQ(e.category, Category::kOutdatedAgency);
  EXPECT_EQ(e.severity, Severity::kError);
  EXPECT_EQ(e.suggestion, "自然资源部");
  EXPECT_EQ(e.valid_from, (Date{2018, 4, 10}));
  EXPECT_FALSE(e.valid_to.has_value());
  EXPECT_EQ(e.note, "改革");
  EXPECT_EQ(e.source, "x.tsv:3");
  EXPECT_EQ((*r)[1].category, Category::kCustom);
  EXPECT_EQ((*r)[1].severity, Severity::kWarning);
}

TEST(DictionaryTest, BadColumnsNameTheLine) {
  auto r = ParseDictionary("a\t类别X\n", "x.tsv");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().UserMessage().find("x.tsv:1"), std::string::npos);
  EXPECT_FALSE(ParseDictionary("a\t错别字\tbad\n", "x").ok());
  EXPECT_FALSE(ParseDictionary("a\t错别字\terror\t\t2018-02-30\n", "x").ok());
}

TEST(DictionaryTest, AppendThenLoadRoundTrips) {
  auto dir = std::filesystem::temp_directory_path() / "gongkai_dict_test";
  std::filesystem::remove_all(dir);
  std::string path = (dir / "agency.tsv").string();
  DictionaryEntry e;
  e.term = "本地\t词";
  e.category = Category::kTypo;
  e.severity = Severity::kInfo;
  e.suggestion = "本地词";
  e.valid_to = Date{2030, 1, 1};
  ASSERT_TRUE(AppendEntry(path, e).ok());
  ASSERT_TRUE(AppendEntry(path, e).ok());
  auto r = LoadDictionaryFile(path);
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->size(), 2u);
  EXPECT_EQ((*r)[0].term, "本地 词");
  EXPECT_EQ((*r)[0].valid_to, (Date{2030, 1, 1}));
  EXPECT_EQ((*r)[1].source, path + ":3");
  std::filesystem::remove_all(dir);
}

TEST(DictionaryTest, ShippedDictionariesLoad) {
  auto r = LoadDictionaryDir(std::string(GONGKAI_SOURCE_DIR) + "/data/screening");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_GT(r->size(), 200u);
}

}  // namespace
}  // namespace gongkai::screening

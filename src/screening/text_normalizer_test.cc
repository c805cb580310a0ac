#include "screening/text_normalizer.h"

#include <gtest/gtest.h>

namespace gongkai::screening {
namespace {

std::string Fold(std::string_view s) { return TextNormalizer::Default().FoldString(s, false); }

TEST(TextNormalizerTest, FoldsFullWidthToHalfWidth) {
  EXPECT_EQ(Fold("ＡＢＣ１２３"), "abc123");
  EXPECT_EQ(Fold("，"), ",");  // full-width comma → ASCII comma, still not noise
}

TEST(TextNormalizerTest, FoldsIdeographicSpaceToSpace) {
  EXPECT_EQ(TextNormalizer::Default().Fold(0x3000), U' ');
  EXPECT_TRUE(TextNormalizer::Default().IsNoise(U' '));
}

TEST(TextNormalizerTest, FoldsCase) { EXPECT_EQ(Fold("GongKai COVID"), "gongkai covid"); }

TEST(TextNormalizerTest, FoldsTraditionalToSimplifiedFromOpenCC) {
  ASSERT_GT(TextNormalizer::Default().traditional_pairs(), 3000u);
  EXPECT_EQ(Fold("國家工商行政管理總局"), "国家工商行政管理总局");
  EXPECT_EQ(Fold("後陸髮"), "后陆发");
}

TEST(TextNormalizerTest, FoldsCompatibilityIdeographs) {
  // U+F900 豈 → U+8C48 豈 (NFKC) → U+5C82 岂 (OpenCC); U+FA10 塚 → U+585A 塚 → U+51A2 冢.
  EXPECT_EQ(TextNormalizer::Default().Fold(0xF900), char32_t{0x5C82});
  EXPECT_EQ(TextNormalizer::Default().Fold(0xFA10), char32_t{0x51A2});
  // A compatibility ideograph that is already simplified keeps its unified form:
  // U+F92C 郎 → U+90CE 郎.
  EXPECT_EQ(TextNormalizer::Default().Fold(0xF92C), char32_t{0x90CE});
}

TEST(TextNormalizerTest, FoldsNumberStyles) {
  EXPECT_EQ(Fold("①⑴⒈⓿❶➀"), "111011");
  EXPECT_EQ(Fold("㈠"), "一");
  EXPECT_EQ(Fold("二○二四"), "二〇二四");
  EXPECT_EQ(Fold("Ⅷ"), "Ⅷ");  // several letters in NFKC ("viii"): left alone
  EXPECT_EQ(Fold("Ⅰ"), "i");
}

TEST(TextNormalizerTest, FoldsLetterStyles) {
  EXPECT_EQ(Fold("Ⓐⓑ⒞"), "abc");
  EXPECT_EQ(Fold("\U0001D400\U0001D41B"), "ab");  // mathematical bold A, b
}

TEST(TextNormalizerTest, DropsZeroWidthCharacters) {
  EXPECT_EQ(Fold("扫\u200B黑\u200C除\u200D恶\uFEFF\u00AD\u2060"), "扫黑除恶");
}

TEST(TextNormalizerTest, NoiseIsDecorationButNotPhrasePunctuation) {
  const auto& n = TextNormalizer::Default();
  for (char32_t c : {U' ', U'*', U'#', U'@', U'~', U'_', U'-', char32_t{0x2605}, char32_t{0xB7}}) {
    EXPECT_TRUE(n.IsNoise(n.Fold(c))) << static_cast<uint32_t>(c);
  }
  for (char32_t c : {char32_t{0xFF0C}, char32_t{0x3002}, char32_t{0x3001}, U',', U'.'}) {
    EXPECT_FALSE(n.IsNoise(n.Fold(c))) << static_cast<uint32_t>(c);
  }
  EXPECT_EQ(n.FoldString("扫 黑*除★恶", true), "扫黑除恶");
}

TEST(TextNormalizerTest, IdentityFoldsNothing) {
  const auto& n = TextNormalizer::Identity();
  EXPECT_EQ(n.Fold(U'Ａ'), U'Ａ');
  EXPECT_EQ(n.Fold(0x200B), char32_t{0x200B});
  EXPECT_FALSE(n.IsNoise(U' '));
}

}  // namespace
}  // namespace gongkai::screening

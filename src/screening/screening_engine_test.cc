#include "screening/screening_engine.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <tuple>
#include <vector>

namespace gongkai::screening {
namespace {

using Hit = std::tuple<int, int, uint32_t, uint32_t>;  // kind, pattern, begin, end

std::vector<Hit> Hits(const ScreeningEngine& e, std::string_view text,
                      const std::vector<TextSpan>* spans = nullptr) {
  std::vector<Hit> hits;
  Status st = e.Match(text, spans, [&](const EngineMatch& m) {
    hits.emplace_back(static_cast<int>(m.kind), m.pattern, m.begin, m.end);
  });
  EXPECT_TRUE(st.ok()) << st.ToString();
  std::sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) {
    return std::tie(std::get<2>(a), std::get<3>(a), std::get<1>(a)) <
           std::tie(std::get<2>(b), std::get<3>(b), std::get<1>(b));
  });
  return hits;
}

std::unique_ptr<ScreeningEngine> Build(std::vector<std::string> terms, bool normalize = true,
                                       std::vector<std::string> protect = {},
                                       bool vector_decode = true) {
  EngineOptions o;
  o.normalizer = normalize ? &TextNormalizer::Default() : &TextNormalizer::Identity();
  o.vector_decode = vector_decode;
  auto e = std::make_unique<ScreeningEngine>(o);
  for (const auto& t : terms) EXPECT_TRUE(e->Add(t).ok()) << t;
  for (const auto& t : protect) EXPECT_TRUE(e->AddProtected(t).ok()) << t;
  EXPECT_TRUE(e->Compile().ok());
  return e;
}

constexpr int kExact = 0;
constexpr int kNear = 1;

TEST(ScreeningEngineTest, ReportsAllOverlappingMatches) {
  auto e = Build({"人民", "人民政府", "政府", "民政"}, false);
  EXPECT_EQ(Hits(*e, "各级人民政府"),
            (std::vector<Hit>{
                {kExact, 0, 6, 12}, {kExact, 1, 6, 18}, {kExact, 3, 9, 15}, {kExact, 2, 12, 18}}));
  EXPECT_EQ(e->Count("人民政府人民").value(), 5u);
}

TEST(ScreeningEngineTest, SingleCharacterAndAsciiTerms) {
  auto e = Build({"党", "ab"}, false);
  EXPECT_EQ(Hits(*e, "党xab党"),
            (std::vector<Hit>{{kExact, 0, 0, 3}, {kExact, 1, 4, 6}, {kExact, 0, 6, 9}}));
}

TEST(ScreeningEngineTest, DuplicateTermsCountTwice) {
  auto e = Build({"扫黑", "扫黑"}, false);
  EXPECT_EQ(e->Count("扫黑除恶").value(), 2u);
}

TEST(ScreeningEngineTest, IdentityDoesNotNormalize) {
  auto e = Build({"国家"}, false);
  EXPECT_EQ(e->Count("國家 国 家 国\u200B家").value(), 0u);
}

TEST(ScreeningEngineTest, OffsetsMapBackThroughFullWidthAndTraditional) {
  auto e = Build({"covid-19", "国家工商行政管理总局"});
  // Full-width letters and digits (3 bytes each): offsets cover the original.
  EXPECT_EQ(Hits(*e, "xＣＯＶＩＤ－１９y"), (std::vector<Hit>{{kExact, 0, 1, 25}}));
  EXPECT_EQ(Hits(*e, "原國家工商行政管理總局"), (std::vector<Hit>{{kExact, 1, 3, 33}}));
}

TEST(ScreeningEngineTest, ZeroWidthCharactersAreInvisible) {
  auto e = Build({"扫黑除恶"});
  // 扫 U+200B 黑 U+FEFF 除恶: 3+3+3+3+3+3 bytes.
  EXPECT_EQ(Hits(*e, "扫\u200B黑\uFEFF除恶"), (std::vector<Hit>{{kExact, 0, 0, 18}}));
  // Even many of them: they are not noise and do not count against max_gap.
  EXPECT_EQ(Hits(*e, "扫\u200B\u200B\u200B\u200B黑除恶").size(), 1u);
}

TEST(ScreeningEngineTest, SkipsBoundedNoise) {
  auto e = Build({"扫黑除恶"});  // default max_gap 2
  EXPECT_EQ(Hits(*e, "扫 黑**除　恶"), (std::vector<Hit>{{kExact, 0, 0, 18}}));
  EXPECT_TRUE(Hits(*e, "扫   黑除恶").empty());  // three noise characters: too many
  EXPECT_TRUE(Hits(*e, "扫，黑除恶").empty());   // ，。、 are not noise
  EXPECT_TRUE(Hits(*e, "扫。黑除恶").empty());
  EXPECT_TRUE(Hits(*e, "扫、黑除恶").empty());
  // Leading and trailing noise is not part of the match.
  EXPECT_EQ(Hits(*e, " *扫黑除恶* "), (std::vector<Hit>{{kExact, 0, 2, 14}}));
}

TEST(ScreeningEngineTest, MaxGapZeroDisablesSkipping) {
  EngineOptions o;
  o.max_gap = 0;
  ScreeningEngine e(o);
  ASSERT_TRUE(e.Add("扫黑").ok());
  ASSERT_TRUE(e.Compile().ok());
  EXPECT_EQ(e.Count("扫 黑").value(), 0u);
  EXPECT_EQ(e.Count("扫黑").value(), 1u);
}

TEST(ScreeningEngineTest, HtmlTagsAreSkippedAndOffsetsStayInThePage) {
  auto e = Build({"扫黑除恶", "中华"});
  std::string html = "<p>扫黑<b>除</b>恶</p><p>中</p><p>华</p>&#x626B;&#x9ED1;除恶";
  auto spans = ReadHtml(html);
  EXPECT_EQ(Hits(*e, html, &spans), (std::vector<Hit>{{kExact, 0, 3, 22}, {kExact, 0, 46, 68}}));
}

TEST(ScreeningEngineTest, NearMissSubstitutionInsertionDeletionTransposition) {
  auto e = Build({}, true, {"扫黑除恶", "中华人民共和国"});
  EXPECT_EQ(Hits(*e, "打好扫黑险恶斗争"), (std::vector<Hit>{{kNear, 0, 6, 18}}));
  EXPECT_EQ(Hits(*e, "中华人民共合国"), (std::vector<Hit>{{kNear, 1, 0, 21}}));
  EXPECT_EQ(Hits(*e, "中华人民共和和国"), (std::vector<Hit>{{kNear, 1, 0, 24}}));
  EXPECT_EQ(Hits(*e, "中华人民和国"), (std::vector<Hit>{{kNear, 1, 0, 18}}));
  EXPECT_EQ(Hits(*e, "中华人共民和国"), (std::vector<Hit>{{kNear, 1, 0, 21}}));
}

TEST(ScreeningEngineTest, NearMissIgnoresExactEdgeAndPunctuationEdits) {
  auto e = Build({}, true, {"扫黑除恶", "依法治国"});
  EXPECT_TRUE(Hits(*e, "扫黑除恶").empty());
  EXPECT_TRUE(Hits(*e, "依法治理").empty());  // last character: not interior
  EXPECT_TRUE(Hits(*e, "扫黑，恶").empty());  // substituted by punctuation
  EXPECT_TRUE(Hits(*e, "扫黑除恶势力").empty());
}

TEST(ScreeningEngineTest, NoInsertionsOrDeletionsNearWordBoundaries) {
  auto e = Build({}, true, {"人民政府", "全国人民代表大会", "政府信息公开"});
  EXPECT_TRUE(Hits(*e, "个人政府信息").empty());          // 个人 + 政府: 4 characters
  EXPECT_TRUE(Hits(*e, "健全人民代表大会制度").empty());  // 国 deleted next to the start
  EXPECT_TRUE(Hits(*e, "政府信息开展").empty());          // 公 deleted next to the end
  EXPECT_EQ(Hits(*e, "全国人代表大会").size(), 1u);       // 民 deleted in the middle
}

TEST(ScreeningEngineTest, NoNearMissWhereTwoCommonWordsMeet) {
  auto make = [](bool with_common) {
    auto e = std::make_unique<ScreeningEngine>();
    for (const char* p : {"扫黑除恶", "人民政府", "依法治国", "中华人民共和国"}) {
      EXPECT_TRUE(e->AddProtected(p).ok());
    }
    if (with_common) {
      for (const char* w : {"人才", "政府", "依法", "中国", "险恶", "人民", "共和", "合国"}) {
        EXPECT_TRUE(e->AddCommonWord(w).ok());
      }
    }
    EXPECT_TRUE(e->Compile().ok());
    return e;
  };
  auto plain = make(false);
  EXPECT_EQ(Hits(*plain, "引进人才政府补贴"), (std::vector<Hit>{{kNear, 1, 6, 18}}));
  auto e = make(true);
  EXPECT_TRUE(Hits(*e, "引进人才政府补贴").empty());  // 人才 + 政府
  EXPECT_TRUE(Hits(*e, "坚持依法中国").empty());      // 依法 + 中国
  // 扫黑 is no common word; 7-character strings are not affected.
  EXPECT_EQ(Hits(*e, "打好扫黑险恶斗争"), (std::vector<Hit>{{kNear, 0, 6, 18}}));
  EXPECT_EQ(Hits(*e, "中华人民共合国"), (std::vector<Hit>{{kNear, 3, 0, 21}}));
  EXPECT_EQ(Hits(*e, "人名政府"), (std::vector<Hit>{{kNear, 1, 0, 12}}));  // 人名 not listed
  // Traditional forms fold before the lookup.
  EXPECT_TRUE(Hits(*e, "坚持依法中國").empty());
}

TEST(ScreeningEngineTest, InvalidUtf8IsAnErrorWithItsOffset) {
  auto e = Build({"扫黑"}, false);
  std::string bad = "扫黑ab\xE4\xB8";  // truncated 3-byte sequence at byte 8
  auto r = e->Count(bad);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(r.status().message().find("byte offset 8"), std::string::npos);
  EXPECT_NE(r.status().UserMessage().find("第 8 字节"), std::string::npos);
  EXPECT_FALSE(e->Count("\xC0\x80").ok());          // overlong
  EXPECT_FALSE(e->Count("\xED\xA0\x80").ok());      // surrogate
  EXPECT_FALSE(e->Count("\xF4\x90\x80\x80").ok());  // above U+10FFFF
}

TEST(ScreeningEngineTest, RejectsBadTermsAndMisuse) {
  ScreeningEngine e;
  EXPECT_FALSE(e.Add("").ok());
  EXPECT_FALSE(e.Add("\u200B").ok());  // empty after folding
  EXPECT_FALSE(e.Add(std::string(65, 'a')).ok());
  EXPECT_FALSE(e.Add("\xFF").ok());
  EXPECT_FALSE(e.Count("x").ok());  // before Compile
  ASSERT_TRUE(e.Compile().ok());
  EXPECT_FALSE(e.Add("a").ok());
  EXPECT_FALSE(e.Compile().ok());
}

TEST(ScreeningEngineTest, MatchesAcrossWindowBoundaries) {
  auto e = Build({"扫黑除恶", "ab"}, false);
  std::string text;
  for (int i = 0; i < 3000; ++i) text += "扫黑除恶xab";  // 15,000+ characters
  EXPECT_EQ(e->Count(text).value(), 6000u);
}

// Invalid sequences inside long runs of 3-byte characters, where the vector
// decoder reads them: the same error offset as the scalar decoder.
TEST(ScreeningEngineTest, InvalidUtf8InsideCjkRuns) {
  for (bool vec : {true, false}) {
    auto e = Build({"扫黑"}, false, {}, vec);
    std::string run;
    for (int i = 0; i < 10; ++i) run += "扫黑除恶";  // 120 bytes
    for (std::string bad : {"\xE0\x80\x80", "\xED\xA0\x80", "\xE4\xB8", "\xE4\x41\x80"}) {
      auto r = e->Count(run + bad + run);
      ASSERT_FALSE(r.ok());
      EXPECT_NE(r.status().message().find("byte offset 120"), std::string::npos) << vec;
    }
    EXPECT_EQ(e->Count(run + "\xEF\xBF\xBF" + run).value(), 20u);  // U+FFFF is valid
  }
}

// The vector decoder (ten 3-byte characters per step) and the scalar one give
// identical matches and errors on text mixing every sequence length, noise,
// zero-width and foldable characters at every alignment; every tenth text is
// long enough (> 8k characters) to flush the 4 Ki-character window twice.
TEST(ScreeningEngineTest, VectorAndScalarDecodersAgree) {
  const std::vector<std::string> terms = {"扫黑除恶", "人民政府", "政府", "ab", "Ａ级",
                                          "國家",     "𠀀字",     "é化",  "一"};
  const std::vector<std::string> pieces = {"扫黑除恶",
                                           "人民政府",
                                           "政",
                                           "府",
                                           "ab",
                                           "Ａ",
                                           "级",
                                           "國家",
                                           "𠀀",
                                           "字",
                                           "é",
                                           "化",
                                           " ",
                                           "\u200B",
                                           "★",
                                           "一",
                                           "x",
                                           "\xED\xA0\x80",
                                           "中华人民共和国"};
  uint32_t seed = 12345;
  auto next = [&] {
    seed = seed * 1103515245u + 12345u;
    return (seed >> 8) % 1000;
  };
  for (bool normalize : {true, false}) {
    auto vec = Build(terms, normalize, {"中华人民共和国"}, true);
    auto sca = Build(terms, normalize, {"中华人民共和国"}, false);
    uint64_t total = 0;
    for (int round = 0; round < 300; ++round) {
      std::string text;
      const bool long_text = round % 10 == 9;
      const int n = long_text ? 3000 : 1 + static_cast<int>(next() % 60);
      for (int i = 0; i < n; ++i) {
        const size_t k = next() % pieces.size();
        // Invalid bytes in a quarter of the picks of short texts only.
        if (k == 17 && (long_text || next() % 4 != 0)) continue;
        text += pieces[k];
      }
      std::vector<Hit> a, b;
      Status sa = vec->Match(text, nullptr, [&](const EngineMatch& m) {
        a.emplace_back(static_cast<int>(m.kind), m.pattern, m.begin, m.end);
      });
      Status sb = sca->Match(text, nullptr, [&](const EngineMatch& m) {
        b.emplace_back(static_cast<int>(m.kind), m.pattern, m.begin, m.end);
      });
      EXPECT_EQ(sa.ToString(), sb.ToString()) << text;
      EXPECT_EQ(a, b) << text;
      if (long_text) {
        EXPECT_TRUE(sa.ok()) << sa.ToString();
      }
      total += a.size();
    }
    EXPECT_GT(total, 1000u);
  }
}

}  // namespace
}  // namespace gongkai::screening

#include "audit/chain.h"

#include <gtest/gtest.h>

#include "audit/verifier.h"

namespace gongkai::audit {
namespace {

LeafFields Seventh() {
  LeafFields f;
  f.id = 7;
  f.at = 1700000000;
  f.actor_user_id = 3;
  f.actor = "zhangsan";
  f.action = "application_event";
  f.target = "application:12";
  f.outcome = "ok";
  f.remote_addr = "10.0.0.8";
  f.detail = "decided 2026-06-05";
  return f;
}

// Format 1 pinned: these hex strings were computed independently with Python's hashlib from the
// layout in docs/audit-chain.md. If this test fails, every existing chain stops verifying.
TEST(AuditChainTest, KnownVector) {
  LeafFields f = Seventh();
  EXPECT_EQ(LeafBytes(f).size(), 137u);
  EXPECT_EQ(LeafBytes(f).substr(0, 13), std::string("GKAUDIT1\0\0\0\x01"
                                                    "7",
                                                    13));
  Digest leaf = LeafHash(f);
  EXPECT_EQ(Hex(leaf), "8fc0d70968af5c4639923045ef092d727de9ea7e660d424600b382a98401ec14");
  Digest chain = ChainHash(kGenesis, leaf);
  EXPECT_EQ(Hex(chain), "c389f3cc6a6879f21afac16ac0b7b252fb9030c11d314eb02a9dad91b9ded3d0");

  LeafFields g;
  g.id = 8;
  g.at = 1700000060;
  g.actor = "cli";
  g.action = "agency_add";
  g.target = "agency:1";
  g.outcome = "ok";
  g.detail = "樟树市工业和信息化局";
  EXPECT_EQ(Hex(LeafHash(g)), "6e2c7296224f57910b473f4cfeb9c0970d1687c596268cd3e2e7d820a013fff2");
  EXPECT_EQ(Hex(ChainHash(chain, LeafHash(g))),
            "cd4780453b1d5d08481e75e53e449d2adb2c6b0156f914b181a619022707f49c");
}

TEST(AuditChainTest, EveryFieldCountsAndLengthsSeparateFields) {
  Digest base = LeafHash(Seventh());
  LeafFields f = Seventh();
  f.actor_user_id.reset();
  EXPECT_NE(LeafHash(f), base);
  f = Seventh();
  f.detail = "decided 2026-06-06";
  EXPECT_NE(LeafHash(f), base);
  // Moving a character from one field to the next changes the bytes (length prefixes).
  f = Seventh();
  f.actor = "zhangsa";
  f.action = "napplication_event";
  EXPECT_NE(LeafHash(f), base);
}

TEST(AuditChainTest, HexRoundTrip) {
  Digest d = Sha256("abc");
  EXPECT_EQ(Hex(d), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(ParseHex(Hex(d)), d);
  EXPECT_EQ(ParseHex("BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD"), d);
  EXPECT_FALSE(ParseHex("ba78"));
  EXPECT_FALSE(ParseHex(std::string(63, '0') + "g"));
  EXPECT_FALSE(FromBytes("short"));
}

// Three entries as the store would chain them, with owned strings.
struct Fixture {
  std::vector<std::string> details = {"一", "二", "三"};
  std::vector<ScannedEntry> entries;
  Digest head = kGenesis;
  Fixture() {
    for (int i = 0; i < 3; ++i) {
      LeafFields f;
      f.id = i + 1;
      f.at = 100 + i;
      f.actor = "cli";
      f.action = "agency_add";
      f.outcome = "ok";
      f.detail = details[i];
      Digest leaf = LeafHash(f);
      head = ChainHash(head, leaf);
      entries.push_back({f.id, f, StoredLink{leaf, head}});
    }
  }
  std::optional<Break> Run(std::vector<Checkpoint> checkpoints = {}) const {
    ChainVerifier v(std::move(checkpoints));
    for (const auto& e : entries) {
      if (!v.Add(e)) break;
    }
    return v.Finish();
  }
};

TEST(ChainVerifierTest, IntactChainAndItsCheckpoints) {
  Fixture x;
  ChainVerifier v({{2, x.entries[1].link->chain, 0, "daily"}, {3, x.head, 0, "manual"}});
  for (const auto& e : x.entries) EXPECT_TRUE(v.Add(e));
  EXPECT_FALSE(v.Finish());
  EXPECT_EQ(v.count(), 3);
  EXPECT_EQ(v.head(), x.head);
}

TEST(ChainVerifierTest, NamesTheFirstBrokenEntry) {
  Fixture modified;
  modified.details[1] = "贰";
  modified.entries[1].fields->detail = modified.details[1];
  auto b = modified.Run();
  ASSERT_TRUE(b);
  EXPECT_EQ(b->kind, BreakKind::kModified);
  EXPECT_EQ(b->message, "第 2 条记录（id 2）被修改：内容与入链时的哈希不符");

  Fixture deleted;
  deleted.entries.erase(deleted.entries.begin() + 1);
  b = deleted.Run();
  ASSERT_TRUE(b);
  EXPECT_EQ(b->kind, BreakKind::kMissing);
  EXPECT_EQ(b->message, "缺少第 2 条记录（id 2）：它已被删除");

  Fixture unchained;
  unchained.entries[2].link.reset();
  b = unchained.Run();
  ASSERT_TRUE(b);
  EXPECT_EQ(b->message, "第 3 条记录（id 3）不在链中：它是绕过 gongkai 写入数据库的");

  Fixture relinked;
  relinked.entries[0].link->chain[0] ^= 1;
  b = relinked.Run();
  ASSERT_TRUE(b);
  EXPECT_EQ(b->kind, BreakKind::kRelinked);
  EXPECT_EQ(b->seq, 1);
}

TEST(ChainVerifierTest, CheckpointsCatchARewrittenOrTruncatedChain) {
  Fixture x;
  Digest other = Sha256("something else");
  auto b = x.Run({{2, other, 0, "daily"}});
  ASSERT_TRUE(b);
  EXPECT_EQ(b->kind, BreakKind::kCheckpoint);
  EXPECT_EQ(b->message, "检查点（第 2 条）不符：检查点记录的链头为 " + Hex(other).substr(0, 16) +
                            "…，现在的链为 " + Hex(x.entries[1].link->chain).substr(0, 16) +
                            "…（检查点之前的记录被改写后重算了链）");
  b = x.Run({{5, other, 0, "periodic"}});
  ASSERT_TRUE(b);
  EXPECT_EQ(b->message, "检查点（第 5 条）不符：链只有 3 条，末尾的记录被删除");
}

TEST(ChainVerifierTest, StartsMidChain) {
  Fixture x;
  ChainVerifier v({{1, Sha256("ignored: before from"), 0, "daily"}}, 2, x.entries[0].link->chain);
  EXPECT_TRUE(v.Add(x.entries[1]));
  EXPECT_TRUE(v.Add(x.entries[2]));
  EXPECT_FALSE(v.Finish());
  EXPECT_EQ(v.count(), 2);
  EXPECT_EQ(v.last(), 3);
}

}  // namespace
}  // namespace gongkai::audit

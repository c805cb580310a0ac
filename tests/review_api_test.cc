// The review workflow's JSON API over real HTTP on a real SQLite file: three reviewers in three
// sessions pass an item and it is published; CSRF and the four-eyes rule are enforced.
#include <gtest/gtest.h>

#include "services/catalog_service.h"
#include "web_fixture.h"

namespace gongkai {
namespace {

using nlohmann::json;

class ReviewApiTest : public web_test::WebFixture {
 protected:
  ReviewApiTest() : WebFixture(64 * 1024) {}

  void Seed() override {
    AddThreeAgencies("樟工信", "樟教体");
    {
      auto tx = store_->Begin(storage::TxMode::kWrite).value();
      agency::Agency a = tx->agencies().Get(bureau_).value();
      a.credit_code = "11360982MB1234567X";
      ASSERT_TRUE(tx->agencies().Update(a).ok());
      ASSERT_TRUE(tx->Commit().ok());
    }
    services::AccountService accounts(*store_, clock_, security_);
    AddUser(accounts, "bianji", {{account::Role::kEditor, bureau_}});
    AddUser(accounts, "chushen", {{account::Role::kReviewerFirst, bureau_}});
    AddUser(accounts, "fushen", {{account::Role::kReviewerSecond, bureau_}});
    AddUser(accounts, "zhongshen", {{account::Role::kReviewerFinal, bureau_}});
    account::Actor editor;
    editor.name = "bianji";
    editor.grants = {{account::Role::kEditor, bureau_}};
    services::CatalogService catalog(*store_, clock_);
    std::vector<catalog::Column> columns = catalog.Columns(editor, bureau_).value();
    services::ItemInput in;
    for (const auto& c : columns) {
      if (c.code == "gzdt") in.column_id = c.id;
    }
    in.content.title = "市工信局召开安全生产工作会议";
    in.content.body_html = "正文。";
    in.body_is_plain_text = true;
    item_ = catalog.CreateDraft(editor, in).value();
  }

  catalog::ItemId item_ = 0;
};

TEST_F(ReviewApiTest, ThreeSessionsPassAnItemAndItIsPublished) {
  const std::string base = "/api/v1/items/" + std::to_string(item_);
  std::string ed = SignIn("bianji");
  EXPECT_EQ(Api("POST", base + "/submit", ed, R"({"revision":1})").status, 403);  // no CSRF
  auto sub = Api("POST", base + "/submit", ed, R"({"revision":1})", CsrfOf(ed));
  ASSERT_EQ(sub.status, 200) << sub.body;
  EXPECT_EQ(json::parse(sub.body)["stage_name"], "初审");
  std::string s1 = SignIn("chushen");
  auto queue = Api("GET", "/api/v1/agencies/" + std::to_string(bureau_) + "/review-queue", s1);
  ASSERT_EQ(queue.status, 200);
  ASSERT_EQ(json::parse(queue.body)["items"].size(), 1u);
  const std::string pass = R"({"revision":1,"decision":"pass","proofread":true,"opinion":"同意"})";
  ASSERT_EQ(Api("POST", base + "/review", s1, pass, CsrfOf(s1)).status, 200);
  auto again = Api("POST", base + "/review", s1, pass, CsrfOf(s1));
  EXPECT_EQ(again.status, 403);  // 复审 needs the 复审 role
  std::string s2 = SignIn("fushen");
  ASSERT_EQ(Api("POST", base + "/review", s2, pass, CsrfOf(s2)).status, 200);
  std::string s3 = SignIn("zhongshen");
  auto no_secrecy = Api("POST", base + "/review", s3, pass, CsrfOf(s3));
  EXPECT_EQ(no_secrecy.status, 400);
  EXPECT_EQ(json::parse(no_secrecy.body)["error"]["message"], "终审须填写保密审查结论");
  auto fin =
      Api("POST", base + "/review", s3,
          R"({"revision":1,"decision":"pass","proofread":true,"secrecy":"public"})", CsrfOf(s3));
  ASSERT_EQ(fin.status, 200) << fin.body;
  json v = json::parse(fin.body);
  EXPECT_EQ(v["status"], "published");
  EXPECT_EQ(v["index_number"], "11360982MB1234567X/2024-00001");
  EXPECT_EQ(v["actions"].size(), 4u);
  auto reg = Api("GET", base + "/register", s3);
  ASSERT_EQ(reg.status, 200);
  json r = json::parse(reg.body);
  EXPECT_EQ(r["stages"][3]["signer"], "zhongshen");
  EXPECT_EQ(r["stages"][3]["secrecy"], "可以公开");
  EXPECT_EQ(r["publisher"], "zhongshen");
  EXPECT_EQ(r["published_at"], "2024-11-26T13:46:40+08:00");
}

}  // namespace
}  // namespace gongkai

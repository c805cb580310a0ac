// The review workflow through the real binary (`gongkai item submit|review|publish|withdraw|
// run-due|register|chain`) on a real SQLite file; the drafts are written in-process (the
// catalog editor's own commands are tested elsewhere).
#include <gtest/gtest.h>

#include "services/catalog_service.h"
#include "services/review_service.h"
#include "storage/store.h"
#include "test_util.h"

namespace gongkai {
namespace {

using testing_util::RunGongkai;

class ReviewCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = testing_util::MakeTempDir();
    ASSERT_EQ(Run({"db", "migrate"}).exit_code, 0);
    {
      auto store = Open();
      auto tx = store->Begin(storage::TxMode::kWrite).value();
      agency::Agency a;
      a.name = "樟树市工业和信息化局";
      a.short_name = "樟工信";
      a.credit_code = "11360982MB1234567X";
      agency_ = tx->agencies().Insert(a).value();
      ASSERT_TRUE(tx->Commit().ok());
    }
    editor_.name = "bianji";
    editor_.user_id = 7;
    editor_.grants = {{account::Role::kEditor, agency_}};
  }

  std::unique_ptr<storage::Store> Open() {
    return storage::OpenStore("sqlite:" + dir_ + "/gongkai.db").value();
  }

  catalog::ItemId Draft(storage::Store& store, const Clock& clock, const std::string& title) {
    services::CatalogService catalog(store, clock);
    catalog::ColumnId gzdt = 0;
    std::vector<catalog::Column> columns = catalog.Columns(editor_, agency_).value();
    for (const auto& c : columns) {
      if (c.code == "gzdt") gzdt = c.id;
    }
    services::ItemInput in;
    in.column_id = gzdt;
    in.content.title = title;
    in.content.body_html = "正文。";
    in.body_is_plain_text = true;
    return catalog.CreateDraft(editor_, in).value();
  }

  testing_util::RunResult Run(std::vector<std::string> args) {
    args.insert(args.begin(), {"--data-dir", dir_});
    return RunGongkai(args);
  }

  std::string dir_;
  agency::AgencyId agency_ = 0;
  account::Actor editor_;
};

TEST_F(ReviewCliTest, ThreeReviewersPublishAndTheRegisterNamesThem) {
  catalog::ItemId id = 0;
  {
    auto store = Open();
    SystemClock clock;
    id = Draft(*store, clock, "市工信局召开安全生产工作会议");
  }
  const std::string n = std::to_string(id);
  EXPECT_EQ(Run({"item", "submit", n, "--by", "bianji"}).out, "已送审：信息 #" + n + " 第1版\n");
  auto self = Run({"item", "review", n, "--by", "bianji", "--proofread"});
  EXPECT_EQ(self.exit_code, 2);
  EXPECT_EQ(self.err, "错误：不能审核自己起草或送审的信息（bianji）\n");
  auto back = Run({"item", "review", n, "--by", "chushen", "--return"});
  EXPECT_EQ(back.err, "错误：退回须填写审核意见（退回理由）\n");
  EXPECT_EQ(Run({"item", "review", n, "--by", "chushen", "--proofread", "--opinion", "同意"}).out,
            "已通过：信息 #" + n + "，状态：审核中，待复审\n");
  auto twice = Run({"item", "review", n, "--by", "chushen", "--proofread"});
  EXPECT_EQ(twice.err, "错误：chushen已在本信息的“初审”环节签署意见，同一人只能办理一个审核环节\n");
  EXPECT_EQ(Run({"item", "review", n, "--by", "fushen", "--proofread"}).out,
            "已通过：信息 #" + n + "，状态：审核中，待终审\n");
  const Date today = SystemClock().TodayInChina();
  const std::string index = "11360982MB1234567X/" + std::to_string(today.year) + "-00001";
  EXPECT_EQ(Run({"item", "review", n, "--by", "zhongshen", "--proofread", "--secrecy", "public",
                 "--opinion", "同意发布"})
                .out,
            "已通过：信息 #" + n + "，状态：已发布，索引号 " + index + "\n");
  auto reg = Run({"item", "register", n});
  ASSERT_EQ(reg.exit_code, 0) << reg.err;
  const std::string day = today.ToString();
  EXPECT_NE(
      reg.out.find("索引号：" + index +
                   "\n名称：市工信局召开安全生产工作会议\n栏目：工作动态\n"
                   "来源：樟树市工业和信息化局\n文号：—\n公开属性：主动公开\n审核版本：第1版\n"
                   "拟稿：bianji " +
                   day +
                   " 送审\n"
                   "初审：chushen " +
                   day +
                   " 通过，意见：同意，已校对\n"
                   "复审：fushen " +
                   day +
                   " 通过，已校对\n"
                   "终审：zhongshen " +
                   day + " 通过，意见：同意发布，已校对，保密审查：可以公开\n"),
      std::string::npos)
      << reg.out;
  EXPECT_NE(reg.out.find("发布人：zhongshen\n状态：已发布\n"), std::string::npos) << reg.out;
  EXPECT_EQ(Run({"item", "withdraw", n, "--reason", "会议改期"}).out, "已撤回：信息 #" + n + "\n");
  auto store = Open();
  auto tx = store->Begin(storage::TxMode::kRead).value();
  catalog::ItemRecord r = tx->catalog().GetItem(id).value();
  EXPECT_EQ(r.status, catalog::ItemStatus::kWithdrawn);
  EXPECT_EQ(r.withdrawn_reason, "会议改期");
  EXPECT_EQ(r.index_number, index);
}

TEST_F(ReviewCliTest, AScheduledItemIsPublishedOnceAfterARestart) {
  catalog::ItemId id = 0;
  {
    // Drafted, scheduled and approved in 2024 by a process that then stops.
    FakeClock clock(1733011200);  // 2024-12-01 08:00 in China
    auto store = Open();
    id = Draft(*store, clock, "关于2025年元旦放假的通知");
    services::ReviewService review(*store, clock, {});
    ASSERT_TRUE(review.Schedule(editor_, id, 1733011200 + 3600, std::nullopt).ok());
    ASSERT_TRUE(review.Submit(editor_, id, 1).ok());
    services::ReviewDecisionInput in;
    in.expected_revision = 1;
    in.proofread = true;
    for (auto [name, role] : {std::pair{"a", account::Role::kReviewerFirst},
                              std::pair{"b", account::Role::kReviewerSecond},
                              std::pair{"c", account::Role::kReviewerFinal}}) {
      account::Actor r;
      r.name = name;
      r.grants = {{role, agency_}};
      if (role == account::Role::kReviewerFinal) in.secrecy = catalog::Secrecy::kPublic;
      ASSERT_TRUE(review.Decide(r, id, in).ok());
    }
    EXPECT_EQ(review.RunDue().value(), 0);
    auto tx = store->Begin(storage::TxMode::kRead).value();
    EXPECT_EQ(tx->catalog().GetItem(id).value().status, catalog::ItemStatus::kApproved);
  }
  // Another process, later (the real clock): the go-live time has passed.
  EXPECT_EQ(Run({"item", "run-due"}).out, "已处理 1 条\n");
  EXPECT_EQ(Run({"item", "run-due"}).out, "已处理 0 条\n");
  auto store = Open();
  auto tx = store->Begin(storage::TxMode::kRead).value();
  catalog::ItemRecord r = tx->catalog().GetItem(id).value();
  EXPECT_EQ(r.status, catalog::ItemStatus::kPublished);
  EXPECT_GT(r.published_at, 1733011200 + 3600);  // stamped when it went live, never back-dated
  const Date today = SystemClock().TodayInChina();
  EXPECT_EQ(r.index_number, "11360982MB1234567X/" + std::to_string(today.year) + "-00001");
  auto pubs = tx->reviews().Publications(id).value();
  ASSERT_EQ(pubs.size(), 1u);
  EXPECT_EQ(pubs[0].by, "系统（定时发布）");
}

TEST_F(ReviewCliTest, ChainsAreShownAndSet) {
  {
    auto store = Open();
    SystemClock clock;
    Draft(*store, clock, "市工信局召开安全生产工作会议");  // the columns exist from first use
  }
  EXPECT_EQ(Run({"item", "chain", "--agency", "樟工信"}).out,
            "拟稿（信息员） → 初审（初审） → 复审（复审） → 终审（终审）\n");
  auto bad =
      Run({"item", "chain", "--agency", "樟工信", "--set", "拟稿:editor,终审:reviewer_final~"});
  EXPECT_EQ(bad.err, "错误：三审环节须由不同的人办理，不能使用“~”（环节“终审”）\n");
  EXPECT_EQ(Run({"item", "chain", "--agency", "樟工信", "--column", "gzdt", "--set",
                 "拟稿:editor,初审:reviewer_first,终审:reviewer_final"})
                .out,
            "拟稿（信息员） → 初审（初审） → 终审（终审）\n");
}

}  // namespace
}  // namespace gongkai

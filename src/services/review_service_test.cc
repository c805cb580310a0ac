#include "services/review_service.h"

#include <gtest/gtest.h>

#include "screening/dictionary.h"
#include "services/catalog_service.h"

namespace gongkai::services {
namespace {

using account::Actor;
using account::Role;
using catalog::ItemStatus;

Actor User(const std::string& name, std::vector<account::RoleGrant> grants) {
  Actor a;
  a.name = name;
  a.user_id = static_cast<account::UserId>(name.size() + 100);
  a.grants = std::move(grants);
  return a;
}

ReviewScreening TestScreening() {
  auto entries = screening::ParseDictionary(
                     "营商坏境\t错别字\terror\t营商环境\n按排\t错别字\twarning\t安排\n", "test")
                     .value();
  auto screener = screening::Screener::Create(std::move(entries), {}).value();
  return {std::shared_ptr<const screening::Screener>(std::move(screener)), "test-1"};
}

class ReviewServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = storage::OpenStore("sqlite::memory:").value();
    ASSERT_TRUE(store_->Migrate().ok());
    catalog_ = std::make_unique<CatalogService>(*store_, clock_);
    review_ = std::make_unique<ReviewService>(*store_, clock_, TestScreening());
    {
      auto tx = store_->Begin(storage::TxMode::kWrite).value();
      agency::Agency a;
      a.name = "樟树市工业和信息化局";
      a.short_name = "樟树市工信局";
      a.credit_code = "11360982MB1234567X";
      agency_ = tx->agencies().Insert(a).value();
      ASSERT_TRUE(tx->Commit().ok());
    }
    editor_ = User("editor", {{Role::kEditor, agency_}});
    first_ = User("chushen", {{Role::kReviewerFirst, agency_}});
    second_ = User("fushen", {{Role::kReviewerSecond, agency_}});
    final_ = User("zhongshen", {{Role::kReviewerFinal, agency_}});
    std::vector<catalog::Column> columns = catalog_->Columns(editor_, agency_).value();
    for (const auto& c : columns) {
      if (c.code == "gzdt") gzdt_ = c.id;
    }
    ASSERT_NE(gzdt_, 0);
  }

  catalog::ItemId Draft(const std::string& title, const std::string& body = "正文。") {
    ItemInput in;
    in.column_id = gzdt_;
    in.content.title = title;
    in.content.body_html = body;
    in.body_is_plain_text = true;
    auto id = catalog_->CreateDraft(editor_, in);
    EXPECT_TRUE(id.ok()) << id.status().ToString();
    return id.ok() ? *id : 0;
  }

  Result<int> Edit(catalog::ItemId id, int expected, const std::string& body) {
    ItemView v = catalog_->Get(editor_, id).value();
    ItemInput in;
    in.content = v.latest.content;
    in.content.body_html = body;
    in.body_is_plain_text = true;
    return catalog_->SaveDraft(editor_, id, expected, in);
  }

  static ReviewDecisionInput Pass(int revision) {
    ReviewDecisionInput in;
    in.expected_revision = revision;
    in.proofread = true;
    in.opinion = "同意";
    return in;
  }
  static ReviewDecisionInput FinalPass(int revision) {
    ReviewDecisionInput in = Pass(revision);
    in.secrecy = catalog::Secrecy::kPublic;
    return in;
  }

  void PassAll(catalog::ItemId id, int revision) {
    ASSERT_TRUE(review_->Submit(editor_, id, revision).ok());
    ASSERT_TRUE(review_->Decide(first_, id, Pass(revision)).ok());
    ASSERT_TRUE(review_->Decide(second_, id, Pass(revision)).ok());
    Status s = review_->Decide(final_, id, FinalPass(revision));
    ASSERT_TRUE(s.ok()) << s.ToString();
  }

  catalog::ItemRecord Record(catalog::ItemId id) {
    return catalog_->Get(editor_, id).value().record;
  }
  catalog::ReviewState State(catalog::ItemId id) {
    return review_->Review(editor_, id).value().state.value();
  }

  FakeClock clock_{1733011200};  // 2024-12-01 08:00 in China
  std::unique_ptr<storage::Store> store_;
  std::unique_ptr<CatalogService> catalog_;
  std::unique_ptr<ReviewService> review_;
  agency::AgencyId agency_ = 0;
  catalog::ColumnId gzdt_ = 0;
  Actor editor_, first_, second_, final_;
};

TEST_F(ReviewServiceTest, ThreeStagesPublishWithIndexNumbersInOrder) {
  catalog::ItemId a = Draft("市工信局召开安全生产工作会议");
  catalog::ItemId b = Draft("市工信局开展节能宣传周活动");
  ASSERT_TRUE(review_->Submit(editor_, b, 1).ok());
  EXPECT_EQ(Record(b).status, ItemStatus::kInReview);
  EXPECT_EQ(State(b).stage, 1);
  // b passes 初审 and 复审 first, but a is published first: 索引号 follow publication.
  ASSERT_TRUE(review_->Decide(first_, b, Pass(1)).ok());
  ASSERT_TRUE(review_->Decide(second_, b, Pass(1)).ok());
  EXPECT_EQ(Record(b).status, ItemStatus::kInReview);
  EXPECT_EQ(Record(b).index_number, "");
  PassAll(a, 1);
  ASSERT_TRUE(review_->Decide(final_, b, FinalPass(1)).ok());
  catalog::ItemRecord ra = Record(a), rb = Record(b);
  EXPECT_EQ(ra.status, ItemStatus::kPublished);
  EXPECT_EQ(ra.index_number, "11360982MB1234567X/2024-00001");
  EXPECT_EQ(rb.index_number, "11360982MB1234567X/2024-00002");
  EXPECT_EQ(ra.published_on->ToString(), "2024-12-01");
  EXPECT_EQ(ra.published_at, 1733011200);
  EXPECT_EQ(ra.live_revision, 1);
  ReviewView v = review_->Review(editor_, a).value();
  ASSERT_EQ(v.actions.size(), 4u);
  EXPECT_EQ(v.actions[0].stage_name, "拟稿");
  EXPECT_EQ(v.actions[3].stage_name, "终审");
  EXPECT_EQ(v.actions[3].by, "zhongshen");
  EXPECT_EQ(v.actions[3].secrecy, catalog::Secrecy::kPublic);
  ASSERT_EQ(v.publications.size(), 1u);
  EXPECT_EQ(v.publications[0].by, "zhongshen");
  EXPECT_EQ(v.publications[0].kind, catalog::PublicationKind::kPublish);
}

TEST_F(ReviewServiceTest, EachPersonActsOnOneStageAndNeverOnTheirOwnDraft) {
  catalog::ItemId id = Draft("关于开展2024年度企业技术改造项目申报的通知");
  // Only an editor submits.
  EXPECT_EQ(review_->Submit(first_, id, 1).code(), StatusCode::kPermissionDenied);
  ASSERT_TRUE(review_->Submit(editor_, id, 1).ok());
  // The stage's role is required.
  EXPECT_EQ(review_->Decide(second_, id, Pass(1)).UserMessage(),
            "无权办理“初审”（需要该机构的“初审”角色）");
  // The drafter may not review, even holding the role.
  Actor drafter = User("editor", {{Role::kEditor, agency_}, {Role::kReviewerFirst, agency_}});
  EXPECT_EQ(review_->Decide(drafter, id, Pass(1)).UserMessage(),
            "不能审核自己起草或送审的信息（editor）");
  // Someone holding two stage roles acts on one of them only.
  Actor both =
      User("liangjue", {{Role::kReviewerFirst, agency_}, {Role::kReviewerSecond, agency_}});
  ASSERT_TRUE(review_->Decide(both, id, Pass(1)).ok());
  EXPECT_EQ(review_->Decide(both, id, Pass(1)).UserMessage(),
            "liangjue已在本信息的“初审”环节签署意见，同一人只能办理一个审核环节");
  EXPECT_EQ(review_->Queue(both, agency_).value().size(), 0u);
  ASSERT_EQ(review_->Queue(second_, agency_).value().size(), 1u);
  EXPECT_EQ(review_->Queue(second_, agency_).value()[0].stage_name, "复审");
  EXPECT_EQ(review_->Queue(first_, agency_).value().size(), 0u);
  EXPECT_EQ(State(id).stage, 2);
}

TEST_F(ReviewServiceTest, ReturnNeedsAReasonAndSendsTheItemBack) {
  catalog::ItemId id = Draft("市工信局召开安全生产工作会议");
  ASSERT_TRUE(review_->Submit(editor_, id, 1).ok());
  ReviewDecisionInput back;
  back.expected_revision = 1;
  back.pass = false;
  EXPECT_EQ(review_->Decide(first_, id, back).UserMessage(), "退回须填写审核意见（退回理由）");
  back.opinion = "会议时间有误，请核实";
  ASSERT_TRUE(review_->Decide(first_, id, back).ok());
  catalog::ItemRecord r = Record(id);
  EXPECT_EQ(r.status, ItemStatus::kDraft);
  EXPECT_TRUE(r.returned);
  ReviewView v = review_->Review(editor_, id).value();
  EXPECT_FALSE(v.state->open);
  EXPECT_EQ(v.actions.back().decision, catalog::ReviewDecision::kReturn);
  EXPECT_EQ(v.actions.back().opinion, "会议时间有误，请核实");
  EXPECT_EQ(review_->Decide(first_, id, Pass(1)).UserMessage(), "该信息当前不在审核中");
  // Fixed and submitted again: a new run at 初审.
  ASSERT_EQ(Edit(id, 1, "会议于12月1日召开。").value(), 2);
  ASSERT_TRUE(review_->Submit(editor_, id, 2).ok());
  EXPECT_EQ(State(id).run, 2);
  EXPECT_EQ(State(id).stage, 1);
  EXPECT_FALSE(Record(id).returned);
}

TEST_F(ReviewServiceTest, AnEditAfterAStagePassedGoesBackToThatStage) {
  catalog::ItemId id = Draft("市工信局召开安全生产工作会议");
  ASSERT_TRUE(review_->Submit(editor_, id, 1).ok());
  // Nothing passed yet: still at 初审, on the new revision.
  ASSERT_EQ(Edit(id, 1, "第二稿。").value(), 2);
  EXPECT_EQ(State(id).stage, 1);
  EXPECT_EQ(State(id).revision, 2);
  ASSERT_TRUE(review_->Decide(first_, id, Pass(2)).ok());
  ASSERT_TRUE(review_->Decide(second_, id, Pass(2)).ok());
  EXPECT_EQ(State(id).stage, 3);
  // 初审 and 复审 passed; an edit sends it back to 复审.
  ASSERT_EQ(Edit(id, 2, "第三稿。").value(), 3);
  EXPECT_EQ(State(id).stage, 2);
  EXPECT_EQ(State(id).revision, 3);
  EXPECT_EQ(review_->Review(editor_, id).value().actions.back().decision,
            catalog::ReviewDecision::kReopen);
  // A decision on the revision read before the edit is refused.
  EXPECT_EQ(review_->Decide(second_, id, Pass(2)).UserMessage(),
            "您审核的是第2版，待审的已是第3版，请阅读新版本后再签署意见");
  ASSERT_TRUE(review_->Decide(second_, id, Pass(3)).ok());
  ASSERT_TRUE(review_->Decide(final_, id, FinalPass(3)).ok());
  EXPECT_EQ(Record(id).live_revision, 3);
}

TEST_F(ReviewServiceTest, ScreeningErrorsBlockPublicationUnlessTheFinalReviewerOverrides) {
  catalog::ItemId id = Draft("优化营商坏境工作按排", "持续优化营商坏境。");
  ASSERT_TRUE(review_->Submit(editor_, id, 1).ok());
  ReviewView v = review_->Review(editor_, id).value();
  ASSERT_EQ(v.screening.hits.size(), 3u);
  EXPECT_EQ(v.screening.errors(), 2);
  EXPECT_EQ(ScreeningSummary(v.screening), "错误2处，提示1处");
  // Warnings and errors do not stop the earlier stages.
  ASSERT_TRUE(review_->Decide(first_, id, Pass(1)).ok());
  ASSERT_TRUE(review_->Decide(second_, id, Pass(1)).ok());
  ReviewDecisionInput in = Pass(1);
  EXPECT_EQ(review_->Decide(final_, id, in).UserMessage(), "终审须填写保密审查结论");
  in.secrecy = catalog::Secrecy::kPublic;
  in.proofread = false;
  EXPECT_EQ(review_->Decide(final_, id, in).UserMessage(), "通过前须完成校对（请勾选“已校对”）");
  in.proofread = true;
  EXPECT_EQ(review_->Decide(final_, id, in).UserMessage(),
            "检查发现错误未处理：“营商坏境”。请退回修改，或由终审逐条填写仍予发布的理由");
  in.overrides["营商坏境"] = "  ";
  EXPECT_EQ(review_->Decide(final_, id, in).code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(Record(id).status, ItemStatus::kInReview);
  in.overrides["营商坏境"] = "引用原文件标题，保持原样";
  ASSERT_TRUE(review_->Decide(final_, id, in).ok());
  EXPECT_EQ(Record(id).status, ItemStatus::kPublished);
  v = review_->Review(editor_, id).value();
  const catalog::ReviewAction& last = v.actions.back();
  ASSERT_EQ(last.overrides.size(), 1u);
  EXPECT_EQ(last.overrides[0].term, "营商坏境");
  EXPECT_EQ(last.overrides[0].reason, "引用原文件标题，保持原样");
  ScreeningResult snap = ScreeningFromJson(last.screening);
  EXPECT_EQ(snap.version, "test-1");
  ASSERT_EQ(snap.hits.size(), 3u);
  int overridden = 0;
  for (const auto& h : snap.hits) overridden += h.override_reason.empty() ? 0 : 1;
  EXPECT_EQ(overridden, 2);
}

TEST_F(ReviewServiceTest, ScheduledPublicationHappensOnceWhenItsTimeComes) {
  catalog::ItemId id = Draft("关于2025年元旦放假的通知");
  EXPECT_EQ(review_->Schedule(editor_, id, 1733011200 - 60, std::nullopt).UserMessage(),
            "定时发布时间不能早于现在（发布时间由系统记录，不能倒签）");
  ASSERT_TRUE(review_->Schedule(editor_, id, 1733011200 + 3600, std::nullopt).ok());
  PassAll(id, 1);
  EXPECT_EQ(Record(id).status, ItemStatus::kApproved);
  EXPECT_EQ(Record(id).index_number, "");
  EXPECT_EQ(review_->RunDue().value(), 0);
  clock_.Advance(3600);
  EXPECT_EQ(review_->RunDue().value(), 1);
  EXPECT_EQ(review_->RunDue().value(), 0);
  catalog::ItemRecord r = Record(id);
  EXPECT_EQ(r.status, ItemStatus::kPublished);
  EXPECT_EQ(r.index_number, "11360982MB1234567X/2024-00001");
  EXPECT_EQ(r.published_at, 1733011200 + 3600);
  auto pubs = review_->Review(editor_, id).value().publications;
  ASSERT_EQ(pubs.size(), 1u);
  EXPECT_EQ(pubs[0].by, "系统（定时发布）");
}

TEST_F(ReviewServiceTest, ExpiryTakesTheItemDownWithANotice) {
  catalog::ItemId id = Draft("2024年度项目申报公告");
  ASSERT_TRUE(review_->Schedule(editor_, id, std::nullopt, 1733011200 + 86400).ok());
  PassAll(id, 1);
  EXPECT_EQ(Record(id).status, ItemStatus::kPublished);
  clock_.Advance(86400);
  EXPECT_EQ(review_->RunDue().value(), 1);
  catalog::ItemRecord r = Record(id);
  EXPECT_EQ(r.status, ItemStatus::kWithdrawn);
  EXPECT_EQ(r.withdrawn_reason, "到期自动下线");
  EXPECT_EQ(r.index_number, "11360982MB1234567X/2024-00001");
}

TEST_F(ReviewServiceTest, WithdrawKeepsWhatTheNoticeShows) {
  catalog::ItemId id = Draft("市工信局召开安全生产工作会议");
  PassAll(id, 1);
  EXPECT_EQ(review_->Withdraw(final_, id, " ").UserMessage(), "撤回须填写撤回说明");
  EXPECT_EQ(review_->Withdraw(editor_, id, "内容有误").code(), StatusCode::kPermissionDenied);
  clock_.Advance(86400);
  ASSERT_TRUE(review_->Withdraw(final_, id, "会议改期，原信息撤回").ok());
  catalog::ItemRecord r = Record(id);
  EXPECT_EQ(r.status, ItemStatus::kWithdrawn);
  EXPECT_EQ(r.withdrawn_reason, "会议改期，原信息撤回");
  EXPECT_EQ(r.index_number, "11360982MB1234567X/2024-00001");
  EXPECT_EQ(r.published_on->ToString(), "2024-12-01");
  EXPECT_EQ(r.live_revision, 1);
  auto pubs = review_->Review(editor_, id).value().publications;
  ASSERT_EQ(pubs.size(), 2u);
  EXPECT_EQ(pubs[1].kind, catalog::PublicationKind::kWithdraw);
  EXPECT_EQ(pubs[1].at, 1733011200 + 86400);
  EXPECT_EQ(Edit(id, 1, "x").status().UserMessage(), "信息已撤回，不能再修改");
}

TEST_F(ReviewServiceTest, ACorrectionKeepsTheIndexNumberAndDate) {
  catalog::ItemId id = Draft("市工信局召开安全生产工作会议");
  PassAll(id, 1);
  clock_.Advance(3 * 86400);
  ASSERT_EQ(Edit(id, 1, "更正后的正文。").value(), 2);
  catalog::ItemRecord r = Record(id);
  EXPECT_EQ(r.status, ItemStatus::kPublished);  // the live revision stays up
  EXPECT_EQ(r.live_revision, 1);
  // The same reviewers review the correction (a new cycle).
  PassAll(id, 2);
  r = Record(id);
  EXPECT_EQ(r.live_revision, 2);
  EXPECT_EQ(r.index_number, "11360982MB1234567X/2024-00001");
  EXPECT_EQ(r.published_on->ToString(), "2024-12-01");
  EXPECT_EQ(r.published_at, 1733011200);
  auto pubs = review_->Review(editor_, id).value().publications;
  ASSERT_EQ(pubs.size(), 2u);
  EXPECT_EQ(pubs[1].kind, catalog::PublicationKind::kCorrect);
  EXPECT_EQ(pubs[1].revision, 2);
  EXPECT_EQ(pubs[1].at, 1733011200 + 3 * 86400);
}

TEST_F(ReviewServiceTest, ChainsArePerAgencyAndColumnAndAlwaysDistinct) {
  Actor admin = User("admin", {{Role::kAgencyAdmin, agency_}});
  EXPECT_EQ(review_->Chain(editor_, agency_, "").value().steps.size(), 4u);
  EXPECT_EQ(review_->SetChain(editor_, agency_, "", "拟稿:editor,终审:reviewer_final").code(),
            StatusCode::kPermissionDenied);
  EXPECT_EQ(
      review_->SetChain(admin, agency_, "gzdt", "拟稿:editor,终审:reviewer_final~").UserMessage(),
      "三审环节须由不同的人办理，不能使用“~”（环节“终审”）");
  ASSERT_TRUE(review_->SetChain(admin, agency_, "gzdt", "拟稿:editor,终审:reviewer_final").ok());
  EXPECT_EQ(account::DescribeApprovalChain(review_->Chain(editor_, agency_, "gzdt").value()),
            "拟稿（信息员） → 终审（终审）");
  EXPECT_EQ(review_->Chain(editor_, agency_, "zcjd").value().steps.size(), 4u);
  catalog::ItemId id = Draft("市工信局召开安全生产工作会议");
  ASSERT_TRUE(review_->Submit(editor_, id, 1).ok());
  ASSERT_TRUE(review_->Decide(final_, id, FinalPass(1)).ok());
  EXPECT_EQ(Record(id).status, ItemStatus::kPublished);
}

}  // namespace
}  // namespace gongkai::services

#pragma once
// 三审三校 and publication of catalog items (catalog/review.h; docs/publishing.md, 审核与发布):
// 送审 by an editor, each stage's decision by a reviewer holding the stage's role (a person acts
// on at most one stage of an item and never on their own draft), the screening gate, immediate or
// scheduled publication with the 索引号 allocated in the same transaction, withdrawal (撤回) and
// correction (更正). Every action is audited in its own transaction.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "account/approval_chain.h"
#include "catalog/review.h"
#include "core/clock.h"
#include "services/review_screening.h"
#include "storage/store.h"

namespace gongkai::services {

struct ReviewDecisionInput {
  int expected_revision = 0;  // the revision the reviewer read (a newer one is refused)
  bool pass = true;           // false: 退回修改 (opinion required)
  std::string opinion;        // 审核意见
  bool proofread = false;     // 校对 done (required to pass)
  catalog::Secrecy secrecy = catalog::Secrecy::kNone;  // required at 终审
  std::string secrecy_basis;                           // 依据 (免于公开 / 需报审)
  // At 终审: the reason for publishing each error finding anyway, by its term.
  std::map<std::string, std::string> overrides;
};

// What the review of an item shows (the review form, the API).
struct ReviewView {
  catalog::ItemRecord record;
  std::string title;  // of the latest revision
  account::ApprovalChain chain;
  std::optional<catalog::ReviewState> state;
  std::vector<catalog::ReviewAction> actions;
  std::vector<catalog::Publication> publications;
  ScreeningResult screening;  // of the latest revision, now
  std::string stage_name;     // the stage waiting, "" when none
};

// 政府信息发布审核登记表: one row per stage of the run that published the item (or the current
// run), with the facts the form prints.
struct RegisterRow {
  std::string stage;  // 拟稿, 初审 …
  std::string signer;
  std::string date;      // 2024-12-01
  std::string decision;  // 送审 | 通过 | 退回
  std::string opinion;
  std::string proofread;  // 已校对 | "" (拟稿)
  std::string secrecy;    // 可以公开 …（依据：…）
};

struct RegisterForm {
  catalog::ItemId item = 0;
  std::string index_number, title, column, source, attribute, doc_number, status;
  int revision = 0;
  std::vector<RegisterRow> rows;
  std::string screening;  // summary of the last stage's screening snapshot
  std::string screening_version;
  std::vector<catalog::ReviewOverride> overrides;
  std::string published_at;  // 2024-12-01T08:00:00+08:00, "" when not published
  std::string publisher;     // who published it (the 终审 signer, or the scheduler)
  std::string corrections;   // "2024-12-04 更正（第2版）" …
};

// The form as plain text (the CLI's `item register`).
std::string RegisterText(const RegisterForm& form);

struct QueueEntry {
  catalog::ItemId item = 0;
  std::string title;
  std::string column;
  int stage = 0;
  std::string stage_name;
  int revision = 0;
  std::string submitted_by;
  int64_t submitted_at = 0;
  bool correction = false;  // a published item's pending revision (更正)
};

class ReviewService {
 public:
  ReviewService(storage::Store& store, const Clock& clock, ReviewScreening screening)
      : store_(store), clock_(clock), screening_(std::move(screening)) {}

  // Before use only (not thread-safe).
  void SetScreening(ReviewScreening screening) { screening_ = std::move(screening); }

  // The chain in force for a column ("" = the agency default): the column's, else the agency's,
  // else catalog::DefaultPublishingChain(). kView.
  Result<account::ApprovalChain> Chain(const account::Actor& actor, agency::AgencyId agency,
                                       const std::string& column_code);
  // kManageAgency. Every step distinct.
  Status SetChain(const account::Actor& actor, agency::AgencyId agency,
                  const std::string& column_code, const std::string& text);

  // 送审: the latest revision (must be `expected_revision`) enters stage 1. The actor holds the
  // chain's step 0 role (信息员/编辑).
  Status Submit(const account::Actor& actor, catalog::ItemId id, int expected_revision);
  // A stage's decision. The last stage's pass publishes (or schedules) the item.
  Status Decide(const account::Actor& actor, catalog::ItemId id, const ReviewDecisionInput& in);
  // 定时发布 / 到期下线 times (nullopt clears); kEditContent, before publication.
  Status Schedule(const account::Actor& actor, catalog::ItemId id, std::optional<int64_t> go_live,
                  std::optional<int64_t> expire);
  // 撤回 with a reason: the 终审 role (or an agency administrator). The public notice keeps the
  // title, 索引号 and dates.
  Status Withdraw(const account::Actor& actor, catalog::ItemId id, const std::string& reason);
  // Publishes the approved items whose go-live time has come and takes down the expired ones,
  // one transaction per item. Returns how many changed. Idempotent.
  Result<int> RunDue();

  Result<ReviewView> Review(const account::Actor& actor, catalog::ItemId id);
  // The 政府信息发布审核登记表 of the item (kView).
  Result<RegisterForm> Register(const account::Actor& actor, catalog::ItemId id);
  // The items the actor may act on now (`stage` 0 = any stage).
  Result<std::vector<QueueEntry>> Queue(const account::Actor& actor, agency::AgencyId agency,
                                        int stage = 0);

 private:
  Result<account::ApprovalChain> ChainIn(storage::Transaction& tx, const catalog::ItemRecord& item);
  Status Publish(storage::Transaction& tx, catalog::ItemRecord& item, int revision,
                 const std::string& by, int64_t now);

  storage::Store& store_;
  const Clock& clock_;
  ReviewScreening screening_;
};

// Called by CatalogService::SaveDraft inside its transaction when a new revision is stored: an
// open run resumes at the last stage that passed (ResumeStageAfterEdit) with the new revision;
// an approved item waiting for its go-live time goes back to review.
Status ReopenReviewAfterEdit(storage::Transaction& tx, catalog::ItemRecord& item,
                             const catalog::Revision& rev, const std::string& by, int64_t now);

}  // namespace gongkai::services

namespace gongkai::services {
// "2024-12-01 09:30" or "2024-12-01T09:30" (China Standard Time) → Unix seconds;
// kInvalidArgument (Chinese) otherwise.
Result<int64_t> ParseChinaTime(std::string_view text);
}  // namespace gongkai::services

#pragma once
// 三审三校: the review of a catalog item before publication. A run starts when an editor submits
// (送审, step 0 of an account::ApprovalChain: 拟稿), each later step (初审, 复审, 终审 …) passes
// (通过) or returns (退回) it; the last pass publishes. Pure types and rules; the workflow is
// services/review_service.h, the design docs/publishing.md (审核与发布).

#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "account/approval_chain.h"
#include "catalog/catalog.h"
#include "core/result.h"

namespace gongkai::catalog {

// "拟稿:editor,初审:reviewer_first,复审:reviewer_second,终审:reviewer_final".
account::ApprovalChain DefaultPublishingChain();
// The approval_chains subject: "publishing" (the agency's default) or "publishing:<column code>".
std::string PublishingSubject(std::string_view column_code);
// A chain for publishing: every step distinct (no "~"). kInvalidArgument (Chinese) otherwise.
Status ValidatePublishingChain(const account::ApprovalChain& chain);

enum class ReviewDecision {
  kSubmit,  // 送审
  kPass,    // 通过
  kReturn,  // 退回修改
  kReopen,  // 修改后重审 (an edit during review: the system records where the run resumes)
};
std::string_view ReviewDecisionCode(ReviewDecision d);  // "submit" | "pass" | "return" | "reopen"
std::string_view ReviewDecisionName(ReviewDecision d);  // "送审" | "通过" | "退回" | "修改后重审"
Result<ReviewDecision> ParseReviewDecision(std::string_view text);

// 保密审查 result (《保守国家秘密法》, 条例第十七条).
enum class Secrecy {
  kNone,    // 未填写 (a stage where it is not required)
  kPublic,  // 可以公开
  kExempt,  // 免于公开 (依据 required)
  kRefer,   // 需报保密审查 (依据 required; blocks publication)
};
std::string_view SecrecyCode(Secrecy s);  // "" | "public" | "exempt" | "refer"
std::string_view SecrecyName(Secrecy s);  // "" | "可以公开" | "免于公开" | "需报保密审查"
Result<Secrecy> ParseSecrecy(std::string_view text);

// Where the review of an item stands (one row per item).
struct ReviewState {
  ItemId item_id = 0;
  bool open = false;        // a run is waiting for a stage
  int run = 0;              // 1, 2, … (a return ends a run; the next 送审 starts one)
  int stage = 0;            // the step to act on next (1 = the first review stage)
  int revision = 0;         // the revision under review
  std::string chain;        // the chain text in force when the run was submitted
  int cycle_start_run = 1;  // the first run since the item was last published
  std::string submitted_by;
  int64_t submitted_at = 0;
};

struct ReviewOverride {
  std::string term;    // the finding's term
  std::string reason;  // 终审 reviewer's reason for publishing it anyway
};

struct ReviewAction {
  int64_t id = 0;
  ItemId item_id = 0;
  int revision = 0;
  std::string revision_sha256;
  int run = 0;
  int stage = 0;
  std::string stage_name;
  ReviewDecision decision = ReviewDecision::kPass;
  std::string by;
  int64_t at = 0;
  std::string opinion;
  bool proofread = false;  // 校对
  Secrecy secrecy = Secrecy::kNone;
  std::string secrecy_basis;
  std::string screening;  // JSON snapshot (services/review_screening.h)
  std::vector<ReviewOverride> overrides;
};

enum class PublicationKind { kPublish, kCorrect, kWithdraw, kExpire };
std::string_view PublicationKindCode(PublicationKind k);  // "publish" | "correct" | …
std::string_view PublicationKindName(PublicationKind k);  // "发布" | "更正" | "撤回" | "到期下线"
Result<PublicationKind> ParsePublicationKind(std::string_view text);

struct Publication {
  ItemId item_id = 0;
  int revision = 0;
  PublicationKind kind = PublicationKind::kPublish;
  int64_t at = 0;
  std::string by;  // the 终审 signer, "系统（定时发布）" for the scheduler
  std::string note;
};

// Ok when `by` may act on `stage` of the open run: not a drafter (the submitter or an author of
// a revision under review) and no decision on another stage of the item since it was last
// published (`actions`: every action of the item). kFailedPrecondition (Chinese) otherwise.
Status CheckReviewer(const ReviewState& state, const account::ApprovalChain& chain,
                     const std::vector<ReviewAction>& actions,
                     const std::set<std::string>& drafters, const std::string& by);

// The stage a run resumes at after a new revision: the last stage that passed re-reviews (stage
// k when stages 1..k passed), stage 1 when none passed. `stage` is the state's next stage
// (chain size when every stage passed and the item waits for its go-live time).
int ResumeStageAfterEdit(int stage);

}  // namespace gongkai::catalog

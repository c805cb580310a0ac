#include "catalog/review.h"

#include "catalog/enum_names.h"

namespace gongkai::catalog {

namespace {

constexpr Names<ReviewDecision, 4> kDecisions{
    {{{"submit", "送审"}, {"pass", "通过"}, {"return", "退回"}, {"reopen", "修改后重审"}}}};
constexpr Names<Secrecy, 4> kSecrecy{
    {{{"", ""}, {"public", "可以公开"}, {"exempt", "免于公开"}, {"refer", "需报保密审查"}}}};
constexpr Names<PublicationKind, 4> kPublications{
    {{{"publish", "发布"}, {"correct", "更正"}, {"withdraw", "撤回"}, {"expire", "到期下线"}}}};

}  // namespace

account::ApprovalChain DefaultPublishingChain() {
  using account::Role;
  return {{{"拟稿", Role::kEditor, true},
           {"初审", Role::kReviewerFirst, true},
           {"复审", Role::kReviewerSecond, true},
           {"终审", Role::kReviewerFinal, true}}};
}

std::string PublishingSubject(std::string_view column_code) {
  if (column_code.empty()) return "publishing";
  return "publishing:" + std::string(column_code);
}

Status ValidatePublishingChain(const account::ApprovalChain& chain) {
  if (chain.steps.size() < 2) {
    return InvalidArgument("publishing needs review", "主动公开信息须至少经过一个审核环节");
  }
  for (const account::ApprovalStep& s : chain.steps) {
    if (!s.distinct) {
      return InvalidArgument("stages must be distinct",
                             "三审环节须由不同的人办理，不能使用“~”（环节“" + s.name + "”）");
    }
  }
  return Status::Ok();
}

std::string_view ReviewDecisionCode(ReviewDecision d) { return kDecisions.Code(d); }
std::string_view ReviewDecisionName(ReviewDecision d) { return kDecisions.Name(d); }
Result<ReviewDecision> ParseReviewDecision(std::string_view t) {
  return kDecisions.Parse(t, "审核结论");
}
std::string_view SecrecyCode(Secrecy s) { return kSecrecy.Code(s); }
std::string_view SecrecyName(Secrecy s) { return kSecrecy.Name(s); }
Result<Secrecy> ParseSecrecy(std::string_view t) { return kSecrecy.Parse(t, "保密审查结论"); }
std::string_view PublicationKindCode(PublicationKind k) { return kPublications.Code(k); }
std::string_view PublicationKindName(PublicationKind k) { return kPublications.Name(k); }
Result<PublicationKind> ParsePublicationKind(std::string_view t) {
  return kPublications.Parse(t, "发布记录类型");
}

Status CheckReviewer(const ReviewState& state, const account::ApprovalChain& chain,
                     const std::vector<ReviewAction>& actions,
                     const std::set<std::string>& drafters, const std::string& by) {
  if (!state.open || state.stage < 1 || state.stage >= static_cast<int>(chain.steps.size())) {
    return FailedPrecondition("not in review", "该信息当前不在审核中");
  }
  if (drafters.count(by) > 0) {
    return FailedPrecondition("drafter cannot review",
                              "不能审核自己起草或送审的信息（" + by + "）");
  }
  for (const ReviewAction& a : actions) {
    if (a.run < state.cycle_start_run || a.by != by || a.stage == state.stage) continue;
    if (a.decision != ReviewDecision::kPass && a.decision != ReviewDecision::kReturn) continue;
    return FailedPrecondition(
        "one stage per person",
        by + "已在本信息的“" + a.stage_name + "”环节签署意见，同一人只能办理一个审核环节");
  }
  return Status::Ok();
}

int ResumeStageAfterEdit(int stage) { return stage > 1 ? stage - 1 : 1; }

}  // namespace gongkai::catalog

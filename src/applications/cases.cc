// Reconsideration and litigation cases (行政复议、行政诉讼) linked to applications.
#include "applications/cases.h"

#include "applications/code_table.h"

namespace gongkai::applications {

namespace {

constexpr CodeTable<CaseKind, 3> kCaseKinds = {
    {{{"reconsideration", "行政复议"},
      {"direct_litigation", "未经复议直接起诉"},
      {"litigation_after_reconsideration", "复议后起诉"}}}};
constexpr CodeTable<CaseResult, 4> kCaseResults = {{{{"pending", "尚未审结"},
                                                     {"upheld", "结果维持"},
                                                     {"corrected", "结果纠正"},
                                                     {"other", "其他结果"}}}};

}  // namespace

std::string_view CaseKindLabel(CaseKind kind) { return kCaseKinds.Label(kind); }
std::string_view CaseKindCode(CaseKind kind) { return kCaseKinds.Code(kind); }
std::optional<CaseKind> ParseCaseKind(std::string_view code) { return kCaseKinds.Parse(code); }

std::string_view CaseResultLabel(CaseResult result) { return kCaseResults.Label(result); }
std::string_view CaseResultCode(CaseResult result) { return kCaseResults.Code(result); }
std::optional<CaseResult> ParseCaseResult(std::string_view code) {
  return kCaseResults.Parse(code);
}

CaseResult StateOn(const Case& c, Date day) {
  if (c.result == CaseResult::kPending || !c.decided_on || day < *c.decided_on) {
    return CaseResult::kPending;
  }
  return c.result;
}

Status ValidateCase(const Case& c) {
  bool has_result = c.result != CaseResult::kPending;
  if (has_result != c.decided_on.has_value()) {
    return InvalidArgument("case result and decision date must be given together",
                           "复议/诉讼案件的结果与审结日期须同时填写");
  }
  if (c.decided_on && *c.decided_on < c.filed) {
    return InvalidArgument(
        "case decided before it was filed",
        "审结日期" + c.decided_on->ToString() + "早于立案日期" + c.filed.ToString());
  }
  return Status::Ok();
}

bool DecisionCorrected(ApplicationId application, const std::vector<Case>& cases, Date day) {
  for (const Case& c : cases) {
    if (c.application_id == application && StateOn(c, day) == CaseResult::kCorrected) return true;
  }
  return false;
}

}  // namespace gongkai::applications

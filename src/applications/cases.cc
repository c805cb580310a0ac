// Reconsideration and litigation cases (行政复议、行政诉讼) linked to applications.
#include "applications/cases.h"

namespace gongkai::applications {

std::string_view CaseKindLabel(CaseKind kind) {
  switch (kind) {
    case CaseKind::kReconsideration:
      return "行政复议";
    case CaseKind::kDirectLitigation:
      return "未经复议直接起诉";
    case CaseKind::kLitigationAfterReconsideration:
      return "复议后起诉";
  }
  return "";
}

std::string_view CaseResultLabel(CaseResult result) {
  switch (result) {
    case CaseResult::kPending:
      return "尚未审结";
    case CaseResult::kUpheld:
      return "结果维持";
    case CaseResult::kCorrected:
      return "结果纠正";
    case CaseResult::kOther:
      return "其他结果";
  }
  return "";
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

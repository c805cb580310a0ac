#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "applications/application.h"

namespace gongkai::applications {

using CaseId = int64_t;

// A 行政复议 or 行政诉讼 arising from an application (table 四).
enum class CaseKind {
  kReconsideration,                 // 行政复议
  kDirectLitigation,                // 行政诉讼：未经复议直接起诉
  kLitigationAfterReconsideration,  // 行政诉讼：复议后起诉
};
enum class CaseResult {
  kPending,    // 尚未审结
  kUpheld,     // 结果维持
  kCorrected,  // 结果纠正
  kOther,      // 其他结果
};
std::string_view CaseKindLabel(CaseKind kind);  // 行政复议 / 未经复议直接起诉 / 复议后起诉
std::string_view CaseResultLabel(CaseResult result);  // 尚未审结 / 结果维持 / 结果纠正 / 其他结果
// Stable codes: reconsideration, direct_litigation, litigation_after_reconsideration.
std::string_view CaseKindCode(CaseKind kind);
std::optional<CaseKind> ParseCaseKind(std::string_view code);  // nullopt for an unknown code
// Stable codes: pending, upheld, corrected, other.
std::string_view CaseResultCode(CaseResult result);
std::optional<CaseResult> ParseCaseResult(std::string_view code);  // nullopt for an unknown code

struct Case {
  CaseId id = 0;
  ApplicationId application_id = 0;
  agency::AgencyId agency_id = 0;  // the acting agency that counts it (not the review body)
  CaseKind kind = CaseKind::kReconsideration;
  Date filed;  // 立案/受理 date: decides the table-四 year
  CaseResult result = CaseResult::kPending;
  std::optional<Date> decided_on;  // set with any result other than kPending
};

// The state of `c` at the end of `day`: its result if decided on or before it, else kPending.
CaseResult StateOn(const Case& c, Date day);

// kInvalidArgument (Chinese) when a result is given without a date, a date without a result, or
// the decision precedes the filing.
Status ValidateCase(const Case& c);

// True when any of `cases` for `application` ended in 结果纠正 on or before `day` (the decision was
// corrected; the application is flagged).
bool DecisionCorrected(ApplicationId application, const std::vector<Case>& cases, Date day);

}  // namespace gongkai::applications

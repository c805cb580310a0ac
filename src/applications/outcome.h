#pragma once

#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace gongkai::applications {

// The leaf rows of table 三 "本年度办理结果" (2021 format): 21 leaves; （七）总计 is their sum and
// is not an outcome. Every concluded application is counted under exactly one of them.
enum class OutcomeRow {
  kDisclosed,               // （一）予以公开
  kPartlyDisclosed,         // （二）部分公开 (区分处理 counts only here)
  kStateSecret,             // （三）1 属于国家秘密
  kForbiddenByLaw,          // （三）2 其他法律行政法规禁止公开
  kEndangersSecurity,       // （三）3 危及“三安全一稳定”
  kThirdPartyRights,        // （三）4 保护第三方合法权益
  kInternalAffairs,         // （三）5 属于三类内部事务信息
  kProcessInformation,      // （三）6 属于四类过程性信息
  kEnforcementFile,         // （三）7 属于行政执法案卷
  kAdministrativeQuery,     // （三）8 属于行政查询事项
  kNotHeld,                 // （四）1 本机关不掌握相关政府信息
  kNeedsCreation,           // （四）2 没有现成信息需要另行制作
  kUnclearAfterCorrection,  // （四）3 补正后申请内容仍不明确
  kPetitionComplaint,       // （五）1 信访举报投诉类申请
  kRepeatedApplication,     // （五）2 重复申请
  kPublication,             // （五）3 要求提供公开出版物
  kMassApplications,        // （五）4 无正当理由大量反复申请
  kReconfirmation,          // （五）5 要求行政机关确认或重新出具已获取信息
  kCorrectionLapsed,        // （六）1 逾期不补正
  kFeeLapsed,               // （六）2 逾期未缴费
  kOtherHandling,           // （六）3 其他 (incl. withdrawal)
};
inline constexpr int kOutcomeRowCount = 21;

struct OutcomeInfo {
  OutcomeRow row;
  std::string_view code;   // stable machine code, e.g. "3.1" for （三）1, "1" for （一）
  std::string_view group;  // （三）不予公开; for （一）/（二） the row label itself
  std::string_view label;  // exact row label of the 2021 template
  std::string_view basis;  // legal ground (条例 article), e.g. 《条例》第十四条
  // True when a 答复 (Decided event) may carry it; （六）1/（六）2 only arise from lapse events.
  bool decidable;
};

// All 21 leaves in table order.
std::span<const OutcomeInfo> AllOutcomes();
const OutcomeInfo& InfoFor(OutcomeRow row);
// "（三）1 属于国家秘密".
std::string FullLabel(OutcomeRow row);
// By machine code ("3.1") or by the printed code ("（三）1"). kInvalidArgument.
Result<OutcomeRow> ParseOutcome(std::string_view text);

// The one row a decision is counted under, given every ground it applied (a 区分处理 decision
// under 条例 Art. 37 lists the disclosed part and each ground for the withheld parts). One part:
// that row. Only （一）: （一）. Several parts of which any discloses (（一）/（二）):
// （二）部分公开 — the template's "区分处理的，只计这一情形". Several parts none of which
// discloses: the first (the principal ground, as the clerk orders them). kInvalidArgument for an
// empty list.
Result<OutcomeRow> CountedRow(std::span<const OutcomeRow> parts);

}  // namespace gongkai::applications

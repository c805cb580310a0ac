// The outcome taxonomy of table 三 (2021 template) with the legal ground of each row. The row →
// article mapping follows ../shared/spec/statutory-rules.md §2.4 ("Mapping of outcomes").
#include "applications/outcome.h"

#include <array>
#include <string>

namespace gongkai::applications {

namespace {

constexpr std::array<OutcomeInfo, kOutcomeRowCount> kOutcomes = {{
    {OutcomeRow::kDisclosed, "1", "（一）予以公开", "（一）予以公开",
     "《条例》第三十六条第（一）项、第（二）项", true},
    {OutcomeRow::kPartlyDisclosed, "2", "（二）部分公开",
     "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "《条例》第三十七条", true},
    {OutcomeRow::kStateSecret, "3.1", "（三）不予公开", "1.属于国家秘密",
     "《条例》第十四条、第三十六条第（三）项", true},
    {OutcomeRow::kForbiddenByLaw, "3.2", "（三）不予公开", "2.其他法律行政法规禁止公开",
     "《条例》第十四条、第三十六条第（三）项", true},
    {OutcomeRow::kEndangersSecurity, "3.3", "（三）不予公开", "3.危及“三安全一稳定”",
     "《条例》第十四条、第三十六条第（三）项", true},
    {OutcomeRow::kThirdPartyRights, "3.4", "（三）不予公开", "4.保护第三方合法权益",
     "《条例》第十五条、第三十二条、第三十六条第（三）项", true},
    {OutcomeRow::kInternalAffairs, "3.5", "（三）不予公开", "5.属于三类内部事务信息",
     "《条例》第十六条第一款、第三十六条第（三）项", true},
    {OutcomeRow::kProcessInformation, "3.6", "（三）不予公开", "6.属于四类过程性信息",
     "《条例》第十六条第二款、第三十六条第（三）项", true},
    {OutcomeRow::kEnforcementFile, "3.7", "（三）不予公开", "7.属于行政执法案卷",
     "《条例》第十六条第二款、第三十六条第（三）项", true},
    {OutcomeRow::kAdministrativeQuery, "3.8", "（三）不予公开", "8.属于行政查询事项",
     "《条例》第三十六条第（七）项", true},
    {OutcomeRow::kNotHeld, "4.1", "（四）无法提供", "1.本机关不掌握相关政府信息",
     "《条例》第三十六条第（四）项、第（五）项", true},
    {OutcomeRow::kNeedsCreation, "4.2", "（四）无法提供", "2.没有现成信息需要另行制作",
     "《条例》第三十八条", true},
    {OutcomeRow::kUnclearAfterCorrection, "4.3", "（四）无法提供", "3.补正后申请内容仍不明确",
     "《条例》第三十条", true},
    {OutcomeRow::kPetitionComplaint, "5.1", "（五）不予处理", "1.信访举报投诉类申请",
     "《条例》第三十九条第一款", true},
    {OutcomeRow::kRepeatedApplication, "5.2", "（五）不予处理", "2.重复申请",
     "《条例》第三十六条第（六）项", true},
    {OutcomeRow::kPublication, "5.3", "（五）不予处理", "3.要求提供公开出版物",
     "《条例》第三十九条第二款", true},
    {OutcomeRow::kMassApplications, "5.4", "（五）不予处理", "4.无正当理由大量反复申请",
     "《条例》第三十五条", true},
    {OutcomeRow::kReconfirmation, "5.5", "（五）不予处理", "5.要求行政机关确认或重新出具已获取信息",
     "《条例》第三十六条、第三十九条", true},
    {OutcomeRow::kCorrectionLapsed, "6.1", "（六）其他处理",
     "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "《条例》第三十条", false},
    {OutcomeRow::kFeeLapsed, "6.2", "（六）其他处理",
     "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
     "《条例》第四十二条；《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）", false},
    {OutcomeRow::kOtherHandling, "6.3", "（六）其他处理", "3.其他", "", true},
}};

constexpr std::array<std::string_view, 6> kGroupCodes = {"（一）", "（二）", "（三）",
                                                         "（四）", "（五）", "（六）"};

}  // namespace

std::span<const OutcomeInfo> AllOutcomes() { return kOutcomes; }

const OutcomeInfo& InfoFor(OutcomeRow row) { return kOutcomes[static_cast<int>(row)]; }

std::string FullLabel(OutcomeRow row) {
  const OutcomeInfo& info = InfoFor(row);
  if (row == OutcomeRow::kDisclosed || row == OutcomeRow::kPartlyDisclosed) {
    return std::string(info.label);
  }
  return std::string(info.group) + std::string(info.label);
}

Result<OutcomeRow> ParseOutcome(std::string_view text) {
  for (const OutcomeInfo& info : kOutcomes) {
    if (text == info.code) return info.row;
    // Printed form: （三）1, from the group number and the leaf number.
    int group = info.code[0] - '1';
    std::string printed(kGroupCodes[group]);
    if (info.code.size() > 1) printed += std::string(info.code.substr(2));
    if (text == printed) return info.row;
  }
  return InvalidArgument(
      "unknown outcome '" + std::string(text) + "'",
      "办理结果“" + std::string(text) + "”无效，应为表三的一个末级行，如（三）1");
}

Result<OutcomeRow> CountedRow(std::span<const OutcomeRow> parts) {
  if (parts.empty()) {
    return InvalidArgument("decision without an outcome", "答复须至少有一项办理结果");
  }
  if (parts.size() == 1) return parts[0];
  bool any_disclosing = false, all_disclosed = true;
  for (OutcomeRow r : parts) {
    if (r == OutcomeRow::kDisclosed || r == OutcomeRow::kPartlyDisclosed) any_disclosing = true;
    if (r != OutcomeRow::kDisclosed) all_disclosed = false;
  }
  if (all_disclosed) return OutcomeRow::kDisclosed;
  if (any_disclosing) return OutcomeRow::kPartlyDisclosed;
  return parts[0];
}

}  // namespace gongkai::applications

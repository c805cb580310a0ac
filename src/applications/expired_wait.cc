// Action lines for expired waits. Wording from ../shared/spec/statutory-rules.md: Art. 30
// (逾期不补正 视为放弃申请), 109号 as restated by the provincial notices (逾期未缴纳视为放弃申请),
// Art. 32 (a third party's silence: the agency decides under the 条例) and Art. 34 (another
// agency's silence is deemed consent to disclose).
#include "applications/expired_wait.h"

namespace gongkai::applications {

std::string_view WaitKindCode(WaitKind kind) {
  switch (kind) {
    case WaitKind::kCorrection:
      return "correction";
    case WaitKind::kFee:
      return "fee";
    case WaitKind::kConsultation:
      return "consultation";
  }
  return "";
}

ExpiredWait ExpiredCorrection(Date deadline) {
  return {WaitKind::kCorrection, deadline, "",
          "补正期限已于" + deadline.ToString() +
              "届满，尚未收到补正：申请人无正当理由逾期不补正的，视为放弃申请，请登记“" +
              std::string(EventTypeLabel(EventType::kCorrectionLapsed)) +
              "”（计入（六）1，《条例》第三十条）"};
}

ExpiredWait ExpiredFee(Date deadline) {
  return {WaitKind::kFee, deadline, "",
          "缴费期限已于" + deadline.ToString() +
              "届满，尚未缴费：申请人逾期未按收费通知要求缴纳费用的，视为放弃申请，请登记“" +
              std::string(EventTypeLabel(EventType::kFeeLapsed)) +
              "”（计入（六）2，国办函〔2020〕109号）"};
}

ExpiredWait ExpiredConsultation(Date deadline, const std::string& party, ConsultedParty kind) {
  std::string rule = kind == ConsultedParty::kThirdParty
                         ? "第三方逾期未提出意见的，由行政机关依照《条例》的规定决定是否公开"
                           "（第三十二条）"
                         : "被征求意见机关逾期未提出意见的，视为同意公开（《条例》第三十四条）";
  return {WaitKind::kConsultation, deadline, party,
          "征求" + party + "意见的15个工作日已于" + deadline.ToString() + "届满，未收到答复：" +
              rule + "，请作出答复或登记收到的意见；此后的时间计入答复期限"};
}

}  // namespace gongkai::applications

#pragma once

#include <string>
#include <string_view>

#include "applications/application.h"
#include "core/date.h"

namespace gongkai::applications {

// A wait of the clock whose period ran out without the event it waited for.
enum class WaitKind {
  kCorrection,    // 补正: the correction period ended and no corrected application came (Art. 30)
  kFee,           // 缴费: 20 working days after the fee notice passed without payment (109号)
  kConsultation,  // 征求意见: the consulted party's 15 working days passed unanswered (Arts. 32,
                  // 34)
};
// Stable codes for the API: correction, fee, consultation.
std::string_view WaitKindCode(WaitKind kind);

// What the clerk sees and must do: the last day of the wait and a Chinese action line naming the
// event to record (逾期未补正, 逾期未缴费) or the decision to make, with the rule.
struct ExpiredWait {
  WaitKind kind = WaitKind::kCorrection;
  Date deadline;      // the last working day of the wait
  std::string party;  // kConsultation: the consulted party; empty otherwise
  std::string action;  // e.g. 缴费期限已于2024-07-04届满，尚未缴费：…请登记“逾期未缴费”…
};

// The expired waits, with their action lines.
ExpiredWait ExpiredCorrection(Date deadline);
ExpiredWait ExpiredFee(Date deadline);
ExpiredWait ExpiredConsultation(Date deadline, const std::string& party, ConsultedParty kind);

}  // namespace gongkai::applications

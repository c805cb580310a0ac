#pragma once
// The action forms of the staff application page and the confirmation step of a conclusion.
// Presentation only: which forms appear comes from the service (ApplicationDetail::actions), and
// the service decides what may be recorded.

#include <mstch/mstch.hpp>
#include <string>
#include <utility>
#include <vector>

#include "http/application_codec.h"
#include "services/application_service.h"

namespace gongkai::http {

// A refused form, shown again with what was typed and the reason beside it.
struct EventFormState {
  std::string type;   // the event code of the form (its hidden "type")
  FieldFn get;        // the submitted fields
  std::string error;  // Chinese reason
  std::string field;  // the field the reason is about ("" = the form as a whole)
};

// The form of `type` on the page of `d`, dated `today` by default, with `state`'s values and
// error when it is that form. `primary` marks the most likely next step.
mstch::map EventForm(applications::EventType type, const services::ApplicationDetail& d, Date today,
                     bool primary, const EventFormState* state);

// The field a refusal is about, from its Chinese message: outcome, reason, days, party, fee_yuan,
// decision_date, date; "" when none fits.
std::string ErrorField(applications::EventType type, const std::string& message);

// True when recording `e` concludes the application or changes its conclusion: 作出答复, 撤回,
// 逾期未补正, 逾期未缴费, 更正答复, and the last approval (签发), which makes the decision.
bool NeedsConfirmation(const applications::Event& e, const services::ApplicationDetail& d);

// The confirmation page: what will be recorded, in words, and the submitted `fields` to post again
// as hidden inputs (without _csrf and confirm).
mstch::map ConfirmationContext(const applications::Event& e, const services::ApplicationDetail& d,
                               const std::vector<std::pair<std::string, std::string>>& fields);

}  // namespace gongkai::http

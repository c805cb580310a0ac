#pragma once
// Applications (依申请公开) in and out of the HTTP layer: the same field names for HTML forms
// ("contact.name") and JSON ({"contact": {"name": …}}), and the JSON shapes of the API
// (docs/api.md). Parsing only: every rule is checked by services::ApplicationService.

#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "applications/application.h"
#include "applications/clock.h"
#include "core/result.h"
#include "http/server.h"
#include "services/application_service.h"

namespace gongkai::http {

// A flat view of a request's fields: "description", "contact.name" … → the text, "" when absent.
using FieldFn = std::function<std::string(std::string_view name)>;
FieldFn FormFields(const HttpRequest& request);
// Strings and integers of a JSON object; "a.b" looks into the object "a".
FieldFn JsonFields(const nlohmann::json& body);

// The intake fields (agency_id, channel, applicant_kind, identity.number, contact.*,
// description, document_number, purpose, carrier, delivery). Only the enumerations are checked
// here (kInvalidArgument, Chinese, naming the field); the service checks the rest.
Result<services::ApplicationInput> InputFromFields(const FieldFn& get);
// The same for a form that shows every error beside its field: a missing or bad choice is
// appended to `errors` (agency_id, applicant_kind, channel, carrier, delivery) and the input is
// returned with the default in its place.
services::ApplicationInput InputFromFields(const FieldFn& get,
                                           std::vector<services::FieldError>* errors);
// One event: type, date, note, party, consulted, days, fee_fen (or fee_yuan "123.40"),
// fee_method, pages (按量: the fee is computed from them), outcomes (comma-separated codes, or
// outcome/outcome2/outcome3). kInvalidArgument.
Result<applications::Event> EventFromFields(const FieldFn& get);
// JSON "outcomes": an array of codes ("2", "3.1") or one string; nullopt when absent.
Result<applications::Event> EventFromJson(const nlohmann::json& body);

// Yuan text ("100", "83460.5") → fen. kInvalidArgument.
Result<applications::Fen> ParseYuan(std::string_view text);

nlohmann::json ApplicationToJson(const applications::Application& app);
nlohmann::json EventToJson(const applications::Event& e);
// Status, dates, days left, basis, warnings, expired waits, excluded spans, every explained day
// and the text lines of DescribeClock.
nlohmann::json ClockToJson(const applications::ClockState& clock);
// The expired waits: [{"kind": "fee", "deadline": "2024-07-04", "action": "缴费期限已于…"}], with
// "party" for a consultation.
nlohmann::json ExpiredToJson(const std::vector<applications::ExpiredWait>& expired);
// With "approval_chain" (ChainToJson) and "pending_approval_step".
nlohmann::json DetailToJson(const services::ApplicationDetail& detail);
// {"text": "拟办:application_clerk,…", "label": "拟办（依申请公开经办人）→ …", "steps": [{"name",
// "role", "role_label", "distinct"}]}.
nlohmann::json ChainToJson(const account::ApprovalChain& chain);
nlohmann::json SummaryToJson(const services::ApplicationSummary& s);
nlohmann::json QueueToJson(const services::Queue& q);
nlohmann::json CaseToJson(const applications::Case& c);
nlohmann::json PublicStatusToJson(const services::PublicStatusView& v);
// Tables 三 and 四 with every cell's count, and its ids and numbers (drill-down).
nlohmann::json TablesToJson(const services::CompiledTables& t);

// Case fields: kind (reconsideration, direct_litigation, litigation_after_reconsideration),
// filed, result (pending, upheld, corrected, other), decided_on.
Result<applications::Case> CaseFromFields(const FieldFn& get);

}  // namespace gongkai::http

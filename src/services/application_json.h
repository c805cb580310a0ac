#pragma once
// The JSON of an application, written once. The JSON-lines export (application_jsonl.cc, schema
// gongkai.application) and the API (http/application_codec.cc, docs/api.md) both build on these
// pieces; each adds what only it has (the export: agency name and raw events; the API: ids,
// Chinese labels and described events).

#include <nlohmann/json.hpp>
#include <optional>

#include "applications/application.h"
#include "applications/cases.h"
#include "storage/application_repository.h"

namespace gongkai::services {

// The form of the application, in this order: number, channel, applicant_kind, identity
// {document, number}, contact {name, work_unit, legal_representative, contact_person, phone, fax,
// email, address, postcode}, description, document_number, purpose, carrier, delivery,
// decision_corrected. Enumerations as their stable codes (applications/*.h).
nlohmann::ordered_json ApplicationFormJson(const applications::Application& app);

// {kind, filed, result, decided_on}: codes, and dates as YYYY-MM-DD (decided_on null while open).
nlohmann::ordered_json CaseJson(const applications::Case& c);

// {date, filed_with, note} of the 报备 record, or null when there is none.
nlohmann::ordered_json FilingJson(const std::optional<storage::ApplicationFiling>& filing);

}  // namespace gongkai::services

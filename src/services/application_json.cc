#include "services/application_json.h"

namespace gongkai::services {

using namespace applications;  // NOLINT
using Json = nlohmann::ordered_json;

Json ApplicationFormJson(const Application& a) {
  Json j;
  j["number"] = a.number;
  j["channel"] = ChannelCode(a.channel);
  j["applicant_kind"] = ApplicantKindCode(a.applicant_kind);
  j["identity"] = {{"document", IdentityDocumentCode(a.identity.document)},
                   {"number", a.identity.number}};
  const Contact& c = a.contact;
  j["contact"] = {{"name", c.name},
                  {"work_unit", c.work_unit},
                  {"legal_representative", c.legal_representative},
                  {"contact_person", c.contact_person},
                  {"phone", c.phone},
                  {"fax", c.fax},
                  {"email", c.email},
                  {"address", c.address},
                  {"postcode", c.postcode}};
  j["description"] = a.description;
  j["document_number"] = a.document_number;
  j["purpose"] = a.purpose;
  j["carrier"] = CarrierCode(a.carrier);
  j["delivery"] = DeliveryCode(a.delivery);
  j["decision_corrected"] = a.decision_corrected;
  return j;
}

Json CaseJson(const Case& c) {
  Json j;
  j["kind"] = CaseKindCode(c.kind);
  j["filed"] = c.filed.ToString();
  j["result"] = CaseResultCode(c.result);
  j["decided_on"] = c.decided_on ? Json(c.decided_on->ToString()) : Json(nullptr);
  return j;
}

Json FilingJson(const std::optional<storage::ApplicationFiling>& filing) {
  if (!filing) return nullptr;
  return {{"date", filing->date.ToString()},
          {"filed_with", filing->filed_with},
          {"note", filing->note}};
}

}  // namespace gongkai::services

#include "http/handlers/form_errors.h"

#include <algorithm>
#include <array>
#include <string>
#include <utility>

namespace gongkai::http {

namespace {

// The intake form's fields in page order, each with the element that takes the focus (a group's
// first control).
constexpr std::array<std::pair<const char*, const char*>, 24> kFormOrder = {{
    {"agency_id", "agency_id"},
    {"channel", "channel"},
    {"submitted_date", "submitted_date"},
    {"receipt_date", "receipt_date"},
    {"applicant_kind", "applicant_kind"},  // the checked radio
    {"contact.name", "contact_name"},
    {"identity.number", "identity_number"},
    {"contact.work_unit", "contact_work_unit"},
    {"contact.legal_representative", "contact_legal_representative"},
    {"contact.contact_person", "contact_contact_person"},
    {"contact", "contact_phone"},
    {"contact.phone", "contact_phone"},
    {"contact.email", "contact_email"},
    {"contact.address", "contact_address"},
    {"contact.postcode", "contact_postcode"},
    {"contact.fax", "contact_fax"},
    {"description", "description"},
    {"document_number", "document_number"},
    {"purpose", "purpose"},
    {"carrier", "carrier"},
    {"delivery", "delivery"},
    {"attachments", "attachment_id_copy"},
    {"attachment_id_copy", "attachment_id_copy"},
    {"attachment_description", "attachment_description"},
}};

std::string Key(std::string_view field) {
  std::string key(field);
  std::replace(key.begin(), key.end(), '.', '_');
  return key;
}

}  // namespace

void AddFieldErrors(const std::vector<services::FieldError>& errors, mstch::map* form) {
  AddFieldErrors(errors, kFormOrder, form);
}

void AddFieldErrors(const std::vector<services::FieldError>& errors, FieldOrder order,
                    mstch::map* form) {
  mstch::array list;
  for (const auto& [field, focus] : order) {
    std::string message;
    for (const services::FieldError& e : errors) {
      if (e.field == field) message += (message.empty() ? "" : "；") + e.message;
    }
    if (message.empty()) continue;
    std::string key = Key(field);
    (*form)["e_" + key] = message;
    if (list.empty()) (*form)["focus_" + Key(focus)] = true;
    list.push_back(mstch::map{{"anchor", std::string(focus)}, {"message", message}});
  }
  for (const services::FieldError& e : errors) {  // a field the form does not show
    bool known =
        std::any_of(order.begin(), order.end(), [&](const auto& f) { return e.field == f.first; });
    if (!known) list.push_back(mstch::map{{"anchor", std::string()}, {"message", e.message}});
  }
  (*form)["error_count"] = std::to_string(list.size());
  (*form)["has_errors"] = !list.empty();
  (*form)["error_list"] = list;
}

std::vector<services::AttachmentInput> AttachmentsFrom(const HttpRequest& request,
                                                       std::vector<services::FieldError>* errors) {
  std::vector<services::AttachmentInput> out;
  const std::string* type = request.Header("content-type");
  if (type == nullptr || MultipartBoundary(*type).empty()) return out;
  const MultipartForm& form = request.Multipart();
  if (!form.status.ok()) {
    errors->push_back({"attachments", form.status.UserMessage()});
    return out;
  }
  for (const MultipartFile& f : form.files) {
    for (auto kind : {services::AttachmentKind::kIdCopy, services::AttachmentKind::kDescription}) {
      if (f.field == services::AttachmentField(kind)) out.push_back({kind, f.filename, f.data});
    }
  }
  return out;
}

}  // namespace gongkai::http

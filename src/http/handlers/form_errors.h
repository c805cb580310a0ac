#pragma once
// Forms that show every error at once, beside its field (the intake forms /apply and
// /admin/applications/new), and the files of a multipart/form-data request.

#include <mstch/mstch.hpp>
#include <span>
#include <utility>
#include <vector>

#include "http/server.h"
#include "services/attachments.h"

namespace gongkai::http {

// Adds the errors to a form's mustache data. For a field "contact.name" (dots become
// underscores): "e_contact_name" = the message (the template shows it beside the field, with
// aria-invalid and aria-describedby) and, for the first invalid field in form order,
// "focus_contact_name" = true (the template puts `autofocus` on it). "error_count" and
// "error_list" ([{anchor, message}]) make the summary above the form.
void AddFieldErrors(const std::vector<services::FieldError>& errors, mstch::map* form);
// The same for another form: `order` lists its fields in page order, each with the element
// that takes the focus.
using FieldOrder = std::span<const std::pair<const char*, const char*>>;
void AddFieldErrors(const std::vector<services::FieldError>& errors, FieldOrder order,
                    mstch::map* form);

// The files of the intake form's attachment inputs (attachment_id_copy, attachment_description)
// in a multipart/form-data body; a malformed body is an error of "attachments". Files of other
// fields are ignored.
std::vector<services::AttachmentInput> AttachmentsFrom(const HttpRequest& request,
                                                       std::vector<services::FieldError>* errors);

}  // namespace gongkai::http

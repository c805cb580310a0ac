#pragma once
// Mustache data for the application pages (public and staff). Presentation only: which event
// forms to offer is a convenience; the service decides what may be recorded.

#include <mstch/mstch.hpp>
#include <vector>

#include "account/permissions.h"
#include "agency/agency.h"
#include "http/application_codec.h"
#include "http/handlers/application_forms.h"
#include "services/application_service.h"

namespace gongkai::http {

// The agencies whose applications `actor` may see (kView), for pickers only; the service decides.
std::vector<agency::Agency> ViewableAgencies(const std::vector<agency::Agency>& all,
                                             const account::Actor& actor);

// The agency choice of a staff page: the `agency` query parameter, else the first viewable agency
// ("" when there is none), and the picker's options with that one selected.
struct AgencyChoice {
  std::string chosen;
  mstch::array options;  // {code, label, selected}
};
AgencyChoice ChooseAgency(const std::vector<agency::Agency>& viewable, std::string chosen);

// The intake form's values (from `get`, the submitted fields, so input is kept after an error)
// and its choices: agencies, applicant kinds, carriers, deliveries; with `staff`, channels too.
mstch::map ApplicationFormContext(const FieldFn& get, const std::vector<agency::Agency>& agencies,
                                  bool staff);

// The public status page (public_status_view.cc): number, agency, received, status, due, days
// left, decided, outcome; and in plain words the headline, summary, 补正事项, next steps and the
// remedies, with letter_ready once the reply was served.
mstch::map PublicStatusContext(const services::PublicStatusView& v);

// The attachments of an application (upload_pages.cc): kind, name, type, size, SHA-256, and
// attachment_id for the download link.
mstch::array AttachmentRows(const std::vector<services::Attachment>& attachments);

// 「剩余5个工作日」 / 「已逾期3个工作日」.
std::string DaysLeft(int n);

// One row per application: id, number, applicant, received, due, days left, status.
mstch::array SummaryRows(const std::vector<services::ApplicationSummary>& list);

// Everything the staff page of one application shows, in its order: the summary with the next
// deadline, the request, the timeline with the clock explanation, then the forms of
// `d.actions` (the first marked primary; dated `today` by default; `state` refills a refused
// form with the reason beside it).
mstch::map DetailContext(const services::ApplicationDetail& d,
                         const std::vector<services::DuplicateCandidate>& duplicates, Date today,
                         const EventFormState* state = nullptr);

}  // namespace gongkai::http

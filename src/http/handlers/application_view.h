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

// number, agency, received, status, due, days left, decided, outcome.
mstch::map PublicStatusContext(const services::PublicStatusView& v);

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

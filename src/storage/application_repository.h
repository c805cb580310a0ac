#pragma once

#include <vector>

#include "applications/application.h"
#include "applications/cases.h"
#include "core/result.h"

namespace gongkai::storage {

// Applications (依申请公开) with their append-only event lists, and the
// 复议/诉讼 cases linked to them. Domain types in and out. Callers validate
// events with applications::ValidateNext before appending; the repository only
// keeps the list append-only and ordered.
class ApplicationRepository {
 public:
  virtual ~ApplicationRepository() = default;
  // Inserts the application and its events (seq 0, 1, …); `app.id` is ignored.
  // kAlreadyExists when the agency already has an application with this
  // (non-empty) number; kFailedPrecondition for an unknown agency.
  virtual Result<applications::ApplicationId> Insert(const applications::Application& app) = 0;
  // The application with all its events in order; kNotFound.
  virtual Result<applications::Application> Get(applications::ApplicationId id) = 0;
  // Every application of `agency`, by id, with its events.
  virtual Result<std::vector<applications::Application>> ListByAgency(agency::AgencyId agency) = 0;
  // Appends `event` as the application's event number `expected_count`
  // (0-based). kFailedPrecondition when the application has a different number
  // of events (another writer appended first: reload and validate again);
  // kNotFound for an unknown application.
  virtual Status AppendEvent(applications::ApplicationId id, int expected_count,
                             const applications::Event& event) = 0;
  // Sets the 纠正 flag set when a case corrected the decision. kNotFound.
  virtual Status SetDecisionCorrected(applications::ApplicationId id, bool corrected) = 0;

  // kFailedPrecondition for an unknown application or agency.
  virtual Result<applications::CaseId> InsertCase(const applications::Case& c) = 0;
  // Updates result and decision date. kNotFound.
  virtual Status UpdateCase(const applications::Case& c) = 0;
  // Every case of `agency`, by id.
  virtual Result<std::vector<applications::Case>> ListCases(agency::AgencyId agency) = 0;
};

}  // namespace gongkai::storage

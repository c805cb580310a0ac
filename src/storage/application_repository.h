#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "applications/application.h"
#include "applications/cases.h"
#include "core/result.h"

namespace gongkai::storage {

// A search of one agency's applications (the 台账), narrowed in the database. Every condition
// given narrows; empty ones are ignored.
struct ApplicationQuery {
  agency::AgencyId agency = 0;
  // Each word appears in the number, the applicant's name or the description (ASCII letters
  // case-insensitive).
  std::vector<std::string> words;
  std::optional<applications::Channel> channel;
  std::vector<applications::ApplicantKind> kinds;  // any of these
  // With an event of one of `year_event_types` dated in `event_year`.
  std::optional<int> event_year;
  std::vector<applications::EventType> year_event_types;
  // Without any event of these types (the conclusions: the open applications).
  std::vector<applications::EventType> without_event_types;
};

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
  // The applications matching `query`, by id, with their events: two statements whatever the
  // number of applications.
  virtual Result<std::vector<applications::Application>> Find(const ApplicationQuery& query) = 0;
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

// 报备: a decided application filed with the supervising office (once).
struct ApplicationFiling {
  Date date;
  std::string filed_with;
  std::string note;
};

struct DueSnapshot {
  applications::ApplicationId id = 0;
  std::optional<Date> due;
  Date as_of;
};

// What the applications service keeps beside the ledger (migration 003): per-agency number
// patterns and per-year counters, public lookup-code hashes, due-date snapshots and 报备.
class ApplicationMetaRepository {
 public:
  virtual ~ApplicationMetaRepository() = default;
  // Increments the counter of (agency, year) and returns the new value (1 for the first).
  virtual Result<int64_t> NextSequence(agency::AgencyId agency, int year) = 0;
  // Raises the counter to at least `seq` (imports that keep their number).
  virtual Status RaiseSequence(agency::AgencyId agency, int year, int64_t seq) = 0;
  // nullopt when the agency has no pattern of its own.
  virtual Result<std::optional<std::string>> GetNumberPattern(agency::AgencyId agency) = 0;
  virtual Status SetNumberPattern(agency::AgencyId agency, const std::string& pattern) = 0;
  // The SHA-256 (hex) of an application's public lookup code; kAlreadyExists if taken.
  virtual Status SetLookupHash(applications::ApplicationId id, const std::string& hash) = 0;
  // kNotFound for an unknown hash.
  virtual Result<applications::ApplicationId> FindByLookupHash(const std::string& hash) = 0;
  // The applications numbered exactly `number` (one per agency at most), by id.
  virtual Result<std::vector<applications::ApplicationId>> FindByNumber(
      const std::string& number) = 0;
  // The due date of an application computed as of `snapshot.as_of` (nullopt: none runs or it
  // could not be computed). Replaces the previous one.
  virtual Status SetDueSnapshot(const DueSnapshot& snapshot) = 0;
  // Every snapshot, by application id.
  virtual Result<std::vector<DueSnapshot>> DueSnapshots() = 0;
  // kAlreadyExists when the application was already filed.
  virtual Status InsertFiling(applications::ApplicationId id, const ApplicationFiling& f) = 0;
  virtual Result<std::optional<ApplicationFiling>> GetFiling(applications::ApplicationId id) = 0;
  // One case; kNotFound.
  virtual Result<applications::Case> GetCase(applications::CaseId id) = 0;
  // The approval chain text (account/approval_chain.h) an agency set for `subject`
  // ("application_decision"); nullopt when it set none (the caller's default applies).
  virtual Result<std::optional<std::string>> GetApprovalChain(agency::AgencyId agency,
                                                              const std::string& subject) = 0;
  virtual Status SetApprovalChain(agency::AgencyId agency, const std::string& subject,
                                  const std::string& steps) = 0;
};

}  // namespace gongkai::storage

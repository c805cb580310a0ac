// STUB: the interface compiles; the implementation follows in the next commits.
#include "services/application_service.h"

namespace gongkai::services {

namespace {
Status Todo() { return Internal("application service not implemented yet", "功能尚未实现"); }
}  // namespace

void ApplicationService::SetCalendar(std::shared_ptr<const calendar::WorkingDayCalendar> cal) {
  std::lock_guard lock(calendar_mu_);
  calendar_ = std::move(cal);
}
std::shared_ptr<const calendar::WorkingDayCalendar> ApplicationService::calendar() const {
  return Calendar();
}
std::shared_ptr<const calendar::WorkingDayCalendar> ApplicationService::Calendar() const {
  std::lock_guard lock(calendar_mu_);
  return calendar_;
}
double DescriptionSimilarity(const std::string&, const std::string&) { return 0; }
std::string CompiledTables::NumberOf(int64_t) const { return {}; }
Result<SubmitResult> ApplicationService::Register(const account::Actor&, ApplicationInput,
                                                  std::vector<applications::Event>) {
  return Todo();
}
Result<SubmitResult> ApplicationService::SubmitOnline(ApplicationInput) { return Todo(); }
Result<PublicStatusView> ApplicationService::PublicStatus(const std::string&) { return Todo(); }
Result<ApplicationDetail> ApplicationService::Get(const account::Actor&,
                                                  applications::ApplicationId) {
  return Todo();
}
Result<ApplicationDetail> ApplicationService::GetByNumber(const account::Actor&,
                                                          const std::string&) {
  return Todo();
}
Result<std::vector<ApplicationSummary>> ApplicationService::List(const account::Actor&,
                                                                 agency::AgencyId, ListFilter) {
  return Todo();
}
Result<Queue> ApplicationService::QueueOf(const account::Actor&, agency::AgencyId, Date) {
  return Todo();
}
Result<applications::ClockState> ApplicationService::ClockOf(const account::Actor&,
                                                             applications::ApplicationId, Date) {
  return Todo();
}
Status ApplicationService::RecordEvent(const account::Actor&, applications::ApplicationId,
                                       applications::Event) {
  return Todo();
}
Status ApplicationService::RecordFiling(const account::Actor&, applications::ApplicationId,
                                        Filing) {
  return Todo();
}
Result<applications::CaseId> ApplicationService::AddCase(const account::Actor&,
                                                         applications::Case) {
  return Todo();
}
Status ApplicationService::UpdateCase(const account::Actor&, applications::Case) { return Todo(); }
Result<std::vector<DuplicateCandidate>> ApplicationService::Duplicates(
    const account::Actor&, applications::ApplicationId) {
  return Todo();
}
Result<int> ApplicationService::MonthlyCount(const account::Actor&, agency::AgencyId,
                                             const std::string&, Date) {
  return Todo();
}
Status ApplicationService::SetNumberPattern(const account::Actor&, agency::AgencyId,
                                            const std::string&) {
  return Todo();
}
Result<std::string> ApplicationService::NumberPattern(const account::Actor&, agency::AgencyId) {
  return Todo();
}
Result<std::vector<DueDateMove>> ApplicationService::RecomputeDueDates(const account::Actor&) {
  return Todo();
}
Result<CompiledTables> ApplicationService::CompileTables(const account::Actor&, agency::AgencyId,
                                                         int) {
  return Todo();
}
Result<std::string> ApplicationService::ExportJsonLines(const account::Actor&, agency::AgencyId,
                                                        std::optional<int>) {
  return Todo();
}
Result<int> ApplicationService::ImportJsonLines(const account::Actor&, const std::string&) {
  return Todo();
}

}  // namespace gongkai::services

#include "cli/app_support.h"

#include "calendar/calendar_files.h"
#include "cli/cli_common.h"
#include "services/agency_service.h"

namespace gongkai::cli {

std::unique_ptr<AppEnv> OpenAppEnv(CliContext& ctx) {
  auto env = std::make_unique<AppEnv>();
  env->store = OpenMigratedStore(ctx);
  if (!env->store) return nullptr;
  auto cal = calendar::LoadCalendar(ctx.calendar_files.holidays, ctx.calendar_files.overrides);
  if (!cal.ok()) {
    FailWith(ctx, cal.status());
    return nullptr;
  }
  env->service = std::make_unique<services::ApplicationService>(
      *env->store, env->clock,
      std::make_shared<const calendar::WorkingDayCalendar>(std::move(cal).value()));
  return env;
}

Result<agency::AgencyId> ResolveAgency(AppEnv& env, const std::string& ref) {
  GONGKAI_ASSIGN_OR_RETURN(auto all, services::AgencyService(*env.store, env.clock).List());
  return ResolveAgencyRef(all, ref);
}

Result<applications::ApplicationId> ResolveApplication(AppEnv& env, const std::string& ref) {
  bool digits = !ref.empty() && ref.find_first_not_of("0123456789") == std::string::npos;
  if (digits && ref.size() < 18) return std::stoll(ref);
  GONGKAI_ASSIGN_OR_RETURN(auto d, env.service->GetByNumber(account::Actor::Console(), ref));
  return d.app.id;
}

}  // namespace gongkai::cli

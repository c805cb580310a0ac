#include "cli/app_support.h"

#include <filesystem>

#include "calendar/calendar_files.h"
#include "cli/cli_common.h"
#include "services/agency_service.h"

namespace gongkai::cli {

std::unique_ptr<AppEnv> OpenAppEnv(CliContext& ctx) { return OpenAppEnv(ctx, ctx.calendar_files); }

std::unique_ptr<AppEnv> OpenAppEnv(CliContext& ctx, const CalendarFileOptions& files) {
  auto env = std::make_unique<AppEnv>();
  auto base = calendar::LoadCalendarBase(files.holidays, files.overrides);
  if (!base.ok()) {
    FailWith(ctx, base.status());
    return nullptr;
  }
  env->store = OpenMigratedStore(ctx);
  if (!env->store) return nullptr;
  env->calendar =
      std::make_unique<services::CalendarService>(*env->store, env->clock, std::move(base).value());
  auto cal = env->calendar->Build();
  if (!cal.ok()) {
    FailWith(ctx, cal.status());
    return nullptr;
  }
  env->service = std::make_unique<services::ApplicationService>(*env->store, env->clock,
                                                                std::move(cal).value());
  return env;
}

Result<std::shared_ptr<const calendar::WorkingDayCalendar>> CliCalendar(
    CliContext& ctx, const CalendarFileOptions& files) {
  GONGKAI_ASSIGN_OR_RETURN(calendar::CalendarBase base,
                           calendar::LoadCalendarBase(files.holidays, files.overrides));
  GONGKAI_ASSIGN_OR_RETURN(std::string url, EffectiveDbUrl(ctx));
  std::string path = url.rfind("sqlite:", 0) == 0 ? url.substr(7) : url;
  std::error_code ec;
  if (path == ":memory:" || !std::filesystem::exists(path, ec)) {
    GONGKAI_ASSIGN_OR_RETURN(calendar::WorkingDayCalendar cal,
                             calendar::WorkingDayCalendar::Create(
                                 base.national, base.overrides ? &*base.overrides : nullptr));
    return std::make_shared<const calendar::WorkingDayCalendar>(std::move(cal));
  }
  GONGKAI_ASSIGN_OR_RETURN(auto store, storage::OpenStore(url));
  GONGKAI_RETURN_IF_ERROR(store->Migrate().status());
  SystemClock clock;
  return services::CalendarService(*store, clock, std::move(base)).Build();
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

#pragma once

#include <atomic>
#include <functional>
#include <mstch/mstch.hpp>
#include <optional>
#include <string>

#include "core/clock.h"
#include "http/lookup_limiter.h"
#include "http/page_cache.h"
#include "http/response.h"
#include "http/server.h"
#include "http/view_renderer.h"
#include "services/account_service.h"
#include "services/agency_service.h"
#include "services/application_service.h"
#include "services/audit_service.h"
#include "services/calendar_service.h"
#include "services/ledger_service.h"
#include "services/letter_service.h"
#include "services/public_letter_service.h"
#include "services/review_service.h"
#include "services/seal_service.h"
#include "services/user_admin_service.h"
#include "storage/store.h"

namespace gongkai::http {

struct WebOptions {
  CookieOptions cookies;
  std::string site_name = "政府信息公开平台";
};

// The web application: the services, the page renderer and cache, and the
// request-level concerns every handler shares (who is signed in, CSRF).
// Handlers live in handlers/*.cc and only call into this class and one
// service method each. Thread-safe.
class WebApp {
 public:
  // `calendar` is the working-day calendar of the applications' clock; null builds it from
  // `calendar_base` (else the bundled national file, data/calendar/cn_holidays.tsv) and the
  // notices imported into the store.
  WebApp(storage::Store& store, const Clock& clock, services::SecurityOptions security,
         WebOptions options, std::shared_ptr<const calendar::WorkingDayCalendar> calendar = nullptr,
         std::optional<calendar::CalendarBase> calendar_base = std::nullopt);

  // Every route of the site and the API (see routes.cc).
  Router MakeRouter();

  static constexpr const char* kSessionCookie = "gk_session";
  static constexpr const char* kPreLoginCookie = "gk_prelogin";
  static constexpr const char* kApplyCookie = "gk_apply";  // the public application form

  // Runs a route's handler with `request` as this thread's current request: the signed-in user
  // is then looked up once, pages rendered without an explicit user still show the signed-in
  // header (public pages, errors), and a user who must change their password is sent to
  // /account/password (JSON 403 PasswordChangeRequired under /api/) from every staff route.
  HttpResponse Serve(const HttpRequest& request, const std::function<HttpResponse()>& handler);
  // The server's own errors (404, 405, 500, malformed requests) as the site's error page.
  HttpResponse ErrorPage(const HttpRequest& request, int status, std::string_view code,
                         std::string_view message);

  // The signed-in user behind the request's session cookie, if any.
  std::optional<services::SignedIn> CurrentUser(const HttpRequest& request);

  // CSRF (synchronizer token): a state-changing request from a signed-in
  // user must carry the session's token, in the `_csrf` form field or the
  // X-CSRF-Token header, and any Origin header must be this host.
  // kPermissionDenied otherwise (and audited).
  Status CheckCsrf(const HttpRequest& request, const services::SignedIn& who);
  // For forms used before any session (sign-in, the public application form): the
  // double-submit cookie `cookie` must equal the `_csrf` field. `retry_zh` is the Chinese
  // message of the refusal.
  Status CheckPreLoginCsrf(
      const HttpRequest& request, const char* cookie = kPreLoginCookie,
      const std::string& retry_zh = "请求校验失败（CSRF），请刷新登录页面后重试");

  // The store's public-content generation, re-read at most once a second.
  int64_t PublicGeneration();

  // A full HTML page (inside the layout), or an error page.
  HttpResponse Page(int status, const std::string& page, const std::string& title,
                    mstch::map context, const services::SignedIn* who = nullptr);
  // One template without the layout (ViewRenderer::RenderFragment).
  Result<std::string> Fragment(const std::string& name, const mstch::map& context) const {
    return views_.RenderFragment(name, context);
  }
  // The error as JSON under /api/, else as an HTML page in the layout, with a way back.
  HttpResponse Error(const HttpRequest& request, const Status& status);
  // A public page rendered once per public generation and served as cached bytes (and their
  // cached gzip) with an ETag; rendered fresh for a signed-in user (their header).
  HttpResponse PublicPage(const HttpRequest& request, const std::string& key,
                          const std::function<Result<std::string>()>& render);
  // 401: JSON under /api/, else a redirect to the sign-in page.
  HttpResponse SignInRequired(const HttpRequest& request);

  storage::Store& store() { return store_; }
  const Clock& clock() { return clock_; }
  services::AgencyService& agencies() { return agencies_; }
  services::AccountService& accounts() { return accounts_; }
  services::ApplicationService& applications() { return applications_; }
  services::LetterService& letters() { return letters_; }
  services::LedgerService& ledger() { return ledger_; }
  services::CalendarService& calendars() { return calendars_; }
  services::UserAdminService& user_admin() { return user_admin_; }
  services::AuditService& audit() { return audit_; }
  services::SealService& seals() { return seals_; }
  services::PublicLetterService& public_letters() { return public_letters_; }
  services::ReviewService& reviews() { return reviews_; }
  // The dictionaries the review screens with (set before serving; none by default).
  void SetReviewScreening(services::ReviewScreening screening) {
    reviews_.SetScreening(std::move(screening));
  }
  // After a notice import: the new calendar for the applications (kept if it cannot be built).
  Status ReloadCalendar();
  // Failed public status look-ups per address (/status).
  LookupLimiter& lookup_limiter() { return lookup_limiter_; }
  PageCache& page_cache() { return page_cache_; }
  const WebOptions& options() const { return options_; }
  const services::SecurityOptions& security() const { return security_; }

 private:
  storage::Store& store_;
  const Clock& clock_;
  const services::SecurityOptions security_;
  const WebOptions options_;
  services::AgencyService agencies_;
  services::AccountService accounts_;
  services::CalendarService calendars_;
  services::ApplicationService applications_;
  services::LetterService letters_;
  services::UserAdminService user_admin_;
  services::AuditService audit_;
  services::SealService seals_;
  services::PublicLetterService public_letters_;
  services::LedgerService ledger_;
  services::ReviewService reviews_;
  LookupLimiter lookup_limiter_;
  ViewRenderer views_;
  PageCache page_cache_;
  std::atomic<int64_t> generation_{-1};
  std::atomic<int64_t> generation_checked_at_{-1};
};

}  // namespace gongkai::http

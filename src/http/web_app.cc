#include "http/web_app.h"

#include "account/password.h"
#include "agency/agency.h"
#include "calendar/calendar_files.h"
#include "services/audit.h"

namespace gongkai::http {

namespace {

calendar::CalendarBase BaseOrBundled(std::optional<calendar::CalendarBase> base) {
  if (base) return std::move(*base);
  auto bundled = calendar::LoadCalendarBase();
  return bundled.ok() ? std::move(bundled).value() : calendar::CalendarBase{};
}

std::shared_ptr<const calendar::WorkingDayCalendar> CalendarOrBuilt(
    std::shared_ptr<const calendar::WorkingDayCalendar> given, services::CalendarService& s) {
  if (given) return given;
  auto built = s.Build();
  return built.ok() ? std::move(built).value() : nullptr;
}

}  // namespace

WebApp::WebApp(storage::Store& store, const Clock& clock, services::SecurityOptions security,
               WebOptions options, std::shared_ptr<const calendar::WorkingDayCalendar> calendar,
               std::optional<calendar::CalendarBase> calendar_base)
    : store_(store),
      clock_(clock),
      security_(security),
      options_(std::move(options)),
      agencies_(store, clock),
      accounts_(store, clock, security),
      calendars_(store, clock, BaseOrBundled(std::move(calendar_base))),
      applications_(store, clock, CalendarOrBuilt(std::move(calendar), calendars_)),
      letters_(store, clock, applications_),
      ledger_(store, clock, applications_),
      lookup_limiter_(clock) {}

std::optional<services::SignedIn> WebApp::CurrentUser(const HttpRequest& request) {
  std::string token = request.Cookie(kSessionCookie);
  if (token.empty()) return std::nullopt;
  auto who = accounts_.Authenticate(token, request.remote_addr);
  if (!who.ok()) return std::nullopt;
  return std::move(who).value();
}

namespace {

// The request's own origin must be where the page came from.
bool OriginMatches(const HttpRequest& request) {
  const std::string* origin = request.Header("origin");
  if (origin == nullptr || *origin == "null") return origin == nullptr;
  const std::string* host = request.Header("host");
  if (host == nullptr) return false;
  return *origin == "http://" + *host || *origin == "https://" + *host;
}

std::string SubmittedCsrf(const HttpRequest& request) {
  if (const std::string* h = request.Header("x-csrf-token")) return *h;
  return request.Form("_csrf");
}

}  // namespace

Status WebApp::CheckCsrf(const HttpRequest& request, const services::SignedIn& who) {
  std::string got = SubmittedCsrf(request);
  if (OriginMatches(request) && !got.empty() &&
      account::SecretsEqual(got, who.session.csrf_token)) {
    return Status::Ok();
  }
  return services::DenyAndAudit(store_, clock_, who.actor, "csrf_rejected",
                                request.method + " " + request.path,
                                "请求校验失败（CSRF），请刷新页面后重试");
}

Status WebApp::CheckPreLoginCsrf(const HttpRequest& request, const char* cookie_name,
                                 const std::string& retry_zh) {
  std::string cookie = request.Cookie(cookie_name);
  std::string got = SubmittedCsrf(request);
  if (OriginMatches(request) && !cookie.empty() && account::SecretsEqual(cookie, got)) {
    return Status::Ok();
  }
  account::Actor anon;
  anon.remote_addr = request.remote_addr;
  return services::DenyAndAudit(store_, clock_, anon, "csrf_rejected",
                                request.method + " " + request.path, retry_zh);
}

int64_t WebApp::PublicGeneration() {
  int64_t now = clock_.NowUnixSeconds();
  if (generation_checked_at_.load() == now && generation_.load() >= 0) return generation_.load();
  auto tx = store_.Begin(storage::TxMode::kRead);
  if (tx.ok()) {
    auto g = (*tx)->site().PublicGeneration();
    if (g.ok()) {
      generation_.store(*g);
      generation_checked_at_.store(now);
    }
  }
  return generation_.load();
}

Status WebApp::ReloadCalendar() {
  GONGKAI_ASSIGN_OR_RETURN(auto cal, calendars_.Build());
  applications_.SetCalendar(std::move(cal));
  return Status::Ok();
}

HttpResponse WebApp::Page(int status, const std::string& page, const std::string& title,
                          mstch::map context, const services::SignedIn* who) {
  context["site_name"] = options_.site_name;
  if (who != nullptr) {
    context["signed_in"] = true;
    context["user_name"] =
        who->user.display_name.empty() ? who->user.username : who->user.display_name;
    context["csrf"] = who->session.csrf_token;
    auto cal = calendars_.Status();
    if (cal.ok() && !cal->warning.empty()) context["calendar_warning"] = cal->warning;
  }
  auto html = views_.RenderPage(page, title, std::move(context));
  HttpResponse r;
  r.status = status;
  if (!html.ok()) {
    r.status = 500;
    r.body = "<!doctype html><meta charset=utf-8><title>内部错误</title><p>页面模板缺失</p>";
    return r;
  }
  r.body = std::move(html).value();
  r.AddHeader("Cache-Control", "no-store");
  return r;
}

HttpResponse WebApp::Error(const HttpRequest& request, const Status& status) {
  if (IsApiRequest(request)) return JsonError(status);
  int code = HttpStatusFor(status.code());
  return Page(code, "error", "出错了",
              {{"code", std::to_string(code)}, {"message", status.UserMessage()}});
}

HttpResponse WebApp::SignInRequired(const HttpRequest& request) {
  if (IsApiRequest(request)) {
    return JsonResponse(401, {{"error", {{"code", "Unauthenticated"}, {"message", "请先登录"}}}});
  }
  return Redirect("/login");
}

}  // namespace gongkai::http

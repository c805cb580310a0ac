#include "http/web_app.h"

#include <algorithm>

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
      user_admin_(store, clock, security),
      audit_(store, clock),
      seals_(store, clock),
      public_letters_(applications_, letters_, seals_),
      ledger_(store, clock, applications_),
      reviews_(store, clock, {}),
      lookup_limiter_(clock) {}

namespace {

// The request this thread is serving (WebApp::Serve), with its signed-in user once looked up.
struct RequestScope {
  const WebApp* app = nullptr;
  const HttpRequest* request = nullptr;
  bool resolved = false;
  std::optional<services::SignedIn> who;
};
thread_local RequestScope* t_scope = nullptr;

// Makes `scope` the thread's current request for its lifetime.
class ScopeGuard {
 public:
  explicit ScopeGuard(RequestScope* scope) : outer_(t_scope) { t_scope = scope; }
  ~ScopeGuard() { t_scope = outer_; }
  ScopeGuard(const ScopeGuard&) = delete;
  ScopeGuard& operator=(const ScopeGuard&) = delete;

 private:
  RequestScope* outer_;
};

// Routes a user who must change their password may still use.
bool AllowedBeforePasswordChange(const HttpRequest& r) {
  const std::string& p = r.path;
  if (p == "/account/password" || p == "/logout" || p == "/api/v1/me" ||
      p == "/api/v1/me/password") {
    return true;
  }
  return p.rfind("/admin", 0) != 0 && p.rfind("/api/", 0) != 0;
}

// The path of a Referer on this host ("/admin/applications/3"), or "".
std::string SameSiteReferer(const HttpRequest& r) {
  const std::string* ref = r.Header("referer");
  const std::string* host = r.Header("host");
  if (ref == nullptr || host == nullptr) return "";
  for (const char* scheme : {"http://", "https://"}) {
    std::string origin = scheme + *host;
    if (ref->size() > origin.size() && ref->compare(0, origin.size(), origin) == 0 &&
        (*ref)[origin.size()] == '/') {
      std::string path = ref->substr(origin.size());
      if (path.rfind("//", 0) == 0 || path == r.target) return "";
      return path;
    }
  }
  return "";
}

}  // namespace

HttpResponse WebApp::Serve(const HttpRequest& request,
                           const std::function<HttpResponse()>& handler) {
  RequestScope scope;
  scope.app = this;
  scope.request = &request;
  ScopeGuard guard(&scope);
  if (!AllowedBeforePasswordChange(request)) {
    auto who = CurrentUser(request);
    if (who && who->user.must_change_password) {
      if (IsApiRequest(request)) {
        return JsonResponse(
            403,
            {{"error",
              {{"code", "PasswordChangeRequired"}, {"message", "请先修改管理员设定的临时密码"}}}});
      }
      return Redirect("/account/password");
    }
  }
  return handler();
}

HttpResponse WebApp::ErrorPage(const HttpRequest& request, int status, std::string_view code,
                               std::string_view message) {
  if (IsApiRequest(request) || request.path == "/api") {
    return ErrorResponse(status, request.path, code, message);
  }
  RequestScope scope;
  scope.app = this;
  scope.request = &request;
  ScopeGuard guard(&scope);
  return Page(status, "error", status == 404 ? "页面不存在" : "出错了",
              {{"code", std::to_string(status)},
               {"message", std::string(message)},
               {"not_found", status == 404},
               {"back", SameSiteReferer(request)}});
}

std::optional<services::SignedIn> WebApp::CurrentUser(const HttpRequest& request) {
  RequestScope* scope = t_scope != nullptr && t_scope->app == this && t_scope->request == &request
                            ? t_scope
                            : nullptr;
  if (scope != nullptr && scope->resolved) return scope->who;
  std::optional<services::SignedIn> out;
  std::string token = request.Cookie(kSessionCookie);
  if (!token.empty()) {
    auto who = accounts_.Authenticate(token, request.remote_addr);
    if (who.ok()) out = std::move(who).value();
  }
  if (scope != nullptr) {
    scope->resolved = true;
    scope->who = out;
  }
  return out;
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

namespace {

// "樟树市工业和信息化局", "樟工信、樟自然（等3个机构）" or "全系统": where the user works.
std::string WorkplaceOf(const services::SignedIn& who, const std::vector<agency::Agency>& all) {
  if (who.actor.IsSystemAdmin()) return "全系统";
  std::vector<std::string> names;
  for (const auto& g : who.user.grants) {
    for (const auto& a : all) {
      if (g.agency_id != a.id) continue;
      std::string n = a.short_name.empty() ? a.name : a.short_name;
      if (std::find(names.begin(), names.end(), n) == names.end()) names.push_back(n);
    }
  }
  if (names.empty()) return "";
  if (names.size() == 1) {
    for (const auto& a : all) {
      if (who.user.grants[0].agency_id == a.id) return a.name;
    }
  }
  std::string out = names[0] + "、" + names[1];
  if (names.size() > 2) out += "（等" + std::to_string(names.size()) + "个机构）";
  return out;
}

}  // namespace

HttpResponse WebApp::Page(int status, const std::string& page, const std::string& title,
                          mstch::map context, const services::SignedIn* who) {
  context["site_name"] = options_.site_name;
  std::optional<services::SignedIn> viewer;
  if (who == nullptr && t_scope != nullptr && t_scope->app == this) {
    viewer = CurrentUser(*t_scope->request);
    if (viewer) who = &*viewer;
  }
  if (who != nullptr) {
    context["signed_in"] = true;
    context["user_name"] =
        who->user.display_name.empty() ? who->user.username : who->user.display_name;
    context["csrf"] = who->session.csrf_token;
    auto all = agencies_.List();
    if (all.ok()) {
      context["user_agency"] = WorkplaceOf(*who, *all);
      auto parents = account::ParentsOf(*all);
      bool users = who->actor.IsSystemAdmin(), audit = users;
      for (const auto& a : *all) {
        users = users || account::Can(who->actor, account::Permission::kManageUsers, a.id, parents);
        audit = audit || account::Can(who->actor, account::Permission::kViewAudit, a.id, parents);
      }
      context["can_manage_users"] = users;
      context["can_view_audit"] = audit;
    }
    context["must_change_password"] = who->user.must_change_password;
    auto cal = calendars_.Status(*applications_.calendar());
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
  return Page(code, "error", code == 404 ? "页面不存在" : "出错了",
              {{"code", std::to_string(code)},
               {"message", status.UserMessage()},
               {"not_found", code == 404},
               {"back", SameSiteReferer(request)}});
}

HttpResponse WebApp::PublicPage(const HttpRequest& request, const std::string& key,
                                const std::function<Result<std::string>()>& render) {
  HttpResponse r;
  if (CurrentUser(request)) {
    auto body = render();
    if (!body.ok()) return Error(request, body.status());
    r.body = std::move(body).value();
    r.AddHeader("Cache-Control", "no-store");
    return r;
  }
  auto page = page_cache_.Get(key, PublicGeneration(), render);
  if (!page.ok()) return Error(request, page.status());
  r.shared_body = page->body;
  r.shared_gzip_body = page->gzip;
  r.AddHeader("ETag", page->etag);
  r.AddHeader("Cache-Control", "no-cache");
  return r;
}

HttpResponse WebApp::SignInRequired(const HttpRequest& request) {
  if (IsApiRequest(request)) {
    return JsonResponse(401, {{"error", {{"code", "Unauthenticated"}, {"message", "请先登录"}}}});
  }
  return Redirect("/login");
}

}  // namespace gongkai::http

// The public pages of 依申请公开: the online application form (/apply) and the status page
// (/status). No sign-in and no JavaScript; every check is the service's.
#include "account/password.h"
#include "core/text.h"
#include "http/application_codec.h"
#include "http/handlers/application_view.h"
#include "http/handlers/handlers.h"

namespace gongkai::http {

namespace {

namespace apps = applications;

// A whole form is a few KiB; 5,000 characters of description percent-encoded are ~45 KiB.
constexpr size_t kMaxApplyBodyBytes = 64 * 1024;

HttpResponse ApplyPage(const HttpRequest& req, WebApp& app, int status, const FieldFn& get,
                       const std::string& error) {
  auto agencies = app.agencies().List();
  if (!agencies.ok()) return app.Error(req, agencies.status());
  auto token = account::RandomToken();
  if (!token.ok()) return app.Error(req, token.status());
  mstch::map form = ApplicationFormContext(get, *agencies, /*staff=*/false);
  form["csrf_token"] = *token;
  form["error"] = error;
  HttpResponse r = app.Page(status, "apply", "在线申请政府信息公开", std::move(form));
  r.AddHeader("Set-Cookie",
              SetCookie(WebApp::kApplyCookie, *token, 3600, app.options().cookies, "Strict"));
  return r;
}

HttpResponse StatusPage(WebApp& app, int status, mstch::map context) {
  return app.Page(status, "status", "申请办理进度查询", std::move(context));
}

}  // namespace

HttpResponse HandleApplyForm(const HttpRequest& req, WebApp& app) {
  // Only the agency may be preset (?agency=3); nothing else is read from the URL.
  std::string agency = req.Query("agency");
  return ApplyPage(
      req, app, 200,
      [&](std::string_view name) { return name == "agency_id" ? agency : std::string(); }, "");
}

HttpResponse HandleApplySubmit(const HttpRequest& req, WebApp& app) {
  if (req.body.size() > kMaxApplyBodyBytes) {
    return app.Page(413, "error", "请求体过大",
                    {{"code", std::string("413")},
                     {"message", std::string("申请内容过长（上限 64 KiB），请精简后重新提交")}});
  }
  FieldFn get = FormFields(req);
  Status csrf = app.CheckPreLoginCsrf(req, WebApp::kApplyCookie,
                                      "请求校验失败（CSRF），请刷新申请页面后重新提交");
  if (!csrf.ok()) return ApplyPage(req, app, 403, get, csrf.UserMessage());
  auto input = InputFromFields(get);
  if (!input.ok()) {
    return ApplyPage(req, app, HttpStatusFor(input.status().code()), get,
                     input.status().UserMessage());
  }
  input->channel = apps::Channel::kOnline;
  auto done = app.applications().SubmitOnline(std::move(input).value());
  if (!done.ok()) {
    // A refused value (or an agency that no longer exists) is the form's 422.
    StatusCode c = done.status().code();
    int code =
        c == StatusCode::kInvalidArgument || c == StatusCode::kNotFound ? 422 : HttpStatusFor(c);
    return ApplyPage(req, app, code, get, done.status().UserMessage());
  }
  HttpResponse r = app.Page(200, "apply_done", "申请已提交",
                            {{"number", done->number}, {"lookup_code", done->lookup_code}});
  r.AddHeader("Set-Cookie", SetCookie(WebApp::kApplyCookie, "", 0, app.options().cookies));
  return r;
}

HttpResponse HandleStatusForm(const HttpRequest&, WebApp& app) { return StatusPage(app, 200, {}); }

HttpResponse HandleStatusLookup(const HttpRequest& req, WebApp& app) {
  std::string code = req.Form("code");
  if (!app.lookup_limiter().Allowed(req.remote_addr)) {
    return StatusPage(app, 429, {{"error", std::string("查询失败次数过多，请15分钟后再试")}});
  }
  auto view = app.applications().PublicStatus(code);
  if (!view.ok()) {
    if (view.status().code() == StatusCode::kNotFound) {
      app.lookup_limiter().RecordFailure(req.remote_addr);
    }
    std::string shown = IsCleanText(code, false) ? code.substr(0, 40) : "";
    return StatusPage(app, HttpStatusFor(view.status().code()),
                      {{"error", view.status().UserMessage()}, {"code", shown}});
  }
  return StatusPage(app, 200, {{"found", PublicStatusContext(*view)}});
}

}  // namespace gongkai::http

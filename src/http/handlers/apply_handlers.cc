// The public pages of 依申请公开: the online application form (/apply) with its receipt (回执),
// and the status page (/status) with the reply letter once served. No sign-in and no
// JavaScript; every check is the service's.
#include "account/password.h"
#include "core/text.h"
#include "http/application_codec.h"
#include "http/handlers/application_view.h"
#include "http/handlers/form_errors.h"
#include "http/handlers/handlers.h"

namespace gongkai::http {

namespace {

namespace apps = applications;

// A form without files is a few KiB; 5,000 characters of description percent-encoded are
// ~45 KiB. A form with files (multipart/form-data) is bounded by the server's upload limit and
// the attachment limits of the service.
constexpr size_t kMaxApplyBodyBytes = 64 * 1024;

constexpr const char* kDocxType =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

bool IsMultipart(const HttpRequest& req) {
  const std::string* type = req.Header("content-type");
  return type != nullptr && !MultipartBoundary(*type).empty();
}

HttpResponse ApplyPage(const HttpRequest& req, WebApp& app, int status, const FieldFn& get,
                       const std::string& error,
                       const std::vector<services::FieldError>& errors = {}) {
  auto agencies = app.agencies().List();
  if (!agencies.ok()) return app.Error(req, agencies.status());
  auto token = account::RandomToken();
  if (!token.ok()) return app.Error(req, token.status());
  mstch::map form = ApplicationFormContext(get, *agencies, /*staff=*/false);
  AddFieldErrors(errors, &form);
  form["csrf_token"] = *token;
  form["error"] = error;
  HttpResponse r = app.Page(status, "apply", "在线申请政府信息公开", std::move(form));
  r.AddHeader("Set-Cookie",
              SetCookie(WebApp::kApplyCookie, *token, 3600, app.options().cookies, "Strict"));
  return r;
}

HttpResponse StatusPage(WebApp& app, int status, mstch::map context) {
  HttpResponse r = app.Page(status, "status", "申请办理进度查询", std::move(context));
  r.AddHeader("Cache-Control", "no-store");
  return r;
}

// The receipt (回执) after a submission: what was submitted, when it was received, the due date.
mstch::map ReceiptContext(WebApp& app, const services::SubmitResult& done,
                          const services::ApplicationInput& in,
                          const std::vector<services::AttachmentInput>& files) {
  std::string agency_name;
  if (auto a = app.agencies().Get(in.agency_id); a.ok()) agency_name = a->name;
  mstch::array attachments;
  for (const auto& f : files) {
    attachments.push_back(mstch::map{{"kind", std::string(services::AttachmentKindLabel(f.kind))},
                                     {"name", f.name},
                                     {"size", services::FileSizeText(f.data.size())}});
  }
  return {{"number", done.number},
          {"lookup_code", done.lookup_code},
          {"agency_name", agency_name},
          {"applicant", in.contact.name},
          {"description", in.description},
          {"carrier", std::string(apps::CarrierLabel(in.carrier))},
          {"delivery", std::string(apps::DeliveryLabel(in.delivery))},
          {"received", done.received ? done.received->ToString() : std::string("—")},
          {"due", done.due ? done.due->ToString() : std::string("—")},
          {"due_note", done.due_note},
          {"has_attachments", !attachments.empty()},
          {"attachments", attachments}};
}

// The look-up fields of a status form: the code, or the number and the last six characters.
services::PublicCredentials CredentialsFrom(const HttpRequest& req) {
  return {.lookup_code = req.Form("code"),
          .number = req.Form("number"),
          .id_last6 = req.Form("id_last6")};
}

// What the page echoes back into its forms (so the letter buttons carry the same look-up).
mstch::map Echo(const services::PublicCredentials& c) {
  auto shown = [](const std::string& s, size_t cap) {
    return IsCleanText(s, false) ? s.substr(0, cap) : std::string();
  };
  return {{"code", shown(c.lookup_code, 40)},
          {"number_typed", shown(c.number, 100)},
          {"id_last6", shown(c.id_last6, 12)}};
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
  if (!IsMultipart(req) && req.body.size() > kMaxApplyBodyBytes) {
    return app.Page(413, "error", "请求体过大",
                    {{"code", std::string("413")},
                     {"message", std::string("申请内容过长（上限 64 KiB），请精简后重新提交")}});
  }
  FieldFn get = FormFields(req);
  Status csrf = app.CheckPreLoginCsrf(req, WebApp::kApplyCookie,
                                      "请求校验失败（CSRF），请刷新申请页面后重新提交");
  if (!csrf.ok()) return ApplyPage(req, app, 403, get, csrf.UserMessage());
  std::vector<services::FieldError> errors;
  services::ApplicationInput input = InputFromFields(get, &errors);
  std::vector<services::AttachmentInput> files = AttachmentsFrom(req, &errors);
  input.channel = apps::Channel::kOnline;
  auto done = app.applications().SubmitOnline(input, files, &errors);
  if (!done.ok()) {
    // A refused value (or an agency that no longer exists) is the form's 422.
    StatusCode c = done.status().code();
    int code =
        c == StatusCode::kInvalidArgument || c == StatusCode::kNotFound ? 422 : HttpStatusFor(c);
    return ApplyPage(req, app, code, get, errors.empty() ? done.status().UserMessage() : "",
                     errors);
  }
  HttpResponse r =
      app.Page(200, "apply_done", "申请已提交", ReceiptContext(app, *done, input, files));
  r.AddHeader("Cache-Control", "no-store");
  r.AddHeader("Set-Cookie", SetCookie(WebApp::kApplyCookie, "", 0, app.options().cookies));
  return r;
}

HttpResponse HandleStatusForm(const HttpRequest&, WebApp& app) { return StatusPage(app, 200, {}); }

HttpResponse HandleStatusLookup(const HttpRequest& req, WebApp& app) {
  services::PublicCredentials cred = CredentialsFrom(req);
  mstch::map m = Echo(cred);
  if (!app.lookup_limiter().Allowed(req.remote_addr)) {
    m["error"] = std::string("查询失败次数过多，请15分钟后再试");
    return StatusPage(app, 429, std::move(m));
  }
  auto view = app.applications().PublicLookup(cred);
  if (!view.ok()) {
    if (view.status().code() == StatusCode::kNotFound) {
      app.lookup_limiter().RecordFailure(req.remote_addr);
    }
    m["error"] = view.status().UserMessage();
    return StatusPage(app, HttpStatusFor(view.status().code()), std::move(m));
  }
  m["found"] = PublicStatusContext(*view);
  return StatusPage(app, 200, std::move(m));
}

HttpResponse HandleStatusLetter(const HttpRequest& req, WebApp& app) {
  services::PublicCredentials cred = CredentialsFrom(req);
  mstch::map m = Echo(cred);
  if (!app.lookup_limiter().Allowed(req.remote_addr)) {
    m["error"] = std::string("查询失败次数过多，请15分钟后再试");
    return StatusPage(app, 429, std::move(m));
  }
  const bool docx = req.Form("format") == "docx";
  auto letter = app.public_letters().ServedLetter(cred, docx);
  if (!letter.ok()) {
    if (letter.status().code() == StatusCode::kNotFound) {
      app.lookup_limiter().RecordFailure(req.remote_addr);
    }
    m["error"] = letter.status().UserMessage();
    return StatusPage(app, HttpStatusFor(letter.status().code()), std::move(m));
  }
  HttpResponse r;
  r.AddHeader("Cache-Control", "no-store");
  r.AddHeader("X-Content-Type-Options", "nosniff");
  r.body = std::move(letter->body);
  if (docx) {
    r.content_type = kDocxType;
    r.AddHeader("Content-Disposition", "attachment; filename=\"letter.docx\"; filename*=UTF-8''" +
                                           PercentEncode(letter->file_name));
  }
  return r;
}

}  // namespace gongkai::http

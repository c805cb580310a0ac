#include "http/response.h"

namespace gongkai::http {

int HttpStatusFor(StatusCode code) {
  switch (code) {
    case StatusCode::kOk:
      return 200;
    case StatusCode::kInvalidArgument:
      return 400;
    case StatusCode::kNotFound:
      return 404;
    case StatusCode::kAlreadyExists:
      return 409;
    case StatusCode::kFailedPrecondition:
      return 409;
    case StatusCode::kPermissionDenied:
      return 403;
    case StatusCode::kUnavailable:
      return 503;
    case StatusCode::kOutOfRange:
      return 400;
    case StatusCode::kResourceExhausted:
      return 429;
    case StatusCode::kInternal:
      return 500;
  }
  return 500;
}

HttpResponse JsonResponse(int status, const nlohmann::json& body) {
  HttpResponse r;
  r.status = status;
  r.content_type = "application/json; charset=utf-8";
  // Replace rather than throw on invalid UTF-8 that slipped into the data.
  r.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  r.body.push_back('\n');
  r.AddHeader("Cache-Control", "no-store");
  return r;
}

HttpResponse JsonError(const Status& status) {
  return JsonResponse(
      HttpStatusFor(status.code()),
      {{"error", {{"code", StatusCodeName(status.code())}, {"message", status.UserMessage()}}}});
}

HttpResponse Redirect(const std::string& location) {
  HttpResponse r;
  r.status = 303;
  r.content_type = "";
  r.AddHeader("Location", location);
  return r;
}

bool IsApiRequest(const HttpRequest& request) { return request.path.rfind("/api/", 0) == 0; }

std::string SetCookie(const std::string& name, const std::string& value, int64_t max_age_seconds,
                      const CookieOptions& options, const std::string& same_site) {
  std::string c = name + "=" + value + "; Path=/; HttpOnly; SameSite=" + same_site;
  if (max_age_seconds >= 0) c += "; Max-Age=" + std::to_string(max_age_seconds);
  if (options.secure) c += "; Secure";
  return c;
}

Result<int64_t> ParseId(std::string_view text) {
  int64_t v = 0;
  bool ok = !text.empty() && text.size() <= 15;
  for (char c : text) {
    ok = ok && c >= '0' && c <= '9';
    if (ok) v = v * 10 + (c - '0');
  }
  if (!ok || v <= 0) {
    std::string shown(text.substr(0, 20));
    return InvalidArgument("bad id '" + shown + "'", "编号“" + shown + "”无效，应为正整数");
  }
  return v;
}

}  // namespace gongkai::http

#pragma once
// Building responses: JSON, HTML pages, errors, redirects, cookies.

#include <nlohmann/json.hpp>
#include <string>

#include "core/result.h"
#include "http/server.h"

namespace gongkai::http {

// The one mapping from StatusCode to HTTP status (STYLE.md §3.3).
int HttpStatusFor(StatusCode code);

HttpResponse JsonResponse(int status, const nlohmann::json& body);
// {"error": {"code": "InvalidArgument", "message": "<Chinese>"}} with HttpStatusFor.
HttpResponse JsonError(const Status& status);
HttpResponse Redirect(const std::string& location);  // 303 See Other

// True for requests whose answers are JSON (/api/…).
bool IsApiRequest(const HttpRequest& request);

struct CookieOptions {
  bool secure = false;  // add Secure (behind TLS)
};
// "name=value; Path=/; HttpOnly; SameSite=Lax[; Secure][; Max-Age=N]".
std::string SetCookie(const std::string& name, const std::string& value, int64_t max_age_seconds,
                      const CookieOptions& options, const std::string& same_site = "Lax");

// A positive decimal id ("42"); kInvalidArgument naming the text otherwise.
Result<int64_t> ParseId(std::string_view text);

}  // namespace gongkai::http

// Every route of gongkai's site and API, in one place.
#include "http/handlers/handlers.h"
#include "http/web_app.h"

namespace gongkai::http {

Router WebApp::MakeRouter() {
  Router r;
  auto bind = [this](HttpResponse (*fn)(const HttpRequest&, WebApp&)) {
    return [this, fn](const HttpRequest& req) { return fn(req, *this); };
  };
  r.Add("GET", "/healthz", bind(HandleHealthz));
  r.Add("GET", "/", bind(HandleHome));
  r.Add("GET", "/login", bind(HandleLoginForm));
  r.Add("POST", "/login", bind(HandleLogin));
  r.Add("POST", "/logout", bind(HandleLogout));
  r.Add("GET", "/admin", bind(HandleAdminHome));
  r.Add("POST", "/admin/agencies", bind(HandleAdminCreateAgency));
  r.Add("POST", "/admin/agencies/{id}", bind(HandleAdminUpdateAgency));
  r.Add("GET", "/admin/audit", bind(HandleAdminAudit));

  r.Add("GET", "/api/v1/agencies", bind(HandleApiListAgencies));
  r.Add("POST", "/api/v1/agencies", bind(HandleApiCreateAgency));
  r.Add("GET", "/api/v1/agencies/{id}", bind(HandleApiGetAgency));
  r.Add("PUT", "/api/v1/agencies/{id}", bind(HandleApiUpdateAgency));
  r.Add("POST", "/api/v1/session", bind(HandleApiLogin));
  r.Add("GET", "/api/v1/me", bind(HandleApiMe));
  return r;
}

}  // namespace gongkai::http

#pragma once
// Every handler of the site and the API. Each validates its input, calls one
// service method, and renders JSON or a page. Routes: http/routes.cc.

#include "http/server.h"
#include "http/web_app.h"

namespace gongkai::http {

// Public (no sign-in).
HttpResponse HandleHealthz(const HttpRequest& req, WebApp& app);
HttpResponse HandleHome(const HttpRequest& req, WebApp& app);
HttpResponse HandleApiListAgencies(const HttpRequest& req, WebApp& app);
HttpResponse HandleApiGetAgency(const HttpRequest& req, WebApp& app);

// Signing in and out.
HttpResponse HandleLoginForm(const HttpRequest& req, WebApp& app);
HttpResponse HandleLogin(const HttpRequest& req, WebApp& app);
HttpResponse HandleLogout(const HttpRequest& req, WebApp& app);
HttpResponse HandleApiLogin(const HttpRequest& req, WebApp& app);
HttpResponse HandleApiMe(const HttpRequest& req, WebApp& app);

// Administration (signed in; authorization in the services).
HttpResponse HandleAdminHome(const HttpRequest& req, WebApp& app);
HttpResponse HandleAdminCreateAgency(const HttpRequest& req, WebApp& app);
HttpResponse HandleAdminUpdateAgency(const HttpRequest& req, WebApp& app);
HttpResponse HandleAdminAudit(const HttpRequest& req, WebApp& app);
HttpResponse HandleApiCreateAgency(const HttpRequest& req, WebApp& app);
HttpResponse HandleApiUpdateAgency(const HttpRequest& req, WebApp& app);

}  // namespace gongkai::http

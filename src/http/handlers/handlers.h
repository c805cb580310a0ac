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

// 依申请公开, public: the online form and the status page (apply_handlers.cc).
HttpResponse HandleApplyForm(const HttpRequest& req, WebApp& app);
HttpResponse HandleApplySubmit(const HttpRequest& req, WebApp& app);
HttpResponse HandleStatusForm(const HttpRequest& req, WebApp& app);
HttpResponse HandleStatusLookup(const HttpRequest& req, WebApp& app);

// 依申请公开, staff pages (application_pages.cc).
HttpResponse HandleAdminApplications(const HttpRequest& req, WebApp& app);
HttpResponse HandleAdminApplicationForm(const HttpRequest& req, WebApp& app);
HttpResponse HandleAdminRegisterApplication(const HttpRequest& req, WebApp& app);
HttpResponse HandleAdminApplication(const HttpRequest& req, WebApp& app);
HttpResponse HandleAdminApplicationTables(const HttpRequest& req, WebApp& app);
HttpResponse HandleAdminRecordEvent(const HttpRequest& req, WebApp& app);

// The 工作台, the 台账 with its exports, and the city table (ledger_pages.cc).
HttpResponse HandleAdminWorkbench(const HttpRequest& req, WebApp& app);
HttpResponse HandleAdminLedger(const HttpRequest& req, WebApp& app);
HttpResponse HandleAdminLedgerCsv(const HttpRequest& req, WebApp& app);
HttpResponse HandleAdminLedgerXlsx(const HttpRequest& req, WebApp& app);
HttpResponse HandleApiWorkbench(const HttpRequest& req, WebApp& app);
HttpResponse HandleApiLedger(const HttpRequest& req, WebApp& app);
HttpResponse HandleApiLedgerExport(const HttpRequest& req, WebApp& app);
HttpResponse HandleApiCityTable(const HttpRequest& req, WebApp& app);

// The working-day calendar and the import of holiday notices (calendar_pages.cc).
HttpResponse HandleAdminCalendar(const HttpRequest& req, WebApp& app);
HttpResponse HandleAdminCalendarPreview(const HttpRequest& req, WebApp& app);
HttpResponse HandleAdminCalendarImport(const HttpRequest& req, WebApp& app);

// Reply letters (letter_handlers.cc): the printable page, the DOCX, and the API.
HttpResponse HandleLetterHtml(const HttpRequest& req, WebApp& app);
HttpResponse HandleLetterDocx(const HttpRequest& req, WebApp& app);
HttpResponse HandleApiLetter(const HttpRequest& req, WebApp& app);

// 依申请公开, JSON API (application_api.cc).
HttpResponse HandleApiListApplications(const HttpRequest& req, WebApp& app);
HttpResponse HandleApiApplicationQueue(const HttpRequest& req, WebApp& app);
HttpResponse HandleApiRegisterApplication(const HttpRequest& req, WebApp& app);
HttpResponse HandleApiMonthlyCount(const HttpRequest& req, WebApp& app);
HttpResponse HandleApiApplicationTables(const HttpRequest& req, WebApp& app);
HttpResponse HandleApiFindApplication(const HttpRequest& req, WebApp& app);
HttpResponse HandleApiGetApplication(const HttpRequest& req, WebApp& app);
HttpResponse HandleApiRecordEvent(const HttpRequest& req, WebApp& app);
HttpResponse HandleApiApplicationDuplicates(const HttpRequest& req, WebApp& app);
HttpResponse HandleApiAddCase(const HttpRequest& req, WebApp& app);
HttpResponse HandleApiUpdateCase(const HttpRequest& req, WebApp& app);
HttpResponse HandleApiRecordFiling(const HttpRequest& req, WebApp& app);

}  // namespace gongkai::http

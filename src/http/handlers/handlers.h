#pragma once
// Every handler of the site and the API. Each validates its input, calls one
// service method, and renders JSON or a page. Routes: http/routes.cc.

#include <functional>
#include <nlohmann/json.hpp>

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

// A JSON API state change: sign-in, CSRF, a JSON body, then `change`, whose result is sent
// with `ok_status` (admin_handlers.cc).
HttpResponse ApiAction(const HttpRequest& req, WebApp& app,
                       const std::function<Result<nlohmann::json>(const services::SignedIn&,
                                                                  const nlohmann::json&)>& change,
                       int ok_status);

// The review workflow's JSON API (review_api.cc).
HttpResponse HandleApiItemReview(const HttpRequest& req, WebApp& app);
HttpResponse HandleApiItemRegister(const HttpRequest& req, WebApp& app);
HttpResponse HandleApiReviewQueue(const HttpRequest& req, WebApp& app);
HttpResponse HandleApiItemSubmit(const HttpRequest& req, WebApp& app);
HttpResponse HandleApiItemDecide(const HttpRequest& req, WebApp& app);
HttpResponse HandleApiItemWithdraw(const HttpRequest& req, WebApp& app);
HttpResponse HandleApiItemSchedule(const HttpRequest& req, WebApp& app);

// Administration (signed in; authorization in the services).
HttpResponse HandleAdminHome(const HttpRequest& req, WebApp& app);
HttpResponse HandleAdminCreateAgency(const HttpRequest& req, WebApp& app);
HttpResponse HandleAdminUpdateAgency(const HttpRequest& req, WebApp& app);
HttpResponse HandleApiCreateAgency(const HttpRequest& req, WebApp& app);
HttpResponse HandleApiUpdateAgency(const HttpRequest& req, WebApp& app);

// The audit log in Chinese, filtered and paged (audit_handlers.cc).
HttpResponse HandleAdminAudit(const HttpRequest& req, WebApp& app);
HttpResponse HandleApiAudit(const HttpRequest& req, WebApp& app);

// Users (user_pages.cc, user_api.cc) and one's own password.
HttpResponse HandleAdminUsers(const HttpRequest& req, WebApp& app);
HttpResponse HandleAdminAddUser(const HttpRequest& req, WebApp& app);
HttpResponse HandleAdminUser(const HttpRequest& req, WebApp& app);
HttpResponse HandleAdminGrantRole(const HttpRequest& req, WebApp& app);
HttpResponse HandleAdminRevokeRole(const HttpRequest& req, WebApp& app);
HttpResponse HandleAdminDisableUser(const HttpRequest& req, WebApp& app);
HttpResponse HandleAdminEnableUser(const HttpRequest& req, WebApp& app);
HttpResponse HandleAdminResetPassword(const HttpRequest& req, WebApp& app);
HttpResponse HandleAdminUnlockUser(const HttpRequest& req, WebApp& app);
HttpResponse HandlePasswordForm(const HttpRequest& req, WebApp& app);
HttpResponse HandlePasswordChange(const HttpRequest& req, WebApp& app);
HttpResponse HandleApiListUsers(const HttpRequest& req, WebApp& app);
HttpResponse HandleApiAddUser(const HttpRequest& req, WebApp& app);
HttpResponse HandleApiGetUser(const HttpRequest& req, WebApp& app);
HttpResponse HandleApiGrantRole(const HttpRequest& req, WebApp& app);
HttpResponse HandleApiRevokeRole(const HttpRequest& req, WebApp& app);
HttpResponse HandleApiDisableUser(const HttpRequest& req, WebApp& app);
HttpResponse HandleApiEnableUser(const HttpRequest& req, WebApp& app);
HttpResponse HandleApiResetPassword(const HttpRequest& req, WebApp& app);
HttpResponse HandleApiUnlockUser(const HttpRequest& req, WebApp& app);
HttpResponse HandleApiChangePassword(const HttpRequest& req, WebApp& app);

// 依申请公开, public: the online form and the status page (apply_handlers.cc).
HttpResponse HandleApplyForm(const HttpRequest& req, WebApp& app);
HttpResponse HandleApplySubmit(const HttpRequest& req, WebApp& app);
HttpResponse HandleStatusForm(const HttpRequest& req, WebApp& app);
HttpResponse HandleStatusLookup(const HttpRequest& req, WebApp& app);
// The served reply letter (POST with the same look-up as /status): HTML or DOCX.
HttpResponse HandleStatusLetter(const HttpRequest& req, WebApp& app);

// 依申请公开, staff pages (application_pages.cc).
HttpResponse HandleAdminApplications(const HttpRequest& req, WebApp& app);
HttpResponse HandleAdminApplicationForm(const HttpRequest& req, WebApp& app);
HttpResponse HandleAdminRegisterApplication(const HttpRequest& req, WebApp& app);
HttpResponse HandleAdminApplication(const HttpRequest& req, WebApp& app);
HttpResponse HandleAdminApplicationTables(const HttpRequest& req, WebApp& app);
HttpResponse HandleAdminRecordEvent(const HttpRequest& req, WebApp& app);
// One attachment of an application, as a download (upload_pages.cc).
HttpResponse HandleAdminAttachment(const HttpRequest& req, WebApp& app);
// The agency's 依申请公开专用章: the page, the image, upload and removal (upload_pages.cc).
HttpResponse HandleAdminSeal(const HttpRequest& req, WebApp& app);
HttpResponse HandleAdminSealImage(const HttpRequest& req, WebApp& app);
HttpResponse HandleAdminSealUpload(const HttpRequest& req, WebApp& app);
HttpResponse HandleAdminSealRemove(const HttpRequest& req, WebApp& app);

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
HttpResponse HandleLetterDate(const HttpRequest& req, WebApp& app);  // POST, the 成文日期 form
HttpResponse HandleApiLetterDate(const HttpRequest& req, WebApp& app);  // POST {"date": …}

// 依申请公开, JSON API (application_api.cc).
HttpResponse HandleApiListApplications(const HttpRequest& req, WebApp& app);
HttpResponse HandleApiApplicationQueue(const HttpRequest& req, WebApp& app);
HttpResponse HandleApiRegisterApplication(const HttpRequest& req, WebApp& app);
HttpResponse HandleApiMonthlyCount(const HttpRequest& req, WebApp& app);
HttpResponse HandleApiApplicationTables(const HttpRequest& req, WebApp& app);
HttpResponse HandleApiGetApprovalChain(const HttpRequest& req, WebApp& app);
HttpResponse HandleAdminSetApprovalChain(const HttpRequest& req, WebApp& app);
HttpResponse HandleApiSetApprovalChain(const HttpRequest& req, WebApp& app);
HttpResponse HandleApiFindApplication(const HttpRequest& req, WebApp& app);
HttpResponse HandleApiGetApplication(const HttpRequest& req, WebApp& app);
HttpResponse HandleApiRecordEvent(const HttpRequest& req, WebApp& app);
HttpResponse HandleApiApplicationDuplicates(const HttpRequest& req, WebApp& app);
HttpResponse HandleApiAddCase(const HttpRequest& req, WebApp& app);
HttpResponse HandleApiUpdateCase(const HttpRequest& req, WebApp& app);
HttpResponse HandleApiRecordFiling(const HttpRequest& req, WebApp& app);

}  // namespace gongkai::http

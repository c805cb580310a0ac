// Every route of gongkai's site and API, in one place.
#include "http/handlers/catalog_handlers.h"
#include "http/handlers/handlers.h"
#include "http/web_app.h"

namespace gongkai::http {

Router WebApp::MakeRouter() {
  Router r;
  auto bind = [this](HttpResponse (*fn)(const HttpRequest&, WebApp&)) {
    return
        [this, fn](const HttpRequest& req) { return Serve(req, [&] { return fn(req, *this); }); };
  };
  r.SetErrorPage(
      [this](const HttpRequest& req, int status, std::string_view code, std::string_view message) {
        return ErrorPage(req, status, code, message);
      });
  r.Add("GET", "/healthz", bind(HandleHealthz));
  r.Add("GET", "/", bind(HandleHome));
  r.Add("GET", "/login", bind(HandleLoginForm));
  r.Add("POST", "/login", bind(HandleLogin));
  r.Add("POST", "/logout", bind(HandleLogout));
  r.Add("GET", "/admin", bind(HandleAdminHome));
  r.Add("POST", "/admin/agencies", bind(HandleAdminCreateAgency));
  r.Add("POST", "/admin/agencies/{id}", bind(HandleAdminUpdateAgency));
  r.Add("POST", "/admin/agencies/{id}/approval-chain", bind(HandleAdminSetApprovalChain));
  r.Add("GET", "/admin/audit", bind(HandleAdminAudit));
  r.Add("GET", "/admin/users", bind(HandleAdminUsers));
  r.Add("POST", "/admin/users", bind(HandleAdminAddUser));
  r.Add("GET", "/admin/users/{id}", bind(HandleAdminUser));
  r.Add("POST", "/admin/users/{id}/roles", bind(HandleAdminGrantRole));
  r.Add("POST", "/admin/users/{id}/roles/revoke", bind(HandleAdminRevokeRole));
  r.Add("POST", "/admin/users/{id}/disable", bind(HandleAdminDisableUser));
  r.Add("POST", "/admin/users/{id}/enable", bind(HandleAdminEnableUser));
  r.Add("POST", "/admin/users/{id}/password", bind(HandleAdminResetPassword));
  r.Add("POST", "/admin/users/{id}/unlock", bind(HandleAdminUnlockUser));
  r.Add("GET", "/account/password", bind(HandlePasswordForm));
  r.Add("POST", "/account/password", bind(HandlePasswordChange));
  r.Add("GET", "/admin/workbench", bind(HandleAdminWorkbench));
  r.Add("GET", "/admin/calendar", bind(HandleAdminCalendar));
  r.Add("POST", "/admin/calendar/preview", bind(HandleAdminCalendarPreview));
  r.Add("POST", "/admin/calendar/import", bind(HandleAdminCalendarImport));

  r.Add("GET", "/apply", bind(HandleApplyForm));
  r.Add("POST", "/apply", bind(HandleApplySubmit));
  r.Add("GET", "/status", bind(HandleStatusForm));
  r.Add("POST", "/status", bind(HandleStatusLookup));
  r.Add("POST", "/status/letter", bind(HandleStatusLetter));
  r.Add("GET", "/admin/applications", bind(HandleAdminApplications));
  r.Add("POST", "/admin/applications", bind(HandleAdminRegisterApplication));
  r.Add("GET", "/admin/applications/new", bind(HandleAdminApplicationForm));
  r.Add("GET", "/admin/applications/tables", bind(HandleAdminApplicationTables));
  r.Add("GET", "/admin/applications/ledger", bind(HandleAdminLedger));
  r.Add("GET", "/admin/applications/ledger.csv", bind(HandleAdminLedgerCsv));
  r.Add("GET", "/admin/applications/ledger.xlsx", bind(HandleAdminLedgerXlsx));
  r.Add("GET", "/admin/applications/{id}", bind(HandleAdminApplication));
  r.Add("POST", "/admin/applications/{id}/events", bind(HandleAdminRecordEvent));
  r.Add("GET", "/admin/applications/{id}/letters/{kind}", bind(HandleLetterHtml));
  r.Add("GET", "/admin/applications/{id}/letters/{kind}/docx", bind(HandleLetterDocx));
  r.Add("POST", "/admin/applications/{id}/letters/{kind}/date", bind(HandleLetterDate));
  r.Add("GET", "/admin/applications/{id}/attachments/{attachment}", bind(HandleAdminAttachment));
  r.Add("GET", "/admin/agencies/{id}/seal", bind(HandleAdminSeal));
  r.Add("GET", "/admin/agencies/{id}/seal.png", bind(HandleAdminSealImage));
  r.Add("POST", "/admin/agencies/{id}/seal", bind(HandleAdminSealUpload));
  r.Add("POST", "/admin/agencies/{id}/seal/remove", bind(HandleAdminSealRemove));

  r.Add("GET", "/api/v1/agencies", bind(HandleApiListAgencies));
  r.Add("POST", "/api/v1/agencies", bind(HandleApiCreateAgency));
  r.Add("GET", "/api/v1/agencies/{id}", bind(HandleApiGetAgency));
  r.Add("PUT", "/api/v1/agencies/{id}", bind(HandleApiUpdateAgency));
  r.Add("POST", "/api/v1/session", bind(HandleApiLogin));
  r.Add("GET", "/api/v1/me", bind(HandleApiMe));
  r.Add("POST", "/api/v1/me/password", bind(HandleApiChangePassword));
  r.Add("GET", "/api/v1/users", bind(HandleApiListUsers));
  r.Add("POST", "/api/v1/users", bind(HandleApiAddUser));
  r.Add("GET", "/api/v1/users/{id}", bind(HandleApiGetUser));
  r.Add("POST", "/api/v1/users/{id}/roles", bind(HandleApiGrantRole));
  r.Add("POST", "/api/v1/users/{id}/roles/revoke", bind(HandleApiRevokeRole));
  r.Add("POST", "/api/v1/users/{id}/disable", bind(HandleApiDisableUser));
  r.Add("POST", "/api/v1/users/{id}/enable", bind(HandleApiEnableUser));
  r.Add("POST", "/api/v1/users/{id}/password", bind(HandleApiResetPassword));
  r.Add("POST", "/api/v1/users/{id}/unlock", bind(HandleApiUnlockUser));
  r.Add("GET", "/api/v1/audit", bind(HandleApiAudit));
  r.Add("GET", "/api/v1/items/{id}/review", bind(HandleApiItemReview));
  r.Add("GET", "/api/v1/items/{id}/register", bind(HandleApiItemRegister));
  r.Add("POST", "/api/v1/items/{id}/submit", bind(HandleApiItemSubmit));
  r.Add("POST", "/api/v1/items/{id}/review", bind(HandleApiItemDecide));
  r.Add("POST", "/api/v1/items/{id}/withdraw", bind(HandleApiItemWithdraw));
  r.Add("POST", "/api/v1/items/{id}/schedule", bind(HandleApiItemSchedule));
  r.Add("GET", "/api/v1/agencies/{id}/review-queue", bind(HandleApiReviewQueue));

  r.Add("GET", "/api/v1/agencies/{id}/applications", bind(HandleApiListApplications));
  r.Add("POST", "/api/v1/agencies/{id}/applications", bind(HandleApiRegisterApplication));
  r.Add("GET", "/api/v1/agencies/{id}/applications/queue", bind(HandleApiApplicationQueue));
  r.Add("GET", "/api/v1/agencies/{id}/applications/monthly-count", bind(HandleApiMonthlyCount));
  r.Add("GET", "/api/v1/agencies/{id}/tables/{year}", bind(HandleApiApplicationTables));
  r.Add("GET", "/api/v1/agencies/{id}/approval-chain", bind(HandleApiGetApprovalChain));
  r.Add("PUT", "/api/v1/agencies/{id}/approval-chain", bind(HandleApiSetApprovalChain));
  r.Add("GET", "/api/v1/agencies/{id}/workbench", bind(HandleApiWorkbench));
  r.Add("GET", "/api/v1/agencies/{id}/ledger", bind(HandleApiLedger));
  r.Add("GET", "/api/v1/agencies/{id}/ledger/export", bind(HandleApiLedgerExport));
  r.Add("GET", "/api/v1/agencies/{id}/city-table", bind(HandleApiCityTable));
  r.Add("GET", "/api/v1/applications", bind(HandleApiFindApplication));
  r.Add("GET", "/api/v1/applications/{id}", bind(HandleApiGetApplication));
  r.Add("POST", "/api/v1/applications/{id}/events", bind(HandleApiRecordEvent));
  r.Add("GET", "/api/v1/applications/{id}/duplicates", bind(HandleApiApplicationDuplicates));
  r.Add("POST", "/api/v1/applications/{id}/cases", bind(HandleApiAddCase));
  r.Add("PUT", "/api/v1/applications/{id}/cases/{case_id}", bind(HandleApiUpdateCase));
  r.Add("POST", "/api/v1/applications/{id}/filing", bind(HandleApiRecordFiling));
  r.Add("GET", "/api/v1/applications/{id}/letters/{kind}", bind(HandleApiLetter));
  r.Add("POST", "/api/v1/applications/{id}/letters/{kind}/date", bind(HandleApiLetterDate));

  // The disclosure catalog, staff side (catalog_pages.cc, item_pages.cc) and API (catalog_api.cc).
  r.Add("GET", "/admin/catalog", bind(HandleAdminCatalog));
  r.Add("GET", "/admin/catalog/{id}", bind(HandleAdminColumnItems));
  r.Add("POST", "/admin/columns", bind(HandleAdminAddColumn));
  r.Add("POST", "/admin/columns/{id}", bind(HandleAdminEditColumn));
  r.Add("POST", "/admin/columns/{id}/move", bind(HandleAdminMoveColumn));
  r.Add("POST", "/admin/columns/{id}/delete", bind(HandleAdminDeleteColumn));
  r.Add("POST", "/admin/index-pattern", bind(HandleAdminIndexPattern));
  r.Add("GET", "/admin/items", bind(HandleAdminItems));
  r.Add("POST", "/admin/items", bind(HandleAdminCreateItem));
  r.Add("GET", "/admin/items/new", bind(HandleAdminItemForm));
  r.Add("GET", "/admin/items/{id}", bind(HandleAdminItem));
  r.Add("POST", "/admin/items/{id}", bind(HandleAdminSaveItem));
  r.Add("GET", "/admin/items/{id}/edit", bind(HandleAdminItemEditForm));
  r.Add("GET", "/admin/items/{id}/files/{sha256}", bind(HandleAdminItemFile));
  r.Add("POST", "/admin/items/{id}/validity", bind(HandleAdminItemValidity));
  r.Add("POST", "/admin/items/{id}/links", bind(HandleAdminItemLink));
  r.Add("POST", "/admin/items/{id}/links/remove", bind(HandleAdminItemUnlink));
  r.Add("GET", "/static/editor.js", bind(HandleEditorScript));
  r.Add("GET", "/api/v1/agencies/{id}/columns", bind(HandleApiListColumns));
  r.Add("POST", "/api/v1/agencies/{id}/columns", bind(HandleApiAddColumn));
  r.Add("PATCH", "/api/v1/columns/{id}", bind(HandleApiUpdateColumn));
  r.Add("DELETE", "/api/v1/columns/{id}", bind(HandleApiDeleteColumn));
  r.Add("POST", "/api/v1/items", bind(HandleApiCreateItem));
  r.Add("GET", "/api/v1/items", bind(HandleApiListItems));
  r.Add("GET", "/api/v1/items/{id}", bind(HandleApiGetItem));
  r.Add("PUT", "/api/v1/items/{id}", bind(HandleApiSaveItem));
  r.Add("GET", "/api/v1/items/{id}/revisions", bind(HandleApiItemRevisions));
  return r;
}

}  // namespace gongkai::http

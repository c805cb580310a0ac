#pragma once
// The disclosure catalog's handlers (catalog_pages.cc, item_pages.cc, catalog_api.cc), and the
// download response they share with upload_pages.cc. Routes: http/routes.cc.

#include <string>

#include "http/server.h"
#include "http/web_app.h"
#include "services/catalog_service.h"

namespace gongkai::http {

// The catalog service over the app's store and clock (it holds no state of its own).
inline services::CatalogService CatalogOf(WebApp& app) {
  return services::CatalogService(app.store(), app.clock());
}

// A stored file as a download, never rendered by the browser as a page: Content-Disposition
// attachment with the name in RFC 5987 form (Chinese names), nosniff, no caching.
HttpResponse DownloadResponse(std::string mime, std::string name, std::string data);

// The catalog's column tree and 索引号 pattern (catalog_pages.cc).
HttpResponse HandleAdminCatalog(const HttpRequest& req, WebApp& app);
HttpResponse HandleAdminAddColumn(const HttpRequest& req, WebApp& app);
HttpResponse HandleAdminEditColumn(const HttpRequest& req, WebApp& app);
HttpResponse HandleAdminMoveColumn(const HttpRequest& req, WebApp& app);
HttpResponse HandleAdminDeleteColumn(const HttpRequest& req, WebApp& app);
HttpResponse HandleAdminIndexPattern(const HttpRequest& req, WebApp& app);
HttpResponse HandleAdminColumnItems(const HttpRequest& req, WebApp& app);

// The catalog's items: drafts, the editor, the item page (item_pages.cc).
HttpResponse HandleAdminItems(const HttpRequest& req, WebApp& app);
HttpResponse HandleAdminItemForm(const HttpRequest& req, WebApp& app);
HttpResponse HandleAdminCreateItem(const HttpRequest& req, WebApp& app);
HttpResponse HandleAdminItem(const HttpRequest& req, WebApp& app);
HttpResponse HandleAdminItemEditForm(const HttpRequest& req, WebApp& app);
HttpResponse HandleAdminSaveItem(const HttpRequest& req, WebApp& app);
HttpResponse HandleAdminItemFile(const HttpRequest& req, WebApp& app);
HttpResponse HandleAdminItemValidity(const HttpRequest& req, WebApp& app);
HttpResponse HandleAdminItemLink(const HttpRequest& req, WebApp& app);
HttpResponse HandleAdminItemUnlink(const HttpRequest& req, WebApp& app);
HttpResponse HandleEditorScript(const HttpRequest& req, WebApp& app);  // /static/editor.js

// The catalog's JSON API (catalog_api.cc).
HttpResponse HandleApiListColumns(const HttpRequest& req, WebApp& app);
HttpResponse HandleApiAddColumn(const HttpRequest& req, WebApp& app);
HttpResponse HandleApiUpdateColumn(const HttpRequest& req, WebApp& app);
HttpResponse HandleApiDeleteColumn(const HttpRequest& req, WebApp& app);
HttpResponse HandleApiCreateItem(const HttpRequest& req, WebApp& app);
HttpResponse HandleApiListItems(const HttpRequest& req, WebApp& app);
HttpResponse HandleApiGetItem(const HttpRequest& req, WebApp& app);
HttpResponse HandleApiSaveItem(const HttpRequest& req, WebApp& app);
HttpResponse HandleApiItemRevisions(const HttpRequest& req, WebApp& app);

}  // namespace gongkai::http

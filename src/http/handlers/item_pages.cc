// The catalog's items on the staff side: my drafts (/admin/items?mine=1), the editor
// (/admin/items/new, /admin/items/{id}/edit) with the conflict page, the item page with its
// attachments, links, 有效性 and history, and the editor's script. Each POST is CSRF-checked and
// calls one catalog service method; authorization is the service's.
#include "http/handlers/application_view.h"
#include "http/handlers/catalog_handlers.h"
#include "http/handlers/handlers.h"
#include "http/handlers/item_view.h"

namespace gongkai::http {

namespace {

using services::FieldError;
using services::SignedIn;

int StatusOf(const Status& s) {
  return s.code() == StatusCode::kInvalidArgument ? 422 : HttpStatusFor(s.code());
}

// The editor form (new when `item` is 0), with the values of `get` and the errors beside their
// fields; `conflict` adds the latest saved version beside the caller's text.
HttpResponse EditorPage(const HttpRequest& req, WebApp& app, const SignedIn& who,
                        agency::AgencyId agency, catalog::ItemId item, int status,
                        const FieldFn& get, const std::vector<catalog::FileRef>& files,
                        const std::vector<FieldError>& errors,
                        const services::ItemView* conflict = nullptr) {
  auto columns = CatalogOf(app).Columns(who.actor, agency);
  if (!columns.ok()) return app.Error(req, columns.status());
  mstch::map m = ItemFormContext(get, *columns, item, files);
  AddItemFieldErrors(errors, &m);
  m["csrf"] = who.session.csrf_token;
  m["is_new"] = item == 0;
  m["id"] = std::to_string(item);
  m["action"] = item == 0 ? std::string("/admin/items") : "/admin/items/" + std::to_string(item);
  if (conflict != nullptr) {
    const catalog::Revision& latest = conflict->latest;
    m["conflict"] = true;
    m["mine_title"] = get("title");
    m["mine_body"] = get("body");
    m["latest_number"] = std::to_string(latest.number);
    m["latest_author"] = latest.author;
    m["latest_time"] = FormatChinaTime(latest.created_at);
    m["latest_title"] = latest.content.title;
    m["latest_body"] = latest.body_text;
    m["latest_note"] = latest.note;
  }
  std::string title = item == 0 ? "新建信息" : "编辑信息 #" + std::to_string(item);
  return app.Page(status, "item_form", title, std::move(m), &who);
}

HttpResponse ItemPage(const HttpRequest& req, WebApp& app, const SignedIn& who, catalog::ItemId id,
                      int status, const std::string& notice, const std::string& error) {
  auto view = CatalogOf(app).Get(who.actor, id);
  if (!view.ok()) return app.Error(req, view.status());
  auto history = CatalogOf(app).History(who.actor, id);
  if (!history.ok()) return app.Error(req, history.status());
  mstch::map m = ItemPageContext(*view, *history);
  m["csrf"] = who.session.csrf_token;
  m["notice"] = notice;
  m["error"] = error;
  return app.Page(status, "item", view->latest.content.title, std::move(m), &who);
}

// Sign-in, CSRF and the item id of the path, then `change`; the item page with the outcome.
HttpResponse ItemAction(const HttpRequest& req, WebApp& app,
                        const std::function<Status(const SignedIn&, catalog::ItemId)>& change,
                        const std::string& done) {
  auto who = app.CurrentUser(req);
  if (!who) return app.SignInRequired(req);
  Status csrf = app.CheckCsrf(req, *who);
  if (!csrf.ok()) return app.Error(req, csrf);
  auto id = ParseId(req.PathParam("id"));
  if (!id.ok()) return app.Error(req, id.status());
  Status s = change(*who, *id);
  if (!s.ok()) {
    if (s.code() == StatusCode::kPermissionDenied || s.code() == StatusCode::kNotFound) {
      return app.Error(req, s);
    }
    return ItemPage(req, app, *who, *id, StatusOf(s), "", s.UserMessage());
  }
  return ItemPage(req, app, *who, *id, 200, done, "");
}

Result<std::optional<Date>> OptionalDate(const std::string& text) {
  if (text.empty()) return std::optional<Date>();
  GONGKAI_ASSIGN_OR_RETURN(Date d, Date::Parse(text));
  return std::optional<Date>(d);
}

Result<std::optional<catalog::ItemId>> OptionalId(const std::string& text) {
  if (text.empty()) return std::optional<catalog::ItemId>();
  GONGKAI_ASSIGN_OR_RETURN(int64_t id, ParseId(text));
  return std::optional<catalog::ItemId>(id);
}

Result<catalog::ItemLink> LinkFrom(const HttpRequest& req, catalog::ItemId id) {
  GONGKAI_ASSIGN_OR_RETURN(catalog::LinkKind kind, catalog::ParseLinkKind(req.Form("kind")));
  GONGKAI_ASSIGN_OR_RETURN(int64_t other, ParseId(req.Form("other")));
  // "from" on the form: this item is the 解读/the amending document; else the other one is.
  if (req.Form("direction") == "to") return catalog::ItemLink{other, kind, id};
  return catalog::ItemLink{id, kind, other};
}

// Adds (or with `remove` takes away) the link of the form.
HttpResponse LinkAction(const HttpRequest& req, WebApp& app, bool remove) {
  return ItemAction(
      req, app,
      [&](const SignedIn& who, catalog::ItemId id) -> Status {
        GONGKAI_ASSIGN_OR_RETURN(catalog::ItemLink link, LinkFrom(req, id));
        return remove ? CatalogOf(app).Unlink(who.actor, link)
                      : CatalogOf(app).Link(who.actor, link);
      },
      remove ? "已取消关联" : "已添加关联");
}

}  // namespace

HttpResponse HandleAdminItems(const HttpRequest& req, WebApp& app) {
  auto who = app.CurrentUser(req);
  if (!who) return app.SignInRequired(req);
  auto all = app.agencies().List();
  if (!all.ok()) return app.Error(req, all.status());
  AgencyChoice choice = ChooseAgency(ViewableAgencies(*all, who->actor), req.Query("agency"));
  mstch::map m{{"agencies", std::move(choice.options)}, {"mine", req.Query("mine") == "1"}};
  if (!choice.chosen.empty()) {
    auto agency = ParseId(choice.chosen);
    if (!agency.ok()) return app.Error(req, agency.status());
    storage::ItemListQuery q;
    q.agency = *agency;
    q.limit = 50;
    if (req.Query("mine") == "1") {
      q.created_by = who->actor.name;
      q.statuses = {catalog::ItemStatus::kDraft};
    }
    if (std::string s = req.Query("status"); !s.empty()) {
      auto st = catalog::ParseItemStatus(s);
      if (!st.ok()) return app.Error(req, st.status());
      q.statuses = {*st};
    }
    auto columns = CatalogOf(app).Columns(who->actor, *agency);
    if (!columns.ok()) return app.Error(req, columns.status());
    auto page = CatalogOf(app).List(who->actor, q);
    if (!page.ok()) return app.Error(req, page.status());
    m["agency_id"] = choice.chosen;
    m["rows"] = ItemRows(*page, *columns);
    m["total"] = std::to_string(page->total);
    m["empty"] = page->items.empty();
  }
  std::string title = req.Query("mine") == "1" ? "我的草稿" : "政府信息";
  return app.Page(200, "items", title, std::move(m), &*who);
}

HttpResponse HandleAdminItemForm(const HttpRequest& req, WebApp& app) {
  auto who = app.CurrentUser(req);
  if (!who) return app.SignInRequired(req);
  auto column_id = ParseId(req.Query("column"));
  if (!column_id.ok()) return app.Error(req, column_id.status());
  auto column = CatalogOf(app).GetColumn(who->actor, *column_id);
  if (!column.ok()) return app.Error(req, column.status());
  std::string col = std::to_string(*column_id);
  FieldFn get = [&](std::string_view name) -> std::string {
    if (name == "column_id") return col;
    if (name == "body_format") return "text";
    return "";
  };
  return EditorPage(req, app, *who, column->agency_id, 0, 200, get, {}, {});
}

HttpResponse HandleAdminCreateItem(const HttpRequest& req, WebApp& app) {
  auto who = app.CurrentUser(req);
  if (!who) return app.SignInRequired(req);
  Status csrf = app.CheckCsrf(req, *who);
  if (!csrf.ok()) return app.Error(req, csrf);
  std::vector<FieldError> errors;
  services::ItemInput input = ItemInputFrom(req, &errors);
  auto column = CatalogOf(app).GetColumn(who->actor, input.column_id);
  if (!column.ok()) return app.Error(req, column.status());
  FieldFn get = FormFields(req);
  if (errors.empty()) {
    auto id = CatalogOf(app).CreateDraft(who->actor, std::move(input));
    if (id.ok()) return Redirect("/admin/items/" + std::to_string(*id) + "?saved=1");
    if (id.status().code() == StatusCode::kPermissionDenied) return app.Error(req, id.status());
    errors.push_back(ItemFieldError(id.status()));
  }
  return EditorPage(req, app, *who, column->agency_id, 0, 422, get, {}, errors);
}

HttpResponse HandleAdminItem(const HttpRequest& req, WebApp& app) {
  auto who = app.CurrentUser(req);
  if (!who) return app.SignInRequired(req);
  auto id = ParseId(req.PathParam("id"));
  if (!id.ok()) return app.Error(req, id.status());
  std::string notice = req.Query("saved") == "1" ? "已保存" : "";
  return ItemPage(req, app, *who, *id, 200, notice, "");
}

HttpResponse HandleAdminItemEditForm(const HttpRequest& req, WebApp& app) {
  auto who = app.CurrentUser(req);
  if (!who) return app.SignInRequired(req);
  auto id = ParseId(req.PathParam("id"));
  if (!id.ok()) return app.Error(req, id.status());
  auto view = CatalogOf(app).Get(who->actor, *id);
  if (!view.ok()) return app.Error(req, view.status());
  return EditorPage(req, app, *who, view->record.agency_id, *id, 200,
                    RevisionFields(view->latest, view->record.column_id),
                    view->latest.content.files, {});
}

HttpResponse HandleAdminSaveItem(const HttpRequest& req, WebApp& app) {
  auto who = app.CurrentUser(req);
  if (!who) return app.SignInRequired(req);
  Status csrf = app.CheckCsrf(req, *who);
  if (!csrf.ok()) return app.Error(req, csrf);
  auto id = ParseId(req.PathParam("id"));
  if (!id.ok()) return app.Error(req, id.status());
  std::vector<FieldError> errors;
  services::ItemInput input = ItemInputFrom(req, &errors);
  auto expected = ParseId(req.Form("expected_revision"));
  if (!expected.ok()) errors.push_back({"", "缺少所编辑的版本号，请重新打开编辑页面"});
  Status saved = Status::Ok();
  if (errors.empty()) {
    auto r =
        CatalogOf(app).SaveDraft(who->actor, *id, static_cast<int>(*expected), std::move(input));
    if (r.ok()) return Redirect("/admin/items/" + std::to_string(*id) + "?saved=1");
    saved = r.status();
    if (saved.code() == StatusCode::kPermissionDenied || saved.code() == StatusCode::kNotFound) {
      return app.Error(req, saved);
    }
  }
  auto view = CatalogOf(app).Get(who->actor, *id);
  if (!view.ok()) return app.Error(req, view.status());
  FieldFn submitted = FormFields(req);
  if (services::IsEditConflict(saved)) {
    // The caller's text stays in the form, now against the latest version: a second save after
    // comparing goes through.
    std::string latest = std::to_string(view->record.latest_revision);
    FieldFn get = [submitted, latest](std::string_view name) {
      return name == "expected_revision" ? latest : submitted(name);
    };
    errors.push_back(
        {"", saved.UserMessage() +
                 (req.Multipart().files.empty() ? "" : "本次选择的附件未保存，请重新选择。")});
    return EditorPage(req, app, *who, view->record.agency_id, *id, 409, get,
                      view->latest.content.files, errors, &*view);
  }
  if (!saved.ok()) errors.push_back(ItemFieldError(saved));
  return EditorPage(req, app, *who, view->record.agency_id, *id, saved.ok() ? 422 : StatusOf(saved),
                    submitted, view->latest.content.files, errors);
}

HttpResponse HandleAdminItemFile(const HttpRequest& req, WebApp& app) {
  auto who = app.CurrentUser(req);
  if (!who) return app.SignInRequired(req);
  auto id = ParseId(req.PathParam("id"));
  if (!id.ok()) return app.Error(req, id.status());
  auto file = CatalogOf(app).GetFile(who->actor, *id, req.PathParam("sha256"));
  if (!file.ok()) return app.Error(req, file.status());
  return DownloadResponse(file->ref.mime, file->ref.name, std::move(file->data));
}

HttpResponse HandleAdminItemValidity(const HttpRequest& req, WebApp& app) {
  return ItemAction(
      req, app,
      [&](const SignedIn& who, catalog::ItemId id) -> Status {
        GONGKAI_ASSIGN_OR_RETURN(catalog::Validity v, catalog::ParseValidity(req.Form("validity")));
        GONGKAI_ASSIGN_OR_RETURN(std::optional<Date> on, OptionalDate(req.Form("on")));
        GONGKAI_ASSIGN_OR_RETURN(std::optional<catalog::ItemId> by, OptionalId(req.Form("by")));
        return CatalogOf(app).SetValidity(who.actor, id, v, on, by);
      },
      "已更新有效性");
}

HttpResponse HandleAdminItemLink(const HttpRequest& req, WebApp& app) {
  return LinkAction(req, app, false);
}

HttpResponse HandleAdminItemUnlink(const HttpRequest& req, WebApp& app) {
  return LinkAction(req, app, true);
}

HttpResponse HandleEditorScript(const HttpRequest& req, WebApp& app) {
  auto js = app.Fragment("editor_js", mstch::map{});
  if (!js.ok()) return app.Error(req, js.status());
  HttpResponse r;
  r.content_type = "text/javascript; charset=utf-8";
  r.body = std::move(js).value();
  r.AddHeader("Cache-Control", "public, max-age=3600");
  r.AddHeader("X-Content-Type-Options", "nosniff");
  return r;
}

}  // namespace gongkai::http

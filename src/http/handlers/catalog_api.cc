// The catalog's JSON API (docs/api.md): columns of an agency, items, their revisions. Session
// auth as the rest of /api/v1; state changes CSRF-checked (X-CSRF-Token). A PUT against a stale
// expected_revision is 409 with both versions ("yours" and "latest").
#include "http/handlers/catalog_handlers.h"
#include "http/handlers/handlers.h"
#include "http/response.h"
#include "services/catalog_service.h"

namespace gongkai::http {

namespace {

using nlohmann::json;
using services::SignedIn;

json ColumnJson(const catalog::Column& c) {
  return {{"id", c.id},
          {"agency_id", c.agency_id},
          {"parent_id", c.parent_id ? json(*c.parent_id) : json(nullptr)},
          {"code", c.code},
          {"name", c.name},
          {"kind", std::string(catalog::ColumnKindCode(c.kind))},
          {"freshness", std::string(catalog::FreshnessCode(c.freshness))},
          {"position", c.position}};
}

json DateJson(const std::optional<Date>& d) { return d ? json(d->ToString()) : json(nullptr); }

json ContentJson(const catalog::ItemContent& c) {
  json files = json::array();
  for (const catalog::FileRef& f : c.files) {
    files.push_back({{"name", f.name}, {"sha256", f.sha256}, {"mime", f.mime}, {"size", f.size}});
  }
  return {{"title", c.title},
          {"summary", c.summary},
          {"body_html", c.body_html},
          {"doc_number", c.doc_number},
          {"publisher", c.publisher},
          {"written_on", DateJson(c.written_on)},
          {"theme", c.theme},
          {"genre", c.genre},
          {"keywords", c.keywords},
          {"attribute", std::string(catalog::AttributeCode(c.attribute))},
          {"withheld_ground", c.withheld_ground},
          {"files", files}};
}

json RevisionJson(const catalog::Revision& r) {
  return {{"number", r.number},      {"author", r.author}, {"created_at", r.created_at},
          {"note", r.note},          {"sha256", r.sha256}, {"content", ContentJson(r.content)},
          {"body_text", r.body_text}};
}

json RecordJson(const catalog::ItemRecord& r) {
  return {{"id", r.id},
          {"agency_id", r.agency_id},
          {"column_id", r.column_id},
          {"index_number", r.index_number},
          {"status", std::string(catalog::ItemStatusCode(r.status))},
          {"returned", r.returned},
          {"latest_revision", r.latest_revision},
          {"published_on", DateJson(r.published_on)},
          {"validity", std::string(catalog::ValidityCode(r.validity))},
          {"validity_on", DateJson(r.validity_on)},
          {"validity_by", r.validity_by ? json(*r.validity_by) : json(nullptr)},
          {"created_by", r.created_by},
          {"updated_at", r.updated_at}};
}

json ViewJson(const services::ItemView& v) {
  json links = json::array();
  for (const catalog::ItemLink& l : v.links) {
    links.push_back(
        {{"from", l.from}, {"kind", std::string(catalog::LinkKindCode(l.kind))}, {"to", l.to}});
  }
  json j = RecordJson(v.record);
  j["column"] = ColumnJson(v.column);
  j["latest"] = RevisionJson(v.latest);
  j["links"] = links;
  return j;
}

std::string Str(const json& body, const char* key) {
  auto it = body.find(key);
  return it != body.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// A column from the JSON body over `base` (fields absent are kept).
Result<catalog::Column> ColumnFromJson(const json& body, catalog::Column base) {
  if (body.contains("name")) base.name = Str(body, "name");
  if (body.contains("code")) base.code = Str(body, "code");
  if (body.contains("kind")) {
    GONGKAI_ASSIGN_OR_RETURN(base.kind, catalog::ParseColumnKind(Str(body, "kind")));
  }
  if (body.contains("freshness")) {
    GONGKAI_ASSIGN_OR_RETURN(base.freshness, catalog::ParseFreshness(Str(body, "freshness")));
  }
  if (body.contains("parent_id")) {
    const json& p = body["parent_id"];
    if (p.is_null()) {
      base.parent_id.reset();
    } else if (p.is_number_integer()) {
      base.parent_id = p.get<int64_t>();
    } else {
      return InvalidArgument("bad parent_id", "parent_id 须为栏目编号或 null");
    }
  }
  if (body.contains("position")) {
    if (!body["position"].is_number_integer()) {
      return InvalidArgument("bad position", "position 须为整数");
    }
    base.position = body["position"].get<int>();
  }
  return base;
}

// The item input of a POST/PUT body over `base` (a PUT's latest content; fields absent are
// kept): content fields, body_format ("html" | "text"), note, remove_files. Attachments are
// uploaded through the web form or the CLI.
Result<services::ItemInput> ItemFromJson(const json& body, const catalog::ItemContent& base) {
  services::ItemInput in;
  if (body.contains("column_id")) {
    if (!body["column_id"].is_number_integer()) {
      return InvalidArgument("bad column_id", "column_id 须为栏目编号");
    }
    in.column_id = body["column_id"].get<int64_t>();
  }
  catalog::ItemContent& c = in.content;
  c = base;
  auto text = [&](const char* key, std::string* field) {
    if (body.contains(key)) *field = Str(body, key);
  };
  text("title", &c.title);
  text("summary", &c.summary);
  text("body", &c.body_html);
  in.body_is_plain_text = body.contains("body") && Str(body, "body_format") == "text";
  text("doc_number", &c.doc_number);
  text("publisher", &c.publisher);
  if (body.contains("written_on")) {
    c.written_on.reset();
    if (std::string w = Str(body, "written_on"); !w.empty()) {
      GONGKAI_ASSIGN_OR_RETURN(c.written_on, Date::Parse(w));
    }
  }
  text("theme", &c.theme);
  text("genre", &c.genre);
  text("keywords", &c.keywords);
  if (std::string a = Str(body, "attribute"); !a.empty()) {
    GONGKAI_ASSIGN_OR_RETURN(c.attribute, catalog::ParseAttribute(a));
  }
  text("withheld_ground", &c.withheld_ground);
  in.note = Str(body, "note");
  if (body.contains("remove_files") && body["remove_files"].is_array()) {
    for (const json& n : body["remove_files"]) {
      if (n.is_string()) in.remove_files.push_back(n.get<std::string>());
    }
  }
  return in;
}

// Signed in, then `read`.
HttpResponse ApiRead(const HttpRequest& req, WebApp& app,
                     const std::function<Result<json>(const SignedIn&)>& read) {
  auto who = app.CurrentUser(req);
  if (!who) return app.SignInRequired(req);
  auto result = read(*who);
  if (!result.ok()) return JsonError(result.status());
  return JsonResponse(200, *result);
}

}  // namespace

HttpResponse HandleApiListColumns(const HttpRequest& req, WebApp& app) {
  return ApiRead(req, app, [&](const SignedIn& who) -> Result<json> {
    GONGKAI_ASSIGN_OR_RETURN(int64_t agency, ParseId(req.PathParam("id")));
    GONGKAI_ASSIGN_OR_RETURN(auto columns, CatalogOf(app).Columns(who.actor, agency));
    json out = json::array();
    for (const catalog::Column& c : columns) out.push_back(ColumnJson(c));
    return json{{"columns", out}};
  });
}

HttpResponse HandleApiAddColumn(const HttpRequest& req, WebApp& app) {
  return ApiAction(
      req, app,
      [&](const SignedIn& who, const json& body) -> Result<json> {
        catalog::Column base;
        GONGKAI_ASSIGN_OR_RETURN(base.agency_id, ParseId(req.PathParam("id")));
        GONGKAI_ASSIGN_OR_RETURN(catalog::Column c, ColumnFromJson(body, base));
        GONGKAI_ASSIGN_OR_RETURN(catalog::ColumnId id, CatalogOf(app).AddColumn(who.actor, c));
        GONGKAI_ASSIGN_OR_RETURN(catalog::Column added, CatalogOf(app).GetColumn(who.actor, id));
        return ColumnJson(added);
      },
      201);
}

HttpResponse HandleApiUpdateColumn(const HttpRequest& req, WebApp& app) {
  return ApiAction(
      req, app,
      [&](const SignedIn& who, const json& body) -> Result<json> {
        GONGKAI_ASSIGN_OR_RETURN(int64_t id, ParseId(req.PathParam("id")));
        GONGKAI_ASSIGN_OR_RETURN(catalog::Column old, CatalogOf(app).GetColumn(who.actor, id));
        GONGKAI_ASSIGN_OR_RETURN(catalog::Column c, ColumnFromJson(body, old));
        c.code = old.code;  // stable
        GONGKAI_RETURN_IF_ERROR(CatalogOf(app).UpdateColumn(who.actor, c));
        GONGKAI_ASSIGN_OR_RETURN(catalog::Column now, CatalogOf(app).GetColumn(who.actor, id));
        return ColumnJson(now);
      },
      200);
}

HttpResponse HandleApiDeleteColumn(const HttpRequest& req, WebApp& app) {
  auto who = app.CurrentUser(req);
  if (!who) return app.SignInRequired(req);
  Status csrf = app.CheckCsrf(req, *who);
  if (!csrf.ok()) return JsonError(csrf);
  auto id = ParseId(req.PathParam("id"));
  if (!id.ok()) return JsonError(id.status());
  Status s = CatalogOf(app).DeleteColumn(who->actor, *id);
  if (!s.ok()) return JsonError(s);
  return JsonResponse(200, json{{"deleted", *id}});
}

HttpResponse HandleApiCreateItem(const HttpRequest& req, WebApp& app) {
  return ApiAction(
      req, app,
      [&](const SignedIn& who, const json& body) -> Result<json> {
        GONGKAI_ASSIGN_OR_RETURN(services::ItemInput in, ItemFromJson(body, {}));
        GONGKAI_ASSIGN_OR_RETURN(catalog::ItemId id, CatalogOf(app).CreateDraft(who.actor, in));
        GONGKAI_ASSIGN_OR_RETURN(services::ItemView v, CatalogOf(app).Get(who.actor, id));
        return ViewJson(v);
      },
      201);
}

HttpResponse HandleApiListItems(const HttpRequest& req, WebApp& app) {
  return ApiRead(req, app, [&](const SignedIn& who) -> Result<json> {
    storage::ItemListQuery q;
    GONGKAI_ASSIGN_OR_RETURN(q.agency, ParseId(req.Query("agency")));
    if (std::string c = req.Query("column"); !c.empty()) {
      GONGKAI_ASSIGN_OR_RETURN(q.column, ParseId(c));
    }
    if (std::string s = req.Query("status"); !s.empty()) {
      GONGKAI_ASSIGN_OR_RETURN(catalog::ItemStatus st, catalog::ParseItemStatus(s));
      q.statuses = {st};
    }
    q.created_by = req.Query("created_by");
    if (std::string o = req.Query("offset"); !o.empty()) {
      GONGKAI_ASSIGN_OR_RETURN(int64_t off, ParseId(o));
      q.offset = static_cast<int>(off);
    }
    GONGKAI_ASSIGN_OR_RETURN(storage::ItemPage page, CatalogOf(app).List(who.actor, q));
    json items = json::array();
    for (const storage::ItemSummary& s : page.items) {
      json j = RecordJson(s.record);
      j["title"] = s.title;
      j["doc_number"] = s.doc_number;
      j["written_on"] = DateJson(s.written_on);
      items.push_back(j);
    }
    return json{{"items", items}, {"total", page.total}};
  });
}

HttpResponse HandleApiGetItem(const HttpRequest& req, WebApp& app) {
  return ApiRead(req, app, [&](const SignedIn& who) -> Result<json> {
    GONGKAI_ASSIGN_OR_RETURN(int64_t id, ParseId(req.PathParam("id")));
    GONGKAI_ASSIGN_OR_RETURN(services::ItemView v, CatalogOf(app).Get(who.actor, id));
    return ViewJson(v);
  });
}

HttpResponse HandleApiSaveItem(const HttpRequest& req, WebApp& app) {
  auto id = ParseId(req.PathParam("id"));
  if (!id.ok()) return JsonError(id.status());
  std::optional<json> conflict;
  HttpResponse r = ApiAction(
      req, app,
      [&](const SignedIn& who, const json& body) -> Result<json> {
        if (!body.contains("expected_revision") || !body["expected_revision"].is_number_integer()) {
          return InvalidArgument("expected_revision required",
                                 "须给出所编辑的版本号 expected_revision");
        }
        GONGKAI_ASSIGN_OR_RETURN(services::ItemView before, CatalogOf(app).Get(who.actor, *id));
        GONGKAI_ASSIGN_OR_RETURN(services::ItemInput in, ItemFromJson(body, before.latest.content));
        catalog::ItemContent yours = in.content;
        auto saved = CatalogOf(app).SaveDraft(who.actor, *id, body["expected_revision"].get<int>(),
                                              std::move(in));
        if (services::IsEditConflict(saved.status())) {
          GONGKAI_ASSIGN_OR_RETURN(services::ItemView v, CatalogOf(app).Get(who.actor, *id));
          conflict =
              json{{"error", {{"code", "EditConflict"}, {"message", saved.status().UserMessage()}}},
                   {"yours", ContentJson(yours)},
                   {"latest", RevisionJson(v.latest)}};
        }
        GONGKAI_RETURN_IF_ERROR(saved.status());
        GONGKAI_ASSIGN_OR_RETURN(services::ItemView v, CatalogOf(app).Get(who.actor, *id));
        return ViewJson(v);
      },
      200);
  if (conflict) return JsonResponse(409, *conflict);
  return r;
}

HttpResponse HandleApiItemRevisions(const HttpRequest& req, WebApp& app) {
  return ApiRead(req, app, [&](const SignedIn& who) -> Result<json> {
    GONGKAI_ASSIGN_OR_RETURN(int64_t id, ParseId(req.PathParam("id")));
    GONGKAI_ASSIGN_OR_RETURN(auto revs, CatalogOf(app).History(who.actor, id));
    json out = json::array();
    for (const catalog::Revision& r : revs) out.push_back(RevisionJson(r));
    return json{{"revisions", out}};
  });
}

}  // namespace gongkai::http

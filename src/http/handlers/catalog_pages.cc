// The catalog's column tree on the staff side: /admin/catalog?agency=… (the tree with item
// counts, add / rename / move / change kind and freshness / delete, the 索引号 pattern with a
// preview of the next number) and one column's items (/admin/catalog/{column}). Each POST is
// CSRF-checked and calls one catalog service method; the service checks 机构管理员.
#include <initializer_list>
#include <map>

#include "catalog/index_number.h"
#include "http/handlers/application_view.h"
#include "http/handlers/catalog_handlers.h"
#include "http/handlers/handlers.h"
#include "http/handlers/item_view.h"

namespace gongkai::http {

namespace {

using catalog::Column;
using services::SignedIn;

template <typename E>
mstch::array Choices(std::initializer_list<E> values, std::string_view (*code)(E),
                     std::string_view (*name)(E), E chosen) {
  mstch::array out;
  for (E v : values) {
    out.push_back(mstch::map{{"value", std::string(code(v))},
                             {"label", std::string(name(v))},
                             {"selected", v == chosen}});
  }
  return out;
}

mstch::array KindChoices(catalog::ColumnKind chosen) {
  using K = catalog::ColumnKind;
  return Choices({K::kSection, K::kDocuments, K::kNews, K::kInterpretations, K::kReports, K::kPage},
                 catalog::ColumnKindCode, catalog::ColumnKindName, chosen);
}

mstch::array FreshnessChoices(catalog::Freshness chosen) {
  using F = catalog::Freshness;
  return Choices({F::kNone, F::kDynamic, F::kNotice, F::kYearly}, catalog::FreshnessCode,
                 catalog::FreshnessName, chosen);
}

// The sections a column may be moved under (not itself); "" is the top level.
mstch::array ParentChoices(const std::vector<Column>& all, const Column& c) {
  mstch::array out{mstch::map{
      {"value", std::string()}, {"label", std::string("（顶级）")}, {"selected", !c.parent_id}}};
  for (const Column& p : all) {
    if (p.kind != catalog::ColumnKind::kSection || p.id == c.id) continue;
    out.push_back(mstch::map{
        {"value", std::to_string(p.id)}, {"label", p.name}, {"selected", c.parent_id == p.id}});
  }
  return out;
}

struct Tree {
  const std::vector<Column>& all;
  const std::map<catalog::ColumnId, int64_t>& counts;
  bool manage;
  std::string csrf;

  mstch::array Children(std::optional<catalog::ColumnId> parent) const {
    mstch::array nodes;
    std::vector<const Column*> siblings;
    for (const Column& c : all) {
      if (c.parent_id == parent) siblings.push_back(&c);
    }
    for (size_t i = 0; i < siblings.size(); ++i) {
      const Column& c = *siblings[i];
      mstch::array children = Children(c.id);
      auto n = counts.find(c.id);
      int64_t count = n == counts.end() ? 0 : n->second;
      bool section = c.kind == catalog::ColumnKind::kSection;
      nodes.push_back(mstch::map{{"id", std::to_string(c.id)},
                                 {"code", c.code},
                                 {"name", c.name},
                                 {"kind", std::string(catalog::ColumnKindName(c.kind))},
                                 {"freshness", std::string(catalog::FreshnessName(c.freshness))},
                                 {"holds_items", !section},
                                 {"count", std::to_string(count)},
                                 {"has_children", !children.empty()},
                                 {"children", children},
                                 {"manage", manage},
                                 {"csrf", csrf},
                                 {"can_up", i > 0},
                                 {"can_down", i + 1 < siblings.size()},
                                 {"can_delete", children.empty() && count == 0},
                                 {"kinds", KindChoices(c.kind)},
                                 {"freshnesses", FreshnessChoices(c.freshness)},
                                 {"parents", ParentChoices(all, c)}});
    }
    return nodes;
  }
};

HttpResponse CatalogPage(const HttpRequest& req, WebApp& app, const SignedIn& who,
                         const std::string& chosen, int status, const std::string& notice,
                         const std::string& error, const std::string& pattern_input = "") {
  auto all = app.agencies().List();
  if (!all.ok()) return app.Error(req, all.status());
  AgencyChoice choice = ChooseAgency(ViewableAgencies(*all, who.actor), chosen);
  mstch::map m{{"agencies", std::move(choice.options)},
               {"notice", notice},
               {"error", error},
               {"csrf", who.session.csrf_token}};
  if (!choice.chosen.empty()) {
    auto agency = ParseId(choice.chosen);
    if (!agency.ok()) return app.Error(req, agency.status());
    auto columns = CatalogOf(app).Columns(who.actor, *agency);
    if (!columns.ok()) return app.Error(req, columns.status());
    std::map<catalog::ColumnId, int64_t> counts;
    for (const Column& c : *columns) {
      if (c.kind == catalog::ColumnKind::kSection) continue;
      storage::ItemListQuery q;
      q.agency = *agency;
      q.column = c.id;
      q.limit = 1;
      auto page = CatalogOf(app).List(who.actor, q);
      if (!page.ok()) return app.Error(req, page.status());
      counts[c.id] = page->total;
    }
    bool manage = account::Can(who.actor, account::Permission::kManageAgency, *agency,
                               account::ParentsOf(*all));
    Tree tree{*columns, counts, manage, who.session.csrf_token};
    m["agency_id"] = choice.chosen;
    m["manage"] = manage;
    m["tree"] = tree.Children(std::nullopt);
    m["kinds"] = KindChoices(catalog::ColumnKind::kDocuments);
    m["freshnesses"] = FreshnessChoices(catalog::Freshness::kNone);
    Column none;
    m["parents"] = ParentChoices(*columns, none);
    auto pattern = CatalogOf(app).IndexPattern(who.actor, *agency);
    if (!pattern.ok()) return app.Error(req, pattern.status());
    m["pattern"] = pattern_input.empty() ? *pattern : pattern_input;
    auto next = CatalogOf(app).PreviewIndexNumber(who.actor, *agency, app.clock().TodayInChina());
    m["next_number"] = next.ok() ? *next : next.status().UserMessage();
  }
  return app.Page(status, "catalog", "目录栏目", std::move(m), &who);
}

Result<Column> ColumnFrom(const HttpRequest& req) {
  Column c;
  c.name = req.Form("name");
  c.code = req.Form("code");
  GONGKAI_ASSIGN_OR_RETURN(c.kind, catalog::ParseColumnKind(req.Form("kind")));
  GONGKAI_ASSIGN_OR_RETURN(c.freshness, catalog::ParseFreshness(req.Form("freshness")));
  if (std::string p = req.Form("parent_id"); !p.empty()) {
    GONGKAI_ASSIGN_OR_RETURN(c.parent_id, ParseId(p));
  }
  return c;
}

// Sign-in and CSRF, then `change` (which returns the agency's id as text); the tree again.
HttpResponse ColumnAction(const HttpRequest& req, WebApp& app,
                          const std::function<Status(const SignedIn&, std::string*)>& change,
                          const std::string& done) {
  auto who = app.CurrentUser(req);
  if (!who) return app.SignInRequired(req);
  Status csrf = app.CheckCsrf(req, *who);
  if (!csrf.ok()) return app.Error(req, csrf);
  std::string agency = req.Form("agency_id");
  Status s = change(*who, &agency);
  if (s.code() == StatusCode::kPermissionDenied || s.code() == StatusCode::kNotFound) {
    return app.Error(req, s);
  }
  if (!s.ok()) {
    int code = s.code() == StatusCode::kInvalidArgument ? 422 : HttpStatusFor(s.code());
    return CatalogPage(req, app, *who, agency, code, "", s.UserMessage(), req.Form("pattern"));
  }
  return CatalogPage(req, app, *who, agency, 200, done, "");
}

// The column of the path; *agency is set to its agency.
Result<Column> PathColumn(const HttpRequest& req, WebApp& app, const SignedIn& who,
                          std::string* agency) {
  GONGKAI_ASSIGN_OR_RETURN(int64_t id, ParseId(req.PathParam("id")));
  GONGKAI_ASSIGN_OR_RETURN(Column c, CatalogOf(app).GetColumn(who.actor, id));
  *agency = std::to_string(c.agency_id);
  return c;
}

}  // namespace

HttpResponse HandleAdminCatalog(const HttpRequest& req, WebApp& app) {
  auto who = app.CurrentUser(req);
  if (!who) return app.SignInRequired(req);
  return CatalogPage(req, app, *who, req.Query("agency"), 200, "", "");
}

HttpResponse HandleAdminAddColumn(const HttpRequest& req, WebApp& app) {
  return ColumnAction(
      req, app,
      [&](const SignedIn& who, std::string* agency) -> Status {
        GONGKAI_ASSIGN_OR_RETURN(Column c, ColumnFrom(req));
        GONGKAI_ASSIGN_OR_RETURN(c.agency_id, ParseId(*agency));
        c.position = 1000000;  // last among its siblings
        return CatalogOf(app).AddColumn(who.actor, c).status();
      },
      "已新增栏目");
}

HttpResponse HandleAdminEditColumn(const HttpRequest& req, WebApp& app) {
  return ColumnAction(
      req, app,
      [&](const SignedIn& who, std::string* agency) -> Status {
        GONGKAI_ASSIGN_OR_RETURN(Column c, PathColumn(req, app, who, agency));
        GONGKAI_ASSIGN_OR_RETURN(Column in, ColumnFrom(req));
        c.name = in.name;
        c.kind = in.kind;
        c.freshness = in.freshness;
        if (in.parent_id != c.parent_id) {
          c.parent_id = in.parent_id;
          c.position = 1000000;  // last among its new siblings
        }
        return CatalogOf(app).UpdateColumn(who.actor, c);
      },
      "已修改栏目");
}

HttpResponse HandleAdminMoveColumn(const HttpRequest& req, WebApp& app) {
  return ColumnAction(
      req, app,
      [&](const SignedIn& who, std::string* agency) -> Status {
        GONGKAI_ASSIGN_OR_RETURN(Column c, PathColumn(req, app, who, agency));
        return CatalogOf(app).MoveColumn(who.actor, c.id, req.Form("direction") == "up" ? -1 : 1);
      },
      "已调整栏目顺序");
}

HttpResponse HandleAdminDeleteColumn(const HttpRequest& req, WebApp& app) {
  return ColumnAction(
      req, app,
      [&](const SignedIn& who, std::string* agency) -> Status {
        GONGKAI_ASSIGN_OR_RETURN(Column c, PathColumn(req, app, who, agency));
        return CatalogOf(app).DeleteColumn(who.actor, c.id);
      },
      "已删除栏目");
}

HttpResponse HandleAdminIndexPattern(const HttpRequest& req, WebApp& app) {
  return ColumnAction(
      req, app,
      [&](const SignedIn& who, std::string* agency) -> Status {
        GONGKAI_ASSIGN_OR_RETURN(int64_t id, ParseId(*agency));
        return CatalogOf(app).SetIndexPattern(who.actor, id, req.Form("pattern"));
      },
      "已保存索引号规则");
}

HttpResponse HandleAdminColumnItems(const HttpRequest& req, WebApp& app) {
  auto who = app.CurrentUser(req);
  if (!who) return app.SignInRequired(req);
  std::string agency;
  auto column = PathColumn(req, app, *who, &agency);
  if (!column.ok()) return app.Error(req, column.status());
  auto columns = CatalogOf(app).Columns(who->actor, column->agency_id);
  if (!columns.ok()) return app.Error(req, columns.status());
  storage::ItemListQuery q;
  q.agency = column->agency_id;
  q.column = column->id;
  q.limit = 50;
  auto page = CatalogOf(app).List(who->actor, q);
  if (!page.ok()) return app.Error(req, page.status());
  mstch::map m{{"column_id", std::to_string(column->id)},
               {"column_name", column->name},
               {"agency_id", agency},
               {"holds_items", column->kind != catalog::ColumnKind::kSection},
               {"kind", std::string(catalog::ColumnKindName(column->kind))},
               {"freshness", std::string(catalog::FreshnessName(column->freshness))},
               {"rows", ItemRows(*page, *columns)},
               {"total", std::to_string(page->total)},
               {"empty", page->items.empty()}};
  return app.Page(200, "catalog_column", column->name, std::move(m), &*who);
}

}  // namespace gongkai::http

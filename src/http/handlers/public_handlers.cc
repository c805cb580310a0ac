#include <functional>
#include <map>

#include "agency/agency_json.h"
#include "http/handlers/handlers.h"

namespace gongkai::http {

namespace {

// The agency tree as nested mustache data: {name, short_name, …, children}.
mstch::array AgencyTree(const std::vector<agency::Agency>& all) {
  std::map<std::optional<agency::AgencyId>, std::vector<const agency::Agency*>> kids;
  for (const auto& a : all) kids[a.parent_id].push_back(&a);
  std::function<mstch::array(std::optional<agency::AgencyId>)> build =
      [&](std::optional<agency::AgencyId> parent) {
        mstch::array out;
        for (const agency::Agency* a : kids[parent]) {
          mstch::map m{
              {"id", std::to_string(a->id)}, {"name", a->name},
              {"short_name", a->short_name}, {"kind", std::string(agency::KindName(a->kind))},
              {"address", a->address},       {"phone", a->phone},
              {"postcode", a->postcode},     {"office_hours", a->office_hours}};
          mstch::array children = build(a->id);
          // Always set both: mustache looks names up the context stack, so a
          // leaf without its own `has_children` would inherit its parent's.
          m["has_children"] = !children.empty();
          m["children"] = children;
          out.push_back(m);
        }
        return out;
      };
  return build(std::nullopt);
}

}  // namespace

HttpResponse HandleHealthz(const HttpRequest&, WebApp& app) {
  auto version = app.store().SchemaVersion();
  if (!version.ok()) {
    return JsonResponse(503, {{"status", "unavailable"}, {"error", version.status().message()}});
  }
  nlohmann::json body = {{"status", "ok"},
                         {"version", GONGKAI_VERSION},
                         {"schema_version", *version},
                         {"database", app.store().Dialect()}};
  // The calendar's state, for monitoring: a warning from 1 November while next year's holiday
  // notice is not imported (due dates across the year end are then provisional). Still 200.
  auto cal = app.calendars().Status(*app.applications().calendar());
  if (cal.ok()) {
    body["calendar"] = {{"covered_years", cal->covered_years},
                        {"next_year_provisional", cal->next_year_provisional},
                        {"warning", cal->warning}};
  }
  return JsonResponse(200, body);
}

HttpResponse HandleHome(const HttpRequest& req, WebApp& app) {
  // Public pages are rendered once per change of public content and served
  // as the same bytes (ETag/304 handled by the server).
  return app.PublicPage(req, "/", [&]() -> Result<std::string> {
    GONGKAI_ASSIGN_OR_RETURN(auto all, app.agencies().List());
    HttpResponse r = app.Page(200, "home", app.options().site_name,
                              {{"agencies", AgencyTree(all)},
                               {"agency_count", std::to_string(all.size())},
                               {"empty", all.empty()}});
    if (r.status != 200) return Internal("render home");
    return std::move(r.body);
  });
}

HttpResponse HandleApiListAgencies(const HttpRequest& req, WebApp& app) {
  auto all = app.agencies().List();
  if (!all.ok()) return app.Error(req, all.status());
  nlohmann::json items = nlohmann::json::array();
  for (const auto& a : *all) items.push_back(agency::AgencyToJson(a));
  return JsonResponse(200, {{"agencies", items}, {"count", all->size()}});
}

HttpResponse HandleApiGetAgency(const HttpRequest& req, WebApp& app) {
  auto id = ParseId(req.PathParam("id"));
  if (!id.ok()) return app.Error(req, id.status());
  auto a = app.agencies().Get(*id);
  if (!a.ok()) return app.Error(req, a.status());
  return JsonResponse(200, agency::AgencyToJson(*a));
}

}  // namespace gongkai::http

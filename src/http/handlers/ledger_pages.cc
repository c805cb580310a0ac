// The staff's 工作台 (/admin/workbench), the 台账 (/admin/applications/ledger) and its exports
// (ledger.csv, ledger.xlsx), and the same as JSON under /api/v1/agencies/{id}/…. Signed in; the
// ledger service authorizes per agency.
#include <unistd.h>

#include <cstdio>
#include <filesystem>

#include "http/handlers/application_view.h"
#include "http/handlers/handlers.h"
#include "http/handlers/ledger_view.h"
#include "report/file_io.h"

namespace gongkai::http {

namespace {

using Json = nlohmann::json;

Result<services::LedgerFilter> FilterOf(const HttpRequest& req) {
  return services::ParseLedgerFilter(
      [&req](std::string_view name) { return req.Query(std::string(name)); });
}

// The workbench of one agency, with the city table when departments are below it.
HttpResponse WorkbenchPage(const HttpRequest& req, WebApp& app, const services::SignedIn& who,
                           agency::AgencyId agency) {
  auto w = app.ledger().WorkbenchOf(who.actor, agency);
  if (!w.ok()) return app.Error(req, w.status());
  mstch::map m = WorkbenchContext(*w);
  if (w->has_subordinates) {
    auto city = app.ledger().CityTableOf(who.actor, agency);
    if (!city.ok()) return app.Error(req, city.status());
    for (auto& [k, v] : CityTableContext(*city)) m[k] = v;
    m["city"] = true;
  }
  return app.Page(200, "workbench", "工作台", std::move(m), &who);
}

// The XLSX bytes of `sheet` (libxlsxwriter writes files: a private temporary one).
Result<std::string> XlsxBytes(const report::Sheet& sheet) {
  std::string path = (std::filesystem::temp_directory_path() / "gongkai-ledger-XXXXXX").string();
  int fd = mkstemp(path.data());
  if (fd < 0) return Unavailable("mkstemp failed", "无法生成导出文件");
  close(fd);
  Status written = report::WriteSheetXlsx(sheet, path);
  Result<std::string> bytes =
      written.ok() ? report::ReadReportFile(path) : Result<std::string>(written);
  std::remove(path.c_str());
  return bytes;
}

struct Export {
  std::string body;
  std::string content_type;
  std::string file_name;  // Chinese, e.g. 樟树市工业和信息化局依申请公开台账（2024-11-26）.csv
};

// The filtered rows (every page) of `agency` as CSV or XLSX.
Result<Export> LedgerExport(const HttpRequest& req, WebApp& app, const services::SignedIn& who,
                            agency::AgencyId agency, const std::string& format) {
  GONGKAI_ASSIGN_OR_RETURN(services::LedgerFilter filter, FilterOf(req));
  filter.per_page = 0;
  GONGKAI_ASSIGN_OR_RETURN(auto page, app.ledger().Ledger(who.actor, agency, filter));
  GONGKAI_ASSIGN_OR_RETURN(auto a, app.agencies().Get(agency));
  Export e;
  e.file_name = a.name + "依申请公开台账（" + page.as_of.ToString() + "）." + format;
  report::Sheet sheet = services::LedgerSheet(page.rows);
  if (format == "csv") {
    e.body = report::RenderCsv(sheet);
    e.content_type = "text/csv; charset=utf-8";
  } else {
    GONGKAI_ASSIGN_OR_RETURN(e.body, XlsxBytes(sheet));
    e.content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  }
  return e;
}

HttpResponse Download(Export e, const std::string& format) {
  HttpResponse r;
  r.content_type = e.content_type;
  r.body = std::move(e.body);
  r.AddHeader("Cache-Control", "no-store");
  r.AddHeader("Content-Disposition", "attachment; filename=\"ledger." + format +
                                         "\"; filename*=UTF-8''" + PercentEncode(e.file_name));
  return r;
}

HttpResponse ExportPage(const HttpRequest& req, WebApp& app, const std::string& format) {
  auto who = app.CurrentUser(req);
  if (!who) return app.SignInRequired(req);
  auto agency = ParseId(req.Query("agency"));
  if (!agency.ok()) return app.Error(req, agency.status());
  auto e = LedgerExport(req, app, *who, *agency, format);
  if (!e.ok()) return app.Error(req, e.status());
  return Download(std::move(e).value(), format);
}

HttpResponse ExportApi(const HttpRequest& req, WebApp& app) {
  auto who = app.CurrentUser(req);
  if (!who) return app.SignInRequired(req);
  auto agency = ParseId(req.PathParam("id"));
  if (!agency.ok()) return JsonError(agency.status());
  std::string format = req.Query("format");
  if (format != "csv" && format != "xlsx") {
    return JsonError(InvalidArgument("bad format", "format 应为 csv 或 xlsx"));
  }
  auto e = LedgerExport(req, app, *who, *agency, format);
  if (!e.ok()) return JsonError(e.status());
  return Download(std::move(e).value(), format);
}

Json SummaryJson(const services::LedgerRow& r) {
  Json j = SummaryToJson(r.summary);
  j["channel"] = applications::ChannelCode(r.channel);
  j["applicant_kind"] = applications::ApplicantKindCode(r.applicant_kind);
  j["description"] = r.description;
  j["submitted"] = r.submitted ? Json(r.submitted->ToString()) : Json(nullptr);
  j["concluded"] = r.conclusion ? Json(r.conclusion->date.ToString()) : Json(nullptr);
  j["outcome"] = r.conclusion ? Json(applications::InfoFor(r.conclusion->row).code) : Json(nullptr);
  j["outcome_label"] =
      r.conclusion ? Json(applications::FullLabel(r.conclusion->row)) : Json(nullptr);
  return j;
}

Json CityRowJson(const services::CityRow& r) {
  auto pct = r.on_time_percent();
  return {{"agency_id", r.agency.id},
          {"agency_name", r.agency.name},
          {"depth", r.depth},
          {"received", r.received},
          {"open", r.open},
          {"overdue", r.overdue},
          {"answered", r.answered},
          {"answered_on_time", r.answered_on_time},
          {"on_time_percent", pct ? Json(*pct) : Json(nullptr)}};
}

// A JSON read of one agency: sign-in, the path id, then `fn`.
HttpResponse ApiAgencyRead(
    const HttpRequest& req, WebApp& app,
    const std::function<Result<Json>(const services::SignedIn&, agency::AgencyId)>& fn) {
  auto who = app.CurrentUser(req);
  if (!who) return app.SignInRequired(req);
  auto agency = ParseId(req.PathParam("id"));
  if (!agency.ok()) return JsonError(agency.status());
  auto out = fn(*who, *agency);
  if (!out.ok()) return JsonError(out.status());
  return JsonResponse(200, *out);
}

}  // namespace

HttpResponse HandleAdminWorkbench(const HttpRequest& req, WebApp& app) {
  auto who = app.CurrentUser(req);
  if (!who) return app.SignInRequired(req);
  if (std::string chosen = req.Query("agency"); !chosen.empty()) {
    auto agency = ParseId(chosen);
    if (!agency.ok()) return app.Error(req, agency.status());
    return WorkbenchPage(req, app, *who, *agency);
  }
  auto landing = app.ledger().LandingOf(who->actor);
  if (!landing.ok()) return app.Error(req, landing.status());
  if (landing->go_to) return WorkbenchPage(req, app, *who, *landing->go_to);
  mstch::array choices;
  for (const auto& a : landing->agencies) {
    choices.push_back(
        mstch::map{{"href", "/admin/workbench?agency=" + std::to_string(a.id)}, {"name", a.name}});
  }
  return app.Page(200, "workbench", "工作台",
                  {{"choose", true}, {"choices", choices}, {"no_choice", choices.empty()}}, &*who);
}

HttpResponse HandleAdminLedger(const HttpRequest& req, WebApp& app) {
  auto who = app.CurrentUser(req);
  if (!who) return app.SignInRequired(req);
  auto all = app.agencies().List();
  if (!all.ok()) return app.Error(req, all.status());
  AgencyChoice choice = ChooseAgency(ViewableAgencies(*all, who->actor), req.Query("agency"));
  if (choice.chosen.empty()) {
    return app.Error(req, PermissionDenied("no agency", "您没有可查看的机构"));
  }
  auto agency = ParseId(choice.chosen);
  if (!agency.ok()) return app.Error(req, agency.status());
  auto filter = FilterOf(req);
  if (!filter.ok()) return app.Error(req, filter.status());
  auto page = app.ledger().Ledger(who->actor, *agency, *filter);
  if (!page.ok()) return app.Error(req, page.status());
  std::string name;
  for (const auto& a : *all) {
    if (a.id == *agency) name = a.name;
  }
  return app.Page(200, "ledger", "依申请公开台账",
                  LedgerContext(*page, *filter, *agency, name, std::move(choice.options)), &*who);
}

HttpResponse HandleAdminLedgerCsv(const HttpRequest& req, WebApp& app) {
  return ExportPage(req, app, "csv");
}

HttpResponse HandleAdminLedgerXlsx(const HttpRequest& req, WebApp& app) {
  return ExportPage(req, app, "xlsx");
}

HttpResponse HandleApiLedger(const HttpRequest& req, WebApp& app) {
  return ApiAgencyRead(
      req, app, [&](const services::SignedIn& who, agency::AgencyId agency) -> Result<Json> {
        GONGKAI_ASSIGN_OR_RETURN(services::LedgerFilter filter, FilterOf(req));
        GONGKAI_ASSIGN_OR_RETURN(auto page, app.ledger().Ledger(who.actor, agency, filter));
        Json rows = Json::array();
        for (const auto& r : page.rows) rows.push_back(SummaryJson(r));
        return Json{{"as_of", page.as_of.ToString()},
                    {"total", page.total},
                    {"page", page.page},
                    {"pages", page.pages},
                    {"per_page", filter.per_page},
                    {"applications", rows}};
      });
}

HttpResponse HandleApiLedgerExport(const HttpRequest& req, WebApp& app) {
  return ExportApi(req, app);
}

HttpResponse HandleApiWorkbench(const HttpRequest& req, WebApp& app) {
  return ApiAgencyRead(
      req, app, [&](const services::SignedIn& who, agency::AgencyId agency) -> Result<Json> {
        GONGKAI_ASSIGN_OR_RETURN(auto w, app.ledger().WorkbenchOf(who.actor, agency));
        Json counts = Json::object();
        for (const auto& c : w.counts)
          counts[std::string(services::AttentionCode(c.attention))] = c.count;
        // 待审批 is added with the approval step.
        return Json{{"agency_id", agency},
                    {"as_of", w.as_of.ToString()},
                    {"counts", counts},
                    {"open", w.open},
                    {"received_this_year", w.received_this_year},
                    {"has_subordinates", w.has_subordinates}};
      });
}

HttpResponse HandleApiCityTable(const HttpRequest& req, WebApp& app) {
  return ApiAgencyRead(
      req, app, [&](const services::SignedIn& who, agency::AgencyId agency) -> Result<Json> {
        GONGKAI_ASSIGN_OR_RETURN(auto t, app.ledger().CityTableOf(who.actor, agency));
        Json rows = Json::array();
        for (const auto& r : t.rows) rows.push_back(CityRowJson(r));
        return Json{{"year", t.year},
                    {"as_of", t.as_of.ToString()},
                    {"rows", rows},
                    {"total", CityRowJson(t.total)}};
      });
}

}  // namespace gongkai::http

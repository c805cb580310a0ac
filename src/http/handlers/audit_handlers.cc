// The audit log (审计日志) page and API: Chinese names, filters, paging (services/audit_service).
#include "http/handlers/handlers.h"
#include "services/audit_chain_service.h"
#include "services/audit_service.h"

namespace gongkai::http {

namespace {

Result<services::AuditFilter> FilterOf(const HttpRequest& req) {
  services::AuditFilter f;
  f.actor = req.Query("actor");
  f.action = req.Query("action");
  if (std::string a = req.Query("agency"); !a.empty()) {
    GONGKAI_ASSIGN_OR_RETURN(f.agency, ParseId(a));
  }
  if (std::string d = req.Query("from"); !d.empty()) {
    GONGKAI_ASSIGN_OR_RETURN(f.from, Date::Parse(d));
  }
  if (std::string d = req.Query("to"); !d.empty()) {
    GONGKAI_ASSIGN_OR_RETURN(f.to, Date::Parse(d));
  }
  if (std::string p = req.Query("page"); !p.empty()) {
    GONGKAI_ASSIGN_OR_RETURN(int64_t n, ParseId(p));
    f.page = static_cast<int>(std::min<int64_t>(n, 1000000));
  }
  if (std::string p = req.Query("page_size"); !p.empty()) {
    GONGKAI_ASSIGN_OR_RETURN(int64_t n, ParseId(p));
    f.page_size = static_cast<int>(std::min<int64_t>(n, 500));
  }
  return f;
}

// The filter as a query string for page `page`.
std::string QueryFor(const services::AuditFilter& f, int page) {
  std::string q;
  auto add = [&](const char* key, const std::string& value) {
    if (value.empty()) return;
    q += (q.empty() ? "" : "&") + std::string(key) + "=" + PercentEncode(value);
  };
  add("actor", f.actor);
  add("action", f.action);
  add("agency", f.agency ? std::to_string(*f.agency) : "");
  add("from", f.from ? f.from->ToString() : "");
  add("to", f.to ? f.to->ToString() : "");
  add("page", std::to_string(page));
  if (f.page_size != services::AuditFilter{}.page_size)
    add("page_size", std::to_string(f.page_size));
  return q;
}

// "2026-12-03 16:29:52" (China time) for the table.
std::string ShownTime(int64_t at) {
  std::string t = FormatChinaTime(at);  // 2026-12-03T16:29:52+08:00
  if (t.size() >= 19) t = t.substr(0, 10) + " " + t.substr(11, 8);
  return t;
}

struct Shown {
  std::string text, href;
};

// The target in words: "用户 clerk", "申请 #13" (linked), the agency's name, "全系统".
Shown ShownTarget(const std::string& target, const std::map<int64_t, std::string>& agencies) {
  auto after = [&](const char* prefix) -> std::optional<std::string> {
    std::string p(prefix);
    if (target.rfind(p, 0) != 0) return std::nullopt;
    return target.substr(p.size());
  };
  if (auto u = after("user:")) return {"用户 " + *u, ""};
  if (auto a = after("application:")) return {"申请 #" + *a, "/admin/applications/" + *a};
  if (auto g = after("agency:")) {
    auto id = ParseId(*g);
    auto it = id.ok() ? agencies.find(*id) : agencies.end();
    return {it == agencies.end() ? "机构 #" + *g : it->second, ""};
  }
  if (target == "system") return {"全系统", ""};
  if (target == "calendar") return {"工作日历", ""};
  if (target == "audit") return {"审计日志", ""};
  if (target == "users") return {"用户列表", ""};
  return {target, ""};
}

}  // namespace

HttpResponse HandleAdminAudit(const HttpRequest& req, WebApp& app) {
  auto who = app.CurrentUser(req);
  if (!who) return app.SignInRequired(req);
  auto filter = FilterOf(req);
  if (!filter.ok()) return app.Error(req, filter.status());
  auto view = app.audit().Query(who->actor, *filter);
  if (!view.ok()) return app.Error(req, view.status());
  std::map<int64_t, std::string> names;
  auto all = app.agencies().List();
  if (all.ok()) {
    for (const auto& a : *all) names[a.id] = a.name;
  }
  mstch::array rows;
  for (const auto& e : view->page.events) {
    Shown target = ShownTarget(e.target, names);
    rows.push_back(mstch::map{{"at", ShownTime(e.at)},
                              {"actor", e.actor == "cli" ? std::string("命令行") : e.actor},
                              {"action", services::AuditEventTitle(e)},
                              {"target", target.text},
                              {"href", target.href},
                              {"detail", e.detail},
                              {"remote_addr", e.remote_addr},
                              {"outcome", std::string(services::AuditOutcomeName(e.outcome))},
                              {"chain", e.chain_hash},
                              {"chain_short", e.chain_hash.substr(0, 12)},
                              {"denied", e.outcome != "ok"}});
  }
  mstch::array actions;
  for (std::string_view code : services::AuditActionCodes()) {
    actions.push_back(mstch::map{{"code", std::string(code)},
                                 {"name", std::string(services::AuditActionName(code))},
                                 {"selected", filter->action == code}});
  }
  mstch::array agencies;
  for (const auto& a : view->agencies) {
    agencies.push_back(mstch::map{
        {"id", std::to_string(a.id)}, {"name", a.name}, {"selected", filter->agency == a.id}});
  }
  // 校验审计链: system administrators, on request (it reads the whole chain).
  mstch::map chain{{"checked", false}};
  if (who->actor.IsSystemAdmin() && req.Query("verify") == "1") {
    auto status = services::AuditChainService(app.store(), app.clock()).Verify(who->actor);
    if (!status.ok()) return app.Error(req, status.status());
    chain =
        mstch::map{{"checked", true}, {"intact", !status->broken}, {"summary", status->Summary()}};
  }
  const auto& f = *filter;
  return app.Page(
      200, "audit", "审计日志",
      {{"events", rows},
       {"actions", actions},
       {"agencies", agencies},
       {"all", who->actor.IsSystemAdmin()},
       {"chain", chain},
       {"actor", f.actor},
       {"from", f.from ? f.from->ToString() : std::string()},
       {"to", f.to ? f.to->ToString() : std::string()},
       {"total", std::to_string(view->page.total)},
       {"page", std::to_string(view->page_no)},
       {"pages", std::to_string(view->pages)},
       {"page_size", std::to_string(f.page_size)},
       {"prev", view->page_no > 1 ? QueryFor(f, view->page_no - 1) : std::string()},
       {"next", view->page_no < view->pages ? QueryFor(f, view->page_no + 1) : std::string()}},
      &*who);
}

HttpResponse HandleApiAudit(const HttpRequest& req, WebApp& app) {
  auto who = app.CurrentUser(req);
  if (!who) return app.SignInRequired(req);
  auto filter = FilterOf(req);
  if (!filter.ok()) return JsonError(filter.status());
  auto view = app.audit().Query(who->actor, *filter);
  if (!view.ok()) return JsonError(view.status());
  nlohmann::json events = nlohmann::json::array();
  for (const auto& e : view->page.events) {
    events.push_back({{"id", e.id},
                      {"at", FormatChinaTime(e.at)},
                      {"actor", e.actor},
                      {"action", e.action},
                      {"action_name", services::AuditEventTitle(e)},
                      {"target", e.target},
                      {"detail", e.detail},
                      {"remote_addr", e.remote_addr},
                      {"outcome", e.outcome},
                      {"outcome_name", services::AuditOutcomeName(e.outcome)},
                      {"agency_ids", e.agency_ids},
                      {"chain_hash", e.chain_hash}});
  }
  return JsonResponse(200, {{"events", events},
                            {"total", view->page.total},
                            {"page", view->page_no},
                            {"pages", view->pages},
                            {"page_size", filter->page_size}});
}

}  // namespace gongkai::http

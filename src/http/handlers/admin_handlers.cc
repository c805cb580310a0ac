#include "agency/agency_json.h"
#include "http/handlers/handlers.h"

namespace gongkai::http {

namespace {

// Copies the agency form's fields (those present) into *a.
Status FillAgencyFromForm(const HttpRequest& req, agency::Agency* a) {
  // The forms always send every field; an empty one clears it.
  auto set = [&](const char* field, std::string* value) { *value = req.Form(field); };
  set("name", &a->name);
  set("short_name", &a->short_name);
  set("credit_code", &a->credit_code);
  set("address", &a->address);
  set("phone", &a->phone);
  set("postcode", &a->postcode);
  set("office_hours", &a->office_hours);
  set("reconsideration_body", &a->reconsideration_body);
  set("court", &a->court);
  if (std::string k = req.Form("kind"); !k.empty()) {
    GONGKAI_ASSIGN_OR_RETURN(a->kind, agency::ParseKind(k));
  }
  if (std::string l = req.Form("level"); !l.empty()) {
    GONGKAI_ASSIGN_OR_RETURN(a->level, agency::ParseLevel(l));
  }
  return Status::Ok();
}

mstch::map AgencyForm(const agency::Agency& a) {
  mstch::array kinds, levels;
  for (auto k : {agency::AgencyKind::kGovernment, agency::AgencyKind::kDepartment,
                 agency::AgencyKind::kTownship, agency::AgencyKind::kOther}) {
    kinds.push_back(mstch::map{{"code", std::string(agency::KindCode(k))},
                               {"name", std::string(agency::KindName(k))},
                               {"selected", k == a.kind}});
  }
  for (auto l :
       {agency::AgencyLevel::kNational, agency::AgencyLevel::kProvince, agency::AgencyLevel::kCity,
        agency::AgencyLevel::kCounty, agency::AgencyLevel::kTownship}) {
    levels.push_back(mstch::map{{"code", std::string(agency::LevelCode(l))},
                                {"name", std::string(agency::LevelName(l))},
                                {"selected", l == a.level}});
  }
  return {{"id", std::to_string(a.id)},
          {"name", a.name},
          {"short_name", a.short_name},
          {"credit_code", a.credit_code},
          {"address", a.address},
          {"phone", a.phone},
          {"postcode", a.postcode},
          {"office_hours", a.office_hours},
          {"reconsideration_body", a.reconsideration_body},
          {"court", a.court},
          {"kinds", kinds},
          {"levels", levels}};
}

HttpResponse AdminPage(const HttpRequest& req, WebApp& app, const services::SignedIn& who,
                       int status, const std::string& notice, const std::string& error) {
  auto manageable = app.agencies().ListManageable(who.actor);
  if (!manageable.ok()) return app.Error(req, manageable.status());
  auto all = app.agencies().List();
  if (!all.ok()) return app.Error(req, all.status());
  std::map<agency::AgencyId, std::string> names;
  for (const auto& a : *all) names[a.id] = a.name;
  mstch::array grants;
  for (const auto& g : who.user.grants) {
    grants.push_back(
        mstch::map{{"role", std::string(account::RoleName(g.role))},
                   {"agency", g.agency_id ? names[*g.agency_id] : std::string("全系统")}});
  }
  mstch::array forms;
  for (const auto& a : *manageable) {
    mstch::map form = AgencyForm(a);
    // The approval chain of the agency's decisions (its own form below the agency's).
    if (auto chain = app.applications().DecisionChain(who.actor, a.id); chain.ok()) {
      form["approval_chain"] = account::FormatApprovalChain(*chain);
      form["approval_chain_label"] = account::DescribeApprovalChain(*chain);
    }
    forms.push_back(std::move(form));
  }
  agency::Agency blank;
  mstch::map new_form = AgencyForm(blank);
  mstch::array parents;
  for (const auto& a : *manageable) {
    parents.push_back(mstch::map{{"id", std::to_string(a.id)}, {"name", a.name}});
  }
  new_form["parents"] = parents;
  new_form["root_allowed"] = who.actor.IsSystemAdmin();
  return app.Page(status, "admin", "管理后台",
                  {{"grants", grants},
                   {"agencies", forms},
                   {"can_add", !parents.empty() || who.actor.IsSystemAdmin()},
                   {"new_agency", new_form},
                   {"is_system_admin", who.actor.IsSystemAdmin()},
                   {"notice", notice},
                   {"error", error}},
                  &who);
}

// Runs a state change from a form: sign-in and CSRF first, then `change`.
HttpResponse FormAction(const HttpRequest& req, WebApp& app,
                        const std::function<Status(const services::SignedIn&)>& change,
                        const std::string& done) {
  auto who = app.CurrentUser(req);
  if (!who) return app.SignInRequired(req);
  Status csrf = app.CheckCsrf(req, *who);
  if (!csrf.ok()) return app.Error(req, csrf);
  Status s = change(*who);
  if (!s.ok()) return AdminPage(req, app, *who, HttpStatusFor(s.code()), "", s.UserMessage());
  return AdminPage(req, app, *who, 200, done, "");
}

}  // namespace

HttpResponse ApiAction(const HttpRequest& req, WebApp& app,
                       const std::function<Result<nlohmann::json>(const services::SignedIn&,
                                                                  const nlohmann::json&)>& change,
                       int ok_status) {
  auto who = app.CurrentUser(req);
  if (!who) return app.SignInRequired(req);
  Status csrf = app.CheckCsrf(req, *who);
  if (!csrf.ok()) return JsonError(csrf);
  auto body = nlohmann::json::parse(req.body, nullptr, false);
  if (body.is_discarded()) {
    return JsonError(InvalidArgument("bad json", "请求体不是有效的 JSON（须为 UTF-8 编码）"));
  }
  auto result = change(*who, body);
  if (!result.ok()) return JsonError(result.status());
  return JsonResponse(ok_status, *result);
}

HttpResponse HandleAdminHome(const HttpRequest& req, WebApp& app) {
  auto who = app.CurrentUser(req);
  if (!who) return app.SignInRequired(req);
  return AdminPage(req, app, *who, 200, "", "");
}

HttpResponse HandleAdminCreateAgency(const HttpRequest& req, WebApp& app) {
  return FormAction(
      req, app,
      [&](const services::SignedIn& who) -> Status {
        agency::Agency a;
        GONGKAI_RETURN_IF_ERROR(FillAgencyFromForm(req, &a));
        std::string parent = req.Form("parent_id");
        if (!parent.empty()) {
          GONGKAI_ASSIGN_OR_RETURN(a.parent_id, ParseId(parent));
        }
        return app.agencies().Add(who.actor, a).status();
      },
      "已新增机构");
}

HttpResponse HandleAdminUpdateAgency(const HttpRequest& req, WebApp& app) {
  return FormAction(
      req, app,
      [&](const services::SignedIn& who) -> Status {
        GONGKAI_ASSIGN_OR_RETURN(int64_t id, ParseId(req.PathParam("id")));
        GONGKAI_ASSIGN_OR_RETURN(agency::Agency a, app.agencies().Get(id));
        GONGKAI_RETURN_IF_ERROR(FillAgencyFromForm(req, &a));
        return app.agencies().Update(who.actor, a);
      },
      "已保存");
}

HttpResponse HandleAdminSetApprovalChain(const HttpRequest& req, WebApp& app) {
  return FormAction(
      req, app,
      [&](const services::SignedIn& who) -> Status {
        GONGKAI_ASSIGN_OR_RETURN(int64_t id, ParseId(req.PathParam("id")));
        return app.applications().SetDecisionChain(who.actor, id, req.Form("approval_chain"));
      },
      "已保存审批链");
}

HttpResponse HandleApiCreateAgency(const HttpRequest& req, WebApp& app) {
  return ApiAction(
      req, app,
      [&](const services::SignedIn& who, const nlohmann::json& body) -> Result<nlohmann::json> {
        agency::Agency a;
        GONGKAI_RETURN_IF_ERROR(agency::AgencyFromJson(body, &a));
        GONGKAI_ASSIGN_OR_RETURN(agency::AgencyId id, app.agencies().Add(who.actor, a));
        GONGKAI_ASSIGN_OR_RETURN(agency::Agency stored, app.agencies().Get(id));
        return agency::AgencyToJson(stored);
      },
      201);
}

HttpResponse HandleApiUpdateAgency(const HttpRequest& req, WebApp& app) {
  return ApiAction(
      req, app,
      [&](const services::SignedIn& who, const nlohmann::json& body) -> Result<nlohmann::json> {
        GONGKAI_ASSIGN_OR_RETURN(int64_t id, ParseId(req.PathParam("id")));
        GONGKAI_ASSIGN_OR_RETURN(agency::Agency a, app.agencies().Get(id));
        GONGKAI_RETURN_IF_ERROR(agency::AgencyFromJson(body, &a));
        a.id = id;
        GONGKAI_RETURN_IF_ERROR(app.agencies().Update(who.actor, a));
        GONGKAI_ASSIGN_OR_RETURN(agency::Agency stored, app.agencies().Get(id));
        return agency::AgencyToJson(stored);
      },
      200);
}

}  // namespace gongkai::http

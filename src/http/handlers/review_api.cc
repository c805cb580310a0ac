// The JSON API of the review workflow (docs/api.md, 审核与发布): POST /api/v1/items/{id}/submit,
// /review, /withdraw, /schedule, GET /api/v1/items/{id}/review and /register, GET
// /api/v1/agencies/{id}/review-queue. Signed in; every POST carries X-CSRF-Token; the service
// authorizes.
#include "http/handlers/handlers.h"
#include "services/review_service.h"

namespace gongkai::http {

namespace {

using Json = nlohmann::json;

HttpResponse Read(const HttpRequest& req, WebApp& app,
                  const std::function<Result<Json>(const services::SignedIn&)>& fn) {
  auto who = app.CurrentUser(req);
  if (!who) return app.SignInRequired(req);
  auto out = fn(*who);
  if (!out.ok()) return JsonError(out.status());
  return JsonResponse(200, *out);
}

Json ActionJson(const catalog::ReviewAction& a) {
  Json o = Json::array();
  for (const auto& x : a.overrides) o.push_back({{"term", x.term}, {"reason", x.reason}});
  services::ScreeningResult s = services::ScreeningFromJson(a.screening);
  return {{"run", a.run},
          {"stage", a.stage},
          {"stage_name", a.stage_name},
          {"decision", catalog::ReviewDecisionCode(a.decision)},
          {"revision", a.revision},
          {"revision_sha256", a.revision_sha256},
          {"by", a.by},
          {"at", FormatChinaTime(a.at)},
          {"opinion", a.opinion},
          {"proofread", a.proofread},
          {"secrecy", catalog::SecrecyCode(a.secrecy)},
          {"secrecy_basis", a.secrecy_basis},
          {"screening", services::ScreeningSummary(s)},
          {"overrides", o}};
}

Json ScreeningJson(const services::ScreeningResult& r) {
  Json hits = Json::array();
  for (const auto& h : r.hits) {
    hits.push_back({{"category", h.category},
                    {"severity", h.severity},
                    {"term", h.term},
                    {"suggestion", h.suggestion},
                    {"offset", h.offset}});
  }
  return {{"version", r.version}, {"summary", services::ScreeningSummary(r)}, {"hits", hits}};
}

Json ViewJson(const services::ReviewView& v) {
  Json actions = Json::array();
  for (const auto& a : v.actions) actions.push_back(ActionJson(a));
  Json pubs = Json::array();
  for (const auto& p : v.publications) {
    pubs.push_back({{"kind", catalog::PublicationKindCode(p.kind)},
                    {"revision", p.revision},
                    {"at", FormatChinaTime(p.at)},
                    {"by", p.by},
                    {"note", p.note}});
  }
  Json j = {{"id", v.record.id},
            {"title", v.title},
            {"status", catalog::ItemStatusCode(v.record.status)},
            {"returned", v.record.returned},
            {"index_number", v.record.index_number},
            {"latest_revision", v.record.latest_revision},
            {"chain", account::FormatApprovalChain(v.chain)},
            {"stage", v.state && v.state->open ? v.state->stage : 0},
            {"stage_name", v.stage_name},
            {"revision_in_review", v.state && v.state->open ? v.state->revision : 0},
            {"screening", ScreeningJson(v.screening)},
            {"actions", actions},
            {"publications", pubs}};
  return j;
}

Result<int64_t> ItemId(const HttpRequest& req) { return ParseId(req.PathParam("id")); }

int IntField(const Json& body, const char* name) {
  return body.contains(name) && body[name].is_number_integer() ? body[name].get<int>() : 0;
}
std::string StringField(const Json& body, const char* name) {
  return body.contains(name) && body[name].is_string() ? body[name].get<std::string>() : "";
}

Result<std::optional<int64_t>> TimeField(const Json& body, const char* name) {
  std::string t = StringField(body, name);
  if (t.empty()) return std::optional<int64_t>();
  GONGKAI_ASSIGN_OR_RETURN(int64_t v, services::ParseChinaTime(t));
  return std::optional<int64_t>(v);
}

}  // namespace

HttpResponse HandleApiItemReview(const HttpRequest& req, WebApp& app) {
  return Read(req, app, [&](const services::SignedIn& who) -> Result<Json> {
    GONGKAI_ASSIGN_OR_RETURN(int64_t id, ItemId(req));
    GONGKAI_ASSIGN_OR_RETURN(services::ReviewView v, app.reviews().Review(who.actor, id));
    return ViewJson(v);
  });
}

HttpResponse HandleApiItemRegister(const HttpRequest& req, WebApp& app) {
  return Read(req, app, [&](const services::SignedIn& who) -> Result<Json> {
    GONGKAI_ASSIGN_OR_RETURN(int64_t id, ItemId(req));
    GONGKAI_ASSIGN_OR_RETURN(services::RegisterForm f, app.reviews().Register(who.actor, id));
    Json rows = Json::array();
    for (const auto& r : f.rows) {
      rows.push_back({{"stage", r.stage},
                      {"signer", r.signer},
                      {"date", r.date},
                      {"decision", r.decision},
                      {"opinion", r.opinion},
                      {"proofread", r.proofread},
                      {"secrecy", r.secrecy}});
    }
    Json ov = Json::array();
    for (const auto& o : f.overrides) ov.push_back({{"term", o.term}, {"reason", o.reason}});
    return Json{{"index_number", f.index_number},
                {"title", f.title},
                {"column", f.column},
                {"source", f.source},
                {"doc_number", f.doc_number},
                {"attribute", f.attribute},
                {"revision", f.revision},
                {"stages", rows},
                {"screening", f.screening},
                {"screening_version", f.screening_version},
                {"overrides", ov},
                {"published_at", f.published_at},
                {"publisher", f.publisher},
                {"corrections", f.corrections},
                {"status", f.status}};
  });
}

HttpResponse HandleApiReviewQueue(const HttpRequest& req, WebApp& app) {
  return Read(req, app, [&](const services::SignedIn& who) -> Result<Json> {
    GONGKAI_ASSIGN_OR_RETURN(int64_t agency, ParseId(req.PathParam("id")));
    int stage = 0;
    if (std::string s = req.Query("stage"); !s.empty()) {
      GONGKAI_ASSIGN_OR_RETURN(int64_t n, ParseId(s));
      stage = static_cast<int>(n);
    }
    GONGKAI_ASSIGN_OR_RETURN(auto q, app.reviews().Queue(who.actor, agency, stage));
    Json items = Json::array();
    for (const auto& e : q) {
      items.push_back({{"id", e.item},
                       {"title", e.title},
                       {"column", e.column},
                       {"stage", e.stage},
                       {"stage_name", e.stage_name},
                       {"revision", e.revision},
                       {"submitted_by", e.submitted_by},
                       {"submitted_at", FormatChinaTime(e.submitted_at)},
                       {"correction", e.correction}});
    }
    return Json{{"items", items}};
  });
}

HttpResponse HandleApiItemSubmit(const HttpRequest& req, WebApp& app) {
  return ApiAction(
      req, app,
      [&](const services::SignedIn& who, const Json& body) -> Result<Json> {
        GONGKAI_ASSIGN_OR_RETURN(int64_t id, ItemId(req));
        GONGKAI_RETURN_IF_ERROR(app.reviews().Submit(who.actor, id, IntField(body, "revision")));
        GONGKAI_ASSIGN_OR_RETURN(services::ReviewView v, app.reviews().Review(who.actor, id));
        return ViewJson(v);
      },
      200);
}

HttpResponse HandleApiItemDecide(const HttpRequest& req, WebApp& app) {
  return ApiAction(
      req, app,
      [&](const services::SignedIn& who, const Json& body) -> Result<Json> {
        GONGKAI_ASSIGN_OR_RETURN(int64_t id, ItemId(req));
        services::ReviewDecisionInput in;
        in.expected_revision = IntField(body, "revision");
        std::string decision = StringField(body, "decision");
        if (decision != "pass" && decision != "return") {
          return InvalidArgument("bad decision", "decision 应为 pass 或 return");
        }
        in.pass = decision == "pass";
        in.opinion = StringField(body, "opinion");
        in.proofread = body.contains("proofread") && body["proofread"].is_boolean() &&
                       body["proofread"].get<bool>();
        GONGKAI_ASSIGN_OR_RETURN(in.secrecy, catalog::ParseSecrecy(StringField(body, "secrecy")));
        in.secrecy_basis = StringField(body, "secrecy_basis");
        if (body.contains("overrides") && body["overrides"].is_object()) {
          for (const auto& [term, reason] : body["overrides"].items()) {
            if (reason.is_string()) in.overrides[term] = reason.get<std::string>();
          }
        }
        GONGKAI_RETURN_IF_ERROR(app.reviews().Decide(who.actor, id, in));
        GONGKAI_ASSIGN_OR_RETURN(services::ReviewView v, app.reviews().Review(who.actor, id));
        return ViewJson(v);
      },
      200);
}

HttpResponse HandleApiItemWithdraw(const HttpRequest& req, WebApp& app) {
  return ApiAction(
      req, app,
      [&](const services::SignedIn& who, const Json& body) -> Result<Json> {
        GONGKAI_ASSIGN_OR_RETURN(int64_t id, ItemId(req));
        GONGKAI_RETURN_IF_ERROR(app.reviews().Withdraw(who.actor, id, StringField(body, "reason")));
        GONGKAI_ASSIGN_OR_RETURN(services::ReviewView v, app.reviews().Review(who.actor, id));
        return ViewJson(v);
      },
      200);
}

HttpResponse HandleApiItemSchedule(const HttpRequest& req, WebApp& app) {
  return ApiAction(
      req, app,
      [&](const services::SignedIn& who, const Json& body) -> Result<Json> {
        GONGKAI_ASSIGN_OR_RETURN(int64_t id, ItemId(req));
        GONGKAI_ASSIGN_OR_RETURN(auto go_live, TimeField(body, "go_live_at"));
        GONGKAI_ASSIGN_OR_RETURN(auto expire, TimeField(body, "expire_at"));
        GONGKAI_RETURN_IF_ERROR(app.reviews().Schedule(who.actor, id, go_live, expire));
        GONGKAI_ASSIGN_OR_RETURN(services::ReviewView v, app.reviews().Review(who.actor, id));
        return ViewJson(v);
      },
      200);
}

}  // namespace gongkai::http

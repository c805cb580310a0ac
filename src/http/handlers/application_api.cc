// The JSON API of 依申请公开 under /api/v1 (docs/api.md). Signed in; every POST/PUT carries the
// session's X-CSRF-Token; the service authorizes per agency. A body or parameter that cannot be
// read is 400; a well-formed request the service refuses as invalid is 422.
#include "http/application_codec.h"
#include "http/handlers/handlers.h"

namespace gongkai::http {

namespace {

namespace apps = applications;
using Json = nlohmann::json;

// 422 for the service's validation refusals (`svc`: the request was read and the service
// called); the shared mapping otherwise (400 for what could not be read).
HttpResponse ApiError(const Status& s, bool svc) {
  if (svc && s.code() == StatusCode::kInvalidArgument) {
    return JsonResponse(
        422, {{"error", {{"code", StatusCodeName(s.code())}, {"message", s.UserMessage()}}}});
  }
  return JsonError(s);
}

// A read: sign-in, then `fn`. Errors from `fn` are the service's (422 for invalid input).
HttpResponse ApiRead(const HttpRequest& req, WebApp& app,
                     const std::function<Result<Json>(const services::SignedIn&, bool& svc)>& fn) {
  auto who = app.CurrentUser(req);
  if (!who) return app.SignInRequired(req);
  bool svc = false;
  auto out = fn(*who, svc);
  if (!out.ok()) return ApiError(out.status(), svc);
  return JsonResponse(200, *out);
}

// A change: sign-in, CSRF, a JSON object body, then `fn`.
HttpResponse ApiWrite(
    const HttpRequest& req, WebApp& app, int ok_status,
    const std::function<Result<Json>(const services::SignedIn&, const Json&, bool& svc)>& fn) {
  auto who = app.CurrentUser(req);
  if (!who) return app.SignInRequired(req);
  Status csrf = app.CheckCsrf(req, *who);
  if (!csrf.ok()) return JsonError(csrf);
  Json body = Json::parse(req.body, nullptr, false);
  if (body.is_discarded() || !body.is_object()) {
    return JsonError(InvalidArgument("bad json", "请求体应为 JSON 对象（UTF-8 编码）"));
  }
  bool svc = false;
  auto out = fn(*who, body, svc);
  if (!out.ok()) return ApiError(out.status(), svc);
  return JsonResponse(ok_status, *out);
}

Result<Date> AsOf(const HttpRequest& req, WebApp& app) {
  std::string t = req.Query("as_of");
  if (t.empty()) return app.clock().TodayInChina();
  auto d = Date::Parse(t);
  return d;
}

Result<int64_t> PathId(const HttpRequest& req, const std::string& name) {
  return ParseId(req.PathParam(name));
}

}  // namespace

HttpResponse HandleApiListApplications(const HttpRequest& req, WebApp& app) {
  return ApiRead(req, app, [&](const services::SignedIn& who, bool& svc) -> Result<Json> {
    GONGKAI_ASSIGN_OR_RETURN(int64_t agency, PathId(req, "id"));
    services::ListFilter filter;
    std::string state = req.Query("state");
    if (state == "open") {
      filter.state = services::ListFilter::State::kOpen;
    } else if (state == "closed") {
      filter.state = services::ListFilter::State::kClosed;
    } else if (!state.empty() && state != "all") {
      return InvalidArgument("bad state", "state 应为 open、closed 或 all");
    }
    if (std::string y = req.Query("year"); !y.empty()) {
      GONGKAI_ASSIGN_OR_RETURN(int64_t year, ParseId(y));
      filter.year = static_cast<int>(year);
    }
    svc = true;  // from here on, invalid input is the service's 422
    GONGKAI_ASSIGN_OR_RETURN(auto list, app.applications().List(who.actor, agency, filter));
    Json items = Json::array();
    for (const auto& s : list) items.push_back(SummaryToJson(s));
    return Json{{"applications", items}, {"count", list.size()}};
  });
}

HttpResponse HandleApiApplicationQueue(const HttpRequest& req, WebApp& app) {
  return ApiRead(req, app, [&](const services::SignedIn& who, bool& svc) -> Result<Json> {
    GONGKAI_ASSIGN_OR_RETURN(int64_t agency, PathId(req, "id"));
    GONGKAI_ASSIGN_OR_RETURN(Date as_of, AsOf(req, app));
    svc = true;  // from here on, invalid input is the service's 422
    GONGKAI_ASSIGN_OR_RETURN(auto q, app.applications().QueueOf(who.actor, agency, as_of));
    Json j = QueueToJson(q);
    j["as_of"] = as_of.ToString();
    return j;
  });
}

HttpResponse HandleApiRegisterApplication(const HttpRequest& req, WebApp& app) {
  return ApiWrite(
      req, app, 201,
      [&](const services::SignedIn& who, const Json& body, bool& svc) -> Result<Json> {
        GONGKAI_ASSIGN_OR_RETURN(int64_t agency, PathId(req, "id"));
        Json fields = body;
        fields["agency_id"] = agency;
        auto input = InputFromFields(JsonFields(fields));
        if (!input.ok()) return input.status();
        std::vector<apps::Event> events;
        auto it = body.find("events");
        if (it == body.end() || !it->is_array() || it->empty()) {
          return InvalidArgument("no events", "events 应为至少含一个事件的数组（如提交申请）");
        }
        for (const auto& e : *it) {
          auto event = EventFromJson(e);
          if (!event.ok()) return event.status();
          events.push_back(std::move(event).value());
        }
        svc = true;  // from here on, invalid input is the service's 422
        GONGKAI_ASSIGN_OR_RETURN(auto done, app.applications().Register(who.actor, *input, events));
        Json j = {{"id", done.id}, {"number", done.number}};
        if (!done.lookup_code.empty()) j["lookup_code"] = done.lookup_code;
        return j;
      });
}

HttpResponse HandleApiGetApplication(const HttpRequest& req, WebApp& app) {
  return ApiRead(req, app, [&](const services::SignedIn& who, bool& svc) -> Result<Json> {
    GONGKAI_ASSIGN_OR_RETURN(int64_t id, PathId(req, "id"));
    std::optional<Date> as_of;
    if (!req.Query("as_of").empty()) {
      GONGKAI_ASSIGN_OR_RETURN(as_of, AsOf(req, app));
    }
    svc = true;  // from here on, invalid input is the service's 422
    GONGKAI_ASSIGN_OR_RETURN(auto detail, as_of ? app.applications().GetAsOf(who.actor, id, *as_of)
                                                : app.applications().Get(who.actor, id));
    return DetailToJson(detail);
  });
}

HttpResponse HandleApiFindApplication(const HttpRequest& req, WebApp& app) {
  return ApiRead(req, app, [&](const services::SignedIn& who, bool& svc) -> Result<Json> {
    std::string number = req.Query("number");
    if (number.empty()) {
      return InvalidArgument("no number", "请用 ?number= 给出申请编号");
    }
    svc = true;  // from here on, invalid input is the service's 422
    GONGKAI_ASSIGN_OR_RETURN(auto detail, app.applications().GetByNumber(who.actor, number));
    return DetailToJson(detail);
  });
}

HttpResponse HandleApiRecordEvent(const HttpRequest& req, WebApp& app) {
  return ApiWrite(req, app, 201,
                  [&](const services::SignedIn& who, const Json& body, bool& svc) -> Result<Json> {
                    GONGKAI_ASSIGN_OR_RETURN(int64_t id, PathId(req, "id"));
                    auto event = EventFromJson(body);
                    if (!event.ok()) return event.status();
                    svc = true;  // from here on, invalid input is the service's 422
                    GONGKAI_RETURN_IF_ERROR(app.applications().RecordEvent(who.actor, id, *event));
                    GONGKAI_ASSIGN_OR_RETURN(auto detail, app.applications().Get(who.actor, id));
                    return DetailToJson(detail);
                  });
}

HttpResponse HandleApiApplicationDuplicates(const HttpRequest& req, WebApp& app) {
  return ApiRead(req, app, [&](const services::SignedIn& who, bool& svc) -> Result<Json> {
    GONGKAI_ASSIGN_OR_RETURN(int64_t id, PathId(req, "id"));
    svc = true;  // from here on, invalid input is the service's 422
    GONGKAI_ASSIGN_OR_RETURN(auto dups, app.applications().Duplicates(who.actor, id));
    Json items = Json::array();
    for (const auto& d : dups) {
      items.push_back({{"id", d.id},
                       {"number", d.number},
                       {"received", d.received ? Json(d.received->ToString()) : Json(nullptr)},
                       {"similarity", d.similarity}});
    }
    return Json{{"duplicates", items}, {"suggested_outcome", items.empty() ? "" : "5.2"}};
  });
}

HttpResponse HandleApiAddCase(const HttpRequest& req, WebApp& app) {
  return ApiWrite(req, app, 201,
                  [&](const services::SignedIn& who, const Json& body, bool& svc) -> Result<Json> {
                    GONGKAI_ASSIGN_OR_RETURN(int64_t id, PathId(req, "id"));
                    auto c = CaseFromFields(JsonFields(body));
                    if (!c.ok()) return c.status();
                    c->application_id = id;
                    svc = true;  // from here on, invalid input is the service's 422
                    GONGKAI_ASSIGN_OR_RETURN(apps::CaseId case_id,
                                             app.applications().AddCase(who.actor, *c));
                    c->id = case_id;
                    return CaseToJson(*c);
                  });
}

HttpResponse HandleApiUpdateCase(const HttpRequest& req, WebApp& app) {
  return ApiWrite(req, app, 200,
                  [&](const services::SignedIn& who, const Json& body, bool& svc) -> Result<Json> {
                    GONGKAI_ASSIGN_OR_RETURN(int64_t id, PathId(req, "id"));
                    GONGKAI_ASSIGN_OR_RETURN(int64_t case_id, PathId(req, "case_id"));
                    auto c = CaseFromFields(JsonFields(body));
                    if (!c.ok()) return c.status();
                    c->id = case_id;
                    c->application_id = id;
                    svc = true;  // from here on, invalid input is the service's 422
                    GONGKAI_RETURN_IF_ERROR(app.applications().UpdateCase(who.actor, *c));
                    return CaseToJson(*c);
                  });
}

HttpResponse HandleApiRecordFiling(const HttpRequest& req, WebApp& app) {
  return ApiWrite(
      req, app, 201,
      [&](const services::SignedIn& who, const Json& body, bool& svc) -> Result<Json> {
        GONGKAI_ASSIGN_OR_RETURN(int64_t id, PathId(req, "id"));
        FieldFn get = JsonFields(body);
        services::Filing f;
        auto date = Date::Parse(get("date"));
        if (!date.ok()) return date.status();
        f.date = *date;
        f.filed_with = get("filed_with");
        f.note = get("note");
        svc = true;  // from here on, invalid input is the service's 422
        GONGKAI_RETURN_IF_ERROR(app.applications().RecordFiling(who.actor, id, f));
        return Json{{"date", f.date.ToString()}, {"filed_with", f.filed_with}, {"note", f.note}};
      });
}

HttpResponse HandleApiMonthlyCount(const HttpRequest& req, WebApp& app) {
  return ApiRead(req, app, [&](const services::SignedIn& who, bool& svc) -> Result<Json> {
    GONGKAI_ASSIGN_OR_RETURN(int64_t agency, PathId(req, "id"));
    std::string identity = req.Query("identity");
    std::string month = req.Query("month");  // "2024-03"
    auto first = Date::Parse(month.size() == 7 ? month + "-01" : month);
    if (identity.empty() || !first.ok()) {
      return InvalidArgument("bad monthly-count query",
                             "请用 ?identity=证件号码&month=2024-03 给出申请人和月份");
    }
    GONGKAI_ASSIGN_OR_RETURN(svc = true;  // from here on, invalid input is the service's 422
                             int n,
                             app.applications().MonthlyCount(who.actor, agency, identity, *first));
    return Json{{"agency_id", agency}, {"month", first->ToString().substr(0, 7)}, {"count", n}};
  });
}

HttpResponse HandleApiApplicationTables(const HttpRequest& req, WebApp& app) {
  return ApiRead(req, app, [&](const services::SignedIn& who, bool& svc) -> Result<Json> {
    GONGKAI_ASSIGN_OR_RETURN(int64_t agency, PathId(req, "id"));
    GONGKAI_ASSIGN_OR_RETURN(int64_t year, PathId(req, "year"));
    GONGKAI_ASSIGN_OR_RETURN(
        svc = true;  // from here on, invalid input is the service's 422
        auto t, app.applications().CompileTables(who.actor, agency, static_cast<int>(year)));
    return TablesToJson(t);
  });
}

HttpResponse HandleApiGetApprovalChain(const HttpRequest& req, WebApp& app) {
  return ApiRead(req, app, [&](const services::SignedIn& who, bool&) -> Result<Json> {
    GONGKAI_ASSIGN_OR_RETURN(int64_t agency, PathId(req, "id"));
    GONGKAI_ASSIGN_OR_RETURN(auto chain, app.applications().DecisionChain(who.actor, agency));
    return ChainToJson(chain);
  });
}

HttpResponse HandleApiSetApprovalChain(const HttpRequest& req, WebApp& app) {
  return ApiWrite(
      req, app, 200,
      [&](const services::SignedIn& who, const Json& body, bool& svc) -> Result<Json> {
        GONGKAI_ASSIGN_OR_RETURN(int64_t agency, PathId(req, "id"));
        auto text = body.find("text");
        if (text == body.end() || !text->is_string()) {
          return InvalidArgument("missing text",
                                 "请求体应含 text（审批链，如 none 或 拟办:application_"
                                 "clerk,法制审核:legal_reviewer,签发:signing_leader）");
        }
        svc = true;
        GONGKAI_RETURN_IF_ERROR(
            app.applications().SetDecisionChain(who.actor, agency, text->get<std::string>()));
        GONGKAI_ASSIGN_OR_RETURN(auto chain, app.applications().DecisionChain(who.actor, agency));
        return ChainToJson(chain);
      });
}

}  // namespace gongkai::http

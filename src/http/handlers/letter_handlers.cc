// Reply letters of an application (答复书, 告知书, 补正/延期/收费通知书, 征求意见函): the printable
// HTML page (with the staff's 成文日期 form above it, not printed), the DOCX download, the change
// of the 成文日期, for staff pages and the API. Built by services::LetterService from the ledger;
// the clerk's free text comes from the query string (a GET form on the application page) and is
// carried through the 成文日期 form.
#include <cctype>
#include <functional>

#include "http/handlers/handlers.h"
#include "letters/letter.h"
#include "letters/sign_off.h"

namespace gongkai::http {

namespace {

using Getter = std::function<std::string(const char*)>;

constexpr const char* kDocxType =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

// The clerk's free-text fields of a letter (services::LetterRequest), by their query names.
constexpr const char* kTextFields[] = {"reason",
                                       "provision",
                                       "published_where",
                                       "other_agency",
                                       "other_agency_contact",
                                       "previous_reply",
                                       "obtain_from",
                                       "items",
                                       "payment_method",
                                       "contact_person",
                                       "reconsideration_body",
                                       "court"};

Result<services::LetterRequest> RequestFrom(std::string_view kind, const Getter& get) {
  services::LetterRequest r;
  GONGKAI_ASSIGN_OR_RETURN(r.kind, letters::ParseKind(kind));
  std::string* values[] = {&r.reason,
                           &r.provision,
                           &r.published_where,
                           &r.other_agency,
                           &r.other_agency_contact,
                           &r.previous_reply,
                           &r.obtain_from,
                           &r.items,
                           &r.payment_method,
                           &r.contact_person,
                           &r.reconsideration_body,
                           &r.court};
  for (size_t i = 0; i < std::size(kTextFields); ++i) *values[i] = get(kTextFields[i]);
  return r;
}

Getter QueryOf(const HttpRequest& req) {
  return [&req](const char* name) { return req.Query(name); };
}
Getter FormOf(const HttpRequest& req) {
  return [&req](const char* name) { return req.Form(name); };
}

// What the 成文日期 form shows: the date in force (or the one just typed), its bounds and origin.
mstch::map DateTools(const services::SignedIn& who, int64_t id, letters::LetterKind kind,
                     const services::LetterDating& d, const Getter& fields,
                     const std::string& typed, const std::string& error,
                     const std::string& notice) {
  mstch::array hidden;
  for (const char* name : kTextFields) {
    if (std::string v = fields(name); !v.empty()) {
      hidden.push_back(mstch::map{{"name", std::string(name)}, {"value", v}});
    }
  }
  std::string note;
  if (!d.event_date) {
    note = "成文日期默认为文书所答复事项的日期。";
  } else if (d.chosen) {
    note = "成文日期由" + d.chosen_by + "设定；默认为" + d.event_label + "之日（" +
           d.event_date->ToString() + "）。可选" + d.event_date->ToString() + "至今天（" +
           d.latest.ToString() + "）之间、文书所载期限届满之前的日期。";
  } else {
    note = "成文日期为" + d.event_label + "之日（" + d.event_date->ToString() + "）。可改为" +
           d.event_date->ToString() + "至今天（" + d.latest.ToString() +
           "）之间、文书所载期限届满之前的日期；修改会记入操作日志，存档件与再次下载的文书一致。";
  }
  return {{"id", std::to_string(id)},
          {"kind", std::string(letters::KindCode(kind))},
          {"csrf", who.session.csrf_token},
          {"fields", hidden},
          {"typed", typed.empty() ? d.date.ToString() : typed},
          {"min", d.event_date ? d.event_date->ToString() : std::string()},
          {"max", d.latest.ToString()},
          {"error", error},
          {"notice", notice},
          {"note", note}};
}

// The letter as `format` (html or docx). A letter that cannot be built (a deadline passed at its
// 成文日期, a missing setting) is a 422 page with the reason and the 成文日期 form; `typed`,
// `error` and `status` come from a refused change of the date.
HttpResponse RenderLetter(const HttpRequest& req, WebApp& app, const services::SignedIn& who,
                          int64_t id, const services::LetterRequest& request, const Getter& fields,
                          const std::string& format, int status = 200,
                          const std::string& typed = "", const std::string& error = "") {
  auto dating = app.letters().Dating(who.actor, id, request.kind);
  if (!dating.ok()) return app.Error(req, dating.status());
  std::string notice = req.Query("date_set") == "1"
                           ? "成文日期已改为" + dating->date.ToChinese() + "，已记入操作日志。"
                           : "";
  mstch::map tools = DateTools(who, id, request.kind, *dating, fields, typed, error, notice);
  const std::string label(letters::KindLabel(request.kind));
  auto letter = app.letters().Build(who.actor, id, request);
  if (!letter.ok()) {
    StatusCode code = letter.status().code();
    if (code != StatusCode::kInvalidArgument && code != StatusCode::kFailedPrecondition) {
      return app.Error(req, letter.status());
    }
    mstch::map page = tools;
    page["label"] = label;
    page["message"] = letter.status().UserMessage();
    page["dated"] = dating->event_date.has_value();
    return app.Page(422, "letter_refused", "不能生成" + label, page, &who);
  }
  auto seal = app.seals().ForApplication(id);  // the agency's uploaded seal, if any
  if (!seal.ok()) return app.Error(req, seal.status());
  HttpResponse r;
  r.status = status;
  r.AddHeader("Cache-Control", "no-store");
  std::string name = letter->number + letter->title;
  if (format == "docx") {
    auto docx = letters::RenderLetterDocx(*letter, *seal);
    if (!docx.ok()) return app.Error(req, docx.status());
    r.content_type = kDocxType;
    r.body = std::move(docx).value();
    r.AddHeader("Content-Disposition", "attachment; filename=\"letter.docx\"; filename*=UTF-8''" +
                                           PercentEncode(name + ".docx"));
    return r;
  }
  Result<std::string> html = std::string();
  if (req.Query("copy") == "file") {  // 存档联 with the 签发单
    auto sign_offs = app.letters().SignOffs(who.actor, id);
    if (!sign_offs.ok()) return app.Error(req, sign_offs.status());
    html = letters::RenderFileCopyHtml(*letter, *seal, *sign_offs);
  } else {
    html = letters::RenderLetterHtml(*letter, *seal);
  }
  if (!html.ok()) return app.Error(req, html.status());
  r.body = std::move(html).value();
  auto form = app.Fragment("letter_tools", tools);
  if (!form.ok()) return app.Error(req, form.status());
  if (size_t body = r.body.find("<body>\n"); body != std::string::npos) {
    r.body.insert(body + 7, *form);
  }
  return r;
}

HttpResponse LetterPage(const HttpRequest& req, WebApp& app, const std::string& format) {
  auto who = app.CurrentUser(req);
  if (!who) return app.SignInRequired(req);
  auto id = ParseId(req.PathParam("id"));
  if (!id.ok()) return app.Error(req, id.status());
  auto request = RequestFrom(req.PathParam("kind"), QueryOf(req));
  if (!request.ok()) return app.Error(req, request.status());
  return RenderLetter(req, app, *who, *id, *request, QueryOf(req), format);
}

nlohmann::json LetterJson(const letters::Letter& l, const services::LetterDating& d) {
  return {{"kind", letters::KindCode(l.kind)},
          {"title", l.title},
          {"number", l.number},
          {"addressee", l.addressee},
          {"salutation", l.salutation},
          {"body", l.body},
          {"articles", l.articles},
          {"legal_basis", l.legal_basis},
          {"remedy", l.remedy},
          {"agency_name", l.agency_name},
          {"contact", l.contact},
          {"date", l.date.ToString()},
          {"date_text", l.date_text},
          {"dating",
           {{"event", d.event_label},
            {"event_date", d.event_date ? nlohmann::json(d.event_date->ToString()) : nullptr},
            {"chosen", d.chosen},
            {"chosen_by", d.chosen_by}}}};
}

// A refusal the input caused (kInvalidArgument, kFailedPrecondition) is 422 with the reason;
// anything else keeps its usual status.
HttpResponse ApiRefusal(const Status& s) {
  if (s.code() != StatusCode::kInvalidArgument && s.code() != StatusCode::kFailedPrecondition) {
    return JsonError(s);
  }
  return JsonResponse(
      422, {{"error", {{"code", StatusCodeName(s.code())}, {"message", s.UserMessage()}}}});
}

// The letter as JSON; a letter the ledger cannot support (or dated past its deadline) is 422.
HttpResponse ApiLetterJson(WebApp& app, const services::SignedIn& who, int64_t id,
                           const services::LetterRequest& request) {
  auto l = app.letters().Build(who.actor, id, request);
  auto d = l.ok() ? app.letters().Dating(who.actor, id, request.kind)
                  : Result<services::LetterDating>(l.status());
  if (!d.ok()) return ApiRefusal(d.status());
  return JsonResponse(200, LetterJson(*l, *d));
}

}  // namespace

HttpResponse HandleLetterHtml(const HttpRequest& req, WebApp& app) {
  return LetterPage(req, app, "html");
}

HttpResponse HandleLetterDocx(const HttpRequest& req, WebApp& app) {
  return LetterPage(req, app, "docx");
}

HttpResponse HandleLetterDate(const HttpRequest& req, WebApp& app) {
  auto who = app.CurrentUser(req);
  if (!who) return app.SignInRequired(req);
  Status csrf = app.CheckCsrf(req, *who);
  if (!csrf.ok()) return app.Error(req, csrf);
  auto id = ParseId(req.PathParam("id"));
  if (!id.ok()) return app.Error(req, id.status());
  auto request = RequestFrom(req.PathParam("kind"), FormOf(req));
  if (!request.ok()) return app.Error(req, request.status());
  const std::string typed = req.Form("date");
  Status s = InvalidArgument("missing date", "请填写成文日期");
  if (!typed.empty()) {
    auto date = Date::Parse(typed);
    s = date.ok() ? app.letters().SetDate(who->actor, *id, request->kind, *date) : date.status();
  }
  if (!s.ok()) {
    if (s.code() != StatusCode::kInvalidArgument && s.code() != StatusCode::kFailedPrecondition) {
      return app.Error(req, s);
    }
    return RenderLetter(req, app, *who, *id, *request, FormOf(req), "html", 422, typed,
                        s.UserMessage());
  }
  std::string query = "?date_set=1";
  for (const char* name : kTextFields) {
    if (std::string v = req.Form(name); !v.empty())
      query += "&" + std::string(name) + "=" + PercentEncode(v);
  }
  return Redirect("/admin/applications/" + std::to_string(*id) + "/letters/" +
                  std::string(letters::KindCode(request->kind)) + query);
}

HttpResponse HandleApiLetter(const HttpRequest& req, WebApp& app) {
  std::string format = req.Query("format");
  if (format == "html" || format == "docx") return LetterPage(req, app, format);
  auto who = app.CurrentUser(req);
  if (!who) return app.SignInRequired(req);
  auto id = ParseId(req.PathParam("id"));
  if (!id.ok()) return JsonError(id.status());
  auto request = RequestFrom(req.PathParam("kind"), QueryOf(req));
  if (!request.ok()) return JsonError(request.status());
  return ApiLetterJson(app, *who, *id, *request);
}

HttpResponse HandleApiLetterDate(const HttpRequest& req, WebApp& app) {
  auto who = app.CurrentUser(req);
  if (!who) return app.SignInRequired(req);
  Status csrf = app.CheckCsrf(req, *who);
  if (!csrf.ok()) return JsonError(csrf);
  auto id = ParseId(req.PathParam("id"));
  if (!id.ok()) return JsonError(id.status());
  auto body = nlohmann::json::parse(req.body, nullptr, false);
  if (body.is_discarded() || !body.is_object()) {
    return JsonError(InvalidArgument("bad json", "请求体应为 JSON 对象（UTF-8 编码）"));
  }
  if (!body.contains("date") || !body["date"].is_string()) {
    return JsonError(InvalidArgument("missing date", "请在 date 中填写成文日期（YYYY-MM-DD）"));
  }
  auto date = Date::Parse(body["date"].get<std::string>());
  if (!date.ok()) return JsonError(date.status());
  auto request = RequestFrom(req.PathParam("kind"), QueryOf(req));
  if (!request.ok()) return JsonError(request.status());
  Status s = app.letters().SetDate(who->actor, *id, request->kind, *date);
  if (!s.ok()) return ApiRefusal(s);
  return ApiLetterJson(app, *who, *id, *request);
}

}  // namespace gongkai::http

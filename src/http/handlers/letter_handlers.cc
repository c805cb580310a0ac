// Reply letters of an application (答复书, 告知书, 补正/延期/收费通知书, 征求意见函): the printable
// HTML page and the DOCX download, for staff pages and the API. Built by services::LetterService
// from the ledger; the clerk's free text comes from the query string (a GET form on the page).
#include <cctype>

#include "http/handlers/handlers.h"
#include "letters/letter.h"

namespace gongkai::http {

namespace {

constexpr const char* kDocxType =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

Result<services::LetterRequest> RequestFrom(const HttpRequest& req, std::string_view kind) {
  services::LetterRequest r;
  GONGKAI_ASSIGN_OR_RETURN(r.kind, letters::ParseKind(kind));
  r.reason = req.Query("reason");
  r.provision = req.Query("provision");
  r.published_where = req.Query("published_where");
  r.other_agency = req.Query("other_agency");
  r.other_agency_contact = req.Query("other_agency_contact");
  r.previous_reply = req.Query("previous_reply");
  r.obtain_from = req.Query("obtain_from");
  r.items = req.Query("items");
  r.payment_method = req.Query("payment_method");
  r.contact_person = req.Query("contact_person");
  r.reconsideration_body = req.Query("reconsideration_body");
  r.court = req.Query("court");
  return r;
}

// The letter as `format` (html or docx), or the error as a page / JSON.
HttpResponse RenderLetter(const HttpRequest& req, WebApp& app, const std::string& format) {
  auto who = app.CurrentUser(req);
  if (!who) return app.SignInRequired(req);
  auto id = ParseId(req.PathParam("id"));
  if (!id.ok()) return app.Error(req, id.status());
  auto request = RequestFrom(req, req.PathParam("kind"));
  if (!request.ok()) return app.Error(req, request.status());
  auto letter = app.letters().Build(who->actor, *id, *request);
  if (!letter.ok()) return app.Error(req, letter.status());
  auto seal = app.seals().ForApplication(*id);  // the agency's uploaded seal, if any
  if (!seal.ok()) return app.Error(req, seal.status());
  HttpResponse r;
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
  auto html = letters::RenderLetterHtml(*letter, *seal);
  if (!html.ok()) return app.Error(req, html.status());
  r.body = std::move(html).value();
  return r;
}

}  // namespace

HttpResponse HandleLetterHtml(const HttpRequest& req, WebApp& app) {
  return RenderLetter(req, app, "html");
}

HttpResponse HandleLetterDocx(const HttpRequest& req, WebApp& app) {
  return RenderLetter(req, app, "docx");
}

HttpResponse HandleApiLetter(const HttpRequest& req, WebApp& app) {
  std::string format = req.Query("format");
  if (format == "html" || format == "docx") return RenderLetter(req, app, format);
  auto who = app.CurrentUser(req);
  if (!who) return app.SignInRequired(req);
  auto id = ParseId(req.PathParam("id"));
  if (!id.ok()) return JsonError(id.status());
  auto request = RequestFrom(req, req.PathParam("kind"));
  if (!request.ok()) return JsonError(request.status());
  auto l = app.letters().Build(who->actor, *id, *request);
  if (!l.ok()) {
    return l.status().code() == StatusCode::kInvalidArgument
               ? JsonResponse(422, {{"error",
                                     {{"code", StatusCodeName(l.status().code())},
                                      {"message", l.status().UserMessage()}}}})
               : JsonError(l.status());
  }
  return JsonResponse(200, {{"kind", letters::KindCode(l->kind)},
                            {"title", l->title},
                            {"number", l->number},
                            {"addressee", l->addressee},
                            {"salutation", l->salutation},
                            {"body", l->body},
                            {"articles", l->articles},
                            {"legal_basis", l->legal_basis},
                            {"remedy", l->remedy},
                            {"agency_name", l->agency_name},
                            {"contact", l->contact},
                            {"date", l->date.ToString()},
                            {"date_text", l->date_text}});
}

}  // namespace gongkai::http

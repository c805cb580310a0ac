// Staff pages of 依申请公开 (/admin/applications…): the queue per agency, the register form and
// one application's page with its clock and the forms of the next events. Signed in; the
// service authorizes per agency.
#include "applications/events.h"
#include "http/application_codec.h"
#include "http/handlers/application_view.h"
#include "http/handlers/form_errors.h"
#include "http/handlers/handlers.h"

namespace gongkai::http {

namespace {

namespace apps = applications;

mstch::map Section(const std::string& id, const std::string& title,
                   const std::vector<services::ApplicationSummary>& list) {
  return {{"id", id},
          {"title", title},
          {"count", std::to_string(list.size())},
          {"rows", SummaryRows(list)},
          {"empty", list.empty()}};
}

HttpResponse RegisterPage(const HttpRequest& req, WebApp& app, const services::SignedIn& who,
                          int status, const FieldFn& get, const std::string& error,
                          const std::vector<services::FieldError>& errors = {}) {
  auto all = app.agencies().List();
  if (!all.ok()) return app.Error(req, all.status());
  mstch::map form = ApplicationFormContext(get, ViewableAgencies(*all, who.actor), true);
  AddFieldErrors(errors, &form);
  form["error"] = error;
  return app.Page(status, "application_new", "登记依申请公开申请", std::move(form), &who);
}

HttpResponse DetailPage(const HttpRequest& req, WebApp& app, const services::SignedIn& who,
                        apps::ApplicationId id, int status, const std::string& notice,
                        const std::string& error, const EventFormState* state = nullptr) {
  auto detail = app.applications().Get(who.actor, id);
  if (!detail.ok()) return app.Error(req, detail.status());
  auto dups = app.applications().Duplicates(who.actor, id);
  mstch::map m =
      DetailContext(*detail, dups.ok() ? *dups : std::vector<services::DuplicateCandidate>{},
                    app.clock().TodayInChina(), state);
  m["notice"] = notice;
  m["error"] = error;
  return app.Page(status, "application", detail->app.number, std::move(m), &who);
}

}  // namespace

HttpResponse HandleAdminApplications(const HttpRequest& req, WebApp& app) {
  auto who = app.CurrentUser(req);
  if (!who) return app.SignInRequired(req);
  auto all = app.agencies().List();
  if (!all.ok()) return app.Error(req, all.status());
  AgencyChoice choice = ChooseAgency(ViewableAgencies(*all, who->actor), req.Query("agency"));
  const std::string& chosen = choice.chosen;
  mstch::map m;
  m["agencies"] = std::move(choice.options);
  if (!chosen.empty()) {
    auto agency = ParseId(chosen);
    if (!agency.ok()) return app.Error(req, agency.status());
    Date today = app.clock().TodayInChina();
    auto q = app.applications().QueueOf(who->actor, *agency, today);
    if (!q.ok()) return app.Error(req, q.status());
    m["agency_id"] = chosen;
    m["today"] = today.ToString();
    m["sections"] =
        mstch::array{Section("overdue", "已超期", q->overdue),
                     Section("due-soon", "3个工作日内到期", q->due_soon),
                     Section("awaiting-applicant", "等待申请人补正", q->awaiting_applicant),
                     Section("consulting", "征求第三方或其他机关意见中", q->consulting),
                     Section("awaiting-fee", "等待缴费", q->awaiting_fee),
                     Section("other-open", "其他办理中", q->other_open)};
  }
  return app.Page(200, "applications", "依申请公开", std::move(m), &*who);
}

HttpResponse HandleAdminApplicationForm(const HttpRequest& req, WebApp& app) {
  auto who = app.CurrentUser(req);
  if (!who) return app.SignInRequired(req);
  std::string agency = req.Query("agency");
  std::string today = app.clock().TodayInChina().ToString();
  return RegisterPage(
      req, app, *who, 200,
      [&](std::string_view name) -> std::string {
        if (name == "agency_id") return agency;
        if (name == "submitted_date") return today;
        return "";
      },
      "");
}

HttpResponse HandleAdminRegisterApplication(const HttpRequest& req, WebApp& app) {
  auto who = app.CurrentUser(req);
  if (!who) return app.SignInRequired(req);
  Status csrf = app.CheckCsrf(req, *who);
  if (!csrf.ok()) return app.Error(req, csrf);
  FieldFn get = FormFields(req);
  std::vector<services::FieldError> errors;
  auto fail = [&](const Status& s) {
    int code = s.code() == StatusCode::kInvalidArgument ? 422 : HttpStatusFor(s.code());
    return RegisterPage(req, app, *who, code, get, errors.empty() ? s.UserMessage() : "", errors);
  };
  services::ApplicationInput input = InputFromFields(get, &errors);
  std::vector<services::AttachmentInput> files = AttachmentsFrom(req, &errors);
  // The dates are checked here so that their errors show with all the others.
  auto submitted = Date::Parse(get("submitted_date"));
  if (!submitted.ok()) errors.push_back({"submitted_date", submitted.status().UserMessage()});
  std::vector<apps::Event> events = {apps::events::Submitted(submitted.ok() ? *submitted : Date{})};
  if (std::string r = get("receipt_date");
      !r.empty() && input.channel != apps::Channel::kInPerson) {
    auto receipt = Date::Parse(r);
    if (!receipt.ok()) {
      errors.push_back({"receipt_date", receipt.status().UserMessage()});
    } else {
      events.push_back(input.channel == apps::Channel::kRegisteredLetter
                           ? apps::events::SignedFor(*receipt)
                           : apps::events::Confirmed(*receipt));
    }
  }
  auto done = app.applications().Register(who->actor, std::move(input), events, files, &errors);
  if (!done.ok()) return fail(done.status());
  // The lookup code is shown once, here, for the clerk to hand to the applicant.
  std::string notice = "已登记：" + done->number;
  if (!done->lookup_code.empty()) {
    notice += "。申请人查询码：" + done->lookup_code + "（只显示这一次，请告知申请人）";
  }
  return DetailPage(req, app, *who, done->id, 200, notice, "");
}

HttpResponse HandleAdminApplication(const HttpRequest& req, WebApp& app) {
  auto who = app.CurrentUser(req);
  if (!who) return app.SignInRequired(req);
  auto id = ParseId(req.PathParam("id"));
  if (!id.ok()) return app.Error(req, id.status());
  std::string notice = req.Query("recorded") == "1" ? "已记录。" : "";
  return DetailPage(req, app, *who, *id, 200, notice, "");
}

// The fields of an event form, as posted (kept for a refused form and the confirmation page).
constexpr const char* kEventFields[] = {
    "type",    "date",     "days",     "party",         "consulted", "fee_method", "fee_yuan",
    "pages",   "outcome", "outcome2", "outcome3", "decision_date", "note",      "reason"};

// What the form must have before the service is asked: the field and the reason, or {}.
std::pair<std::string, std::string> MissingField(const apps::Event& e, const FieldFn& get) {
  using T = apps::EventType;
  if ((e.type == T::kDecided || e.type == T::kDrafted) && e.outcomes.empty()) {
    return {"outcome", "请选择答复结果（主要依据）"};
  }
  if (e.type == T::kCorrected && get("reason").empty()) return {"reason", "请填写更正理由（必填）"};
  if (e.type == T::kReturned && get("reason").empty()) return {"reason", "请填写退回理由（必填）"};
  return {};
}

HttpResponse HandleAdminRecordEvent(const HttpRequest& req, WebApp& app) {
  auto who = app.CurrentUser(req);
  if (!who) return app.SignInRequired(req);
  Status csrf = app.CheckCsrf(req, *who);
  if (!csrf.ok()) return app.Error(req, csrf);
  auto id = ParseId(req.PathParam("id"));
  if (!id.ok()) return app.Error(req, id.status());
  FieldFn get = FormFields(req);
  // A refusal: the page again (422), the form as typed, the reason beside it.
  auto refuse = [&](const std::string& field, const Status& s) {
    if (s.code() == StatusCode::kPermissionDenied || s.code() == StatusCode::kNotFound) {
      return app.Error(req, s);
    }
    EventFormState state{get("type"), get, s.UserMessage(), field};
    auto type = apps::ParseEventType(state.type);
    if (state.field.empty() && type.ok()) state.field = ErrorField(*type, state.error);
    // A refusal of the action (bad field, wrong moment) is 422; a condition of the system (the
    // calendar cannot count that far …) keeps its own status.
    int code =
        s.code() == StatusCode::kInvalidArgument || s.code() == StatusCode::kFailedPrecondition
            ? 422
            : HttpStatusFor(s.code());
    return DetailPage(req, app, *who, *id, code, "", type.ok() ? "" : state.error, &state);
  };
  auto event = EventFromFields(get);
  if (!event.ok()) return refuse("", event.status());
  if (get("edit") == "1") {  // back from the confirmation page: the form as typed, nothing stored
    EventFormState state{get("type"), get, "", ""};
    return DetailPage(req, app, *who, *id, 200, "", "", &state);
  }
  if (auto [field, why] = MissingField(*event, get); !field.empty()) {
    return refuse(field, InvalidArgument("missing " + field, why));
  }
  if (get("confirm") != "1") {
    auto detail = app.applications().Get(who->actor, *id);
    if (!detail.ok()) return app.Error(req, detail.status());
    if (NeedsConfirmation(*event, *detail)) {
      Status s = app.applications().CheckEvent(who->actor, *id, *event);
      if (!s.ok()) return refuse("", s);
      std::vector<std::pair<std::string, std::string>> fields;
      for (const char* f : kEventFields) fields.emplace_back(f, get(f));
      return app.Page(200, "application_confirm", "确认记录",
                      ConfirmationContext(*event, *detail, fields), &*who);
    }
  }
  Status s = app.applications().RecordEvent(who->actor, *id, std::move(event).value());
  if (!s.ok()) return refuse("", s);
  return Redirect("/admin/applications/" + std::to_string(*id) + "?recorded=1");
}

}  // namespace gongkai::http

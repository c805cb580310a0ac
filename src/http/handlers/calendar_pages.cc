// The working-day calendar page (/admin/calendar): coverage, next year's days, and the import of
// the State Council's notice — paste, preview the days that change, confirm, and see the
// applications whose due date moved.
#include <charconv>

#include "http/handlers/handlers.h"

namespace gongkai::http {

namespace {

std::string YearsText(const std::vector<int>& years) {
  std::string out;
  for (int y : years) out += (out.empty() ? "" : "、") + std::to_string(y);
  return out;
}

// The page's status part and next year's days.
mstch::map BaseContext(WebApp& app) {
  mstch::map m;
  auto s = app.calendars().Status();
  if (!s.ok()) return m;
  int next = s->today.year + 1;
  m["today"] = s->today.ToString();
  m["covered"] = YearsText(s->covered_years) + "年";
  m["imported"] = YearsText(s->imported_years);
  m["next_year"] = std::to_string(next);
  m["next_provisional"] = s->next_year_provisional;
  m["next_state"] = std::string(
      s->next_year_provisional ? "尚未导入：跨年期限按法定节假日预计（不含调休）" : "已导入");
  mstch::array days;
  auto cal = app.calendars().Build();
  if (cal.ok()) {
    auto year = (*cal)->SummarizeYear(next);
    if (year.ok()) {
      for (const auto& d : year->holidays) {
        days.push_back(mstch::map{{"date", d.date.ToString()},
                                  {"weekday", d.date.ChineseWeekday()},
                                  {"name", d.Reason()}});
      }
    }
  }
  m["next_days"] = days;
  return m;
}

struct NoticeForm {
  std::string text;
  std::string year_text;
  std::optional<int> year;
  services::NoticeFormat format = services::NoticeFormat::kText;
};

Result<NoticeForm> ReadNoticeForm(const HttpRequest& req) {
  NoticeForm f;
  f.text = req.Form("text");
  f.year_text = req.Form("year");
  f.format =
      req.Form("format") == "tsv" ? services::NoticeFormat::kTsv : services::NoticeFormat::kText;
  if (f.text.size() > 64 * 1024) {
    return InvalidArgument("notice too long", "通知文本过长（不超过64KB）");
  }
  if (!f.year_text.empty()) {
    int y = 0;
    auto r = std::from_chars(f.year_text.data(), f.year_text.data() + f.year_text.size(), y);
    if (r.ec != std::errc() || r.ptr != f.year_text.data() + f.year_text.size() || y < 2000 ||
        y > 2100) {
      return InvalidArgument("bad year", "年份无效：“" + f.year_text + "”");
    }
    f.year = y;
  }
  return f;
}

// The form as typed, to show again beside an error.
NoticeForm RawForm(const HttpRequest& req) {
  NoticeForm f;
  f.text = req.Form("text");
  f.year_text = req.Form("year");
  return f;
}

HttpResponse CalendarPage(WebApp& app, const services::SignedIn& who, int status,
                          mstch::map extra) {
  mstch::map m = BaseContext(app);
  for (auto& [k, v] : extra) m[k] = std::move(v);
  return app.Page(status, "calendar", "工作日历", std::move(m), &who);
}

HttpResponse FormError(WebApp& app, const services::SignedIn& who, const NoticeForm& f,
                       const Status& s) {
  int code = s.code() == StatusCode::kPermissionDenied ? 403 : 422;
  return CalendarPage(
      app, who, code,
      {{"error", s.UserMessage()}, {"form_text", f.text}, {"form_year", f.year_text}});
}

}  // namespace

HttpResponse HandleAdminCalendar(const HttpRequest& req, WebApp& app) {
  auto who = app.CurrentUser(req);
  if (!who) return app.SignInRequired(req);
  return CalendarPage(app, *who, 200, {});
}

HttpResponse HandleAdminCalendarPreview(const HttpRequest& req, WebApp& app) {
  auto who = app.CurrentUser(req);
  if (!who) return app.SignInRequired(req);
  Status csrf = app.CheckCsrf(req, *who);
  if (!csrf.ok()) return app.Error(req, csrf);
  auto form = ReadNoticeForm(req);
  if (!form.ok()) return FormError(app, *who, RawForm(req), form.status());
  auto p = app.calendars().Preview(form->text, form->format, form->year);
  if (!p.ok()) return FormError(app, *who, *form, p.status());
  mstch::array changes;
  for (const auto& c : p->changes) {
    changes.push_back(mstch::map{{"date", c.date.ToString()},
                                 {"weekday", c.date.ChineseWeekday()},
                                 {"before", c.before},
                                 {"after", c.after}});
  }
  mstch::array warnings;
  for (const auto& w : p->warnings) warnings.push_back(w);
  mstch::map preview{
      {"year", std::to_string(p->year)},
      {"holidays", std::to_string(p->holidays)},
      {"workdays", std::to_string(p->workdays)},
      {"replaces", p->replaces_notice},
      {"change_count", std::to_string(p->changes.size())},
      {"changes", changes},
      {"has_changes", !p->changes.empty()},
      {"warnings", warnings},
      {"has_warnings", !p->warnings.empty()},
      {"text", form->text},
      {"format", std::string(form->format == services::NoticeFormat::kTsv ? "tsv" : "text")},
      {"csrf", who->session.csrf_token}};
  return CalendarPage(
      app, *who, 200,
      {{"preview", preview}, {"form_text", form->text}, {"form_year", form->year_text}});
}

HttpResponse HandleAdminCalendarImport(const HttpRequest& req, WebApp& app) {
  auto who = app.CurrentUser(req);
  if (!who) return app.SignInRequired(req);
  Status csrf = app.CheckCsrf(req, *who);
  if (!csrf.ok()) return app.Error(req, csrf);
  auto form = ReadNoticeForm(req);
  if (!form.ok()) return FormError(app, *who, RawForm(req), form.status());
  auto done = app.calendars().Import(who->actor, form->text, form->format, form->year,
                                     req.Form("confirm") == "1");
  if (!done.ok()) return FormError(app, *who, *form, done.status());
  Status reload = app.ReloadCalendar();
  if (!reload.ok()) return app.Error(req, reload);
  auto moved = app.applications().RecomputeDueDates(who->actor);
  mstch::array rows;
  if (moved.ok()) {
    for (const auto& m : *moved) {
      rows.push_back(mstch::map{{"id", std::to_string(m.id)},
                                {"number", m.number},
                                {"before", m.before ? m.before->ToString() : "—"},
                                {"after", m.after ? m.after->ToString() : "—"},
                                {"error", m.error}});
    }
  }
  size_t count = rows.size();
  return CalendarPage(app, *who, 200,
                      {{"notice", "已导入" + std::to_string(done->year) + "年节假日安排（" +
                                      std::to_string(done->changes.size()) +
                                      "天变化），未办结申请的答复期限已重新计算"},
                       {"moved_shown", true},
                       {"moved", rows},
                       {"has_moved", count > 0},
                       {"moved_count", std::to_string(count)}});
}

}  // namespace gongkai::http

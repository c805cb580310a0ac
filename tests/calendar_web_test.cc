// The working-day calendar on the web: the 1 November warning (banner and /healthz), the
// /admin/calendar page, a pasted notice previewed and imported (CSRF, warnings to confirm, a
// line that cannot be parsed), and the open application whose provisional due date moved.
// Fixture: applications_web_fixture.h, with the clock on Monday 2026-12-21.
#include "applications_web_fixture.h"

namespace gongkai::apps_web {
namespace {

using Json = nlohmann::json;

constexpr int64_t k20261221 = 1797818400;  // 2026-12-21 10:00 in China, a Monday

// An imagined 2027 notice in the State Council's wording (the real one is not out yet).
constexpr char kNotice2027[] =
    "国务院办公厅关于2027年部分节假日安排的通知\n"
    "一、元旦：1月1日（周五）至3日（周日）放假，共3天。\n"
    "二、春节：2月5日（周五）至12日（周五）放假调休，共8天。2月14日（周日）、2月20日（周六）上班。"
    "\n"
    "三、清明节：4月3日（周六）至5日（周一）放假，共3天。\n"
    "四、劳动节：5月1日（周六）至5日（周三）放假调休，共5天。5月8日（周六）上班。\n"
    "五、端午节：6月9日（周三）放假，共1天。\n"
    "六、中秋节：9月15日（周三）放假，共1天。\n"
    "七、国庆节：10月1日（周五）至7日（周四）放假调休，共7天。9月26日（周日）、10月9日（周六）"
    "上班。\n";

class CalendarWebTest : public ApplicationsWebTest {
 protected:
  void Seed() override {
    ApplicationsWebTest::Seed();
    services::AccountService accounts(*store_, clock_, security_);
    AddUser(accounts, "admin", {{account::Role::kSystemAdmin, std::nullopt}});
    clock_.Advance(k20261221 - web_test::kStart);
  }

  HttpReply PostForm(const std::string& path, const std::string& session,
                     std::vector<std::pair<std::string, std::string>> fields) {
    return Send("POST", path, FormBody(fields),
                std::string(web_test::kForm) + "Cookie: gk_session=" + session + "\r\n");
  }
};

TEST_F(CalendarWebTest, ANoticeImportedOnThePageMovesTheProvisionalDueDate) {
  // /healthz and the staff banner warn: 2027 is provisional.
  Json health = Json::parse(Send("GET", "/healthz").body);
  EXPECT_EQ(health["status"], "ok");
  EXPECT_EQ(health["calendar"]["next_year_provisional"], true);
  EXPECT_EQ(health["calendar"]["covered_years"].back(), 2026);
  EXPECT_EQ(health["calendar"]["warning"],
            "2027年节假日安排尚未导入：跨年的期限暂按《全国年节及纪念日放假办法》的法定节假日预计"
            "（不含调休）；国务院办公厅通知发布后，请在“工作日历”页或用 gongkai calendar import "
            "导入");

  // An in-person application of today, extended by 20 working days: due across 春节 2027.
  std::string clerk = SignIn("clerk");
  std::string csrf = CsrfOf(clerk);
  HttpReply reg = Api("POST", "/api/v1/agencies/" + std::to_string(bureau_) + "/applications",
                      clerk, R"({"channel":"in_person","applicant_kind":"natural_person",
    "identity":{"number":"11010519491231002X"},"contact":{"name":"张三","phone":"13800000000"},
    "description":"企业技术改造补助名单","carrier":"paper","delivery":"post",
    "events":[{"type":"submitted","date":"2026-12-21"}]})",
                      csrf);
  ASSERT_EQ(reg.status, 201) << reg.body;
  int64_t id = Json::parse(reg.body)["id"];
  std::string number = Json::parse(reg.body)["number"];
  std::string path = "/api/v1/applications/" + std::to_string(id);
  ASSERT_EQ(
      Api("POST", path + "/events", clerk,
          R"({"type":"extension_approved","date":"2026-12-21","days":20,"party":"局长"})", csrf)
          .status,
      201);
  Json clock = Json::parse(Api("GET", path, clerk).body)["clock"];
  EXPECT_EQ(clock["due"], "2027-02-18");
  EXPECT_EQ(clock["due_note"], "预计：2027年节假日安排尚未发布");
  HttpReply page = Send("GET", "/admin/applications", "", "Cookie: gk_session=" + clerk + "\r\n");
  EXPECT_TRUE(Contains(page.body, "id=\"calendar-warning\"")) << page.body;

  // Only a system administrator imports; the page shows next year's provisional days.
  EXPECT_EQ(Send("GET", "/admin/calendar", "", "Cookie: gk_session=" + clerk + "\r\n").status, 200);
  EXPECT_EQ(PostForm("/admin/calendar/import", clerk,
                     {{"_csrf", csrf}, {"text", kNotice2027}, {"format", "text"}})
                .status,
            403);
  std::string admin = SignIn("admin");
  std::string admin_csrf = CsrfOf(admin);
  HttpReply cal = Send("GET", "/admin/calendar", "", "Cookie: gk_session=" + admin + "\r\n");
  ASSERT_EQ(cal.status, 200);
  EXPECT_TRUE(Contains(cal.body,
                       "<strong id=\"covered-years\">2019、2020、2021、2022、2023、"
                       "2024、2025、2026年</strong>"))
      << cal.body;
  EXPECT_TRUE(Contains(
      cal.body,
      "<td data-label=\"日期\">2027-02-06（周六）</td><td data-label=\"节日\">春节（预计）</td>"))
      << cal.body;

  // No CSRF token: refused, nothing imported.
  EXPECT_EQ(PostForm("/admin/calendar/preview", admin, {{"text", kNotice2027}}).status, 403);
  // A line that cannot be parsed is named, the text kept, nothing stored.
  HttpReply bad = PostForm("/admin/calendar/preview", admin,
                           {{"_csrf", admin_csrf},
                            {"text", "一、元旦：1月1日（周五）至3日（周日放假"},
                            {"year", "2027"}});
  EXPECT_EQ(bad.status, 422);
  EXPECT_TRUE(Contains(bad.body, "第1行：无法识别“1月1日（周五）至3日（周日放假”")) << bad.body;
  EXPECT_TRUE(Contains(bad.body, "aria-invalid=\"true\""));

  // Without 中秋节 the notice contradicts the 放假办法: a warning to confirm.
  std::string partial = kNotice2027;
  partial.erase(partial.find("六、中秋节"), partial.find("七、") - partial.find("六、中秋节"));
  HttpReply warn =
      PostForm("/admin/calendar/preview", admin, {{"_csrf", admin_csrf}, {"text", partial}});
  EXPECT_EQ(warn.status, 200);
  EXPECT_TRUE(Contains(warn.body, "注意：2027-09-15（中秋节）是法定节假日，但通知中未列为放假"))
      << warn.body;
  EXPECT_EQ(PostForm("/admin/calendar/import", admin,
                     {{"_csrf", admin_csrf}, {"text", partial}, {"format", "text"}})
                .status,
            422);
  EXPECT_EQ(Json::parse(Api("GET", path, clerk).body)["clock"]["due"], "2027-02-18");

  // The full notice: preview lists the 20 changed days, the import moves the due date.
  HttpReply preview =
      PostForm("/admin/calendar/preview", admin, {{"_csrf", admin_csrf}, {"text", kNotice2027}});
  EXPECT_EQ(preview.status, 200);
  EXPECT_TRUE(Contains(preview.body, "放假 28 天，调休上班 5 天；变化的日期 20 天。"))
      << preview.body;
  EXPECT_TRUE(Contains(
      preview.body,
      "<td data-label=\"日期\">2027-02-09（周二）</td><td data-label=\"导入前\">工作日（预计）</td>"
      "<td data-label=\"导入后\">春节</td>"))
      << preview.body;
  HttpReply done = PostForm("/admin/calendar/import", admin,
                            {{"_csrf", admin_csrf}, {"text", kNotice2027}, {"format", "text"}});
  ASSERT_EQ(done.status, 200) << done.body;
  EXPECT_TRUE(Contains(done.body, "已导入2027年节假日安排（20天变化）")) << done.body;
  EXPECT_TRUE(Contains(done.body, "答复期限变化的申请（1）"));
  EXPECT_TRUE(Contains(done.body, ">" + number +
                                      "</a></td><td data-label=\"原期限\">2027-02-18</td>"
                                      "<td data-label=\"新期限\">2027-02-22</td>"))
      << done.body;

  clock = Json::parse(Api("GET", path, clerk).body)["clock"];
  EXPECT_EQ(clock["due"], "2027-02-22");
  EXPECT_EQ(clock["due_note"], "");
  health = Json::parse(Send("GET", "/healthz").body);
  EXPECT_EQ(health["calendar"]["next_year_provisional"], false);
  EXPECT_EQ(health["calendar"]["warning"], "");
  page = Send("GET", "/admin/applications", "", "Cookie: gk_session=" + clerk + "\r\n");
  EXPECT_FALSE(Contains(page.body, "id=\"calendar-warning\""));
}

}  // namespace
}  // namespace gongkai::apps_web

// 依申请公开 on the web, end to end: real HTTP on an ephemeral port, a real SQLite file, a fake
// clock (2024-11-26, a Tuesday) and the bundled holiday data. The public form and status page,
// the staff pages and the JSON API.
#include <gtest/gtest.h>

#include <cctype>
#include <nlohmann/json.hpp>
#include <regex>
#include <thread>

#include "http/server.h"
#include "http/web_app.h"
#include "http_test_client.h"
#include "services/account_service.h"
#include "services/agency_service.h"
#include "storage/store.h"
#include "test_util.h"

namespace gongkai {
namespace {

using testing_util::HttpReply;
using testing_util::HttpTestClient;

constexpr int64_t kStart = 1732600000;  // 2024-11-26 13:46 in China, a Tuesday
constexpr char kPassword[] = "correct-horse-9";
constexpr char kForm[] = "Content-Type: application/x-www-form-urlencoded\r\n";
// A valid 居民身份证号码 (GB 11643 check character X).
constexpr char kResidentId[] = "11010519491231002X";

// Percent-encodes a form value.
std::string Enc(const std::string& s) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (isalnum(c) || c == '-' || c == '_' || c == '.') {
      out.push_back(static_cast<char>(c));
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

std::string FormBody(const std::vector<std::pair<std::string, std::string>>& fields) {
  std::string body;
  for (const auto& [k, v] : fields) body += (body.empty() ? "" : "&") + Enc(k) + "=" + Enc(v);
  return body;
}

bool Contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

class ApplicationsWebTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = storage::OpenStore("sqlite:" + testing_util::MakeTempDir() + "/web.db").value();
    ASSERT_TRUE(store_->Migrate().ok());
    security_.password_params = {1024, 1, 1};  // fast hashing for tests
    services::AgencyService agencies(*store_, clock_);
    auto console = account::Actor::Console();
    gov_ = AddAgency(agencies, console, "樟树市人民政府", "", std::nullopt);
    bureau_ = AddAgency(agencies, console, "樟树市工业和信息化局", "樟工信", gov_);
    sibling_ = AddAgency(agencies, console, "樟树市教育体育局", "樟教体", gov_);
    services::AccountService accounts(*store_, clock_, security_);
    AddUser(accounts, "clerk", {{account::Role::kApplicationClerk, bureau_}});
    AddUser(accounts, "other", {{account::Role::kApplicationClerk, sibling_}});

    app_ = std::make_unique<http::WebApp>(*store_, clock_, security_, http::WebOptions{});
    http::ServerOptions options;
    options.port = 0;
    options.threads = 2;
    options.max_body_bytes = 1024 * 1024;
    options.clock = &clock_;
    server_ = std::make_unique<http::Server>(options, app_->MakeRouter());
    ASSERT_TRUE(server_->Listen().ok());
    thread_ = std::thread([this] { (void)server_->Run(false); });
  }

  void TearDown() override {
    server_->Stop();
    thread_.join();
  }

  agency::AgencyId AddAgency(services::AgencyService& s, const account::Actor& actor,
                             const std::string& name, const std::string& short_name,
                             std::optional<agency::AgencyId> parent) {
    agency::Agency a;
    a.name = name;
    a.short_name = short_name;
    a.parent_id = parent;
    a.kind = parent ? agency::AgencyKind::kDepartment : agency::AgencyKind::kGovernment;
    auto id = s.Add(actor, a);
    EXPECT_TRUE(id.ok()) << id.status().ToString();
    return id.ok() ? *id : 0;
  }

  void AddUser(services::AccountService& s, const std::string& name,
               std::vector<account::RoleGrant> grants) {
    account::User u;
    u.username = name;
    u.grants = std::move(grants);
    ASSERT_TRUE(s.AddUser(account::Actor::Console(), u, kPassword).ok());
  }

  HttpReply Send(const std::string& method, const std::string& path, const std::string& body = "",
                 const std::string& headers = "") {
    HttpTestClient c(server_->port());
    std::string req = method + " " + path + " HTTP/1.1\r\nHost: t\r\n" + headers +
                      "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
    auto r = c.Exchange(req);
    EXPECT_TRUE(r.has_value()) << method << " " << path;
    return r.value_or(HttpReply{});
  }

  static std::string CookieValue(const HttpReply& r, const std::string& name) {
    for (const auto& [k, v] : r.headers) {
      if (k == "set-cookie" && v.rfind(name + "=", 0) == 0) {
        return v.substr(name.size() + 1, v.find(';') - name.size() - 1);
      }
    }
    return "";
  }

  static std::string Match(const std::string& text, const std::string& pattern) {
    std::smatch m;
    return std::regex_search(text, m, std::regex(pattern)) ? m[1].str() : "";
  }

  std::string SignIn(const std::string& user) {
    HttpReply form = Send("GET", "/login");
    std::string pre = CookieValue(form, "gk_prelogin");
    HttpReply r =
        Send("POST", "/login", "username=" + user + "&password=" + kPassword + "&_csrf=" + pre,
             std::string(kForm) + "Cookie: gk_prelogin=" + pre + "\r\n");
    return CookieValue(r, "gk_session");
  }

  std::string CsrfOf(const std::string& session) {
    HttpReply me = Send("GET", "/api/v1/me", "", "Cookie: gk_session=" + session + "\r\n");
    auto j = nlohmann::json::parse(me.body, nullptr, false);
    return j.is_object() && j.contains("csrf_token") ? j["csrf_token"].get<std::string>() : "";
  }

  HttpReply Api(const std::string& method, const std::string& path, const std::string& session,
                const std::string& body = "", const std::string& csrf = "") {
    std::string h = "Content-Type: application/json\r\nCookie: gk_session=" + session + "\r\n";
    if (!csrf.empty()) h += "X-CSRF-Token: " + csrf + "\r\n";
    return Send(method, path, body, h);
  }

  // The public form's fields for a natural person applying to the bureau.
  std::vector<std::pair<std::string, std::string>> ApplyFields(const std::string& description) {
    return {{"agency_id", std::to_string(bureau_)},
            {"applicant_kind", "natural_person"},
            {"contact.name", "李明"},
            {"identity.number", kResidentId},
            {"contact.phone", "13800000000"},
            {"contact.email", "liming@example.cn"},
            {"description", description},
            {"carrier", "email"},
            {"delivery", "email"}};
  }

  // GET /apply, then POST the fields with the form's double-submit token.
  HttpReply SubmitOnline(std::vector<std::pair<std::string, std::string>> fields) {
    HttpReply form = Send("GET", "/apply");
    std::string token = CookieValue(form, "gk_apply");
    EXPECT_EQ(Match(form.body, "name=\"_csrf\" value=\"([^\"]+)\""), token);
    fields.emplace_back("_csrf", token);
    return Send("POST", "/apply", FormBody(fields),
                std::string(kForm) + "Cookie: gk_apply=" + token + "\r\n");
  }

  HttpReply LookUp(const std::string& code) {
    return Send("POST", "/status", FormBody({{"code", code}}), kForm);
  }

  int64_t IdOf(const std::string& session, const std::string& number) {
    HttpReply r = Api("GET", "/api/v1/applications?number=" + Enc(number), session);
    auto j = nlohmann::json::parse(r.body, nullptr, false);
    return j.is_object() && j.contains("id") ? j["id"].get<int64_t>() : 0;
  }

  FakeClock clock_{kStart};
  services::SecurityOptions security_;
  std::unique_ptr<storage::Store> store_;
  std::unique_ptr<http::WebApp> app_;
  std::unique_ptr<http::Server> server_;
  std::thread thread_;
  agency::AgencyId gov_ = 0, bureau_ = 0, sibling_ = 0;
};

TEST_F(ApplicationsWebTest, OnlineApplicationFromSubmissionToDecision) {
  HttpReply done = SubmitOnline(ApplyFields("2024年技术改造专项资金分配结果"));
  ASSERT_EQ(done.status, 200) << done.body;
  std::string number = Match(done.body, "<strong id=\"number\">([^<]+)</strong>");
  std::string code = Match(done.body, "<strong id=\"lookup-code\" class=\"code\">([^<]+)</strong>");
  EXPECT_EQ(number, "樟工信依申〔2024〕1号");
  EXPECT_TRUE(std::regex_match(code, std::regex("[0-9A-Z]{4}(-[0-9A-Z]{4}){3}"))) << code;
  EXPECT_TRUE(Contains(done.body, "查询码只显示这一次"));
  EXPECT_EQ(done.Header("cache-control"), "no-store");

  // Received and confirmed online on Tue 2024-11-26: 20 working days → Tue 2024-12-24.
  HttpReply status = LookUp(code);
  ASSERT_EQ(status.status, 200) << status.body;
  EXPECT_TRUE(Contains(status.body, "<td id=\"status-number\">樟工信依申〔2024〕1号</td>"));
  EXPECT_TRUE(Contains(status.body, "<tr><th>受理机关</th><td>樟树市工业和信息化局</td></tr>"));
  EXPECT_TRUE(Contains(status.body, "<tr><th>收到申请日期</th><td>2024-11-26</td></tr>"));
  EXPECT_TRUE(Contains(status.body, "<td id=\"status-label\">办理中</td>"));
  EXPECT_TRUE(Contains(status.body, "<tr><th>答复期限</th><td>2024-12-24</td></tr>"));
  EXPECT_TRUE(Contains(status.body, "<tr><th>剩余工作日</th><td>20</td></tr>"));
  for (const char* secret : {"李明", "13800000000", kResidentId, "liming@example.cn"}) {
    EXPECT_FALSE(Contains(status.body, secret)) << secret;
  }

  std::string s = SignIn("clerk");
  HttpReply queue = Send("GET", "/admin/applications?agency=" + std::to_string(bureau_), "",
                         "Cookie: gk_session=" + s + "\r\n");
  ASSERT_EQ(queue.status, 200);
  int64_t id = IdOf(s, number);
  ASSERT_GT(id, 0);
  EXPECT_TRUE(
      Contains(queue.body, "<tr><td><a href=\"/admin/applications/" + std::to_string(id) +
                               "\">樟工信依申〔2024〕1号</a></td><td>李明</td><td>办理中</td>"
                               "<td>2024-11-26</td><td>2024-12-24</td>"
                               "<td class=\"num\">20</td></tr>"))
      << queue.body;

  // Three days later the clerk decides: disclosed.
  clock_.Advance(3 * 86400);  // Fri 2024-11-29
  s = SignIn("clerk");        // the session of Tuesday has timed out
  HttpReply page = Send("GET", "/admin/applications/" + std::to_string(id), "",
                        "Cookie: gk_session=" + s + "\r\n");
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(Contains(page.body, "<strong id=\"app-due\">2024-12-24</strong>"));
  EXPECT_TRUE(Contains(page.body, "剩余 <strong id=\"app-days-left\">17</strong> 个工作日"));
  EXPECT_TRUE(Contains(page.body, "id=\"form-decided\""));
  EXPECT_FALSE(Contains(page.body, "id=\"form-confirmed\""));  // already confirmed online
  std::string csrf = Match(page.body, "name=\"_csrf\" value=\"([^\"]+)\"");
  HttpReply decided = Send(
      "POST", "/admin/applications/" + std::to_string(id) + "/events",
      FormBody({{"_csrf", csrf}, {"type", "decided"}, {"date", "2024-11-29"}, {"outcome", "1"}}),
      std::string(kForm) + "Cookie: gk_session=" + s + "\r\n");
  EXPECT_EQ(decided.status, 303) << decided.body;
  EXPECT_EQ(decided.Header("location"),
            "/admin/applications/" + std::to_string(id) + "?recorded=1");

  // The reply letter, as a printable page and as DOCX.
  std::string letters = "/admin/applications/" + std::to_string(id) + "/letters/reply";
  page = Send("GET", "/admin/applications/" + std::to_string(id), "",
              "Cookie: gk_session=" + s + "\r\n");
  EXPECT_TRUE(Contains(page.body, "action=\"" + letters + "\" id=\"letter-reply\""));
  HttpReply html = Send("GET", letters + "?contact_person=" + Enc("王经办"), "",
                        "Cookie: gk_session=" + s + "\r\n");
  ASSERT_EQ(html.status, 200) << html.body;
  EXPECT_TRUE(Contains(html.body, "政府信息公开申请答复书"));
  EXPECT_TRUE(Contains(html.body, "樟工信依申答〔2024〕1号"));
  EXPECT_TRUE(Contains(html.body, "李明："));
  EXPECT_TRUE(Contains(html.body, "二〇二四年十一月二十九日"));
  HttpReply docx = Send("GET", letters + "/docx", "", "Cookie: gk_session=" + s + "\r\n");
  ASSERT_EQ(docx.status, 200);
  EXPECT_EQ(docx.Header("content-type"),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  EXPECT_EQ(docx.body.substr(0, 2), "PK");
  EXPECT_TRUE(Contains(docx.Header("content-disposition"), "attachment;"));
  // No correction was requested, so there is no 补正通知书 to write.
  HttpReply none = Send("GET", "/api/v1/applications/" + std::to_string(id) + "/letters/correction",
                        "", "Cookie: gk_session=" + s + "\r\n");
  EXPECT_EQ(none.status, 422) << none.body;

  status = LookUp(code);
  EXPECT_TRUE(Contains(status.body, "<td id=\"status-label\">已办结</td>")) << status.body;
  EXPECT_TRUE(Contains(status.body, "<tr><th>办结日期</th><td>2024-11-29</td></tr>"));
  EXPECT_TRUE(Contains(status.body, "<td id=\"status-outcome\">"));
  EXPECT_TRUE(Contains(status.body, "予以公开"));
}

TEST_F(ApplicationsWebTest, ApplyWithoutTheFormTokenIs403AndStoresNothing) {
  HttpReply r = Send("POST", "/apply", FormBody(ApplyFields("无令牌的申请")), kForm);
  EXPECT_EQ(r.status, 403);
  EXPECT_TRUE(Contains(r.body, "请求校验失败（CSRF），请刷新申请页面后重新提交"));
  HttpReply wrong = Send("POST", "/apply", FormBody(ApplyFields("令牌不符")) + "&_csrf=abc",
                         std::string(kForm) + "Cookie: gk_apply=def\r\n");
  EXPECT_EQ(wrong.status, 403);
  std::string s = SignIn("clerk");
  HttpReply list = Api("GET", "/api/v1/agencies/" + std::to_string(bureau_) + "/applications", s);
  ASSERT_EQ(list.status, 200);
  EXPECT_EQ(nlohmann::json::parse(list.body)["count"], 0);
}

TEST_F(ApplicationsWebTest, OversizedApplicationIs413) {
  HttpReply r = SubmitOnline(ApplyFields(std::string(70 * 1024, 'a')));
  EXPECT_EQ(r.status, 413);
  EXPECT_TRUE(Contains(r.body, "申请内容过长（上限 64 KiB），请精简后重新提交"));
}

TEST_F(ApplicationsWebTest, MissingFieldsKeepTheInputAndExplain) {
  auto fields = ApplyFields("");
  HttpReply r = SubmitOnline(fields);
  EXPECT_EQ(r.status, 422) << r.body;
  EXPECT_TRUE(Contains(r.body, "<p class=\"error\" role=\"alert\" id=\"form-error\">"));
  EXPECT_TRUE(Contains(r.body, "value=\"李明\""));  // the input is kept
  EXPECT_TRUE(Contains(r.body, "value=\"13800000000\""));

  fields = ApplyFields("查询");
  fields[0].second = "";  // no agency chosen
  r = SubmitOnline(fields);
  EXPECT_EQ(r.status, 400);
  EXPECT_TRUE(Contains(r.body, "请选择受理申请的机关"));

  fields = ApplyFields("查询");
  fields[3].second = "110105194912310021";  // wrong check character
  r = SubmitOnline(fields);
  EXPECT_EQ(r.status, 422);
  EXPECT_TRUE(Contains(r.body, "value=\"110105194912310021\""));
}

TEST_F(ApplicationsWebTest, MalformedUtf8IsRefused) {
  HttpReply form = Send("GET", "/apply");
  std::string token = CookieValue(form, "gk_apply");
  // The description's bytes are FF FE: not UTF-8.
  std::string body = FormBody(ApplyFields("@@")) + "&_csrf=" + token;
  body.replace(body.find("%40%40"), 6, "%FF%FE");
  HttpReply r =
      Send("POST", "/apply", body, std::string(kForm) + "Cookie: gk_apply=" + token + "\r\n");
  EXPECT_EQ(r.status, 422) << r.body;
  EXPECT_TRUE(Contains(r.body, "所需信息的内容描述含有无效字符（须为 UTF-8 文本，不含控制字符）"));
  std::string s = SignIn("clerk");
  HttpReply list = Api("GET", "/api/v1/agencies/" + std::to_string(bureau_) + "/applications", s);
  EXPECT_EQ(nlohmann::json::parse(list.body)["count"], 0);
}

TEST_F(ApplicationsWebTest, HostileDescriptionIsEscapedEverywhere) {
  const std::string hostile = "<script>alert(1)</script>\"'&";
  HttpReply done = SubmitOnline(ApplyFields(hostile));
  ASSERT_EQ(done.status, 200) << done.body;
  std::string s = SignIn("clerk");
  int64_t id = IdOf(s, "樟工信依申〔2024〕1号");
  HttpReply page = Send("GET", "/admin/applications/" + std::to_string(id), "",
                        "Cookie: gk_session=" + s + "\r\n");
  ASSERT_EQ(page.status, 200);
  EXPECT_FALSE(Contains(page.body, "<script>alert(1)"));
  EXPECT_TRUE(Contains(page.body, "<td id=\"app-description\">&lt;script&gt;alert(1)&lt;"))
      << page.body;
  EXPECT_TRUE(Contains(page.body, "&quot;&#39;&amp;</td>"));
  // Kept input on an error page is escaped too.
  auto fields = ApplyFields(hostile);
  fields[3].second = "bad\"><script>";
  HttpReply err = SubmitOnline(fields);
  EXPECT_FALSE(Contains(err.body, "<script>alert(1)"));
  EXPECT_FALSE(Contains(err.body, "bad\"><script>"));
}

TEST_F(ApplicationsWebTest, AnotherAgencysClerkGets403) {
  HttpReply done = SubmitOnline(ApplyFields("企业名单"));
  ASSERT_EQ(done.status, 200);
  std::string clerk = SignIn("clerk");
  int64_t id = IdOf(clerk, "樟工信依申〔2024〕1号");
  ASSERT_GT(id, 0);
  std::string other = SignIn("other");
  std::string path = "/api/v1/applications/" + std::to_string(id);
  EXPECT_EQ(Api("GET", path, other).status, 403);
  HttpReply ev = Api("POST", path + "/events", other,
                     R"({"type":"decided","date":"2024-11-26","outcomes":["1"]})", CsrfOf(other));
  EXPECT_EQ(ev.status, 403);
  EXPECT_EQ(Send("GET", "/admin/applications/" + std::to_string(id), "",
                 "Cookie: gk_session=" + other + "\r\n")
                .status,
            403);
  EXPECT_EQ(Api("GET", "/api/v1/agencies/" + std::to_string(bureau_) + "/applications/queue", other)
                .status,
            403);
  // Nothing was recorded.
  auto j = nlohmann::json::parse(Api("GET", path, clerk).body);
  EXPECT_EQ(j["events"].size(), 2u);  // 提交, 确认收到
}

TEST_F(ApplicationsWebTest, StatusLookupsAreTheSameForAnyUnknownCodeAndCapped) {
  HttpReply a = LookUp("AAAA-BBBB-CCCC-DDDD");
  HttpReply b = LookUp("not a code <b>");
  HttpReply c = LookUp("");
  EXPECT_EQ(a.status, 404);
  EXPECT_EQ(b.status, 404);
  EXPECT_EQ(c.status, 404);
  std::string msg_a = Match(a.body, "id=\"lookup-error\">([^<]+)<");
  EXPECT_FALSE(msg_a.empty());
  EXPECT_EQ(Match(b.body, "id=\"lookup-error\">([^<]+)<"), msg_a);
  EXPECT_EQ(Match(c.body, "id=\"lookup-error\">([^<]+)<"), msg_a);
  EXPECT_TRUE(Contains(b.body, "value=\"not a code &lt;b&gt;\""));
  for (int i = 0; i < 7; ++i) LookUp("AAAA-BBBB-CCCC-DDD" + std::to_string(i));
  HttpReply capped = LookUp("AAAA-BBBB-CCCC-DDDD");
  EXPECT_EQ(capped.status, 429);
  EXPECT_TRUE(Contains(capped.body, "查询失败次数过多，请15分钟后再试"));
}

TEST_F(ApplicationsWebTest, ApiRegistersALetterRecordsTheConfirmationAndExplainsTheClock) {
  std::string s = SignIn("clerk");
  std::string csrf = CsrfOf(s);
  std::string base = "/api/v1/agencies/" + std::to_string(bureau_) + "/applications";
  // An ordinary letter that arrived on Saturday 2024-11-23, confirmed on Monday 11-25.
  std::string body = R"({"channel":"ordinary_letter","applicant_kind":"commercial_enterprise",
    "identity":{"number":"91350100M000100Y43"},"contact":{"name":"樟树市某科技有限公司",
    "contact_person":"张三","phone":"0795-7000000"},"description":"企业技术改造补助名单",
    "carrier":"paper","delivery":"post","events":[{"type":"submitted","date":"2024-11-23"}]})";
  EXPECT_EQ(Api("POST", base, s, body, "").status, 403);  // no CSRF token
  EXPECT_EQ(nlohmann::json::parse(Api("GET", base, s).body)["count"], 0);
  HttpReply reg = Api("POST", base, s, body, csrf);
  ASSERT_EQ(reg.status, 201) << reg.body;
  auto r = nlohmann::json::parse(reg.body);
  EXPECT_EQ(r["number"], "樟工信依申〔2024〕1号");
  int64_t id = r["id"];
  std::string path = "/api/v1/applications/" + std::to_string(id);

  auto j = nlohmann::json::parse(Api("GET", path, s).body);
  EXPECT_EQ(j["clock"]["status"], "待确认收到");
  EXPECT_EQ(j["clock"]["due"], nullptr);

  HttpReply ev =
      Api("POST", path + "/events", s, R"({"type":"confirmed","date":"2024-11-25"})", csrf);
  ASSERT_EQ(ev.status, 201) << ev.body;
  j = nlohmann::json::parse(ev.body);
  EXPECT_EQ(j["clock"]["status"], "办理中");
  EXPECT_EQ(j["clock"]["received"], "2024-11-25");
  EXPECT_EQ(j["clock"]["due"], "2024-12-23");
  EXPECT_EQ(j["clock"]["working_days_left"], 19);  // as of Tue 11-26
  ASSERT_EQ(j["clock"]["days"].size(), 28u);       // 11-26 … 12-23
  EXPECT_EQ(j["clock"]["days"][4]["date"], "2024-11-30");
  EXPECT_EQ(j["clock"]["days"][4]["counted"], false);
  EXPECT_EQ(j["clock"]["days"][4]["reason"], "周末");
  EXPECT_EQ(j["clock"]["days"][27]["running_count"], 20);

  // Out of order: a second confirmation is refused, 409, and changes nothing.
  HttpReply again =
      Api("POST", path + "/events", s, R"({"type":"confirmed","date":"2024-11-26"})", csrf);
  EXPECT_EQ(again.status, 409) << again.body;
  EXPECT_EQ(nlohmann::json::parse(Api("GET", path, s).body)["events"].size(), 2u);
  // Unreadable input is 400; the service's refusal of a bad value is 422.
  EXPECT_EQ(Api("POST", path + "/events", s, "{not json", csrf).status, 400);
  EXPECT_EQ(
      Api("POST", path + "/events", s, R"({"type":"nonsense","date":"2024-11-26"})", csrf).status,
      400);
  HttpReply bad =
      Api("POST", path + "/events", s,
          R"({"type":"extension_approved","date":"2024-11-26","days":25,"party":"局长"})", csrf);
  EXPECT_EQ(bad.status, 422) << bad.body;
  EXPECT_EQ(Api("GET", "/api/v1/applications/99999", s).status, 404);

  // The queue as of a day puts it where it belongs; as_of moves the clock.
  auto q = nlohmann::json::parse(Api("GET", base + "/queue?as_of=2024-12-19", s).body);
  ASSERT_EQ(q["due_soon"].size(), 1u);
  EXPECT_EQ(q["due_soon"][0]["working_days_left"], 2);
  q = nlohmann::json::parse(Api("GET", base + "/queue?as_of=2024-12-24", s).body);
  ASSERT_EQ(q["overdue"].size(), 1u);
  EXPECT_EQ(q["overdue"][0]["number"], "樟工信依申〔2024〕1号");

  // Decide, then table 三 for 2024 counts it under 商业企业 / （一）.
  ASSERT_EQ(Api("POST", path + "/events", s,
                R"({"type":"decided","date":"2024-11-26","outcomes":["1"]})", csrf)
                .status,
            201);
  HttpReply tables = Api("GET", "/api/v1/agencies/" + std::to_string(bureau_) + "/tables/2024", s);
  ASSERT_EQ(tables.status, 200) << tables.body;
  auto t = nlohmann::json::parse(tables.body);
  EXPECT_EQ(t["table3"]["columns"][1], "商业企业");
  EXPECT_EQ(t["table3"]["rows"][0]["cells"][1]["count"], 1);  // 一、本年新收
  EXPECT_EQ(t["table3"]["rows"][2]["cells"][1]["count"], 1);  // （一）予以公开
  EXPECT_EQ(t["table3"]["rows"][2]["cells"][1]["numbers"][0], "樟工信依申〔2024〕1号");
  EXPECT_EQ(t["table3"]["rows"][23]["cells"][6]["count"], 1);  // （七）总计
}

TEST_F(ApplicationsWebTest, ApiDuplicatesMonthlyCountAndCases) {
  ASSERT_EQ(SubmitOnline(ApplyFields("2024年技术改造专项资金分配结果")).status, 200);
  ASSERT_EQ(SubmitOnline(ApplyFields("2024年 技术改造专项资金分配结果！")).status, 200);
  std::string s = SignIn("clerk");
  std::string csrf = CsrfOf(s);
  int64_t first = IdOf(s, "樟工信依申〔2024〕1号");
  int64_t second = IdOf(s, "樟工信依申〔2024〕2号");
  ASSERT_GT(second, 0);

  auto d = nlohmann::json::parse(
      Api("GET", "/api/v1/applications/" + std::to_string(second) + "/duplicates", s).body);
  ASSERT_EQ(d["duplicates"].size(), 1u) << d.dump();
  EXPECT_EQ(d["duplicates"][0]["number"], "樟工信依申〔2024〕1号");
  EXPECT_EQ(d["duplicates"][0]["similarity"], 1.0);  // punctuation and spaces do not count
  EXPECT_EQ(d["suggested_outcome"], "5.2");
  HttpReply page = Send("GET", "/admin/applications/" + std::to_string(second), "",
                        "Cookie: gk_session=" + s + "\r\n");
  EXPECT_TRUE(
      Contains(page.body, "<li><a href=\"/admin/applications/" + std::to_string(first) +
                              "\">樟工信依申〔2024〕1号</a>（收到 2024-11-26，相似度 100%）</li>"))
      << page.body;

  std::string base = "/api/v1/agencies/" + std::to_string(bureau_) + "/applications";
  auto m = nlohmann::json::parse(
      Api("GET", base + "/monthly-count?identity=" + kResidentId + "&month=2024-11", s).body);
  EXPECT_EQ(m["count"], 2);
  EXPECT_EQ(m["month"], "2024-11");
  EXPECT_EQ(Api("GET", base + "/monthly-count?identity=x&month=11", s).status, 400);

  // A case needs a concluded application; then its result can be set.
  std::string cases = "/api/v1/applications/" + std::to_string(first) + "/cases";
  HttpReply early =
      Api("POST", cases, s, R"({"kind":"reconsideration","filed":"2024-11-27"})", csrf);
  EXPECT_EQ(early.status, 409) << early.body;
  ASSERT_EQ(Api("POST", "/api/v1/applications/" + std::to_string(first) + "/events", s,
                R"({"type":"decided","date":"2024-11-26","outcomes":["4.1"]})", csrf)
                .status,
            201);
  HttpReply filed =
      Api("POST", cases, s, R"({"kind":"reconsideration","filed":"2024-11-27"})", csrf);
  ASSERT_EQ(filed.status, 201) << filed.body;
  auto c = nlohmann::json::parse(filed.body);
  EXPECT_EQ(c["kind_label"], "行政复议");
  EXPECT_EQ(c["result"], "pending");
  HttpReply decided = Api("PUT", cases + "/" + std::to_string(c["id"].get<int64_t>()), s,
                          R"({"kind":"reconsideration","filed":"2024-11-27","result":"corrected",
                              "decided_on":"2024-11-28"})",
                          csrf);
  ASSERT_EQ(decided.status, 200) << decided.body;
  auto j =
      nlohmann::json::parse(Api("GET", "/api/v1/applications/" + std::to_string(first), s).body);
  EXPECT_EQ(j["cases"][0]["result_label"], "结果纠正");
  EXPECT_EQ(j["decision_corrected"], true);
}

TEST_F(ApplicationsWebTest, StaffRegisterALetterThroughTheFormAndARefusedEventIsExplained) {
  std::string s = SignIn("clerk");
  std::string cookie = "Cookie: gk_session=" + s + "\r\n";
  HttpReply form =
      Send("GET", "/admin/applications/new?agency=" + std::to_string(bureau_), "", cookie);
  ASSERT_EQ(form.status, 200);
  EXPECT_TRUE(Contains(form.body, "<option value=\"" + std::to_string(bureau_) +
                                      "\" selected>樟树市工业和信息化局</option>"));
  EXPECT_TRUE(Contains(form.body, "<option value=\"registered_letter\">信函（挂号）</option>"));
  EXPECT_TRUE(
      Contains(form.body, "name=\"submitted_date\" type=\"date\" required value=\"2024-11-26\""));
  std::string csrf = Match(form.body, "name=\"_csrf\" value=\"([^\"]+)\"");

  // A registered letter that arrived on Friday 11-22 and was signed for on Monday 11-25.
  auto fields = ApplyFields("企业技术改造补助名单");
  fields.insert(fields.end(), {{"_csrf", csrf},
                               {"channel", "registered_letter"},
                               {"submitted_date", "2024-11-22"},
                               {"receipt_date", "2024-11-25"}});
  HttpReply done =
      Send("POST", "/admin/applications", FormBody(fields), std::string(kForm) + cookie);
  ASSERT_EQ(done.status, 200) << done.body;
  EXPECT_TRUE(Contains(done.body, "已登记：樟工信依申〔2024〕1号。申请人查询码："));
  EXPECT_TRUE(Contains(done.body, "<strong id=\"app-due\">2024-12-23</strong>"));
  EXPECT_TRUE(Contains(done.body, "<tr><td>2024-11-25</td><td>签收</td>"));

  // The same with a wrong 身份证 check character: 422, the input kept.
  fields[3].second = "110105194912310021";
  HttpReply bad =
      Send("POST", "/admin/applications", FormBody(fields), std::string(kForm) + cookie);
  EXPECT_EQ(bad.status, 422);
  EXPECT_TRUE(Contains(bad.body, "value=\"110105194912310021\""));
  EXPECT_TRUE(Contains(bad.body, "<option value=\"registered_letter\" selected>"));

  // A payment without a fee notice is out of order: 409, the reason on the page, nothing stored.
  int64_t id = IdOf(s, "樟工信依申〔2024〕1号");
  HttpReply paid = Send("POST", "/admin/applications/" + std::to_string(id) + "/events",
                        FormBody({{"_csrf", csrf}, {"type", "fee_paid"}, {"date", "2024-11-26"}}),
                        std::string(kForm) + cookie);
  EXPECT_EQ(paid.status, 409) << paid.body;
  EXPECT_TRUE(Contains(paid.body, "<p class=\"error\" role=\"alert\" id=\"event-error\">"));
  auto j = nlohmann::json::parse(Api("GET", "/api/v1/applications/" + std::to_string(id), s).body);
  EXPECT_EQ(j["events"].size(), 2u);
  // Without the session's token the form is refused.
  HttpReply forged =
      Send("POST", "/admin/applications/" + std::to_string(id) + "/events",
           FormBody({{"type", "withdrawn"}, {"date", "2024-11-26"}}), std::string(kForm) + cookie);
  EXPECT_EQ(forged.status, 403);
}

}  // namespace
}  // namespace gongkai

#pragma once
// The fixture of the 依申请公开 web tests (applications_web_test.cc, applications_api_test.cc): the
// real server on an ephemeral port, a real SQLite file, a fake clock (2024-11-26, a Tuesday), the
// bundled holiday data, three agencies and two clerks.
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

namespace gongkai::apps_web {

using testing_util::HttpReply;
using testing_util::HttpTestClient;

constexpr int64_t kStart = 1732600000;  // 2024-11-26 13:46 in China, a Tuesday
constexpr char kPassword[] = "correct-horse-9";
constexpr char kForm[] = "Content-Type: application/x-www-form-urlencoded\r\n";
// A valid 居民身份证号码 (GB 11643 check character X).
constexpr char kResidentId[] = "11010519491231002X";

// Percent-encodes a form value.
inline std::string Enc(const std::string& s) {
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

inline std::string FormBody(const std::vector<std::pair<std::string, std::string>>& fields) {
  std::string body;
  for (const auto& [k, v] : fields) body += (body.empty() ? "" : "&") + Enc(k) + "=" + Enc(v);
  return body;
}

inline bool Contains(const std::string& haystack, const std::string& needle) {
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

}  // namespace gongkai::apps_web

#pragma once
// The fixture of the web tests (web_integration_test.cc, applications_web_test.cc,
// applications_api_test.cc): the real server on an ephemeral port, a real SQLite file, a fake
// clock and fast password hashing. A test class seeds its agencies and users in Seed(), which
// runs before the server starts.
#include <gtest/gtest.h>

#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <regex>
#include <string>
#include <thread>
#include <vector>

#include "http/server.h"
#include "http/web_app.h"
#include "http_test_client.h"
#include "services/account_service.h"
#include "services/agency_service.h"
#include "storage/store.h"
#include "test_util.h"

namespace gongkai::web_test {

using testing_util::HttpReply;
using testing_util::HttpTestClient;

constexpr int64_t kStart = 1732600000;  // 2024-11-26 13:46 in China, a Tuesday
constexpr char kPassword[] = "correct-horse-9";
constexpr char kForm[] = "Content-Type: application/x-www-form-urlencoded\r\n";

class WebFixture : public ::testing::Test {
 protected:
  explicit WebFixture(size_t max_body_bytes) : max_body_bytes_(max_body_bytes) {}

  // Adds the test's agencies and users; the store is migrated and the clock set.
  virtual void Seed() = 0;

  void SetUp() override {
    store_ = storage::OpenStore("sqlite:" + testing_util::MakeTempDir() + "/web.db").value();
    ASSERT_TRUE(store_->Migrate().ok());
    security_.password_params = {1024, 1, 1};  // fast hashing for tests
    Seed();
    if (HasFatalFailure()) return;

    app_ = std::make_unique<http::WebApp>(*store_, clock_, security_, http::WebOptions{});
    http::ServerOptions options;
    options.port = 0;
    options.threads = 2;
    options.max_body_bytes = max_body_bytes_;
    options.clock = &clock_;
    server_ = std::make_unique<http::Server>(options, app_->MakeRouter());
    ASSERT_TRUE(server_->Listen().ok());
    thread_ = std::thread([this] { (void)server_->Run(false); });
  }

  void TearDown() override {
    if (server_ == nullptr || !thread_.joinable()) return;
    server_->Stop();
    thread_.join();
  }

  // 樟树市人民政府 with two departments, 樟树市工业和信息化局 (bureau_) and 樟树市教育体育局
  // (sibling_), with the short names given.
  void AddThreeAgencies(const std::string& bureau_short, const std::string& sibling_short) {
    services::AgencyService agencies(*store_, clock_);
    auto console = account::Actor::Console();
    gov_ = AddAgency(agencies, console, "樟树市人民政府", "", std::nullopt);
    bureau_ = AddAgency(agencies, console, "樟树市工业和信息化局", bureau_short, gov_);
    sibling_ = AddAgency(agencies, console, "樟树市教育体育局", sibling_short, gov_);
  }

  agency::AgencyId AddAgency(services::AgencyService& s, const account::Actor& actor,
                             const std::string& name, const std::string& short_name,
                             std::optional<agency::AgencyId> parent) {
    agency::Agency a;
    a.name = name;
    a.short_name = short_name;
    a.parent_id = parent;
    a.kind = parent ? agency::AgencyKind::kDepartment : agency::AgencyKind::kGovernment;
    // 救济途径 printed in the letters: a department's reconsideration goes to the 本级人民政府
    // (行政 复议法 2023), a county government's to the city, whose 中级人民法院 hears suits against
    // it.
    a.reconsideration_body = parent ? "樟树市人民政府" : "宜春市人民政府";
    a.court = parent ? "樟树市人民法院" : "宜春市中级人民法院";
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

  // The first group of `pattern` in `text`; "" when it does not match.
  static std::string Match(const std::string& text, const std::string& pattern) {
    std::smatch m;
    return std::regex_search(text, m, std::regex(pattern)) ? m[1].str() : "";
  }

  // Signs in through the HTML form; returns the session cookie value ("" when refused).
  std::string SignIn(const std::string& user, const std::string& password = kPassword,
                     HttpReply* reply = nullptr) {
    HttpReply form = Send("GET", "/login");
    std::string pre = CookieValue(form, "gk_prelogin");
    EXPECT_FALSE(pre.empty());
    HttpReply r =
        Send("POST", "/login", "username=" + user + "&password=" + password + "&_csrf=" + pre,
             std::string(kForm) + "Cookie: gk_prelogin=" + pre + "\r\n");
    if (reply != nullptr) *reply = r;
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

  FakeClock clock_{kStart};
  services::SecurityOptions security_;
  std::unique_ptr<storage::Store> store_;
  std::unique_ptr<http::WebApp> app_;
  std::unique_ptr<http::Server> server_;
  std::thread thread_;
  agency::AgencyId gov_ = 0, bureau_ = 0, sibling_ = 0;

 private:
  size_t max_body_bytes_;
};

}  // namespace gongkai::web_test

#pragma once
// The fixture of the 依申请公开 web tests (applications_web_test.cc, applications_api_test.cc): the
// shared web fixture (web_fixture.h: real server, SQLite file, fake clock at 2024-11-26, a
// Tuesday) with the bundled holiday data, three agencies and two clerks.
#include <string>
#include <utility>
#include <vector>

#include "web_fixture.h"

namespace gongkai::apps_web {

using testing_util::HttpReply;
using web_test::kForm;
using web_test::kPassword;

// A valid 居民身份证号码 (GB 11643 check character X).
constexpr char kResidentId[] = "11010519491231002X";

// Percent-encodes a form value.
inline std::string Enc(const std::string& s) { return http::PercentEncode(s); }

inline std::string FormBody(const std::vector<std::pair<std::string, std::string>>& fields) {
  std::string body;
  for (const auto& [k, v] : fields) body += (body.empty() ? "" : "&") + Enc(k) + "=" + Enc(v);
  return body;
}

inline bool Contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

class ApplicationsWebTest : public web_test::WebFixture {
 protected:
  ApplicationsWebTest() : WebFixture(1024 * 1024) {}

  void Seed() override {
    AddThreeAgencies("樟工信", "樟教体");
    services::AccountService accounts(*store_, clock_, security_);
    AddUser(accounts, "clerk", {{account::Role::kApplicationClerk, bureau_}});
    AddUser(accounts, "other", {{account::Role::kApplicationClerk, sibling_}});
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

  // The bureau decides without an approval chain: for tests of other rules than the approval
  // (application_approval_web_test.cc tests the chain).
  void WithoutApprovalChain() {
    ASSERT_TRUE(
        app_->applications().SetDecisionChain(account::Actor::Console(), bureau_, "none").ok());
  }

  int64_t IdOf(const std::string& session, const std::string& number) {
    HttpReply r = Api("GET", "/api/v1/applications?number=" + Enc(number), session);
    auto j = nlohmann::json::parse(r.body, nullptr, false);
    return j.is_object() && j.contains("id") ? j["id"].get<int64_t>() : 0;
  }
};

}  // namespace gongkai::apps_web

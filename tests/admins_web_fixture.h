#pragma once
// The fixture of users_web_test.cc and site_web_test.cc: 樟树市人民政府 with 樟工信 (bureau_) and
// 樟教体 (sibling_), a system administrator (admin) and one agency administrator of each
// department (gongxin, jiaoti), with form and page helpers.
#include <string>

#include "web_fixture.h"

namespace gongkai::web_test {

class AdminsWebFixture : public WebFixture {
 protected:
  AdminsWebFixture() : WebFixture(64 * 1024) {}

  void Seed() override {
    AddThreeAgencies("樟工信", "樟教体");
    services::AccountService accounts(*store_, clock_, security_);
    AddUser(accounts, "admin", {{account::Role::kSystemAdmin, std::nullopt}});
    AddUser(accounts, "gongxin", {{account::Role::kAgencyAdmin, bureau_}});
    AddUser(accounts, "jiaoti", {{account::Role::kAgencyAdmin, sibling_}});
  }

  // A form POST with the session's CSRF token.
  HttpReply Post(const std::string& path, const std::string& session, const std::string& body) {
    return Send("POST", path, body + "&_csrf=" + CsrfOf(session),
                std::string(kForm) + "Cookie: gk_session=" + session + "\r\n");
  }

  HttpReply Get(const std::string& path, const std::string& session,
                const std::string& headers = "") {
    return Send("GET", path, "", "Cookie: gk_session=" + session + "\r\n" + headers);
  }
};

}  // namespace gongkai::web_test

// Site-wide, over real HTTP: the audit log in Chinese with filters and paging per agency, gzip,
// the error pages in the layout, the skip link and the signed-in header on every page.
#include <zlib.h>

#include <string>

#include "admins_web_fixture.h"
#include "services/audit_chain_service.h"

namespace gongkai {
namespace {

using testing_util::HttpReply;

std::string Gunzip(const std::string& data) {
  z_stream z{};
  EXPECT_EQ(inflateInit2(&z, 15 + 16), Z_OK);
  std::string out;
  char buf[16384];
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  int rc = Z_OK;
  while (rc == Z_OK) {
    z.next_out = reinterpret_cast<Bytef*>(buf);
    z.avail_out = sizeof buf;
    rc = inflate(&z, Z_NO_FLUSH);
    out.append(buf, sizeof buf - z.avail_out);
  }
  inflateEnd(&z);
  EXPECT_EQ(rc, Z_STREAM_END);
  return out;
}

class SiteWebTest : public web_test::AdminsWebFixture {
 protected:
  nlohmann::json Audit(const std::string& session, const std::string& query, int* status) {
    HttpReply r = Api("GET", "/api/v1/audit?" + query, session);
    *status = r.status;
    return nlohmann::json::parse(r.body, nullptr, false);
  }
};

TEST_F(SiteWebTest, AuditFiltersPagesAndKeepsToTheAgencies) {
  // gongxin signs in on three days (2024-11-26, 27, 28), jiaoti once.
  for (int day = 0; day < 3; ++day) {
    ASSERT_NE(SignIn("gongxin"), "");
    clock_.Advance(86400);
  }
  std::string j = SignIn("jiaoti");
  std::string g = SignIn("gongxin");  // the 4th, on 2024-11-29
  std::string a = SignIn("admin");
  int status = 0;

  auto all = Audit(a, "actor=gongxin&action=login", &status);
  ASSERT_EQ(status, 200);
  EXPECT_EQ(all["total"], 4);
  EXPECT_EQ(all["events"][0]["action_name"], "登录成功");
  EXPECT_EQ(all["events"][0]["agency_ids"], nlohmann::json::array({bureau_}));

  auto page2 = Audit(a, "actor=gongxin&action=login&page_size=3&page=2", &status);
  EXPECT_EQ(page2["total"], 4);
  EXPECT_EQ(page2["pages"], 2);
  EXPECT_EQ(page2["page"], 2);
  ASSERT_EQ(page2["events"].size(), 1u);
  EXPECT_EQ(page2["events"][0]["at"], "2024-11-26T13:46:40+08:00");  // the oldest, last

  auto dated = Audit(a, "actor=gongxin&action=login&from=2024-11-27&to=2024-11-28", &status);
  EXPECT_EQ(dated["total"], 2);
  auto city = Audit(a, "action=login&agency=" + std::to_string(gov_), &status);
  EXPECT_EQ(city["total"], 5);  // the bureau's and the sibling's, below the city government

  // An agency admin sees their agency only: jiaoti none of gongxin's sign-ins.
  EXPECT_EQ(Audit(g, "actor=gongxin&action=login", &status)["total"], 4);
  EXPECT_EQ(Audit(j, "actor=gongxin&action=login", &status)["total"], 0);
  EXPECT_EQ(Audit(j, "actor=jiaoti&action=login", &status)["total"], 1);
  Audit(j, "agency=" + std::to_string(bureau_), &status);
  EXPECT_EQ(status, 403);
  Audit(j, "action=no_such_action", &status);
  EXPECT_EQ(status, 400);

  // The page: Chinese names, the count, a link to the next page.
  HttpReply page = Send("GET", "/admin/audit?actor=gongxin&action=login&page_size=3", "",
                        "Cookie: gk_session=" + g + "\r\n");
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("共 <strong>4</strong> 条，第 1/2 页"), std::string::npos);
  EXPECT_NE(page.body.find("<td data-label=\"操作\">登录成功</td>"), std::string::npos);
  EXPECT_NE(page.body.find("<td data-label=\"对象\">用户 gongxin</td>"), std::string::npos);
  EXPECT_NE(page.body.find("href=\"/admin/audit?actor=gongxin&amp;action=login&amp;page=2"),
            std::string::npos);
  EXPECT_EQ(page.body.find(">login<"), std::string::npos);
  HttpReply denied = Send("GET", "/admin/audit?agency=" + std::to_string(bureau_), "",
                          "Cookie: gk_session=" + j + "\r\n");
  EXPECT_EQ(denied.status, 403);
  // The refusal is itself in the log, in Chinese.
  auto refusals = Audit(a, "actor=jiaoti&action=audit_view", &status);
  EXPECT_EQ(refusals["total"], 2);
  EXPECT_EQ(refusals["events"][0]["action_name"], "查看审计日志");
  EXPECT_EQ(refusals["events"][0]["outcome_name"], "拒绝");
}

TEST_F(SiteWebTest, AuditPageShowsTheChainAndVerifiesItForSystemAdministrators) {
  std::string g = SignIn("gongxin");
  std::string a = SignIn("admin");
  HttpReply page = Get("/admin/audit?verify=1", a);
  ASSERT_EQ(page.status, 200);
  auto status = services::AuditChainService(*store_, clock_).Verify(account::Actor::Console());
  ASSERT_TRUE(status.ok());
  ASSERT_FALSE(status->broken);
  std::string head = audit::Hex(status->head);
  EXPECT_NE(page.body.find("<p id=\"audit-chain\" class=\"notice\" role=\"status\">审计链完整：" +
                           std::to_string(status->entries) + " 条记录，链头 " + head + "</p>"),
            std::string::npos)
      << page.body;
  // The newest entry (admin's sign-in) first, with its short chain hash.
  EXPECT_NE(page.body.find("<td data-label=\"链哈希\"><code title=\"" + head + "\">" +
                           head.substr(0, 12) + "</code></td>"),
            std::string::npos);
  int code = 0;
  auto events = Audit(a, "page_size=1", &code);
  EXPECT_EQ(events["events"][0]["chain_hash"], head);

  // An agency administrator sees the hashes but has no button, and verify=1 does nothing.
  HttpReply theirs = Get("/admin/audit?verify=1", g);
  ASSERT_EQ(theirs.status, 200);
  EXPECT_EQ(theirs.body.find("id=\"audit-chain-check\""), std::string::npos);
  EXPECT_EQ(theirs.body.find("id=\"audit-chain\""), std::string::npos);
}

TEST_F(SiteWebTest, GzipRoundTripsWithVary) {
  HttpReply plain = Send("GET", "/");
  ASSERT_EQ(plain.status, 200);
  EXPECT_EQ(plain.Header("content-encoding"), "");
  EXPECT_EQ(plain.Header("vary"), "Accept-Encoding");
  HttpReply gz = Send("GET", "/", "", "Accept-Encoding: gzip, deflate, br\r\n");
  ASSERT_EQ(gz.status, 200);
  EXPECT_EQ(gz.Header("content-encoding"), "gzip");
  EXPECT_EQ(gz.Header("vary"), "Accept-Encoding");
  EXPECT_LT(gz.body.size(), plain.body.size());
  EXPECT_EQ(Gunzip(gz.body), plain.body);
  // The cached page's compressed bytes are the same every time, with their own ETag.
  HttpReply again = Send("GET", "/", "", "Accept-Encoding: gzip\r\n");
  EXPECT_EQ(again.body, gz.body);
  std::string etag = gz.Header("etag");
  EXPECT_EQ(etag, plain.Header("etag").substr(0, plain.Header("etag").size() - 1) + "-gzip\"");
  EXPECT_EQ(Send("GET", "/", "", "Accept-Encoding: gzip\r\nIf-None-Match: " + etag + "\r\n").status,
            304);
  // A dynamic page and JSON too; gzip;q=0 refuses.
  HttpReply login = Send("GET", "/login", "", "Accept-Encoding: gzip\r\n");
  EXPECT_EQ(login.Header("content-encoding"), "gzip");
  EXPECT_NE(Gunzip(login.body).find("<h1>登录</h1>"), std::string::npos);
  HttpReply api = Send("GET", "/api/v1/agencies", "", "Accept-Encoding: gzip\r\n");
  EXPECT_EQ(api.Header("content-encoding"), "gzip");
  EXPECT_EQ(nlohmann::json::parse(Gunzip(api.body))["count"], 3);
  EXPECT_EQ(Send("GET", "/", "", "Accept-Encoding: gzip;q=0\r\n").Header("content-encoding"), "");
}

TEST_F(SiteWebTest, NotFoundIsAPageOfTheSite) {
  HttpReply r = Send("GET", "/no-such-page");
  EXPECT_EQ(r.status, 404);
  EXPECT_NE(r.body.find("<h1>页面不存在（404）</h1>"), std::string::npos);
  EXPECT_NE(r.body.find("<meta name=\"viewport\""), std::string::npos);
  EXPECT_NE(r.body.find("<a href=\"/\">返回首页</a>"), std::string::npos);
  EXPECT_NE(r.body.find("<a href=\"/login\">登录</a>"), std::string::npos);
  EXPECT_NE(r.body.find("页面不存在：&#x2F;no-such-page"), std::string::npos);  // mstch escapes /

  std::string s = SignIn("gongxin");
  HttpReply in = Send("GET", "/no-such-page", "",
                      "Cookie: gk_session=" + s + "\r\nReferer: http://t/admin/users\r\n");
  EXPECT_EQ(in.status, 404);
  EXPECT_NE(in.body.find("<span>gongxin（樟树市工业和信息化局）</span>"), std::string::npos);
  EXPECT_NE(in.body.find("<button type=\"submit\">退出</button>"), std::string::npos);
  EXPECT_NE(in.body.find("<a href=\"&#x2F;admin&#x2F;users\">返回上一页</a>"), std::string::npos);
  // An application error page and the 405 too; the API keeps JSON.
  HttpReply missing =
      Send("GET", "/admin/applications/999", "", "Cookie: gk_session=" + s + "\r\n");
  EXPECT_EQ(missing.status, 404);
  EXPECT_NE(missing.body.find("<button type=\"submit\">退出</button>"), std::string::npos);
  HttpReply method = Send("DELETE", "/admin", "", "Cookie: gk_session=" + s + "\r\n");
  EXPECT_EQ(method.status, 405);
  EXPECT_NE(method.body.find("<button type=\"submit\">退出</button>"), std::string::npos);
  HttpReply api = Send("GET", "/api/v1/nothing");
  EXPECT_EQ(api.status, 404);
  EXPECT_EQ(nlohmann::json::parse(api.body)["error"]["code"], "not_found");
}

TEST_F(SiteWebTest, SkipLinkFirstAndTheSignedInHeaderOnPublicPages) {
  for (const char* path : {"/", "/login", "/apply", "/status", "/nowhere"}) {
    HttpReply r = Send("GET", path);
    size_t body = r.body.find("<body>");
    ASSERT_NE(body, std::string::npos) << path;
    size_t first = r.body.find_first_of('<', body + 6);
    EXPECT_EQ(r.body.find("<a class=\"skip\" href=\"#main\">跳到正文</a>", body), first) << path;
    EXPECT_NE(r.body.find("<main id=\"main\" tabindex=\"-1\">"), std::string::npos) << path;
  }
  std::string s = SignIn("gongxin");
  for (const char* path : {"/", "/apply", "/status"}) {
    HttpReply r = Send("GET", path, "", "Cookie: gk_session=" + s + "\r\n");
    EXPECT_EQ(r.status, 200) << path;
    EXPECT_NE(r.body.find("<span>gongxin（樟树市工业和信息化局）</span>"), std::string::npos)
        << path;
    EXPECT_NE(r.body.find("<a href=\"/admin/users\">用户管理</a>"), std::string::npos) << path;
    EXPECT_EQ(r.Header("etag"), "") << path;  // a signed-in page is not the cached one
  }
  // The cached home page stays the signed-out one.
  EXPECT_EQ(Send("GET", "/").body.find("退出"), std::string::npos);
}

}  // namespace
}  // namespace gongkai

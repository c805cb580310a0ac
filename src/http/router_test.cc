#include <gtest/gtest.h>

#include <string>

#include "http/server.h"

namespace gongkai::http {
namespace {

HttpResponse Named(const std::string& name) {
  HttpResponse r;
  r.body = name;
  return r;
}

HttpRequest Req(std::string method, std::string path) {
  HttpRequest r;
  r.method = std::move(method);
  r.path = std::move(path);
  return r;
}

std::string Dispatch(const Router& router, HttpRequest request, bool* mna = nullptr) {
  bool not_allowed = false;
  const Handler* h = router.Match(request, &not_allowed);
  if (mna != nullptr) *mna = not_allowed;
  if (h == nullptr) return not_allowed ? "405" : "404";
  std::string params;
  for (const auto& [k, v] : request.path_params) params += " " + k + "=" + v;
  return (*h)(request).body + params;
}

Router TestRouter() {
  Router router;
  router.Add("GET", "/", [](const HttpRequest&) { return Named("root"); });
  router.Add("GET", "/api/v1/agencies/new", [](const HttpRequest&) { return Named("new"); });
  router.Add("GET", "/api/v1/agencies/{id}", [](const HttpRequest&) { return Named("agency"); });
  router.Add("POST", "/api/v1/agencies/{id}", [](const HttpRequest&) { return Named("post"); });
  router.Add("GET", "/a/{x}/b/{y}", [](const HttpRequest&) { return Named("ab"); });
  router.Add("GET", "/dir/", [](const HttpRequest&) { return Named("dir-slash"); });
  router.Add("HEAD", "/h", [](const HttpRequest&) { return Named("head-only"); });
  return router;
}

TEST(RouterTest, MatchesLiteralsAndParams) {
  Router router = TestRouter();
  EXPECT_EQ(Dispatch(router, Req("GET", "/")), "root");
  EXPECT_EQ(Dispatch(router, Req("GET", "/api/v1/agencies/new")), "new");  // first added wins
  EXPECT_EQ(Dispatch(router, Req("GET", "/api/v1/agencies/7")), "agency id=7");
  EXPECT_EQ(Dispatch(router, Req("POST", "/api/v1/agencies/中文")), "post id=中文");
  EXPECT_EQ(Dispatch(router, Req("GET", "/a/1/b/2")), "ab x=1 y=2");
  EXPECT_EQ(Dispatch(router, Req("GET", "/dir/")), "dir-slash");
  EXPECT_EQ(Dispatch(router, Req("GET", "/dir")), "404");
  EXPECT_EQ(Dispatch(router, Req("GET", "/api/v1/agencies/")), "404");  // {id} needs a segment
  EXPECT_EQ(Dispatch(router, Req("GET", "/api/v1/agencies/7/x")), "404");
  EXPECT_EQ(Dispatch(router, Req("GET", "/a/1/c/2")), "404");
  EXPECT_EQ(Dispatch(router, Req("GET", "")), "root");
}

TEST(RouterTest, HeadFallsBackToGetAndOtherMethodsAre405) {
  Router router = TestRouter();
  EXPECT_EQ(Dispatch(router, Req("HEAD", "/api/v1/agencies/9")), "agency id=9");
  EXPECT_EQ(Dispatch(router, Req("HEAD", "/h")), "head-only");
  bool mna = false;
  EXPECT_EQ(Dispatch(router, Req("DELETE", "/api/v1/agencies/9"), &mna), "405");
  EXPECT_TRUE(mna);
  EXPECT_EQ(Dispatch(router, Req("DELETE", "/nowhere"), &mna), "404");
  EXPECT_FALSE(mna);
  EXPECT_EQ(Dispatch(router, Req("GET", "/h"), &mna), "405");
  EXPECT_EQ(router.AllowedMethods("/api/v1/agencies/9"), "GET, HEAD, POST");
  EXPECT_EQ(router.AllowedMethods("/api/v1/agencies/new"), "GET, HEAD, POST");
  EXPECT_EQ(router.AllowedMethods("/h"), "HEAD");
  EXPECT_EQ(router.AllowedMethods("/nowhere"), "");
}

TEST(RouterTest, ParamsAreResetBetweenMatches) {
  Router router = TestRouter();
  HttpRequest r = Req("GET", "/a/1/b/2");
  ASSERT_NE(router.Match(r, nullptr), nullptr);
  r.path = "/api/v1/agencies/5";
  ASSERT_NE(router.Match(r, nullptr), nullptr);
  EXPECT_EQ(r.path_params.size(), 1u);
  EXPECT_EQ(r.PathParam("id"), "5");
  EXPECT_EQ(r.PathParam("x"), "");
}

TEST(RequestTest, PercentDecodes) {
  std::string out;
  EXPECT_TRUE(PercentDecode("%E4%B8%AD+%2b%2F", false, &out));
  EXPECT_EQ(out, "中++/");
  EXPECT_TRUE(PercentDecode("a+b%20c", true, &out));
  EXPECT_EQ(out, "a b c");
  EXPECT_FALSE(PercentDecode("%", false, &out));
  EXPECT_FALSE(PercentDecode("%4", false, &out));
  EXPECT_FALSE(PercentDecode("%4g", false, &out));
  EXPECT_FALSE(PercentDecode("ab%", false, &out));
  EXPECT_TRUE(PercentDecode("", false, &out));
  EXPECT_EQ(out, "");
}

TEST(RequestTest, PercentEncodesAllButUnreserved) {
  EXPECT_EQ(PercentEncode("中 a-b_c.d~e+/&"), "%E4%B8%AD%20a-b_c.d~e%2B%2F%26");
  std::string out;
  EXPECT_TRUE(PercentDecode(PercentEncode("答复书 2024/1.docx"), false, &out));
  EXPECT_EQ(out, "答复书 2024/1.docx");
}

TEST(RequestTest, ParsesQueryStrings) {
  HttpRequest r;
  r.query_string = "name=%E5%BC%A0+%E4%B8%89&x=1&x=2&empty=&flag&bad=%zz&a%20b=c&&";
  EXPECT_EQ(r.Query("name"), "张 三");
  EXPECT_EQ(r.Query("x"), "1");
  EXPECT_EQ(r.Query("empty"), "");
  EXPECT_EQ(r.Query("flag"), "");
  EXPECT_EQ(r.Query("bad"), "%zz");  // malformed escapes are kept
  EXPECT_EQ(r.Query("a b"), "c");
  EXPECT_EQ(r.Query("missing"), "");
  auto all = ParseUrlEncoded(r.query_string);
  ASSERT_EQ(all.size(), 7u);
  EXPECT_EQ(all[2], (std::pair<std::string, std::string>("x", "2")));
  EXPECT_EQ(all[4], (std::pair<std::string, std::string>("flag", "")));
}

TEST(RequestTest, ReadsHeadersCookiesAndForms) {
  HttpRequest r;
  r.headers = {{"cookie", "a=1; sid=abc123;theme=\"dark\" ; empty="},
               {"cookie", "later=2"},
               {"content-type", "Application/X-WWW-Form-Urlencoded; charset=UTF-8"}};
  r.body = "title=%E5%85%AC%E5%BC%80+%E7%94%B3%E8%AF%B7&n=3";
  EXPECT_EQ(*r.Header("cookie"), "a=1; sid=abc123;theme=\"dark\" ; empty=");
  EXPECT_EQ(r.Header("x-missing"), nullptr);
  EXPECT_EQ(r.Cookie("a"), "1");
  EXPECT_EQ(r.Cookie("sid"), "abc123");
  EXPECT_EQ(r.Cookie("theme"), "dark");
  EXPECT_EQ(r.Cookie("empty"), "");
  EXPECT_EQ(r.Cookie("later"), "2");
  EXPECT_EQ(r.Cookie("id"), "");  // not a suffix match of "sid"
  EXPECT_EQ(r.Form("title"), "公开 申请");
  EXPECT_EQ(r.Form("n"), "3");
  r.headers[2].second = "application/json";
  EXPECT_EQ(r.Form("n"), "");
}

TEST(ErrorResponseTest, EscapesHtmlAndJson) {
  HttpResponse html = ErrorResponse(404, "/x", "not_found", "页面不存在：/<b>&\"");
  EXPECT_EQ(html.status, 404);
  EXPECT_EQ(html.content_type, "text/html; charset=utf-8");
  EXPECT_NE(html.body.find("<p>页面不存在：/&lt;b&gt;&amp;&quot;</p>"), std::string::npos);
  HttpResponse json = ErrorResponse(400, "/api/x", "bad", "a\"b\\c\nd");
  EXPECT_EQ(json.content_type, "application/json; charset=utf-8");
  EXPECT_EQ(json.body, R"({"error":{"code":"bad","message":"a\"b\\c\u000ad"}})");
  EXPECT_EQ(ErrorResponse(500, "/apix", "internal", "x").content_type, "text/html; charset=utf-8");
}

TEST(ParseRequestTest, ParsesCompleteIncompleteAndRejectedRequests) {
  ServerOptions limits;
  limits.max_body_bytes = 8;
  limits.max_header_bytes = 200;
  std::string raw =
      "POST /a%20b?x=1 HTTP/1.1\r\nHost: h\r\nX-Up: V\r\nContent-Length: 3\r\n\r\nabcGET";
  ParsedRequest p = ParseRequest(raw, limits);
  ASSERT_EQ(p.status, 0) << p.error;
  EXPECT_EQ(p.consumed, raw.size() - 3);
  EXPECT_EQ(p.request.method, "POST");
  EXPECT_EQ(p.request.target, "/a%20b?x=1");
  EXPECT_EQ(p.request.path, "/a b");
  EXPECT_EQ(p.request.query_string, "x=1");
  EXPECT_EQ(p.request.body, "abc");
  EXPECT_EQ(*p.request.Header("x-up"), "V");

  EXPECT_EQ(ParseRequest("GET / HTTP/1.1\r\nHost:", limits).status, -1);
  EXPECT_EQ(ParseRequest("", limits).status, -1);
  // Found by request_fuzz: a chunk cut short used to loop forever.
  EXPECT_EQ(
      ParseRequest("PUT / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n5\r\n\r\n",
                   ServerOptions())
          .status,
      -1);
  EXPECT_EQ(ParseRequest("POST / HTTP/1.1\r\nContent-Length: 9\r\n\r\n", limits).status, 413);
  // Only a form with files (multipart/form-data) may be larger, up to max_upload_body_bytes.
  ServerOptions upload = limits;
  upload.max_upload_body_bytes = 16;
  const std::string form =
      "POST / HTTP/1.1\r\nContent-Type: multipart/form-data; boundary=b\r\nContent-Length: ";
  EXPECT_EQ(ParseRequest(form + "9\r\n\r\n", upload).status, -1);  // waits for the body
  EXPECT_EQ(ParseRequest(form + "17\r\n\r\n", upload).status, 413);
  EXPECT_EQ(
      ParseRequest("GET / HTTP/1.1\r\nX: " + std::string(300, 'a') + "\r\n\r\n", limits).status,
      431);
  EXPECT_EQ(ParseRequest("GET /%G0 HTTP/1.1\r\n\r\n", limits).status, 400);
  EXPECT_EQ(ParseRequest("GET /%00 HTTP/1.1\r\n\r\n", limits).status, 400);
  EXPECT_EQ(ParseRequest("GET / HTTP/2.0\r\n\r\n", limits).status, 400);
  EXPECT_EQ(ParseRequest("\r\n\r\n", limits).status, 400);
}

}  // namespace
}  // namespace gongkai::http

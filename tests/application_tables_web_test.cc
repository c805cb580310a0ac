// The staff page of tables 三 and 四 compiled from the ledger (/admin/applications/tables) over
// real HTTP: exact cells in the official layout, the drill-down to the applications behind a cell,
// authorization and bad input. Fixture: applications_web_fixture.h (clock at 2024-11-26).
#include "applications_web_fixture.h"

namespace gongkai::apps_web {
namespace {

class ApplicationTablesWebTest : public ApplicationsWebTest {
 protected:
  // Registers an in-person application at the bureau with `events` (JSON array text).
  int64_t Register(const std::string& session, const std::string& csrf, const std::string& kind,
                   const std::string& identity, const std::string& description,
                   const std::string& events) {
    std::string body =
        R"({"channel":"in_person","applicant_kind":")" + kind + R"(","identity":{"number":")" +
        identity + R"("},"contact":{"name":"申请人","phone":"13800000000"},"description":")" +
        description + R"(","carrier":"paper","delivery":"post","events":)" + events + "}";
    HttpReply r = Api("POST", "/api/v1/agencies/" + std::to_string(bureau_) + "/applications",
                      session, body, csrf);
    EXPECT_EQ(r.status, 201) << r.body;
    auto j = nlohmann::json::parse(r.body, nullptr, false);
    return j.is_object() && j.contains("id") ? j["id"].get<int64_t>() : 0;
  }

  HttpReply Page(const std::string& session, const std::string& query) {
    return Send("GET", "/admin/applications/tables" + query, "",
                "Cookie: gk_session=" + session + "\r\n");
  }

  std::string Query(const std::string& cell = "") {
    std::string q = "?agency=" + std::to_string(bureau_) + "&year=2024";
    return cell.empty() ? q : q + "&cell=" + cell;
  }

  // The HTML of one linked number cell, as the page writes it.
  std::string LinkedCell(const std::string& ref, int value) {
    return "<td class=\"num\" data-cell=\"" + ref +
           "\"><a href=\"/admin/applications/tables?agency=" + std::to_string(bureau_) +
           "&amp;year=2024&amp;cell=" + ref + "#drill\">" + std::to_string(value) + "</a></td>";
  }

  std::string AppLink(int64_t id, const std::string& number) {
    return "<a href=\"/admin/applications/" + std::to_string(id) + "\">" + number + "</a>";
  }

  // Three natural persons (two disclosed, one open), one enterprise refused as a state secret,
  // one natural person received in 2023 and still open, and a pending 复议 on the first.
  void SeedLedger() {
    // The ledger is registered with its decisions (no approval chain at this bureau).
    ASSERT_TRUE(
        app_->applications().SetDecisionChain(account::Actor::Console(), bureau_, "none").ok());
    s_ = SignIn("clerk");
    std::string csrf = CsrfOf(s_);
    const std::string decided_1 = R"([{"type":"submitted","date":"2024-11-20"},)"
                                  R"({"type":"decided","date":"2024-11-22","outcomes":["1"]}])";
    a_ = Register(s_, csrf, "natural_person", kResidentId, "技术改造资金名单", decided_1);
    b_ = Register(s_, csrf, "natural_person", kResidentId, "工业园区规划", decided_1);
    c_ = Register(s_, csrf, "natural_person", kResidentId, "企业用电统计",
                  R"([{"type":"submitted","date":"2024-11-25"}])");
    d_ = Register(s_, csrf, "commercial_enterprise", "91350100M000100Y43", "某涉密文件",
                  R"([{"type":"submitted","date":"2024-11-20"},)"
                  R"({"type":"decided","date":"2024-11-21","outcomes":["3.1"]}])");
    e_ = Register(s_, csrf, "natural_person", kResidentId, "2023年招商引资合同",
                  R"([{"type":"submitted","date":"2023-12-28"}])");
    HttpReply filed = Api("POST", "/api/v1/applications/" + std::to_string(a_) + "/cases", s_,
                          R"({"kind":"reconsideration","filed":"2024-11-25"})", csrf);
    ASSERT_EQ(filed.status, 201) << filed.body;
    case_ = nlohmann::json::parse(filed.body)["id"].get<int64_t>();
  }

  std::string s_;
  int64_t a_ = 0, b_ = 0, c_ = 0, d_ = 0, e_ = 0, case_ = 0;
};

TEST_F(ApplicationTablesWebTest, TablesShowTheLedgerInTheOfficialLayout) {
  SeedLedger();
  // Defaults: the clerk's first agency and the clock's year.
  HttpReply page = Page(s_, "");
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_TRUE(Contains(page.body, "<option value=\"" + std::to_string(bureau_) +
                                      "\" selected>樟树市工业和信息化局</option>"));
  EXPECT_FALSE(Contains(page.body, "樟树市教育体育局</option>"));
  EXPECT_TRUE(Contains(page.body,
                       "name=\"year\" type=\"number\" min=\"1900\" max=\"9999\" "
                       "value=\"2024\""));
  EXPECT_TRUE(Contains(page.body, "<h2 id=\"heading3\">三、收到和处理政府信息公开申请情况</h2>"))
      << page.body;
  EXPECT_TRUE(
      Contains(page.body, "<h2 id=\"heading4\">四、政府信息公开行政复议、行政诉讼情况</h2>"));

  // 一、本年新收: 自然人 3, 商业企业 1, 总计 4; the 2023 application is 二、上年结转.
  EXPECT_TRUE(Contains(page.body, LinkedCell("1:1", 3))) << page.body;
  EXPECT_TRUE(Contains(page.body, LinkedCell("1:2", 1)));
  EXPECT_TRUE(Contains(page.body, "<td class=\"num\" data-cell=\"1:3\">0</td>"));
  EXPECT_TRUE(Contains(page.body, LinkedCell("1:7", 4)));
  EXPECT_TRUE(Contains(page.body, LinkedCell("2:1", 1)));
  EXPECT_TRUE(Contains(page.body, LinkedCell("3.1:1", 2)));
  EXPECT_TRUE(Contains(page.body, LinkedCell("3.3.1:2", 1)));
  EXPECT_TRUE(Contains(page.body, LinkedCell("3.7:7", 3)));
  EXPECT_TRUE(Contains(page.body, LinkedCell("4:1", 2)));
  EXPECT_TRUE(Contains(page.body, LinkedCell("4:7", 2)));
  // Table 四: one 复议 pending — 尚未审结 and 总计; the rest 0.
  EXPECT_TRUE(Contains(page.body, "<td class=\"num\" data-cell=\"t4:1\">0</td>"));
  EXPECT_TRUE(Contains(page.body, LinkedCell("t4:4", 1)));
  EXPECT_TRUE(Contains(page.body, LinkedCell("t4:5", 1)));
  // The merges of the official form, from the report layout.
  EXPECT_TRUE(Contains(page.body, "<th colspan=\"7\">申请人情况</th>"));
  EXPECT_TRUE(Contains(page.body, "<th colspan=\"5\">法人或其他组织</th>"));
  EXPECT_TRUE(
      Contains(page.body, "<th colspan=\"5\">行政复议</th><th colspan=\"10\">行政诉讼</th>"));
  EXPECT_FALSE(Contains(page.body, "id=\"drill\""));

  // The queue page links here.
  HttpReply queue = Send("GET", "/admin/applications?agency=" + std::to_string(bureau_), "",
                         "Cookie: gk_session=" + s_ + "\r\n");
  EXPECT_TRUE(Contains(queue.body, "<a href=\"/admin/applications/tables?agency=" +
                                       std::to_string(bureau_) + "\" id=\"tables-link\">"));

  // Another year: nothing new, the open ones carried in from 2024.
  HttpReply next = Page(s_, "?agency=" + std::to_string(bureau_) + "&year=2025");
  ASSERT_EQ(next.status, 200);
  EXPECT_TRUE(Contains(next.body, "<td class=\"num\" data-cell=\"1:7\">0</td>"));
  EXPECT_TRUE(Contains(next.body, "data-cell=\"2:1\"><a href=\"/admin/applications/tables?agency=" +
                                      std::to_string(bureau_) +
                                      "&amp;year=2025&amp;cell=2:1#drill\">2</a>"));
}

TEST_F(ApplicationTablesWebTest, DrillDownListsExactlyTheApplicationsInTheCell) {
  SeedLedger();
  HttpReply page = Page(s_, Query("1:1"));
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_TRUE(
      Contains(page.body, "<h2 id=\"drill\">一、本年新收政府信息公开申请数量 · 自然人（3）</h2>"))
      << page.body;
  EXPECT_TRUE(Contains(page.body, "<ul id=\"drill-list\">\n<li>" +
                                      AppLink(a_, "樟工信依申〔2024〕1号") + "</li>\n<li>" +
                                      AppLink(b_, "樟工信依申〔2024〕2号") + "</li>\n<li>" +
                                      AppLink(c_, "樟工信依申〔2024〕3号") + "</li>\n</ul>"))
      << page.body;
  EXPECT_TRUE(Contains(page.body, "<td class=\"num selected\" data-cell=\"1:1\">"));

  page = Page(s_, Query("3.3.1:2"));
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(Contains(page.body, "<ul id=\"drill-list\">\n<li>" +
                                      AppLink(d_, "樟工信依申〔2024〕4号") + "</li>\n</ul>"))
      << page.body;

  page = Page(s_, Query("2:7"));  // carried in from 2023
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(Contains(page.body, "<ul id=\"drill-list\">\n<li>" +
                                      AppLink(e_, "樟工信依申〔2023〕1号") + "</li>\n</ul>"))
      << page.body;

  page = Page(s_, Query("t4:5"));  // table 四: the case and its application
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(Contains(page.body, "<li>" + AppLink(a_, "樟工信依申〔2024〕1号") + "（复议/诉讼 #" +
                                      std::to_string(case_) + "）</li>"))
      << page.body;

  page = Page(s_, Query("1:3"));  // a zero cell: an empty list, said so
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(Contains(page.body, "没有计入该单元格的申请。"));
  EXPECT_FALSE(Contains(page.body, "drill-list"));
}

TEST_F(ApplicationTablesWebTest, AnotherAgencysClerkAndBadInputGet4xxPages) {
  SeedLedger();
  std::string other = SignIn("other");
  HttpReply denied = Page(other, Query("1:1"));
  EXPECT_EQ(denied.status, 403) << denied.body;
  EXPECT_FALSE(Contains(denied.body, "樟工信依申"));
  // Their own default agency is the sibling, with nothing counted.
  HttpReply own = Page(other, "");
  ASSERT_EQ(own.status, 200);
  EXPECT_TRUE(Contains(own.body, "<td class=\"num\" data-cell=\"1:7\">0</td>"));
  EXPECT_FALSE(Contains(own.body, "樟树市工业和信息化局</option>"));

  for (const char* cell : {"9.9:1", "1:8", "1:0", "t4:16", "5", "%3Cb%3E:1"}) {
    HttpReply bad = Page(s_, Query(cell));
    EXPECT_EQ(bad.status, 400) << cell;
    EXPECT_TRUE(Contains(bad.body, "单元格写法不正确")) << cell;
  }
  HttpReply escaped = Page(s_, Query("%3Cb%3E:1"));
  EXPECT_FALSE(Contains(escaped.body, "<b>:1"));
  EXPECT_TRUE(Contains(escaped.body, "&lt;b&gt;:1"));
  HttpReply year = Page(s_, "?agency=" + std::to_string(bureau_) + "&year=20x4");
  EXPECT_EQ(year.status, 400);
  EXPECT_TRUE(Contains(year.body, "年度“20x4”不正确"));
  EXPECT_EQ(Page(s_, "?agency=" + std::to_string(bureau_) + "&year=1800").status, 400);
  HttpReply agency = Page(s_, "?agency=abc&year=2024");
  EXPECT_EQ(agency.status, 400);
  EXPECT_TRUE(Contains(agency.body, "编号“abc”无效"));
  HttpReply unknown = Page(s_, "?agency=99999&year=2024");
  EXPECT_EQ(unknown.status, 404);
  EXPECT_TRUE(Contains(unknown.body, "机构（编号 99999）不存在"));
  EXPECT_EQ(Send("GET", "/admin/applications/tables").status, 303);  // signed out: to /login
}

}  // namespace
}  // namespace gongkai::apps_web

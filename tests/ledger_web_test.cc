// The staff 工作台, the 台账 with its filters and exports, and the city table, over real HTTP.
// Fixture: applications_web_fixture.h (clock at 2024-11-26, a Tuesday; bundled 2024 holidays:
// 国庆 10-01…10-07, 调休 workdays 09-29 and 10-12). Fourteen applications at 樟工信 and two at
// 樟教体, each with dates chosen to land on exactly one of the workbench's lists.
#include <algorithm>
#include <map>

#include "account/approval_chain.h"
#include "applications_web_fixture.h"
#include "report/ooxml.h"

namespace gongkai::apps_web {
namespace {

using Json = nlohmann::json;

constexpr char kCreditCode[] = "91350100M000100Y43";

struct Seeded {
  std::string name;
  std::string description;
  std::string events;  // JSON array
  std::string channel;
  std::string kind;
};

Seeded App(std::string name, std::string description, std::string events,
           std::string channel = "in_person", std::string kind = "natural_person") {
  return {std::move(name), std::move(description), std::move(events), std::move(channel),
          std::move(kind)};
}

// A URL as the pages write it: mustache escapes "/" and "&".
std::string Href(const std::string& url) {
  std::string out;
  for (char c : url) {
    if (c == '/') {
      out += "&#x2F;";
    } else if (c == '&') {
      out += "&amp;";
    } else {
      out += c;
    }
  }
  return out;
}

class LedgerWebTest : public ApplicationsWebTest {
 protected:
  void Seed() override {
    ApplicationsWebTest::Seed();
    services::AccountService accounts(*store_, clock_, security_);
    AddUser(accounts, "office", {{account::Role::kAgencyAdmin, gov_}});
    AddUser(accounts, "both",
            {{account::Role::kApplicationClerk, bureau_}, {account::Role::kReadOnly, sibling_}});
    AddUser(accounts, "root", {{account::Role::kSystemAdmin, std::nullopt}});
  }

  // Registers through the API; remembers the number under `key`.
  void Register(const std::string& session, const std::string& csrf, agency::AgencyId agency,
                const std::string& key, const Seeded& s) {
    const bool org = s.kind != "natural_person";
    Json body = {{"channel", s.channel},
                 {"applicant_kind", s.kind},
                 {"identity", {{"number", org ? kCreditCode : kResidentId}}},
                 {"contact", {{"name", s.name}, {"phone", "13800000000"}}},
                 {"description", s.description},
                 {"carrier", "paper"},
                 {"delivery", "post"},
                 {"events", Json::parse(s.events)}};
    if (org) body["contact"]["legal_representative"] = "王法人";
    HttpReply r = Api("POST", "/api/v1/agencies/" + std::to_string(agency) + "/applications",
                      session, body.dump(), csrf);
    ASSERT_EQ(r.status, 201) << key << " " << r.body;
    auto j = Json::parse(r.body);
    numbers_[key] = j["number"].get<std::string>();
    ids_[key] = j["id"].get<int64_t>();
  }

  static std::string Sub(const std::string& date) {
    return R"([{"type":"submitted","date":")" + date + R"("}])";
  }

  void SeedLedger() {
    // Past decisions are registered as history: no approval chain while seeding.
    auto& apps = app_->applications();
    const auto console = account::Actor::Console();
    ASSERT_TRUE(apps.SetDecisionChain(console, bureau_, "none").ok());
    ASSERT_TRUE(apps.SetDecisionChain(console, sibling_, "none").ok());
    clerk_ = SignIn("clerk");
    std::string csrf = CsrfOf(clerk_);
    auto reg = [&](const std::string& key, const Seeded& s) {
      Register(clerk_, csrf, bureau_, key, s);
    };
    // Due 2024-11-18: overdue.
    reg("A", App("张一", "工业园区用地规划", Sub("2024-10-21")));
    // Due 2024-11-26: today.
    reg("B", App("张二", "技术改造资金名单", Sub("2024-10-29")));
    // Due 11-28 and 11-29: 2 and 3 working days left.
    reg("C", App("张三", "企业用电统计", Sub("2024-10-31")));
    reg("D", App("李四", "专项资金拨付文件", Sub("2024-11-01")));
    // Due 2024-12-18.
    reg("E", App("李五", "招商引资合同", Sub("2024-11-20")));
    // An ordinary letter not yet confirmed.
    reg("F", App("王六", "园区企业名录", Sub("2024-11-22"), "ordinary_letter"));
    // 补正 of 5 working days from 11-04: ended 11-11.
    reg("G", App("王七", "污染企业处罚决定", R"([{"type":"submitted","date":"2024-11-01"},
                  {"type":"correction_requested","date":"2024-11-04","days":5}])"));
    // Fee notice 10-15: 20 working days ended 11-12.
    reg("H", App("樟树市中药产业研究院", "中药产业扶持资金",
                 R"([{"type":"submitted","date":"2024-10-08"},
                  {"type":"fee_notice_sent","date":"2024-10-15","fee_fen":10000,
                   "fee_method":"per_volume"}])",
                 "in_person", "research_institution"));
    // Third party consulted 11-04: 15 working days ended 11-25.
    reg("I", App("赵八", "企业环评报告", R"([{"type":"submitted","date":"2024-11-01"},
                  {"type":"consultation_started","date":"2024-11-04","party":"江西樟盐化工有限公司",
                   "consulted":"third_party"}])"));
    // Answered on time, answered late, withdrawn.
    reg("J", App("赵九", "工业园区,污水处理\"规划\"", R"([{"type":"submitted","date":"2024-11-05"},
                  {"type":"decided","date":"2024-11-15","outcomes":["1"]}])"));
    reg("K", App("樟树市某化工有限公司", "某涉密文件", R"([{"type":"submitted","date":"2024-09-02"},
                  {"type":"decided","date":"2024-11-20","outcomes":["3.1"]}])",
                 "in_person", "commercial_enterprise"));
    reg("L", App("钱十", "道路改造计划", R"([{"type":"submitted","date":"2024-11-11"},
                  {"type":"withdrawn","date":"2024-11-12"}])"));
    // Received in 2023, answered on time in 2024.
    reg("M", App("孙十一", "2023年工业产值统计", R"([{"type":"submitted","date":"2023-12-28"},
                  {"type":"decided","date":"2024-01-05","outcomes":["4.1"]}])"));
    // By e-mail, confirmed: due 2024-12-23.
    reg("N", App("周十二", "工业园区招商政策", R"([{"type":"submitted","date":"2024-11-25"},
                  {"type":"confirmed","date":"2024-11-25"}])",
                 "email"));
    std::string other = SignIn("other");
    std::string other_csrf = CsrfOf(other);
    // Due 2024-11-04: overdue; and one answered on time.
    Register(other, other_csrf, sibling_, "S1", App("吴一", "学校布局调整", Sub("2024-10-08")));
    Register(other, other_csrf, sibling_, "S2",
             App("吴二", "招生计划", R"([{"type":"submitted","date":"2024-11-04"},
                  {"type":"decided","date":"2024-11-08","outcomes":["2"]}])"));
    // Then the bureau's default chain (拟办→法制审核→签发), and E's answer drafted: 待审批.
    ASSERT_TRUE(apps.SetDecisionChain(console, bureau_,
                                      account::FormatApprovalChain(account::DefaultDecisionChain()))
                    .ok());
    HttpReply draft =
        Api("POST", "/api/v1/applications/" + std::to_string(ids_["E"]) + "/events", clerk_,
            R"({"type":"drafted","date":"2024-11-26","outcomes":["1"]})", csrf);
    ASSERT_EQ(draft.status, 201) << draft.body;
  }

  HttpReply Get(const std::string& session, const std::string& path) {
    return Send("GET", path, "", "Cookie: gk_session=" + session + "\r\n");
  }

  std::string Ledger(agency::AgencyId agency, const std::string& query) {
    return "/api/v1/agencies/" + std::to_string(agency) + "/ledger" +
           (query.empty() ? "" : "?" + query);
  }

  // The total of the bureau's ledger under `query`, from the API.
  int Total(const std::string& query) {
    HttpReply r = Api("GET", Ledger(bureau_, query), clerk_);
    EXPECT_EQ(r.status, 200) << query << " " << r.body;
    auto j = Json::parse(r.body, nullptr, false);
    return j.is_object() ? j["total"].get<int>() : -1;
  }

  // The keys (A…N) of the bureau's ledger rows under `query`, in the order listed.
  std::string Keys(const std::string& query) {
    HttpReply r = Api("GET", Ledger(bureau_, query + "&per_page=100"), clerk_);
    auto j = Json::parse(r.body, nullptr, false);
    std::string out;
    if (!j.is_object()) return "?";
    for (const auto& row : j["applications"]) {
      for (const auto& [k, n] : numbers_) {
        if (n == row["number"].get<std::string>()) out += k + " ";
      }
    }
    return out;
  }

  std::string clerk_;
  std::map<std::string, std::string> numbers_;
  std::map<std::string, int64_t> ids_;
};

TEST_F(LedgerWebTest, ClerkLandsOnTheWorkbenchOfTheirAgency) {
  SeedLedger();
  HttpReply login;
  std::string session = SignIn("clerk", kPassword, &login);
  ASSERT_FALSE(session.empty());
  EXPECT_EQ(login.status, 303);
  EXPECT_EQ(login.Header("location"), "/admin/workbench");
  HttpReply page = Get(session, "/admin/workbench");
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_TRUE(Contains(page.body, "<h1>工作台 · 樟树市工业和信息化局</h1>"));
  EXPECT_TRUE(Contains(page.body, "截至 2024-11-26（周二）"));
  EXPECT_FALSE(Contains(page.body, "没有可管理的机构"));
  // A clerk of one department sees no city table.
  EXPECT_FALSE(Contains(page.body, "id=\"city-table\""));
}

TEST_F(LedgerWebTest, WorkbenchCountsAreExactAsOfTheClock) {
  SeedLedger();
  HttpReply r = Api("GET", "/api/v1/agencies/" + std::to_string(bureau_) + "/workbench", clerk_);
  ASSERT_EQ(r.status, 200) << r.body;
  auto j = Json::parse(r.body);
  EXPECT_EQ(j["as_of"], "2024-11-26");
  EXPECT_EQ(j["counts"], Json::parse(R"({"overdue":1,"due_today":1,"due_soon":2,
      "awaiting_receipt":1,"expired_correction":1,"expired_fee":1,"expired_consultation":1,
      "pending_approval":1})"));
  EXPECT_EQ(j["open"], 10);
  EXPECT_EQ(j["received_this_year"], 13);

  HttpReply page = Get(clerk_, "/admin/workbench");
  const std::string base = "/admin/applications/ledger?agency=" + std::to_string(bureau_);
  for (const auto& [code, label, n] : std::vector<std::tuple<std::string, std::string, int>>{
           {"overdue", "已超期", 1},
           {"due_today", "今日到期", 1},
           {"due_soon", "3个工作日内到期", 2},
           {"awaiting_receipt", "待确认收到", 1},
           {"expired_correction", "补正期限已过", 1},
           {"expired_fee", "缴费期限已过", 1},
           {"expired_consultation", "征求意见期限已过", 1},
           {"pending_approval", "待审批", 1}}) {
    const std::string urgent = code == "due_soon" ? "" : " class=\"urgent\"";
    EXPECT_TRUE(Contains(page.body, "<li id=\"count-" + code + "\"" + urgent + "><a href=\"" +
                                        Href(base + "&attention=" + code) + "\"><strong>" +
                                        std::to_string(n) + "</strong>" + label + "</a>"))
        << code;
  }
  EXPECT_TRUE(Contains(page.body, "办理中 10 件"));
  EXPECT_TRUE(Contains(page.body, "2024年收到 13 件"));
}

TEST_F(LedgerWebTest, EachCountLinksToExactlyItsList) {
  SeedLedger();
  EXPECT_EQ(Keys("attention=overdue"), "A ");
  EXPECT_EQ(Keys("attention=due_today"), "B ");
  EXPECT_EQ(Keys("attention=due_soon"), "D C ");
  EXPECT_EQ(Keys("attention=awaiting_receipt"), "F ");
  EXPECT_EQ(Keys("attention=expired_correction"), "G ");
  EXPECT_EQ(Keys("attention=expired_fee"), "H ");
  EXPECT_EQ(Keys("attention=expired_consultation"), "I ");
  // Each expired wait is listed with the action to take.
  HttpReply page = Get(clerk_, "/admin/applications/ledger?agency=" + std::to_string(bureau_) +
                                   "&attention=expired_fee");
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(Contains(page.body, "共 1 件"));
  EXPECT_TRUE(Contains(page.body, "缴费期限已于2024-11-12届满"));
  EXPECT_TRUE(Contains(page.body, "逾期未缴费"));
}

TEST_F(LedgerWebTest, FiltersAndSearchGiveExactNumbers) {
  SeedLedger();
  EXPECT_EQ(Total(""), 14);
  EXPECT_EQ(Total("year=2024"), 13);
  EXPECT_EQ(Keys("year=2023"), "M ");
  EXPECT_EQ(Total("status=open"), 10);
  EXPECT_EQ(Keys("status=concluded"), "L K J M ");
  // The consultation of I ran out: its clock runs again (办理中), and it is on
  // expired_consultation.
  EXPECT_EQ(Keys("status=in_progress"), "N I E D C B A ");
  EXPECT_EQ(Keys("status=awaiting_fee"), "H ");
  EXPECT_EQ(Total("status=consulting"), 0);
  EXPECT_EQ(Keys("status=awaiting_correction"), "G ");
  EXPECT_EQ(Keys("outcome=1"), "J ");
  EXPECT_EQ(Keys("outcome=3"), "K ");
  EXPECT_EQ(Keys("outcome=3.1"), "K ");
  EXPECT_EQ(Keys("outcome=6.3"), "L ");
  EXPECT_EQ(Keys("outcome=4"), "M ");
  EXPECT_EQ(Total("outcome=2"), 0);
  EXPECT_EQ(Keys("channel=email"), "N ");
  EXPECT_EQ(Keys("channel=ordinary_letter"), "F ");
  EXPECT_EQ(Total("channel=in_person"), 12);
  EXPECT_EQ(Keys("kind=organisation"), "K H ");
  EXPECT_EQ(Keys("kind=commercial_enterprise"), "K ");
  EXPECT_EQ(Total("kind=natural_person"), 12);
  EXPECT_EQ(Keys("answered_year=2024"), "K J M ");
  EXPECT_EQ(Keys("answered_year=2024&on_time=yes"), "J M ");
  EXPECT_EQ(Keys("answered_year=2024&on_time=no"), "K ");
  // Search: a number, an applicant, words of the request (each word must appear).
  EXPECT_EQ(Keys("q=" + Enc(numbers_["C"])), "C ");
  EXPECT_EQ(Keys("q=" + Enc("樟树市中药")), "H ");
  EXPECT_EQ(Keys("q=" + Enc("工业园区")), "N J A ");
  EXPECT_EQ(Keys("q=" + Enc("工业园区 规划")), "J A ");
  EXPECT_EQ(Keys("q=" + Enc("工业园区\u3000规划")), "J A ");
  EXPECT_EQ(Keys("q=" + Enc("工业园区 规划") + "&status=open"), "A ");
  EXPECT_EQ(Total("q=" + Enc("100%")), 0);  // % is a character, not a wildcard
  // Bad values are refused with the accepted ones named.
  HttpReply bad = Api("GET", Ledger(bureau_, "status=done"), clerk_);
  EXPECT_EQ(bad.status, 400);
  EXPECT_TRUE(Contains(bad.body, "状态应为 open")) << bad.body;
}

TEST_F(LedgerWebTest, PagesKeepTheTotalsAndTheFormKeepsItsValues) {
  SeedLedger();
  HttpReply r = Api("GET", Ledger(bureau_, "per_page=5&page=3"), clerk_);
  auto j = Json::parse(r.body);
  EXPECT_EQ(j["total"], 14);
  EXPECT_EQ(j["pages"], 3);
  EXPECT_EQ(j["page"], 3);
  EXPECT_EQ(j["applications"].size(), 4u);
  // Newest number first: 〔2024〕13号 … 〔2024〕1号, then 〔2023〕1号.
  EXPECT_EQ(j["applications"][3]["number"], numbers_["M"]);

  const std::string path = "/admin/applications/ledger?agency=" + std::to_string(bureau_) +
                           "&q=" + Enc("工业园区") +
                           "&year=2024&status=open&kind=natural_person"
                           "&channel=in_person&per_page=1";
  HttpReply page = Get(clerk_, path);
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_TRUE(Contains(page.body, "共 1 件 · 第 1/1 页"));
  EXPECT_TRUE(Contains(page.body, "name=\"q\" type=\"search\" value=\"工业园区\""));
  EXPECT_TRUE(Contains(page.body, "<option value=\"2024\" selected>2024年</option>"));
  EXPECT_TRUE(Contains(page.body, "<option value=\"open\" selected>未办结（全部）</option>"));
  EXPECT_TRUE(Contains(page.body, "<option value=\"natural_person\" selected>自然人</option>"));
  EXPECT_TRUE(Contains(page.body, "<option value=\"in_person\" selected>当面</option>"));
  EXPECT_TRUE(Contains(page.body, "<table class=\"cards\" id=\"ledger\">"));
  EXPECT_TRUE(Contains(page.body, "<td data-label=\"申请编号\"><a href=\"/admin/applications/" +
                                      std::to_string(ids_["A"]) + "\">" + numbers_["A"] +
                                      "</a></td>"));
  // The export links carry the same filter.
  EXPECT_TRUE(Contains(page.body, Href("/admin/applications/ledger.csv?agency=" +
                                       std::to_string(bureau_) + "&q=%E5%B7%A5")));
  // Page 2 of the whole ledger at 5 a page links back and on.
  HttpReply second = Get(clerk_, "/admin/applications/ledger?agency=" + std::to_string(bureau_) +
                                     "&per_page=5&page=2");
  EXPECT_TRUE(Contains(second.body, "共 14 件 · 第 2/3 页"));
  EXPECT_TRUE(Contains(second.body, "rel=\"prev\""));
  EXPECT_TRUE(Contains(second.body, "rel=\"next\""));
}

TEST_F(LedgerWebTest, CsvExportIsExactlyTheFilteredRows) {
  SeedLedger();
  HttpReply r = Get(clerk_, "/admin/applications/ledger.csv?agency=" + std::to_string(bureau_) +
                                "&q=" + Enc("工业园区 规划"));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.Header("content-type"), "text/csv; charset=utf-8");
  EXPECT_EQ(r.Header("content-disposition"),
            "attachment; filename=\"ledger.csv\"; filename*=UTF-8''" +
                http::PercentEncode("樟树市工业和信息化局依申请公开台账（2024-11-26）.csv"));
  const std::string expected =
      "\xEF\xBB\xBF"
      "申请编号,提交日期,收到申请日期,申请人,申请人类型,提交方式,所需信息的内容描述,状态,"
      "答复期限,办结日期,办理结果（表三）,是否超期\r\n" +
      numbers_["J"] +
      ",2024-11-05,2024-11-05,赵九,自然人,当面,\"工业园区,污水处理\"\"规划\"\"\",已办结,"
      "2024-12-03,2024-11-15,（一）予以公开,否\r\n" +
      numbers_["A"] +
      ",2024-10-21,2024-10-21,张一,自然人,当面,工业园区用地规划,办理中,"
      "2024-11-18,,,是\r\n";
  EXPECT_EQ(r.body, expected);
}

TEST_F(LedgerWebTest, XlsxExportOpensWithTheFilteredRows) {
  SeedLedger();
  HttpReply r = Get(clerk_, "/admin/applications/ledger.xlsx?agency=" + std::to_string(bureau_) +
                                "&status=concluded");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.Header("content-type"),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  EXPECT_TRUE(
      Contains(r.Header("content-disposition"),
               http::PercentEncode("樟树市工业和信息化局依申请公开台账（2024-11-26）.xlsx")));
  auto pkg = report::ZipPackage::Open(r.body);
  ASSERT_TRUE(pkg.ok()) << pkg.status().ToString();
  auto workbook = pkg->Read("xl/workbook.xml");
  ASSERT_TRUE(workbook.ok());
  EXPECT_TRUE(Contains(*workbook, "name=\"依申请公开台账\""));
  auto sheet = pkg->Read("xl/worksheets/sheet1.xml");
  ASSERT_TRUE(sheet.ok());
  for (const char* key : {"J", "K", "L", "M"}) {
    EXPECT_TRUE(Contains(*sheet, "<t>" + numbers_[key] + "</t>")) << key;
  }
  for (const char* key : {"A", "N"}) EXPECT_FALSE(Contains(*sheet, numbers_[key])) << key;
  EXPECT_TRUE(Contains(*sheet, "<t>申请编号</t>"));
  EXPECT_TRUE(Contains(*sheet, "<t>（三）不予公开1.属于国家秘密</t>"));
  // A header and four rows.
  EXPECT_TRUE(Contains(*sheet, "<row r=\"5\""));
  EXPECT_FALSE(Contains(*sheet, "<row r=\"6\""));
  // The API gives the same bytes' worth of rows.
  HttpReply api = Api(
      "GET",
      "/api/v1/agencies/" + std::to_string(bureau_) + "/ledger/export?format=csv&status=concluded",
      clerk_);
  ASSERT_EQ(api.status, 200);
  EXPECT_EQ(std::count(api.body.begin(), api.body.end(), '\n'), 5);
}

TEST_F(LedgerWebTest, CityTableHasExactFiguresAndLinks) {
  SeedLedger();
  HttpReply login;
  std::string office = SignIn("office", kPassword, &login);
  EXPECT_EQ(login.Header("location"), "/admin/workbench");
  HttpReply r = Api("GET", "/api/v1/agencies/" + std::to_string(gov_) + "/city-table", office);
  ASSERT_EQ(r.status, 200) << r.body;
  auto j = Json::parse(r.body);
  EXPECT_EQ(j["year"], 2024);
  auto row = [](const Json& x) {
    return x["agency_name"].get<std::string>() + " " + std::to_string(x["received"].get<int>()) +
           " " + std::to_string(x["open"].get<int>()) + " " +
           std::to_string(x["overdue"].get<int>()) + " " +
           std::to_string(x["answered"].get<int>()) + " " +
           std::to_string(x["answered_on_time"].get<int>()) + " " + x["on_time_percent"].dump();
  };
  ASSERT_EQ(j["rows"].size(), 3u);
  EXPECT_EQ(row(j["rows"][0]), "樟树市人民政府 0 0 0 0 0 null");
  EXPECT_EQ(row(j["rows"][1]), "樟树市工业和信息化局 13 10 1 3 2 67");
  EXPECT_EQ(row(j["rows"][2]), "樟树市教育体育局 2 1 1 1 1 100");
  EXPECT_EQ(row(j["total"]), "樟树市人民政府 15 11 2 4 3 75");

  HttpReply page = Get(office, "/admin/workbench");
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(Contains(page.body, "<h1>工作台 · 樟树市人民政府</h1>"));
  EXPECT_TRUE(Contains(page.body, "<table class=\"cards\" id=\"city-table\">"));
  const std::string b = std::to_string(bureau_);
  const std::string ledger = "/admin/applications/ledger?agency=" + b;
  EXPECT_TRUE(Contains(page.body, "<td class=\"num\" data-label=\"本年收到\"><a href=\"" +
                                      Href(ledger + "&year=2024") + "\">13</a></td>"));
  EXPECT_TRUE(Contains(page.body, "<td class=\"num\" data-label=\"已超期\"><a href=\"" +
                                      Href(ledger + "&attention=overdue") + "\">1</a></td>"));
  EXPECT_TRUE(Contains(page.body, "<td class=\"num\" data-label=\"按期答复\"><a href=\"" +
                                      Href(ledger + "&answered_year=2024&on_time=yes") +
                                      "\">2</a></td>"));
  EXPECT_TRUE(Contains(page.body, "<td class=\"num\" data-label=\"按期率\">67%</td>"));
  EXPECT_TRUE(Contains(page.body, "<td class=\"num\" data-label=\"按期率\">75%</td></tr></tfoot>"));
  // The office may follow the links into a department's ledger.
  HttpReply drill = Get(office, ledger + "&answered_year=2024&on_time=yes");
  ASSERT_EQ(drill.status, 200);
  EXPECT_TRUE(Contains(drill.body, "共 2 件"));
  // The system administrator lands on the root's city view.
  std::string root = SignIn("root");
  HttpReply admin = Get(root, "/admin/workbench");
  EXPECT_TRUE(Contains(admin.body, "<h1>工作台 · 樟树市人民政府</h1>"));
  EXPECT_TRUE(Contains(admin.body, "id=\"city-table\""));
}

TEST_F(LedgerWebTest, SeveralAgenciesGiveAChoice) {
  std::string both = SignIn("both");
  HttpReply page = Get(both, "/admin/workbench");
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(Contains(page.body, "<a href=\"" +
                                      Href("/admin/workbench?agency=" + std::to_string(bureau_)) +
                                      "\">樟树市工业和信息化局</a>"));
  EXPECT_TRUE(Contains(page.body, "<a href=\"" +
                                      Href("/admin/workbench?agency=" + std::to_string(sibling_)) +
                                      "\">樟树市教育体育局</a>"));
}

TEST_F(LedgerWebTest, NoRightsOnTheAgencyIsForbidden) {
  SeedLedger();
  std::string other = SignIn("other");  // a clerk of 樟教体 only
  const std::string b = std::to_string(bureau_);
  for (const std::string& path :
       {"/admin/applications/ledger?agency=" + b, "/admin/applications/ledger.csv?agency=" + b,
        "/admin/applications/ledger.xlsx?agency=" + b, "/admin/workbench?agency=" + b,
        "/api/v1/agencies/" + b + "/ledger", "/api/v1/agencies/" + b + "/ledger/export?format=csv",
        "/api/v1/agencies/" + b + "/workbench",
        "/api/v1/agencies/" + std::to_string(gov_) + "/city-table"}) {
    HttpReply r = Get(other, path);
    EXPECT_EQ(r.status, 403) << path;
    EXPECT_FALSE(Contains(r.body, numbers_["A"])) << path;
  }
  // Signed out: to the sign-in page.
  EXPECT_EQ(Send("GET", "/admin/applications/ledger.csv?agency=" + b).status, 303);
}

}  // namespace
}  // namespace gongkai::apps_web

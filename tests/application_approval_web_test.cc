// The staff application page over real HTTP: only the actions that can succeed, one primary; the
// outcome select at 请选择 (unselected → 422 with the typed input kept beside its form); the
// confirmation step of a conclusion; the approval chain 拟办 → 法制审核 → 签发 (403 for a user
// without the step's role); the 更正 of a decision recounting table 三; and the letter's file copy
// listing the approvers.
#include "applications/events.h"
#include "applications_web_fixture.h"

namespace gongkai::apps_web {
namespace {

class ApprovalWebTest : public ApplicationsWebTest {
 protected:
  void Seed() override {
    ApplicationsWebTest::Seed();
    services::AccountService accounts(*store_, clock_, security_);
    Add(accounts, "legal", "李法制", account::Role::kLegalReviewer);
    Add(accounts, "leader", "刘局长", account::Role::kSigningLeader);
    Add(accounts, "admin", "赵管理", account::Role::kAgencyAdmin);
  }

  void Add(services::AccountService& s, const std::string& name, const std::string& display,
           account::Role role) {
    account::User u;
    u.username = name;
    u.display_name = display;
    u.grants = {{role, bureau_}};
    ASSERT_TRUE(s.AddUser(account::Actor::Console(), u, kPassword).ok());
  }

  HttpReply Page(const std::string& session, int64_t id) {
    return Send("GET", "/admin/applications/" + std::to_string(id), "",
                "Cookie: gk_session=" + session + "\r\n");
  }

  HttpReply Post(const std::string& session, int64_t id,
                 std::vector<std::pair<std::string, std::string>> fields) {
    HttpReply page = Page(session, id);
    fields.emplace_back("_csrf", Match(page.body, "name=\"_csrf\" value=\"([^\"]+)\""));
    return Send("POST", "/admin/applications/" + std::to_string(id) + "/events", FormBody(fields),
                std::string(kForm) + "Cookie: gk_session=" + session + "\r\n");
  }

  // Posts the confirmation page's 确认记录 form as a browser does: its hidden fields, as written.
  HttpReply ConfirmOn(const std::string& session, int64_t id, const HttpReply& confirm) {
    std::string form = confirm.body.substr(confirm.body.find("id=\"form-confirm\""));
    form = form.substr(0, form.find("</form>"));
    std::vector<std::pair<std::string, std::string>> fields;
    std::regex hidden("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">");
    for (std::sregex_iterator it(form.begin(), form.end(), hidden), end; it != end; ++it) {
      fields.emplace_back((*it)[1], (*it)[2]);
    }
    return Send("POST", "/admin/applications/" + std::to_string(id) + "/events", FormBody(fields),
                std::string(kForm) + "Cookie: gk_session=" + session + "\r\n");
  }

  // 总计 column of table 三 rows （一） and （三）4 and of 四 for 2024, through the API.
  std::vector<int> Cells(const std::string& session) {
    HttpReply r =
        Api("GET", "/api/v1/agencies/" + std::to_string(bureau_) + "/tables/2024", session);
    auto j = nlohmann::json::parse(r.body);
    auto at = [&](int row) { return j["table3"]["rows"][row]["cells"][6]["count"].get<int>(); };
    return {at(2), at(2 + 5), at(24)};
  }

  // An online application of Tue 2024-11-26, its id.
  int64_t Apply(const std::string& session) {
    HttpReply done = SubmitOnline(ApplyFields("2024年技术改造专项资金分配结果"));
    EXPECT_EQ(done.status, 200) << done.body;
    return IdOf(session, Match(done.body, "<strong id=\"number\">([^<]+)</strong>"));
  }
};

TEST_F(ApprovalWebTest, DraftApproveSignWithConfirmationAndTheFileCopy) {
  std::string clerk = SignIn("clerk");
  int64_t id = Apply(clerk);
  ASSERT_GT(id, 0);
  HttpReply page = Page(clerk, id);
  ASSERT_EQ(page.status, 200);
  // In order: summary, request, timeline, actions; 拟办答复 is the primary action.
  size_t summary = page.body.find("id=\"app-next\""), request = page.body.find("id=\"request\""),
         history = page.body.find("id=\"history\""), actions = page.body.find("id=\"actions\"");
  ASSERT_NE(summary, std::string::npos) << page.body;
  EXPECT_LT(summary, request);
  EXPECT_LT(request, history);
  EXPECT_LT(history, actions);
  EXPECT_TRUE(Contains(page.body,
                       "答复期限：<strong id=\"app-next-date\">2024-12-24</strong> · "
                       "<strong id=\"app-next-days\">剩余20个工作日</strong>"));
  EXPECT_TRUE(Contains(page.body,
                       "<form class=\"card primary-action\" method=\"post\" action=\"/"
                       "admin/applications/" +
                           std::to_string(id) +
                           "/events\" accept-charset=\"utf-8\" "
                           "id=\"form-drafted\">"));
  EXPECT_FALSE(Contains(page.body, "id=\"form-decided\""));    // the chain decides, not the clerk
  EXPECT_FALSE(Contains(page.body, "id=\"form-fee_paid\""));   // no fee notice yet
  EXPECT_FALSE(Contains(page.body, "id=\"form-confirmed\""));  // confirmed online already
  EXPECT_TRUE(Contains(page.body, "<option value=\"\" selected>请选择</option>"));

  // 请选择 left: 422, the typed note kept, the reason beside the select, focus on it.
  HttpReply unselected =
      Post(clerk, id,
           {{"type", "drafted"}, {"date", "2024-11-26"}, {"outcome", ""}, {"note", "已核实原件"}});
  EXPECT_EQ(unselected.status, 422);
  EXPECT_TRUE(Contains(unselected.body,
                       "<p class=\"error\" role=\"alert\" id=\"err-drafted\" "
                       "tabindex=\"-1\">请选择答复结果（主要依据）</p>"))
      << unselected.body;
  EXPECT_TRUE(Contains(unselected.body,
                       "<select name=\"outcome\" required aria-invalid=\"true\" "
                       "aria-describedby=\"err-drafted\" autofocus>"));
  EXPECT_TRUE(
      Contains(unselected.body, "<input name=\"note\" maxlength=\"2000\" value=\"已核实原件\">"));

  HttpReply drafted =
      Post(clerk, id, {{"type", "drafted"}, {"date", "2024-11-26"}, {"outcome", "1"}});
  EXPECT_EQ(drafted.status, 303) << drafted.body;
  page = Page(clerk, id);
  EXPECT_TRUE(Contains(page.body,
                       "<p class=\"notice\" id=\"app-pending\">拟办答复待法制审核："
                       "（一）予以公开（审批通过并签发前不计为办结，期限照常计算）</p>"));
  EXPECT_FALSE(Contains(page.body, "id=\"form-drafted\""));
  EXPECT_FALSE(Contains(page.body, "id=\"form-decided\""));
  EXPECT_FALSE(Contains(page.body, "id=\"form-approved\""));  // not the clerk's step
  EXPECT_EQ(Cells(clerk), (std::vector<int>{0, 0, 1}));

  // The leader may not approve 法制审核: no form, and 403 when posted anyway.
  std::string leader = SignIn("leader");
  EXPECT_FALSE(Contains(Page(leader, id).body, "id=\"form-approved\""));
  EXPECT_EQ(Post(leader, id, {{"type", "approved"}, {"date", "2024-11-26"}}).status, 403);

  std::string legal = SignIn("legal");
  EXPECT_TRUE(
      Contains(Page(legal, id).body, "<h3>法制审核通过<span class=\"muted\">（建议的下一步）"));
  EXPECT_EQ(
      Post(legal, id, {{"type", "approved"}, {"date", "2024-11-26"}, {"note", "同意"}}).status,
      303);

  // 签发 makes the decision: a confirmation page first, nothing recorded until 确认记录.
  HttpReply confirm = Post(leader, id, {{"type", "approved"}, {"date", "2024-11-26"}});
  ASSERT_EQ(confirm.status, 200) << confirm.body;
  EXPECT_TRUE(Contains(confirm.body, "<h1>确认记录：签发通过（签发后即作出答复）</h1>"));
  EXPECT_TRUE(Contains(confirm.body, "<dt>办理结果</dt><dd>（一）予以公开</dd>"));
  EXPECT_TRUE(Contains(confirm.body, "<dt>效果</dt><dd>记录后计入表三（一）予以公开"));
  EXPECT_TRUE(Contains(confirm.body, "<input type=\"hidden\" name=\"date\" value=\"2024-11-26\">"));
  EXPECT_TRUE(Contains(confirm.body, "<input type=\"hidden\" name=\"confirm\" value=\"1\">"));
  EXPECT_EQ(Cells(clerk), (std::vector<int>{0, 0, 1}));
  // The second POST without the session's CSRF token is refused too.
  HttpReply forged =
      Send("POST", "/admin/applications/" + std::to_string(id) + "/events",
           FormBody({{"type", "approved"}, {"date", "2024-11-26"}, {"confirm", "1"}}),
           std::string(kForm) + "Cookie: gk_session=" + leader + "\r\n");
  EXPECT_EQ(forged.status, 403);
  HttpReply signed_off = ConfirmOn(leader, id, confirm);
  EXPECT_EQ(signed_off.status, 303) << signed_off.body;
  EXPECT_EQ(Cells(clerk), (std::vector<int>{1, 0, 0}));
  page = Page(clerk, id);
  EXPECT_TRUE(Contains(page.body, "<strong id=\"app-status\">已办结</strong>"));
  EXPECT_TRUE(Contains(page.body, "<td data-label=\"事项\">签发通过</td>"));

  // The file copy lists who drafted, reviewed and signed, with role and date.
  HttpReply copy =
      Send("GET", "/admin/applications/" + std::to_string(id) + "/letters/reply?copy=file", "",
           "Cookie: gk_session=" + clerk + "\r\n");
  ASSERT_EQ(copy.status, 200) << copy.body;
  EXPECT_TRUE(Contains(copy.body, "<p class=\"file-copy-mark\" id=\"file-copy\">存档联</p>"));
  EXPECT_TRUE(Contains(copy.body,
                       "<tr><td>拟办</td><td>clerk</td><td>依申请公开经办人</td><td>2024-11-26</td>"
                       "<td></td></tr>\n<tr><td>法制审核</td><td>李法制</td><td>法制审核</td>"
                       "<td>2024-11-26</td><td>同意</td></tr>\n<tr><td>签发</td><td>刘局长</td>"
                       "<td>签发领导</td><td>2024-11-26</td><td></td></tr>"))
      << copy.body;
}

TEST_F(ApprovalWebTest, CorrectionWithConfirmationRecountsTableThree) {
  std::string clerk = SignIn("clerk");
  ASSERT_TRUE(
      app_->applications().SetDecisionChain(account::Actor::Console(), bureau_, "none").ok());
  int64_t id = Apply(clerk);
  HttpReply first =
      Post(clerk, id, {{"type", "decided"}, {"date", "2024-11-26"}, {"outcome", "1"}});
  ASSERT_EQ(first.status, 200);  // the confirmation page
  ASSERT_EQ(ConfirmOn(clerk, id, first).status, 303);
  EXPECT_EQ(Cells(clerk), (std::vector<int>{1, 0, 0}));
  HttpReply page = Page(clerk, id);
  EXPECT_TRUE(Contains(page.body, "id=\"form-delivered\""));
  EXPECT_TRUE(Contains(page.body, "id=\"form-corrected\""));
  EXPECT_TRUE(Contains(page.body, "<option value=\"\" selected>（不更改）</option>"));

  // No reason: 422, the chosen outcome kept.
  HttpReply no_reason =
      Post(clerk, id,
           {{"type", "corrected"}, {"date", "2024-11-26"}, {"outcome", "3.4"}, {"reason", ""}});
  EXPECT_EQ(no_reason.status, 422);
  EXPECT_TRUE(Contains(no_reason.body, "<option value=\"3.4\" selected>"));
  EXPECT_TRUE(
      Contains(no_reason.body, "id=\"err-corrected\" tabindex=\"-1\">请填写更正理由（必填）"));

  HttpReply confirm = Post(clerk, id,
                           {{"type", "corrected"},
                            {"date", "2024-11-26"},
                            {"outcome", "3.4"},
                            {"reason", "涉及第三方商业秘密"}});
  ASSERT_EQ(confirm.status, 200) << confirm.body;
  EXPECT_TRUE(Contains(confirm.body, "<dt>原答复</dt><dd>（一）予以公开（2024-11-26）</dd>"));
  EXPECT_TRUE(Contains(confirm.body,
                       "<dt>更正后的答复结果</dt><dd>（三）不予公开4.保护第三方合法权益</dd>"));
  ASSERT_EQ(ConfirmOn(clerk, id, confirm).status, 303);
  EXPECT_EQ(Cells(clerk), (std::vector<int>{0, 1, 0}));
  page = Page(clerk, id);
  EXPECT_TRUE(Contains(page.body,
                       "<td data-label=\"事项\">作出答复</td><td data-label=\"内容\">"
                       "（一）予以公开（《条例》第三十六条第（一）项、第（二）项） </td>"))
      << page.body;
  EXPECT_TRUE(
      Contains(page.body,
               "<td data-label=\"事项\">更正答复</td><td data-label=\"内容\">"
               "办理结果更正为：（三）不予公开4.保护第三方合法权益 理由：涉及第三方商业秘密</td>"
               "<td data-label=\"记录人\">clerk</td>"));
  // The JSON API records a 更正 the same way (and refuses one without a reason: 422).
  std::string api_csrf = CsrfOf(clerk);
  HttpReply bad = Api("POST", "/api/v1/applications/" + std::to_string(id) + "/events", clerk,
                      R"({"type":"corrected","date":"2024-11-26","outcomes":["1"]})", api_csrf);
  EXPECT_EQ(bad.status, 422) << bad.body;
  HttpReply back = Api("POST", "/api/v1/applications/" + std::to_string(id) + "/events", clerk,
                       R"({"type":"corrected","date":"2024-11-26","outcomes":["1"],)"
                       R"("reason":"复核后确认可以公开"})",
                       api_csrf);
  EXPECT_EQ(back.status, 201) << back.body;
  EXPECT_EQ(Cells(clerk), (std::vector<int>{1, 0, 0}));
}

TEST_F(ApprovalWebTest, ChainOverTheApiAndOnlyPossibleForms) {
  std::string clerk = SignIn("clerk");
  std::string csrf = CsrfOf(clerk);
  std::string path = "/api/v1/agencies/" + std::to_string(bureau_) + "/approval-chain";
  HttpReply get = Api("GET", path, clerk);
  ASSERT_EQ(get.status, 200) << get.body;
  EXPECT_EQ(nlohmann::json::parse(get.body)["text"],
            "拟办:application_clerk,法制审核:legal_reviewer,签发:signing_leader");
  // A clerk may not change it (kManageAgency).
  EXPECT_EQ(Api("PUT", path, clerk, R"({"text":"none"})", csrf).status, 403);
  // The agency administrator sets it on the agency page (and over the API).
  std::string admin = SignIn("admin");
  HttpReply admin_page = Send("GET", "/admin", "", "Cookie: gk_session=" + admin + "\r\n");
  EXPECT_TRUE(Contains(admin_page.body,
                       "<p class=\"muted\">现为：拟办（依申请公开经办人） → "
                       "法制审核（法制审核） → 签发（签发领导）</p>"))
      << admin_page.body;
  HttpReply saved =
      Send("POST", "/admin/agencies/" + std::to_string(bureau_) + "/approval-chain",
           FormBody({{"_csrf", Match(admin_page.body, "name=\"_csrf\" value=\"([^\"]+)\"")},
                     {"approval_chain", "拟办:application_clerk,签发:signing_leader"}}),
           std::string(kForm) + "Cookie: gk_session=" + admin + "\r\n");
  EXPECT_EQ(saved.status, 200) << saved.body;
  EXPECT_TRUE(Contains(saved.body, "已保存审批链"));
  EXPECT_EQ(nlohmann::json::parse(Api("GET", path, clerk).body)["label"],
            "拟办（依申请公开经办人） → 签发（签发领导）");
  HttpReply none = Api("PUT", path, admin, R"({"text":"none"})", CsrfOf(admin));
  EXPECT_EQ(none.status, 200) << none.body;
  EXPECT_EQ(nlohmann::json::parse(none.body)["text"], "none");
  // Overdue (handed in Tue 2024-10-08, due Mon 11-04; on Tue 11-26 late by 16 working days:
  // 11-05…08, 11…15, 18…22, 25, 26): no extension form (Art. 33 only before the due date), a fee
  // notice yes, nothing to pay yet.
  ASSERT_TRUE(app_->applications()
                  .Register(account::Actor::Console(),
                            [&] {
                              services::ApplicationInput in;
                              in.agency_id = bureau_;
                              in.identity.number = kResidentId;
                              in.contact.name = "王五";
                              in.contact.phone = "13800000000";
                              in.description = "企业名录";
                              return in;
                            }(),
                            {applications::events::Submitted({2024, 10, 8})})
                  .ok());
  int64_t late = IdOf(clerk, "樟工信依申〔2024〕1号");
  HttpReply page = Page(clerk, late);
  EXPECT_TRUE(
      Contains(page.body, "<strong id=\"app-next-days\" class=\"error\">已逾期16个工作日</strong>"))
      << page.body;
  EXPECT_FALSE(Contains(page.body, "id=\"form-extension_approved\""));
  EXPECT_TRUE(Contains(page.body, "id=\"form-fee_notice_sent\""));
  EXPECT_FALSE(Contains(page.body, "id=\"form-fee_paid\""));
}

}  // namespace
}  // namespace gongkai::apps_web

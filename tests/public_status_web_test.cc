// The applicant's side over real HTTP: /status in plain words for 补正, fee, overdue and served
// applications; the look-up by number and the last six characters of the ID number (right,
// wrong, throttled); the served letter downloaded from /status; the receipt after /apply.
#include "applications_web_fixture.h"

namespace gongkai::apps_web {
namespace {

class PublicStatusWebTest : public ApplicationsWebTest {
 protected:
  // Submits online (today: Tue 2024-11-26, due 2024-12-24) and returns the lookup code.
  std::string Submit() {
    HttpReply done = SubmitOnline(ApplyFields("2024年技术改造专项资金分配结果"));
    EXPECT_EQ(done.status, 200) << done.body;
    return Match(done.body, "id=\"lookup-code\" class=\"code\">([^<]+)<");
  }

  void Record(const std::string& json) {
    // Decisions count at once (no 拟办→签发 chain): these tests are about the applicant's page.
    ASSERT_TRUE(
        app_->applications().SetDecisionChain(account::Actor::Console(), bureau_, "none").ok());
    std::string clerk = SignIn("clerk");
    int64_t id = IdOf(clerk, kNumber);
    ASSERT_GT(id, 0);
    HttpReply r = Api("POST", "/api/v1/applications/" + std::to_string(id) + "/events", clerk, json,
                      CsrfOf(clerk));
    ASSERT_EQ(r.status, 201) << r.body;
  }

  HttpReply ByNumber(const std::string& number, const std::string& six) {
    return Send("POST", "/status", FormBody({{"number", number}, {"id_last6", six}}), kForm);
  }

  static constexpr char kNumber[] = "樟工信依申〔2024〕1号";
};

TEST_F(PublicStatusWebTest, ReceiptShowsTheDueDateAndWhatWasSubmitted) {
  HttpReply done = SubmitOnline(ApplyFields("2024年技术改造专项资金分配结果"));
  ASSERT_EQ(done.status, 200);
  EXPECT_EQ(done.Header("cache-control"), "no-store");
  EXPECT_TRUE(Contains(done.body, "<h2 id=\"receipt-title\">政府信息公开申请回执</h2>"));
  EXPECT_TRUE(Contains(done.body, "<td id=\"receipt-agency\">樟树市工业和信息化局</td>"));
  EXPECT_TRUE(Contains(done.body, "<td id=\"receipt-received\">2024-11-26</td>"));
  EXPECT_TRUE(Contains(done.body, "<td id=\"receipt-due\">2024-12-24</td>"));
  EXPECT_TRUE(Contains(done.body, "<td id=\"receipt-attachments\">无</td>"));
  EXPECT_TRUE(Contains(done.body, "<style media=\"print\">"));
  std::string code = Match(done.body, "id=\"lookup-code\" class=\"code\">([^<]+)<");
  // The 查询办理进度 button posts the code: no retyping.
  EXPECT_TRUE(Contains(done.body, "<input type=\"hidden\" name=\"code\" value=\"" + code + "\">"));
}

TEST_F(PublicStatusWebTest, CorrectionSaysWhatToCorrectByWhenAndThatTheClockWaits) {
  std::string code = Submit();
  Record(R"({"type":"correction_requested","date":"2024-11-26","days":10,)"
         R"("note":"请写明所需专项资金的年度\n请写明项目名称"})");
  HttpReply r = LookUp(code);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.Header("cache-control"), "no-store");
  EXPECT_TRUE(Contains(r.body, "<h2 id=\"status-headline\">需要您补正申请</h2>"));
  EXPECT_TRUE(
      Contains(r.body,
               "<p id=\"status-summary\">机关通知您补正申请内容（《条例》第三十条）。补正期间"
               "答复期限暂停计算：机关收到补正后的申请之日起，重新计算20个工作日。</p>"));
  EXPECT_TRUE(Contains(r.body,
                       "<ol id=\"status-items\"><li>请写明所需专项资金的年度</li>"
                       "<li>请写明项目名称</li></ol>"));
  EXPECT_TRUE(Contains(r.body,
                       "<li>请在2024年12月10日前按上述事项补正，将补正后的申请交给"
                       "樟树市工业和信息化局（当面提交、邮寄，或按《补正通知书》写明的方式）。"
                       "</li>"));
  EXPECT_TRUE(Contains(r.body, "<td id=\"status-correction-deadline\">2024年12月10日</td>"));
  EXPECT_TRUE(Contains(r.body, "<td id=\"status-due\">暂停计算（收到补正后重新计算）</td>"));

  // After the deadline the page says it passed.
  clock_.Set(web_test::kStart + 15 * 86400);  // 2024-12-11
  r = LookUp(code);
  EXPECT_TRUE(Contains(r.body,
                       "<li>补正期限已于2024年12月10日届满。如您已按时寄出补正材料，"
                       "请尽快联系机关。</li>"))
      << r.body;
}

TEST_F(PublicStatusWebTest, FeeShowsTheAmountHowAndByWhenAndThatTheClockIsPaused) {
  std::string code = Submit();
  Record(R"({"type":"fee_notice_sent","date":"2024-11-26","fee_yuan":"200",)"
         R"("fee_method":"per_application","note":"缴入樟树市财政局非税收入账户"})");
  HttpReply r = LookUp(code);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_TRUE(Contains(r.body, "<h2 id=\"status-headline\">需要您缴纳信息处理费</h2>"));
  EXPECT_TRUE(Contains(r.body,
                       "<p id=\"status-summary\">本申请需缴纳信息处理费200.00元（按件计收，"
                       "国办函〔2020〕109号）。缴费前答复期限暂停计算，缴费后继续计算。</p>"));
  EXPECT_TRUE(Contains(r.body,
                       "<li>请在2024年12月24日前按《收费通知书》写明的方式缴费："
                       "缴入樟树市财政局非税收入账户</li>"));
  EXPECT_TRUE(Contains(r.body, "<td id=\"status-fee\">200.00元</td>"));
  EXPECT_TRUE(Contains(r.body, "<td id=\"status-fee-deadline\">2024年12月24日</td>"));
  EXPECT_TRUE(Contains(r.body, "（暂停计算，随征求意见或缴费的时间顺延）"));
}

TEST_F(PublicStatusWebTest, OverdueShowsTheDaysAndTheRemediesWithTheirTimeLimits) {
  std::string code = Submit();
  clock_.Set(web_test::kStart + 38 * 86400);  // Fri 2025-01-03: 7 working days after 12-24
  HttpReply r = LookUp(code);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_TRUE(Contains(r.body, "<h2 id=\"status-headline\">已超过答复期限</h2>"));
  EXPECT_TRUE(Contains(r.body,
                       "<p id=\"status-summary\">答复期限为2024年12月24日，机关至今尚未"
                       "答复，已逾期7个工作日。</p>"));
  EXPECT_TRUE(Contains(r.body, "<td id=\"status-days-left\">已逾期7个工作日</td>"));
  EXPECT_TRUE(Contains(r.body,
                       "<li id=\"remedy-complaint\"><strong>投诉、举报：</strong>向樟树市"
                       "人民政府或者政府信息公开工作主管部门投诉、举报（《条例》第五十一条）；"
                       "条例对投诉、举报未规定期限。</li>"));
  EXPECT_TRUE(Contains(r.body,
                       "<li id=\"remedy-reconsideration\"><strong>行政复议：</strong>"
                       "自答复期限届满之日起六十日内，向樟树市人民政府申请行政复议"
                       "（《中华人民共和国行政复议法》第二十条）。</li>"));
  EXPECT_TRUE(Contains(r.body,
                       "<li id=\"remedy-litigation\"><strong>行政诉讼：</strong>"
                       "自答复期限届满之日起六个月内，向有管辖权的人民法院提起行政诉讼"
                       "（《中华人民共和国行政诉讼法》第四十六条、第四十七条）。</li>"));
}

TEST_F(PublicStatusWebTest, ServedDecisionInPlainWordsWithTheLetterToDownload) {
  std::string code = Submit();
  Record(R"({"type":"decided","date":"2024-11-26","outcomes":["2","3.4"],)"
         R"("note":"名单中企业的银行账户属于商业秘密"})");
  HttpReply r = LookUp(code);
  EXPECT_TRUE(Contains(r.body, "<h2 id=\"status-headline\">已办结</h2>"));
  EXPECT_TRUE(Contains(r.body,
                       "<p id=\"status-summary\">部分公开：可以公开的部分予以提供，其余部分"
                       "不予公开，理由见答复书。机关于2024年11月26日办结。答复书送达后，"
                       "可在本页下载。</p>"));
  EXPECT_FALSE(Contains(r.body, "id=\"status-letter\""));
  HttpReply early =
      Send("POST", "/status/letter", FormBody({{"code", code}, {"format", "html"}}), kForm);
  EXPECT_EQ(early.status, 409);
  EXPECT_TRUE(Contains(early.body, "答复书尚未送达；送达后可在本页下载"));

  Record(R"({"type":"delivered","date":"2024-11-27"})");
  r = LookUp(code);
  EXPECT_TRUE(Contains(r.body, "答复书已于2024年11月27日送达，可在下方查看和下载。"));
  EXPECT_TRUE(Contains(r.body,
                       "<li id=\"remedy-reconsideration\"><strong>行政复议：</strong>"
                       "自收到答复书之日起六十日内，向樟树市人民政府申请行政复议"));
  // The body the agency's letters name, when set, is the one the page names too.
  services::AgencyService agencies(*store_, clock_);
  agency::Agency bureau = agencies.Get(bureau_).value();
  bureau.reconsideration_body = "宜春市工业和信息化局";
  ASSERT_TRUE(agencies.Update(account::Actor::Console(), bureau).ok());
  EXPECT_TRUE(Contains(LookUp(code).body, "向宜春市工业和信息化局申请行政复议"));
  EXPECT_TRUE(Contains(r.body, "id=\"status-letter\""));
  HttpReply html =
      Send("POST", "/status/letter", FormBody({{"code", code}, {"format", "html"}}), kForm);
  ASSERT_EQ(html.status, 200) << html.body;
  EXPECT_EQ(html.Header("cache-control"), "no-store");
  EXPECT_TRUE(Contains(html.body, "政府信息公开申请答复书"));
  EXPECT_TRUE(Contains(html.body, "樟工信依申答〔2024〕1号"));
  EXPECT_TRUE(Contains(html.body, "李明："));
  HttpReply docx =
      Send("POST", "/status/letter",
           FormBody({{"number", kNumber}, {"id_last6", "31002X"}, {"format", "docx"}}), kForm);
  ASSERT_EQ(docx.status, 200) << docx.body;
  EXPECT_EQ(docx.Header("content-type"),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  EXPECT_EQ(docx.body.substr(0, 2), "PK");
  EXPECT_EQ(docx.Header("content-disposition"),
            "attachment; filename=\"letter.docx\"; filename*=UTF-8''" +
                Enc("樟工信依申答〔2024〕1号政府信息公开申请答复书.docx"));
  // A wrong look-up gets nothing.
  HttpReply wrong =
      Send("POST", "/status/letter",
           FormBody({{"number", kNumber}, {"id_last6", "310021"}, {"format", "docx"}}), kForm);
  EXPECT_EQ(wrong.status, 404);
  EXPECT_NE(wrong.Header("content-type").substr(0, 9), "applicati");
}

TEST_F(PublicStatusWebTest, LookUpByNumberAndLastSixOfTheIdNumber) {
  Submit();
  HttpReply right = ByNumber(kNumber, "31002x");  // case does not matter
  ASSERT_EQ(right.status, 200) << right.body;
  EXPECT_TRUE(Contains(right.body, std::string("<td id=\"status-number\">") + kNumber + "</td>"));
  EXPECT_TRUE(Contains(right.body, "<h2 id=\"status-headline\">正在办理</h2>"));
  EXPECT_TRUE(Contains(right.body, "应在2024年12月24日前作出答复"));
  EXPECT_FALSE(Contains(right.body, "李明"));
  EXPECT_FALSE(Contains(right.body, kResidentId));

  HttpReply wrong = ByNumber(kNumber, "310021");
  EXPECT_EQ(wrong.status, 404);
  EXPECT_TRUE(Contains(wrong.body,
                       "<p class=\"error\" role=\"alert\" id=\"lookup-error\">"
                       "申请编号或证件号码后六位不正确，请核对后重新输入</p>"));
  EXPECT_EQ(ByNumber("樟工信依申〔2024〕2号", "31002X").status, 404);
  EXPECT_EQ(ByNumber(kNumber, "").status, 404);

  // Ten failures in the window (one already counted above, two more here …) and the address
  // is throttled, even for the right credentials and for lookup codes.
  for (int i = 0; i < 7; ++i) EXPECT_EQ(ByNumber(kNumber, "000000").status, 404);
  HttpReply throttled = ByNumber(kNumber, "31002X");
  EXPECT_EQ(throttled.status, 429);
  EXPECT_TRUE(Contains(throttled.body, "查询失败次数过多，请15分钟后再试"));
  EXPECT_EQ(LookUp("AAAA-BBBB-CCCC-DDDD").status, 429);
  clock_.Advance(901);
  EXPECT_EQ(ByNumber(kNumber, "31002X").status, 200);
}

}  // namespace
}  // namespace gongkai::apps_web

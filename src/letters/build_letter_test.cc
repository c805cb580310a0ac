#include <gtest/gtest.h>

#include "letters/letter.h"
#include "letters/letters_test_util.h"

namespace gongkai::letters {
namespace {

using applications::OutcomeRow;
namespace ev = applications::events;
using testing::SampleAgency;
using testing::SampleApplication;
using testing::SampleInputs;

constexpr const char* kOpening =
    "本机关于2024年10月8日收到你提出的政府信息公开申请，你申请获取“2023年度工业企业技术改造专项"
    "资金拟补助企业名单”的政府信息。";

TEST(BuildLetterTest, DisclosedReplyHasNumberBodyRemedyAndContact) {
  auto app = SampleApplication();
  app.events.push_back(ev::Decided({2024, 10, 30}, {OutcomeRow::kDisclosed}));
  LetterInputs in = SampleInputs();
  in.reconsideration_body = "樟树市人民政府";
  in.court = "樟树市人民法院";
  auto letter = BuildLetter(LetterKind::kReply, app, SampleAgency(), in);
  ASSERT_TRUE(letter.ok()) << letter.status().message();
  EXPECT_EQ(letter->title, "政府信息公开申请答复书");
  EXPECT_EQ(letter->number, "樟工信依申答〔2024〕3号");
  EXPECT_EQ(letter->salutation, "张三：");
  ASSERT_EQ(letter->body.size(), 3u);
  EXPECT_EQ(letter->body[0], kOpening);
  EXPECT_EQ(
      letter->body[1],
      "经审查，你申请获取的政府信息属于可以公开的政府信息。根据《中华人民共和国政府信息公开"
      "条例》第三十六条第（二）项的规定，本机关决定予以公开，现随本答复书提供该政府信息（见附件），"
      "请查收。");
  EXPECT_EQ(letter->body[2], "特此答复。");
  EXPECT_EQ(
      letter->remedy,
      "如对本答复不服，可以在收到本答复之日起六十日内向樟树市人民政府申请行政复议，或者在六个月"
      "内向樟树市人民法院提起行政诉讼。");
  EXPECT_EQ(letter->articles,
            std::vector<std::string>{"《中华人民共和国政府信息公开条例》第三十六条第（二）项"});
  EXPECT_EQ(letter->legal_basis,
            "法律依据：《中华人民共和国政府信息公开条例》第三十六条第（二）项");
  EXPECT_EQ(letter->agency_name, "樟树市工业和信息化局");
  EXPECT_EQ(letter->date_text, "二〇二四年十月三十日");
  EXPECT_EQ(letter->contact,
            (std::vector<std::string>{"联系地址：江西省樟树市药都南大道1号", "邮政编码：331200",
                                      "联系电话：0795-7333621"}));
}

TEST(BuildLetterTest, AlreadyPublishedTellsWhere) {
  auto app = SampleApplication();
  LetterInputs in = SampleInputs();
  in.outcomes = {OutcomeRow::kDisclosed};
  in.published_where = "樟树市人民政府门户网站“政府信息公开”专栏";
  auto letter = BuildLetter(LetterKind::kReply, app, SampleAgency(), in).value();
  EXPECT_EQ(letter.body[1],
            "经审查，你申请获取的政府信息已经主动公开。根据《中华人民共和国政府信息公开条例》"
            "第三十六条第（一）项的规定，现告知你获取该政府信息的方式和途径：樟树市人民政府门户网站"
            "“政府信息公开”专栏。");
}

TEST(BuildLetterTest, SeparableDecisionNumbersEachPartAndCitesArticle37) {
  auto app = SampleApplication();
  app.applicant_kind = applications::ApplicantKind::kCommercialEnterprise;
  app.contact.name = "樟树市某某科技有限公司";
  app.events.push_back(
      ev::Decided({2024, 10, 30}, {OutcomeRow::kDisclosed, OutcomeRow::kInternalAffairs}));
  auto letter = BuildLetter(LetterKind::kReply, app, SampleAgency(), SampleInputs()).value();
  ASSERT_EQ(letter.body.size(), 5u);
  EXPECT_EQ(letter.body[1],
            "经审查，你单位申请获取的政府信息中，有的可以公开，有的不予公开或者无法提供，能够作区分"
            "处理。根据《中华人民共和国政府信息公开条例》第三十七条的规定，现分别答复如下：");
  EXPECT_TRUE(letter.body[2].starts_with("一、经审查，你单位申请获取的政府信息属于可以公开的"));
  EXPECT_EQ(
      letter.body[3],
      "二、经审查，你单位申请获取的政府信息属于人事管理、后勤管理、内部工作流程等方面的内部事务"
      "信息。根据《中华人民共和国政府信息公开条例》第十六条第一款、第三十六条第（三）项的规定，"
      "本机关决定不予公开。");
  EXPECT_EQ(letter.legal_basis,
            "法律依据：《中华人民共和国政府信息公开条例》第三十七条、第三十六条第（二）项、"
            "第十六条第一款、第三十六条第（三）项");
  EXPECT_EQ(DefaultKindFor({OutcomeRow::kDisclosed, OutcomeRow::kInternalAffairs}),
            LetterKind::kReply);
}

// A decision stored before outcome lists were capped (the probe's F1: 100 codes crashed the
// server): every part is numbered, 一 … 九十九, 一百, 一百零一 … 一百二十.
TEST(BuildLetterTest, ReplyOf120PartsNumbersEveryPart) {
  auto app = SampleApplication();
  std::vector<OutcomeRow> rows;
  for (int i = 0; i < 120; ++i) {
    rows.push_back(i % 2 == 0 ? OutcomeRow::kDisclosed : OutcomeRow::kInternalAffairs);
  }
  app.events.push_back(ev::Decided({2024, 10, 30}, rows));
  auto letter = BuildLetter(LetterKind::kReply, app, SampleAgency(), SampleInputs());
  ASSERT_TRUE(letter.ok()) << letter.status().message();
  ASSERT_EQ(letter->body.size(), 123u);  // opening, 区分处理 intro, 120 parts, 特此答复。
  EXPECT_TRUE(letter->body[2].starts_with("一、经审查，你申请获取的政府信息属于可以公开的"));
  EXPECT_TRUE(letter->body[11].starts_with("十、经审查，你申请获取的政府信息属于人事管理"));
  EXPECT_TRUE(letter->body[100].starts_with("九十九、经审查，你申请获取的政府信息属于可以公开"));
  EXPECT_TRUE(letter->body[101].starts_with("一百、经审查，你申请获取的政府信息属于人事管理"));
  EXPECT_TRUE(letter->body[102].starts_with("一百零一、经审查"));
  EXPECT_TRUE(letter->body[111].starts_with("一百一十、经审查"));
  EXPECT_TRUE(letter->body[121].starts_with("一百二十、经审查"));
  EXPECT_EQ(letter->body[122], "特此答复。");
  auto notice = BuildLetter(LetterKind::kNotice, app, SampleAgency(), SampleInputs());
  ASSERT_TRUE(notice.ok()) << notice.status().message();
  EXPECT_TRUE(notice->body[121].starts_with("一百二十、"));
}

TEST(BuildLetterTest, StateSecretGivesTheReasonAndArticle14) {
  auto app = SampleApplication();
  LetterInputs in = SampleInputs();
  in.outcomes = {OutcomeRow::kStateSecret};
  in.reason = "该文件已由定密责任人确定为秘密级";
  auto letter = BuildLetter(LetterKind::kReply, app, SampleAgency(), in).value();
  EXPECT_EQ(
      letter.body[1],
      "经审查，你申请获取的政府信息属于依法确定为国家秘密的政府信息（该文件已由定密责任人确定"
      "为秘密级）。根据《中华人民共和国政府信息公开条例》第十四条、第三十六条第（三）项的规定，"
      "本机关决定不予公开。");
}

TEST(BuildLetterTest, PartlyDisclosedRequiresTheReason) {
  LetterInputs in = SampleInputs();
  in.outcomes = {OutcomeRow::kPartlyDisclosed};
  auto letter = BuildLetter(LetterKind::kReply, SampleApplication(), SampleAgency(), in);
  EXPECT_EQ(letter.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(letter.status().UserMessage(), "缺少“理由”，不能生成答复书");
}

TEST(BuildLetterTest, NoticeNamesTheResponsibleAgency) {
  LetterInputs in = SampleInputs();
  in.outcomes = {OutcomeRow::kNotHeld};
  in.other_agency = "樟树市发展和改革委员会";
  in.other_agency_contact = "0795-7350000";
  ASSERT_EQ(DefaultKindFor(in.outcomes), LetterKind::kNotice);
  auto letter = BuildLetter(LetterKind::kNotice, SampleApplication(), SampleAgency(), in).value();
  EXPECT_EQ(letter.title, "政府信息公开申请告知书");
  EXPECT_EQ(letter.number, "樟工信依申告〔2024〕3号");
  EXPECT_EQ(
      letter.body[1],
      "经审查，你所申请公开的政府信息不属于本机关负责公开。根据《中华人民共和国政府信息公开"
      "条例》第三十六条第（五）项的规定，该政府信息由樟树市发展和改革委员会负责公开（联系方式："
      "0795-7350000），你可以向该机关提出申请。");
  EXPECT_EQ(letter.body[2], "特此告知。");
  EXPECT_EQ(
      letter.remedy,
      "如对本告知不服，可以在收到本告知之日起六十日内向樟树市人民政府申请行政复议，或者在六个月"
      "内向樟树市人民法院提起行政诉讼。");

  in.other_agency.clear();
  letter = BuildLetter(LetterKind::kNotice, SampleApplication(), SampleAgency(), in).value();
  EXPECT_EQ(letter.body[1],
            "经检索，本机关没有制作或者获取你所申请公开的政府信息，该政府信息不存在。根据《中华人民"
            "共和国政府信息公开条例》第三十六条第（四）项的规定，特告知你该政府信息不存在。");
}

TEST(BuildLetterTest, RepeatedApplicationCitesTheEarlierReply) {
  LetterInputs in = SampleInputs();
  in.outcomes = {OutcomeRow::kRepeatedApplication};
  in.previous_reply = "樟工信依申答〔2024〕1号";
  auto letter = BuildLetter(LetterKind::kNotice, SampleApplication(), SampleAgency(), in).value();
  EXPECT_EQ(
      letter.body[1],
      "经审查，本机关已就你申请公开的同一政府信息作出答复（樟工信依申答〔2024〕1号），你重复"
      "申请公开相同的政府信息。根据《中华人民共和国政府信息公开条例》第三十六条第（六）项的规定，"
      "本机关不予重复处理。");
  in.previous_reply.clear();  // the optional segment is dropped
  letter = BuildLetter(LetterKind::kNotice, SampleApplication(), SampleAgency(), in).value();
  EXPECT_TRUE(
      letter.body[1].starts_with("经审查，本机关已就你申请公开的同一政府信息作出答复，你重复"));
}

TEST(BuildLetterTest, CorrectionLapseTakesDatesFromTheEvents) {
  auto app = SampleApplication();
  app.events.push_back(ev::CorrectionRequested({2024, 10, 10}, 10));
  app.events.push_back(ev::CorrectionLapsed({2024, 10, 28}));
  auto letter = BuildLetter(LetterKind::kNotice, app, SampleAgency(), SampleInputs()).value();
  EXPECT_EQ(letter.body[1],
            "本机关已于2024年10月10日书面通知你在10个工作日内补正申请，你无正当理由逾期未补正。根据"
            "《中华人民共和国政府信息公开条例》第三十条的规定，视为你放弃申请，本机关不再处理该政府"
            "信息公开申请。");
}

TEST(BuildLetterTest, WithdrawalHasNoRemedy) {
  auto app = SampleApplication();
  app.events.push_back(ev::Withdrawn({2024, 10, 15}));
  auto letter = BuildLetter(LetterKind::kNotice, app, SampleAgency(), SampleInputs()).value();
  EXPECT_EQ(letter.body[1], "你已于2024年10月15日撤回该政府信息公开申请，本机关终止办理。");
  EXPECT_EQ(letter.remedy, "");
}

TEST(BuildLetterTest, CorrectionNoticeListsItemsAndTheDeadline) {
  LetterInputs in = SampleInputs();
  in.date = {2024, 10, 10};
  in.correction_days = 10;
  in.correction_deadline = Date{2024, 10, 24};
  in.correction_items = {"所需政府信息的名称、文号或者便于行政机关查询的其他特征性描述",
                         "获取信息的方式、途径"};
  auto letter =
      BuildLetter(LetterKind::kCorrection, SampleApplication(), SampleAgency(), in).value();
  EXPECT_EQ(letter.title, "政府信息公开申请补正通知书");
  EXPECT_EQ(letter.number, "樟工信依申补〔2024〕3号");
  ASSERT_EQ(letter.body.size(), 5u);
  EXPECT_EQ(letter.body[0],
            "本机关于2024年10月8日收到你提出的政府信息公开申请。经审查，你的申请内容不明确。根据"
            "《中华人民共和国政府信息公开条例》第二十九条第二款、第三十条的规定，现一次性告知你需要"
            "补正的事项如下：");
  EXPECT_EQ(letter.body[1], "（一）所需政府信息的名称、文号或者便于行政机关查询的其他特征性描述");
  EXPECT_EQ(letter.body[2], "（二）获取信息的方式、途径");
  EXPECT_EQ(letter.body[3],
            "请你自收到本通知之日起10个工作日内（截至2024年10月24日）向本机关提交补正后的申请。答复"
            "期限自本机关收到补正后的申请之日起计算。你无正当理由逾期不补正的，视为放弃申请，本机关"
            "不再处理该政府信息公开申请。");
  EXPECT_EQ(letter.body[4], "特此通知。");
  EXPECT_EQ(letter.remedy, "");
  EXPECT_EQ(letter.date_text, "二〇二四年十月十日");
}

TEST(BuildLetterTest, CorrectionNoticeNumbersItemsPastNinetyNine) {
  LetterInputs in = SampleInputs();
  in.date = {2024, 10, 10};
  in.correction_days = 10;
  in.correction_deadline = Date{2024, 10, 24};
  for (int i = 1; i <= 105; ++i) in.correction_items.push_back("事项" + std::to_string(i));
  auto letter = BuildLetter(LetterKind::kCorrection, SampleApplication(), SampleAgency(), in);
  ASSERT_TRUE(letter.ok()) << letter.status().message();
  ASSERT_EQ(letter->body.size(), 108u);
  EXPECT_EQ(letter->body[1], "（一）事项1");
  EXPECT_EQ(letter->body[99], "（九十九）事项99");
  EXPECT_EQ(letter->body[100], "（一百）事项100");
  EXPECT_EQ(letter->body[105], "（一百零五）事项105");
}

TEST(BuildLetterTest, CorrectionNoticeWithoutPeriodIsRefused) {
  auto letter =
      BuildLetter(LetterKind::kCorrection, SampleApplication(), SampleAgency(), SampleInputs());
  EXPECT_EQ(letter.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(letter.status().UserMessage(),
            "缺少“补正事项”、“补正期限”、“补正截止日期”，不能生成补正通知书");
}

TEST(BuildLetterTest, ExtensionNoticeGivesDaysAndNewDueDate) {
  LetterInputs in = SampleInputs();
  in.date = {2024, 11, 4};
  in.extension_days = 20;
  in.original_due = Date{2024, 11, 5};
  in.new_due = Date{2024, 12, 3};
  in.extension_reason = "所申请信息涉及多个科室，检索、汇总工作量较大";
  auto letter =
      BuildLetter(LetterKind::kExtension, SampleApplication(), SampleAgency(), in).value();
  EXPECT_EQ(letter.title, "延长政府信息公开答复期限通知书");
  EXPECT_EQ(letter.number, "樟工信依申延〔2024〕3号");
  EXPECT_EQ(
      letter.body[0],
      std::string(kOpening) +
          "因所申请信息涉及多个科室，检索、汇总工作量较大，本机关不能在规定期限（2024年11月5日）"
          "内作出答复。根据《中华人民共和国政府信息公开条例》第三十三条第二款的规定，经本机关"
          "政府信息公开工作机构负责人同意，答复期限延长20个工作日，本机关将最迟于2024年12月3日"
          "作出答复。");
  in.extension_days = 21;
  EXPECT_EQ(
      BuildLetter(LetterKind::kExtension, SampleApplication(), SampleAgency(), in)
          .status()
          .UserMessage(),
      "延长答复期限最长不得超过20个工作日（《中华人民共和国政府信息公开条例》第三十三条第二款），"
      "现为21个工作日");
}

TEST(BuildLetterTest, FeeNoticeForTwoThousandPagesIs83460Yuan) {
  LetterInputs in = SampleInputs();
  in.date = {2024, 10, 29};
  in.fee = applications::PerVolumeFee(2219).value();
  in.fee_deadline = Date{2024, 11, 27};
  in.payment_method = "银行转账至樟树市非税收入汇缴结算户";
  auto letter = BuildLetter(LetterKind::kFee, SampleApplication(), SampleAgency(), in).value();
  EXPECT_EQ(letter.title, "政府信息公开信息处理费收费通知书");
  EXPECT_EQ(letter.number, "樟工信依申费〔2024〕3号");
  ASSERT_EQ(letter.body.size(), 4u);
  EXPECT_EQ(
      letter.body[0],
      std::string(kOpening) +
          "根据《中华人民共和国政府信息公开条例》第四十二条和《政府信息公开信息处理费管理办法》"
          "（国办函〔2020〕109号）的规定，本机关对该申请按量计收信息处理费，应缴金额为人民币"
          "83,460.00元。计费明细如下：");
  EXPECT_EQ(letter.body[1],
            "共2219页：第1—30页免费；第31—100页，每页10.00元，计700.00元；第101—200页，每页"
            "20.00元，计2,000.00元；第201—2219页，每页40.00元，计80,760.00元；合计：83,460.00元。");
  EXPECT_EQ(letter.body[2],
            "请你自收到本通知之日起20个工作日内（截至2024年11月27日）缴纳信息处理费，缴费方式：银行"
            "转账至樟树市非税收入汇缴结算户。你逾期未缴纳的，视为放弃申请，本机关不再处理该政府信息"
            "公开申请。");
  EXPECT_EQ(
      letter.legal_basis,
      "法律依据：《中华人民共和国政府信息公开条例》第四十二条；《政府信息公开信息处理费管理办法》"
      "（国办函〔2020〕109号）");
}

TEST(BuildLetterTest, ConsultationGoesToTheThirdPartyWithoutTheApplicantsName) {
  LetterInputs in = SampleInputs();
  in.date = {2024, 10, 10};
  in.third_party = "樟树市某某药业有限公司";
  in.consultation_deadline = Date{2024, 10, 31};
  auto letter =
      BuildLetter(LetterKind::kConsultation, SampleApplication(), SampleAgency(), in).value();
  EXPECT_EQ(letter.title, "政府信息公开征求第三方意见函");
  EXPECT_EQ(letter.number, "樟工信依申征〔2024〕3号");
  EXPECT_EQ(letter.salutation, "樟树市某某药业有限公司：");
  ASSERT_EQ(letter.body.size(), 4u);
  EXPECT_EQ(
      letter.body[1],
      "请你（单位）自收到本函之日起15个工作日内（截至2024年10月31日）向本机关提出书面意见："
      "同意公开的，请书面确认；不同意公开的，请书面说明理由。你（单位）逾期未提出意见的，由本机关"
      "依照《中华人民共和国政府信息公开条例》的规定决定是否公开。");
  EXPECT_EQ(letter.legal_basis, "法律依据：《中华人民共和国政府信息公开条例》第三十二条");
  for (const auto& p : letter.body) EXPECT_EQ(p.find("张三"), std::string::npos) << p;
  in.third_party.clear();
  EXPECT_EQ(BuildLetter(LetterKind::kConsultation, SampleApplication(), SampleAgency(), in)
                .status()
                .UserMessage(),
            "缺少“第三方”，不能生成征求意见函");
}

TEST(BuildLetterTest, RefusesUnnumberedUnreceivedOrUndecidedApplications) {
  auto app = SampleApplication();
  EXPECT_EQ(
      BuildLetter(LetterKind::kReply, app, SampleAgency(), SampleInputs()).status().UserMessage(),
      "申请尚未作出答复，也未指定答复结果，不能生成答复书");
  app.channel = applications::Channel::kOrdinaryLetter;  // not confirmed yet
  EXPECT_EQ(
      BuildLetter(LetterKind::kReply, app, SampleAgency(), SampleInputs()).status().UserMessage(),
      "申请尚未确认收到（《中华人民共和国政府信息公开条例》第三十一条），不能生成答复书");
  EXPECT_EQ(
      BuildLetter(LetterKind::kReply, app, SampleAgency(), LetterInputs{}).status().UserMessage(),
      "缺少成文日期，不能生成答复书");
  app.number.clear();
  EXPECT_EQ(
      BuildLetter(LetterKind::kFee, app, SampleAgency(), SampleInputs()).status().UserMessage(),
      "申请尚未编号，不能生成收费通知书");
}

TEST(BuildLetterTest, EveryOutcomeRowHasWordingAndCitesItsGround) {
  for (const auto& info : applications::AllOutcomes()) {
    LetterInputs in = SampleInputs();
    in.outcomes = {info.row};
    in.reason = "具体理由";
    auto letter = BuildLetter(DefaultKindFor(in.outcomes), SampleApplication(), SampleAgency(), in);
    ASSERT_TRUE(letter.ok()) << info.code << ": " << letter.status().UserMessage();
    ASSERT_EQ(letter->body.size(), 3u) << info.code;
    EXPECT_EQ(letter->remedy.empty(), false) << info.code;
    if (info.row == OutcomeRow::kOtherHandling) {
      EXPECT_EQ(letter->body[1], "经审查，具体理由。");
      continue;
    }
    // The first article of the row's ground in outcome.cc (e.g. 第三十六条 of 《条例》第三十六条第
    // （一）项、第（二）项) is cited in the letter's own words.
    std::string_view basis =
        info.basis.substr(info.basis.find("》") + std::string_view("》").size());
    std::string_view article = basis.substr(0, basis.find("条") + std::string_view("条").size());
    EXPECT_NE(letter->body[1].find(article), std::string::npos) << info.code << " " << article;
    EXPECT_NE(letter->legal_basis.find(article), std::string::npos) << info.code;
  }
}

TEST(LetterUtilTest, ChineseNumeralDatesMoneyNumbersAndKinds) {
  EXPECT_EQ(ChineseNumeralDate({2024, 10, 30}), "二〇二四年十月三十日");
  EXPECT_EQ(ChineseNumeralDate({2025, 1, 5}), "二〇二五年一月五日");
  EXPECT_EQ(ChineseNumeralDate({2020, 11, 20}), "二〇二〇年十一月二十日");
  EXPECT_EQ(ChineseNumeralDate({2024, 12, 31}), "二〇二四年十二月三十一日");
  EXPECT_EQ(ChineseNumeralDate({2024, 2, 15}), "二〇二四年二月十五日");
  EXPECT_EQ(FormatYuanCents(8'346'000), "83,460.00元");
  EXPECT_EQ(FormatYuanCents(50), "0.50元");
  EXPECT_EQ(FormatYuanCents(123'456'789), "1,234,567.89元");
  EXPECT_EQ(LetterNumber("2024-3", LetterKind::kFee), "2024-3-费");
  EXPECT_EQ(ParseKind("答复书").value(), LetterKind::kReply);
  EXPECT_EQ(ParseKind("consultation").value(), LetterKind::kConsultation);
  EXPECT_EQ(ParseKind("通知").status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(DefaultKindFor({OutcomeRow::kPetitionComplaint}), LetterKind::kNotice);
  EXPECT_EQ(DefaultKindFor({OutcomeRow::kAdministrativeQuery}), LetterKind::kReply);
}

TEST(LetterUtilTest, ChineseNumeralIsTotal) {
  const std::vector<std::pair<int, std::string>> cases = {
      {0, "零"},
      {1, "一"},
      {9, "九"},
      {10, "十"},
      {11, "十一"},
      {19, "十九"},
      {20, "二十"},
      {21, "二十一"},
      {99, "九十九"},
      {100, "一百"},
      {101, "一百零一"},
      {110, "一百一十"},
      {111, "一百一十一"},
      {120, "一百二十"},
      {200, "二百"},
      {999, "九百九十九"},
      {1000, "一千"},
      {1001, "一千零一"},
      {1005, "一千零五"},
      {1010, "一千零一十"},
      {1100, "一千一百"},
      {2024, "二千零二十四"},
      {9999, "九千九百九十九"},
      {10000, "一万"},
      {10005, "一万零五"},
      {10010, "一万零一十"},
      {10100, "一万零一百"},
      {11000, "一万一千"},
      {100000, "十万"},
      {100010, "十万零一十"},
      {150000, "十五万"},
      {1000000, "一百万"},
      {10001000, "一千万一千"},
      {10000100, "一千万零一百"},
      {100000000, "一亿"},
      {100000001, "一亿零一"},
      {100010000, "一亿零一万"},
      {2147483647, "二十一亿四千七百四十八万三千六百四十七"},
      {-5, "负五"},
      {-2147483647 - 1, "负二十一亿四千七百四十八万三千六百四十八"},
  };
  for (const auto& [n, text] : cases) EXPECT_EQ(ChineseNumeral(n), text) << n;
}

}  // namespace
}  // namespace gongkai::letters

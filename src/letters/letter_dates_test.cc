// 成文日期 against the deadlines a letter states, the 救济途径 bodies from the agency, and the
// printed 按量 fee computation.
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

TEST(LetterDatesTest, CorrectionNoticeDatedAfterItsPeriodIsRefused) {
  LetterInputs in = SampleInputs();
  in.correction_days = 10;
  in.correction_deadline = Date{2024, 10, 24};
  in.correction_items = {"所需信息的文号"};
  in.date = {2024, 10, 24};  // the last day: still within the period
  EXPECT_TRUE(BuildLetter(LetterKind::kCorrection, SampleApplication(), SampleAgency(), in).ok());
  in.date = {2024, 10, 25};
  auto refused = BuildLetter(LetterKind::kCorrection, SampleApplication(), SampleAgency(), in);
  EXPECT_EQ(refused.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(refused.status().UserMessage(),
            "补正期限已于2024年10月24日届满，成文日期2024年10月25日晚于该期限，不能生成补正通知书"
            "（补正期限自申请人收到通知之日起计算，请将成文日期改为发出补正通知之日）");
}

TEST(LetterDatesTest, FeeNoticeDatedAfterThePaymentDeadlineIsRefused) {
  LetterInputs in = SampleInputs();
  in.fee = applications::PerVolumeFee(50).value();
  in.fee_deadline = Date{2024, 11, 27};
  in.date = {2024, 11, 28};
  EXPECT_EQ(CheckLetterDate(LetterKind::kFee, in).UserMessage(),
            "缴费期限已于2024年11月27日届满，成文日期2024年11月28日晚于该期限，不能生成收费通知书"
            "（缴费期限自申请人收到通知之日起计算，请将成文日期改为发出收费通知之日）");
  EXPECT_EQ(
      BuildLetter(LetterKind::kFee, SampleApplication(), SampleAgency(), in).status().UserMessage(),
      CheckLetterDate(LetterKind::kFee, in).UserMessage());
}

TEST(LetterDatesTest, ExtensionNoticeDatedAfterTheOriginalDueDateIsRefused) {
  LetterInputs in = SampleInputs();
  in.extension_days = 10;
  in.original_due = Date{2024, 11, 5};
  in.new_due = Date{2024, 11, 19};
  in.date = {2024, 11, 5};
  EXPECT_TRUE(CheckLetterDate(LetterKind::kExtension, in).ok());
  in.date = {2024, 11, 6};
  EXPECT_EQ(
      CheckLetterDate(LetterKind::kExtension, in).UserMessage(),
      "原答复期限已于2024年11月5日届满，成文日期2024年11月6日晚于该期限，不能生成延期通知书"
      "（延长答复期限须在答复期限届满前告知申请人，《中华人民共和国政府信息公开条例》第三十三条"
      "第二款）");
}

TEST(LetterDatesTest, ConsultationLetterDatedAfterTheAnswerPeriodIsRefused) {
  LetterInputs in = SampleInputs();
  in.third_party = "樟树市某某药业有限公司";
  in.consultation_deadline = Date{2024, 10, 31};
  in.date = {2024, 11, 1};
  EXPECT_EQ(
      CheckLetterDate(LetterKind::kConsultation, in).UserMessage(),
      "征求意见期限已于2024年10月31日届满，成文日期2024年11月1日晚于该期限，不能生成征求意见函"
      "（第三方自收到征求意见函之日起15个工作日内提出意见，请将成文日期改为发出征求意见之日）");
  // A reply states no deadline of its own: any date passes this check.
  EXPECT_TRUE(CheckLetterDate(LetterKind::kReply, in).ok());
}

TEST(LetterDatesTest, RemedyNamesTheAgencysBodiesAndRefusesWithoutThem) {
  auto app = SampleApplication();
  app.events.push_back(ev::Decided({2024, 10, 30}, {OutcomeRow::kStateSecret}));
  agency::Agency agency = SampleAgency();
  agency.reconsideration_body = "樟树市人民政府";
  agency.court = "樟树市人民法院";
  auto letter = BuildLetter(LetterKind::kReply, app, agency, SampleInputs()).value();
  EXPECT_EQ(
      letter.remedy,
      "如对本答复不服，可以在收到本答复之日起六十日内向樟树市人民政府申请行政复议，或者在六个月"
      "内向樟树市人民法院提起行政诉讼。");
  // The letter's own bodies win over the agency's.
  LetterInputs in = SampleInputs();
  in.court = "宜春市袁州区人民法院";
  EXPECT_EQ(
      BuildLetter(LetterKind::kReply, app, agency, in)->remedy,
      "如对本答复不服，可以在收到本答复之日起六十日内向樟树市人民政府申请行政复议，或者在六个月"
      "内向宜春市袁州区人民法院提起行政诉讼。");
  agency.court.clear();
  EXPECT_EQ(BuildLetter(LetterKind::kReply, app, agency, SampleInputs()).status().UserMessage(),
            "机构“樟树市工业和信息化局”尚未设置救济途径中的“人民法院”，不能生成答复书：请在管理后台"
            "“机构”中填写该机构的“人民法院”（命令行：gongkai agency set），或在本件文书中填写");
  agency.reconsideration_body.clear();
  EXPECT_EQ(BuildLetter(LetterKind::kNotice, app, agency, SampleInputs()).status().UserMessage(),
            "机构“樟树市工业和信息化局”尚未设置救济途径中的“行政复议机关”和“人民法院”，不能生成"
            "告知书：请在管理后台“机构”中填写该机构的“行政复议机关”和“人民法院”（命令行：gongkai "
            "agency set），或在本件文书中填写");
  // Procedural notices carry no remedy paragraph and need neither.
  LetterInputs fee = SampleInputs();
  fee.fee = applications::PerVolumeFee(31).value();
  fee.fee_deadline = Date{2024, 11, 27};
  EXPECT_TRUE(BuildLetter(LetterKind::kFee, app, agency, fee).ok());
}

TEST(LetterDatesTest, FeeComputationPrintsEveryBandReached) {
  using applications::PerVolumeFee;
  EXPECT_EQ(FeeComputation(PerVolumeFee(31).value()),
            "共31页：第1—30页免费；第31页，每页10.00元，计10.00元；合计：10.00元。");
  EXPECT_EQ(FeeComputation(PerVolumeFee(100).value()),
            "共100页：第1—30页免费；第31—100页，每页10.00元，计700.00元；合计：700.00元。");
  EXPECT_EQ(FeeComputation(PerVolumeFee(101).value()),
            "共101页：第1—30页免费；第31—100页，每页10.00元，计700.00元；第101页，每页20.00元，计"
            "20.00元；合计：720.00元。");
  EXPECT_EQ(FeeComputation(PerVolumeFee(200).value()),
            "共200页：第1—30页免费；第31—100页，每页10.00元，计700.00元；第101—200页，每页20.00元，"
            "计2,000.00元；合计：2,700.00元。");
  EXPECT_EQ(FeeComputation(PerVolumeFee(201).value()),
            "共201页：第1—30页免费；第31—100页，每页10.00元，计700.00元；第101—200页，每页20.00元，"
            "计2,000.00元；第201页，每页40.00元，计40.00元；合计：2,740.00元。");
  applications::FeeBreakdown amount_only;
  amount_only.method = applications::FeeMethod::kPerVolume;
  amount_only.total = 20000;
  EXPECT_EQ(FeeComputation(amount_only), "按量计收，合计：200.00元。");
  amount_only.method = applications::FeeMethod::kPerApplication;
  EXPECT_EQ(FeeComputation(amount_only), "按件计收，合计：200.00元。");
}

}  // namespace
}  // namespace gongkai::letters

// Letters true to the file through the real binary: the 成文日期 defaults to the event's date,
// `--date` stores another one (validated, audited) that later downloads keep, a date past the
// letter's own deadline is refused with exit 2, and a 按量 fee entered as pages prints its bands.
#include <gtest/gtest.h>

#include "test_util.h"

namespace gongkai {
namespace {

using testing_util::RunGongkai;

class LetterDatesCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = testing_util::MakeTempDir();
    auto r = Run({"agency", "add", "--name", "樟树市工业和信息化局", "--short-name", "樟工信",
                  "--reconsideration-body", "樟树市人民政府", "--court", "樟树市人民法院"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    // 张三 applies in person on Tue 2024-10-08.
    ASSERT_EQ(Run({"app", "add", "--agency", "樟工信", "--id-number", "11010519491231002X",
                   "--name", "张三", "--phone", "13800000000", "--description",
                   "请公开2023年企业名录", "--date", "2024-10-08"})
                  .exit_code,
              0);
  }
  testing_util::RunResult Run(std::vector<std::string> args) {
    args.insert(args.begin(), {"--data-dir", dir_});
    return RunGongkai(args);
  }
  static bool Has(const std::string& s, const std::string& part) {
    return s.find(part) != std::string::npos;
  }
  std::string dir_;
};

TEST_F(LetterDatesCliTest, CorrectionNoticeDateDefaultsToTheNoticeAndIsKeptWhenChanged) {
  ASSERT_EQ(Run({"app", "event", "1", "--type", "correction_requested", "--date", "2024-10-09",
                 "--days", "10", "--note", "所需信息的文号"})
                .exit_code,
            0);
  auto first = Run({"app", "letter", "1", "--kind", "补正通知书"});
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_TRUE(Has(first.out, "<p class=\"date\">二〇二四年十月九日</p>"));
  EXPECT_TRUE(Has(first.out, "（截至2024年10月22日）"));

  auto early = Run({"app", "letter", "1", "--kind", "补正通知书", "--date", "2024-10-08"});
  EXPECT_EQ(early.exit_code, 2);
  EXPECT_EQ(early.err,
            "错误：成文日期2024年10月8日早于补正通知的日期2024年10月9日，不能生成补正通知书\n");
  auto late = Run({"app", "letter", "1", "--kind", "补正通知书", "--date", "2024-10-23"});
  EXPECT_EQ(late.exit_code, 2);
  EXPECT_EQ(late.err,
            "错误：补正期限已于2024年10月22日届满，成文日期2024年10月23日晚于该期限，不能生成"
            "补正通知书（补正期限自申请人收到通知之日起计算，请将成文日期改为发出补正通知之日）\n");
  auto future = Run({"app", "letter", "1", "--kind", "补正通知书", "--date", "2999-01-01"});
  EXPECT_EQ(future.exit_code, 2);
  EXPECT_EQ(future.err.rfind("错误：成文日期2999年1月1日晚于今天（", 0), 0u) << future.err;

  auto moved = Run({"app", "letter", "1", "--kind", "补正通知书", "--date", "2024-10-11"});
  ASSERT_EQ(moved.exit_code, 0) << moved.err;
  EXPECT_TRUE(Has(moved.out, "<p class=\"date\">二〇二四年十月十一日</p>"));
  // A later download without --date carries the stored date (the file copy and the re-download
  // agree); the refused attempts changed nothing.
  auto again = Run({"app", "letter", "1", "--kind", "补正通知书"});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_TRUE(Has(again.out, "<p class=\"date\">二〇二四年十月十一日</p>"));
}

TEST_F(LetterDatesCliTest, FeeByPagesPrintsTheBandsAndRefusesADateAfterThePaymentDeadline) {
  auto free = Run(
      {"app", "event", "1", "--type", "fee_notice_sent", "--date", "2024-10-10", "--pages", "30"});
  EXPECT_EQ(free.exit_code, 2);
  EXPECT_EQ(
      free.err,
      "错误：按量计收30页以内（含30页）免费（国办函〔2020〕109号第五条），共30页，不应发出收费"
      "通知\n");
  auto fee = Run(
      {"app", "event", "1", "--type", "fee_notice_sent", "--date", "2024-10-10", "--pages", "150"});
  ASSERT_EQ(fee.exit_code, 0) << fee.err;
  auto letter = Run({"app", "letter", "1", "--kind", "收费通知书"});
  ASSERT_EQ(letter.exit_code, 0) << letter.err;
  EXPECT_TRUE(Has(letter.out, "应缴金额为人民币1,700.00元。计费明细如下："));
  EXPECT_TRUE(Has(letter.out,
                  "<p class=\"body\">共150页：第1—30页免费；第31—100页，每页10.00元，计700.00元；"
                  "第101—150页，每页20.00元，计1,000.00元；合计：1,700.00元。</p>"));
  EXPECT_TRUE(Has(letter.out, "（截至2024年11月6日）"));
  EXPECT_TRUE(Has(letter.out, "<p class=\"date\">二〇二四年十月十日</p>"));
  auto late = Run({"app", "letter", "1", "--kind", "收费通知书", "--date", "2024-11-08"});
  EXPECT_EQ(late.exit_code, 2);
  EXPECT_EQ(
      late.err,
      "错误：缴费期限已于2024年11月6日届满，成文日期2024年11月8日晚于该期限，不能生成收费通知书"
      "（缴费期限自申请人收到通知之日起计算，请将成文日期改为发出收费通知之日）\n");
}

}  // namespace
}  // namespace gongkai

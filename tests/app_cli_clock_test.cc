// `gongkai app show|clock|list|queue` as of a day, expired waits, the days-left wording and the
// rest-day warning, through the real binary.
#include <gtest/gtest.h>

#include "calendar/calendar_files.h"
#include "test_util.h"

namespace gongkai {
namespace {

using testing_util::RunGongkai;

class AppCliClockTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = testing_util::MakeTempDir();
    auto r = Run({"agency", "add", "--name", "樟树市工业和信息化局", "--short-name", "樟工信"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  testing_util::RunResult Run(std::vector<std::string> args) {
    args.insert(args.begin(), {"--data-dir", dir_});
    return RunGongkai(args);
  }
  // An in-person application handed in on `date`.
  testing_util::RunResult Add(const std::string& date) {
    return Run({"app", "add", "--agency", "樟工信", "--id-number", "11010519491231002X", "--name",
                "张三", "--phone", "13800000000", "--description", "请公开2023年企业名录", "--date",
                date});
  }
  // `app list` computes as of today: the bundled calendar with every later year up to 2099
  // declared (one 元旦 each), so that today is always inside it.
  std::string LongCalendar() {
    std::string text = testing_util::ReadFile(calendar::DefaultHolidayFilePath());
    size_t years = text.find("# years: 2019-2026");
    EXPECT_NE(years, std::string::npos);
    text.replace(years, 18, "# years: 2019-2099");
    for (int y = 2027; y <= 2099; ++y) text += std::to_string(y) + "-01-01\tholiday\t元旦\n";
    std::string path = dir_ + "/long.tsv";
    testing_util::WriteFile(path, text);
    return path;
  }
  std::string dir_;
};

size_t Count(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

// 1号 handed in Tue 2024-10-08 (due Mon 11-04) and decided 10-25; 2号 handed in Mon 10-14.
TEST_F(AppCliClockTest, AsOfADayLeavesOutLaterApplicationsAndEvents) {
  ASSERT_EQ(Add("2024-10-08").exit_code, 0);
  ASSERT_EQ(Add("2024-10-14").exit_code, 0);
  ASSERT_EQ(
      Run({"app", "event", "1", "--type", "decided", "--date", "2024-10-25", "--outcome", "1"})
          .exit_code,
      0);
  auto queue = Run({"app", "queue", "--agency", "樟工信", "--as-of", "2024-10-10"});
  ASSERT_EQ(queue.exit_code, 0) << queue.err;
  EXPECT_EQ(queue.out,
            "已逾期（0）\n待申请人补正（0）\n征求意见中（0）\n待缴费（0）\n3个工作日内到期（0）\n"
            "其他办理中（1）\n"
            "  樟工信依申〔2024〕1号\t张三\t办理中\t收到 2024-10-08\t期限 2024-11-04\t"
            "剩余18个工作日\n");

  auto show = Run({"app", "show", "1", "--as-of", "2024-10-20"});
  ASSERT_EQ(show.exit_code, 0) << show.err;
  EXPECT_NE(show.out.find("状态：办理中\n收到日期：2024-10-08\n答复期限：2024-11-04\n办理记录：\n"
                          "  1. 2024-10-08 提交申请（cli）\n"
                          "  （另有1条晚于2024-10-20的记录，未列出）\n期限说明：\n"),
            std::string::npos)
      << show.out;
  EXPECT_EQ(show.out.find("作出答复"), std::string::npos) << show.out;
  EXPECT_EQ(show.out.find("办结"), std::string::npos) << show.out;

  auto early = Run({"app", "show", "2", "--as-of", "2024-10-10"});
  EXPECT_EQ(early.exit_code, 2);
  EXPECT_EQ(early.out, "");
  EXPECT_EQ(early.err, "错误：截至2024-10-10尚无此申请（2024-10-14提交）\n");
  EXPECT_EQ(Run({"app", "clock", "2", "--as-of", "2024-10-10"}).err, early.err);
}

// Fee notice served Wed 2024-06-05: 20 working days to pay end Thu 07-04 (端午节 06-10 off).
TEST_F(AppCliClockTest, AnExpiredFeeWaitIsFlaggedWithTheLapseToRecord) {
  ASSERT_EQ(Add("2024-06-03").exit_code, 0);
  ASSERT_EQ(Run({"app", "event", "1", "--type", "fee_notice_sent", "--date", "2024-06-05", "--fee",
                 "20000"})
                .exit_code,
            0);
  const std::string action =
      "缴费期限已于2024-07-04届满，尚未缴费：申请人逾期未按收费通知要求缴纳费用的，视为放弃申请，"
      "请登记“逾期未缴费”（计入（六）2，国办函〔2020〕109号）";
  auto clock = Run({"app", "clock", "1", "--as-of", "2024-07-05"});
  ASSERT_EQ(clock.exit_code, 0) << clock.err;
  EXPECT_NE(clock.out.find("\n缴费期限：2024-07-04\n待办：" + action + "\n"), std::string::npos)
      << clock.out;
  auto on_time = Run({"app", "clock", "1", "--as-of", "2024-07-04"});
  EXPECT_EQ(on_time.out.find("待办："), std::string::npos) << on_time.out;

  auto show = Run({"app", "show", "1", "--as-of", "2024-07-05"});
  EXPECT_NE(show.out.find("状态：待缴费\n收到日期：2024-06-03\n答复期限：2024-07-31\n待办：" +
                          action + "\n办理记录：\n"),
            std::string::npos)
      << show.out;

  // The queue as of 07-05: the clock is paused since the notice with 2 of the 20 working days used
  // (06-04, 06-05), so it is due on 07-31 at the earliest (07-08..12, 07-15..19, 07-22..26,
  // 07-29..31 are days 3–20); the 待办 column tells what to do.
  auto queue = Run({"app", "queue", "--agency", "樟工信", "--as-of", "2024-07-05"});
  EXPECT_NE(queue.out.find("待缴费（1）\n  樟工信依申〔2024〕1号\t张三\t待缴费\t收到 2024-06-03\t"
                           "期限 2024-07-31\t剩余18个工作日\t待办：" +
                           action + "\n"),
            std::string::npos)
      << queue.out;
  auto list = Run({"app", "list", "--agency", "樟工信", "--holidays", LongCalendar()});
  ASSERT_EQ(list.exit_code, 0) << list.err;
  EXPECT_NE(list.out.find("\t待办：" + action + "\n"), std::string::npos) << list.out;

  // Recorded, nothing is left to do.
  ASSERT_EQ(Run({"app", "event", "1", "--type", "fee_lapsed", "--date", "2024-07-05"}).exit_code,
            0);
  EXPECT_EQ(Run({"app", "show", "1", "--as-of", "2024-07-05"}).out.find("待办："),
            std::string::npos);
}

TEST_F(AppCliClockTest, ClockPrintsTheStatusOnce) {
  ASSERT_EQ(Add("2024-10-08").exit_code, 0);
  auto clock = Run({"app", "clock", "1", "--as-of", "2024-10-10"});
  ASSERT_EQ(clock.exit_code, 0) << clock.err;
  EXPECT_EQ(clock.out.rfind("状态：办理中（截至2024-10-10）\n收到申请：2024-10-08", 0), 0u)
      << clock.out;
  EXPECT_EQ(Count(clock.out, "状态："), 1u) << clock.out;
}

// Due Mon 2024-11-04: as of Wed 11-06 two working days late (11-05, 11-06).
TEST_F(AppCliClockTest, PastTheDueDateSaysOverdueNotANegativeCount) {
  ASSERT_EQ(Add("2024-10-08").exit_code, 0);
  auto queue = Run({"app", "queue", "--agency", "樟工信", "--as-of", "2024-11-06"});
  EXPECT_NE(queue.out.find("已逾期（1）\n  樟工信依申〔2024〕1号\t张三\t办理中\t收到 2024-10-08\t"
                           "期限 2024-11-04\t已逾期2个工作日\n"),
            std::string::npos)
      << queue.out;
  auto clock = Run({"app", "clock", "1", "--as-of", "2024-11-06"});
  EXPECT_NE(clock.out.find("\n已逾期2个工作日\n"), std::string::npos) << clock.out;
  auto list = Run({"app", "list", "--agency", "樟工信", "--holidays", LongCalendar()});
  ASSERT_EQ(list.exit_code, 0) << list.err;
  EXPECT_NE(list.out.find("\t期限 2024-11-04\t已逾期"), std::string::npos) << list.out;
  EXPECT_EQ(list.out.find("剩余 -"), std::string::npos) << list.out;
  EXPECT_EQ(list.out.find("剩余-"), std::string::npos) << list.out;
}

// Eleven applications due the same day are queued 1号, 2号 … 10号, 11号 (not 1号, 10号, 11号, 2号).
TEST_F(AppCliClockTest, QueueOrdersNumbersByYearThenSerial) {
  for (int i = 0; i < 11; ++i) ASSERT_EQ(Add("2024-10-08").exit_code, 0);
  auto queue = Run({"app", "queue", "--agency", "樟工信", "--as-of", "2024-10-10"});
  ASSERT_EQ(queue.exit_code, 0) << queue.err;
  std::string expected = "其他办理中（11）\n";
  for (int i = 1; i <= 11; ++i) {
    expected += "  樟工信依申〔2024〕" + std::to_string(i) +
                "号\t张三\t办理中\t收到 2024-10-08\t期限 2024-11-04\t剩余18个工作日\n";
  }
  EXPECT_NE(queue.out.find(expected), std::string::npos) << queue.out;
}

// Handed in on 国庆节 Tue 2024-10-01: registered with a warning; the receipt stays that day
// (Art. 31(1)), so the 20 working days run from 10-08 to Fri 11-01.
TEST_F(AppCliClockTest, InPersonFilingOnAHolidayWarns) {
  const std::string warning =
      "注意：当面提交日期2024-10-01（周二）为国庆节，不是工作日，请核实提交日期；如确于当日当面提"
      "交，依《条例》第三十一条第（一）项仍以提交之日为收到申请之日，期限自次日起算\n";
  auto add = Add("2024-10-01");
  ASSERT_EQ(add.exit_code, 0) << add.err;
  EXPECT_EQ(add.err, warning);
  auto clock = Run({"app", "clock", "1", "--as-of", "2024-10-08"});
  EXPECT_NE(clock.out.find("答复期限：2024-11-01（周五）\n剩余19个工作日\n" + warning),
            std::string::npos)
      << clock.out;
  // The 调休 Saturday 2024-10-12 is a working day: no warning.
  EXPECT_EQ(Add("2024-10-12").err, "");
}

}  // namespace
}  // namespace gongkai

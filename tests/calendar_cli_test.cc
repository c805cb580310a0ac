// `gongkai calendar …` through the real binary, on the bundled national data.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "test_util.h"

namespace gongkai {
namespace {

using testing_util::RunGongkai;

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// Runs a command that must fail: exit 2, nothing on stdout, exactly one "错误：…" line on stderr.
std::string ErrorOf(const std::vector<std::string>& args) {
  auto r = RunGongkai(args);
  EXPECT_EQ(r.exit_code, 2) << r.out << r.err;
  EXPECT_EQ(r.out, "");
  return r.err;
}

TEST(CalendarCliTest, AddPrintsTheDueDate) {
  auto r = RunGongkai({"calendar", "add", "2024-09-27", "20"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "2024-10-30（周三）\n");
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(RunGongkai({"calendar", "add", "2020-01-23", "1"}).out, "2020-02-03（周一）\n");
  EXPECT_EQ(RunGongkai({"calendar", "add", "2025-01-27", "1"}).out, "2025-02-05（周三）\n");
  EXPECT_EQ(RunGongkai({"calendar", "add", "2024-10-11", "1"}).out, "2024-10-12（周六）\n");
  EXPECT_EQ(RunGongkai({"calendar", "add", "2024-10-01", "0"}).out, "2024-10-01（周二）\n");
}

TEST(CalendarCliTest, AddExplainsEveryDay) {
  auto r = RunGongkai({"calendar", "add", "2024-09-27", "20", "--explain"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  auto lines = Lines(r.out);
  ASSERT_EQ(lines.size(), 1u + 1u + 33u + 1u);
  EXPECT_EQ(lines[0], "2024-10-30（周三）");
  EXPECT_EQ(lines[1], "日期        星期  计入  累计  说明");
  EXPECT_EQ(lines[2], "2024-09-28  周六  否    0     周末");
  EXPECT_EQ(lines[3], "2024-09-29  周日  是    1     调休上班（国庆节）");
  EXPECT_EQ(lines[5], "2024-10-01  周二  否    2     国庆节");
  EXPECT_EQ(lines[16], "2024-10-12  周六  是    7     调休上班（国庆节）");
  EXPECT_EQ(lines[34], "2024-10-30  周三  是    20    工作日");
  EXPECT_EQ(lines[35], "自然日 33 天，其中工作日 20 天，周末 8 天，法定节假日 5 天，调休上班 2 天");
}

TEST(CalendarCliTest, AddWithExcludedSpanAndJson) {
  auto r = RunGongkai({"calendar", "add", "2024-09-27", "20", "--json", "--explain", "--exclude",
                       "2024-10-12,2024-10-18,征求第三方意见"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["due"], "2024-11-07");
  EXPECT_EQ(j["due_weekday"], "周四");
  EXPECT_EQ(j["start"], "2024-09-27");
  EXPECT_EQ(j["working_days"], 20);
  EXPECT_EQ(j["summary"]["calendar_days"], 41);
  EXPECT_EQ(j["summary"]["weekend_days"], 10);
  EXPECT_EQ(j["summary"]["holiday_days"], 5);
  EXPECT_EQ(j["summary"]["adjusted_workdays"], 1);
  EXPECT_EQ(j["summary"]["excluded_working_days"], 6);
  ASSERT_EQ(j["days"].size(), 41u);
  EXPECT_EQ(j["days"][14]["date"], "2024-10-12");
  EXPECT_EQ(j["days"][14]["counted"], false);
  EXPECT_EQ(j["days"][14]["reason"], "征求第三方意见");
  EXPECT_EQ(j["days"][40]["running_count"], 20);
}

TEST(CalendarCliTest, BetweenAndIsWorkday) {
  EXPECT_EQ(RunGongkai({"calendar", "between", "2024-09-27", "2024-10-30"}).out,
            "工作日 20 天（2024-09-27（周五）之后至2024-10-30（周三），不含起始日）\n");
  EXPECT_EQ(RunGongkai({"calendar", "between", "2024-10-08", "2024-10-08"}).out,
            "工作日 0 天（2024-10-08（周二）之后至2024-10-08（周二），不含起始日）\n");
  EXPECT_EQ(RunGongkai({"calendar", "is-workday", "2024-10-12"}).out,
            "2024-10-12（周六）：工作日，调休上班（国庆节）\n");
  EXPECT_EQ(RunGongkai({"calendar", "is-workday", "2020-02-01"}).out,
            "2020-02-01（周六）：休息日，周末\n");
  EXPECT_EQ(RunGongkai({"calendar", "is-workday", "2020-01-31"}).out,
            "2020-01-31（周五）：休息日，春节\n");
  EXPECT_EQ(RunGongkai({"calendar", "is-workday", "2025-01-28"}).out,
            "2025-01-28（周二）：休息日，春节\n");
  EXPECT_EQ(RunGongkai({"calendar", "is-workday", "2024-10-08"}).out,
            "2024-10-08（周二）：工作日\n");
}

TEST(CalendarCliTest, ShowMatchesTheYearTotals) {
  const std::vector<std::pair<int, int>> totals = {{2019, 250}, {2020, 249}, {2021, 250},
                                                   {2022, 249}, {2023, 249}, {2024, 251},
                                                   {2025, 248}, {2026, 248}};
  for (auto [year, total] : totals) {
    auto r = RunGongkai({"calendar", "show", std::to_string(year)});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    auto lines = Lines(r.out);
    ASSERT_FALSE(lines.empty());
    EXPECT_EQ(lines.front(), std::to_string(year) + "年节假日安排");
    EXPECT_EQ(lines.back(), "全年工作日：" + std::to_string(total) + " 天") << year;
  }
  auto r = RunGongkai({"calendar", "show", "2024"});
  EXPECT_NE(r.out.find("  2024-10-07（周一） 国庆节\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("调休上班：\n  2024-02-04（周日） 春节\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("  2024-10-12（周六） 国庆节\n全年工作日"), std::string::npos) << r.out;
}

TEST(CalendarCliTest, UsageErrorsAreChineseWithExitTwo) {
  EXPECT_EQ(ErrorOf({"calendar", "add", "2024-02-30", "3"}),
            "错误：日期无效：“2024-02-30”，应为 YYYY-MM-DD 格式的真实日期（如 2024-09-27）\n");
  EXPECT_EQ(ErrorOf({"calendar", "add", "2024-09-27", "-3"}), "错误：工作日数不能为负数：-3\n");
  EXPECT_EQ(ErrorOf({"calendar", "add", "2024-09-27", "abc"}),
            "错误：工作日数无效：“abc”，应为非负整数\n");
  EXPECT_EQ(ErrorOf({"calendar", "add", "2100-12-20", "20"}),
            "错误：工作日历未包含2101年的节假日安排（已覆盖2019–2026年，可预计2008–2100年）\n");
  EXPECT_EQ(ErrorOf({"calendar", "show", "2007"}),
            "错误：工作日历未包含2007年的节假日安排（已覆盖2019–2026年，可预计2008–2100年）\n");
  EXPECT_EQ(ErrorOf({"calendar", "between", "2024-10-09", "2024-10-08"}),
            "错误：结束日期2024-10-08早于开始日期2024-10-09\n");
  EXPECT_EQ(ErrorOf({"calendar", "show", "20x"}),
            "错误：年份无效：“20x”，应为四位数年份（如 2024）\n");
}

TEST(CalendarCliTest, OverrideFilesMoveDueDates) {
  std::string dir = testing_util::MakeTempDir();
  testing_util::WriteFile(dir + "/local.tsv", "date\tkind\tname\n2024-10-08\tholiday\t地方假日\n");
  testing_util::WriteFile(dir + "/cancel.tsv", "date\tkind\tname\n2024-10-07\tcancel\t\n");
  auto r = RunGongkai({"calendar", "add", "2024-09-27", "20", "--override", dir + "/local.tsv"});
  EXPECT_EQ(r.out, "2024-10-31（周四）\n") << r.err;
  r = RunGongkai({"calendar", "add", "2024-09-27", "20", "--override", dir + "/cancel.tsv"});
  EXPECT_EQ(r.out, "2024-10-29（周二）\n") << r.err;
  EXPECT_EQ(
      RunGongkai({"calendar", "is-workday", "2024-10-08", "--override", dir + "/local.tsv"}).out,
      "2024-10-08（周二）：休息日，地方假日\n");
}

TEST(CalendarCliTest, UnreadableOrMalformedFilesFail) {
  std::string dir = testing_util::MakeTempDir();
  EXPECT_EQ(ErrorOf({"calendar", "add", "2024-09-27", "20", "--holidays", dir + "/none.tsv"}),
            "错误：无法读取文件“" + dir + "/none.tsv”（不存在或没有读取权限）\n");
  testing_util::WriteFile(dir + "/bad.tsv",
                          "# years: 2024\ndate\tkind\tname\n2024-10-01\tholiday\t国庆节\n"
                          "2024-10-01\tholiday\t国庆节\n");
  EXPECT_EQ(ErrorOf({"calendar", "show", "2024", "--holidays", dir + "/bad.tsv"}),
            "错误：节假日文件 " + dir + "/bad.tsv 第4行：日期2024-10-01重复（已见于第3行）\n");
  testing_util::WriteFile(dir + "/bad_override.tsv",
                          "date\tkind\tname\n2027-01-04\tholiday\t地方假日\n");
  EXPECT_EQ(
      ErrorOf({"calendar", "add", "2024-09-27", "20", "--override", dir + "/bad_override.tsv"}),
      "错误：覆盖文件 " + dir +
          "/bad_override.tsv "
          "第2行：日期2027-01-04不在全国节假日数据覆盖的年份内（已覆盖2019–2026年）\n");
}

}  // namespace
}  // namespace gongkai

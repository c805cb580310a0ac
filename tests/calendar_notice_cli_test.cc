// The provisional calendar (预计) and the import of a holiday notice, through the real binary.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "test_util.h"

namespace gongkai {
namespace {

using testing_util::RunGongkai;

const std::string kHow =
    "（按《全国年节及纪念日放假办法》的法定节假日预计，不含调休；国务院办公厅通知发布后用 "
    "gongkai calendar import 导入）\n";

TEST(CalendarNoticeCliTest, UnpublishedYearsAreCountedProvisionally) {
  auto r = RunGongkai({"calendar", "add", "2026-12-20", "20"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "2027-01-18（周一）\n预计：2027年节假日安排尚未发布" + kHow);
  auto show = RunGongkai({"calendar", "show", "2027"});
  EXPECT_EQ(show.exit_code, 0) << show.err;
  EXPECT_EQ(show.out,
            "2027年节假日安排\n"
            "预计：2027年节假日安排尚未发布：以下仅为《全国年节及纪念日放假办法》规定的法定节假日，"
            "不含调休\n放假：\n"
            "  2027-01-01（周五） 元旦（预计）\n  2027-02-05（周五） 春节（预计）\n"
            "  2027-02-06（周六） 春节（预计）\n  2027-02-07（周日） 春节（预计）\n"
            "  2027-02-08（周一） 春节（预计）\n  2027-04-05（周一） 清明节（预计）\n"
            "  2027-05-01（周六） 劳动节（预计）\n  2027-05-02（周日） 劳动节（预计）\n"
            "  2027-06-09（周三） 端午节（预计）\n  2027-09-15（周三） 中秋节（预计）\n"
            "  2027-10-01（周五） 国庆节（预计）\n  2027-10-02（周六） 国庆节（预计）\n"
            "  2027-10-03（周日） 国庆节（预计）\n调休上班：\n全年工作日：254 天\n");
  auto day = RunGongkai({"calendar", "is-workday", "2027-02-08"});
  EXPECT_EQ(day.out,
            "2027-02-08（周一）：休息日，春节（预计）\n预计：2027年节假日安排尚未发布" + kHow);
}

// The bundled data without 2024, so that the real 2024 notice can be imported into a past year.
std::string HolidaysUpTo2023(const std::string& dir) {
  std::ifstream in(std::string(GONGKAI_SOURCE_DIR) + "/data/calendar/cn_holidays.tsv");
  std::ostringstream out;
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("# years:", 0) == 0) line = "# years: 2019-2023";
    if (line.size() > 4 && line[0] == '2' && line.compare(0, 4, "2023") > 0) continue;
    out << line << "\n";
  }
  std::string path = dir + "/holidays-2019-2023.tsv";
  testing_util::WriteFile(path, out.str());
  return path;
}

const char* k2024Notice =
    "国务院办公厅关于2024年部分节假日安排的通知\n"
    "一、元旦：1月1日放假，与周末连休。\n"
    "二、春节：2月10日至17日放假调休，共8天。2月4日（周日）、2月18日（周日）上班。\n"
    "三、清明节：4月4日至6日放假调休，共3天。4月7日（周日）上班。\n"
    "四、劳动节：5月1日至5日放假调休，共5天。4月28日（周日）、5月11日（周六）上班。\n"
    "五、端午节：6月10日放假，与周末连休。\n"
    "六、中秋节：9月15日至17日放假调休，共3天。9月14日（周六）上班。\n"
    "七、国庆节：10月1日至7日放假调休，共7天。9月29日（周日）、10月12日（周六）上班。\n";

class CalendarImportCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = testing_util::MakeTempDir();
    holidays_ = HolidaysUpTo2023(dir_);
    ASSERT_EQ(Run({"agency", "add", "--name", "樟树市工业和信息化局", "--short-name", "樟工信"})
                  .exit_code,
              0);
  }
  testing_util::RunResult Run(std::vector<std::string> args, const std::string& in = "") {
    if (args[0] != "agency") args.insert(args.end(), {"--holidays", holidays_});
    args.insert(args.begin(), {"--data-dir", dir_});
    return RunGongkai(args, in);
  }
  std::string dir_, holidays_;
};

TEST_F(CalendarImportCliTest, ANoticeMovesTheProvisionalDueDates) {
  // Received 2023-12-25, extended by 15 working days on 2024-01-10: 35 working days. Without the
  // 2024 notice the count skips 元旦 and 初一–初三 (2-10..12) only: 2024-02-14.
  auto add = Run({"app", "add", "--agency", "樟工信", "--id-number", "11010519491231002X", "--name",
                  "张三", "--phone", "13800000000", "--description", "请公开企业名录", "--date",
                  "2023-12-25"});
  ASSERT_EQ(add.exit_code, 0) << add.err;
  auto ext = Run({"app", "event", "1", "--type", "extension_approved", "--date", "2024-01-10",
                  "--days", "15", "--party", "局长"});
  ASSERT_EQ(ext.exit_code, 0) << ext.err;
  auto before = Run({"app", "show", "1", "--as-of", "2024-01-10"});
  EXPECT_NE(before.out.find("答复期限：2024-02-14（预计：2024年节假日安排尚未发布）\n"),
            std::string::npos)
      << before.out;
  auto status = Run({"calendar", "status"});
  EXPECT_NE(
      status.out.find("已发布的节假日安排：2019、2020、2021、2022、2023\n其中导入的通知：无\n"),
      std::string::npos)
      << status.out;

  // A dry run shows the days that change and stores nothing.
  auto dry = Run({"calendar", "import", "-", "--dry-run"}, k2024Notice);
  ASSERT_EQ(dry.exit_code, 0) << dry.err;
  EXPECT_NE(dry.out.find("2024年节假日安排：放假32天，调休上班8天\n"), std::string::npos)
      << dry.out;
  EXPECT_NE(dry.out.find("  2024-02-04（周日）周末（预计） → 调休上班（春节）\n"),
            std::string::npos)
      << dry.out;
  EXPECT_NE(dry.out.find("  2024-02-13（周二）工作日（预计） → 春节\n"), std::string::npos)
      << dry.out;
  EXPECT_NE(dry.out.find("（试运行，未导入）\n"), std::string::npos);
  EXPECT_NE(Run({"app", "show", "1", "--as-of", "2024-01-10"}).out.find("2024-02-14（预计"),
            std::string::npos);

  auto imported = Run({"calendar", "import", "-"}, k2024Notice);
  ASSERT_EQ(imported.exit_code, 0) << imported.err;
  EXPECT_NE(imported.out.find("已导入2024年节假日安排\n樟工信依申〔2023〕1号\t2024-02-14 → "
                              "2024-02-18\n答复期限变化的申请：1 件\n"),
            std::string::npos)
      << imported.out;
  auto after = Run({"app", "show", "1", "--as-of", "2024-01-10"});
  EXPECT_NE(after.out.find("答复期限：2024-02-18\n"), std::string::npos) << after.out;
  auto status2 = Run({"calendar", "status"});
  EXPECT_NE(status2.out.find("已发布的节假日安排：2019、2020、2021、2022、2023、2024\n其中导入的通"
                             "知：2024\n"),
            std::string::npos)
      << status2.out;
  EXPECT_EQ(Run({"calendar", "is-workday", "2024-02-18"}).out,
            "2024-02-18（周日）：工作日，调休上班（春节）\n");
}

TEST_F(CalendarImportCliTest, BadOrContradictingNoticesChangeNothing) {
  std::string bad = std::string(k2024Notice) + "八、春节：2月30日放家。\n";
  auto r = Run({"calendar", "import", "-"}, bad);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("第9行"), std::string::npos) << r.err;
  // Only 元旦 and 春节: the statutory 清明 … 国庆 days are missing — a warning to confirm.
  std::string partial =
      "国务院办公厅关于2024年部分节假日安排的通知\n一、元旦：1月1日放假，与周末连休。\n"
      "二、春节：2月10日至17日放假调休，共8天。2月4日（周日）、2月18日（周日）上班。\n";
  auto warned = Run({"calendar", "import", "-"}, partial);
  EXPECT_EQ(warned.exit_code, 1) << warned.err;
  EXPECT_NE(warned.out.find("注意：2024-04-04（清明节）是法定节假日，但通知中未列为放假\n"),
            std::string::npos)
      << warned.out;
  EXPECT_NE(warned.out.find("未导入：通知与放假办法不一致，核对无误后加 --confirm 重新运行\n"),
            std::string::npos);
  EXPECT_NE(Run({"calendar", "status"}).out.find("其中导入的通知：无\n"), std::string::npos);
  auto confirmed = Run({"calendar", "import", "-", "--confirm"}, partial);
  EXPECT_EQ(confirmed.exit_code, 0) << confirmed.err;
  EXPECT_NE(Run({"calendar", "status"}).out.find("其中导入的通知：2024\n"), std::string::npos);
}

}  // namespace
}  // namespace gongkai

#include "calendar/holiday_notice.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace gongkai::calendar {
namespace {

// "2026-01-01 holiday 元旦", one per entry, in table order.
std::vector<std::string> Rows(const HolidayTable& t) {
  std::vector<std::string> out;
  for (const HolidayEntry& e : t.entries) {
    out.push_back(e.date.ToString() + " " + EntryKindName(e.kind) + " " + e.name);
  }
  return out;
}

// The rows of data/calendar/cn_holiday_spans.tsv dated [from, to].
std::vector<std::string> SpanRows(Date from, Date to) {
  std::ifstream in(std::string(GONGKAI_SOURCE_DIR) + "/data/calendar/cn_holiday_spans.tsv");
  std::stringstream text;
  text << in.rdbuf();
  auto t = ParseHolidayTable(text.str(), "cn_holiday_spans.tsv", TableRole::kNational);
  EXPECT_TRUE(t.ok()) << t.status().ToString();
  if (!t.ok()) return {};
  HolidayTable part;
  for (const HolidayEntry& e : t->entries) {
    if (e.date >= from && e.date <= to) part.entries.push_back(e);
  }
  return Rows(part);
}

std::vector<std::string> ParsedRows(std::string_view text, std::optional<int> year) {
  auto t = ParseHolidayNotice(text, year);
  EXPECT_TRUE(t.ok()) << t.status().ToString() << " / " << t.status().UserMessage();
  if (!t.ok()) return {};
  return Rows(*t);
}

// The Chinese message of a failed parse (the test fails if it parsed).
std::string ErrorOf(std::string_view text, std::optional<int> year = std::nullopt) {
  auto r = ParseHolidayNotice(text, year);
  EXPECT_FALSE(r.ok()) << text;
  if (r.ok()) return "";
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  return r.status().UserMessage();
}

constexpr std::string_view kClosing =
    "　　节假日期间，各地区、各部门要妥善安排好值班和安全、保卫等工作，遇有重大突发事件，要按规定"
    "及时报告并妥善处置，确保人民群众祥和平安度过节日假期。\n";

// 国办发明电〔2025〕7号, as published.
const std::string k2026Notice =
    std::string(
        "国务院办公厅关于2026年部分节假日安排的通知\n"
        "国办发明电〔2025〕7号\n"
        "\n"
        "各省、自治区、直辖市人民政府，国务院各部委、各直属机构：\n"
        "　　经国务院批准，现将2026年元旦、春节、清明节、劳动节、端午节、"
        "中秋节和国庆节放假调休日期的具体安排通知如下。\n"
        "　　一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日"
        "（周日）上班。\n"
        "　　二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、"
        "周一）放假调休，共9天。2月14日（周六）、2月28日（周六）上班。\n"
        "　　三、清明节：4月4日（周六）至6日（周一）放假，共3天。\n"
        "　　四、劳动节：5月1日（周五）至5日（周二）放假调休，共5天。5月9日"
        "（周六）上班。\n"
        "　　五、端午节：6月19日（周五）至21日（周日）放假，共3天。\n"
        "　　六、中秋节：9月25日（周五）至27日（周日）放假，共3天。\n"
        "　　七、国庆节：10月1日（周四）至7日（周三）放假调休，共7天。9月20日"
        "（周日）、10月10日（周六）上班。\n") +
    std::string(kClosing) +
    "\n"
    "国务院办公厅\n"
    "2025年11月4日\n"
    "（此件公开发布）\n";

// 国办发明电〔2024〕12号.
const std::string k2025Notice =
    std::string(
        "国务院办公厅关于2025年部分节假日安排的通知\n"
        "国办发明电〔2024〕12号\n"
        "各省、自治区、直辖市人民政府，国务院各部委、各直属机构：\n"
        "　　根据《国务院关于修改〈全国年节及纪念日放假办法〉的决定》，为便于各地区、各部门及早合理"
        "安排节假日旅游、交通运输、生产经营等有关工作，经国务院批准，现将2025年元旦、春节、清明节、"
        "劳动节、端午节、中秋节和国庆节放假调休日期的具体安排通知如下。\n"
        "　　一、元旦：1月1日（周三）放假1天，不调休。\n"
        "　　二、春节：1月28日（农历除夕、周二）至2月4日（农历正月初七、周二）放假调休，共8天。1月2"
        "6日"
        "（周日）、2月8日（周六）上班。\n"
        "　　三、清明节：4月4日（周五）至6日（周日）放假，共3天。\n"
        "　　四、劳动节：5月1日（周四）至5日（周一）放假调休，共5天。4月27日（周日）上班。\n"
        "　　五、端午节：5月31日（周六）至6月2日（周一）放假，共3天。\n"
        "　　六、国庆节、中秋节：10月1日（周三）至8日（周三）放假调休，共8天。9月28日（周日）、10月"
        "11日"
        "（周六）上班。\n") +
    std::string(kClosing) + "国务院办公厅\n2024年11月12日\n";

// 国办发明电〔2023〕7号: no weekdays for rest days, 与周末连休, a 鼓励 sentence.
const std::string k2024Notice =
    std::string(
        "国务院办公厅关于2024年部分节假日安排的通知\n"
        "各省、自治区、直辖市人民政府，国务院各部委、各直属机构：\n"
        "　　经国务院批准，现将2024年元旦、春节、清明节、劳动节、端午节、中秋节和国庆节放假调休日期"
        "的"
        "具体安排通知如下。\n"
        "　　一、元旦：1月1日放假，与周末连休。\n"
        "　　二、春节：2月10日至17日放假调休，共8天。2月4日（周日）、2月18日（周日）上班。鼓励各单"
        "位结合"
        "带薪年休假等制度落实，安排职工在除夕（2月9日）休息。\n"
        "　　三、清明节：4月4日至6日放假调休，共3天。4月7日（周日）上班。\n"
        "　　四、劳动节：5月1日至5日放假调休，共5天。4月28日（周日）、5月11日（周六）上班。\n"
        "　　五、端午节：6月10日放假，与周末连休。\n"
        "　　六、中秋节：9月15日至17日放假调休，共3天。9月14日（周六）上班。\n"
        "　　七、国庆节：10月1日至7日放假调休，共7天。9月29日（周日）、10月12日（周六）上班。\n") +
    std::string(kClosing) + "国务院办公厅\n2023年10月25日\n";

TEST(HolidayNoticeTest, Parses2026NoticeAsTheSpansFile) {
  ASSERT_EQ(SpanRows({2026, 1, 1}, {2026, 12, 31}).size(), 39u);  // 33 rest days, 6 workdays
  EXPECT_EQ(ParsedRows(k2026Notice, std::nullopt), SpanRows({2026, 1, 1}, {2026, 12, 31}));
  EXPECT_EQ(ParsedRows(k2026Notice, 2026), SpanRows({2026, 1, 1}, {2026, 12, 31}));
}

TEST(HolidayNoticeTest, Parses2025NoticeAsTheSpansFile) {
  EXPECT_EQ(ParsedRows(k2025Notice, std::nullopt), SpanRows({2025, 1, 1}, {2025, 12, 31}));
}

TEST(HolidayNoticeTest, Parses2024NoticeWithWeekendJoinedIntoThePreviousYear) {
  // 元旦 1月1日 is a Monday: 与周末连休 adds 2023-12-30/31, kept with their real dates.
  EXPECT_EQ(ParsedRows(k2024Notice, std::nullopt), SpanRows({2023, 12, 30}, {2024, 12, 31}));
}

TEST(HolidayNoticeTest, Parses2023And2022NoticesWithYearsAndXingqi) {
  const std::string notice2023 =
      "国务院办公厅关于2023年部分节假日安排的通知\n"
      "一、元旦：2022年12月31日至2023年1月2日放假调休，共3天。\n"
      "二、春节：1月21日至27日放假调休，共7天。1月28日（星期六）、1月29日（星期日）上班。\n"
      "三、清明节：4月5日放假，共1天。\n"
      "四、劳动节：4月29日至5月3日放假调休，共5天。4月23日（星期日）、5月6日（星期六）上班。\n"
      "五、端午节：6月22日至24日放假调休，共3天。6月25日（星期日）上班。\n"
      "六、中秋节、国庆节：9月29日至10月6日放假调休，共8天。10月7日（星期六）、10月8日（星期日）"
      "上班。\n";
  EXPECT_EQ(ParsedRows(notice2023, std::nullopt), SpanRows({2022, 12, 31}, {2023, 12, 29}));
  const std::string notice2022 =
      "国务院办公厅关于2022年部分节假日安排的通知\n"
      "一、元旦：2022年1月1日至3日放假，共3天。\n"
      "二、春节：1月31日至2月6日放假调休，共7天。1月29日（星期六）、1月30日（星期日）上班。\n"
      "三、清明节：4月3日至5日放假调休，共3天。4月2日（星期六）上班。\n"
      "四、劳动节：4月30日至5月4日放假调休，共5天。4月24日（星期日）、5月7日（星期六）上班。\n"
      "五、端午节：6月3日至5日放假，共3天。\n"
      "六、中秋节：9月10日至12日放假，共3天。\n"
      "七、国庆节：10月1日至7日放假调休，共7天。10月8日（星期六）、10月9日（星期日）上班。\n";
  EXPECT_EQ(ParsedRows(notice2022, 2022), SpanRows({2022, 1, 1}, {2022, 12, 30}));
}

TEST(HolidayNoticeTest, GivesExactEntriesWithLinesForWeekendJoin) {
  auto t = ParseHolidayNotice(
      "preamble\n五、端午节：6月19日（周五）放假，与周末连休。\n六、中秋节：9月25日（周五）放假，"
      "与周末连休。\n",
      2026);
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  EXPECT_EQ(t->source, "2026年节假日安排通知");
  ASSERT_TRUE(t->declared_years.has_value());
  EXPECT_EQ(*t->declared_years, std::make_pair(2026, 2026));
  ASSERT_EQ(t->entries.size(), 6u);
  EXPECT_EQ(t->entries[0].date, (Date{2026, 6, 19}));
  EXPECT_EQ(t->entries[2].date, (Date{2026, 6, 21}));
  EXPECT_EQ(t->entries[2].kind, EntryKind::kHoliday);
  EXPECT_EQ(t->entries[2].name, "端午节");
  EXPECT_EQ(t->entries[2].line, 2);
  EXPECT_EQ(t->entries[3].date, (Date{2026, 9, 25}));
  EXPECT_EQ(t->entries[5].line, 3);
}

TEST(HolidayNoticeTest, AcceptsFullWidthAsciiSpacesBreaksAndChineseDigits) {
  const std::vector<std::string> expected = {
      "2026-09-20 workday 国庆节", "2026-10-01 holiday 国庆节", "2026-10-02 holiday 国庆节",
      "2026-10-03 holiday 国庆节", "2026-10-04 holiday 国庆节", "2026-10-05 holiday 国庆节",
      "2026-10-06 holiday 国庆节", "2026-10-07 holiday 国庆节", "2026-10-10 workday 国庆节"};
  EXPECT_EQ(ParsedRows("７、国庆节：１０月１日（周四）至７日（周三）放假调休，共７天。"
                       "９月２０日（周日）、１０月１０日（周六）上班。",
                       2026),
            expected);
  EXPECT_EQ(ParsedRows("7. 国庆节: 10 月 1 日 (周四) 至 7 日 (周三) 放假调休, 共 7 天.\r\n"
                       "9月20日(周日)、\r\n  10月10日(星期六)上班.\r\n",
                       2026),
            expected);
  EXPECT_EQ(ParsedRows("七、国庆节：十月一日（周四）至七日（周三）放假调休，\n共七天。\n"
                       "九月二十日（周日）、十月十日（周六）上班。",
                       2026),
            expected);
  // The year from a title in Chinese digits.
  auto t = ParseHolidayNotice("关于二〇二六年部分节假日安排的通知\n国庆节：10月1日至7日放假", {});
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  EXPECT_EQ(t->entries.front().date, (Date{2026, 10, 1}));
}

TEST(HolidayNoticeTest, ParsesAOneLinePaste) {
  std::string one_line;
  for (char c : k2024Notice) {
    if (c != '\n') one_line += c;
  }
  // Title, preamble and every item on one line: the year still comes from the title.
  EXPECT_EQ(ParsedRows(one_line, std::nullopt), SpanRows({2023, 12, 30}, {2024, 12, 31}));
}

TEST(HolidayNoticeTest, RangesCrossMonthAndYearAndSingleDays) {
  EXPECT_EQ(
      ParsedRows("关于2027年部分节假日安排的通知\n一、元旦：12月31日至1月2日放假，共3天。\n", {}),
      (std::vector<std::string>{"2026-12-31 holiday 元旦", "2027-01-01 holiday 元旦",
                                "2027-01-02 holiday 元旦"}));
  EXPECT_EQ(ParsedRows("中秋节、国庆节：9月29日至10月6日放假调休，共8天", 2023).size(), 8u);
  EXPECT_EQ(ParsedRows("中秋节、国庆节：10月1日至8日放假调休，共8天", 2025).front(),
            "2025-10-01 holiday 中秋节、国庆节");
  EXPECT_EQ(ParsedRows("三、清明节：4月5日放假1天。", 2023),
            (std::vector<std::string>{"2023-04-05 holiday 清明节"}));
}

TEST(HolidayNoticeTest, YearFromTitleArgumentOrError) {
  EXPECT_EQ(ErrorOf("国庆节：10月1日至7日放假调休，共7天。"),
            "无法确定通知的年份：没有找到“关于YYYY年部分节假日安排的通知”这样的标题，请指定年份");
  EXPECT_EQ(ErrorOf(k2026Notice, 2027), "通知标题是2026年的节假日安排，但指定的年份是2027年");
}

TEST(HolidayNoticeTest, GarbledLineNamesItsLineAndReturnsNothing) {
  std::string text = k2026Notice;
  text.replace(text.find("放假，共3天。\n　　四"), std::string("放假").size(), "放家");
  EXPECT_EQ(ErrorOf(text), "第8行：无法识别“4月4日（周六）至6日（周一）放家，共3天。”");
  EXPECT_EQ(ErrorOf("关于2026年部分节假日安排的通知\n一、元旦：1月1日放假。乱码\n"),
            "第2行：无法识别“乱码”");
  // Not an item we know, but an arrangement: rejected, not skipped.
  EXPECT_EQ(
      ErrorOf(
          "关于2026年部分节假日安排的通知\n一、元旦：1月1日放假。\n八、植树节：3月12日放假。\n"),
      "第3行：无法识别“八、植树节：3月12日放假。”");
  EXPECT_EQ(
      ErrorOf("关于2026年部分节假日安排的通知\n一、元旦：1月1日放假。\n另外，3月12日放假。\n"),
      "第3行：无法识别“另外，3月12日放假。”");
}

TEST(HolidayNoticeTest, RejectsWeekdayMismatch) {
  std::string text = k2026Notice;
  text.replace(text.find("10月1日（周四）"), std::string("10月1日（周四）").size(),
               "10月1日（周五）");
  EXPECT_EQ(ErrorOf(text), "第12行：2026-10-01是周四，与通知所写“周五”不符");
  EXPECT_EQ(ErrorOf("一、元旦：1月1日（星期五）放假。", 2026),
            "第1行：2026-01-01是周四，与通知所写“星期五”不符");
}

TEST(HolidayNoticeTest, RejectsDayCountMismatch) {
  EXPECT_EQ(ErrorOf("\n七、国庆节：10月1日至7日放假调休，共8天。", 2026),
            "第2行：2026-10-01至2026-10-07为7天，与“共8天”不符");
  EXPECT_EQ(ErrorOf("一、元旦：1月1日（周三）至2日放假1天，不调休。", 2025),
            "第1行：2025-01-01至2025-01-02为2天，与“放假1天”不符");
  // 共N天 counts the weekend joined by 与周末连休.
  EXPECT_EQ(ErrorOf("五、端午节：6月10日放假，与周末连休，共1天。", 2024),
            "第1行：2024-06-08至2024-06-10为3天，与“共1天”不符");
}

TEST(HolidayNoticeTest, RejectsWorkdayOnAWeekday) {
  EXPECT_EQ(ErrorOf("七、国庆节：10月1日至7日放假调休，共7天。9月21日（周一）上班。", 2026),
            "第1行：2026-09-21是周一，调休上班日应为周六或周日");
  // The brief's 2027 example line: 1月4日 is a Monday, a working day anyway.
  EXPECT_EQ(
      ErrorOf("一、元旦：1月1日（周五）至3日（周日）放假调休，共3天。1月4日（周一）上班。", 2027),
      "第1行：2027-01-04是周一，调休上班日应为周六或周日");
}

TEST(HolidayNoticeTest, RejectsOtherBadArrangements) {
  EXPECT_EQ(ErrorOf("关于2026年部分节假日安排的通知\n经国务院批准，现将安排通知如下。\n"),
            "通知中没有找到放假安排（应有如“一、元旦：1月1日放假，共1天。”的条目）");
  EXPECT_EQ(ErrorOf("二、春节：2月30日放假。", 2026), "第1行：日期“2月30日”不存在");
  EXPECT_EQ(ErrorOf("三、清明节：2025年4月4日放假。", 2026),
            "第1行：日期2025-04-04不属于2026年的安排（只有元旦假期可以从上一年12月开始）");
  EXPECT_EQ(ErrorOf("七、国庆节：10月1日至7日放假。\n10月3日（周六）上班。", 2026),
            "第2行：2026-10-03已在第1行列为放假（国庆节）");
  EXPECT_EQ(ErrorOf("一、元旦：\n1月4日（周日）上班。", 2026),
            "第1行：“元旦”一项没有写放假日期（应如“10月1日至7日放假调休，共7天”）");
  EXPECT_EQ(ErrorOf("五、端午节：6月17日（周三）放假，与周末连休。", 2026),
            "第1行：通知写“与周末连休”，但2026-06-17前后都不是周末");
  EXPECT_EQ(ErrorOf("七、国庆节：10月1日至11月5日放假。", 2026),
            "第1行：假期2026-10-01至2026-11-05长达36天，请核对日期");
}

TEST(HolidayNoticeTest, ComparesWithStatutoryHolidays) {
  auto t = ParseHolidayNotice(k2026Notice, std::nullopt);
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  std::vector<std::pair<Date, std::string>> statutory = {
      {{2026, 1, 1}, "元旦"},    {{2026, 2, 16}, "春节"},   {{2026, 2, 17}, "春节"},
      {{2026, 2, 18}, "春节"},   {{2026, 2, 19}, "春节"},   {{2026, 5, 1}, "劳动节"},
      {{2026, 5, 2}, "劳动节"},  {{2026, 10, 1}, "国庆节"}, {{2026, 10, 2}, "国庆节"},
      {{2026, 10, 3}, "国庆节"}, {{2026, 4, 5}, "清明节"},  {{2026, 6, 19}, "端午节"},
      {{2026, 9, 25}, "中秋节"}};
  EXPECT_TRUE(CompareWithStatutory(*t, statutory).empty());

  auto short_spring = ParseHolidayNotice("二、春节：2月7日（周日）至2月9日（周二）放假。", 2027);
  ASSERT_TRUE(short_spring.ok()) << short_spring.status().ToString();
  std::vector<std::pair<Date, std::string>> spring = {
      {{2027, 2, 6}, "春节"}, {{2027, 2, 7}, "春节"}, {{2027, 2, 10}, "春节"}};
  EXPECT_EQ(CompareWithStatutory(*short_spring, spring),
            (std::vector<std::string>{"2027-02-06（春节）是法定节假日，但通知中未列为放假",
                                      "2027-02-10（春节）是法定节假日，但通知中未列为放假"}));
}

}  // namespace
}  // namespace gongkai::calendar

#include "calendar/holiday_table.h"

#include <gtest/gtest.h>

namespace gongkai::calendar {
namespace {

Result<HolidayTable> Parse(std::string_view text, TableRole role = TableRole::kNational) {
  return ParseHolidayTable(text, "t.tsv", role);
}

// The Chinese message of a failed parse (the test fails if it parsed).
std::string ErrorOf(std::string_view text, TableRole role = TableRole::kNational) {
  auto r = Parse(text, role);
  EXPECT_FALSE(r.ok()) << text;
  if (r.ok()) return "";
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  return r.status().UserMessage();
}

TEST(HolidayTableTest, ParsesEntriesCommentsAndYears) {
  auto t = Parse(
      "# comment\n# years: 2024-2024\ndate\tkind\tname\n\n2024-10-01\tholiday\t国庆节\n"
      "2024-10-12\tworkday\t国庆节\n");
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  EXPECT_EQ(t->source, "t.tsv");
  ASSERT_TRUE(t->declared_years.has_value());
  EXPECT_EQ(t->declared_years->first, 2024);
  EXPECT_EQ(t->declared_years->second, 2024);
  ASSERT_EQ(t->entries.size(), 2u);
  EXPECT_EQ(t->entries[0].date, (Date{2024, 10, 1}));
  EXPECT_EQ(t->entries[0].kind, EntryKind::kHoliday);
  EXPECT_EQ(t->entries[0].name, "国庆节");
  EXPECT_EQ(t->entries[0].line, 5);
  EXPECT_EQ(t->entries[1].kind, EntryKind::kWorkday);
  EXPECT_EQ(t->entries[1].line, 6);
}

TEST(HolidayTableTest, AcceptsBomCrlfAndNoYearDeclaration) {
  auto t = Parse(
      "\xEF\xBB\xBF"
      "date\tkind\tname\r\n2020-01-31\tholiday\t春节\r\n");
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  EXPECT_FALSE(t->declared_years.has_value());
  ASSERT_EQ(t->entries.size(), 1u);
  EXPECT_EQ(t->entries[0].name, "春节");
}

TEST(HolidayTableTest, RejectsMissingOrWrongHeader) {
  EXPECT_EQ(ErrorOf(""), "节假日文件 t.tsv 缺少表头“date<TAB>kind<TAB>name”（文件为空？）");
  EXPECT_EQ(ErrorOf("# only a comment\n2024-10-01\tholiday\t国庆节\n"),
            "节假日文件 t.tsv "
            "第2行：表头应为“date<TAB>kind<TAB>name”，实际为“2024-10-01\tholiday\t国庆节”");
}

TEST(HolidayTableTest, RejectsWrongColumnCountWithLine) {
  EXPECT_EQ(ErrorOf("date\tkind\tname\n2024-10-01\tholiday\t国庆节\n2024-10-02 holiday 国庆节\n"),
            "节假日文件 t.tsv 第3行：应有3列（date、kind、name，以制表符分隔），实际为1列");
}

TEST(HolidayTableTest, RejectsBadDateNamingIt) {
  EXPECT_EQ(ErrorOf("date\tkind\tname\n2023-02-29\tholiday\t春节\n"),
            "节假日文件 t.tsv 第2行：日期“2023-02-29”无效");
}

TEST(HolidayTableTest, RejectsBadKindNamingIt) {
  EXPECT_EQ(ErrorOf("date\tkind\tname\n2024-10-01\tholidy\t国庆节\n"),
            "节假日文件 t.tsv 第2行：类型“holidy”无效，应为 holiday 或 workday");
  // cancel is for override files only.
  EXPECT_EQ(ErrorOf("date\tkind\tname\n2024-10-01\tcancel\t\n"),
            "节假日文件 t.tsv 第2行：类型“cancel”无效，应为 holiday 或 workday");
}

TEST(HolidayTableTest, RejectsEmptyName) {
  EXPECT_EQ(ErrorOf("date\tkind\tname\n2024-10-01\tholiday\t \n"),
            "节假日文件 t.tsv 第2行：名称为空（应写节日名称，如 国庆节）");
}

TEST(HolidayTableTest, RejectsWorkdayOnAWeekday) {
  EXPECT_EQ(ErrorOf("date\tkind\tname\n2024-10-09\tworkday\t国庆节\n"),
            "节假日文件 t.tsv 第2行：2024-10-09是周三，调休上班日（workday）应为周六或周日");
}

TEST(HolidayTableTest, RejectsDuplicateDates) {
  EXPECT_EQ(ErrorOf("date\tkind\tname\n2024-10-01\tholiday\t国庆节\n2024-10-02\tholiday\t国庆节\n"
                    "2024-10-01\tholiday\t国庆节\n"),
            "节假日文件 t.tsv 第4行：日期2024-10-01重复（已见于第2行）");
}

TEST(HolidayTableTest, RejectsHolidayThatIsAlsoAWorkday) {
  EXPECT_EQ(ErrorOf("date\tkind\tname\n2024-10-12\tholiday\t国庆节\n2024-10-12\tworkday\t国庆节\n"),
            "节假日文件 t.tsv 第3行：2024-10-12在第2行已列为 holiday，不能又列为 workday");
}

TEST(HolidayTableTest, RejectsDatesOutsideDeclaredYears) {
  EXPECT_EQ(ErrorOf("# years: 2019-2026\ndate\tkind\tname\n2027-01-01\tholiday\t元旦\n"),
            "节假日文件 t.tsv 第3行：日期2027-01-01不在文件声明的年份范围（2019–2026年）内");
  EXPECT_EQ(ErrorOf("# years: 2024\ndate\tkind\tname\n2018-12-31\tholiday\t元旦\n"),
            "节假日文件 t.tsv 第3行：日期2018-12-31不在文件声明的年份范围（2024年）内");
}

TEST(HolidayTableTest, RejectsDeclaredYearWithoutEntries) {
  EXPECT_EQ(ErrorOf("# years: 2024-2025\ndate\tkind\tname\n2024-10-01\tholiday\t国庆节\n"),
            "节假日文件 t.tsv 声明覆盖2024–2025年，但没有2025年的条目");
}

TEST(HolidayTableTest, RejectsBadOrLateYearsDeclaration) {
  EXPECT_EQ(ErrorOf("# years: 2026-2019\ndate\tkind\tname\n"),
            "节假日文件 t.tsv 第1行：年份声明“# years: 2026-2019”无效，应为“# years: 2019-2026”");
  EXPECT_EQ(ErrorOf("date\tkind\tname\n# years: 2024\n"),
            "节假日文件 t.tsv 第2行：年份声明只能出现一次，且应在表头之前");
}

TEST(HolidayTableTest, OverrideAllowsCancelWithOrWithoutName) {
  auto t = Parse("date\tkind\tname\n2024-10-07\tcancel\n2024-10-12\tcancel\t本地不调休\n",
                 TableRole::kOverride);
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  ASSERT_EQ(t->entries.size(), 2u);
  EXPECT_EQ(t->entries[0].kind, EntryKind::kCancel);
  EXPECT_EQ(t->entries[0].name, "");
  EXPECT_EQ(t->entries[1].name, "本地不调休");
  EXPECT_EQ(ErrorOf("date\tkind\tname\n2024-10-07\tremove\tx\n", TableRole::kOverride),
            "节假日文件 t.tsv 第2行：类型“remove”无效，应为 holiday、workday 或 cancel");
}

}  // namespace
}  // namespace gongkai::calendar

#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "calendar/holiday_table.h"
#include "core/date.h"
#include "core/result.h"

namespace gongkai::calendar {

// Parses the text of the State Council's annual holiday notice (国务院办公厅关于YYYY年部分节假日
// 安排的通知) as an administrator pastes it, e.g.
//   七、国庆节：10月1日（周四）至7日（周三）放假调休，共7天。9月20日（周日）、10月10日（周六）上班。
// into a HolidayTable: every day of each rest span (weekends inside included, as in
// cn_holiday_spans.tsv) is kHoliday, every 调休上班 day is kWorkday, both named after the holiday
// as written (中秋节、国庆节 for a combined item). "与周末连休" adds the adjacent weekend days.
// Entries are in date order; `line` is the notice line. declared_years is {year, year}; 元旦 days
// in December of year−1 (「12月31日至1月2日」) are kept with their real date.
//
// `year` may be omitted when the title (「关于2027年部分节假日安排的通知」) names it; when both
// are given they must agree. The preamble, the closing paragraph and the signature are ignored;
// a line that is neither an item nor such prose but mentions a date with 放假/上班 is an error.
// Pure. Errors are kInvalidArgument with a Chinese message naming the line, e.g.
// 「第3行：无法识别“4月4日至6日放家”」: text that cannot be understood, a weekday in parentheses
// that does not match the date, a 共N天/放假N天 that does not match the span, a 上班 day that is
// not a Saturday or Sunday, an impossible date, a date outside the year, a date listed twice, no
// year, or no holiday at all. Nothing partial is returned.
Result<HolidayTable> ParseHolidayNotice(std::string_view text, std::optional<int> year);

// One Chinese warning for each statutory holiday (法定节假日, from the 放假办法) that `table`
// does not list as a rest day: 「2027-02-06（春节）是法定节假日，但通知中未列为放假」. In the
// order of `statutory`; empty when every statutory day is a rest day. Pure.
std::vector<std::string> CompareWithStatutory(
    const HolidayTable& table, std::span<const std::pair<Date, std::string>> statutory);

}  // namespace gongkai::calendar

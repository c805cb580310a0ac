// Parser for the State Council's holiday notice (国务院办公厅关于YYYY年部分节假日安排的通知).
//
// The text is decoded (bad UTF-8 becomes U+FFFD), full-width forms are folded to ASCII and every
// space and line break is dropped, each remaining character remembering its line. Parsing then
// walks that stream. An item starts at the beginning of a line (or after the previous item, or
// after 。/： on a one-line paste) with an optional ordinal (一、 1. （一）) and holiday names
// (元旦、春节、清明节、劳动节、端午节、中秋节、国庆节, joined by 、和与) and a colon. Its body is
// a run of clauses, which may wrap across lines:
//   rest:  DATE [至 DATE] 放假[调休][N天] {，共N天 | ，与周末连休 | ，不调休}  [。]
//   work:  DATE {、DATE} 上班 [。]
//   note:  鼓励…。 (2024: rest on 除夕 is encouraged, not granted; skipped)
// DATE is [YYYY年][M月]D日 with numbers in ASCII, full-width or Chinese digits, followed by an
// optional （周五）/（农历腊月二十八、周日）/（星期六）. A clause that fails on the item's own line
// is an error; one that fails on a new line ends the item and its line is checked as prose.
// Prose (title, preamble, closing paragraph, signature) is ignored unless it starts with an
// ordinal, mentions a month-day date without a year, or a date together with 放假/上班/调休/休息/
// 连休: such a line is an arrangement we cannot read, and an error rather than a silent skip.
// Dates are resolved only after the syntax is known, so every semantic error names its line.
#include "calendar/holiday_notice.h"

#include <algorithm>
#include <map>
#include <set>

#include "calendar/notice_grammar.h"
#include "calendar/notice_text.h"

namespace gongkai::calendar {
namespace {

using notice::Clause;
using notice::DateText;
using notice::ItemStart;
using notice::Scanner;

constexpr int kMaxSpanDays = 31;  // official spans are at most 10 days; more is a typo

std::string Iso(Date d) { return d.ToString(); }

class NoticeParser {
 public:
  explicit NoticeParser(std::string_view text) : s_(text) {}

  // The year named by a 「关于YYYY年…节假日安排」 title, if any.
  Result<std::optional<int>> TitleYear() const;
  Result<HolidayTable> Parse(int year);

 private:
  Status ParseItem(size_t& i, const std::string& name, bool new_year);
  Status Resolve(const std::string& name, bool new_year, const std::vector<Clause>& clauses);
  Result<Date> ResolveDate(const DateText& d, const Date* base, bool range_end,
                           bool new_year) const;
  Status Add(Date date, EntryKind kind, const std::string& name, int line);
  Status CheckProse(size_t from, size_t to) const;
  Status SyntaxError(size_t clause_start) const;

  Scanner s_;
  int year_ = 0;
  std::map<Date, HolidayEntry> entries_;
};

Result<std::optional<int>> NoticeParser::TitleYear() const {
  std::optional<int> found;
  for (size_t p = 0; p < s_.size(); ++p) {
    size_t q = p;
    int v = 0;
    if (!s_.Lit(q, U"关于") || !s_.Number(q, &v) || !s_.Lit(q, U"年")) continue;
    bool title = false;
    for (size_t r = q; r < s_.size() && s_.LineOf(r) == s_.LineOf(p) && !title; ++r) {
      size_t t = r;
      title = s_.Lit(t, U"节假日安排");
    }
    if (!title) continue;
    if (v < 1901 || v > 9998) {
      return s_.Error(s_.LineOf(p), "bad year in title",
                      "标题中的年份“" + std::to_string(v) + "”无效");
    }
    if (found && *found != v) {
      return s_.Error(
          s_.LineOf(p), "two different years in titles",
          "标题中的年份" + std::to_string(v) + "年与前面的" + std::to_string(*found) + "年不一致");
    }
    found = v;
  }
  return found;
}

Status NoticeParser::SyntaxError(size_t clause_start) const {
  size_t f = std::min(s_.furthest(), s_.size() - 1);
  int line = s_.LineOf(f);
  size_t from = std::max(clause_start, s_.LineStart(f));
  return s_.Error(line, "cannot parse", "无法识别“" + s_.Quote(from) + "”");
}

Status NoticeParser::ParseItem(size_t& i, const std::string& name, bool new_year) {
  int item_line = s_.LineOf(i == 0 ? 0 : i - 1);
  int last_line = item_line;
  std::vector<Clause> clauses;
  bool has_rest = false;
  while (i < s_.size()) {
    size_t start = i;
    while (start < s_.size() && s_.Separator(start)) {
    }
    if (start == s_.size() || ItemStart(s_, start, false)) {
      i = start;
      break;
    }
    s_.ResetFurthest(start);
    size_t j = start;
    Clause c;
    bool ok = notice::Note(s_, j);
    if (!ok) {
      j = start;
      ok = notice::RestClause(s_, j, &c);
      if (!ok) {
        j = start;
        ok = notice::WorkClause(s_, j, &c);
      }
      if (ok) {
        has_rest |= c.rest;
        clauses.push_back(c);
      }
    }
    if (!ok) {
      // The item ended with its line, or (a one-line paste) the closing paragraph follows.
      if (has_rest && (s_.LineOf(start) != last_line || s_.Peek(start, U"节假日期间"))) {
        i = start;
        break;
      }
      return SyntaxError(start);
    }
    i = j;
    last_line = s_.LineOf(j - 1);
  }
  if (!has_rest) {
    return s_.Error(item_line, "item without a rest day",
                    "“" + name + "”一项没有写放假日期（应如“10月1日至7日放假调休，共7天”）");
  }
  return Resolve(name, new_year, clauses);
}

Result<Date> NoticeParser::ResolveDate(const DateText& d, const Date* base, bool range_end,
                                       bool new_year) const {
  int line = s_.LineOf(d.begin);
  int month = d.month ? *d.month : base->month;
  int year = 0;
  if (d.year) {
    year = *d.year;
  } else if (range_end) {
    year = d.month && *d.month < base->month ? base->year + 1 : base->year;
  } else if (!d.month) {
    year = base->year;
  } else {
    year = new_year && month == 12 ? year_ - 1 : year_;
  }
  if (!IsValidDate(year, month, d.day)) {
    return s_.Error(line, "no such day", "日期“" + s_.Original(d.begin, d.end) + "”不存在");
  }
  Date date{year, month, d.day};
  if (d.weekday && d.weekday != date.IsoWeekday()) {
    return s_.Error(line, "weekday does not match the date",
                    Iso(date) + "是" + date.ChineseWeekday() + "，与通知所写“" +
                        s_.Original(d.weekday_begin, d.weekday_end) + "”不符");
  }
  bool in_year = year == year_ || (new_year && year == year_ - 1 && month == 12);
  if (!in_year) {
    return s_.Error(line, "date outside the year",
                    "日期" + Iso(date) + "不属于" + std::to_string(year_) +
                        "年的安排（只有元旦假期可以从上一年12月开始）");
  }
  return date;
}

Status NoticeParser::Add(Date date, EntryKind kind, const std::string& name, int line) {
  auto [it, inserted] = entries_.emplace(date, HolidayEntry{date, kind, name, line});
  if (inserted) return Status::Ok();
  const HolidayEntry& prev = it->second;
  return s_.Error(line, "date listed twice",
                  Iso(date) + "已在第" + std::to_string(prev.line) + "行列为" +
                      (prev.kind == EntryKind::kHoliday ? "放假" : "上班") + "（" + prev.name +
                      "）");
}

Status NoticeParser::Resolve(const std::string& name, bool new_year,
                             const std::vector<Clause>& clauses) {
  for (const Clause& c : clauses) {
    int line = s_.LineOf(c.begin);
    if (!c.rest) {
      std::optional<Date> prev;
      for (const DateText& d : c.dates) {
        GONGKAI_ASSIGN_OR_RETURN(Date date,
                                 ResolveDate(d, prev ? &*prev : nullptr, false, new_year));
        if (!date.IsWeekend()) {
          return s_.Error(s_.LineOf(d.begin), "workday on a weekday",
                          Iso(date) + "是" + date.ChineseWeekday() + "，调休上班日应为周六或周日");
        }
        GONGKAI_RETURN_IF_ERROR(Add(date, EntryKind::kWorkday, name, s_.LineOf(d.begin)));
        prev = date;
      }
      continue;
    }
    GONGKAI_ASSIGN_OR_RETURN(Date from, ResolveDate(c.dates[0], nullptr, false, new_year));
    Date to = from;
    if (c.dates.size() == 2) {
      GONGKAI_ASSIGN_OR_RETURN(to, ResolveDate(c.dates[1], &from, true, new_year));
    }
    std::string range = from == to ? Iso(from) : Iso(from) + "至" + Iso(to);
    int64_t days = to.ToDays() - from.ToDays() + 1;
    if (days < 1 || days > kMaxSpanDays) {
      return s_.Error(line, "bad span",
                      days < 1 ? "假期" + range + "的结束日期早于开始日期"
                               : "假期" + range + "长达" + std::to_string(days) + "天，请核对日期");
    }
    if (c.stated && *c.stated != days) {
      return s_.Error(line, "stated days do not match the span",
                      range + "为" + std::to_string(days) + "天，与“放假" +
                          std::to_string(*c.stated) + "天”不符");
    }
    if (c.with_weekend) {
      Date a = from, b = to;
      while (a.AddDays(-1).IsWeekend()) a = a.AddDays(-1);
      while (b.AddDays(1).IsWeekend()) b = b.AddDays(1);
      if (a == from && b == to) {
        return s_.Error(line, "no adjacent weekend",
                        "通知写“与周末连休”，但" + range + "前后都不是周末");
      }
      from = a;
      to = b;
      range = Iso(from) + "至" + Iso(to);
      days = to.ToDays() - from.ToDays() + 1;
    }
    if (c.total && *c.total != days) {
      return s_.Error(
          line, "total days do not match the span",
          range + "为" + std::to_string(days) + "天，与“共" + std::to_string(*c.total) + "天”不符");
    }
    for (Date d = from; d <= to; d = d.AddDays(1)) {
      GONGKAI_RETURN_IF_ERROR(Add(d, EntryKind::kHoliday, name, line));
    }
  }
  return Status::Ok();
}

Status NoticeParser::CheckProse(size_t from, size_t to) const {
  size_t p = from;
  if (s_.Ordinal(p)) {  // a numbered item that is not a holiday we know
    return s_.Error(s_.LineOf(from), "unknown item", "无法识别“" + s_.Quote(from) + "”");
  }
  bool date = false, bare_date = false, keyword = false;
  for (p = from; p < to; ++p) {
    size_t q = p;
    int v = 0;
    if (p > from && Scanner::IsNumeral(s_.At(p - 1))) continue;  // inside a number
    if (s_.Number(q, &v) && s_.Lit(q, U"月") && s_.Number(q, &v) &&
        (s_.Lit(q, U"日") || s_.Lit(q, U"号"))) {
      date = true;
      bare_date |= p == 0 || s_.At(p - 1) != U'年';
    }
    for (std::u32string_view k : {U"放假", U"上班", U"调休", U"休息", U"连休"}) {
      keyword |= s_.Peek(p, k);
    }
  }
  if (bare_date || (date && keyword)) {
    return s_.Error(s_.LineOf(from), "cannot parse", "无法识别“" + s_.Quote(from) + "”");
  }
  return Status::Ok();
}

Result<HolidayTable> NoticeParser::Parse(int year) {
  year_ = year;
  size_t i = 0;
  bool after_item = false;
  while (i < s_.size()) {
    bool line_start = i == 0 || s_.LineOf(i) != s_.LineOf(i - 1);
    if (auto head = ItemStart(s_, i, !(line_start || after_item))) {
      i = head->body;
      GONGKAI_RETURN_IF_ERROR(ParseItem(i, head->name, head->new_year));
      after_item = true;
      continue;
    }
    after_item = false;
    // Prose up to the end of the line, or up to an item after 。 or ： (a one-line paste).
    size_t end = i;
    while (end < s_.size() && s_.LineOf(end) == s_.LineOf(i)) {
      ++end;
      if (end < s_.size() && s_.LineOf(end) == s_.LineOf(i) && Scanner::IsBreak(s_.At(end - 1)) &&
          ItemStart(s_, end, true)) {
        break;
      }
    }
    GONGKAI_RETURN_IF_ERROR(CheckProse(i, end));
    i = end;
  }
  bool any_holiday = std::any_of(entries_.begin(), entries_.end(), [](const auto& kv) {
    return kv.second.kind == EntryKind::kHoliday;
  });
  if (!any_holiday) {
    return InvalidArgument("holiday notice: no holiday found",
                           "通知中没有找到放假安排（应有如“一、元旦：1月1日放假，共1天。”的条目）");
  }
  HolidayTable table;
  table.source = std::to_string(year) + "年节假日安排通知";
  table.declared_years = std::make_pair(year, year);
  for (auto& [date, entry] : entries_) table.entries.push_back(std::move(entry));
  return table;
}

}  // namespace

Result<HolidayTable> ParseHolidayNotice(std::string_view text, std::optional<int> year) {
  NoticeParser parser(text);
  GONGKAI_ASSIGN_OR_RETURN(std::optional<int> title, parser.TitleYear());
  if (year && title && *year != *title) {
    return InvalidArgument("holiday notice: title year differs from the requested year",
                           "通知标题是" + std::to_string(*title) +
                               "年的节假日安排，但指定的年份是" + std::to_string(*year) + "年");
  }
  if (!year && !title) {
    return InvalidArgument(
        "holiday notice: no year",
        "无法确定通知的年份：没有找到“关于YYYY年部分节假日安排的通知”这样的标题，请指定年份");
  }
  int y = year ? *year : *title;
  if (y < 1901 || y > 9998) {
    return InvalidArgument("holiday notice: bad year", "年份" + std::to_string(y) + "无效");
  }
  return parser.Parse(y);
}

std::vector<std::string> CompareWithStatutory(
    const HolidayTable& table, std::span<const std::pair<Date, std::string>> statutory) {
  std::set<Date> rest;
  for (const HolidayEntry& e : table.entries) {
    if (e.kind == EntryKind::kHoliday) rest.insert(e.date);
  }
  std::vector<std::string> warnings;
  for (const auto& [date, name] : statutory) {
    if (rest.count(date) == 0) {
      warnings.push_back(Iso(date) + "（" + name + "）是法定节假日，但通知中未列为放假");
    }
  }
  return warnings;
}

}  // namespace gongkai::calendar

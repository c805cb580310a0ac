// Parser for the holiday files in data/calendar/ (format: docs/calendar.md). Pure: the caller
// reads the file (calendar_files.h) and passes its text.
#include "calendar/holiday_table.h"

#include <charconv>
#include <map>

namespace gongkai::calendar {

const char* EntryKindName(EntryKind kind) {
  switch (kind) {
    case EntryKind::kHoliday:
      return "holiday";
    case EntryKind::kWorkday:
      return "workday";
    case EntryKind::kCancel:
      return "cancel";
  }
  return "?";
}

namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> fields;
  size_t start = 0;
  while (true) {
    size_t tab = line.find('\t', start);
    fields.push_back(Trim(line.substr(start, tab == std::string_view::npos ? tab : tab - start)));
    if (tab == std::string_view::npos) break;
    start = tab + 1;
  }
  return fields;
}

std::string YearSpan(int first, int last) {
  if (first == last) return std::to_string(first) + "年";
  return std::to_string(first) + "–" + std::to_string(last) + "年";
}

// Builds the error for `line` of `source`: "节假日文件 X 第N行：…".
Status LineError(std::string_view source, int line, const std::string& en, const std::string& zh) {
  return InvalidArgument(
      std::string(source) + ":" + std::to_string(line) + ": " + en,
      "节假日文件 " + std::string(source) + " 第" + std::to_string(line) + "行：" + zh);
}

bool ParseYear(std::string_view s, int* out) {
  s = Trim(s);
  if (s.size() != 4) return false;
  auto r = std::from_chars(s.data(), s.data() + s.size(), *out);
  return r.ec == std::errc() && r.ptr == s.data() + s.size() && *out >= 1;
}

// Parses the text after "years:" in a comment: "2019-2026" or "2019".
std::optional<std::pair<int, int>> ParseYearsDeclaration(std::string_view text) {
  text = Trim(text);
  size_t dash = text.find('-');
  int first = 0, last = 0;
  if (dash == std::string_view::npos) {
    if (!ParseYear(text, &first)) return std::nullopt;
    return std::make_pair(first, first);
  }
  if (!ParseYear(text.substr(0, dash), &first) || !ParseYear(text.substr(dash + 1), &last) ||
      last < first) {
    return std::nullopt;
  }
  return std::make_pair(first, last);
}

}  // namespace

Result<HolidayTable> ParseHolidayTable(std::string_view text, std::string_view source,
                                       TableRole role) {
  HolidayTable table;
  table.source = std::string(source);
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);  // UTF-8 byte order mark

  bool seen_header = false;
  std::vector<HolidayEntry> entries;
  int line_no = 0;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    std::string_view raw = text.substr(pos, nl == std::string_view::npos ? nl : nl - pos);
    pos = nl == std::string_view::npos ? text.size() : nl + 1;
    ++line_no;
    std::string_view line = Trim(raw);
    if (line.empty()) continue;
    if (line.front() == '#') {
      std::string_view body = Trim(line.substr(1));
      if (body.substr(0, 6) == "years:") {
        auto years = ParseYearsDeclaration(body.substr(6));
        if (!years) {
          return LineError(source, line_no, "bad years declaration",
                           "年份声明“" + std::string(line) + "”无效，应为“# years: 2019-2026”");
        }
        if (seen_header || table.declared_years) {
          return LineError(source, line_no, "years declaration must come once, before the header",
                           "年份声明只能出现一次，且应在表头之前");
        }
        table.declared_years = years;
      }
      continue;
    }
    std::vector<std::string_view> f = SplitTabs(line);
    if (!seen_header) {
      if (f.size() != 3 || f[0] != "date" || f[1] != "kind" || f[2] != "name") {
        return LineError(
            source, line_no, "expected header date<TAB>kind<TAB>name",
            "表头应为“date<TAB>kind<TAB>name”，实际为“" + std::string(line.substr(0, 60)) + "”");
      }
      seen_header = true;
      continue;
    }
    HolidayEntry e;
    e.line = line_no;
    // A cancel line may leave the name out.
    bool two_field_cancel = f.size() == 2 && f[1] == "cancel";
    if (f.size() != 3 && !two_field_cancel) {
      return LineError(
          source, line_no, "expected 3 tab-separated fields",
          "应有3列（date、kind、name，以制表符分隔），实际为" + std::to_string(f.size()) + "列");
    }
    auto date = Date::Parse(f[0]);
    if (!date.ok()) {
      return LineError(source, line_no, "bad date", "日期“" + std::string(f[0]) + "”无效");
    }
    e.date = *date;
    if (f[1] == "holiday") {
      e.kind = EntryKind::kHoliday;
    } else if (f[1] == "workday") {
      e.kind = EntryKind::kWorkday;
    } else if (f[1] == "cancel" && role == TableRole::kOverride) {
      e.kind = EntryKind::kCancel;
    } else {
      const char* allowed =
          role == TableRole::kOverride ? "holiday、workday 或 cancel" : "holiday 或 workday";
      return LineError(source, line_no, "bad kind",
                       "类型“" + std::string(f[1]) + "”无效，应为 " + allowed);
    }
    if (f.size() == 3) e.name = std::string(f[2]);
    if (e.name.empty() && e.kind != EntryKind::kCancel) {
      return LineError(source, line_no, "empty name", "名称为空（应写节日名称，如 国庆节）");
    }
    if (e.kind == EntryKind::kWorkday && !e.date.IsWeekend()) {
      return LineError(source, line_no, "workday on a weekday",
                       e.date.ToString() + "是" + e.date.ChineseWeekday() +
                           "，调休上班日（workday）应为周六或周日");
    }
    if (table.declared_years &&
        (e.date.year < table.declared_years->first || e.date.year > table.declared_years->second)) {
      return LineError(source, line_no, "date outside declared years",
                       "日期" + e.date.ToString() + "不在文件声明的年份范围（" +
                           YearSpan(table.declared_years->first, table.declared_years->second) +
                           "）内");
    }
    entries.push_back(std::move(e));
  }
  if (!seen_header) {
    return InvalidArgument(
        std::string(source) + ": missing header",
        "节假日文件 " + std::string(source) + " 缺少表头“date<TAB>kind<TAB>name”（文件为空？）");
  }

  // Duplicates, reported at the second occurrence.
  std::map<Date, const HolidayEntry*> first_seen;
  for (const HolidayEntry& e : entries) {
    auto [it, inserted] = first_seen.emplace(e.date, &e);
    if (inserted) continue;
    const HolidayEntry& prev = *it->second;
    std::string where = "第" + std::to_string(prev.line) + "行";
    if (prev.kind != e.kind) {
      return LineError(source, e.line, "date listed with two kinds",
                       e.date.ToString() + "在" + where + "已列为 " + EntryKindName(prev.kind) +
                           "，不能又列为 " + EntryKindName(e.kind));
    }
    return LineError(source, e.line, "duplicate date",
                     "日期" + e.date.ToString() + "重复（已见于" + where + "）");
  }
  if (table.declared_years) {
    for (int y = table.declared_years->first; y <= table.declared_years->second; ++y) {
      auto it = first_seen.lower_bound(Date{y, 1, 1});
      if (it == first_seen.end() || it->first.year != y) {
        return InvalidArgument(
            std::string(source) + ": declared year " + std::to_string(y) + " has no entries",
            "节假日文件 " + std::string(source) + " 声明覆盖" +
                YearSpan(table.declared_years->first, table.declared_years->second) + "，但没有" +
                std::to_string(y) + "年的条目");
      }
    }
  }
  table.entries = std::move(entries);
  return table;
}

}  // namespace gongkai::calendar

// Narrative-versus-table checks (R8.3, R8.4). The text of a report is free prose, so these checks
// are deliberately narrow: a sentence is only read when it talks about receiving applications
// (收到/新收/受理 … 申请) or about fees, and only a number directly tied to it ("收到…申请12件",
// "收到…申请十二件") is compared. Counts of published items ("共发布91条") are never compared with
// a table.
#include <fmt/format.h>

#include "report/text_util.h"
#include "report/validate.h"

namespace gongkai::report {
namespace {

// Splits at 。；; and line breaks.
std::vector<std::string> Sentences(const std::string& text) {
  std::vector<std::string> out;
  std::string cur;
  size_t i = 0;
  auto flush = [&] {
    if (!cur.empty()) out.push_back(NormalizeLabel(cur));
    cur.clear();
  };
  while (i < text.size()) {
    if (text.compare(i, 3, "。") == 0 || text.compare(i, 3, "；") == 0) {
      flush();
      i += 3;
    } else if (text[i] == '\n' || text[i] == ';') {
      flush();
      ++i;
    } else {
      cur.push_back(text[i++]);
    }
  }
  flush();
  return out;
}

bool Has(const std::string& s, std::string_view w) { return s.find(w) != std::string::npos; }

// The value of a Chinese numeral character: 0–9 for 〇零一二两三四五六七八九, 10/100/1000/10000
// for 十百千万, -1 otherwise. `s` is at least three bytes.
int ChineseNumeral(std::string_view c) {
  static constexpr std::string_view kDigits[] = {"〇", "零", "一", "二", "两", "三",
                                                 "四", "五", "六", "七", "八", "九"};
  static constexpr int kDigitValues[] = {0, 0, 1, 2, 2, 3, 4, 5, 6, 7, 8, 9};
  for (int k = 0; k < 12; ++k) {
    if (c == kDigits[k]) return kDigitValues[k];
  }
  if (c == "十") return 10;
  if (c == "百") return 100;
  if (c == "千") return 1000;
  if (c == "万") return 10000;
  return -1;
}

// Reads a run of Chinese numerals: "十二" 12, "两" 2, "二十三" 23, "一百零五" 105, "〇" 0,
// "一二" 12 (digit by digit, without units). -1 when the run is not a well-formed number.
int64_t ParseChineseNumber(const std::vector<int>& run) {
  bool has_unit = false;
  for (int v : run) has_unit |= v >= 10;
  int64_t total = 0;
  if (!has_unit) {
    for (int v : run) total = total * 10 + v;
    return total;
  }
  int64_t section = 0;
  int digit = -1;  // pending digit
  int last_unit = 100000;
  for (int v : run) {
    if (v < 10) {
      if (digit > 0) return -1;  // two digits in a row ("二三十")
      digit = v;
    } else if (v == 10000) {
      section += digit < 0 ? 0 : digit;
      if (section == 0) return -1;
      total += section * 10000;
      section = 0;
      digit = -1;
      last_unit = 100000;
    } else {
      if (v >= last_unit) return -1;  // "十百"
      if (digit == 0) return -1;      // "零十"
      section += (digit < 0 ? 1 : digit) * v;
      digit = -1;
      last_unit = v;
    }
  }
  return total + section + (digit < 0 ? 0 : digit);
}

// The first integer after position `from` that is followed by 件, written in Arabic digits
// ("12件") or in Chinese numerals ("十二件", "一百零五件", "〇件"); -1 when none.
int64_t NumberBeforeJian(const std::string& s, size_t from) {
  size_t i = from;
  while (i < s.size()) {
    if (s[i] >= '0' && s[i] <= '9') {
      size_t j = i;
      int64_t v = 0;
      while (j < s.size() && s[j] >= '0' && s[j] <= '9' && j - i < 12) v = v * 10 + (s[j++] - '0');
      if (s.compare(j, 3, "件") == 0) return v;
      i = j;
      continue;
    }
    if (i + 3 <= s.size() && ChineseNumeral(std::string_view(s).substr(i, 3)) >= 0) {
      std::vector<int> run;
      size_t j = i;
      while (j + 3 <= s.size() && run.size() < 12) {
        int v = ChineseNumeral(std::string_view(s).substr(j, 3));
        if (v < 0) break;
        run.push_back(v);
        j += 3;
      }
      if (s.compare(j, 3, "件") == 0) {
        int64_t v = ParseChineseNumber(run);
        if (v >= 0) return v;
      }
      i = j;
      continue;
    }
    ++i;
  }
  return -1;
}

}  // namespace

std::vector<Finding> CheckNarrative(const AnnualReport& r) {
  std::vector<Finding> f;
  const ReportTemplate& t = GetTemplate(r.version);
  if (r.table3.size() != t.table3.size()) return f;
  const Value& new_total = r.table3[0][6];
  const Value& carried_total = r.table3[1][6];
  static const char* kSectionNames[] = {"一", "二", "三", "四", "五", "六"};
  bool said_no_fee = false;
  std::string fee_section;
  for (int sec = 0; sec < 6; ++sec) {
    for (const std::string& s : Sentences(r.sections[sec])) {
      std::string ref = std::string("text/") + kSectionNames[sec];
      std::string where = std::string("正文第") + kSectionNames[sec] + "部分";
      bool negated = Has(s, "没有收到") || Has(s, "未收到") || Has(s, "没有受理") ||
                     Has(s, "未受理") || Has(s, "无依申请");
      size_t verb = s.find("收到");
      if (verb == std::string::npos) verb = s.find("新收");
      if (verb == std::string::npos) verb = s.find("受理");
      if (Has(s, "申请") && verb != std::string::npos && new_total) {
        int64_t claimed = negated ? 0 : NumberBeforeJian(s, verb);
        bool is_zero_claim = negated && NumberBeforeJian(s, verb) < 0;
        if (is_zero_claim && *new_total != 0) {
          f.push_back({"R8.3", Severity::kWarning, ref, where,
                       fmt::format("{}称“没有收到申请”，而 三、一、本年新收政府信息公开申请数量 · "
                                   "总计 = {}",
                                   where, *new_total)});
        } else if (!negated && claimed >= 0 && claimed != *new_total &&
                   !(carried_total && claimed == *new_total + *carried_total)) {
          f.push_back(
              {"R8.3", Severity::kWarning, ref, where,
               fmt::format("{}称收到申请 {} 件，而 三、一、本年新收 · 总计 = {}（加上年结转 {}）",
                           where, claimed, *new_total,
                           carried_total ? std::to_string(*carried_total) : "空")});
        }
      }
      bool no_word = Has(s, "没有") || Has(s, "未") || Has(s, "无");
      if (no_word && Has(s, "行政事业性收费") && (Has(s, "收取") || Has(s, "产生")) &&
          r.version == TemplateVersion::k2021) {
        int cell = t.Table2CellIndex(3, 0, 0);
        const Value& amount = r.table2[cell];
        if (amount && *amount > 0) {
          f.push_back({"R8.4", Severity::kWarning, ref, where,
                       fmt::format("{}称未收取行政事业性收费，而 二、行政事业性收费 · "
                                   "本年收费金额（单位：万元） = {}",
                                   where, FormatAmount(*amount))});
        }
      }
      if (no_word && (Has(s, "信息处理费") || Has(s, "信息公开处理费")) &&
          (Has(s, "产生") || Has(s, "收取"))) {
        said_no_fee = true;
        fee_section = kSectionNames[sec];
      }
    }
  }
  if (said_no_fee && r.version == TemplateVersion::k2021) {
    int row = t.Table3RowIndex("3.6.2");
    const Value& lapsed = r.table3[row][6];
    if (lapsed && *lapsed > 0) {
      f.push_back({"R8.4", Severity::kInfo, "text/" + fee_section, "正文第" + fee_section + "部分",
                   fmt::format("正文称没有产生信息处理费，而 {} · 总计 = {}：曾发出收费通知，"
                               "请核对正文表述",
                               t.Table3RowName(row), *lapsed)});
    }
  }
  return f;
}

}  // namespace gongkai::report

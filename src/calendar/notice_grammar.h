#pragma once

// Internal to holiday_notice.cc: the syntax of one item of a holiday notice. Recognises what is
// written; dates are checked afterwards (holiday_notice.cc), so these functions never fail on a
// well-formed but impossible date.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "calendar/notice_text.h"

namespace gongkai::calendar::notice {

// A date as written, [YYYY年][M月]D日 plus an optional weekday: numbers not yet checked.
struct DateText {
  std::optional<int> year, month;
  int day = 0;
  int weekday = 0;            // 1 (Mon) … 7 (Sun) when the text names one
  size_t begin = 0, end = 0;  // the date, without its annotation
  size_t weekday_begin = 0, weekday_end = 0;
};

// One clause of an item body.
struct Clause {
  bool rest = false;            // DATE [至 DATE] 放假…; else DATE、DATE… 上班
  std::vector<DateText> dates;  // rest: start [, end]; work: every listed day
  std::optional<int> stated;    // 放假N天: the length of the written range
  std::optional<int> total;     // 共N天: the length after 与周末连休
  bool with_weekend = false;    // 与周末连休
  size_t begin = 0;
};

// The start of an item: [ordinal] holiday names [：].
struct ItemHead {
  size_t body = 0;   // the first character after the colon
  std::string name;  // canonical names joined by 、 in the order written: 国庆节、中秋节
  bool new_year = false;  // the item includes 元旦 (its days may lie in December of year−1)
};

// An item starting at i: an ordinal (required when need_ordinal), one or more holiday names
// (元旦 春节 清明[节] 劳动节 端午[节] 中秋[节] 国庆[节], joined by 、和与,), then a colon, which
// may be left out after an ordinal.
std::optional<ItemHead> ItemStart(const Scanner& s, size_t i, bool need_ordinal);

// [YYYY年][M月]D日 (also 号), then （周五）, （农历腊月二十八、周日）, （星期六） or a bare 周五.
// need_month: the month may not be left out (a range end and a later listed day may omit it).
bool DateAt(const Scanner& s, size_t& i, bool need_month, DateText* d);

// DATE [至|到|-|~ DATE] 放假[调休][N天] {[，]共[计]N天 | 与周末连休 | 不调休 | 调休} [。]
bool RestClause(const Scanner& s, size_t& i, Clause* c);
// DATE {、|，|和|及 DATE} 上班 [。]
bool WorkClause(const Scanner& s, size_t& i, Clause* c);
// 鼓励… up to the end of the sentence (2024: rest on 除夕 encouraged, not granted).
bool Note(const Scanner& s, size_t& i);

}  // namespace gongkai::calendar::notice

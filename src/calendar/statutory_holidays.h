#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/result.h"

namespace gongkai::calendar {

// One statutory holiday (法定节假日) of 《全国年节及纪念日放假办法》.
struct StatutoryDay {
  Date date;
  std::string name;  // 元旦, 春节, 清明节, 劳动节, 端午节, 中秋节, 国庆节

  friend bool operator==(const StatutoryDay&, const StatutoryDay&) = default;
};

// The years whose statutory holidays can be computed: the 2007 amendment took effect in 2008
// (清明, 端午, 中秋 added); ICU's Chinese calendar is reliable far beyond 2100.
inline constexpr int kFirstStatutoryYear = 2008;
inline constexpr int kLastStatutoryYear = 2100;

// The statutory holidays of `year` by the 放假办法 in force that year, in date order:
//   2008–2013: 元旦 1 day; 春节 除夕, 正月初一–初二; 清明; 劳动节 5月1日; 端午; 中秋; 国庆
//   10月1–3日. 2014–2024: as above, but 春节 正月初一–初三 (2013 amendment). 2025 on:   春节 除夕
//   and 正月初一–初三; 劳动节 5月1–2日 (2024 amendment).
// Lunar dates (除夕, 正月初一, 五月初五, 八月十五) come from ICU's Chinese calendar; 清明 is the
// day (China time) on which the sun's apparent longitude reaches 15°. These are the statutory days
// only: the State Council's notice adds the bridging days and the 调休 around them, which cannot be
// computed. kOutOfRange outside kFirstStatutoryYear..kLastStatutoryYear; kInternal if ICU fails.
Result<std::vector<StatutoryDay>> StatutoryHolidays(int year);

// The Gregorian date of lunar `month`/`day` (not a leap month) of the Chinese year that begins in
// Gregorian `year`; 除夕 is the day before 正月初一. kInternal if ICU fails.
Result<Date> LunarDate(int year, int month, int day);

// The date (China time, UTC+8) of the solar term 清明 in `year`.
Date QingmingDate(int year);

}  // namespace gongkai::calendar

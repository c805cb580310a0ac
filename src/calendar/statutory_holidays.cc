// The statutory holidays of 《全国年节及纪念日放假办法》, computed: lunar dates from ICU's Chinese
// calendar, 清明 from the sun's apparent longitude (Meeus, Astronomical Algorithms ch. 25, low
// accuracy: about 0.01°, i.e. a quarter of an hour; 清明 falls at least two hours from midnight in
// every year we checked). Used for the years the State Council has not yet published (预计).
#include "calendar/statutory_holidays.h"

#include <unicode/calendar.h>
#include <unicode/locid.h>
#include <unicode/timezone.h>

#include <algorithm>
#include <cmath>
#include <memory>

namespace gongkai::calendar {

namespace {

constexpr double kMillisPerDay = 86400000.0;
constexpr double kChinaOffsetMillis = 8 * 3600 * 1000.0;
constexpr double kPi = 3.14159265358979323846;

double Rad(double deg) { return deg * kPi / 180.0; }

Status IcuError(UErrorCode code) {
  return Internal(std::string("ICU Chinese calendar: ") + u_errorName(code),
                  std::string("农历计算失败（ICU：") + u_errorName(code) + "）");
}

// Noon, China time, of `d`, as ICU's UDate (milliseconds since 1970-01-01T00:00Z).
UDate ChinaNoon(Date d) {
  return static_cast<double>(d.ToDays()) * kMillisPerDay + 12 * 3600 * 1000.0 - kChinaOffsetMillis;
}

// The lunar month (1-based), leap flag and day of a Gregorian date.
struct LunarDay {
  int month = 0;
  bool leap = false;
  int day = 0;
};

class ChineseCalendar {
 public:
  Status Init() {
    UErrorCode code = U_ZERO_ERROR;
    cal_.reset(icu::Calendar::createInstance(icu::TimeZone::createTimeZone("Asia/Shanghai"),
                                             icu::Locale("zh_CN@calendar=chinese"), code));
    if (U_FAILURE(code) || cal_ == nullptr) return IcuError(code);
    return Status::Ok();
  }

  Result<LunarDay> Of(Date d) {
    UErrorCode code = U_ZERO_ERROR;
    cal_->setTime(ChinaNoon(d), code);
    LunarDay l;
    l.month = cal_->get(UCAL_MONTH, code) + 1;
    l.leap = cal_->get(UCAL_IS_LEAP_MONTH, code) != 0;
    l.day = cal_->get(UCAL_DATE, code);
    if (U_FAILURE(code)) return IcuError(code);
    return l;
  }

 private:
  std::unique_ptr<icu::Calendar> cal_;
};

// Apparent geometric longitude of the sun, degrees in [0, 360), at Julian Ephemeris Day `jde`.
double SunApparentLongitude(double jde) {
  double t = (jde - 2451545.0) / 36525.0;
  double l0 = 280.46646 + 36000.76983 * t + 0.0003032 * t * t;
  double m = Rad(357.52911 + 35999.05029 * t - 0.0001537 * t * t);
  double c = (1.914602 - 0.004817 * t - 0.000014 * t * t) * std::sin(m) +
             (0.019993 - 0.000101 * t) * std::sin(2 * m) + 0.000289 * std::sin(3 * m);
  double omega = Rad(125.04 - 1934.136 * t);
  double lambda = l0 + c - 0.00569 - 0.00478 * std::sin(omega);
  lambda = std::fmod(lambda, 360.0);
  return lambda < 0 ? lambda + 360.0 : lambda;
}

// ΔT = TT − UT in days (Espenak & Meeus polynomials, 2005–2150).
double DeltaTDays(int year) {
  double y = year + 0.5;
  double seconds;
  if (y < 2050) {
    double t = y - 2000;
    seconds = 62.92 + 0.32217 * t + 0.005589 * t * t;
  } else {
    double u = (y - 1820) / 100;
    seconds = -20 + 32 * u * u - 0.5628 * (2150 - y);
  }
  return seconds / 86400.0;
}

// Julian Ephemeris Day of the true new moon number `k` (k = 0: 2000-01-06), Meeus ch. 49 with
// all periodic and planetary terms: accurate to well under a minute.
double NewMoonJde(double k) {
  double t = k / 1236.85;
  double t2 = t * t, t3 = t2 * t, t4 = t3 * t;
  double jde =
      2451550.09766 + 29.530588861 * k + 0.00015437 * t2 - 0.000000150 * t3 + 0.00000000073 * t4;
  double e = 1 - 0.002516 * t - 0.0000074 * t2;
  double m = Rad(2.5534 + 29.10535670 * k - 0.0000014 * t2 - 0.00000011 * t3);
  double mp =
      Rad(201.5643 + 385.81693528 * k + 0.0107582 * t2 + 0.00001238 * t3 - 0.000000058 * t4);
  double f = Rad(160.7108 + 390.67050284 * k - 0.0016118 * t2 - 0.00000227 * t3 + 0.000000011 * t4);
  double om = Rad(124.7746 - 1.56375588 * k + 0.0020672 * t2 + 0.00000215 * t3);
  using std::sin;
  jde += -0.40720 * sin(mp) + 0.17241 * e * sin(m) + 0.01608 * sin(2 * mp) + 0.01039 * sin(2 * f) +
         0.00739 * e * sin(mp - m) - 0.00514 * e * sin(mp + m) + 0.00208 * e * e * sin(2 * m) -
         0.00111 * sin(mp - 2 * f) - 0.00057 * sin(mp + 2 * f) + 0.00056 * e * sin(2 * mp + m) -
         0.00042 * sin(3 * mp) + 0.00042 * e * sin(m + 2 * f) + 0.00038 * e * sin(m - 2 * f) -
         0.00024 * e * sin(2 * mp - m) - 0.00017 * sin(om) - 0.00007 * sin(mp + 2 * m) +
         0.00004 * sin(2 * mp - 2 * f) + 0.00004 * sin(3 * m) + 0.00003 * sin(mp + m - 2 * f) +
         0.00003 * sin(2 * mp + 2 * f) - 0.00003 * sin(mp + m + 2 * f) +
         0.00003 * sin(mp - m + 2 * f) - 0.00002 * sin(mp - m - 2 * f) - 0.00002 * sin(3 * mp + m) +
         0.00002 * sin(4 * mp);
  const double planetary[14][3] = {
      {299.77, 0.107408, 0.000325},  {251.88, 0.016321, 0.000165}, {251.83, 26.651886, 0.000164},
      {349.42, 36.412478, 0.000126}, {84.66, 18.206239, 0.000110}, {141.74, 53.303771, 0.000062},
      {207.14, 2.453732, 0.000060},  {154.84, 7.306860, 0.000056}, {34.52, 27.261239, 0.000047},
      {207.19, 0.121824, 0.000042},  {291.34, 1.844379, 0.000040}, {161.72, 24.198154, 0.000037},
      {239.56, 25.513099, 0.000035}, {331.55, 3.592518, 0.000023}};
  for (int i = 0; i < 14; ++i) {
    double a = planetary[i][0] + planetary[i][1] * k - (i == 0 ? 0.009173 * t2 : 0);
    jde += planetary[i][2] * sin(Rad(a));
  }
  return jde;
}

// The China-time date of the new moon closest to `near`.
Date NewMoonDateNear(Date near) {
  double jd_near = 2440587.5 + static_cast<double>(near.ToDays());
  double k = std::round((jd_near - 2451550.09766) / 29.530588861);
  double jde = NewMoonJde(k);
  double china_days = jde - DeltaTDays(near.year) - 2440587.5 + 8.0 / 24.0;
  return Date::FromDays(static_cast<int64_t>(std::floor(china_days)));
}

}  // namespace

Date QingmingDate(int year) {
  // Start from 4 April 00:00 UT (JD of the Unix epoch is 2440587.5) and solve λ(t) = 15° by
  // Newton steps at the sun's mean rate; ΔT (about a minute) is below the method's accuracy.
  double jd = 2440587.5 + static_cast<double>(Date{year, 4, 4}.ToDays());
  for (int i = 0; i < 8; ++i) {
    double diff = 15.0 - SunApparentLongitude(jd);
    if (diff > 180) diff -= 360;
    if (diff < -180) diff += 360;
    jd += diff / 0.98564736;
  }
  double china_days = jd - 2440587.5 + 8.0 / 24.0;
  return Date::FromDays(static_cast<int64_t>(std::floor(china_days)));
}

namespace {

Result<Date> FindLunarDate(ChineseCalendar& cal, int year, int month, int day) {
  // Lunar month m of the year starting in `year` lies between 21 January + 29·(m−1) days and
  // about 51 days after that (a leap month may come before it); scan that window.
  // ICU numbers the months (solar terms, leap months) but places each new moon with its
  // approximate astronomy, which can miss by a day when the new moon is minutes from midnight
  // (2027: 23:56 on 6 February, China time; ICU 72 says 7 February). The first day of the month
  // is therefore the China date of the true new moon nearest to ICU's.
  Date from = Date{year, 1, 20}.AddDays(29 * (month - 1));
  for (int i = 0; i < 80; ++i) {
    Date d = from.AddDays(i);
    GONGKAI_ASSIGN_OR_RETURN(LunarDay l, cal.Of(d));
    if (l.month == month && !l.leap && l.day == 1) return NewMoonDateNear(d).AddDays(day - 1);
  }
  return Internal("lunar date not found", "未能找到" + std::to_string(year) + "年农历" +
                                              std::to_string(month) + "月" + std::to_string(day) +
                                              "日");
}

}  // namespace

Result<Date> LunarDate(int year, int month, int day) {
  ChineseCalendar cal;
  GONGKAI_RETURN_IF_ERROR(cal.Init());
  return FindLunarDate(cal, year, month, day);
}

Result<std::vector<StatutoryDay>> StatutoryHolidays(int year) {
  if (year < kFirstStatutoryYear || year > kLastStatutoryYear) {
    return OutOfRange("no statutory holiday rules for " + std::to_string(year),
                      "无法推算" + std::to_string(year) + "年的法定节假日（可推算" +
                          std::to_string(kFirstStatutoryYear) + "–" +
                          std::to_string(kLastStatutoryYear) + "年）");
  }
  ChineseCalendar cal;
  GONGKAI_RETURN_IF_ERROR(cal.Init());
  std::vector<StatutoryDay> out;
  out.push_back({Date{year, 1, 1}, "元旦"});
  GONGKAI_ASSIGN_OR_RETURN(Date new_year, FindLunarDate(cal, year, 1, 1));
  bool eve = year <= 2013 || year >= 2025;
  int first_days = year <= 2013 ? 2 : 3;
  if (eve) out.push_back({new_year.AddDays(-1), "春节"});
  for (int i = 0; i < first_days; ++i) out.push_back({new_year.AddDays(i), "春节"});
  out.push_back({QingmingDate(year), "清明节"});
  out.push_back({Date{year, 5, 1}, "劳动节"});
  if (year >= 2025) out.push_back({Date{year, 5, 2}, "劳动节"});
  GONGKAI_ASSIGN_OR_RETURN(Date dragon, FindLunarDate(cal, year, 5, 5));
  out.push_back({dragon, "端午节"});
  GONGKAI_ASSIGN_OR_RETURN(Date moon, FindLunarDate(cal, year, 8, 15));
  out.push_back({moon, "中秋节"});
  for (int d = 1; d <= 3; ++d) out.push_back({Date{year, 10, d}, "国庆节"});
  std::stable_sort(out.begin(), out.end(),
                   [](const StatutoryDay& a, const StatutoryDay& b) { return a.date < b.date; });
  return out;
}

}  // namespace gongkai::calendar

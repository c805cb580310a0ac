#include "calendar/notice_grammar.h"

#include <string_view>

namespace gongkai::calendar::notice {
namespace {

struct HolidayName {
  std::u32string_view text;
  std::string_view canonical;
};
// Longest first, so 清明节 wins over 清明.
constexpr HolidayName kHolidayNames[] = {
    {U"元旦", "元旦"},     {U"春节", "春节"},     {U"清明节", "清明节"}, {U"清明", "清明节"},
    {U"劳动节", "劳动节"}, {U"端午节", "端午节"}, {U"端午", "端午节"},   {U"中秋节", "中秋节"},
    {U"中秋", "中秋节"},   {U"国庆节", "国庆节"}, {U"国庆", "国庆节"},
};

const HolidayName* HolidayNameAt(const Scanner& s, size_t i) {
  for (const HolidayName& h : kHolidayNames) {
    if (s.Peek(i, h.text)) return &h;
  }
  return nullptr;
}

// Holiday names joined by 、和与, ; a joiner counts only when another name follows it.
bool Label(const Scanner& s, size_t& i, ItemHead* head) {
  const HolidayName* h = HolidayNameAt(s, i);
  if (!h) return false;
  size_t j = i;
  while (true) {
    j += h->text.size();
    if (!head->name.empty()) head->name += "、";
    head->name += h->canonical;
    head->new_year |= h->canonical == "元旦";
    size_t k = j;
    if (!(s.Lit(k, U"、") || s.Lit(k, U"和") || s.Lit(k, U"与") || s.Lit(k, U","))) break;
    h = HolidayNameAt(s, k);
    if (!h) break;
    j = k;
  }
  i = j;
  return true;
}

// （周五） / （农历腊月二十八、周日） / （农历除夕、周二） / a bare 周五; nothing at all is fine.
bool Annotation(const Scanner& s, size_t& i, DateText* d) {
  size_t j = i;
  auto weekday = [&](size_t& k) {
    size_t b = k;
    int w = 0;
    if (!s.Weekday(k, &w)) return false;
    d->weekday = w;
    d->weekday_begin = b;
    d->weekday_end = k;
    return true;
  };
  if (!s.Lit(j, U"(")) {
    if (weekday(j)) i = j;
    return true;
  }
  while (true) {
    if (!weekday(j)) {
      bool lunar = s.Lit(j, U"农历");
      size_t before = j;
      s.SkipLunar(j);
      if (!lunar && j == before) return false;
    }
    if (s.Lit(j, U"、") || s.Lit(j, U",")) continue;
    if (!s.Lit(j, U")")) return false;
    break;
  }
  i = j;
  return true;
}

}  // namespace

std::optional<ItemHead> ItemStart(const Scanner& s, size_t i, bool need_ordinal) {
  size_t j = i;
  bool ordinal = s.Ordinal(j);
  if (need_ordinal && !ordinal) return std::nullopt;
  ItemHead head;
  if (!Label(s, j, &head)) return std::nullopt;
  bool colon = s.Lit(j, U":");
  if (!colon && !ordinal) return std::nullopt;
  head.body = j;
  return head;
}

bool DateAt(const Scanner& s, size_t& i, bool need_month, DateText* d) {
  size_t j = i;
  int a = 0;
  *d = DateText{};
  if (!s.Number(j, &a)) return false;
  if (s.Lit(j, U"年")) {
    d->year = a;
    if (!s.Number(j, &a)) return false;
  }
  if (s.Lit(j, U"月")) {
    d->month = a;
    if (!s.Number(j, &a)) return false;
  } else if (d->year || need_month) {
    return false;
  }
  if (!s.Lit(j, U"日") && !s.Lit(j, U"号")) return false;
  d->day = a;
  d->begin = i;
  d->end = j;
  if (!Annotation(s, j, d)) return false;
  i = j;
  return true;
}

bool RestClause(const Scanner& s, size_t& i, Clause* c) {
  *c = Clause{};
  size_t j = i;
  DateText d;
  if (!DateAt(s, j, true, &d)) return false;
  c->dates = {d};
  size_t k = j;
  if (s.Lit(k, U"至") || s.Lit(k, U"到") || s.Lit(k, U"-") || s.Lit(k, U"~")) {
    if (!DateAt(s, k, false, &d)) return false;
    c->dates.push_back(d);
    j = k;
  }
  if (!s.Lit(j, U"放假")) return false;
  s.Lit(j, U"调休");
  int n = 0;
  k = j;
  if (s.Number(k, &n) && s.Lit(k, U"天")) {
    c->stated = n;
    j = k;
  }
  while (true) {
    k = j;
    s.Lit(k, U",");
    size_t m = k;
    bool matched = false;
    if ((s.Lit(m, U"共计") || s.Lit(m, U"共")) && s.Number(m, &n) && s.Lit(m, U"天")) {
      c->total = n;
      matched = true;
    }
    if (!matched) {
      m = k;
      matched = s.Lit(m, U"与周末连休") || s.Lit(m, U"和周末连休");
      c->with_weekend |= matched;
    }
    if (!matched) {
      m = k;
      matched = s.Lit(m, U"不调休") || s.Lit(m, U"调休");
    }
    if (!matched) break;
    j = m;
  }
  s.Terminator(j);
  c->rest = true;
  c->begin = i;
  i = j;
  return true;
}

bool WorkClause(const Scanner& s, size_t& i, Clause* c) {
  *c = Clause{};
  size_t j = i;
  DateText d;
  if (!DateAt(s, j, true, &d)) return false;
  c->dates = {d};
  while (true) {
    size_t k = j;
    if (!(s.Lit(k, U"、") || s.Lit(k, U",") || s.Lit(k, U"和") || s.Lit(k, U"及"))) break;
    if (!DateAt(s, k, false, &d)) break;
    c->dates.push_back(d);
    j = k;
  }
  if (!s.Lit(j, U"上班")) return false;
  s.Terminator(j);
  c->begin = i;
  i = j;
  return true;
}

bool Note(const Scanner& s, size_t& i) {
  size_t j = i;
  if (!s.Lit(j, U"鼓励")) return false;
  while (j < s.size() && !ItemStart(s, j, true)) {
    if (s.Terminator(j)) break;
    ++j;
  }
  i = j;
  return true;
}

}  // namespace gongkai::calendar::notice

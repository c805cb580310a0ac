// The order of application numbers in queues: by year, then serial, as numbers (not as text,
// which puts 〔2024〕10号 before 〔2024〕6号).
#include <cstdint>
#include <optional>
#include <string_view>
#include <tuple>
#include <vector>

#include "services/application_service.h"

namespace gongkai::services {

namespace {

struct NumberKey {
  int64_t year = -1;    // -1: none found
  int64_t serial = -1;  // -1: none found
};

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Digits as a number, saturating (a serial is never near the limit; a pasted id might be).
int64_t ValueOf(std::string_view digits) {
  int64_t v = 0;
  for (char c : digits) v = v > INT64_MAX / 20 ? v : v * 10 + (c - '0');
  return v;
}

NumberKey KeyOf(std::string_view number) {
  std::vector<std::string_view> runs;
  for (size_t i = 0; i < number.size();) {
    if (!IsDigit(number[i])) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < number.size() && IsDigit(number[j])) ++j;
    runs.push_back(number.substr(i, j - i));
    i = j;
  }
  NumberKey key;
  std::optional<size_t> year_run;
  for (size_t i = 0; i < runs.size(); ++i) {
    if (runs[i].size() >= 4 && (runs[i][0] == '1' || runs[i][0] == '2') &&
        (runs[i][0] != '1' || runs[i][1] == '9')) {
      year_run = i;
      key.year = ValueOf(runs[i].substr(0, 4));
      if (runs[i].size() > 4) key.serial = ValueOf(runs[i].substr(4));
      break;
    }
  }
  for (size_t i = runs.size(); i-- > 0;) {
    if (year_run && i == *year_run) {
      if (key.serial >= 0) break;  // the year run carries the serial (工信2024001)
      continue;
    }
    key.serial = ValueOf(runs[i]);
    break;
  }
  return key;
}

}  // namespace

bool ApplicationNumberLess(std::string_view a, std::string_view b) {
  NumberKey ka = KeyOf(a), kb = KeyOf(b);
  return std::tie(ka.year, ka.serial, a) < std::tie(kb.year, kb.serial, b);
}

}  // namespace gongkai::services

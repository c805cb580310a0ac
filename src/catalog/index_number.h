#pragma once
// 索引号 (the catalogue's index number, 条例 Art. 12). No national format binds; the usual one is
// <机构代码>/<年份>-<5位流水号> (statutory-rules §5.4), e.g. 11360982MB1234567X/2024-00007.
// The pattern is set per agency; these placeholders are replaced:
//   {code}      the agency's 统一社会信用代码 (or the code set in the pattern itself)
//   {year}      the four-digit year of publication
//   {month}     its two-digit month
//   {seq:N}     the sequence number within the agency and year, zero-padded to N digits (1–8)
// Pure.

#include <string>
#include <string_view>

#include "core/date.h"
#include "core/result.h"

namespace gongkai::catalog {

inline constexpr std::string_view kDefaultIndexPattern = "{code}/{year}-{seq:5}";

// Checks a pattern: exactly one {seq:N}, {year} present (numbers are per agency and year), no
// placeholder but the four above, clean text around them, at most 80 bytes. A bad pattern is
// refused with kInvalidArgument and a Chinese message naming the problem.
Status ValidateIndexPattern(std::string_view pattern);

// The 索引号 for sequence `seq` published on `date`. `code` replaces {code}; a pattern that uses
// {code} with an empty code is kFailedPrecondition ("请先填写机构的统一社会信用代码").
Result<std::string> FormatIndexNumber(std::string_view pattern, std::string_view code, Date date,
                                      int64_t seq);

// The sequence number inside an index number written with the same pattern, code and year
// (imported catalogs keep their numbers and the next one continues after them); 0 when it does
// not match.
int64_t IndexSequence(std::string_view pattern, std::string_view code, int year,
                      std::string_view index_number);

}  // namespace gongkai::catalog

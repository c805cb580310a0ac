#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace gongkai::applications {

// Money in fen (分), integer; 1元 = 100 fen.
using Fen = int64_t;

// How the 信息处理费 of one application is computed (国办函〔2020〕109号 Art. 3: one method per
// application, never both).
enum class FeeMethod {
  kPerApplication,  // 按件计收 (Art. 4)
  kPerVolume,       // 按量计收 (Art. 5)
};
std::string_view FeeMethodLabel(FeeMethod method);  // 按件计收 / 按量计收
// Stable codes: per_application, per_volume.
std::string_view FeeMethodCode(FeeMethod method);
std::optional<FeeMethod> ParseFeeMethod(std::string_view code);  // nullopt for an unknown code

// One band of the 按量计收 tariff (国办函〔2020〕109号 Art. 5): pages `first`..`last` (0:
// open-ended) at `rate` per page. The tariff counts pages only: Art. 5 names the media it applies
// to (纸质复制件、 电子邮件、复制电子数据) but does not price them differently.
struct VolumeBand {
  int first;
  int last;
  Fen rate;
};
// ≤ 30 pages free; 31–100 10元/页; 101–200 20元/页; 201 and above 40元/页.
inline constexpr VolumeBand kPerVolumeBands[] = {
    {1, 30, 0}, {31, 100, 10 * 100}, {101, 200, 20 * 100}, {201, 0, 40 * 100}};
// The largest page count accepted (a typing slip beyond it is refused, not billed).
inline constexpr int kMaxFeePages = 1'000'000;

// One tariff band of a computation: `units` 件 or 页 numbered first..last at `rate` each.
struct FeeBand {
  int first = 0;
  int last = 0;  // inclusive
  Fen rate = 0;  // per 件 or per 页
  int units = 0;
  Fen amount = 0;
};

// A fee and the bands it is made of, in order; free bands are listed too (rate 0).
struct FeeBreakdown {
  FeeMethod method = FeeMethod::kPerVolume;
  int quantity = 0;  // pages, or the applicant's application count in the month
  std::vector<FeeBand> bands;
  Fen total = 0;
  // One line per band and the total, e.g. "第31–100页：70页 × 10元 = 700元".
  std::vector<std::string> Lines() const;
};

// "83,460元" or "0.50元" (fen shown only when not whole yuan).
std::string FormatYuan(Fen amount);

// 按件: the rate for the k-th application (k ≥ 1) of one applicant in one natural month: 0 for
// 1–10, 100元 for 11–30, then 100元 more per further band of 10 (31–40 200元, 41–50 300元 …).
// kInvalidArgument for k < 1.
Result<Fen> PerApplicationRate(int k);

// 按件: the fee for the k-th application of the month, as a one-band breakdown naming its band.
Result<FeeBreakdown> PerApplicationFee(int k);

// 按件: the cumulative fee for the first n applications (n ≥ 0) of one applicant in a month, by
// band.
Result<FeeBreakdown> MonthlyPerApplicationFees(int n);

// 按量: the fee for `pages` pages (≥ 0): ≤ 30 free, 31–100 10元/页, 101–200 20元/页, 201+ 40元/页,
// progressive (each page at its band's rate; kPerVolumeBands). 2,219 pages → 83,460元.
// kInvalidArgument for < 0 or > kMaxFeePages.
Result<FeeBreakdown> PerVolumeFee(int pages);

}  // namespace gongkai::applications

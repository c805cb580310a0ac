// 信息处理费 (国办函〔2020〕109号《政府信息公开信息处理费管理办法》, effective 2021-01-01), both
// methods progressive on the excess (超额累进). Formulas: ../shared/spec/statutory-rules.md §3.2.
#include "applications/fees.h"

#include <algorithm>

#include "applications/code_table.h"

namespace gongkai::applications {

namespace {

constexpr Fen kYuan = 100;

Status CheckQuantity(int n, const char* what_en, const char* what_zh) {
  if (n >= 0) return Status::Ok();
  return InvalidArgument(std::string(what_en) + " must not be negative: " + std::to_string(n),
                         std::string(what_zh) + "不能为负数：" + std::to_string(n));
}

// The band [first, last] of 按件 application number k.
std::pair<int, int> PerApplicationBand(int k) {
  if (k <= 10) return {1, 10};
  if (k <= 30) return {11, 30};
  int band = (k - 31) / 10;
  return {31 + band * 10, 40 + band * 10};
}

constexpr CodeTable<FeeMethod, 2> kFeeMethods = {
    {{{"per_application", "按件计收"}, {"per_volume", "按量计收"}}}};

std::string Unit(FeeMethod m) { return m == FeeMethod::kPerVolume ? "页" : "件"; }

}  // namespace

std::string_view FeeMethodLabel(FeeMethod method) { return kFeeMethods.Label(method); }
std::string_view FeeMethodCode(FeeMethod method) { return kFeeMethods.Code(method); }
std::optional<FeeMethod> ParseFeeMethod(std::string_view code) { return kFeeMethods.Parse(code); }

std::string FormatYuan(Fen amount) {
  std::string sign = amount < 0 ? "-" : "";
  Fen a = amount < 0 ? -amount : amount;
  std::string whole = std::to_string(a / kYuan);
  std::string grouped;
  for (size_t i = 0; i < whole.size(); ++i) {
    if (i > 0 && (whole.size() - i) % 3 == 0) grouped += ',';
    grouped += whole[i];
  }
  Fen fen = a % kYuan;
  if (fen != 0) grouped += "." + std::string(fen < 10 ? "0" : "") + std::to_string(fen);
  return sign + grouped + "元";
}

std::vector<std::string> FeeBreakdown::Lines() const {
  std::vector<std::string> out;
  std::string unit = Unit(method);
  for (const FeeBand& b : bands) {
    std::string range = "第" + std::to_string(b.first) + "–" + std::to_string(b.last) + unit;
    if (b.rate == 0) {
      out.push_back(range + "：" + std::to_string(b.units) + unit + "，免费");
    } else {
      out.push_back(range + "：" + std::to_string(b.units) + unit + " × " + FormatYuan(b.rate) +
                    " = " + FormatYuan(b.amount));
    }
  }
  out.push_back(std::string(FeeMethodLabel(method)) + "合计：" + FormatYuan(total));
  return out;
}

Result<Fen> PerApplicationRate(int k) {
  if (k < 1) {
    return InvalidArgument("application ordinal must be >= 1: " + std::to_string(k),
                           "当月申请序号应从1开始：" + std::to_string(k));
  }
  if (k <= 10) return Fen{0};
  if (k <= 30) return 100 * kYuan;
  return 100 * kYuan + 100 * kYuan * ((k - 30 + 9) / 10);
}

Result<FeeBreakdown> PerApplicationFee(int k) {
  GONGKAI_ASSIGN_OR_RETURN(Fen rate, PerApplicationRate(k));
  FeeBreakdown fb;
  fb.method = FeeMethod::kPerApplication;
  fb.quantity = k;
  auto [first, last] = PerApplicationBand(k);
  fb.bands.push_back(FeeBand{first, last, rate, 1, rate});
  fb.total = rate;
  return fb;
}

Result<FeeBreakdown> MonthlyPerApplicationFees(int n) {
  GONGKAI_RETURN_IF_ERROR(CheckQuantity(n, "application count", "申请件数"));
  FeeBreakdown fb;
  fb.method = FeeMethod::kPerApplication;
  fb.quantity = n;
  for (int k = 1; k <= n;) {
    int last = PerApplicationBand(k).second;
    Fen rate = PerApplicationRate(k).value();
    int upto = std::min(n, last);
    FeeBand b{k, upto, rate, upto - k + 1, rate * (upto - k + 1)};
    fb.total += b.amount;
    fb.bands.push_back(b);
    k = upto + 1;
  }
  return fb;
}

Result<FeeBreakdown> PerVolumeFee(int pages) {
  GONGKAI_RETURN_IF_ERROR(CheckQuantity(pages, "page count", "页数"));
  if (pages > kMaxFeePages) {
    return InvalidArgument("page count too large: " + std::to_string(pages),
                           "页数过大：" + std::to_string(pages) + "（最多" +
                               std::to_string(kMaxFeePages) + "页），请核对");
  }
  FeeBreakdown fb;
  fb.method = FeeMethod::kPerVolume;
  fb.quantity = pages;
  for (const VolumeBand& t : kPerVolumeBands) {
    if (pages < t.first) break;
    int upto = t.last == 0 ? pages : std::min(pages, t.last);
    int units = upto - t.first + 1;
    FeeBand b{t.first, upto, t.rate, units, t.rate * units};
    fb.total += b.amount;
    fb.bands.push_back(b);
  }
  return fb;
}

}  // namespace gongkai::applications

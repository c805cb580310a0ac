// Small pieces of the letters module: kind names, Chinese numerals and dates, money, the 文号.
#include <array>
#include <cstdint>

#include "letters/letter.h"

namespace gongkai::letters {
namespace {

struct KindInfo {
  LetterKind kind;
  std::string_view code;
  std::string_view label;
  std::string_view mark;  // inserted into the 文号
};

constexpr std::array<KindInfo, 6> kKinds = {{
    {LetterKind::kReply, "reply", "答复书", "答"},
    {LetterKind::kNotice, "notice", "告知书", "告"},
    {LetterKind::kCorrection, "correction", "补正通知书", "补"},
    {LetterKind::kExtension, "extension", "延期通知书", "延"},
    {LetterKind::kFee, "fee", "收费通知书", "费"},
    {LetterKind::kConsultation, "consultation", "征求意见函", "征"},
}};

const KindInfo& Info(LetterKind kind) { return kKinds[static_cast<int>(kind)]; }

}  // namespace

std::string_view KindLabel(LetterKind kind) { return Info(kind).label; }
std::string_view KindCode(LetterKind kind) { return Info(kind).code; }

Result<LetterKind> ParseKind(std::string_view text) {
  for (const KindInfo& k : kKinds) {
    if (text == k.code || text == k.label) return k.kind;
  }
  return InvalidArgument(
      "unknown letter kind: " + std::string(text),
      "未知的文书类型：" + std::string(text) +
          "（可选：答复书、告知书、补正通知书、延期通知书、收费通知书、征求意见函）");
}

LetterKind DefaultKindFor(const std::vector<applications::OutcomeRow>& rows) {
  for (applications::OutcomeRow row : rows) {
    if (static_cast<int>(row) < static_cast<int>(applications::OutcomeRow::kNotHeld)) {
      return LetterKind::kReply;
    }
  }
  return rows.empty() ? LetterKind::kReply : LetterKind::kNotice;
}

std::string ChineseNumeralDate(Date d) {
  static const char* kDigits[] = {"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
  auto small = [](int n) {  // 1..31
    std::string out;
    if (n >= 20) out += kDigits[n / 10];
    if (n >= 10) out += "十";
    if (n % 10 != 0 || n < 10) out += kDigits[n % 10];
    return out;
  };
  std::string out;
  for (char c : std::to_string(d.year)) out += kDigits[c - '0'];
  return out + "年" + small(d.month) + "月" + small(d.day) + "日";
}

namespace {

// 0 < group < 10000, the digits of one 万 group. `leading`: the group opens the number, where
// 一十 is said 十 (十五, 十五万; but 一百一十, 一万零一十).
std::string NumeralGroup(int group, bool leading) {
  static const char* kDigits[] = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
  static const char* kUnits[] = {"", "十", "百", "千"};
  std::string out;
  bool started = false, zero = false;
  for (int pos = 3, div = 1000; pos >= 0; --pos, div /= 10) {
    const int d = group / div % 10;
    if (d == 0) {
      zero = started;
      continue;
    }
    if (zero) out += kDigits[0];
    zero = false;
    if (!(d == 1 && pos == 1 && leading && !started)) out += kDigits[d];
    out += kUnits[pos];
    started = true;
  }
  return out;
}

}  // namespace

std::string ChineseNumeral(int n) {
  if (n == 0) return "零";
  int64_t rest = n;
  std::string out = rest < 0 ? "负" : "";
  if (rest < 0) rest = -rest;  // int64_t: -INT_MIN fits
  // 万 groups, lowest first: 2147483647 → 3647, 4748, 21 (二十一亿四千七百四十八万三千六百四十七).
  static const char* kGroupUnits[] = {"", "万", "亿"};
  int groups[3] = {};
  for (int& g : groups) {
    g = static_cast<int>(rest % 10000);
    rest /= 10000;
  }
  bool started = false, zero = false;
  for (int i = 2; i >= 0; --i) {
    if (groups[i] == 0) {
      zero = started;
      continue;
    }
    // A gap before this group (一亿零一万), or a group under 千 after a higher one (一万零五).
    if (started && (zero || groups[i] < 1000)) out += "零";
    zero = false;
    out += NumeralGroup(groups[i], !started) + kGroupUnits[i];
    started = true;
  }
  return out;
}

std::string FeeComputation(const applications::FeeBreakdown& fee) {
  const std::string total = "合计：" + FormatYuanCents(fee.total) + "。";
  if (fee.bands.empty())
    return std::string(applications::FeeMethodLabel(fee.method)) + "，" + total;
  const bool volume = fee.method == applications::FeeMethod::kPerVolume;
  const std::string unit = volume ? "页" : "件";
  std::string out = volume ? "共" + std::to_string(fee.quantity) + "页：" : "";
  for (const applications::FeeBand& b : fee.bands) {
    out += "第" + std::to_string(b.first);
    if (b.last != b.first) out += "—" + std::to_string(b.last);
    out += unit;
    out += b.rate == 0
               ? "免费"
               : "，每" + unit + FormatYuanCents(b.rate) + "，计" + FormatYuanCents(b.amount);
    out += "；";
  }
  return out + total;
}

std::string FormatYuanCents(applications::Fen amount) {
  const bool negative = amount < 0;
  if (negative) amount = -amount;
  std::string digits = std::to_string(amount / 100);
  std::string grouped;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) grouped += ',';
    grouped += digits[i];
  }
  const int cents = static_cast<int>(amount % 100);
  return (negative ? "-" : "") + grouped + "." + (cents < 10 ? "0" : "") + std::to_string(cents) +
         "元";
}

std::string LetterNumber(std::string_view application_number, LetterKind kind) {
  const std::string mark(Info(kind).mark);
  size_t bracket = application_number.find("〔");
  if (bracket == std::string_view::npos) return std::string(application_number) + "-" + mark;
  return std::string(application_number.substr(0, bracket)) + mark +
         std::string(application_number.substr(bracket));
}

Status CheckSeal(const Seal& seal) {
  static constexpr std::string_view kPngSignature("\x89PNG\r\n\x1a\n", 8);
  if (seal.png.empty() || seal.png.starts_with(kPngSignature)) return Status::Ok();
  return InvalidArgument("seal is not a PNG", "印章图片必须是 PNG 格式");
}

}  // namespace gongkai::letters

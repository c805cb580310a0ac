// The 台账 filter read from named values, and written back as a query string.
#include <cctype>
#include <charconv>

#include "core/text.h"
#include "services/ledger_service.h"

namespace gongkai::services {

using namespace applications;  // NOLINT

namespace {

// Percent-encodes a query value (unreserved characters kept).
std::string QueryEscape(const std::string& s) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

Result<std::optional<int>> IntField(const std::string& text, const char* name, int lo, int hi,
                                    const std::string& zh) {
  if (text.empty()) return std::optional<int>();
  int v = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || end != text.data() + text.size() || v < lo || v > hi) {
    return InvalidArgument(std::string("bad ") + name, zh);
  }
  return std::optional<int>(v);
}

bool IsStatusCode(const std::string& s) {
  for (ApplicationStatus st :
       {ApplicationStatus::kAwaitingReceipt, ApplicationStatus::kInProgress,
        ApplicationStatus::kAwaitingCorrection, ApplicationStatus::kConsulting,
        ApplicationStatus::kAwaitingFee, ApplicationStatus::kConcluded}) {
    if (StatusFilterCode(st) == s) return true;
  }
  return s == "open";
}

bool IsOutcomeFilter(const std::string& s) {
  if (s == "3" || s == "4" || s == "5" || s == "6") return true;
  for (const OutcomeInfo& info : AllOutcomes()) {
    if (info.code == s) return true;
  }
  return false;
}

}  // namespace

Result<LedgerFilter> ParseLedgerFilter(const std::function<std::string(std::string_view)>& get) {
  LedgerFilter f;
  f.text = Trim(get("q"));
  if (!IsCleanText(f.text, false) || CodePointCount(f.text) > 100) {
    return InvalidArgument("bad q", "检索词含有无效字符或超过 100 个字");
  }
  GONGKAI_ASSIGN_OR_RETURN(
      f.year, IntField(get("year"), "year", 1990, 2999, "收到年度应为四位年份（如 2024）"));
  GONGKAI_ASSIGN_OR_RETURN(f.answered_year, IntField(get("answered_year"), "answered_year", 1990,
                                                     2999, "答复年度应为四位年份（如 2024）"));
  f.status = get("status");
  if (!f.status.empty() && !IsStatusCode(f.status)) {
    return InvalidArgument("bad status",
                           "状态应为 open（未办结）、awaiting_receipt、in_progress、"
                           "awaiting_correction、consulting、awaiting_fee 或 concluded");
  }
  f.outcome = get("outcome");
  if (!f.outcome.empty() && !IsOutcomeFilter(f.outcome)) {
    return InvalidArgument("bad outcome",
                           "办理结果应为表三的代码（如 1、2、3.1…6.3）或类别 3、4、5、6");
  }
  if (std::string c = get("channel"); !c.empty()) {
    Result<Channel> channel = ParseChannel(c);
    if (!channel.ok()) {
      return InvalidArgument("bad channel",
                             "提交方式应为 online、in_person、registered_letter、"
                             "ordinary_letter、fax 或 email");
    }
    f.channel = *channel;
  }
  f.kind = get("kind");
  if (!f.kind.empty() && f.kind != "organisation") {
    Result<ApplicantKind> kind = ParseApplicantKind(f.kind);
    if (!kind.ok()) {
      return InvalidArgument("bad kind",
                             "申请人类型应为 natural_person、organisation（法人或其他组织）或"
                             "商业企业等代码");
    }
    f.kind = ApplicantKindCode(*kind);
  }
  if (std::string a = get("attention"); !a.empty()) {
    for (Attention x : kAllAttentions) {
      if (AttentionCode(x) == a) f.attention = x;
    }
    if (!f.attention) {
      return InvalidArgument(
          "bad attention",
          "待办事项应为 overdue、due_today、due_soon、awaiting_receipt、"
          "expired_correction、expired_fee、expired_consultation 或 pending_approval");
    }
  }
  if (std::string t = get("on_time"); t == "yes") {
    f.on_time = true;
  } else if (t == "no") {
    f.on_time = false;
  } else if (!t.empty()) {
    return InvalidArgument("bad on_time", "是否按期应为 yes 或 no");
  }
  GONGKAI_ASSIGN_OR_RETURN(auto page, IntField(get("page"), "page", 1, 1000000, "页码应为正整数"));
  f.page = page.value_or(1);
  GONGKAI_ASSIGN_OR_RETURN(auto per_page,
                           IntField(get("per_page"), "per_page", 1, kMaxPerPage,
                                    "每页条数应为 1 到 " + std::to_string(kMaxPerPage)));
  f.per_page = per_page.value_or(f.per_page);
  return f;
}

std::string LedgerQueryString(const LedgerFilter& f) {
  std::string out;
  auto add = [&out](const char* name, const std::string& value) {
    if (value.empty()) return;
    out += (out.empty() ? "" : "&") + std::string(name) + "=" + QueryEscape(value);
  };
  add("q", f.text);
  add("year", f.year ? std::to_string(*f.year) : "");
  add("status", f.status);
  add("outcome", f.outcome);
  add("channel", f.channel ? std::string(ChannelCode(*f.channel)) : "");
  add("kind", f.kind);
  add("attention", f.attention ? std::string(AttentionCode(*f.attention)) : "");
  add("answered_year", f.answered_year ? std::to_string(*f.answered_year) : "");
  add("on_time", f.on_time ? (*f.on_time ? "yes" : "no") : "");
  return out;
}

}  // namespace gongkai::services

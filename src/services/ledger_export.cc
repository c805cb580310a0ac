// The 台账 as a table for CSV and XLSX.
#include "services/ledger_service.h"

namespace gongkai::services {

using namespace applications;  // NOLINT

namespace {

std::string DateOr(const std::optional<Date>& d) { return d ? d->ToString() : ""; }

// 是否超期: 是 (open past the due date, or answered after it), 否, or empty without a clock.
std::string OverdueText(const LedgerRow& r) {
  if (!r.summary.due) return "";
  return r.summary.overdue ? "是" : "否";
}

}  // namespace

report::Sheet LedgerSheet(const std::vector<LedgerRow>& rows) {
  report::Sheet sheet;
  sheet.name = "依申请公开台账";
  sheet.headers = {"申请编号",   "提交日期", "收到申请日期",       "申请人",
                   "申请人类型", "提交方式", "所需信息的内容描述", "状态",
                   "答复期限",   "办结日期", "办理结果（表三）",   "是否超期"};
  for (const LedgerRow& r : rows) {
    const ApplicationSummary& s = r.summary;
    sheet.rows.push_back({s.number, DateOr(r.submitted), DateOr(s.received), s.applicant_name,
                          std::string(ApplicantKindLabel(r.applicant_kind)),
                          std::string(ChannelLabel(r.channel)), r.description,
                          std::string(StatusLabel(s.status)), DateOr(s.due),
                          r.conclusion ? r.conclusion->date.ToString() : "",
                          r.conclusion ? FullLabel(r.conclusion->row) : "", OverdueText(r)});
  }
  return sheet;
}

}  // namespace gongkai::services

// How `gongkai app show|list|queue` print an application and its clock.
#include <ostream>

#include "cli/app_support.h"

namespace gongkai::cli {

using namespace applications;  // NOLINT

namespace {
std::string Opt(const std::optional<Date>& d) { return d ? d->ToString() : "—"; }
}  // namespace

std::string DaysLeftText(int working_days_left) {
  return working_days_left >= 0 ? "剩余" + std::to_string(working_days_left) + "个工作日"
                                : "已逾期" + std::to_string(-working_days_left) + "个工作日";
}

void PrintSummary(std::ostream& out, const services::ApplicationSummary& s) {
  out << s.number << "\t" << s.applicant_name << "\t" << StatusLabel(s.status) << "\t收到 "
      << Opt(s.received) << "\t期限 " << Opt(s.due);
  if (s.due && s.status != ApplicationStatus::kConcluded) {
    out << "\t" << DaysLeftText(s.working_days_left);
    if (!s.due_note.empty()) out << "（" << s.due_note << "）";
  }
  for (const ExpiredWait& w : s.expired) out << "\t待办：" << w.action;
  out << "\n";
}

void PrintDetail(std::ostream& out, const services::ApplicationDetail& d) {
  const Application& a = d.app;
  const ClockState& clock = d.clock;
  out << "申请 " << a.number << "（内部编号 " << a.id << "）\n";
  out << "机构：" << d.agency_name << "\n";
  out << "渠道：" << ChannelLabel(a.channel) << "\n";
  out << "申请人：" << a.contact.name << "（" << ApplicantKindLabel(a.applicant_kind) << "）\n";
  out << "内容描述：" << a.description << "\n";
  out << "状态：" << StatusLabel(clock.status) << "\n";
  out << "收到日期：" << Opt(clock.received) << "\n";
  out << "答复期限：" << Opt(clock.due);
  if (!clock.provisional_years.empty() && !clock.conclusion)
    out << "（" << clock.ProvisionalNote() << "）";
  out << "\n";
  for (const ExpiredWait& w : clock.expired) out << "待办：" << w.action << "\n";
  if (!d.pending_approval_step.empty()) {
    out << "待审批：拟办答复待" << d.pending_approval_step << "\n";
  }
  if (clock.conclusion) {
    out << "办结：" << clock.conclusion->date.ToString() << " " << FullLabel(clock.conclusion->row)
        << "\n";
  }
  out << "办理记录：\n";
  for (size_t i = 0; i < a.events.size(); ++i) {
    const Event& e = a.events[i];
    out << "  " << i + 1 << ". " << e.date.ToString() << " " << EventTypeLabel(e.type);
    const bool step = e.type == EventType::kApproved || e.type == EventType::kReturned;
    if (!e.party.empty()) out << " " << e.party;
    if (e.days && !step) out << " " << e.days << "个工作日";
    for (OutcomeRow r : e.outcomes) out << " " << FullLabel(r);
    if (e.decision_date) out << " 答复日期更正为" << e.decision_date->ToString();
    if (e.type == EventType::kCorrected || e.type == EventType::kReturned) {
      out << " 理由：" << e.note;
    }
    out << "（" << e.actor << "）\n";
  }
  if (d.later_events > 0) {
    out << "  （另有" << d.later_events << "条晚于" << clock.as_of.ToString()
        << "的记录，未列出）\n";
  }
  if (d.filing) {
    out << "报备：" << d.filing->date.ToString() << " " << d.filing->filed_with << "\n";
  }
  for (const Case& c : d.cases) {
    out << "复议/诉讼 #" << c.id << "：" << CaseKindLabel(c.kind) << " 立案 " << c.filed.ToString()
        << " " << CaseResultLabel(c.result);
    if (c.decided_on) out << " " << c.decided_on->ToString();
    out << "\n";
  }
  if (a.decision_corrected) out << "答复已被纠正\n";
  out << "期限说明：\n";
  for (const std::string& line : DescribeClock(clock)) out << "  " << line << "\n";
}

void PrintDueDateMoves(std::ostream& out, const std::vector<services::DueDateMove>& moved) {
  for (const auto& m : moved) {
    out << m.number << "\t" << (m.before ? m.before->ToString() : "—") << " → "
        << (m.after ? m.after->ToString() : "—");
    if (!m.error.empty()) out << "\t" << m.error;
    out << "\n";
  }
  out << "答复期限变化的申请：" << moved.size() << " 件\n";
}

}  // namespace gongkai::cli

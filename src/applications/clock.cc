// The statutory clock of one application (答复期限, 条例 Arts. 30–33), recomputed from the event
// list every time — a stored due date is never taken as truth, so a corrected calendar file or a
// late-recorded event moves the due date consistently.
//
// Rules (docs/applications.md has the reasoning):
//  - The period starts on the receipt date of the channel (Art. 31), or restarts on the day the
//    corrected application arrives (Art. 30). The start day is not counted (民法典 第201条).
//  - 20 working days, plus an approved extension of at most 20 (Art. 33).
//  - Working days spent consulting a third party or another agency are excluded (Art. 33 para. 2):
//    from the day after the request is sent to the day the answer arrives, but never beyond the 15
//    working days the consulted party has (Arts. 32, 34) — after that the agency may decide alone.
//  - Working days spent waiting for the fee are excluded, from the day after the notice is served
//    to the day of payment (109号: the application is not handled until paid).
//  - While a 补正 is awaited no period runs at all.
#include "applications/clock.h"

#include <algorithm>
#include <map>

#include "applications/approval.h"

namespace gongkai::applications {

namespace {

std::string ReceiptBasis(Channel channel, Date d) {
  std::string day = d.ToString() + "（" + d.ChineseWeekday() + "）";
  switch (channel) {
    case Channel::kInPerson:
      return "收到申请：" + day +
             "，当面提交，以提交之日为收到申请之日（《条例》第三十一条第（一）项）";
    case Channel::kRegisteredLetter:
      return "收到申请：" + day +
             "，挂号信函，以政府信息公开工作机构签收之日为收到申请之日（《条例》第三十一条第（二）"
             "项）";
    case Channel::kOrdinaryLetter:
      return "收到申请：" + day +
             "，平信，以与申请人确认之日为收到申请之日（《条例》第三十一条第（二）项）";
    default:
      return "收到申请：" + day + "，" + std::string(ChannelLabel(channel)) +
             "，以双方确认之日为收到申请之日（《条例》第三十一条第（三）项）";
  }
}

// Art. 31(1) makes the day handed in the receipt date; on a rest day the office is normally
// closed, so the date is more likely a slip than a visit. Empty on a working day (or a day the
// calendar does not cover: the period computation reports that).
std::string RestDayFilingWarning(Date d, const calendar::WorkingDayCalendar& cal) {
  Result<calendar::DayInfo> info = cal.GetDayInfo(d);
  if (!info.ok() || info->working()) return "";
  return "当面提交日期" + d.ToString() + "（" + d.ChineseWeekday() + "）为" + info->Reason() +
         "，不是工作日，请核实提交日期；如确于当日当面提交，依《条例》第三十一条第（一）项仍以"
         "提交之日为收到申请之日，期限自次日起算";
}

struct OpenConsultation {
  Date started;
  Date limit;  // started + 15 working days
  ConsultedParty kind;
};

std::string ConsultLabel(ConsultedParty kind, const std::string& party) {
  return (kind == ConsultedParty::kThirdParty ? "征求第三方意见（" : "征求其他机关意见（") + party +
         "），不计入期限（《条例》第三十三条第三款）";
}

}  // namespace

std::string_view StatusLabel(ApplicationStatus status) {
  switch (status) {
    case ApplicationStatus::kAwaitingReceipt:
      return "待确认收到";
    case ApplicationStatus::kInProgress:
      return "办理中";
    case ApplicationStatus::kAwaitingCorrection:
      return "待补正";
    case ApplicationStatus::kConsulting:
      return "征求意见中";
    case ApplicationStatus::kAwaitingFee:
      return "待缴费";
    case ApplicationStatus::kConcluded:
      return "已办结";
  }
  return "";
}

namespace {

// Records the provisional years a deadline counted from `from` to `to` passed through.
void NoteProvisional(ClockState& st, const calendar::WorkingDayCalendar& cal, Date from, Date to) {
  for (int y : cal.ProvisionalYearsBetween(from.AddDays(1), to)) {
    auto it = std::lower_bound(st.provisional_years.begin(), st.provisional_years.end(), y);
    if (it == st.provisional_years.end() || *it != y) st.provisional_years.insert(it, y);
  }
}

}  // namespace

Result<ClockState> ComputeClock(Channel channel, const std::vector<Event>& all, Date as_of,
                                const calendar::WorkingDayCalendar& cal) {
  std::vector<Event> events;
  for (const Event& e : all) {
    if (e.date <= as_of) events.push_back(e);
  }
  ClockState st;
  st.as_of = as_of;
  st.received = ReceiptDate(channel, events);
  st.conclusion = ConclusionOf(events);
  if (!st.received) {
    st.status = st.conclusion ? ApplicationStatus::kConcluded : ApplicationStatus::kAwaitingReceipt;
    if (!st.conclusion)
      st.basis.push_back("尚未确认收到申请，答复期限尚未起算（《条例》第三十一条）");
    return st;
  }
  st.period_start = st.received;
  st.basis.push_back(ReceiptBasis(channel, *st.received));
  if (channel == Channel::kInPerson) {
    if (std::string w = RestDayFilingWarning(*st.received, cal); !w.empty()) {
      st.warnings.push_back(std::move(w));
    }
  }

  if (const Event* draft = PendingDraft(events); draft != nullptr && !st.conclusion) {
    st.draft_pending = true;
    st.draft_approvals = ApprovalsOfPendingDraft(events);
    st.draft_outcomes = draft->outcomes;
  }
  std::map<std::string, OpenConsultation> consulting;
  std::optional<Date> correction_notice, fee_notice;
  // Excluded spans end no later than this day; open ones end here.
  Date stop = st.conclusion ? st.conclusion->date : as_of;
  for (const Event& e : events) {
    switch (e.type) {
      case EventType::kCorrectionRequested: {
        GONGKAI_ASSIGN_OR_RETURN(int n, cal.WorkingDaysBetween(*st.received, e.date));
        correction_notice = e.date;
        GONGKAI_ASSIGN_OR_RETURN(Date deadline, cal.AddWorkingDays(e.date, e.days));
        NoteProvisional(st, cal, e.date, deadline);
        st.correction_deadline = deadline;
        st.basis.push_back("补正通知：" + e.date.ToString() + "，收到申请后第" + std::to_string(n) +
                           "个工作日，补正期限" + std::to_string(e.days) + "个工作日，至" +
                           deadline.ToString() + "（《条例》第三十条）");
        if (n > kCorrectionNoticeDays) {
          st.warnings.push_back("补正通知晚于收到申请之日起7个工作日（第" + std::to_string(n) +
                                "个工作日，《条例》第三十条）");
        }
        break;
      }
      case EventType::kCorrectionReceived:
        correction_notice.reset();
        st.correction_deadline.reset();
        st.period_start = e.date;
        st.basis.push_back("收到补正申请：" + e.date.ToString() +
                           "，答复期限自该日起重新计算（《条例》第三十条）");
        break;
      case EventType::kConsultationStarted: {
        GONGKAI_ASSIGN_OR_RETURN(Date limit, cal.AddWorkingDays(e.date, kConsultationDays));
        NoteProvisional(st, cal, e.date, limit);
        consulting[e.party] = OpenConsultation{e.date, limit, e.consulted};
        st.basis.push_back("征求意见：" + e.date.ToString() + "致" + e.party + "，对方应在" +
                           std::to_string(kConsultationDays) + "个工作日内（" + limit.ToString() +
                           "前）答复（《条例》第" +
                           (e.consulted == ConsultedParty::kThirdParty ? "三十二" : "三十四") +
                           "条）");
        break;
      }
      case EventType::kConsultationAnswered: {
        auto it = consulting.find(e.party);
        if (it == consulting.end()) {
          return InvalidArgument("answer from " + e.party + " without a consultation",
                                 "未向" + e.party + "征求意见，不能记录其答复");
        }
        Date end = e.date;
        if (it->second.limit < end) {
          end = it->second.limit;
          st.warnings.push_back(e.party + "逾期答复（期限" + it->second.limit.ToString() +
                                "），超出15个工作日的时间计入答复期限");
        }
        if (it->second.started < end) {
          st.excluded.push_back(
              {it->second.started.AddDays(1), end, ConsultLabel(it->second.kind, e.party)});
        }
        st.basis.push_back("收到" + e.party + "意见：" + e.date.ToString());
        consulting.erase(it);
        break;
      }
      case EventType::kExtensionApproved:
        st.extension_days = e.days;
        st.basis.push_back("延长答复期限" + std::to_string(e.days) + "个工作日，经" + e.party +
                           "批准（" + e.date.ToString() + "，《条例》第三十三条第二款）");
        break;
      case EventType::kFeeNoticeSent: {
        fee_notice = e.date;
        GONGKAI_ASSIGN_OR_RETURN(Date deadline, cal.AddWorkingDays(e.date, kFeePaymentDays));
        NoteProvisional(st, cal, e.date, deadline);
        st.fee_deadline = deadline;
        st.basis.push_back("收费通知：" + e.date.ToString() + "，" +
                           std::string(FeeMethodLabel(e.fee_method)) + FormatYuan(e.fee) +
                           "，应在" + deadline.ToString() + "前缴纳（国办函〔2020〕109号）");
        break;
      }
      case EventType::kFeePaid:
        if (fee_notice && *fee_notice < e.date) {
          st.excluded.push_back({fee_notice->AddDays(1), e.date, "等待缴纳信息处理费，不计入期限"});
        }
        if (st.fee_deadline && *st.fee_deadline < e.date) {
          st.warnings.push_back("费用在缴费期限" + st.fee_deadline->ToString() + "之后缴纳");
        }
        fee_notice.reset();
        st.fee_deadline.reset();
        st.basis.push_back("缴纳费用：" + e.date.ToString());
        break;
      case EventType::kDelivered:
        st.basis.push_back("送达：" + e.date.ToString());
        break;
      case EventType::kDrafted:
        st.basis.push_back("拟办答复：" + e.date.ToString() + "（" + e.actor +
                           "），审批通过（签发）前不计为办结，期限照常计算");
        break;
      case EventType::kApproved:
        st.basis.push_back(e.party + "通过：" + e.date.ToString() + "（" + e.actor + "）");
        break;
      case EventType::kReturned:
        st.basis.push_back(e.party + "退回拟办：" + e.date.ToString() + "（" + e.actor +
                           "），理由：" + e.note);
        break;
      case EventType::kCorrected:
        st.basis.push_back("更正答复：" + e.date.ToString() + "（" + e.actor + "），理由：" +
                           e.note);
        break;
      default:
        break;
    }
  }
  // Open waits: excluded up to `stop` (a consultation at most to its 15-day limit).
  bool consulting_now = false;
  for (const auto& [party, c] : consulting) {
    Date end = c.limit < stop ? c.limit : stop;
    if (c.limit < stop && !st.conclusion) {
      st.warnings.push_back(party + "未在15个工作日内（" + c.limit.ToString() +
                            "前）答复，可依照《条例》作出决定；此后的时间计入答复期限");
      st.expired.push_back(ExpiredConsultation(c.limit, party, c.kind));
    } else if (!st.conclusion) {
      consulting_now = true;
      if (!st.consultation_deadline || c.limit < *st.consultation_deadline) {
        st.consultation_deadline = c.limit;
      }
    }
    if (c.started < end)
      st.excluded.push_back({c.started.AddDays(1), end, ConsultLabel(c.kind, party)});
  }
  if (fee_notice && *fee_notice < stop) {
    st.excluded.push_back({fee_notice->AddDays(1), stop, "等待缴纳信息处理费，不计入期限"});
  }
  bool awaiting_fee = fee_notice.has_value() && !st.conclusion;
  st.paused = consulting_now || awaiting_fee;

  if (st.conclusion) {
    st.status = ApplicationStatus::kConcluded;
  } else if (correction_notice) {
    st.status = ApplicationStatus::kAwaitingCorrection;
  } else if (awaiting_fee) {
    st.status = ApplicationStatus::kAwaitingFee;
  } else if (consulting_now) {
    st.status = ApplicationStatus::kConsulting;
  } else {
    st.status = ApplicationStatus::kInProgress;
  }
  if (correction_notice && !st.conclusion && *st.correction_deadline < as_of) {
    st.expired.insert(st.expired.begin(), ExpiredCorrection(*st.correction_deadline));
  }
  if (awaiting_fee && *st.fee_deadline < as_of) {
    st.expired.insert(st.expired.begin(), ExpiredFee(*st.fee_deadline));
  }
  // No period runs while a correction is awaited, nor after it lapsed.
  if (correction_notice) return st;

  GONGKAI_ASSIGN_OR_RETURN(
      calendar::Explanation ex,
      cal.ExplainAddWorkingDays(*st.period_start, kReplyPeriodDays + st.extension_days,
                                st.excluded));
  st.due = ex.due;
  NoteProvisional(st, cal, ex.start, ex.due);
  st.explanation = std::move(ex);
  Date end = stop;
  if (end <= *st.due) {
    Date from = end < *st.period_start ? *st.period_start : end;
    GONGKAI_ASSIGN_OR_RETURN(st.working_days_left,
                             cal.WorkingDaysBetween(from, *st.due, st.excluded));
  } else {
    GONGKAI_ASSIGN_OR_RETURN(int late, cal.WorkingDaysBetween(*st.due, end, st.excluded));
    st.working_days_left = -late;
  }
  bool decided = st.conclusion && st.conclusion->row != OutcomeRow::kOtherHandling &&
                 st.conclusion->row != OutcomeRow::kFeeLapsed;
  st.overdue = *st.due < end && (!st.conclusion || decided);
  if (st.overdue && decided) {
    st.warnings.push_back("逾期答复：答复期限为" + st.due->ToString() + "，实际于" +
                          st.conclusion->date.ToString() + "答复");
  }
  return st;
}

std::vector<std::string> DescribeClock(const ClockState& st) {
  std::vector<std::string> out;
  out.push_back("状态：" + std::string(StatusLabel(st.status)) + "（截至" + st.as_of.ToString() +
                "）");
  for (const std::string& b : st.basis) out.push_back(b);
  if (st.explanation) {
    const calendar::Explanation& ex = *st.explanation;
    out.push_back("计算：自" + ex.start.ToString() + "的次日起算（起算日不计入），计" +
                  std::to_string(ex.working_days_requested) + "个工作日");
    for (const calendar::ExplainedDay& d : ex.days) {
      std::string line = d.info.date.ToString() + " " + d.weekday + " ";
      line += d.counted ? "计入 第" + std::to_string(d.running_count) + "个工作日 " : "不计 ";
      out.push_back(line + d.reason);
    }
    out.push_back("自然日" + std::to_string(ex.calendar_days) + "天，其中工作日" +
                  std::to_string(ex.working_days) + "天（含调休上班" +
                  std::to_string(ex.adjusted_workdays) + "天），周末" +
                  std::to_string(ex.weekend_days) + "天，法定节假日" +
                  std::to_string(ex.holiday_days) + "天，不计入期限的工作日" +
                  std::to_string(ex.excluded_working_days) + "天");
  }
  if (st.due) {
    out.push_back("答复期限：" + st.due->ToString() + "（" + st.due->ChineseWeekday() + "）" +
                  (st.paused ? "，计时暂停中，为最早可能的期限" : ""));
    if (!st.conclusion) {
      out.push_back(st.working_days_left >= 0
                        ? "剩余" + std::to_string(st.working_days_left) + "个工作日"
                        : "已逾期" + std::to_string(-st.working_days_left) + "个工作日");
    }
  }
  if (st.correction_deadline) out.push_back("补正期限：" + st.correction_deadline->ToString());
  if (st.fee_deadline) out.push_back("缴费期限：" + st.fee_deadline->ToString());
  if (!st.provisional_years.empty()) {
    out.push_back(st.ProvisionalNote() +
                  "，以上期限按《全国年节及纪念日放假办法》的法定节假日预计（不含调休），导入国务院"
                  "通知后自动重算");
  }
  for (const ExpiredWait& w : st.expired) out.push_back("待办：" + w.action);
  if (st.conclusion) {
    out.push_back("办结：" + st.conclusion->date.ToString() + "，计入表三" +
                  FullLabel(st.conclusion->row));
  }
  for (const std::string& w : st.warnings) out.push_back("注意：" + w);
  return out;
}

}  // namespace gongkai::applications

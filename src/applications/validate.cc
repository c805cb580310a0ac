// ValidateNext: the order rules of the event list. Each rule replays the existing history through
// ComputeClock as of the new event's date, so "before the due date" means the due date that the
// events recorded so far give on that day.
#include <set>

#include "applications/approval.h"
#include "applications/clock.h"

namespace gongkai::applications {

namespace {

Status Refuse(std::string en, std::string zh) {
  return FailedPrecondition(std::move(en), std::move(zh));
}

bool Has(const std::vector<Event>& events, EventType type) {
  for (const Event& e : events) {
    if (e.type == type) return true;
  }
  return false;
}

std::string Name(EventType t) { return "“" + std::string(EventTypeLabel(t)) + "”"; }

Status CheckOutcomes(const std::vector<OutcomeRow>& outcomes) {
  if (outcomes.empty()) {
    return InvalidArgument("decision without an outcome", "答复须至少有一项办理结果");
  }
  // Each part of a 区分处理 decision is a different leaf of table 三, so a list can never be
  // longer than the table (and a letter numbers every part: 一、二、…).
  const size_t leaves = AllOutcomes().size();
  if (outcomes.size() > leaves) {
    return InvalidArgument("too many outcomes: " + std::to_string(outcomes.size()),
                           "答复的办理结果最多" + std::to_string(leaves) + "项（表三共" +
                               std::to_string(leaves) + "个末级办理结果，每项只能列一次），实际为" +
                               std::to_string(outcomes.size()) + "项");
  }
  for (size_t i = 0; i < outcomes.size(); ++i) {
    for (size_t j = 0; j < i; ++j) {
      if (outcomes[j] == outcomes[i]) {
        return InvalidArgument(
            "duplicate outcome " + std::string(InfoFor(outcomes[i]).code),
            "办理结果“" + FullLabel(outcomes[i]) + "”重复，每项办理结果在一次答复中只能列一次");
      }
    }
  }
  for (OutcomeRow r : outcomes) {
    if (!InfoFor(r).decidable) {
      return InvalidArgument(
          "outcome only arises from a lapse event",
          "办理结果" + FullLabel(r) + "只能由“逾期未补正”或“逾期未缴费”事件产生，不能作为答复");
    }
  }
  return Status::Ok();
}

Status CheckFields(const Event& next) {
  switch (next.type) {
    case EventType::kCorrectionRequested:
      if (next.days < 1 || next.days > kMaxCorrectionPeriodDays) {
        return InvalidArgument("correction period out of range: " + std::to_string(next.days),
                               "补正期限应为1至" + std::to_string(kMaxCorrectionPeriodDays) +
                                   "个工作日，实际为" + std::to_string(next.days));
      }
      break;
    case EventType::kConsultationStarted:
    case EventType::kConsultationAnswered:
      if (next.party.empty()) {
        return InvalidArgument("consulted party missing", "请填写被征求意见的第三方或机关名称");
      }
      break;
    case EventType::kExtensionApproved:
      if (next.party.empty()) {
        return InvalidArgument("extension without approver",
                               "延长答复期限须经政府信息公开工作机构负责人同意，请填写审批人");
      }
      if (next.days < 1 || next.days > kMaxExtensionDays) {
        return InvalidArgument("extension out of range: " + std::to_string(next.days),
                               "延长答复期限最长不得超过20个工作日，申请延长" +
                                   std::to_string(next.days) + "个工作日（《条例》第三十三条）");
      }
      break;
    case EventType::kFeeNoticeSent:
      if (next.pages != 0) {
        Event copy = next;
        GONGKAI_RETURN_IF_ERROR(CompleteFeeNotice(&copy));
      }
      if (next.fee <= 0) {
        return InvalidArgument("fee notice without an amount", "收费通知的金额应大于0");
      }
      break;
    case EventType::kDecided:
    case EventType::kDrafted:
      return CheckOutcomes(next.outcomes);
    case EventType::kCorrected:
      if (next.note.empty()) {
        return InvalidArgument("correction without a reason", "请填写更正理由（必填）");
      }
      if (next.outcomes.empty() && !next.decision_date) {
        return InvalidArgument("correction changes nothing",
                               "更正须改正办理结果或答复日期（至少一项）");
      }
      return next.outcomes.empty() ? Status::Ok() : CheckOutcomes(next.outcomes);
    case EventType::kApproved:
    case EventType::kReturned:
      if (next.party.empty() || next.days < 1) {
        return InvalidArgument("approval without its step", "请注明审批步骤");
      }
      if (next.type == EventType::kReturned && next.note.empty()) {
        return InvalidArgument("return without a reason", "请填写退回理由（必填）");
      }
      break;
    default:
      break;
  }
  return Status::Ok();
}

// 更正: the corrected decision must itself be a valid decision at its place in the history (the
// events before the 作出答复, without the approval steps), dated no later than the correction and
// than a 送达.
Status CheckCorrection(Channel channel, const std::vector<Event>& events, const Event& next,
                       const calendar::WorkingDayCalendar& cal) {
  std::optional<Event> now = EffectiveDecision(events);
  if (!now) {
    return Refuse("nothing to correct", "尚未作出答复，不能更正（更正只适用于已作出的答复）");
  }
  Event fixed = *now;
  if (!next.outcomes.empty()) fixed.outcomes = next.outcomes;
  if (next.decision_date) fixed.date = *next.decision_date;
  if (fixed.outcomes == now->outcomes && fixed.date == now->date) {
    return Refuse("correction changes nothing", "更正后的办理结果和答复日期与现答复相同");
  }
  if (next.date < fixed.date) {
    return Refuse(
        "corrected date after the correction",
        "更正后的答复日期" + fixed.date.ToString() + "晚于更正之日" + next.date.ToString());
  }
  std::vector<Event> before;
  for (const Event& e : events) {
    if (e.type == EventType::kDecided) break;
    if (e.type != EventType::kDrafted && e.type != EventType::kApproved &&
        e.type != EventType::kReturned) {
      before.push_back(e);
    }
  }
  for (const Event& e : events) {
    if (e.type == EventType::kDelivered && e.date < fixed.date) {
      return Refuse("corrected date after delivery", "更正后的答复日期" + fixed.date.ToString() +
                                                         "晚于送达日期" + e.date.ToString());
    }
  }
  return ValidateNext(channel, before, fixed, cal)
      .WithContext("corrected decision", "更正后的答复不成立");
}

}  // namespace

Status CompleteFeeNotice(Event* e) {
  if (e->type != EventType::kFeeNoticeSent || e->pages == 0) return Status::Ok();
  if (e->fee_method != FeeMethod::kPerVolume) {
    return InvalidArgument("pages given for a per-application fee",
                           "页数只用于按量计收；按件计收请填写金额");
  }
  GONGKAI_ASSIGN_OR_RETURN(FeeBreakdown fee, PerVolumeFee(e->pages));
  const std::string pages = std::to_string(e->pages) + "页";
  if (fee.total == 0) {
    return InvalidArgument("no fee for " + pages,
                           "按量计收30页以内（含30页）免费（国办函〔2020〕109号第五条），共" +
                               pages + "，不应发出收费通知");
  }
  if (e->fee != 0 && e->fee != fee.total) {
    return InvalidArgument("amount does not match the pages",
                           "金额" + FormatYuan(e->fee) + "与按" + pages + "计算的" +
                               FormatYuan(fee.total) + "不一致（国办函〔2020〕109号第五条）");
  }
  e->fee = fee.total;
  return Status::Ok();
}

Status ValidateNext(Channel channel, const std::vector<Event>& events, const Event& next,
                    const calendar::WorkingDayCalendar& cal) {
  GONGKAI_RETURN_IF_ERROR(CheckFields(next));
  if (events.empty()) {
    if (next.type != EventType::kSubmitted) {
      return Refuse("first event must be submitted", "申请的第一个事件应为“提交申请”");
    }
    return cal.GetDayInfo(next.date).status();
  }
  const Event& last = events.back();
  if (next.date < last.date) {
    return Refuse("event dated before the previous one",
                  "事件日期" + next.date.ToString() + "早于上一事件" + Name(last.type) + "的日期" +
                      last.date.ToString() + "，事件须按时间顺序记录");
  }
  GONGKAI_ASSIGN_OR_RETURN(ClockState st, ComputeClock(channel, events, next.date, cal));
  if (st.conclusion) {
    bool decided = Has(events, EventType::kDecided);
    if (next.type == EventType::kDelivered && decided) {
      if (Has(events, EventType::kDelivered)) return Refuse("already delivered", "答复已送达");
      return Status::Ok();
    }
    if (next.type == EventType::kCorrected && decided) {
      return CheckCorrection(channel, events, next, cal);
    }
    std::string how = std::string(EventTypeLabel(
        decided ? EventType::kDecided
                : (Has(events, EventType::kWithdrawn)
                       ? EventType::kWithdrawn
                       : (Has(events, EventType::kFeeLapsed) ? EventType::kFeeLapsed
                                                             : EventType::kCorrectionLapsed))));
    return Refuse("application already concluded", "申请已于" + st.conclusion->date.ToString() +
                                                       "办结（" + how + "），不能再记录" +
                                                       Name(next.type));
  }
  if (next.type == EventType::kSubmitted)
    return Refuse("submitted twice", "申请已提交，不能重复提交");
  if (next.type == EventType::kWithdrawn) return Status::Ok();
  if (next.type == EventType::kCorrected) {
    return Refuse("nothing to correct", "尚未作出答复，不能更正（更正只适用于已作出的答复）");
  }
  const Event* draft = PendingDraft(events);
  if (next.type == EventType::kApproved || next.type == EventType::kReturned) {
    if (draft == nullptr) return Refuse("no pending draft", "没有待审批的拟办答复");
    int step = ApprovalsOfPendingDraft(events) + 1;
    if (next.days != step) {
      return Refuse("approval out of order", "应办理第" + std::to_string(step) +
                                                 "个审批步骤，不能办理第" +
                                                 std::to_string(next.days) + "个");
    }
    return Status::Ok();
  }
  if (draft != nullptr) {
    if (next.type == EventType::kDecided) {
      if (next.outcomes != draft->outcomes) {
        return Refuse("decision differs from the draft",
                      "作出答复的办理结果须与审批通过的拟办答复一致");
      }
      return Status::Ok();
    }
    if (next.type != EventType::kExtensionApproved &&
        next.type != EventType::kConsultationAnswered) {
      return Refuse("draft awaiting approval", "拟办答复（" + draft->date.ToString() +
                                                   "）正在审批，须先审批通过或退回，才能记录" +
                                                   Name(next.type));
    }
  }
  if (next.type == EventType::kSignedFor || next.type == EventType::kConfirmed) {
    EventType wanted =
        channel == Channel::kRegisteredLetter ? EventType::kSignedFor : EventType::kConfirmed;
    if (channel == Channel::kInPerson || next.type != wanted) {
      return Refuse("receipt event does not fit the channel",
                    "渠道为" + std::string(ChannelLabel(channel)) + "的申请不适用" +
                        Name(next.type) + "（《条例》第三十一条）");
    }
    if (st.received) return Refuse("already received", "已确认收到申请，不能重复记录");
    return Status::Ok();
  }
  if (!st.received) {
    return Refuse("not yet received",
                  "尚未确认收到申请（" + std::string(ChannelLabel(channel)) + "须先记录" +
                      Name(channel == Channel::kRegisteredLetter ? EventType::kSignedFor
                                                                 : EventType::kConfirmed) +
                      "），不能记录" + Name(next.type));
  }
  bool awaiting_correction = st.status == ApplicationStatus::kAwaitingCorrection;
  std::set<std::string> open_parties;
  for (const Event& e : events) {
    if (e.type == EventType::kConsultationStarted) open_parties.insert(e.party);
    if (e.type == EventType::kConsultationAnswered) open_parties.erase(e.party);
  }
  switch (next.type) {
    case EventType::kCorrectionRequested:
      if (Has(events, EventType::kCorrectionRequested)) {
        return Refuse("second correction notice",
                      Has(events, EventType::kCorrectionReceived)
                          ? "已收到补正申请，不能再次通知补正（《条例》第三十条：一次性告知）"
                          : "已发出补正通知，补正须一次性告知（《条例》第三十条）");
      }
      return Status::Ok();
    case EventType::kCorrectionReceived:
      if (!awaiting_correction)
        return Refuse("no correction requested", "未发出补正通知，不能记录收到补正申请");
      return Status::Ok();
    case EventType::kCorrectionLapsed:
      if (!awaiting_correction)
        return Refuse("no correction pending", "没有待补正的通知，不能记录逾期未补正");
      if (next.date <= *st.correction_deadline) {
        return Refuse(
            "correction period not over",
            "补正期限至" + st.correction_deadline->ToString() + "，期限届满后才能记录逾期未补正");
      }
      return Status::Ok();
    default:
      break;
  }
  if (awaiting_correction) {
    return Refuse("awaiting correction", "申请待补正（期限至" + st.correction_deadline->ToString() +
                                             "），须先记录收到补正申请或逾期未补正，才能记录" +
                                             Name(next.type));
  }
  switch (next.type) {
    case EventType::kConsultationStarted:
      if (open_parties.count(next.party)) {
        return Refuse("consultation already open", "已在向" + next.party + "征求意见");
      }
      return Status::Ok();
    case EventType::kConsultationAnswered:
      if (!open_parties.count(next.party)) {
        return Refuse("no open consultation", "未向" + next.party + "征求意见，不能记录其答复");
      }
      return Status::Ok();
    case EventType::kExtensionApproved:
      if (Has(events, EventType::kExtensionApproved)) {
        return Refuse("second extension",
                      "答复期限已延长过一次，不能再次延长（《条例》第三十三条）");
      }
      if (*st.due < next.date) {
        return Refuse("extension after the due date",
                      "答复期限已于" + st.due->ToString() +
                          "届满，不能在期限届满后延长（《条例》第三十三条）");
      }
      return Status::Ok();
    case EventType::kFeeNoticeSent:
      if (Has(events, EventType::kFeeNoticeSent)) {
        return Refuse("second fee notice", "已发出收费通知，每件申请只收费一次");
      }
      return Status::Ok();
    case EventType::kFeePaid:
      if (st.status != ApplicationStatus::kAwaitingFee) {
        return Refuse("no fee notice open", "未发出收费通知或费用已缴纳，不能记录缴纳费用");
      }
      return Status::Ok();
    case EventType::kFeeLapsed:
      if (st.status != ApplicationStatus::kAwaitingFee) {
        return Refuse("no fee notice open", "未发出收费通知或费用已缴纳，不能记录逾期未缴费");
      }
      if (next.date <= *st.fee_deadline) {
        return Refuse("payment period not over", "缴费期限至" + st.fee_deadline->ToString() +
                                                     "，期限届满后才能记录逾期未缴费");
      }
      return Status::Ok();
    case EventType::kDecided:
    case EventType::kDrafted:
      if (st.status == ApplicationStatus::kAwaitingFee) {
        return Refuse("awaiting fee", "申请待缴费，须先记录缴纳费用或逾期未缴费，才能作出答复");
      }
      for (OutcomeRow r : next.outcomes) {
        if (r == OutcomeRow::kUnclearAfterCorrection &&
            !Has(events, EventType::kCorrectionReceived)) {
          return Refuse("unclear after correction without a correction",
                        "未收到补正申请，不能以“补正后申请内容仍不明确”答复");
        }
      }
      return Status::Ok();
    case EventType::kDelivered:
      return Refuse("not yet decided", "尚未作出答复，不能记录送达");
    default:
      return Status::Ok();
  }
}

}  // namespace gongkai::applications

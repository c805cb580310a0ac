// Labels of the application model and the two derivations every other part builds on: the receipt
// date per channel (条例 Art. 31) and the conclusion (the one counted table-三 row).
#include "applications/application.h"

#include <array>

#include "applications/code_table.h"

namespace gongkai::applications {

namespace {

struct ChannelName {
  std::string_view label;
  std::string_view code;
};
constexpr std::array<ChannelName, 6> kChannels = {{{"在线", "online"},
                                                   {"当面", "in_person"},
                                                   {"信函（挂号）", "registered_letter"},
                                                   {"信函（平信）", "ordinary_letter"},
                                                   {"传真", "fax"},
                                                   {"电子邮件", "email"}}};

struct EventName {
  std::string_view label;
  std::string_view code;
};
constexpr std::array<EventName, 19> kEvents = {{
    {"提交申请", "submitted"},
    {"签收", "signed_for"},
    {"确认收到", "confirmed"},
    {"补正通知", "correction_requested"},
    {"收到补正申请", "correction_received"},
    {"逾期未补正", "correction_lapsed"},
    {"征求意见", "consultation_started"},
    {"收到意见", "consultation_answered"},
    {"延长答复期限", "extension_approved"},
    {"收费通知", "fee_notice_sent"},
    {"缴纳费用", "fee_paid"},
    {"逾期未缴费", "fee_lapsed"},
    {"作出答复", "decided"},
    {"送达", "delivered"},
    {"撤回申请", "withdrawn"},
    {"拟办答复", "drafted"},
    {"审批通过", "approved"},
    {"退回拟办", "returned"},
    {"更正答复", "corrected"},
}};

constexpr CodeTable<Carrier, 4> kCarriers = {
    {{{"paper", "纸质"}, {"email", "电子邮件"}, {"disc", "光盘"}, {"disk", "磁盘"}}}};
constexpr CodeTable<Delivery, 6> kDeliveries = {{{{"post", "邮寄"},
                                                  {"express", "快递"},
                                                  {"email", "电子邮件"},
                                                  {"fax", "传真"},
                                                  {"pick_up", "自行领取"},
                                                  {"on_site_reading", "当场阅读、抄录"}}}};
constexpr CodeTable<ConsultedParty, 2> kConsultedParties = {
    {{{"third_party", ""}, {"other_agency", ""}}}};

}  // namespace

std::string_view ChannelLabel(Channel channel) {
  return kChannels[static_cast<int>(channel)].label;
}
std::string_view ChannelCode(Channel channel) { return kChannels[static_cast<int>(channel)].code; }

Result<Channel> ParseChannel(std::string_view text) {
  for (size_t i = 0; i < kChannels.size(); ++i) {
    if (text == kChannels[i].label || text == kChannels[i].code) return static_cast<Channel>(i);
  }
  return InvalidArgument("unknown channel '" + std::string(text) + "'",
                         "申请渠道“" + std::string(text) +
                             "”无效，应为在线、当面、信函（挂号）、信函（平信）、传真或电子邮件");
}

std::string_view CarrierLabel(Carrier c) { return kCarriers.Label(c); }
std::string_view CarrierCode(Carrier c) { return kCarriers.Code(c); }
std::optional<Carrier> ParseCarrier(std::string_view code) { return kCarriers.Parse(code); }

std::string_view DeliveryLabel(Delivery d) { return kDeliveries.Label(d); }
std::string_view DeliveryCode(Delivery d) { return kDeliveries.Code(d); }
std::optional<Delivery> ParseDelivery(std::string_view code) { return kDeliveries.Parse(code); }

std::string_view ConsultedPartyCode(ConsultedParty party) { return kConsultedParties.Code(party); }
std::optional<ConsultedParty> ParseConsultedParty(std::string_view code) {
  return kConsultedParties.Parse(code);
}

std::string_view EventTypeLabel(EventType type) { return kEvents[static_cast<int>(type)].label; }
std::string_view EventTypeCode(EventType type) { return kEvents[static_cast<int>(type)].code; }

Result<EventType> ParseEventType(std::string_view code) {
  for (size_t i = 0; i < kEvents.size(); ++i) {
    if (code == kEvents[i].code || code == kEvents[i].label) return static_cast<EventType>(i);
  }
  return InvalidArgument("unknown event type '" + std::string(code) + "'",
                         "事件类型“" + std::string(code) + "”无效");
}

std::optional<Date> ReceiptDate(Channel channel, const std::vector<Event>& events) {
  EventType wanted = EventType::kConfirmed;
  if (channel == Channel::kInPerson) wanted = EventType::kSubmitted;
  if (channel == Channel::kRegisteredLetter) wanted = EventType::kSignedFor;
  for (const Event& e : events) {
    if (e.type == wanted) return e.date;
  }
  return std::nullopt;
}

std::optional<Event> EffectiveDecision(const std::vector<Event>& events) {
  std::optional<Event> out;
  for (const Event& e : events) {
    if (e.type == EventType::kDecided && !out) out = e;
    if (e.type == EventType::kCorrected && out) {
      if (!e.outcomes.empty()) out->outcomes = e.outcomes;
      if (e.decision_date) out->date = *e.decision_date;
    }
  }
  return out;
}

std::optional<Conclusion> ConclusionOf(const std::vector<Event>& events) {
  for (const Event& e : events) {
    switch (e.type) {
      case EventType::kDecided: {
        std::optional<Event> d = EffectiveDecision(events);
        Result<OutcomeRow> row = CountedRow(d->outcomes);
        if (row.ok()) return Conclusion{*row, d->date};
        break;
      }
      case EventType::kCorrectionLapsed:
        return Conclusion{OutcomeRow::kCorrectionLapsed, e.date};
      case EventType::kFeeLapsed:
        return Conclusion{OutcomeRow::kFeeLapsed, e.date};
      case EventType::kWithdrawn:
        return Conclusion{OutcomeRow::kOtherHandling, e.date};
      default:
        break;
    }
  }
  return std::nullopt;
}

}  // namespace gongkai::applications

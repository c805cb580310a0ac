#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "agency/agency.h"
#include "applications/fees.h"
#include "applications/identity.h"
#include "applications/outcome.h"
#include "core/date.h"

namespace gongkai::applications {

using ApplicationId = int64_t;

// How the application reached the agency; decides which event fixes the receipt date (收到申请之日,
// 条例 Art. 31).
enum class Channel {
  kOnline,            // 在线 (portal form): both sides confirm (双方确认之日)
  kInPerson,          // 当面 (incl. oral, the office fills in the form): the day submitted
  kRegisteredLetter,  // 信函（挂号）: the day the agency signs for it
  kOrdinaryLetter,    // 信函（平信）: the day the office confirms with the applicant
  kFax,               // 传真: both sides confirm
  kEmail,             // 电子邮件: both sides confirm
};
std::string_view ChannelLabel(Channel channel);       // 在线, 当面, 信函（挂号）…
Result<Channel> ParseChannel(std::string_view text);  // label or code (online, in_person, …)
std::string_view ChannelCode(Channel channel);

// 指定提供载体形式 and 获取信息方式 on the form.
enum class Carrier { kPaper, kEmail, kDisc, kDisk };  // 纸质 / 电子邮件 / 光盘 / 磁盘
enum class Delivery { kPost, kExpress, kEmail, kFax, kPickUp, kOnSiteReading };
std::string_view CarrierLabel(Carrier c);  // 纸质 / 电子邮件 / 光盘 / 磁盘
// Stable codes: paper, email, disc, disk.
std::string_view CarrierCode(Carrier c);
std::optional<Carrier> ParseCarrier(std::string_view code);  // nullopt for an unknown code
// 邮寄 / 快递 / 电子邮件 / 传真 / 自行领取 / 当场阅读、抄录
std::string_view DeliveryLabel(Delivery d);
// Stable codes: post, express, email, fax, pick_up, on_site_reading.
std::string_view DeliveryCode(Delivery d);
std::optional<Delivery> ParseDelivery(std::string_view code);  // nullopt for an unknown code

// Contact block of the form (申请人信息). For a 自然人 `name` is the person; for an organisation
// `name` is the organisation and `contact_person` the person to talk to.
struct Contact {
  std::string name;
  std::string work_unit;             // 工作单位 (自然人)
  std::string legal_representative;  // 法定代表人 (organisation)
  std::string contact_person;        // 联系人 (organisation)
  std::string phone;
  std::string fax;
  std::string email;
  std::string address;
  std::string postcode;
};

// The typed events of an application's life (append-only; see docs/applications.md).
enum class EventType {
  kSubmitted,  // handed in / arrived / sent online — fixes receipt only for 当面
  kSignedFor,  // registered letter signed for (签收) → receipt
  kConfirmed,  // confirmed with the applicant (确认) → receipt for 平信/在线/传真/电子邮件
  kCorrectionRequested,   // 补正通知 (Art. 30), `days` = working days given to correct
  kCorrectionReceived,    // corrected application received: the 20 days restart from it
  kCorrectionLapsed,      // not corrected in time → （六）1
  kConsultationStarted,   // 征求意见 sent to `party` (Art. 32 third party / Art. 34 agency)
  kConsultationAnswered,  // `party` answered
  kExtensionApproved,     // 延期 by `party` (the approver), `days` ≤ 20, once (Art. 33)
  kFeeNoticeSent,         // 收费通知 served, `fee` and `fee_method` (and `pages` for 按量)
  kFeePaid,
  kFeeLapsed,  // not paid within 20 working days → （六）2
  kDecided,    // 答复, `outcomes` (all grounds; counted via CountedRow)
  kDelivered,  // 送达
  kWithdrawn,  // 撤回 by the applicant → （六）3
  // The approval of a decision (account/approval_chain.h; applications/approval.h). None of these
  // closes the clock or counts in the tables: only the 作出答复 appended when the last step
  // approves does.
  kDrafted,   // 拟办答复 by the clerk: `outcomes` as a decision would carry them (step 0)
  kApproved,  // 审批通过: `party` = the step's name, `days` = the step's number (1, 2 …)
  kReturned,  // 退回拟办: `party`/`days` as kApproved, `note` = the reason (required)
  // 更正答复: corrects the decision recorded earlier (audited; the decision event stays). `note` =
  // the reason (required); `outcomes` replace the decision's when given; `decision_date` replaces
  // its date when given. Tables, the clock and letters use the corrected decision.
  kCorrected,
};
std::string_view EventTypeLabel(EventType type);  // Chinese: 提交, 签收, 确认收到, 补正通知 …
std::string_view EventTypeCode(EventType type);  // submitted, signed_for, …
Result<EventType> ParseEventType(std::string_view code);

enum class ConsultedParty { kThirdParty, kOtherAgency };  // Art. 32 / Art. 34
// Stable codes: third_party, other_agency.
std::string_view ConsultedPartyCode(ConsultedParty party);
std::optional<ConsultedParty> ParseConsultedParty(std::string_view code);  // nullopt if unknown

// One event. Only the fields of its type are meaningful (see EventType); the rest stay default.
struct Event {
  EventType type = EventType::kSubmitted;
  Date date;
  std::string actor;  // who recorded it (account name); informational
  std::string note;
  std::string party;  // consultation: the consulted party; extension: the approver (审批人)
  ConsultedParty consulted = ConsultedParty::kThirdParty;
  int days = 0;  // correction period or extension length, working days
  Fen fee = 0;
  FeeMethod fee_method = FeeMethod::kPerVolume;
  // 按量计收 entered as a page count: the pages `fee` was computed from (PerVolumeFee). 0 when the
  // amount was entered directly (按件计收, and fee notices recorded before page counts existed).
  int pages = 0;
  std::vector<OutcomeRow> outcomes;   // kDecided, kDrafted, kCorrected
  std::optional<Date> decision_date;  // kCorrected: the corrected 答复 date
};

// The decision as it now stands: the 作出答复 event with every later 更正 applied (outcomes and
// date), or nullopt when not decided.
std::optional<Event> EffectiveDecision(const std::vector<Event>& events);

// One 政府信息公开申请 with its event history. The receipt date, due date and status are always
// derived from `events` (clock.h), never stored.
struct Application {
  ApplicationId id = 0;
  agency::AgencyId agency_id = 0;
  std::string number;  // 樟工信依申〔2024〕3号; assigned by the service
  Channel channel = Channel::kInPerson;
  ApplicantKind applicant_kind = ApplicantKind::kNaturalPerson;
  Identity identity;
  Contact contact;
  std::string description;      // 所需信息的内容描述
  std::string document_number;  // 所需信息的名称/文号 (optional)
  std::string purpose;          // 用途 (optional since 2019)
  Carrier carrier = Carrier::kPaper;
  Delivery delivery = Delivery::kPost;
  std::vector<Event> events;
  bool decision_corrected = false;  // set when a 复议/诉讼 case corrected the decision (cases.h)
};

// The date the application counts as received under Art. 31 for `channel`, or nullopt while the
// channel's receipt event has not happened (e.g. an ordinary letter not yet confirmed).
std::optional<Date> ReceiptDate(Channel channel, const std::vector<Event>& events);

// How an application ended, derived from its events: the counted table-三 row and the day.
struct Conclusion {
  OutcomeRow row;
  Date date;
};
// Decided → CountedRow(outcomes of the EffectiveDecision, on its date); 补正 lapsed → （六）1; fee
// lapsed → （六）2; withdrawn → （六）3. nullopt while open.
std::optional<Conclusion> ConclusionOf(const std::vector<Event>& events);

}  // namespace gongkai::applications

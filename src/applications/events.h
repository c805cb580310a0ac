#pragma once

#include <string>
#include <vector>

#include "applications/application.h"

namespace gongkai::applications {

// Builders for each event type with the fields it needs (for services, imports and tests).
// They do not validate: append with ValidateNext (clock.h).
namespace events {

inline Event Make(EventType type, Date date) {
  Event e;
  e.type = type;
  e.date = date;
  return e;
}
inline Event Submitted(Date d) { return Make(EventType::kSubmitted, d); }
inline Event SignedFor(Date d) { return Make(EventType::kSignedFor, d); }
inline Event Confirmed(Date d) { return Make(EventType::kConfirmed, d); }
inline Event CorrectionRequested(Date d, int days) {
  Event e = Make(EventType::kCorrectionRequested, d);
  e.days = days;
  return e;
}
inline Event CorrectionReceived(Date d) { return Make(EventType::kCorrectionReceived, d); }
inline Event CorrectionLapsed(Date d) { return Make(EventType::kCorrectionLapsed, d); }
inline Event ConsultationStarted(Date d, std::string party,
                                 ConsultedParty kind = ConsultedParty::kThirdParty) {
  Event e = Make(EventType::kConsultationStarted, d);
  e.party = std::move(party);
  e.consulted = kind;
  return e;
}
inline Event ConsultationAnswered(Date d, std::string party) {
  Event e = Make(EventType::kConsultationAnswered, d);
  e.party = std::move(party);
  return e;
}
inline Event ExtensionApproved(Date d, int days, std::string approver) {
  Event e = Make(EventType::kExtensionApproved, d);
  e.days = days;
  e.party = std::move(approver);
  return e;
}
inline Event FeeNoticeSent(Date d, Fen fee, FeeMethod method) {
  Event e = Make(EventType::kFeeNoticeSent, d);
  e.fee = fee;
  e.fee_method = method;
  return e;
}
inline Event FeePaid(Date d) { return Make(EventType::kFeePaid, d); }
inline Event FeeLapsed(Date d) { return Make(EventType::kFeeLapsed, d); }
inline Event Decided(Date d, std::vector<OutcomeRow> outcomes) {
  Event e = Make(EventType::kDecided, d);
  e.outcomes = std::move(outcomes);
  return e;
}
inline Event Delivered(Date d) { return Make(EventType::kDelivered, d); }
inline Event Withdrawn(Date d) { return Make(EventType::kWithdrawn, d); }
inline Event Drafted(Date d, std::vector<OutcomeRow> outcomes) {
  Event e = Make(EventType::kDrafted, d);
  e.outcomes = std::move(outcomes);
  return e;
}
// Step `step` (1, 2 …) named `name` approves / returns the pending draft.
inline Event Approved(Date d, int step, std::string name) {
  Event e = Make(EventType::kApproved, d);
  e.days = step;
  e.party = std::move(name);
  return e;
}
inline Event Returned(Date d, int step, std::string name, std::string reason) {
  Event e = Make(EventType::kReturned, d);
  e.days = step;
  e.party = std::move(name);
  e.note = std::move(reason);
  return e;
}
// 更正: new outcomes (empty: keep) and/or a new decision date, with the reason.
inline Event Corrected(Date d, std::string reason, std::vector<OutcomeRow> outcomes,
                       std::optional<Date> decision_date = std::nullopt) {
  Event e = Make(EventType::kCorrected, d);
  e.note = std::move(reason);
  e.outcomes = std::move(outcomes);
  e.decision_date = decision_date;
  return e;
}

}  // namespace events
}  // namespace gongkai::applications

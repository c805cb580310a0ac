// The applicant's side of the applications service: the public status (by lookup code, or by
// number and the last six characters of the ID number), and the intake checks and storage of
// attachments shared by the online form and staff registration.
#include <algorithm>

#include "account/password.h"
#include "core/text.h"
#include "services/application_internal.h"
#include "services/application_service.h"

namespace gongkai::services {

using namespace applications;  // NOLINT

namespace {

const Event* LastOf(const Application& app, EventType type) {
  for (auto it = app.events.rbegin(); it != app.events.rend(); ++it) {
    if (it->type == type) return &*it;
  }
  return nullptr;
}

// The last six characters of an ID number, upper-cased ("" when shorter).
std::string LastSix(std::string_view id) {
  std::string out;
  for (char c : id) {
    if (c == ' ' || c == '-') continue;
    out.push_back(c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c);
  }
  return out.size() < 6 ? std::string() : out.substr(out.size() - 6);
}

// Equal in time independent of where the first difference is (both are 6 bytes here).
bool SameSix(const std::string& a, const std::string& b) {
  if (a.size() != 6 || b.size() != 6) return false;
  unsigned char diff = 0;
  for (size_t i = 0; i < 6; ++i) diff |= static_cast<unsigned char>(a[i] ^ b[i]);
  return diff == 0;
}

}  // namespace

Status ApplicationService::CheckIntake(ApplicationInput* input,
                                       const std::vector<AttachmentInput>& attachments,
                                       std::vector<FieldError>* errors) {
  std::vector<FieldError> found;
  Status first = internal::ValidateInput(input, clock_.TodayInChina(), &found);
  CheckAttachments(attachments, &found);
  const bool earlier = errors != nullptr && !errors->empty();
  if (errors != nullptr) errors->insert(errors->end(), found.begin(), found.end());
  if (!first.ok()) return first;
  if (!found.empty()) return InvalidArgument("attachment refused", found.front().message);
  if (earlier) return InvalidArgument("form refused", errors->front().message);
  return Status::Ok();
}

Status ApplicationService::InsertAttachments(storage::Transaction& tx, ApplicationId id,
                                             const std::vector<AttachmentInput>& attachments) {
  for (const AttachmentInput& f : attachments) {
    Attachment a;
    a.application_id = id;
    a.kind = std::string(AttachmentKindCode(f.kind));
    a.name = f.name;
    a.mime = SniffAttachmentType(f.data);
    a.size = static_cast<int64_t>(f.data.size());
    a.sha256 = account::Sha256Hex(f.data);
    a.data = f.data;
    a.created_at = clock_.NowUnixSeconds();
    GONGKAI_RETURN_IF_ERROR(tx.attachments().Insert(a).status());
  }
  return Status::Ok();
}

Result<Attachment> ApplicationService::GetAttachment(const account::Actor& actor, ApplicationId id,
                                                     int64_t attachment_id) {
  GONGKAI_RETURN_IF_ERROR(
      LoadAuthorized(actor, account::Permission::kView, id, "application_attachment").status());
  GONGKAI_ASSIGN_OR_RETURN(auto tx, store_.Begin(storage::TxMode::kRead));
  Result<Attachment> a = tx->attachments().Get(attachment_id);
  const bool missing =
      a.ok() ? a->application_id != id : a.status().code() == StatusCode::kNotFound;
  if (missing) return NotFound("attachment " + std::to_string(attachment_id), "附件不存在");
  return a;
}

Result<PublicStatusView> ApplicationService::PublicStatus(const std::string& lookup_code) {
  PublicCredentials cred;
  cred.lookup_code = lookup_code;
  return PublicLookup(cred);
}

Result<PublicStatusView> ApplicationService::PublicLookup(const PublicCredentials& cred) {
  // The number is used only when given without a code (an empty form is a wrong code).
  const bool by_code = !Trim(cred.lookup_code).empty() || Trim(cred.number).empty();
  const Status unknown =
      by_code ? NotFound("lookup code", "查询码不正确或不存在，请核对后重新输入")
              : NotFound("number and id", "申请编号或证件号码后六位不正确，请核对后重新输入");
  GONGKAI_ASSIGN_OR_RETURN(auto tx, store_.Begin(storage::TxMode::kRead));
  if (by_code) {
    std::string code = internal::CanonicalLookupCode(cred.lookup_code);
    if (code.empty()) return unknown;
    Result<ApplicationId> id = tx->application_meta().FindByLookupHash(account::Sha256Hex(code));
    if (!id.ok()) return id.status().code() == StatusCode::kNotFound ? unknown : id.status();
    return PublicViewOf(*tx, *id);
  }
  std::string number = Trim(cred.number);
  std::string six = LastSix(Trim(cred.id_last6));
  if (number.empty() || !IsCleanText(number, false) || six.size() != 6 ||
      Trim(cred.id_last6).size() > 12) {
    return unknown;
  }
  GONGKAI_ASSIGN_OR_RETURN(auto ids, tx->application_meta().FindByNumber(number));
  std::optional<ApplicationId> match;
  for (ApplicationId id : ids) {  // every candidate is compared, matched or not
    GONGKAI_ASSIGN_OR_RETURN(Application app, tx->applications().Get(id));
    if (SameSix(LastSix(app.identity.number), six) && !match) match = id;
  }
  if (!match) return unknown;
  return PublicViewOf(*tx, *match);
}

Result<PublicStatusView> ApplicationService::PublicViewOf(storage::Transaction& tx,
                                                          ApplicationId id) {
  GONGKAI_ASSIGN_OR_RETURN(Application app, tx.applications().Get(id));
  GONGKAI_ASSIGN_OR_RETURN(agency::Agency agency, tx.agencies().Get(app.agency_id));
  PublicStatusView v;
  v.id = id;
  v.agency_id = app.agency_id;
  v.number = app.number;
  v.agency_name = agency.name;
  v.agency_phone = agency.phone;
  v.agency_address = agency.address;
  v.agency_office_hours = agency.office_hours;
  v.reconsideration_body = agency.reconsideration_body;
  if (agency.parent_id) {
    if (auto parent = tx.agencies().Get(*agency.parent_id); parent.ok()) {
      v.supervisor_name = parent->name;
      v.supervisor_is_government = parent->kind == agency::AgencyKind::kGovernment;
    }
  }
  v.received = ReceiptDate(app.channel, app.events);
  auto cal = Calendar();
  auto clock = internal::TryClock(app, clock_.TodayInChina(), *cal);
  auto conclusion = ConclusionOf(app.events);
  v.status = clock        ? clock->status
             : conclusion ? ApplicationStatus::kConcluded
                          : ApplicationStatus::kInProgress;
  v.status_label = std::string(StatusLabel(v.status));
  if (clock) {
    v.due = clock->due;
    if (clock->due && !clock->conclusion) v.working_days_left = clock->working_days_left;
    if (!clock->conclusion) {
      v.due_note = clock->ProvisionalNote();
      v.overdue = clock->overdue && clock->due.has_value();
      v.overdue_days = v.overdue ? std::max(0, -clock->working_days_left) : 0;
    }
    v.paused = clock->paused;
    v.correction_deadline = clock->correction_deadline;
    v.fee_deadline = clock->fee_deadline;
    v.wait_expired = !clock->expired.empty();
  }
  if (v.status == ApplicationStatus::kAwaitingCorrection) {
    if (const Event* e = LastOf(app, EventType::kCorrectionRequested)) v.correction_items = e->note;
  }
  if (v.status == ApplicationStatus::kAwaitingFee) {
    if (const Event* e = LastOf(app, EventType::kFeeNoticeSent)) {
      v.fee = e->fee;
      v.fee_method_label = std::string(FeeMethodLabel(e->fee_method));
      v.fee_note = e->note;
    }
  }
  if (v.status == ApplicationStatus::kConsulting) {
    if (const Event* e = LastOf(app, EventType::kConsultationStarted)) {
      v.consulting_agency = e->consulted == ConsultedParty::kOtherAgency;
      if (auto d = cal->AddWorkingDays(e->date, kConsultationDays); d.ok()) {
        v.consultation_deadline = *d;
      }
    }
  }
  if (conclusion) {
    v.decided = conclusion->date;
    v.outcome = conclusion->row;
    v.outcome_label = FullLabel(conclusion->row);
  }
  if (const Event* e = LastOf(app, EventType::kDelivered)) v.delivered = e->date;
  return v;
}

}  // namespace gongkai::services

#include "services/application_internal.h"

#include <algorithm>

#include "account/password.h"
#include "core/text.h"

namespace gongkai::services::internal {

using namespace applications;  // NOLINT

namespace {

// Trims `*value` and checks it: clean text, at most `cap` code points, present when required.
Status CheckField(std::string* value, const char* zh_name, size_t cap, bool required,
                  bool newlines = false) {
  *value = Trim(*value);
  std::string field(zh_name);
  if (!IsCleanText(*value, newlines)) {
    return InvalidArgument(std::string("field is not clean UTF-8 text: ") + zh_name,
                           field + "含有无效字符（须为 UTF-8 文本，不含控制字符）");
  }
  if (CodePointCount(*value) > cap) {
    return InvalidArgument(std::string("field too long: ") + zh_name,
                           field + "过长（最多 " + std::to_string(cap) + " 个字）");
  }
  if (required && value->empty()) {
    return InvalidArgument(std::string("field missing: ") + zh_name, "请填写" + field);
  }
  return Status::Ok();
}

constexpr std::string_view kCrockford = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

}  // namespace

Status ValidateInput(ApplicationInput* in, Date today, std::vector<FieldError>* errors) {
  Contact& c = in->contact;
  const bool person = in->applicant_kind == ApplicantKind::kNaturalPerson;
  Status first;
  // Every field is checked, so a form can show all its errors at once.
  auto note = [&](const char* field, Status s) {
    if (s.ok()) return;
    if (first.ok()) first = s;
    if (errors != nullptr) errors->push_back({field, s.UserMessage()});
  };
  note("contact.name",
       CheckField(&c.name, person ? "申请人姓名" : "申请人名称", kMaxNameChars, true));
  note("contact.work_unit", CheckField(&c.work_unit, "工作单位", kMaxNameChars, false));
  note("contact.legal_representative",
       CheckField(&c.legal_representative, "法定代表人", kMaxNameChars, false));
  note("contact.contact_person", CheckField(&c.contact_person, "联系人", kMaxNameChars, false));
  Status phone = CheckField(&c.phone, "联系电话", kMaxShortFieldChars, false);
  note("contact.phone", phone);
  note("contact.fax", CheckField(&c.fax, "传真", kMaxShortFieldChars, false));
  Status email = CheckField(&c.email, "电子邮箱", kMaxEmailChars, false);
  if (email.ok() && !c.email.empty() && c.email.find('@') == std::string::npos) {
    email = InvalidArgument("email without @", "电子邮箱格式不正确");
  }
  note("contact.email", email);
  Status address = CheckField(&c.address, "通信地址", kMaxAddressChars, false);
  note("contact.address", address);
  note("contact.postcode", CheckField(&c.postcode, "邮政编码", kMaxShortFieldChars, false));
  if (phone.ok() && email.ok() && address.ok() && c.phone.empty() && c.email.empty() &&
      c.address.empty()) {
    note("contact",
         InvalidArgument("no contact", "请至少填写联系电话、电子邮箱或通信地址中的一项"));
  }
  note("description",
       CheckField(&in->description, "所需信息的内容描述", kMaxDescriptionChars, true, true));
  note("document_number",
       CheckField(&in->document_number, "所需信息的名称或文号", kMaxDocumentNumberChars, false));
  note("purpose", CheckField(&in->purpose, "用途", kMaxPurposeChars, false, true));
  Status identity = CheckField(&in->identity.number, "证件号码", kMaxShortFieldChars, true);
  if (identity.ok()) {
    identity = NormalizeAndValidateIdentity(in->applicant_kind, &in->identity, today);
  }
  note("identity.number", identity);
  return first;
}

Status ValidateEventText(Event* e) {
  GONGKAI_RETURN_IF_ERROR(CheckField(&e->note, "备注", kMaxNoteChars, false, true));
  GONGKAI_RETURN_IF_ERROR(CheckField(&e->party, "相关方", kMaxNameChars, false));
  GONGKAI_RETURN_IF_ERROR(CheckField(&e->actor, "经办人", kMaxNameChars, false));
  return applications::CompleteFeeNotice(e);
}

Status ValidateHistory(Channel channel, const std::vector<Event>& events,
                       const calendar::WorkingDayCalendar& cal) {
  if (events.empty()) {
    return InvalidArgument("no events", "申请至少要有一条办理记录（如“提交”）");
  }
  std::vector<Event> so_far;
  for (size_t i = 0; i < events.size(); ++i) {
    Status s = ValidateNext(channel, so_far, events[i], cal);
    if (!s.ok()) {
      return s.WithContext("event " + std::to_string(i + 1),
                           "第" + std::to_string(i + 1) + "条办理记录（" +
                               std::string(EventTypeLabel(events[i].type)) + "）");
    }
    so_far.push_back(events[i]);
  }
  return Status::Ok();
}

Application FromInput(const ApplicationInput& in) {
  Application a;
  a.agency_id = in.agency_id;
  a.channel = in.channel;
  a.applicant_kind = in.applicant_kind;
  a.identity = in.identity;
  a.contact = in.contact;
  a.description = in.description;
  a.document_number = in.document_number;
  a.purpose = in.purpose;
  a.carrier = in.carrier;
  a.delivery = in.delivery;
  return a;
}

namespace {
void ReplaceAll(std::string* s, std::string_view from, std::string_view to) {
  for (size_t pos = 0; (pos = s->find(from, pos)) != std::string::npos; pos += to.size()) {
    s->replace(pos, from.size(), to);
  }
}
std::string Padded(int64_t n, size_t width) {
  std::string s = std::to_string(n);
  if (s.size() < width) s.insert(0, width - s.size(), '0');
  return s;
}
}  // namespace

std::string FormatNumber(const std::string& pattern, const agency::Agency& agency, int year,
                         int64_t seq) {
  std::string out = pattern;
  ReplaceAll(&out, "{简称}", agency.short_name.empty() ? agency.name : agency.short_name);
  ReplaceAll(&out, "{year}", std::to_string(year));
  ReplaceAll(&out, "{seq3}", Padded(seq, 3));
  ReplaceAll(&out, "{seq4}", Padded(seq, 4));
  ReplaceAll(&out, "{seq}", std::to_string(seq));
  return out;
}

Status ValidatePattern(const std::string& raw) {
  std::string pattern = raw;
  GONGKAI_RETURN_IF_ERROR(CheckField(&pattern, "编号格式", 100, true));
  if (pattern != raw) {
    return InvalidArgument("pattern has surrounding spaces", "编号格式首尾不能有空格");
  }
  int seqs = 0;
  bool year = false;
  for (size_t pos = 0; (pos = pattern.find('{', pos)) != std::string::npos;) {
    size_t end = pattern.find('}', pos);
    if (end == std::string::npos) {
      return InvalidArgument("unclosed placeholder", "编号格式中的“{”没有对应的“}”");
    }
    std::string name = pattern.substr(pos, end - pos + 1);
    if (name == "{seq}" || name == "{seq3}" || name == "{seq4}") {
      ++seqs;
    } else if (name == "{year}") {
      year = true;
    } else if (name != "{简称}") {
      return InvalidArgument(
          "unknown placeholder " + name,
          "编号格式中有未知的占位符" + name + "（可用：{简称} {year} {seq} {seq3} {seq4}）");
    }
    pos = end + 1;
  }
  if (seqs != 1 || !year) {
    return InvalidArgument("pattern needs {year} and one {seq}",
                           "编号格式必须包含 {year} 和一个序号占位符 {seq}（或 {seq3}、{seq4}）");
  }
  return Status::Ok();
}

std::optional<ClockState> TryClock(const Application& app, Date as_of,
                                   const calendar::WorkingDayCalendar& cal) {
  Result<ClockState> c = ComputeClock(app, as_of, cal);
  if (!c.ok()) return std::nullopt;
  return std::move(c).value();
}

Date SnapshotDay(const Application& app, Date today) {
  Date day = today;
  for (const Event& e : app.events) day = std::max(day, e.date);
  return day;
}

Application AsOf(const Application& app, Date day) {
  Application out = app;
  std::erase_if(out.events, [day](const Event& e) { return day < e.date; });
  return out;
}

Status CheckSubmittedBy(const Application& app, Date day) {
  if (app.events.empty() || !(day < app.events.front().date)) return Status::Ok();
  return NotFound(
      "application " + std::to_string(app.id) + " not yet submitted",
      "截至" + day.ToString() + "尚无此申请（" + app.events.front().date.ToString() + "提交）");
}

Result<storage::DueSnapshot> CheckedSnapshot(const Application& app, Date today,
                                             const calendar::WorkingDayCalendar& cal) {
  storage::DueSnapshot snap;
  snap.id = app.id;
  snap.as_of = SnapshotDay(app, today);
  for (Date day : {today, snap.as_of}) {
    Result<ClockState> c = ComputeClock(app, day, cal);
    if (!c.ok())
      return c.status().WithContext("clock not computable", "无法计算答复期限，未予记录");
    if (day == snap.as_of) snap.due = c->due;
  }
  return snap;
}

std::string PendingStep(const ClockState& clock, const account::ApprovalChain* chain) {
  if (!clock.draft_pending) return "";
  const size_t step = static_cast<size_t>(clock.draft_approvals) + 1;
  if (chain != nullptr && step < chain->steps.size()) return chain->steps[step].name;
  return "第" + std::to_string(step) + "步审批";
}

ApplicationSummary Summarize(const Application& app, const std::optional<ClockState>& clock,
                             const account::ApprovalChain* chain) {
  ApplicationSummary s;
  s.id = app.id;
  s.number = app.number;
  s.applicant_name = app.contact.name;
  s.received = ReceiptDate(app.channel, app.events);
  if (clock) {
    s.status = clock->status;
    s.received = clock->received;
    s.due = clock->due;
    s.working_days_left = clock->working_days_left;
    s.due_note = clock->ProvisionalNote();
    s.overdue = clock->overdue;
    s.expired = clock->expired;
    s.pending_approval_step = PendingStep(*clock, chain);
  } else {
    s.status =
        ConclusionOf(app.events) ? ApplicationStatus::kConcluded : ApplicationStatus::kInProgress;
  }
  return s;
}

Result<std::string> NewLookupCode() {
  GONGKAI_ASSIGN_OR_RETURN(std::string random, account::RandomToken(16));
  // RandomToken gives text; hash it to get uniform bytes, then take 80 bits as 16 base32 chars.
  std::string hex = account::Sha256Hex(random);
  std::string out;
  uint64_t hi = std::stoull(hex.substr(0, 16), nullptr, 16);
  uint64_t lo = std::stoull(hex.substr(16, 16), nullptr, 16);
  for (int i = 0; i < 16; ++i) {
    if (i > 0 && i % 4 == 0) out += '-';
    uint64_t word = i < 12 ? hi : lo;
    int shift = i < 12 ? 59 - 5 * i : 59 - 5 * (i - 12);
    out += kCrockford[(word >> shift) & 31];
  }
  return out;
}

std::string CanonicalLookupCode(const std::string& typed) {
  std::string out;
  for (char ch : typed) {
    if (ch == '-' || ch == ' ') continue;
    char c = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    if (c == 'O') c = '0';
    if (c == 'I' || c == 'L') c = '1';
    if (kCrockford.find(c) == std::string_view::npos) return {};
    out += c;
  }
  return out.size() == 16 ? out : std::string();
}

}  // namespace gongkai::services::internal

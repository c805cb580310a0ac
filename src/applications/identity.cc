// Applicant identity on the application form (条例 Art. 29: 身份证明): the 居民身份证号码 check
// (GB 11643-1999, ISO 7064 MOD 11-2) and the 统一社会信用代码 check (agency/credit_code.h).
#include "applications/identity.h"

#include <cctype>

#include "agency/credit_code.h"
#include "applications/code_table.h"

namespace gongkai::applications {

namespace {

struct KindName {
  ApplicantKind kind;
  std::string_view label;
  std::string_view code;
};

constexpr std::array<KindName, kApplicantKindCount> kKindNames = {{
    {ApplicantKind::kNaturalPerson, "自然人", "natural_person"},
    {ApplicantKind::kCommercialEnterprise, "商业企业", "commercial_enterprise"},
    {ApplicantKind::kResearchInstitution, "科研机构", "research_institution"},
    {ApplicantKind::kSocialWelfareOrg, "社会公益组织", "social_welfare_org"},
    {ApplicantKind::kLegalServiceOrg, "法律服务机构", "legal_service_org"},
    {ApplicantKind::kOtherOrg, "其他", "other_org"},
}};

std::string Trimmed(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\t')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t')) --e;
  std::string out(s.substr(b, e - b));
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

constexpr CodeTable<IdentityDocument, 2> kDocuments = {
    {{{"resident_id", ""}, {"credit_code", ""}}}};

}  // namespace

std::string_view IdentityDocumentCode(IdentityDocument document) {
  return kDocuments.Code(document);
}
std::optional<IdentityDocument> ParseIdentityDocument(std::string_view code) {
  return kDocuments.Parse(code);
}

std::string_view ApplicantKindLabel(ApplicantKind kind) {
  return kKindNames[static_cast<int>(kind)].label;
}

std::string_view ApplicantKindCode(ApplicantKind kind) {
  return kKindNames[static_cast<int>(kind)].code;
}

Result<ApplicantKind> ParseApplicantKind(std::string_view text) {
  for (const KindName& k : kKindNames) {
    if (text == k.label || text == k.code) return k.kind;
  }
  return InvalidArgument(
      "unknown applicant kind '" + std::string(text) + "'",
      "申请人类型“" + std::string(text) +
          "”无效，应为自然人、商业企业、科研机构、社会公益组织、法律服务机构或其他");
}

char ResidentIdCheckChar(std::string_view first17) {
  static constexpr int kWeights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  if (first17.size() != 17) return '\0';
  int sum = 0;
  for (int i = 0; i < 17; ++i) {
    char c = first17[i];
    if (c < '0' || c > '9') return '\0';
    sum += (c - '0') * kWeights[i];
  }
  return "10X98765432"[sum % 11];
}

Result<Date> ResidentIdBirthDate(std::string_view id) {
  GONGKAI_RETURN_IF_ERROR(ValidateResidentId(id));
  auto num = [&](size_t pos, size_t len) {
    int v = 0;
    for (size_t i = pos; i < pos + len; ++i) v = v * 10 + (id[i] - '0');
    return v;
  };
  return Date{num(6, 4), num(10, 2), num(12, 2)};
}

Status ValidateResidentId(std::string_view id, std::optional<Date> today) {
  if (id.size() != 18) {
    return InvalidArgument("resident id must have 18 characters, got " + std::to_string(id.size()),
                           "身份证号码应为18位，实际为" + std::to_string(id.size()) + "位");
  }
  for (size_t i = 0; i < 17; ++i) {
    if (id[i] < '0' || id[i] > '9') {
      return InvalidArgument("resident id: non-digit at position " + std::to_string(i + 1),
                             "身份证号码第" + std::to_string(i + 1) + "位应为数字");
    }
  }
  char last = static_cast<char>(std::toupper(static_cast<unsigned char>(id[17])));
  if (!(last == 'X' || (last >= '0' && last <= '9'))) {
    return InvalidArgument("resident id: bad check character", "身份证号码第18位应为数字或X");
  }
  auto num = [&](size_t pos, size_t len) {
    int v = 0;
    for (size_t i = pos; i < pos + len; ++i) v = v * 10 + (id[i] - '0');
    return v;
  };
  int y = num(6, 4), m = num(10, 2), d = num(12, 2);
  if (y < 1900 || !IsValidDate(y, m, d)) {
    return InvalidArgument("resident id: invalid birth date",
                           "身份证号码中的出生日期（第7–14位）无效");
  }
  if (today && *today < Date{y, m, d}) {
    return InvalidArgument("resident id: birth date in the future",
                           "身份证号码中的出生日期（第7–14位）晚于今天");
  }
  char want = ResidentIdCheckChar(id.substr(0, 17));
  if (want != last) {
    return InvalidArgument("resident id: check character mismatch",
                           std::string("身份证号码校验位错误：第18位应为") + want);
  }
  return Status::Ok();
}

Status NormalizeAndValidateIdentity(ApplicantKind kind, Identity* identity,
                                    std::optional<Date> today) {
  identity->number = Trimmed(identity->number);
  if (identity->number.empty()) {
    return InvalidArgument("identity number missing", "请填写证件号码（身份证明，条例第二十九条）");
  }
  bool person = kind == ApplicantKind::kNaturalPerson;
  if (person && identity->document != IdentityDocument::kResidentId) {
    return InvalidArgument("natural person needs a resident id",
                           "申请人为自然人时，证件应为居民身份证");
  }
  if (!person && identity->document != IdentityDocument::kCreditCode) {
    return InvalidArgument("organisation needs a credit code",
                           "申请人为法人或者其他组织时，证件应为统一社会信用代码");
  }
  if (person) return ValidateResidentId(identity->number, today);
  identity->number = agency::NormalizeCreditCode(identity->number);
  return agency::ValidateCreditCode(identity->number);
}

}  // namespace gongkai::applications

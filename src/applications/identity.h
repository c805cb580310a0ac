#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>

#include "core/date.h"
#include "core/result.h"

namespace gongkai::applications {

// The applicant column of table 三 (申请人情况), fixed at intake. 总计 is the sum of the six; the
// official table has no 法人或其他组织 subtotal.
enum class ApplicantKind {
  kNaturalPerson,         // 自然人
  kCommercialEnterprise,  // 商业企业
  kResearchInstitution,   // 科研机构
  kSocialWelfareOrg,      // 社会公益组织
  kLegalServiceOrg,       // 法律服务机构
  kOtherOrg,              // 其他
};
inline constexpr int kApplicantKindCount = 6;
inline constexpr std::array<ApplicantKind, kApplicantKindCount> kAllApplicantKinds = {
    ApplicantKind::kNaturalPerson,       ApplicantKind::kCommercialEnterprise,
    ApplicantKind::kResearchInstitution, ApplicantKind::kSocialWelfareOrg,
    ApplicantKind::kLegalServiceOrg,     ApplicantKind::kOtherOrg};

// 自然人, 商业企业, …, 其他 (the column header of table 三).
std::string_view ApplicantKindLabel(ApplicantKind kind);
// Accepts the Chinese label or the machine code (natural_person, commercial_enterprise,
// research_institution, social_welfare_org, legal_service_org, other_org). kInvalidArgument.
Result<ApplicantKind> ParseApplicantKind(std::string_view text);
std::string_view ApplicantKindCode(ApplicantKind kind);

// The identity document on the application form (证件).
enum class IdentityDocument {
  kResidentId,  // 居民身份证 (GB 11643), for 自然人
  kCreditCode,  // 统一社会信用代码 (GB 32100), for 法人或者其他组织
};

// Stable codes: resident_id, credit_code.
std::string_view IdentityDocumentCode(IdentityDocument document);
std::optional<IdentityDocument> ParseIdentityDocument(std::string_view code);  // nullopt if unknown

struct Identity {
  IdentityDocument document = IdentityDocument::kResidentId;
  std::string number;  // normalised: upper-case X / letters, no spaces
};

// Checks an 18-character 居民身份证号码 (GB 11643-1999): 17 digits and a check character
// (0-9 or X, weights 2^(17-i) mod 11, check = "10X98765432"[sum mod 11]); positions 7–14 a real
// birth date (YYYYMMDD) from 1900-01-01 on and, when `today` is given, not after it. A lower-case x
// is accepted. kInvalidArgument with a Chinese message naming the fault (never the whole number).
Status ValidateResidentId(std::string_view id, std::optional<Date> today = std::nullopt);

// The check character for the first 17 digits of a 身份证号码, or '\0' if they are not 17 digits.
char ResidentIdCheckChar(std::string_view first17);

// The birth date encoded in a valid 身份证号码.
Result<Date> ResidentIdBirthDate(std::string_view id);

// Normalises `identity->number` (trims spaces, upper-cases) and checks it against the applicant
// kind: a 自然人 gives a 身份证号码, an organisation a 统一社会信用代码
// (agency::ValidateCreditCode). kInvalidArgument (Chinese message) for a mismatch or an invalid
// number.
Status NormalizeAndValidateIdentity(ApplicantKind kind, Identity* identity,
                                    std::optional<Date> today = std::nullopt);

}  // namespace gongkai::applications

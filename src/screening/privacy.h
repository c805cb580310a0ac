#pragma once
// Privacy validators (隐私信息检测): personal data that a government site must
// not publish (resident ID numbers, mobile numbers, bank cards, e-mail).

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "screening/html_reader.h"

namespace gongkai::screening {

enum class PrivacyType { kResidentId, kMobile, kBankCard, kEmail };

// "居民身份证号码" / "手机号码" / "银行卡号" / "电子邮箱".
const char* PrivacyTypeName(PrivacyType t);

// One piece of personal data, by bytes of the original text.
struct PrivacyHit {
  PrivacyType type = PrivacyType::kResidentId;
  uint32_t begin = 0;
  uint32_t end = 0;
  std::string masked;  // what may be published instead: 138****1234
};

// 18-character resident ID (GB 11643-1999): a known province code, a real
// birth date not after `latest_birth`, and the MOD 11-2 check character
// (digits, then 0-9 or X). `id` is ASCII.
bool IsValidResidentId18(std::string_view id, const Date& latest_birth);
// 15-digit legacy ID (before 1999): province code and a real 19YYMMDD birth date.
bool IsValidResidentId15(std::string_view id);
// 11 digits, 1[3-9]xxxxxxxxx.
bool IsMobileNumber(std::string_view digits);
// Luhn (ISO/IEC 7812) over ASCII digits.
bool LuhnValid(std::string_view digits);
// 16–19 digits, issuer prefix 3/4/5/6/9 and Luhn.
bool IsBankCardNumber(std::string_view digits);
// 18-character unified social credit code (统一社会信用代码, GB 32100-2015)
// with a known province in its area code (characters 3-8) and a valid check
// character. These identify organisations and are public.
bool IsUnifiedSocialCreditCode(std::string_view code);

// The masked form: ID 110101********1234, mobile 138****1234, bank card
// 6222***********1234, e-mail z***@example.com.
std::string MaskValue(PrivacyType type, std::string_view ascii_value);

// Finds personal data in valid UTF-8 `text` (only inside `spans` when given).
// Digits may be ASCII or full-width. Masked forms (containing * or ＊) are
// compliant and not reported; unified social credit codes, office phone numbers
// (area code with a leading 0), postcodes and other digit runs are not findings;
// e-mail addresses under gov.cn are public mailboxes and not reported.
// Birth dates after `document_date` make an ID invalid.
std::vector<PrivacyHit> FindPrivacy(std::string_view text, const std::vector<TextSpan>* spans,
                                    const Date& document_date);

}  // namespace gongkai::screening

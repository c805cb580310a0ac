#pragma once

#include <string>
#include <string_view>

#include "core/status.h"

namespace gongkai::agency {

// Checks a 统一社会信用代码 (unified social credit code, GB 32100-2015):
// 18 characters from 0-9 and A-Z without I, O, S, V, Z; positions 3–8 a
// 行政区划 code (digits); positions 9–17 an 组织机构代码 whose own check
// character (GB 11714) must match; position 18 the check character over the
// first 17 (weights 3^i mod 31). Lower-case letters are accepted and treated
// as upper case. kInvalidArgument with a Chinese message naming the fault.
Status ValidateCreditCode(std::string_view code);

// Upper-cases ASCII letters and strips surrounding spaces.
std::string NormalizeCreditCode(std::string_view code);

// The check character (position 18) for the first 17 characters, or '\0'
// when they contain a character outside the code's alphabet.
char CreditCodeCheckChar(std::string_view first17);

}  // namespace gongkai::agency

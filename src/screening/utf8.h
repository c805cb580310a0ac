#pragma once
// UTF-8 validation and decoding helpers shared by the screening code.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/status.h"

namespace gongkai::screening {

// Returns the byte offset of the first invalid UTF-8 sequence in `text`
// (overlong forms, surrogates, code points above U+10FFFF and truncated
// sequences are invalid), or std::string_view::npos when all of it is valid.
size_t FindInvalidUtf8(std::string_view text);

// Ok, or kInvalidArgument naming the byte offset of the first invalid byte,
// in English and Chinese ("第 N 字节处不是有效的 UTF-8").
Status ValidateUtf8(std::string_view text);

// Decodes the valid UTF-8 character at `text[pos]`; sets `*len` to its byte
// length. The caller guarantees validity.
char32_t DecodeAt(std::string_view text, size_t pos, int* len);

// Appends the UTF-8 encoding of `cp` to `out`.
void AppendUtf8(char32_t cp, std::string* out);

// Number of code points in valid UTF-8 `text`.
size_t CountChars(std::string_view text);

}  // namespace gongkai::screening

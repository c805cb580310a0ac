#pragma once
// multipart/form-data (RFC 7578, the body of an HTML form with enctype="multipart/form-data"):
// the text fields and the files of one request body, parsed once. Bounded: at most kMaxParts
// parts and kMaxPartHeaderBytes of headers per part; anything malformed refuses the whole body.

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/status.h"

namespace gongkai::http {

struct MultipartFile {
  std::string field;         // the form field's name
  std::string filename;      // as the browser sent it (filename*, else filename); may be unsafe
  std::string content_type;  // as claimed by the browser; never trusted
  std::string data;
};

struct MultipartForm {
  Status status;  // kInvalidArgument (Chinese) when the body is not well-formed multipart
  std::vector<std::pair<std::string, std::string>> fields;  // parts without a filename
  // Parts with a filename. A file input left empty (filename="" and no bytes) is left out.
  std::vector<MultipartFile> files;
};

inline constexpr size_t kMaxMultipartParts = 100;
inline constexpr size_t kMaxPartHeaderBytes = 8 * 1024;

// The boundary parameter of a multipart/form-data Content-Type (quoted or not); "" when the type
// is another one or the boundary is missing or longer than 70 characters.
std::string MultipartBoundary(std::string_view content_type);
// Parses `body` with the boundary of `content_type`.
MultipartForm ParseMultipart(std::string_view content_type, std::string_view body);

}  // namespace gongkai::http

#pragma once
// The checks an item's attachment (附件) passes before it is stored, and the text read from it
// for screening and search. Pure.

#include <string>
#include <string_view>

#include "catalog/catalog.h"
#include "core/result.h"

namespace gongkai::services {

struct FileUpload {
  std::string name;  // as sent
  std::string data;
};

// The stored reference of an accepted upload (name trimmed, type sniffed, SHA-256), or
// kInvalidArgument (Chinese, naming the file): a bad name (path, control characters, too long),
// an empty file or one over catalog::kMaxFileBytes, a type not accepted, or an extension that
// does not match the sniffed type.
Result<catalog::FileRef> CheckItemFile(const FileUpload& upload);

// The text of an accepted file (for screening and search); "" for images.
std::string ExtractFileText(std::string_view mime, std::string_view data);

}  // namespace gongkai::services

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
// kInvalidArgument (Chinese, naming the file) for what publishing::CheckAttachment refuses: a bad
// name, an executable or double extension, an empty file or one over catalog::kMaxFileBytes, a
// type not accepted, content that does not match the extension, Office macros.
Result<catalog::FileRef> CheckItemFile(const FileUpload& upload);

// The text of an accepted file (PDF, DOCX, XLSX; for screening and search); "" for images and
// for files whose text cannot be read.
std::string ExtractFileText(std::string_view mime, std::string_view data);

}  // namespace gongkai::services

#include "services/item_files.h"

#include "account/password.h"
#include "core/text.h"
#include "publishing/attachment_file.h"
#include "publishing/text_extract.h"

namespace gongkai::services {

namespace {

constexpr publishing::FileKind kKinds[] = {
    publishing::FileKind::kPdf,  publishing::FileKind::kOfd,  publishing::FileKind::kDocx,
    publishing::FileKind::kXlsx, publishing::FileKind::kDoc,  publishing::FileKind::kXls,
    publishing::FileKind::kPng,  publishing::FileKind::kJpeg, publishing::FileKind::kGif};

}  // namespace

Result<catalog::FileRef> CheckItemFile(const FileUpload& upload) {
  std::string name = Trim(upload.name);
  GONGKAI_ASSIGN_OR_RETURN(publishing::AttachmentType type,
                           publishing::CheckAttachment(name, upload.data, catalog::kMaxFileBytes));
  return catalog::FileRef{name, account::Sha256Hex(upload.data), std::string(type.mime),
                          static_cast<int64_t>(upload.data.size())};
}

std::string ExtractFileText(std::string_view mime, std::string_view data) {
  for (publishing::FileKind kind : kKinds) {
    if (publishing::TypeOf(kind).mime != mime) continue;
    Result<std::string> text = publishing::ExtractText(kind, data);
    // A file whose text cannot be read is still an attachment (a scan, a damaged text layer):
    // it is stored without text, and screened by its name only.
    return text.ok() ? *text : std::string();
  }
  return "";
}

}  // namespace gongkai::services

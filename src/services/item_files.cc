#include "services/item_files.h"

#include "account/password.h"
#include "core/text.h"
#include "services/attachments.h"

namespace gongkai::services {

namespace {

// The extensions each sniffed type may carry.
bool ExtensionMatches(std::string_view mime, std::string_view name) {
  size_t dot = name.rfind('.');
  if (dot == std::string_view::npos) return false;
  std::string ext;
  for (char c : name.substr(dot + 1)) ext += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  if (mime == "application/pdf") return ext == "pdf";
  if (mime == "image/png") return ext == "png";
  if (mime == "image/jpeg") return ext == "jpg" || ext == "jpeg";
  return false;
}

}  // namespace

Result<catalog::FileRef> CheckItemFile(const FileUpload& upload) {
  std::string name = Trim(upload.name);
  if (std::string problem = FileNameProblem(name); !problem.empty()) {
    return InvalidArgument("bad file name", "附件“" + name + "”：" + problem);
  }
  if (upload.data.empty()) return InvalidArgument("empty file", "附件“" + name + "”是空文件");
  if (upload.data.size() > catalog::kMaxFileBytes) {
    return InvalidArgument("file too large", "附件“" + name + "”超过" +
                                                 FileSizeText(catalog::kMaxFileBytes) + "的上限");
  }
  std::string mime = SniffAttachmentType(upload.data);
  if (mime.empty()) {
    return InvalidArgument(
        "unknown type",
        "附件“" + name + "”的类型不能接受（按文件内容识别，可上传 PDF、PNG、JPEG）");
  }
  if (!ExtensionMatches(mime, name)) {
    return InvalidArgument("extension mismatch",
                           "附件“" + name + "”的扩展名与文件内容（" + mime + "）不符");
  }
  return catalog::FileRef{name, account::Sha256Hex(upload.data), mime,
                          static_cast<int64_t>(upload.data.size())};
}

std::string ExtractFileText(std::string_view, std::string_view) {
  // Text extraction (PDF, DOCX, XLSX) arrives with the publishing engines; until then files are
  // stored without text and screened by name only.
  return "";
}

}  // namespace gongkai::services

#include "services/attachments.h"

#include <cstdio>

#include "publishing/attachment_file.h"

namespace gongkai::services {

std::string_view AttachmentKindCode(AttachmentKind kind) {
  return kind == AttachmentKind::kIdCopy ? "id_copy" : "description";
}

std::string_view AttachmentKindLabel(AttachmentKind kind) {
  return kind == AttachmentKind::kIdCopy ? "身份证明复印件" : "所需信息的描述材料";
}

std::string AttachmentField(AttachmentKind kind) {
  return "attachment_" + std::string(AttachmentKindCode(kind));
}

std::string SniffAttachmentType(std::string_view data) {
  switch (publishing::SniffSignature(data)) {
    case publishing::Signature::kPdf:
      return "application/pdf";
    case publishing::Signature::kPng:
      return "image/png";
    case publishing::Signature::kJpeg:
      return "image/jpeg";
    default:
      return "";
  }
}

std::string FileNameProblem(std::string_view name) { return publishing::FileNameProblem(name); }

std::string FileSizeText(size_t bytes) {
  char buf[32];
  if (bytes >= (1 << 20)) {
    std::snprintf(buf, sizeof buf, "%.1f MiB", static_cast<double>(bytes) / (1 << 20));
  } else if (bytes >= 1024) {
    std::snprintf(buf, sizeof buf, "%zu KiB", (bytes + 1023) / 1024);
  } else {
    std::snprintf(buf, sizeof buf, "%zu 字节", bytes);
  }
  return buf;
}

void CheckAttachments(const std::vector<AttachmentInput>& files, std::vector<FieldError>* errors) {
  size_t total = 0;
  for (const AttachmentInput& f : files) {
    total += f.data.size();
    std::string field = AttachmentField(f.kind);
    // A bad name is not echoed as it was sent (it may hold control characters).
    std::string problem = FileNameProblem(f.name);
    if (!problem.empty()) {
      errors->push_back({field, problem + "，已拒收。请把文件改名（只保留文件名本身）后重新选择"});
      continue;
    }
    const std::string shown = "“" + f.name + "”";
    if (f.data.empty()) {
      errors->push_back({field, "文件" + shown + "是空文件，请重新选择"});
    } else if (f.data.size() > kMaxAttachmentBytes) {
      errors->push_back({field, "文件" + shown + "过大（" + FileSizeText(f.data.size()) +
                                    "），每个文件不超过 " + FileSizeText(kMaxAttachmentBytes)});
    } else if (SniffAttachmentType(f.data).empty()) {
      errors->push_back({field, "文件" + shown +
                                    "不是 PDF、PNG 或 JPEG 文件（按文件内容识别，与扩展名无关），"
                                    "请转换为这三种格式之一"});
    }
  }
  if (files.size() > kMaxAttachments) {
    errors->push_back({"attachments", "附件过多（" + std::to_string(files.size()) + " 个），最多 " +
                                          std::to_string(kMaxAttachments) + " 个文件"});
  } else if (total > kMaxAttachmentsTotalBytes) {
    errors->push_back({"attachments", "附件合计过大（" + FileSizeText(total) + "），合计不超过 " +
                                          FileSizeText(kMaxAttachmentsTotalBytes)});
  }
}

}  // namespace gongkai::services

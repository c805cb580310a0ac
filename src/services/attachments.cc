#include "services/attachments.h"

#include <cstdio>

#include "core/text.h"

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
  if (data.starts_with("%PDF-")) return "application/pdf";
  if (data.starts_with("\x89PNG\r\n\x1a\n")) return "image/png";
  if (data.starts_with("\xFF\xD8\xFF")) return "image/jpeg";
  return "";
}

std::string FileNameProblem(std::string_view name) {
  if (name.empty()) return "文件名为空";
  if (name.size() > kMaxAttachmentNameBytes) return "文件名过长（最多 255 字节）";
  if (name.find_first_of("/\\") != std::string_view::npos || name.find("..") != name.npos) {
    return "文件名含有路径（/ \\ 或 ..）";
  }
  for (unsigned char c : name) {
    if (c < 0x20 || c == 0x7f) return "文件名含有控制字符";
  }
  if (!IsCleanText(name, false)) return "文件名不是有效的 UTF-8 文本";
  return "";
}

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

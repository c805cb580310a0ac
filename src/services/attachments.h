#pragma once
// Uploaded files of an application (附件: a copy of the applicant's ID, a description of the
// information) and the checks every upload passes before anything is stored: the type sniffed
// from the bytes (PDF, PNG, JPEG only, whatever the name or the browser claims), a size limit
// per file and per request, a count limit, and a plain file name (no path, no control
// characters). Pure.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace gongkai::services {

// One refused field of a form: `field` is the form field's name ("contact.phone",
// "attachment_id_copy", "attachments" for the attachments as a whole), `message` Chinese.
struct FieldError {
  std::string field;
  std::string message;
};

enum class AttachmentKind { kIdCopy, kDescription };
// "id_copy" / "description" (stored), and the Chinese label.
std::string_view AttachmentKindCode(AttachmentKind kind);
std::string_view AttachmentKindLabel(AttachmentKind kind);  // 身份证明复印件 / 所需信息的描述材料
// The form field of each kind: attachment_id_copy, attachment_description.
std::string AttachmentField(AttachmentKind kind);

struct AttachmentInput {
  AttachmentKind kind = AttachmentKind::kIdCopy;
  std::string name;  // as sent by the browser
  std::string data;
};

inline constexpr size_t kMaxAttachmentBytes = 5 << 20;         // per file
inline constexpr size_t kMaxAttachmentsTotalBytes = 10 << 20;  // per application
inline constexpr size_t kMaxAttachments = 5;
inline constexpr size_t kMaxAttachmentNameBytes = 255;

// "application/pdf", "image/png" or "image/jpeg" by the file's signature; "" for anything else
// (publishing::SniffSignature).
std::string SniffAttachmentType(std::string_view data);
// Why `name` is refused as a file name, or "" when it is fine: publishing::FileNameProblem (a
// path: / \ or ..; control characters; not UTF-8; empty or longer than 255 bytes; direction
// controls; a trailing dot or space).
std::string FileNameProblem(std::string_view name);
// Appends one FieldError per refused file (keyed by its kind's field) and one keyed
// "attachments" for too many files or too many bytes in all. Messages name the file.
void CheckAttachments(const std::vector<AttachmentInput>& files, std::vector<FieldError>* errors);
// "1.5 MiB", "320 KiB", "12 字节".
std::string FileSizeText(size_t bytes);

}  // namespace gongkai::services

#pragma once
// The checks every attachment of a catalog item passes before it is stored (docs/publishing.md,
// "附件"): a plain file name with one accepted extension and no hidden executable one, bytes
// within the size limit, and a type sniffed from the bytes that matches the extension. Also the
// file signatures the applications desk sniffs (services/attachments). Pure and thread-safe.

#include <cstddef>
#include <string>
#include <string_view>

#include "core/result.h"

namespace gongkai::publishing {

// What the first bytes of a file say it is; kZip and kOle are containers (DOCX/XLSX/OFD, and
// DOC/XLS) told apart by CheckAttachment.
enum class Signature { kNone, kPdf, kPng, kJpeg, kGif, kZip, kOle };
Signature SniffSignature(std::string_view bytes);

enum class FileKind { kPdf, kOfd, kDocx, kXlsx, kDoc, kXls, kPng, kJpeg, kGif };

struct AttachmentType {
  FileKind kind = FileKind::kPdf;
  std::string_view mime;       // "application/pdf", "image/png" …
  std::string_view extension;  // canonical, without the dot: "pdf", "docx", "jpg" …
  std::string_view label;      // as shown to people: "PDF", "Word 文档（DOCX）" …
};
AttachmentType TypeOf(FileKind kind);

inline constexpr size_t kMaxFileNameBytes = 255;

// Why `name` is refused as a file name, or "" when it is fine: empty, longer than 255 bytes, a
// path (/ \ or ..), control characters, not UTF-8, Unicode direction controls (U+202A–U+202E,
// U+2066–U+2069, U+200E, U+200F: they make "exe.pdf" look like "fdp.exe"), or ending in a dot or
// a space (Windows drops them, turning "x.exe." into "x.exe").
std::string FileNameProblem(std::string_view name);

// The attachment's type, or kInvalidArgument with a Chinese message naming the file: a bad name
// (FileNameProblem), no extension or only one, an executable or script extension anywhere in the
// name (报告.pdf.exe, 通知.php.pdf, x.exe.pdf), an extension not accepted, an empty file, more
// than `max_bytes`, content not of any accepted type or not of the extension's type (a .pdf that
// is a ZIP), an Office file with macros.
Result<AttachmentType> CheckAttachment(std::string_view name, std::string_view bytes,
                                       size_t max_bytes);

}  // namespace gongkai::publishing

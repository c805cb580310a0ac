#include "publishing/attachment_file.h"

#include <algorithm>
#include <array>
#include <optional>

#include "core/text.h"
#include "report/ooxml.h"

namespace gongkai::publishing {
namespace {

constexpr std::array<std::string_view, 62> kExecutable = {
    "exe",   "com", "bat",  "cmd",  "msi",   "msp",  "scr",   "pif",  "cpl",  "dll",  "sys",
    "js",    "jse", "mjs",  "vbs",  "vbe",   "wsf",  "wsh",   "ps1",  "psm1", "sh",   "bash",
    "csh",   "ksh", "php",  "php3", "php4",  "php5", "phtml", "phar", "pl",   "py",   "rb",
    "cgi",   "asp", "aspx", "ashx", "asmx",  "jsp",  "jspx",  "hta",  "htm",  "html", "xhtml",
    "shtml", "svg", "swf",  "jar",  "class", "apk",  "app",   "lnk",  "reg",  "inf",  "scf",
    "url",   "iso", "docm", "xlsm", "pptm",  "dotm", "xltm"};

struct Accepted {
  std::string_view ext;
  FileKind kind;
};
constexpr std::array<Accepted, 10> kAccepted = {{{"pdf", FileKind::kPdf},
                                                 {"ofd", FileKind::kOfd},
                                                 {"docx", FileKind::kDocx},
                                                 {"xlsx", FileKind::kXlsx},
                                                 {"doc", FileKind::kDoc},
                                                 {"xls", FileKind::kXls},
                                                 {"png", FileKind::kPng},
                                                 {"jpg", FileKind::kJpeg},
                                                 {"jpeg", FileKind::kJpeg},
                                                 {"gif", FileKind::kGif}}};

constexpr std::string_view kAcceptedText = "PDF、OFD、DOCX、DOC、XLSX、XLS、PNG、JPEG、GIF";

std::string LowerAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

Status Refuse(std::string_view name, const std::string& why) {
  return InvalidArgument("attachment refused", "附件“" + std::string(name) + "”" + why);
}

std::string_view SignatureText(Signature s) {
  switch (s) {
    case Signature::kPdf:
      return "PDF 文件";
    case Signature::kPng:
      return "PNG 图片";
    case Signature::kJpeg:
      return "JPEG 图片";
    case Signature::kGif:
      return "GIF 图片";
    case Signature::kZip:
      return "ZIP 压缩包";
    case Signature::kOle:
      return "旧版 Office 文件（DOC/XLS）";
    case Signature::kNone:
      break;
  }
  return "不能识别的格式";
}

// The kind a ZIP holds: DOCX, XLSX or OFD by their parts; nullopt for another ZIP. Sets
// `*macros` for a package with a VBA project.
std::optional<FileKind> ZipKind(std::string_view bytes, bool* macros) {
  auto pkg = report::ZipPackage::Open(bytes);
  if (!pkg.ok()) return std::nullopt;
  *macros = pkg->Has("word/vbaProject.bin") || pkg->Has("xl/vbaProject.bin");
  if (pkg->Has("OFD.xml")) return FileKind::kOfd;
  if (!pkg->Has("[Content_Types].xml")) return std::nullopt;
  if (pkg->Has("word/document.xml")) return FileKind::kDocx;
  if (pkg->Has("xl/workbook.xml")) return FileKind::kXlsx;
  return std::nullopt;
}

bool SignatureFits(Signature s, FileKind kind) {
  switch (kind) {
    case FileKind::kPdf:
      return s == Signature::kPdf;
    case FileKind::kPng:
      return s == Signature::kPng;
    case FileKind::kJpeg:
      return s == Signature::kJpeg;
    case FileKind::kGif:
      return s == Signature::kGif;
    case FileKind::kDoc:
    case FileKind::kXls:
      return s == Signature::kOle;
    case FileKind::kOfd:
    case FileKind::kDocx:
    case FileKind::kXlsx:
      return s == Signature::kZip;
  }
  return false;
}

std::string SizeText(size_t bytes) {
  if (bytes >= (1 << 20)) {
    std::string s = std::to_string(bytes * 10 / (1 << 20));
    return s.substr(0, s.size() - 1) + "." + s.back() + " MiB";
  }
  if (bytes >= 1024) return std::to_string((bytes + 1023) / 1024) + " KiB";
  return std::to_string(bytes) + " 字节";
}

}  // namespace

Signature SniffSignature(std::string_view b) {
  if (b.starts_with("%PDF-")) return Signature::kPdf;
  if (b.starts_with("\x89PNG\r\n\x1a\n")) return Signature::kPng;
  if (b.starts_with("\xFF\xD8\xFF")) return Signature::kJpeg;
  if (b.starts_with("GIF87a") || b.starts_with("GIF89a")) return Signature::kGif;
  if (b.starts_with("PK\x03\x04")) return Signature::kZip;
  if (b.starts_with("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")) return Signature::kOle;
  return Signature::kNone;
}

AttachmentType TypeOf(FileKind kind) {
  switch (kind) {
    case FileKind::kPdf:
      return {kind, "application/pdf", "pdf", "PDF"};
    case FileKind::kOfd:
      return {kind, "application/ofd", "ofd", "OFD 版式文件"};
    case FileKind::kDocx:
      return {kind, "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
              "docx", "Word 文档（DOCX）"};
    case FileKind::kXlsx:
      return {kind, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx",
              "Excel 表格（XLSX）"};
    case FileKind::kDoc:
      return {kind, "application/msword", "doc", "Word 97-2003 文档（DOC）"};
    case FileKind::kXls:
      return {kind, "application/vnd.ms-excel", "xls", "Excel 97-2003 表格（XLS）"};
    case FileKind::kPng:
      return {kind, "image/png", "png", "PNG 图片"};
    case FileKind::kJpeg:
      return {kind, "image/jpeg", "jpg", "JPEG 图片"};
    case FileKind::kGif:
      return {kind, "image/gif", "gif", "GIF 图片"};
  }
  return {};
}

std::string FileNameProblem(std::string_view name) {
  if (name.empty()) return "文件名为空";
  if (name.size() > kMaxFileNameBytes) return "文件名过长（最多 255 字节）";
  if (name.find_first_of("/\\") != std::string_view::npos || name.find("..") != name.npos) {
    return "文件名含有路径（/ \\ 或 ..）";
  }
  for (unsigned char c : name) {
    if (c < 0x20 || c == 0x7f) return "文件名含有控制字符";
  }
  if (!IsCleanText(name, false)) return "文件名不是有效的 UTF-8 文本";
  for (std::string_view bidi : {"\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066",
                                "\u2067", "\u2068", "\u2069", "\u200E", "\u200F"}) {
    if (name.find(bidi) != name.npos) return "文件名含有改变文字方向的控制字符";
  }
  if (name.back() == '.' || name.back() == ' ') return "文件名以点或空格结尾";
  return "";
}

Result<AttachmentType> CheckAttachment(std::string_view name, std::string_view bytes,
                                       size_t max_bytes) {
  if (std::string problem = FileNameProblem(name); !problem.empty()) {
    return InvalidArgument(
        "bad attachment name: " + problem,
        "附件文件名不合格：" + problem + "。请把文件改名（只保留文件名本身）后重新上传");
  }
  size_t dot = name.find('.');
  if (dot == std::string_view::npos) return Refuse(name, "缺少扩展名（如 .pdf）");
  if (dot == 0) return Refuse(name, "只有扩展名，没有文件名");
  std::string ext;
  for (size_t from = dot + 1;;) {
    size_t next = name.find('.', from);
    ext = LowerAscii(name.substr(from, next == name.npos ? name.npos : next - from));
    bool last = next == name.npos;
    if (std::find(kExecutable.begin(), kExecutable.end(), ext) != kExecutable.end()) {
      return Refuse(name, last
                              ? "是可执行文件、脚本或网页（." + ext + "），不能作为附件"
                              : "含有双重扩展名（." + ext + "），可能隐藏可执行文件或脚本，请改名");
    }
    if (last) break;
    from = next + 1;
  }
  auto accepted = std::find_if(kAccepted.begin(), kAccepted.end(),
                               [&](const Accepted& a) { return a.ext == ext; });
  if (accepted == kAccepted.end()) {
    return Refuse(name, "的格式（." + ext + "）不能作为附件；可上传 " + std::string(kAcceptedText));
  }
  if (bytes.empty()) return Refuse(name, "是空文件");
  if (bytes.size() > max_bytes) {
    return Refuse(name,
                  "过大（" + SizeText(bytes.size()) + "），每个附件不超过 " + SizeText(max_bytes));
  }
  const FileKind kind = accepted->kind;
  const AttachmentType want = TypeOf(kind);
  Signature sig = SniffSignature(bytes);
  std::string mismatch = "的扩展名是 ." + ext + "，但文件内容是" + std::string(SignatureText(sig)) +
                         "，与扩展名不符（按文件内容识别）";
  if (!SignatureFits(sig, kind)) return Refuse(name, mismatch);
  if (sig == Signature::kZip) {
    bool macros = false;
    std::optional<FileKind> inside = ZipKind(bytes, &macros);
    if (!inside) {
      return Refuse(name, "的扩展名是 ." + ext + "，但文件内容是损坏的或普通的 ZIP 压缩包，不是" +
                              std::string(want.label));
    }
    if (*inside != kind) {
      return Refuse(name, "的扩展名是 ." + ext + "，但文件内容是" +
                              std::string(TypeOf(*inside).label) + "，与扩展名不符");
    }
    if (macros) return Refuse(name, "含有宏（VBA），不能作为附件；请另存为不含宏的文件");
  }
  return want;
}

}  // namespace gongkai::publishing

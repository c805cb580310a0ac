#include "report/import.h"

#include <unicode/ucnv.h>
#include <unicode/ustring.h>

#include <algorithm>
#include <cstring>
#include <memory>

#include "report/ooxml.h"
#include "report/run_together.h"
#include "report/text_util.h"

namespace gongkai::report {
namespace {

bool StartsWithCi(std::string_view s, size_t at, std::string_view w) {
  if (at + w.size() > s.size()) return false;
  for (size_t i = 0; i < w.size(); ++i) {
    char c = s[at + i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != w[i]) return false;
  }
  return true;
}

Result<std::string> FromGb18030(std::string_view bytes) {
  UErrorCode err = U_ZERO_ERROR;
  UConverter* conv = ucnv_open("GB18030", &err);
  if (U_FAILURE(err))
    return Internal("ICU has no GB18030 converter", "无法加载 GB18030 编码转换器");
  std::unique_ptr<UConverter, void (*)(UConverter*)> guard(conv, ucnv_close);
  ucnv_setToUCallBack(conv, UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &err);
  std::u16string u16(bytes.size() + 1, u'\0');
  int32_t n = ucnv_toUChars(conv, u16.data(), static_cast<int32_t>(u16.size()), bytes.data(),
                            static_cast<int32_t>(bytes.size()), &err);
  if (U_FAILURE(err)) {
    return InvalidArgument(
        "input is neither UTF-8 nor GB18030",
        "文件编码无法识别：既不是 UTF-8，也不是 GBK/GB18030，请转换为 UTF-8 后再试");
  }
  // GB18030 maps almost any byte string to something; text it is only if nearly every
  // character is ASCII, CJK, or CJK/full-width punctuation.
  int32_t plausible = 0;
  for (int32_t i = 0; i < n; ++i) {
    char16_t c = u16[i];
    if ((c >= 0x20 && c < 0x7F) || c == '\n' || c == '\r' || c == '\t' ||
        (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3000 && c <= 0x303F) ||
        (c >= 0xFF00 && c <= 0xFFEF) || (c >= 0x2000 && c <= 0x206F) || c == 0xB7) {
      ++plausible;
    }
  }
  if (n == 0 || plausible < n - n / 20) {
    return InvalidArgument("input decodes as GB18030 but is not text",
                           "文件编码无法识别或含有乱码：既不是 UTF-8，也不像 GBK/GB18030 文本");
  }
  std::string out(static_cast<size_t>(n) * 3 + 1, '\0');
  int32_t len = 0;
  err = U_ZERO_ERROR;
  u_strToUTF8(out.data(), static_cast<int32_t>(out.size()), &len, u16.data(), n, &err);
  if (U_FAILURE(err)) return Internal("UTF-16 to UTF-8 failed", "编码转换失败");
  out.resize(len);
  return out;
}

bool NoTableCells(const AnnualReport& r) {
  for (const auto& v : r.table2) {
    if (v) return false;
  }
  for (const auto& line : r.table3) {
    for (const auto& v : line) {
      if (v) return false;
    }
  }
  return true;
}

}  // namespace

std::optional<InputFormat> ParseInputFormat(std::string_view name) {
  if (name == "auto" || name.empty()) return InputFormat::kAuto;
  if (name == "pipe") return InputFormat::kPipe;
  if (name == "html" || name == "htm") return InputFormat::kHtml;
  if (name == "md" || name == "markdown") return InputFormat::kMarkdown;
  if (name == "txt" || name == "text") return InputFormat::kText;
  if (name == "json") return InputFormat::kJson;
  if (name == "xlsx") return InputFormat::kXlsx;
  if (name == "docx") return InputFormat::kDocx;
  if (name == "pdf") return InputFormat::kPdf;
  return std::nullopt;
}

Result<std::string> DecodeToUtf8(std::string_view bytes, std::string& encoding) {
  if (bytes.size() >= 3 && std::memcmp(bytes.data(), "\xEF\xBB\xBF", 3) == 0)
    bytes.remove_prefix(3);
  encoding = "UTF-8";
  if (TrimSpace(bytes).empty()) {
    return InvalidArgument("empty input", "文件是空的，没有可读取的报告内容");
  }
  if (bytes.size() >= 4 && std::memcmp(bytes.data(), "PK\x03\x04", 4) == 0) {
    return InvalidArgument("zip archive", "这是压缩包（XLSX/DOCX/ZIP）文件，不是可导入的文本报告");
  }
  if (bytes.size() >= 4 && std::memcmp(bytes.data(), "%PDF", 4) == 0) {
    return InvalidArgument("pdf", "这是 PDF 文件，不能按文本读取；请用 --from pdf 或 --from auto（默认）");
  }
  if (bytes.find('\0') != std::string_view::npos) {
    return InvalidArgument("binary input (NUL bytes)",
                           "文件含有二进制数据（NUL 字节），不是文本报告");
  }
  if (IsValidUtf8(bytes)) return std::string(bytes);
  // A file cut in the middle of a UTF-8 character is still UTF-8: drop the broken tail.
  for (size_t cut = 1; cut <= 3 && cut < bytes.size(); ++cut) {
    if (IsValidUtf8(bytes.substr(0, bytes.size() - cut))) {
      return std::string(bytes.substr(0, bytes.size() - cut));
    }
  }
  if (bytes.size() > (size_t{1} << 30)) {
    return InvalidArgument("input too large", "文件过大（超过 1 GB），不是年度报告");
  }
  auto converted = FromGb18030(bytes);
  if (!converted.ok()) return converted.status();
  encoding = "GB18030";
  return converted;
}

InputFormat DetectFormat(std::string_view text) {
  std::string_view head = TrimSpace(text.substr(0, 4096));
  if (!head.empty() && (head[0] == '{' || head[0] == '[')) return InputFormat::kJson;
  std::string_view probe = text.substr(0, 1 << 16);
  for (size_t i = probe.find('<'); i != std::string_view::npos; i = probe.find('<', i + 1)) {
    if (StartsWithCi(probe, i, "<html") || StartsWithCi(probe, i, "<table") ||
        StartsWithCi(probe, i, "<!doctype") || StartsWithCi(probe, i, "<p>") ||
        StartsWithCi(probe, i, "<p ") || StartsWithCi(probe, i, "<div") ||
        StartsWithCi(probe, i, "<body") || StartsWithCi(probe, i, "<tr")) {
      return InputFormat::kHtml;
    }
  }
  int bare_pipes = 0, md_rows = 0;
  bool md_sep = false;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = TrimSpace(text.substr(pos, end - pos));
    if (line == "|") ++bare_pipes;
    if (line.size() >= 3 && line.front() == '|' && line.back() == '|') {
      ++md_rows;
      if (line.find("---") != std::string_view::npos) md_sep = true;
    }
    if (bare_pipes >= 3) return InputFormat::kPipe;
    pos = end + 1;
  }
  // Pipe rows without a separator line are still pipe tables (copied from wikis and forums).
  if ((md_sep && md_rows >= 2) || md_rows >= 10) return InputFormat::kMarkdown;
  return InputFormat::kText;
}

Result<ImportResult> ImportOoxml(std::string_view bytes, InputFormat format) {
  GONGKAI_ASSIGN_OR_RETURN(ZipPackage pkg, ZipPackage::Open(bytes));
  if (format == InputFormat::kAuto || format == InputFormat::kXlsx ||
      format == InputFormat::kDocx) {
    bool xlsx = pkg.Has("xl/workbook.xml"), docx = pkg.Has("word/document.xml");
    if (format == InputFormat::kAuto) {
      format = xlsx ? InputFormat::kXlsx : docx ? InputFormat::kDocx : InputFormat::kAuto;
    }
    if (format == InputFormat::kXlsx && !xlsx) {
      return InvalidArgument("no xl/workbook.xml", "压缩包中没有 xl/workbook.xml，不是 XLSX 文件");
    }
    if (format == InputFormat::kDocx && !docx) {
      return InvalidArgument("no word/document.xml",
                             "压缩包中没有 word/document.xml，不是 DOCX 文件");
    }
  }
  ImportResult res;
  if (format == InputFormat::kXlsx) {
    GONGKAI_ASSIGN_OR_RETURN(Document doc, ReadXlsx(pkg));
    res = Interpret(doc);
    res.format = "xlsx";
  } else if (format == InputFormat::kDocx) {
    GONGKAI_ASSIGN_OR_RETURN(Document doc, ReadDocx(pkg));
    res = Interpret(doc);
    res.format = "docx";
  } else {
    return InvalidArgument("zip archive that is neither xlsx nor docx",
                           "这是压缩包，但既不是 XLSX（无 xl/workbook.xml）也不是 DOCX（无 "
                           "word/document.xml），不是可导入的报告");
  }
  return res;
}

Result<ImportResult> ImportReport(std::string_view bytes, InputFormat format) {
  // "%PDF-" within the first KiB (some writers put junk before it).
  bool pdf = std::string_view(bytes.data(), std::min<size_t>(bytes.size(), 1024)).find("%PDF-") !=
             std::string_view::npos;
  if (format == InputFormat::kPdf || (pdf && format == InputFormat::kAuto)) {
    GONGKAI_ASSIGN_OR_RETURN(Document doc, ReadPdf(bytes));
    ImportResult res = Interpret(doc);
    res.format = "pdf";
    return res;
  }
  bool zip = bytes.size() >= 4 && std::memcmp(bytes.data(), "PK\x03\x04", 4) == 0;
  if (format == InputFormat::kXlsx || format == InputFormat::kDocx ||
      (zip && format == InputFormat::kAuto)) {
    return ImportOoxml(bytes, format);
  }
  std::string encoding = "UTF-8";
  // Valid UTF-8 (nearly every input) is read in place; only other encodings are converted.
  std::string converted;
  std::string_view text = bytes;
  if (text.size() >= 3 && std::memcmp(text.data(), "\xEF\xBB\xBF", 3) == 0) text.remove_prefix(3);
  bool in_place = !TrimSpace(text).empty() && text.find('\0') == std::string_view::npos &&
                  !(text.size() >= 4 && std::memcmp(text.data(), "%PDF", 4) == 0) &&
                  !(text.size() >= 4 && std::memcmp(text.data(), "PK\x03\x04", 4) == 0) &&
                  IsValidUtf8(text);
  if (!in_place) {
    GONGKAI_ASSIGN_OR_RETURN(converted, DecodeToUtf8(bytes, encoding));
    text = converted;
  }
  if (format == InputFormat::kAuto) format = DetectFormat(text);
  ImportResult res;
  switch (format) {
    case InputFormat::kJson: {
      GONGKAI_ASSIGN_OR_RETURN(res, ImportJson(text));
      break;
    }
    case InputFormat::kHtml:
      res = Interpret(ReadHtml(text));
      res.format = "html";
      break;
    case InputFormat::kPipe:
      res = Interpret(ReadPipeForm(text));
      res.format = "pipe";
      break;
    case InputFormat::kMarkdown:
      res = Interpret(ReadMarkdown(text));
      res.format = "markdown";
      break;
    case InputFormat::kAuto:
    case InputFormat::kXlsx:
    case InputFormat::kDocx:
    case InputFormat::kPdf:
    case InputFormat::kText:
      res = Interpret(ReadPlainText(text));
      res.format = "text";
      if (NoTableCells(res.report)) {
        // Perhaps scraped page text whose table cells run together (run_together.h).
        RunTogetherRead rt = ReadRunTogether(text);
        if (rt.rows_found > 0) {
          res = Interpret(rt.doc);
          res.format = "text";
          std::erase_if(res.issues, [&](const Finding& f) {
            if (f.rule != "I3") return false;
            for (const auto& row : rt.unread_rows) {
              if (f.message.starts_with("表二缺少“" + row + " · ") ||
                  f.message == "表三缺少行“" + row + "”" ||
                  (row == "表四" && f.message.starts_with("未找到表四"))) {
                return true;
              }
            }
            return false;
          });
          for (auto& f : rt.issues) res.issues.push_back(std::move(f));
          if (!rt.issues.empty()) res.complete = false;
        }
      }
      break;
  }
  res.encoding = encoding;
  if (encoding != "UTF-8") {
    res.issues.push_back({"I3", Severity::kInfo, "source", "文件编码",
                          "文件为 " + encoding + " 编码，已转换为 UTF-8 读取"});
  }
  return res;
}

}  // namespace gongkai::report

#pragma once
// Importing published reports: bytes in any supported form → AnnualReport + issues.
//
// Forms: the scraped `|` form (../shared/seeds), HTML, Markdown tables, plain text, our JSON,
// and XLSX/DOCX (a ZIP with xl/workbook.xml or word/document.xml; see ooxml.h), detected from
// the content; both templates detected from the labels. GB18030/GBK input is
// detected (not valid UTF-8 but valid GB18030) and converted. An error Status (kInvalidArgument,
// Chinese user message) only for input that is not a report at all: empty, binary, undecodable,
// malformed JSON. Everything else yields a result whose `issues` say what could not be read.
// Pure and thread-safe.

#include <string>
#include <string_view>

#include "core/result.h"
#include "report/document.h"

namespace gongkai::report {

enum class InputFormat { kAuto, kPipe, kHtml, kMarkdown, kText, kJson, kXlsx, kDocx, kPdf };

// Caps on PDF input (read_pdf.cc): larger files or more pages are refused, never parsed.
inline constexpr size_t kPdfMaxBytes = size_t{64} << 20;
inline constexpr int kPdfMaxPages = 300;

// "auto", "pipe", "html", "md"/"markdown", "txt"/"text", "json", "xlsx", "docx", "pdf" → format;
// nullopt otherwise.
std::optional<InputFormat> ParseInputFormat(std::string_view name);

// Detects the form of (UTF-8) text.
InputFormat DetectFormat(std::string_view text);

// Converts `bytes` to UTF-8 (BOM stripped). Sets `encoding` to "UTF-8" or "GB18030".
Result<std::string> DecodeToUtf8(std::string_view bytes, std::string& encoding);

Result<ImportResult> ImportReport(std::string_view bytes, InputFormat format = InputFormat::kAuto);

// Our JSON (docs/report-json.md); kInvalidArgument when it is not JSON or not our schema.
Result<ImportResult> ImportJson(std::string_view json);

// A ZIP package: XLSX or DOCX (`format` kXlsx, kDocx or kAuto to decide by its parts).
// kInvalidArgument when it is neither, damaged, or an entry exceeds 64 MiB uncompressed.
Result<ImportResult> ImportOoxml(std::string_view bytes, InputFormat format = InputFormat::kAuto);

// A PDF with a text layer (poppler): words by position rebuilt into a Document (read_pdf.cc).
// kInvalidArgument, with a Chinese message, for a damaged, encrypted, image-only (no OCR) or
// oversized PDF.
Result<Document> ReadPdf(std::string_view bytes);

}  // namespace gongkai::report

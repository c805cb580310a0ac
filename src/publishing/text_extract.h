#pragma once
// The text of an attachment, for screening and search: PDF (poppler's text layer, pages
// separated by a blank line), DOCX (word/document.xml: paragraphs as lines, w:tab as a tab,
// w:br as a line break), XLSX (every worksheet in order, rows as lines, cells joined with tabs,
// empty cells kept by their column letters, sheets separated by a blank line). Images, OFD,
// DOC and XLS have no extracted text (""). Bounded: PDFs over report::kPdfMaxBytes or
// report::kPdfMaxPages pages are refused, every ZIP part read is capped (ZipPackage: 64 MB, a zip
// bomb is refused) and the text returned is at most kMaxExtractedBytes. Pure and thread-safe.

#include <cstddef>
#include <string>
#include <string_view>

#include "core/result.h"
#include "publishing/attachment_file.h"

namespace gongkai::publishing {

inline constexpr size_t kMaxExtractedBytes = size_t{16} << 20;

// kInvalidArgument (Chinese message) when the file cannot be read as its type.
Result<std::string> ExtractText(FileKind kind, std::string_view bytes);

}  // namespace gongkai::publishing

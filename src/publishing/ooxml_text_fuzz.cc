// libFuzzer target for the DOCX/XLSX text extraction and the attachment checks: any bytes,
// read as a DOCX and as an XLSX (and as a ZIP holding them as word/document.xml and a sheet),
// either give text or a Chinese error; nothing crashes or reads past its caps.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "publishing/attachment_file.h"
#include "publishing/text_extract.h"
#include "report/ooxml.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace gongkai::publishing;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  for (FileKind kind : {FileKind::kDocx, FileKind::kXlsx}) {
    auto text = ExtractText(kind, bytes);
    if (!text.ok() && text.status().UserMessage().empty()) std::abort();
    if (text.ok() && text->size() > kMaxExtractedBytes) std::abort();
  }
  // The same bytes as the XML parts of a well-formed package, to reach the XML readers.
  auto zip = gongkai::report::WriteZip({{"[Content_Types].xml", "<Types/>"},
                                        {"word/document.xml", std::string(bytes)},
                                        {"xl/workbook.xml", "<workbook/>"},
                                        {"xl/sharedStrings.xml", std::string(bytes)},
                                        {"xl/worksheets/sheet1.xml", std::string(bytes)}});
  if (zip.ok()) {
    (void)ExtractText(FileKind::kDocx, *zip);
    (void)ExtractText(FileKind::kXlsx, *zip);
    (void)CheckAttachment("文.docx", *zip, size_t{64} << 20);
  }
  (void)CheckAttachment(std::string(bytes.substr(0, 64)) + ".pdf", bytes, size_t{1} << 20);
  return 0;
}

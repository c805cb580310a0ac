#pragma once
// Reading the Office Open XML packages our renderers write (render_docx.cc, render_xlsx.cc) and
// agencies publish from the same template: a ZIP read in memory with libzip, its XML parts read
// with XmlReader. Every entry read is capped (kMaxEntryBytes, and the same in total) so a
// zip bomb ends in a Chinese error instead of exhausting memory. Pure and thread-safe.

#include <zip.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "report/document.h"

namespace gongkai::report {

class ZipPackage {
 public:
  static constexpr size_t kMaxEntryBytes = size_t{64} << 20;

  // kInvalidArgument (Chinese message) when `bytes` is not a readable ZIP archive. The bytes are
  // read in place, not copied: they must outlive the package.
  static Result<ZipPackage> Open(std::string_view bytes);

  bool Has(const std::string& name) const;
  // The entry's uncompressed bytes; kInvalidArgument when missing, damaged or over the caps.
  Result<std::string> Read(const std::string& name);

 private:
  struct Closer {
    void operator()(zip_t* z) const;
  };
  std::unique_ptr<zip_t, Closer> zip_;
  size_t total_read_ = 0;
};

// One part of a package to write: its name in the archive and its bytes.
struct ZipEntry {
  std::string name;
  std::string data;
};
// A ZIP archive (deflated) of `entries` in order, built in memory with libzip; used by the DOCX
// writers (report, letters). kInternal (Chinese message: 无法生成 DOCX) if libzip fails.
Result<std::string> WriteZip(const std::vector<ZipEntry>& entries);

// XLSX: the workbook's sheets in order. The first sheet's rows are read as paragraphs or table
// rows; a later sheet that starts with a section heading met earlier (our renderer's one sheet
// per table) is placed at the end of that section. Shared and inline strings, numbers (written
// back as the shortest decimal of at most four places), merged cells (value in the first cell).
Result<Document> ReadXlsx(ZipPackage& pkg);

// DOCX: word/document.xml — body paragraphs, and tables with w:gridSpan cells once and
// w:vMerge continuation cells empty; nested tables' text joins their cell.
Result<Document> ReadDocx(ZipPackage& pkg);

}  // namespace gongkai::report

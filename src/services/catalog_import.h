#pragma once
// Moving an agency's catalog in and out (docs/catalog-format.md): JSON lines (columns, then
// items) or CSV (items), all-or-nothing, every error listed as "第N行：…". Imported items are
// published as they were in the old CMS (their 索引号 and 发布日期 kept, revision author
// "import"), and the agency's 索引号 sequence continues after the highest imported number of each
// year. The service does no file I/O: attachments come from a FileSource and go to a FileSink.

#include <cstdint>
#include <string>

#include "account/permissions.h"
#include "core/clock.h"
#include "storage/store.h"

namespace gongkai::services {

enum class CatalogFormat { kJsonLines, kCsv };

// The attachments an import names, by a relative path ("3a7b9c0d1e2f/通知.pdf"). The path is
// checked (no absolute path, no "..", no URL, no backslash) before Read is called.
class FileSource {
 public:
  virtual ~FileSource() = default;
  // The bytes, or kNotFound (Chinese, naming the path).
  virtual Result<std::string> Read(const std::string& path) = 0;
};

// Where an export writes the attachments (same relative paths).
class FileSink {
 public:
  virtual ~FileSink() = default;
  virtual Status Write(const std::string& path, const std::string& data) = 0;
};

struct CatalogImportOptions {
  FileSource* files = nullptr;  // nullptr: a file naming an attachment is an error
  bool dry_run = false;         // check everything, store nothing
};

struct CatalogImportSummary {
  int columns_created = 0;
  int columns_matched = 0;
  int items = 0;
  int files = 0;
  int links = 0;
};

// At most this many errors are listed; the rest are counted ("…另有 N 处错误").
inline constexpr int kMaxListedErrors = 100;

class CatalogTransferService {
 public:
  CatalogTransferService(storage::Store& store, const Clock& clock)
      : store_(store), clock_(clock) {}

  // kManageAgency on the agency. kInvalidArgument with every error, one per line, when anything
  // in the file is wrong (nothing is stored then); audited "catalog_import" with the counts.
  Result<CatalogImportSummary> Import(const account::Actor& actor, agency::AgencyId agency,
                                      const std::string& text, CatalogFormat format,
                                      const CatalogImportOptions& options);

  // The agency's columns (tree order) and published items (by id) in `format` (CSV: items only),
  // their attachments written to `files` (nullptr: not written, still named). kView.
  Result<std::string> Export(const account::Actor& actor, agency::AgencyId agency,
                             CatalogFormat format, FileSink* files);

 private:
  storage::Store& store_;
  const Clock& clock_;
};

}  // namespace gongkai::services

#pragma once
// Uploaded files (migrations/sqlite/006_uploads.sql): the attachments of an application and the
// agencies' seals. The bytes are checked by the services (type sniffed, sizes, names) before they
// get here.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "agency/agency.h"
#include "applications/application.h"
#include "core/result.h"

namespace gongkai::storage {

struct StoredAttachment {
  int64_t id = 0;
  applications::ApplicationId application_id = 0;
  std::string kind;  // "id_copy" | "description"
  std::string name;  // the original file name (no path)
  std::string mime;  // sniffed: application/pdf, image/png, image/jpeg
  int64_t size = 0;
  std::string sha256;  // hex of `data`
  std::string data;    // empty in List()
  int64_t created_at = 0;
};

class AttachmentRepository {
 public:
  virtual ~AttachmentRepository() = default;
  // `a.id` is ignored. kFailedPrecondition for an unknown application.
  virtual Result<int64_t> Insert(const StoredAttachment& a) = 0;
  // The application's attachments by id, without their bytes.
  virtual Result<std::vector<StoredAttachment>> List(applications::ApplicationId id) = 0;
  // One attachment with its bytes; kNotFound.
  virtual Result<StoredAttachment> Get(int64_t attachment_id) = 0;
};

// The 依申请公开专用章 of an agency.
struct StoredSeal {
  agency::AgencyId agency_id = 0;
  std::string png;
  std::string sha256;
  int width = 0;
  int height = 0;
  int64_t uploaded_at = 0;
  std::string uploaded_by;
};

class SealRepository {
 public:
  virtual ~SealRepository() = default;
  // Inserts or replaces the agency's seal.
  virtual Status Put(const StoredSeal& seal) = 0;
  virtual Result<std::optional<StoredSeal>> Get(agency::AgencyId agency) = 0;
  // kNotFound when the agency has none.
  virtual Status Delete(agency::AgencyId agency) = 0;
};

}  // namespace gongkai::storage

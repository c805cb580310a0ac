#pragma once
// The agency's 依申请公开专用章 (the seal printed on its letters), uploaded on the web by an agency
// administrator: PNG only (sniffed from the bytes), at most kMaxSealBytes, its pixel dimensions
// read from the IHDR chunk and bounded; stored in its own table with its SHA-256; every upload
// and removal audited.

#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "account/permissions.h"
#include "applications/application.h"
#include "core/clock.h"
#include "letters/letter.h"
#include "storage/store.h"

namespace gongkai::services {

inline constexpr size_t kMaxSealBytes = 512 * 1024;
inline constexpr int kMinSealPixels = 100;   // width and height, each
inline constexpr int kMaxSealPixels = 1200;  // ~10 cm at 300 dpi; a seal is 4–4.5 cm

// The width and height of a PNG from its IHDR chunk (the first chunk, 13 bytes). kInvalidArgument
// (Chinese) when the bytes are not a PNG or the IHDR is missing or malformed.
Result<std::pair<int, int>> PngDimensions(std::string_view png);

class SealService {
 public:
  SealService(storage::Store& store, const Clock& clock) : store_(store), clock_(clock) {}

  // Stores (or replaces) the agency's seal. kManageAgency on the agency (kPermissionDenied,
  // audited; kNotFound for an unknown agency). kInvalidArgument (Chinese, naming the limit) for
  // a non-PNG, more than kMaxSealBytes, or dimensions outside kMinSealPixels–kMaxSealPixels.
  Status Upload(const account::Actor& actor, agency::AgencyId agency, const std::string& png);
  // Removes it (kManageAgency; kNotFound when there is none). Letters then show an empty slot.
  Status Remove(const account::Actor& actor, agency::AgencyId agency);
  // The stored seal for the admin page (kView on the agency); nullopt when none.
  Result<std::optional<storage::StoredSeal>> Get(const account::Actor& actor,
                                                 agency::AgencyId agency);
  // The seal on the letters of the application's agency (empty when none). No authorization:
  // the caller has authorized the letter itself, and the seal is printed on every letter sent.
  Result<letters::Seal> ForApplication(applications::ApplicationId id);

 private:
  // Ok when `actor` holds `permission` on `agency`; else kNotFound / audited kPermissionDenied.
  Status Authorize(const account::Actor& actor, account::Permission permission,
                   agency::AgencyId agency, const std::string& action);

  storage::Store& store_;
  const Clock& clock_;
};

}  // namespace gongkai::services

#include "services/seal_service.h"

#include "account/password.h"
#include "services/attachments.h"
#include "services/audit.h"
#include "services/authorize.h"

namespace gongkai::services {

namespace {

std::string AgencyTarget(agency::AgencyId id) { return "agency:" + std::to_string(id); }

uint32_t BigEndian32(std::string_view b) {
  return (static_cast<uint32_t>(static_cast<unsigned char>(b[0])) << 24) |
         (static_cast<uint32_t>(static_cast<unsigned char>(b[1])) << 16) |
         (static_cast<uint32_t>(static_cast<unsigned char>(b[2])) << 8) |
         static_cast<uint32_t>(static_cast<unsigned char>(b[3]));
}

}  // namespace

Result<std::pair<int, int>> PngDimensions(std::string_view png) {
  // Signature (8), then the IHDR chunk: length 13 (4), "IHDR" (4), width (4), height (4), …
  if (SniffAttachmentType(png) != "image/png") {
    return InvalidArgument("seal not png",
                           "专用章图片须为 PNG 格式（按文件内容识别，与扩展名无关）");
  }
  if (png.size() < 8 + 8 + 13 + 4 || BigEndian32(png.substr(8, 4)) != 13 ||
      png.substr(12, 4) != "IHDR") {
    return InvalidArgument("seal without IHDR", "PNG 文件已损坏（缺少 IHDR 图像头）");
  }
  uint32_t w = BigEndian32(png.substr(16, 4));
  uint32_t h = BigEndian32(png.substr(20, 4));
  if (w == 0 || h == 0 || w > 0x7fffffff || h > 0x7fffffff) {
    return InvalidArgument("seal bad dimensions", "PNG 文件已损坏（图像尺寸无效）");
  }
  return std::pair<int, int>(static_cast<int>(w), static_cast<int>(h));
}

Status SealService::Authorize(const account::Actor& actor, account::Permission permission,
                              agency::AgencyId agency, const std::string& action) {
  return AuthorizeOnAgency(
      store_, clock_, actor, permission, agency, action, AgencyTarget(agency),
      permission == account::Permission::kView
          ? "无权查看该机构的专用章"
          : "无权管理该机构的专用章（需要该机构或其上级机构的机构管理员角色）");
}

Status SealService::Upload(const account::Actor& actor, agency::AgencyId agency,
                           const std::string& png) {
  GONGKAI_RETURN_IF_ERROR(
      Authorize(actor, account::Permission::kManageAgency, agency, "seal_upload"));
  if (png.size() > kMaxSealBytes) {
    return InvalidArgument("seal too large", "专用章图片过大（" + FileSizeText(png.size()) +
                                                 "），不超过 " + FileSizeText(kMaxSealBytes));
  }
  GONGKAI_ASSIGN_OR_RETURN(auto size, PngDimensions(png));
  auto [w, h] = size;
  if (w < kMinSealPixels || h < kMinSealPixels || w > kMaxSealPixels || h > kMaxSealPixels) {
    return InvalidArgument("seal dimensions", "专用章图片尺寸为 " + std::to_string(w) + "×" +
                                                  std::to_string(h) + " 像素，宽和高均应在 " +
                                                  std::to_string(kMinSealPixels) + "–" +
                                                  std::to_string(kMaxSealPixels) + " 像素之间");
  }
  storage::StoredSeal seal;
  seal.agency_id = agency;
  seal.png = png;
  seal.sha256 = account::Sha256Hex(png);
  seal.width = w;
  seal.height = h;
  seal.uploaded_at = clock_.NowUnixSeconds();
  seal.uploaded_by = actor.name;
  GONGKAI_ASSIGN_OR_RETURN(auto tx, store_.Begin(storage::TxMode::kWrite));
  GONGKAI_RETURN_IF_ERROR(tx->seals().Put(seal));
  GONGKAI_RETURN_IF_ERROR(AppendAudit(*tx, clock_, actor, "seal_upload", AgencyTarget(agency),
                                      std::to_string(w) + "×" + std::to_string(h) + " " +
                                          std::to_string(png.size()) +
                                          " bytes sha256:" + seal.sha256));
  return tx->Commit();
}

Status SealService::Remove(const account::Actor& actor, agency::AgencyId agency) {
  GONGKAI_RETURN_IF_ERROR(
      Authorize(actor, account::Permission::kManageAgency, agency, "seal_remove"));
  GONGKAI_ASSIGN_OR_RETURN(auto tx, store_.Begin(storage::TxMode::kWrite));
  GONGKAI_RETURN_IF_ERROR(tx->seals().Delete(agency));
  GONGKAI_RETURN_IF_ERROR(AppendAudit(*tx, clock_, actor, "seal_remove", AgencyTarget(agency), ""));
  return tx->Commit();
}

Result<std::optional<storage::StoredSeal>> SealService::Get(const account::Actor& actor,
                                                            agency::AgencyId agency) {
  GONGKAI_RETURN_IF_ERROR(Authorize(actor, account::Permission::kView, agency, "seal_view"));
  GONGKAI_ASSIGN_OR_RETURN(auto tx, store_.Begin(storage::TxMode::kRead));
  return tx->seals().Get(agency);
}

Result<letters::Seal> SealService::ForApplication(applications::ApplicationId id) {
  GONGKAI_ASSIGN_OR_RETURN(auto tx, store_.Begin(storage::TxMode::kRead));
  GONGKAI_ASSIGN_OR_RETURN(applications::Application app, tx->applications().Get(id));
  GONGKAI_ASSIGN_OR_RETURN(auto seal, tx->seals().Get(app.agency_id));
  return letters::Seal{seal ? seal->png : std::string()};
}

}  // namespace gongkai::services

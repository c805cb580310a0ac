// Uploaded files on the staff side: an application's attachments (download, authorized per
// agency by the service) and the agency's 依申请公开专用章 (page, image, upload, removal; the
// service checks the PNG, its size and pixel dimensions, and audits).
#include "http/handlers/application_view.h"
#include "http/handlers/catalog_handlers.h"
#include "http/handlers/handlers.h"
#include "services/attachments.h"

namespace gongkai::http {

namespace {

HttpResponse SealPage(const HttpRequest& req, WebApp& app, const services::SignedIn& who,
                      agency::AgencyId id, int status, const std::string& notice,
                      const std::string& error) {
  auto agency = app.agencies().Get(id);
  if (!agency.ok()) return app.Error(req, agency.status());
  auto seal = app.seals().Get(who.actor, id);
  if (!seal.ok()) return app.Error(req, seal.status());
  mstch::map m{{"agency_id", std::to_string(id)},
               {"agency_name", agency->name},
               {"csrf", who.session.csrf_token},
               {"notice", notice},
               {"error", error},
               {"max_bytes", services::FileSizeText(services::kMaxSealBytes)},
               {"min_px", std::to_string(services::kMinSealPixels)},
               {"max_px", std::to_string(services::kMaxSealPixels)},
               {"has_seal", seal->has_value()}};
  if (*seal) {
    const storage::StoredSeal& s = **seal;
    m["width"] = std::to_string(s.width);
    m["height"] = std::to_string(s.height);
    m["size"] = services::FileSizeText(s.png.size());
    m["sha256"] = s.sha256;
    m["uploaded_by"] = s.uploaded_by;
  }
  return app.Page(status, "agency_seal", "依申请公开专用章", std::move(m), &who);
}

std::string TypeLabel(const std::string& mime) {
  if (mime == "application/pdf") return "PDF";
  if (mime == "image/png") return "PNG 图片";
  return "JPEG 图片";
}

}  // namespace

HttpResponse DownloadResponse(std::string mime, std::string name, std::string data) {
  HttpResponse r;
  r.content_type = std::move(mime);
  r.body = std::move(data);
  r.AddHeader("Content-Disposition",
              "attachment; filename=\"download\"; filename*=UTF-8''" + PercentEncode(name));
  r.AddHeader("X-Content-Type-Options", "nosniff");
  r.AddHeader("Cache-Control", "private, no-store");
  return r;
}

mstch::array AttachmentRows(const std::vector<services::Attachment>& attachments) {
  mstch::array rows;
  for (const services::Attachment& a : attachments) {
    auto kind = a.kind == "id_copy" ? services::AttachmentKind::kIdCopy
                                    : services::AttachmentKind::kDescription;
    rows.push_back(mstch::map{{"kind", std::string(services::AttachmentKindLabel(kind))},
                              {"name", a.name},
                              {"type", TypeLabel(a.mime)},
                              {"size", services::FileSizeText(static_cast<size_t>(a.size))},
                              {"sha256", a.sha256},
                              {"attachment_id", std::to_string(a.id)}});
  }
  return rows;
}

HttpResponse HandleAdminAttachment(const HttpRequest& req, WebApp& app) {
  auto who = app.CurrentUser(req);
  if (!who) return app.SignInRequired(req);
  auto id = ParseId(req.PathParam("id"));
  if (!id.ok()) return app.Error(req, id.status());
  auto attachment_id = ParseId(req.PathParam("attachment"));
  if (!attachment_id.ok()) return app.Error(req, attachment_id.status());
  auto a = app.applications().GetAttachment(who->actor, *id, *attachment_id);
  if (!a.ok()) return app.Error(req, a.status());
  return DownloadResponse(a->mime, a->name, std::move(a->data));
}

HttpResponse HandleAdminSeal(const HttpRequest& req, WebApp& app) {
  auto who = app.CurrentUser(req);
  if (!who) return app.SignInRequired(req);
  auto id = ParseId(req.PathParam("id"));
  if (!id.ok()) return app.Error(req, id.status());
  return SealPage(req, app, *who, *id, 200, "", "");
}

HttpResponse HandleAdminSealImage(const HttpRequest& req, WebApp& app) {
  auto who = app.CurrentUser(req);
  if (!who) return app.SignInRequired(req);
  auto id = ParseId(req.PathParam("id"));
  if (!id.ok()) return app.Error(req, id.status());
  auto seal = app.seals().Get(who->actor, *id);
  if (!seal.ok()) return app.Error(req, seal.status());
  if (!*seal) return app.Error(req, NotFound("no seal", "本机关尚未上传专用章"));
  HttpResponse r;
  r.content_type = "image/png";
  r.body = (*seal)->png;
  r.AddHeader("X-Content-Type-Options", "nosniff");
  r.AddHeader("Cache-Control", "private, no-store");
  return r;
}

HttpResponse HandleAdminSealUpload(const HttpRequest& req, WebApp& app) {
  auto who = app.CurrentUser(req);
  if (!who) return app.SignInRequired(req);
  Status csrf = app.CheckCsrf(req, *who);
  if (!csrf.ok()) return app.Error(req, csrf);
  auto id = ParseId(req.PathParam("id"));
  if (!id.ok()) return app.Error(req, id.status());
  const MultipartForm& form = req.Multipart();
  std::string png;
  Status s = form.status;
  if (s.ok()) {
    for (const MultipartFile& f : form.files) {
      if (f.field == "seal") png = f.data;
    }
    s = png.empty() ? InvalidArgument("no seal file", "请选择专用章图片（PNG 文件）")
                    : app.seals().Upload(who->actor, *id, png);
  }
  if (!s.ok()) {
    if (s.code() == StatusCode::kPermissionDenied || s.code() == StatusCode::kNotFound) {
      return app.Error(req, s);
    }
    return SealPage(req, app, *who, *id, 422, "", s.UserMessage());
  }
  return SealPage(req, app, *who, *id, 200, "已保存专用章，此后生成的文书均使用此章。", "");
}

HttpResponse HandleAdminSealRemove(const HttpRequest& req, WebApp& app) {
  auto who = app.CurrentUser(req);
  if (!who) return app.SignInRequired(req);
  Status csrf = app.CheckCsrf(req, *who);
  if (!csrf.ok()) return app.Error(req, csrf);
  auto id = ParseId(req.PathParam("id"));
  if (!id.ok()) return app.Error(req, id.status());
  Status s = app.seals().Remove(who->actor, *id);
  if (!s.ok() && s.code() != StatusCode::kNotFound) return app.Error(req, s);
  if (!s.ok()) return SealPage(req, app, *who, *id, 409, "", s.UserMessage());
  return SealPage(req, app, *who, *id, 200, "已删除专用章，文书上将留出盖章位置。", "");
}

}  // namespace gongkai::http

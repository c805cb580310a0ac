// Uploads over real HTTP: attachments on /apply and the staff form (every refusal with its
// Chinese message beside the field and nothing stored; a stored one listed and downloaded per
// agency), every error of /apply shown at once, and the agency's seal (PNG, bytes and pixel
// limits, audited, replaced and removed, used on the letters).
#include "account/password.h"
#include "applications_web_fixture.h"
#include "multipart_body.h"
#include "storage/store.h"

namespace gongkai::apps_web {
namespace {

using testing_util::MultipartBody;
using testing_util::MultipartHeader;
using testing_util::Part;
using testing_util::Pdf;
using testing_util::Png;

class UploadsWebTest : public ApplicationsWebTest {
 protected:
  void Seed() override {
    ApplicationsWebTest::Seed();
    services::AccountService accounts(*store_, clock_, security_);
    AddUser(accounts, "admin", {{account::Role::kAgencyAdmin, bureau_}});
  }

  // The /apply form with these extra parts, sent as multipart/form-data.
  HttpReply Apply(std::vector<Part> extra,
                  std::vector<std::pair<std::string, std::string>> fields) {
    HttpReply form = Send("GET", "/apply");
    std::string token = CookieValue(form, "gk_apply");
    std::vector<Part> parts = {{"_csrf", token, "", ""}};
    for (const auto& [k, v] : fields) parts.push_back({k, v, "", ""});
    for (Part& p : extra) parts.push_back(std::move(p));
    return Send("POST", "/apply", MultipartBody(parts),
                MultipartHeader() + "Cookie: gk_apply=" + token + "\r\n");
  }
  HttpReply Apply(std::vector<Part> extra) {
    return Apply(std::move(extra), ApplyFields("企业名单"));
  }

  // Applications and attachments stored at the bureau.
  std::pair<size_t, size_t> Stored() {
    auto tx = store_->Begin(storage::TxMode::kRead).value();
    auto apps = tx->applications().ListByAgency(bureau_).value();
    size_t files = 0;
    for (const auto& a : apps) files += tx->attachments().List(a.id).value().size();
    return {apps.size(), files};
  }

  void ExpectRefused(const HttpReply& r, const std::string& field, const std::string& message) {
    EXPECT_EQ(r.status, 422) << r.body.substr(0, 2000);
    EXPECT_TRUE(
        Contains(r.body, "<p class=\"field-error\" id=\"" + field + "-error\">" + message + "</p>"))
        << r.body;
    EXPECT_EQ(Stored(), (std::pair<size_t, size_t>{0, 0}));
  }
};

TEST_F(UploadsWebTest, WrongTypeIsRefusedWhateverTheNameAndContentType) {
  HttpReply r =
      Apply({{"attachment_id_copy", "MZ\x90\x00 not a pdf", "身份证.pdf", "application/pdf"}});
  ExpectRefused(r, "attachment_id_copy",
                "文件“身份证.pdf”不是 PDF、PNG 或 JPEG 文件（按文件内容识别，与扩展名无关），"
                "请转换为这三种格式之一");
  EXPECT_TRUE(Contains(r.body,
                       "aria-invalid=\"true\" aria-describedby=\"attachment_id_copy-error\" "
                       "autofocus"));
}

TEST_F(UploadsWebTest, TooLargeFileAndTooLargeTotalAreRefused) {
  ExpectRefused(Apply({{"attachment_id_copy", Pdf((5 << 20) + 1), "scan.pdf"}}),
                "attachment_id_copy", "文件“scan.pdf”过大（5.0 MiB），每个文件不超过 5.0 MiB");
  std::string part = Pdf(3670016);  // 3.5 MiB
  ExpectRefused(Apply({{"attachment_description", part, "a.pdf"},
                       {"attachment_description", part, "b.pdf"},
                       {"attachment_description", part, "c.pdf"}}),
                "attachments", "附件合计过大（10.5 MiB），合计不超过 10.0 MiB");
}

TEST_F(UploadsWebTest, TooManyFilesAreRefused) {
  std::vector<Part> six;
  for (int i = 1; i <= 6; ++i) {
    six.push_back({"attachment_description", Pdf(100), "p" + std::to_string(i) + ".pdf"});
  }
  ExpectRefused(Apply(six), "attachments", "附件过多（6 个），最多 5 个文件");
}

TEST_F(UploadsWebTest, NameWithAPathIsRefused) {
  const std::string message =
      "文件名含有路径（&#x2F; \\ 或 ..），已拒收。请把文件改名（只保留文件名本身）后重新选择";
  ExpectRefused(Apply({{"attachment_id_copy", Pdf(100), "../../etc/id.pdf"}}), "attachment_id_copy",
                message);
  ExpectRefused(Apply({{"attachment_id_copy", Pdf(100), "C:\\Users\\li\\id.pdf"}}),
                "attachment_id_copy", message);
  ExpectRefused(Apply({{"attachment_id_copy", Pdf(100), "id\x01.pdf"}}), "attachment_id_copy",
                "文件名含有控制字符，已拒收。请把文件改名（只保留文件名本身）后重新选择");
}

TEST_F(UploadsWebTest, EveryErrorIsShownAtOnceBesideItsFieldWithFocusOnTheFirst) {
  auto fields = ApplyFields("企业名单");
  for (auto& [k, v] : fields) {
    if (k == "identity.number") v = "110105194912310021";  // wrong check digit
    if (k == "contact.phone" || k == "contact.email") v = "";
  }
  HttpReply r = Apply({{"attachment_id_copy", "GIF89a", "id.gif", "image/gif"}}, fields);
  EXPECT_EQ(r.status, 422);
  EXPECT_TRUE(Contains(r.body, "<p>有 3 处需要修改，请按各项旁的提示修改后重新提交：</p>"))
      << r.body;
  EXPECT_TRUE(Contains(r.body,
                       "<p class=\"field-error\" id=\"identity_number-error\">"
                       "身份证号码校验位错误：第18位应为X</p>"));
  EXPECT_TRUE(Contains(r.body,
                       "value=\"110105194912310021\" aria-invalid=\"true\" "
                       "aria-describedby=\"identity_number-error\" autofocus>"));
  EXPECT_TRUE(Contains(r.body,
                       "<p class=\"field-error\" id=\"contact-error\">"
                       "请至少填写联系电话、电子邮箱或通信地址中的一项</p>"));
  EXPECT_TRUE(
      Contains(r.body, "id=\"attachment_id_copy-error\">文件“id.gif”不是 PDF、PNG 或 JPEG"));
  size_t focused = 0;  // only one field has the focus
  for (size_t at = r.body.find("autofocus"); at != std::string::npos;
       at = r.body.find("autofocus", at + 1)) {
    ++focused;
  }
  EXPECT_EQ(focused, 1u);
  EXPECT_TRUE(
      Contains(r.body, "<legend>联系方式（联系电话、电子邮箱、通信地址至少填写一项）</legend>"));
  EXPECT_FALSE(Contains(r.body, "联系电话（必填）"));
  EXPECT_EQ(Stored(), (std::pair<size_t, size_t>{0, 0}));
}

TEST_F(UploadsWebTest, StoredAttachmentIsListedAndDownloadedOnlyByItsAgency) {
  std::string jpeg = "\xFF\xD8\xFF\xE0" + std::string(500, 'j');
  HttpReply r =
      Apply({{"attachment_id_copy", jpeg, "身份证.jpg", "image/jpeg"},
             {"attachment_description", Pdf(2048), "通知.pdf", "application/octet-stream"}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_TRUE(Contains(
      r.body, "身份证明复印件：身份证.jpg（504 字节）<br>所需信息的描述材料：通知.pdf（2 KiB）"));
  EXPECT_EQ(Stored(), (std::pair<size_t, size_t>{1, 2}));

  std::string clerk = SignIn("clerk");
  int64_t id = IdOf(clerk, "樟工信依申〔2024〕1号");
  std::string cookie = "Cookie: gk_session=" + clerk + "\r\n";
  HttpReply page = Send("GET", "/admin/applications/" + std::to_string(id), "", cookie);
  std::string href = "/admin/applications/" + std::to_string(id) + "/attachments/1";
  EXPECT_TRUE(
      Contains(page.body, "<td data-label=\"文件名\"><a href=\"" + href +
                              "\" download>身份证.jpg</a></td><td data-label=\"类型\">JPEG 图片"
                              "</td><td data-label=\"大小\">504 字节</td>"))
      << page.body;
  EXPECT_TRUE(Contains(page.body, account::Sha256Hex(jpeg)));
  HttpReply file = Send("GET", href, "", cookie);
  ASSERT_EQ(file.status, 200);
  EXPECT_EQ(file.body, jpeg);
  EXPECT_EQ(file.Header("content-type"), "image/jpeg");
  EXPECT_EQ(file.Header("x-content-type-options"), "nosniff");
  EXPECT_EQ(file.Header("content-disposition"),
            "attachment; filename=\"download\"; filename*=UTF-8''" + Enc("身份证.jpg"));
  EXPECT_EQ(Send("GET", "/admin/applications/" + std::to_string(id) + "/attachments/2", "", cookie)
                .Header("content-type"),
            "application/pdf");  // sniffed, not the browser's octet-stream
  std::string other = SignIn("other");
  EXPECT_EQ(Send("GET", href, "", "Cookie: gk_session=" + other + "\r\n").status, 403);
  EXPECT_EQ(Send("GET", "/admin/applications/" + std::to_string(id) + "/attachments/9", "", cookie)
                .status,
            404);
}

TEST_F(UploadsWebTest, StaffRegistrationTakesAttachmentsAndRefusesBadOnes) {
  std::string clerk = SignIn("clerk");
  std::string csrf = CsrfOf(clerk);
  auto form = [&](Part file) {
    std::vector<Part> parts = {{"_csrf", csrf, "", ""},
                               {"agency_id", std::to_string(bureau_), "", ""},
                               {"channel", "in_person", "", ""},
                               {"submitted_date", "2024-11-26", "", ""},
                               {"applicant_kind", "natural_person", "", ""},
                               {"contact.name", "王芳", "", ""},
                               {"identity.number", kResidentId, "", ""},
                               {"contact.address", "樟树市药都南大道1号", "", ""},
                               {"description", "2024年企业名单", "", ""},
                               file};
    return Send("POST", "/admin/applications", MultipartBody(parts),
                MultipartHeader() + "Cookie: gk_session=" + clerk + "\r\n");
  };
  ExpectRefused(
      form({"attachment_description", Pdf(10), "a/b.pdf"}), "attachment_description",
      "文件名含有路径（&#x2F; \\ 或 ..），已拒收。请把文件改名（只保留文件名本身）后重新选择");
  HttpReply ok = form({"attachment_description", Png(200, 100), "信封.png", "image/png"});
  ASSERT_EQ(ok.status, 200) << ok.body;
  EXPECT_TRUE(Contains(ok.body, "已登记：樟工信依申〔2024〕1号"));
  EXPECT_TRUE(Contains(ok.body, "\" download>信封.png</a>"));
  EXPECT_EQ(Stored(), (std::pair<size_t, size_t>{1, 1}));
}

TEST_F(UploadsWebTest, SealIsCheckedStoredAuditedUsedOnLettersAndRemoved) {
  std::string admin = SignIn("admin");
  std::string csrf = CsrfOf(admin);
  std::string seal_path = "/admin/agencies/" + std::to_string(bureau_) + "/seal";
  auto upload = [&](const std::string& who, const std::string& token, const std::string& bytes) {
    return Send("POST", seal_path,
                MultipartBody({{"_csrf", token, "", ""}, {"seal", bytes, "seal.png", "image/png"}}),
                MultipartHeader() + "Cookie: gk_session=" + who + "\r\n");
  };
  auto refused = [&](const std::string& bytes, const std::string& message) {
    HttpReply r = upload(admin, csrf, bytes);
    EXPECT_EQ(r.status, 422);
    EXPECT_TRUE(Contains(r.body, "<p class=\"error\" role=\"alert\" id=\"seal-error\">" + message))
        << r.body;
  };
  refused("\xFF\xD8\xFF\xE0 jpeg", "专用章图片须为 PNG 格式（按文件内容识别，与扩展名无关）");
  refused(Png(300, 300, 512 * 1024), "专用章图片过大（513 KiB），不超过 512 KiB");
  refused(Png(50, 50), "专用章图片尺寸为 50×50 像素，宽和高均应在 100–1200 像素之间");
  refused(Png(2000, 300), "专用章图片尺寸为 2000×300 像素，宽和高均应在 100–1200 像素之间");
  refused(std::string("\x89PNG\r\n\x1a\n", 8) + "short", "PNG 文件已损坏（缺少 IHDR 图像头）");
  EXPECT_TRUE(Contains(Send("GET", seal_path, "", "Cookie: gk_session=" + admin + "\r\n").body,
                       "<p id=\"seal-none\">"));

  // A clerk may not upload.
  std::string clerk = SignIn("clerk");
  EXPECT_EQ(upload(clerk, CsrfOf(clerk), Png(300, 300)).status, 403);

  std::string png = Png(400, 400, 64);
  HttpReply ok = upload(admin, csrf, png);
  ASSERT_EQ(ok.status, 200) << ok.body;
  EXPECT_TRUE(Contains(ok.body, "已保存专用章，此后生成的文书均使用此章。"));
  EXPECT_TRUE(Contains(ok.body, "<p id=\"seal-info\">400×400 像素，"));
  EXPECT_TRUE(Contains(ok.body, account::Sha256Hex(png)));
  HttpReply image = Send("GET", seal_path + ".png", "", "Cookie: gk_session=" + admin + "\r\n");
  EXPECT_EQ(image.body, png);
  EXPECT_EQ(image.Header("content-type"), "image/png");

  // The letters use it (decided at once: no approval chain in this test).
  ASSERT_TRUE(
      app_->applications().SetDecisionChain(account::Actor::Console(), bureau_, "none").ok());
  ASSERT_EQ(SubmitOnline(ApplyFields("企业名单")).status, 200);
  int64_t id = IdOf(clerk, "樟工信依申〔2024〕1号");
  ASSERT_EQ(Api("POST", "/api/v1/applications/" + std::to_string(id) + "/events", clerk,
                R"({"type":"decided","date":"2024-11-26","outcomes":["1"]})", CsrfOf(clerk))
                .status,
            201);
  std::string letter = "/admin/applications/" + std::to_string(id) + "/letters/reply";
  HttpReply html = Send("GET", letter, "", "Cookie: gk_session=" + clerk + "\r\n");
  EXPECT_TRUE(Contains(
      html.body, "<img class=\"seal\" alt=\"依申请公开专用章\" src=\"data:image/png;base64,"));
  HttpReply docx = Send("GET", letter + "/docx", "", "Cookie: gk_session=" + clerk + "\r\n");
  EXPECT_TRUE(Contains(docx.body, "word/media/seal.png"));

  // Removal is audited too; the letter then has the empty slot.
  HttpReply removed = Send("POST", seal_path + "/remove", FormBody({{"_csrf", csrf}}),
                           std::string(kForm) + "Cookie: gk_session=" + admin + "\r\n");
  EXPECT_TRUE(Contains(removed.body, "已删除专用章，文书上将留出盖章位置。"));
  html = Send("GET", letter, "", "Cookie: gk_session=" + clerk + "\r\n");
  EXPECT_TRUE(Contains(html.body, "<div class=\"seal-slot\">（印章）</div>"));
  auto tx = store_->Begin(storage::TxMode::kRead).value();
  std::vector<std::string> actions;
  auto audit = tx->audit().List(100, 0).value();
  for (const auto& e : audit) {
    if (e.action.rfind("seal_", 0) == 0) actions.push_back(e.action + " " + e.outcome);
  }
  EXPECT_EQ(actions,
            (std::vector<std::string>{"seal_remove ok", "seal_upload ok", "seal_upload denied"}));
}

}  // namespace
}  // namespace gongkai::apps_web

// The catalog's staff pages over real HTTP: the column tree editor (add, move, delete, the
// 索引号 preview; 403 for an editor), the item editor without JavaScript (plain textarea →
// paragraphs), errors beside their fields with the input kept, attachments (upload, download
// with the stored type and an RFC 5987 name; a .pdf that is a PNG refused), the conflict page
// with both texts, CSRF, another agency's editor, and the JSON API.
#include "multipart_body.h"
#include "services/catalog_service.h"
#include "web_fixture.h"

namespace gongkai::web_test {
namespace {

using testing_util::MultipartBody;
using testing_util::MultipartHeader;
using testing_util::Part;
using testing_util::Pdf;
using testing_util::Png;

class CatalogWebTest : public WebFixture {
 protected:
  CatalogWebTest() : WebFixture(4 << 20) {}

  void Seed() override {
    AddThreeAgencies("市工信局", "市教体局");
    services::AccountService accounts(*store_, clock_, security_);
    AddUser(accounts, "admin", {{account::Role::kAgencyAdmin, bureau_}});
    AddUser(accounts, "editor", {{account::Role::kEditor, bureau_}});
    AddUser(accounts, "editor2", {{account::Role::kEditor, bureau_}});
    AddUser(accounts, "outsider", {{account::Role::kEditor, sibling_}});
  }

  services::CatalogService Catalog() { return services::CatalogService(*store_, clock_); }

  // The bureau's column with this code (the default tree is created on first use).
  catalog::Column ColumnOf(const std::string& code) {
    auto all = Catalog().Columns(account::Actor::Console(), bureau_);
    EXPECT_TRUE(all.ok());
    for (const catalog::Column& c : *all) {
      if (c.code == code) return c;
    }
    ADD_FAILURE() << "no column " << code;
    return {};
  }

  std::string Cookie(const std::string& session) {
    return "Cookie: gk_session=" + session + "\r\n";
  }

  HttpReply Post(const std::string& session, const std::string& path, const std::string& body) {
    return Send("POST", path, body, std::string(kForm) + Cookie(session));
  }

  // The editor form as multipart, with the session's CSRF token unless `csrf` is given.
  HttpReply PostItem(const std::string& session, const std::string& path, std::vector<Part> parts,
                     std::string csrf = "") {
    if (csrf.empty()) csrf = CsrfOf(session);
    parts.insert(parts.begin(), Part{"_csrf", csrf, "", ""});
    return Send("POST", path, MultipartBody(parts), MultipartHeader() + Cookie(session));
  }

  // A new draft in 工作动态 through the form; its id.
  int64_t NewDraft(const std::string& session, const std::string& title, const std::string& body,
                   std::vector<Part> extra = {}, const std::string& column = "gzdt") {
    std::vector<Part> parts = {{"column_id", std::to_string(ColumnOf(column).id), "", ""},
                               {"title", title, "", ""},
                               {"body", body, "", ""},
                               {"body_format", "text", "", ""},
                               {"attribute", "active", "", ""}};
    for (Part& p : extra) parts.push_back(std::move(p));
    HttpReply r = PostItem(session, "/admin/items", parts);
    EXPECT_EQ(r.status, 303) << r.body;
    std::string id = Match(r.Header("location"), "/admin/items/(\\d+)");
    return id.empty() ? 0 : std::stoll(id);
  }
};

TEST_F(CatalogWebTest, TreeEditorAddsMovesAndDeletesAColumnAndShowsTheNextIndexNumber) {
  std::string admin = SignIn("admin");
  std::string csrf = CsrfOf(admin);
  HttpReply page =
      Send("GET", "/admin/catalog?agency=" + std::to_string(bureau_), "", Cookie(admin));
  EXPECT_EQ(page.status, 200);
  EXPECT_NE(page.body.find(">工作动态</a>"), std::string::npos);
  EXPECT_NE(page.body.find("id=\"add-column\""), std::string::npos);
  // No 统一社会信用代码 on the agency: the preview says what is missing.
  EXPECT_NE(page.body.find("请先填写机构的统一社会信用代码"), std::string::npos);

  catalog::Column section = ColumnOf("jcgk");  // 决策公开: 政府文件, 其他有关文件, 政策解读
  HttpReply added = Post(admin, "/admin/columns",
                         "_csrf=" + csrf + "&agency_id=" + std::to_string(bureau_) +
                             "&name=%E8%A7%84%E8%8C%83%E6%80%A7%E6%96%87%E4%BB%B6&code=gfxwj"
                             "&parent_id=" +
                             std::to_string(section.id) + "&kind=documents&freshness=notice");
  EXPECT_EQ(added.status, 200) << added.body;
  EXPECT_NE(added.body.find("已新增栏目"), std::string::npos);
  auto order = [&] {
    std::vector<std::string> codes;
    auto all = Catalog().Columns(account::Actor::Console(), bureau_);
    for (const catalog::Column& c : *all) {
      if (c.parent_id == section.id) codes.push_back(c.code);
    }
    return codes;
  };
  EXPECT_EQ(order(), (std::vector<std::string>{"zfwj", "qtwj", "zcjd", "gfxwj"}));
  catalog::Column mine = ColumnOf("gfxwj");
  EXPECT_EQ(mine.name, "规范性文件");
  EXPECT_EQ(mine.freshness, catalog::Freshness::kNotice);

  std::string move = "/admin/columns/" + std::to_string(mine.id) + "/move";
  EXPECT_EQ(Post(admin, move, "_csrf=" + csrf + "&direction=up").status, 200);
  EXPECT_EQ(Post(admin, move, "_csrf=" + csrf + "&direction=up").status, 200);
  EXPECT_EQ(order(), (std::vector<std::string>{"zfwj", "gfxwj", "qtwj", "zcjd"}));
  EXPECT_EQ(Post(admin, move, "_csrf=" + csrf + "&direction=down").status, 200);
  EXPECT_EQ(order(), (std::vector<std::string>{"zfwj", "qtwj", "gfxwj", "zcjd"}));

  // A column with an item cannot be deleted; an empty one can.
  std::string editor = SignIn("editor");
  int64_t item = NewDraft(editor, "某文件", "正文");
  ASSERT_NE(item, 0);
  HttpReply refused = Post(
      admin, "/admin/columns/" + std::to_string(ColumnOf("gzdt").id) + "/delete", "_csrf=" + csrf);
  EXPECT_EQ(refused.status, 409);
  HttpReply deleted =
      Post(admin, "/admin/columns/" + std::to_string(mine.id) + "/delete", "_csrf=" + csrf);
  EXPECT_EQ(deleted.status, 200);
  EXPECT_NE(deleted.body.find("已删除栏目"), std::string::npos);
  EXPECT_EQ(order(), (std::vector<std::string>{"zfwj", "qtwj", "zcjd"}));

  // The item count shows in the tree.
  HttpReply tree =
      Send("GET", "/admin/catalog?agency=" + std::to_string(bureau_), "", Cookie(admin));
  EXPECT_NE(tree.body.find("<span class=\"count\">1</span> 条"), std::string::npos);
}

TEST_F(CatalogWebTest, AnEditorCannotChangeTheTreeAndSeesNoForms) {
  std::string editor = SignIn("editor");
  HttpReply page =
      Send("GET", "/admin/catalog?agency=" + std::to_string(bureau_), "", Cookie(editor));
  EXPECT_EQ(page.status, 200);
  EXPECT_EQ(page.body.find("id=\"add-column\""), std::string::npos);
  HttpReply r = Post(editor, "/admin/columns",
                     "_csrf=" + CsrfOf(editor) + "&agency_id=" + std::to_string(bureau_) +
                         "&name=x&code=x&kind=documents&freshness=none");
  EXPECT_EQ(r.status, 403);
  EXPECT_NE(r.body.find("无权管理该机构的目录栏目"), std::string::npos);
}

TEST_F(CatalogWebTest, PlainTextareaBecomesParagraphsAndThePageShowsMetadataAndHistory) {
  std::string editor = SignIn("editor");
  int64_t id = NewDraft(editor, "市工信局召开安全生产会议", "第一段<b>不是标签</b>\n\n第二段",
                        {{"doc_number", "樟工信字〔2024〕12号", "", ""},
                         {"written_on", "2024-03-01", "", ""},
                         {"theme", "工业、交通\\信息产业（含电信）", "", ""},
                         {"genre", "通知", "", ""}});
  ASSERT_NE(id, 0);
  auto view = Catalog().Get(account::Actor::Console(), id);
  ASSERT_TRUE(view.ok());
  EXPECT_EQ(view->latest.content.body_html,
            "<p>第一段&lt;b&gt;不是标签&lt;/b&gt;</p>\n<p>第二段</p>");
  EXPECT_EQ(view->latest.content.doc_number, "樟工信字〔2024〕12号");
  EXPECT_EQ(view->latest.content.publisher, "樟树市工业和信息化局");
  EXPECT_EQ(view->record.created_by, "editor");

  HttpReply page = Send("GET", "/admin/items/" + std::to_string(id), "", Cookie(editor));
  EXPECT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("<p>第一段&lt;b&gt;不是标签&lt;/b&gt;</p>"), std::string::npos);
  EXPECT_NE(page.body.find("<td data-label=\"内容\">2024-03-01</td>"), std::string::npos);
  EXPECT_NE(page.body.find("<td data-label=\"变更字段\">新建</td>"), std::string::npos);

  // A second version changing the title only: the history names it.
  HttpReply saved = PostItem(editor, "/admin/items/" + std::to_string(id),
                             {{"expected_revision", "1", "", ""},
                              {"title", "市工信局召开安全生产工作会议", "", ""},
                              {"body", view->latest.content.body_html, "", ""},
                              {"body_format", "html", "", ""},
                              {"doc_number", "樟工信字〔2024〕12号", "", ""},
                              {"written_on", "2024-03-01", "", ""},
                              {"theme", "工业、交通\\信息产业（含电信）", "", ""},
                              {"genre", "通知", "", ""},
                              {"attribute", "active", "", ""},
                              {"note", "标题补全", "", ""}});
  EXPECT_EQ(saved.status, 303) << saved.body;
  page = Send("GET", "/admin/items/" + std::to_string(id), "", Cookie(editor));
  EXPECT_NE(page.body.find(
                "<td data-label=\"修改说明\">标题补全</td><td data-label=\"变更字段\">名称</td>"),
            std::string::npos)
      << page.body;
  // And shows the words that changed.
  size_t diff = page.body.find("<summary>第2版与第1版的文字差异</summary><div class=\"diff\">");
  ASSERT_NE(diff, std::string::npos) << page.body;
  EXPECT_NE(page.body.find("<ins>", diff), std::string::npos);

  // My drafts lists it; the other editor's list does not.
  HttpReply mine =
      Send("GET", "/admin/items?mine=1&agency=" + std::to_string(bureau_), "", Cookie(editor));
  EXPECT_NE(mine.body.find("市工信局召开安全生产工作会议</a>"), std::string::npos);
  HttpReply theirs = Send("GET", "/admin/items?mine=1&agency=" + std::to_string(bureau_), "",
                          Cookie(SignIn("editor2")));
  EXPECT_NE(theirs.body.find("您没有草稿。"), std::string::npos);
}

TEST_F(CatalogWebTest, FieldErrorsShowBesideTheirFieldsWithTheInputKept) {
  std::string editor = SignIn("editor");
  HttpReply r = PostItem(editor, "/admin/items",
                         {{"column_id", std::to_string(ColumnOf("gzdt").id), "", ""},
                          {"title", "", "", ""},
                          {"summary", "保留的概述", "", ""},
                          {"body", "保留的正文", "", ""},
                          {"attribute", "active", "", ""}});
  EXPECT_EQ(r.status, 422);
  EXPECT_NE(r.body.find("<p class=\"field-error\" id=\"title-error\">名称不能为空</p>"),
            std::string::npos);
  EXPECT_NE(r.body.find(">保留的概述</textarea>"), std::string::npos);
  EXPECT_NE(r.body.find(">保留的正文</textarea>"), std::string::npos);

  r = PostItem(editor, "/admin/items",
               {{"column_id", std::to_string(ColumnOf("gzdt").id), "", ""},
                {"title", "依申请公开的信息", "", ""},
                {"attribute", "on_request", "", ""},
                {"written_on", "2024-02-30", "", ""}});
  EXPECT_EQ(r.status, 422);
  EXPECT_NE(r.body.find("id=\"written_on-error\">成文日期："), std::string::npos);
  r = PostItem(editor, "/admin/items",
               {{"column_id", std::to_string(ColumnOf("gzdt").id), "", ""},
                {"title", "依申请公开的信息", "", ""},
                {"attribute", "on_request", "", ""}});
  EXPECT_NE(r.body.find("id=\"withheld_ground-error\">依申请公开须写明理由和依据</p>"),
            std::string::npos);
  // Nothing was stored.
  storage::ItemListQuery q;
  q.agency = bureau_;
  EXPECT_EQ(Catalog().List(account::Actor::Console(), q)->total, 0);
}

TEST_F(CatalogWebTest, AttachmentsUploadDownloadAndAMislabelledPngIsRefused) {
  std::string editor = SignIn("editor");
  std::string pdf = Pdf(2048);
  int64_t id = NewDraft(editor, "带附件的通知", "正文", {{"files", pdf, "实施方案.pdf"}});
  ASSERT_NE(id, 0);
  auto view = Catalog().Get(account::Actor::Console(), id);
  ASSERT_EQ(view->latest.content.files.size(), 1u);
  const catalog::FileRef& f = view->latest.content.files[0];
  EXPECT_EQ(f.name, "实施方案.pdf");
  EXPECT_EQ(f.mime, "application/pdf");
  EXPECT_EQ(f.size, 2048);

  HttpReply page = Send("GET", "/admin/items/" + std::to_string(id), "", Cookie(editor));
  EXPECT_NE(page.body.find("<td data-label=\"大小\">2 KiB</td>"), std::string::npos) << page.body;
  HttpReply file =
      Send("GET", "/admin/items/" + std::to_string(id) + "/files/" + f.sha256, "", Cookie(editor));
  EXPECT_EQ(file.status, 200);
  EXPECT_EQ(file.body, pdf);
  EXPECT_EQ(file.Header("content-type"), "application/pdf");
  EXPECT_EQ(file.Header("content-disposition"),
            "attachment; filename=\"download\"; "
            "filename*=UTF-8''%E5%AE%9E%E6%96%BD%E6%96%B9%E6%A1%88.pdf");
  // Another agency's editor cannot download it.
  EXPECT_EQ(Send("GET", "/admin/items/" + std::to_string(id) + "/files/" + f.sha256, "",
                 Cookie(SignIn("outsider")))
                .status,
            403);

  HttpReply bad = PostItem(editor, "/admin/items/" + std::to_string(id),
                           {{"expected_revision", "1", "", ""},
                            {"title", "带附件的通知", "", ""},
                            {"body", "正文", "", ""},
                            {"attribute", "active", "", ""},
                            {"files", Png(10, 10), "图片.pdf"}});
  EXPECT_EQ(bad.status, 422);
  EXPECT_NE(bad.body.find(
                "id=\"files-error\">附件“图片.pdf”的扩展名是 .pdf，但文件内容是PNG 图片，与扩展名不符（按文件内容识别）</p>"),
            std::string::npos)
      << bad.body;
  EXPECT_EQ(Catalog().Get(account::Actor::Console(), id)->record.latest_revision, 1);

  // Removing the file makes revision 2 without it.
  HttpReply removed = PostItem(editor, "/admin/items/" + std::to_string(id),
                               {{"expected_revision", "1", "", ""},
                                {"title", "带附件的通知", "", ""},
                                {"body", "正文", "", ""},
                                {"attribute", "active", "", ""},
                                {"remove_file", "实施方案.pdf", "", ""}});
  EXPECT_EQ(removed.status, 303) << removed.body;
  view = Catalog().Get(account::Actor::Console(), id);
  EXPECT_EQ(view->record.latest_revision, 2);
  EXPECT_TRUE(view->latest.content.files.empty());
}

TEST_F(CatalogWebTest, TheConflictPageShowsBothTextsAndTheSecondSaveSucceeds) {
  std::string one = SignIn("editor");
  std::string two = SignIn("editor2");
  int64_t id = NewDraft(one, "会议通知", "原文");
  ASSERT_NE(id, 0);
  std::string path = "/admin/items/" + std::to_string(id);
  auto save = [&](const std::string& who, const std::string& expected, const std::string& body) {
    return PostItem(who, path,
                    {{"expected_revision", expected, "", ""},
                     {"title", "会议通知", "", ""},
                     {"body", body, "", ""},
                     {"body_format", "text", "", ""},
                     {"attribute", "active", "", ""}});
  };
  EXPECT_EQ(save(one, "1", "甲改的正文").status, 303);
  HttpReply conflict = save(two, "1", "乙改的正文");
  EXPECT_EQ(conflict.status, 409);
  EXPECT_NE(conflict.body.find("<div class=\"compare-body\" id=\"mine-body\">乙改的正文</div>"),
            std::string::npos)
      << conflict.body;
  EXPECT_NE(conflict.body.find("<div class=\"compare-body\" id=\"latest-body\">甲改的正文"),
            std::string::npos);
  EXPECT_NE(conflict.body.find(">乙改的正文</textarea>"), std::string::npos);
  // The form now carries the latest version: saving again from it goes through.
  EXPECT_NE(conflict.body.find("name=\"expected_revision\" value=\"2\""), std::string::npos);
  EXPECT_EQ(save(two, "2", "乙改的正文").status, 303);
  auto view = Catalog().Get(account::Actor::Console(), id);
  EXPECT_EQ(view->record.latest_revision, 3);
  EXPECT_EQ(view->latest.content.body_html, "<p>乙改的正文</p>");
  EXPECT_EQ(view->latest.author, "editor2");
}

TEST_F(CatalogWebTest, CsrfAndAnotherAgencysEditorAreRefused) {
  std::string editor = SignIn("editor");
  int64_t id = NewDraft(editor, "会议通知", "原文");
  ASSERT_NE(id, 0);
  HttpReply forged = PostItem(editor, "/admin/items/" + std::to_string(id),
                              {{"expected_revision", "1", "", ""},
                               {"title", "篡改", "", ""},
                               {"attribute", "active", "", ""}},
                              "forged-token");
  EXPECT_EQ(forged.status, 403);
  EXPECT_NE(forged.body.find("请求校验失败（CSRF）"), std::string::npos);
  std::string outsider = SignIn("outsider");
  HttpReply other = PostItem(outsider, "/admin/items/" + std::to_string(id),
                             {{"expected_revision", "1", "", ""},
                              {"title", "篡改", "", ""},
                              {"attribute", "active", "", ""}});
  EXPECT_EQ(other.status, 403);
  EXPECT_EQ(Send("GET", "/admin/items/" + std::to_string(id), "", Cookie(outsider)).status, 403);
  EXPECT_EQ(Catalog().Get(account::Actor::Console(), id)->latest.content.title, "会议通知");
}

TEST_F(CatalogWebTest, ApiCreatesReadsAndSavesWithA409CarryingBothVersions) {
  std::string editor = SignIn("editor");
  std::string csrf = CsrfOf(editor);
  int64_t column = ColumnOf("gzdt").id;
  HttpReply created = Api(
      "POST", "/api/v1/items", editor,
      nlohmann::json{
          {"column_id", column}, {"title", "接口新建"}, {"body", "一\n二"}, {"body_format", "text"}}
          .dump(),
      csrf);
  ASSERT_EQ(created.status, 201) << created.body;
  auto j = nlohmann::json::parse(created.body);
  int64_t id = j["id"];
  EXPECT_EQ(j["latest"]["content"]["body_html"], "<p>一<br>二</p>");  // one line break: <br>
  std::string path = "/api/v1/items/" + std::to_string(id);
  HttpReply ok = Api("PUT", path, editor,
                     nlohmann::json{{"expected_revision", 1}, {"title", "接口修改"}}.dump(), csrf);
  EXPECT_EQ(ok.status, 200) << ok.body;
  EXPECT_EQ(nlohmann::json::parse(ok.body)["latest_revision"], 2);
  // Fields left out keep their value.
  EXPECT_EQ(nlohmann::json::parse(ok.body)["latest"]["content"]["body_html"], "<p>一<br>二</p>");
  HttpReply stale =
      Api("PUT", path, editor,
          nlohmann::json{{"expected_revision", 1}, {"title", "过时的修改"}}.dump(), csrf);
  EXPECT_EQ(stale.status, 409);
  auto c = nlohmann::json::parse(stale.body);
  EXPECT_EQ(c["error"]["code"], "EditConflict");
  EXPECT_EQ(c["yours"]["title"], "过时的修改");
  EXPECT_EQ(c["latest"]["content"]["title"], "接口修改");
  EXPECT_EQ(c["latest"]["number"], 2);
  auto revs = nlohmann::json::parse(Api("GET", path + "/revisions", editor).body);
  EXPECT_EQ(revs["revisions"].size(), 2u);
  auto list = nlohmann::json::parse(
      Api("GET", "/api/v1/items?agency=" + std::to_string(bureau_), editor).body);
  EXPECT_EQ(list["total"], 1);
  EXPECT_EQ(list["items"][0]["title"], "接口修改");
  // Columns: an editor reads them; adding needs 机构管理员; without CSRF refused.
  auto cols = nlohmann::json::parse(
      Api("GET", "/api/v1/agencies/" + std::to_string(bureau_) + "/columns", editor).body);
  EXPECT_EQ(cols["columns"].size(), 24u);
  std::string add = nlohmann::json{{"code", "x1"}, {"name", "新栏目"}, {"kind", "news"}}.dump();
  EXPECT_EQ(
      Api("POST", "/api/v1/agencies/" + std::to_string(bureau_) + "/columns", editor, add, csrf)
          .status,
      403);
  std::string admin = SignIn("admin");
  EXPECT_EQ(
      Api("POST", "/api/v1/agencies/" + std::to_string(bureau_) + "/columns", admin, add).status,
      403);
  HttpReply added = Api("POST", "/api/v1/agencies/" + std::to_string(bureau_) + "/columns", admin,
                        add, CsrfOf(admin));
  EXPECT_EQ(added.status, 201) << added.body;
  int64_t col = nlohmann::json::parse(added.body)["id"];
  HttpReply patched = Api("PATCH", "/api/v1/columns/" + std::to_string(col), admin,
                          nlohmann::json{{"name", "改名栏目"}}.dump(), CsrfOf(admin));
  EXPECT_EQ(nlohmann::json::parse(patched.body)["name"], "改名栏目");
  EXPECT_EQ(
      Api("DELETE", "/api/v1/columns/" + std::to_string(col), admin, "", CsrfOf(admin)).status,
      200);
}

TEST_F(CatalogWebTest, LinksAreAddedAndRemovedFromTheItemPages) {
  std::string editor = SignIn("editor");
  std::string csrf = CsrfOf(editor);
  int64_t doc = NewDraft(editor, "关于印发实施方案的通知", "正文", {}, "zfwj");
  int64_t interp = NewDraft(editor, "《实施方案》政策解读", "解读", {}, "zcjd");
  ASSERT_NE(doc, 0);
  ASSERT_NE(interp, 0);
  HttpReply added =
      Post(editor, "/admin/items/" + std::to_string(interp) + "/links",
           "_csrf=" + csrf + "&kind=interprets&direction=from&other=" + std::to_string(doc));
  EXPECT_EQ(added.status, 200) << added.body;
  EXPECT_NE(added.body.find("已添加关联"), std::string::npos);
  EXPECT_NE(added.body.find("本信息解读：<a href=\"/admin/items/" + std::to_string(doc) + "\">"),
            std::string::npos);
  HttpReply page = Send("GET", "/admin/items/" + std::to_string(doc), "", Cookie(editor));
  EXPECT_NE(page.body.find("被解读（政策解读）：<a href=\"/admin/items/" + std::to_string(interp) +
                           "\">"),
            std::string::npos);
  // A 文件 cannot be the 解读: the refusal shows on the page.
  HttpReply wrong =
      Post(editor, "/admin/items/" + std::to_string(doc) + "/links",
           "_csrf=" + csrf + "&kind=interprets&direction=from&other=" + std::to_string(interp));
  EXPECT_EQ(wrong.status, 422);
  EXPECT_NE(wrong.body.find("只有“解读”类栏目中的信息才能作为政策解读关联到文件"),
            std::string::npos);
  HttpReply removed =
      Post(editor, "/admin/items/" + std::to_string(doc) + "/links/remove",
           "_csrf=" + csrf + "&kind=interprets&direction=to&other=" + std::to_string(interp));
  EXPECT_EQ(removed.status, 200);
  EXPECT_NE(removed.body.find("已取消关联"), std::string::npos);
  EXPECT_TRUE(Catalog().Get(account::Actor::Console(), doc)->links.empty());
  // The column's list shows the document.
  HttpReply list =
      Send("GET", "/admin/catalog/" + std::to_string(ColumnOf("zfwj").id), "", Cookie(editor));
  EXPECT_NE(list.body.find("关于印发实施方案的通知</a>"), std::string::npos);
  EXPECT_NE(list.body.find("本栏目共 1 条"), std::string::npos);
}

}  // namespace
}  // namespace gongkai::web_test

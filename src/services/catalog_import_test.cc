#include "services/catalog_import.h"

#include <gtest/gtest.h>

#include <climits>
#include <map>

#include "services/catalog_service.h"
#include "storage/store.h"

namespace gongkai::services {
namespace {

using account::Actor;

const std::string kPdf = "%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n";

class MapFiles final : public FileSource, public FileSink {
 public:
  std::map<std::string, std::string> files;
  Result<std::string> Read(const std::string& path) override {
    auto it = files.find(path);
    if (it == files.end()) return NotFound(path, "附件“" + path + "”在附件目录中不存在");
    return it->second;
  }
  Status Write(const std::string& path, const std::string& data) override {
    files[path] = data;
    return Status::Ok();
  }
};

// The column tree and three items: a 政府文件 with every field and an attachment, its 解读, and
// a 通知 it repealed.
const std::string kJsonl =
    R"({"type":"catalog","version":1,"index_pattern":"{code}/{year}-{seq:5}"}
{"type":"column","code":"jcgk","name":"决策公开","parent":"","kind":"section","freshness":"none"}
{"type":"column","code":"zfwj","name":"政府文件","parent":"jcgk","kind":"documents","freshness":"notice"}
{"type":"column","code":"zcjd","name":"政策解读","parent":"jcgk","kind":"解读","freshness":"notice"}
{"type":"item","column":"zfwj","index_number":"11360982MB1234567X/2024-00041","published_on":"2024-03-05","title":"关于印发《樟树市工业园区管理办法》的通知","summary":"园区管理的职责分工。","body_html":"<p>各乡镇人民政府：</p><p>现将办法印发给你们。</p>","doc_number":"樟工信字〔2024〕12号","publisher":"樟树市工业和信息化局","written_on":"2024-03-01","theme":"工业、交通/信息产业（含电信）","genre":"通知","keywords":"工业园区 管理","attribute":"active","withheld_ground":"","validity":"valid","validity_on":null,"validity_by":null,"links":[],"files":["a1/管理办法.pdf"]}
{"type":"item","column":"zcjd","index_number":"11360982MB1234567X/2024-00042","published_on":"2024-03-06","title":"《樟树市工业园区管理办法》政策解读","body_html":"<p>一、制定背景</p>","genre":"解读","links":[{"kind":"interprets","to":"11360982MB1234567X/2024-00041"}]}
{"type":"item","column":"zfwj","index_number":"11360982MB1234567X/2023-00007","published_on":"2023-05-10","written_on":"2023-05-08","title":"旧办法","body_html":"<p>旧</p>","validity":"已废止","validity_on":"2024-03-05","validity_by":"11360982MB1234567X/2024-00041"}
)";

class CatalogImportTest : public ::testing::Test {
 protected:
  void SetUp() override { Open(store_, agency_); }

  void Open(std::unique_ptr<storage::Store>& store, agency::AgencyId& agency) {
    store = storage::OpenStore("sqlite::memory:").value();
    ASSERT_TRUE(store->Migrate().ok());
    auto tx = store->Begin(storage::TxMode::kWrite).value();
    agency::Agency a;
    a.name = "樟树市工业和信息化局";
    a.short_name = "市工信局";
    a.credit_code = "11360982MB1234567X";
    agency = tx->agencies().Insert(a).value();
    ASSERT_TRUE(tx->Commit().ok());
  }

  Result<CatalogImportSummary> Import(storage::Store& store, agency::AgencyId agency,
                                      const std::string& text, CatalogFormat format,
                                      bool dry_run = false) {
    CatalogTransferService service(store, clock_);
    CatalogImportOptions options;
    options.files = &files_;
    options.dry_run = dry_run;
    return service.Import(Actor::Console(), agency, text, format, options);
  }

  std::string Export(storage::Store& store, agency::AgencyId agency, CatalogFormat format,
                     MapFiles* sink) {
    CatalogTransferService service(store, clock_);
    return service.Export(Actor::Console(), agency, format, sink).value();
  }

  std::vector<storage::ItemSummary> Items() {
    auto tx = store_->Begin(storage::TxMode::kRead).value();
    storage::ItemListQuery q;
    q.agency = agency_;
    q.limit = INT_MAX;
    auto items = tx->catalog().ListItems(q).value().items;
    std::sort(items.begin(), items.end(),
              [](const auto& a, const auto& b) { return a.record.id < b.record.id; });
    return items;
  }

  size_t ColumnCount() {
    auto tx = store_->Begin(storage::TxMode::kRead).value();
    return tx->catalog().ListColumns(agency_).value().size();
  }

  FakeClock clock_{1733011200};  // 2024-12-01 00:00 UTC
  std::unique_ptr<storage::Store> store_;
  agency::AgencyId agency_ = 0;
  MapFiles files_;
};

TEST_F(CatalogImportTest, ImportsEveryFieldAsPublished) {
  files_.files["a1/管理办法.pdf"] = kPdf;
  auto s = Import(*store_, agency_, kJsonl, CatalogFormat::kJsonLines);
  ASSERT_TRUE(s.ok()) << s.status().UserMessage();
  EXPECT_EQ(s->columns_created, 3);
  EXPECT_EQ(s->items, 3);
  EXPECT_EQ(s->files, 1);
  EXPECT_EQ(s->links, 1);
  EXPECT_EQ(ColumnCount(), 3u);  // the file's tree, not the default one

  auto items = Items();
  ASSERT_EQ(items.size(), 3u);
  const catalog::ItemRecord& doc = items[0].record;
  EXPECT_EQ(doc.index_number, "11360982MB1234567X/2024-00041");
  EXPECT_EQ(doc.status, catalog::ItemStatus::kPublished);
  EXPECT_EQ(doc.live_revision, 1);
  EXPECT_EQ(doc.published_on, (Date{2024, 3, 5}));
  EXPECT_EQ(doc.published_at, 1709568000);  // 2024-03-05 00:00 in China
  EXPECT_EQ(doc.created_by, "import");
  auto tx = store_->Begin(storage::TxMode::kRead).value();
  catalog::Revision rev = tx->catalog().GetRevision(doc.id, 1).value();
  EXPECT_EQ(rev.author, "import");
  EXPECT_EQ(rev.content.title, "关于印发《樟树市工业园区管理办法》的通知");
  EXPECT_EQ(rev.content.summary, "园区管理的职责分工。");
  EXPECT_EQ(rev.content.body_html, "<p>各乡镇人民政府：</p><p>现将办法印发给你们。</p>");
  EXPECT_EQ(rev.content.doc_number, "樟工信字〔2024〕12号");
  EXPECT_EQ(rev.content.publisher, "樟树市工业和信息化局");
  EXPECT_EQ(rev.content.written_on, (Date{2024, 3, 1}));
  EXPECT_EQ(rev.content.theme, "工业、交通\\信息产业（含电信）");
  EXPECT_EQ(rev.content.genre, "通知");
  EXPECT_EQ(rev.content.keywords, "工业园区 管理");
  EXPECT_EQ(rev.content.attribute, catalog::Attribute::kActive);
  ASSERT_EQ(rev.content.files.size(), 1u);
  EXPECT_EQ(rev.content.files[0].name, "管理办法.pdf");
  EXPECT_EQ(rev.content.files[0].mime, "application/pdf");
  EXPECT_EQ(rev.content.files[0].size, static_cast<int64_t>(kPdf.size()));
  // The 解读 links to the document; the old 通知 is repealed by it (and linked 废止).
  std::vector<catalog::ItemLink> links = tx->catalog().LinksOf(doc.id).value();
  ASSERT_EQ(links.size(), 2u);
  EXPECT_EQ(links[0].from, doc.id);
  EXPECT_EQ(links[0].kind, catalog::LinkKind::kRepeals);
  EXPECT_EQ(links[0].to, items[2].record.id);
  EXPECT_EQ(links[1].from, items[1].record.id);
  EXPECT_EQ(links[1].kind, catalog::LinkKind::kInterprets);
  const catalog::ItemRecord& old = items[2].record;
  EXPECT_EQ(old.validity, catalog::Validity::kRepealed);
  EXPECT_EQ(old.validity_on, (Date{2024, 3, 5}));
  EXPECT_EQ(old.validity_by, doc.id);
  EXPECT_EQ(tx->catalog().GetRevision(items[1].record.id, 1)->content.publisher,
            "樟树市工业和信息化局");  // defaulted to the agency's name
  auto log = tx->audit().List(1, 0).value();
  ASSERT_EQ(log.size(), 1u);
  EXPECT_EQ(log[0].action, "catalog_import");
  EXPECT_EQ(log[0].target, "agency:" + std::to_string(agency_));
  EXPECT_EQ(log[0].detail, "3 columns created, 0 matched, 3 items published, 1 files, 1 links");
}

TEST_F(CatalogImportTest, SequenceContinuesAfterTheImportedNumbers) {
  files_.files["a1/管理办法.pdf"] = kPdf;
  ASSERT_TRUE(Import(*store_, agency_, kJsonl, CatalogFormat::kJsonLines).ok());
  auto tx = store_->Begin(storage::TxMode::kWrite).value();
  EXPECT_EQ(AllocateIndexNumber(*tx, agency_, {2024, 6, 1}).value(),
            "11360982MB1234567X/2024-00043");
  EXPECT_EQ(AllocateIndexNumber(*tx, agency_, {2023, 12, 1}).value(),
            "11360982MB1234567X/2023-00008");
  EXPECT_EQ(AllocateIndexNumber(*tx, agency_, {2025, 1, 2}).value(),
            "11360982MB1234567X/2025-00001");
}

TEST_F(CatalogImportTest, EveryErrorIsListedWithItsLineAndNothingIsStored) {
  files_.files["ok.pdf"] = kPdf;
  const std::string text =
      R"({"type":"column","code":"zfwj","name":"政府文件","kind":"documents"}
{"type":"item","column":"zfwj","index_number":"A/2024-00001","published_on":"2024-03-05","title":"甲"}
{"type":"item","column":"zfwj","index_number":"A/2024-00002","published_on":"2024-02-30","title":"乙"}
{"type":"item","column":"zfwj","index_number":"A/2024-00003","published_on":"2024-03-01","written_on":"2024-03-02","title":"丙"}
{"type":"item","column":"gzdt","index_number":"A/2024-00004","published_on":"2024-03-05","title":"丁"}
{"type":"item","column":"zfwj","index_number":"A/2024-00005","published_on":"2024-03-05","title":"戊","theme":"天文\\观测"}
{"type":"item","column":"zfwj","index_number":"A/2024-00001","published_on":"2024-03-05","title":"己"}
{"type":"item","column":"zfwj","index_number":"A/2024-00007","published_on":"2024-03-05","title":"庚","files":["missing.pdf"]}
{"type":"item","column":"zfwj","index_number":"A/2024-00008","published_on":"2024-03-05","title":"辛","files":["../etc/passwd.pdf"]}
{"type":"item","column":"zfwj", "title":
{"type":"item","column":"zfwj","index_number":"A/2024-00011","published_on":"2024-03-05","title":"壬","files":["ok.pdf"]}
)";
  auto s = Import(*store_, agency_, text, CatalogFormat::kJsonLines);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(s.status().UserMessage(),
            "导入文件有 8 处错误，未导入任何内容：\n"
            "第3行：发布日期“2024-02-30”不是有效日期（应为 YYYY-MM-DD）\n"
            "第4行：发布日期（2024-03-01）早于成文日期（2024-03-02）\n"
            "第5行：栏目代码“gzdt”不存在（须在文件中或本机构已有）\n"
            "第6行：主题分类“天文\\观测”不在国家主题分类表中（应为“一级\\二级”）\n"
            "第7行：索引号“A/2024-00001”与第2行重复\n"
            "第8行：附件“missing.pdf”在附件目录中不存在\n"
            "第9行：附件“../etc/passwd.pdf”：不能含有“..”或空的路径段\n"
            "第10行：不是有效的 JSON 对象");
  EXPECT_EQ(Items().size(), 0u);
  EXPECT_EQ(ColumnCount(), 0u);
}

TEST_F(CatalogImportTest, DuplicateAgainstTheDatabaseNamesTheItem) {
  files_.files["a1/管理办法.pdf"] = kPdf;
  ASSERT_TRUE(Import(*store_, agency_, kJsonl, CatalogFormat::kJsonLines).ok());
  const std::string again =
      R"({"type":"item","column":"zfwj","index_number":"11360982MB1234567X/2024-00042","published_on":"2024-04-01","title":"重号"}
)";
  auto s = Import(*store_, agency_, again, CatalogFormat::kJsonLines);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().UserMessage(),
            "导入文件有 1 处错误，未导入任何内容：\n"
            "第1行：索引号“11360982MB1234567X/2024-00042”已被本机构的信息（编号2）使用");
  EXPECT_EQ(Items().size(), 3u);
}

TEST_F(CatalogImportTest, AtMostAHundredErrorsAreListed) {
  std::string text;
  for (int i = 0; i < 105; ++i) text += "{oops\n";
  auto s = Import(*store_, agency_, text, CatalogFormat::kJsonLines);
  ASSERT_FALSE(s.ok());
  const std::string& m = s.status().UserMessage();
  EXPECT_TRUE(
      m.starts_with("导入文件有 105 处错误，未导入任何内容：\n第1行：不是有效的 JSON 对象\n"));
  EXPECT_NE(m.find("\n第100行：不是有效的 JSON 对象\n…另有 5 处错误"), std::string::npos) << m;
  EXPECT_EQ(m.find("第101行"), std::string::npos);
}

TEST_F(CatalogImportTest, DryRunStoresNothing) {
  files_.files["a1/管理办法.pdf"] = kPdf;
  auto s = Import(*store_, agency_, kJsonl, CatalogFormat::kJsonLines, /*dry_run=*/true);
  ASSERT_TRUE(s.ok()) << s.status().UserMessage();
  EXPECT_EQ(s->items, 3);
  EXPECT_EQ(Items().size(), 0u);
  EXPECT_EQ(ColumnCount(), 0u);
}

TEST_F(CatalogImportTest, OnlyTheAgencyAdministratorMayImport) {
  Actor editor;
  editor.name = "editor";
  editor.user_id = 2;
  editor.grants = {{account::Role::kEditor, agency_}};
  CatalogTransferService service(*store_, clock_);
  auto s = service.Import(editor, agency_, kJsonl, CatalogFormat::kJsonLines, {});
  EXPECT_EQ(s.status().code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(Items().size(), 0u);
}

// CSV: Chinese headers, a quoted 正文 over three lines; the record after it is on line 5.
const std::string kCsv =
    "\xEF\xBB\xBF栏目代码,索引号,发布日期,名称,正文,文号,成文日期,主题分类,体裁,公开属性,"
    "不公开理由,有效性,附件\r\n"
    "gzdt,11360982MB1234567X/2024-00003,2024-01-09,局召开安全生产会议,\"<p>一、会议要求</p>\n"
    "<p>二、\"\"三个必须\"\"</p>\n<p>三、落实</p>\",,,,动态,主动公开,,有效,\r\n"
    "zfwj,11360982MB1234567X/2024-00004,2024-01-10,关于开展检查的通知,<p>正文</p>,"
    "樟工信字〔2024〕1号,2024-01-08,综合政务\\政务公开,通知,依申请公开,涉及商业秘密,有效,"
    "ok.pdf\r\n";

TEST_F(CatalogImportTest, ImportsCsvWithAQuotedNewline) {
  files_.files["ok.pdf"] = kPdf;
  auto s = Import(*store_, agency_, kCsv, CatalogFormat::kCsv);
  ASSERT_TRUE(s.ok()) << s.status().UserMessage();
  EXPECT_EQ(s->items, 2);
  EXPECT_EQ(ColumnCount(), 24u);  // no columns in a CSV: the default tree
  auto items = Items();
  ASSERT_EQ(items.size(), 2u);
  {
    auto tx = store_->Begin(storage::TxMode::kRead).value();
    catalog::Revision a = tx->catalog().GetRevision(items[0].record.id, 1).value();
    EXPECT_EQ(a.content.body_html,
              "<p>一、会议要求</p>\n<p>二、\"三个必须\"</p>\n<p>三、落实</p>");
    catalog::Revision b = tx->catalog().GetRevision(items[1].record.id, 1).value();
    EXPECT_EQ(b.content.doc_number, "樟工信字〔2024〕1号");
    EXPECT_EQ(b.content.attribute, catalog::Attribute::kOnRequest);
    EXPECT_EQ(b.content.withheld_ground, "涉及商业秘密");
    EXPECT_EQ(b.content.theme, "综合政务\\政务公开");
    ASSERT_EQ(b.content.files.size(), 1u);
  }

  std::string bad = kCsv;
  bad.replace(bad.find("2024-01-10"), 10, "2024-13-10");
  Open(store_, agency_);
  auto e = Import(*store_, agency_, bad, CatalogFormat::kCsv);
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.status().UserMessage(),
            "导入文件有 1 处错误，未导入任何内容：\n"
            "第5行：发布日期“2024-13-10”不是有效日期（应为 YYYY-MM-DD）");
  EXPECT_EQ(Items().size(), 0u);
}

TEST_F(CatalogImportTest, CsvHeadersMustBeKnownAndQuotesClosed) {
  auto e = Import(*store_, agency_, "栏目代码,标题\r\n", CatalogFormat::kCsv);
  EXPECT_EQ(e.status().UserMessage(),
            "导入文件有 1 处错误，未导入任何内容：\n第1行：表头“标题”不是可识别的列名");
  e = Import(*store_, agency_, "column,title\r\nzfwj,ok\r\nzfwj,\"open\r\n\r\n",
             CatalogFormat::kCsv);
  EXPECT_EQ(e.status().UserMessage(),
            "导入文件有 1 处错误，未导入任何内容：\n"
            "第3行：引号没有闭合（字段从这一行开始，到文件末尾也没有结束的引号）");
}

TEST_F(CatalogImportTest, ExportImportExportIsByteIdentical) {
  files_.files["a1/管理办法.pdf"] = kPdf;
  ASSERT_TRUE(Import(*store_, agency_, kJsonl, CatalogFormat::kJsonLines).ok());
  files_.files["ok.pdf"] = kPdf;
  for (CatalogFormat format : {CatalogFormat::kJsonLines, CatalogFormat::kCsv}) {
    MapFiles first_files;
    std::string first = Export(*store_, agency_, format, &first_files);
    ASSERT_EQ(first_files.files.size(), 1u);
    std::unique_ptr<storage::Store> other;
    agency::AgencyId other_agency = 0;
    Open(other, other_agency);
    if (format == CatalogFormat::kCsv) {  // a CSV holds no columns: bring the tree first
      std::string columns = Export(*store_, agency_, CatalogFormat::kJsonLines, nullptr);
      columns = columns.substr(0, columns.find("{\"type\":\"item\""));
      ASSERT_TRUE(Import(*other, other_agency, columns, CatalogFormat::kJsonLines).ok());
    }
    files_ = first_files;
    auto s = Import(*other, other_agency, first, format);
    ASSERT_TRUE(s.ok()) << s.status().UserMessage();
    MapFiles second_files;
    EXPECT_EQ(Export(*other, other_agency, format, &second_files), first);
    EXPECT_EQ(second_files.files, first_files.files);
  }
}

TEST_F(CatalogImportTest, ExportWritesTheFormatDocumented) {
  files_.files["a1/管理办法.pdf"] = kPdf;
  ASSERT_TRUE(Import(*store_, agency_, kJsonl, CatalogFormat::kJsonLines).ok());
  std::string out = Export(*store_, agency_, CatalogFormat::kJsonLines, nullptr);
  std::vector<std::string> lines;
  for (size_t p = 0; p < out.size();) {
    size_t e = out.find('\n', p);
    lines.push_back(out.substr(p, e - p));
    p = e + 1;
  }
  ASSERT_EQ(lines.size(), 7u);
  EXPECT_EQ(lines[0], R"({"type":"catalog","version":1,"index_pattern":"{code}/{year}-{seq:5}"})");
  EXPECT_EQ(
      lines[3],
      R"({"type":"column","code":"zcjd","name":"政策解读","parent":"jcgk","kind":"interpretations","freshness":"notice"})");
  EXPECT_EQ(
      lines[5],
      R"({"type":"item","column":"zcjd","index_number":"11360982MB1234567X/2024-00042","status":"published","published_on":"2024-03-06","title":"《樟树市工业园区管理办法》政策解读","summary":"","body_html":"<p>一、制定背景</p>","doc_number":"","publisher":"樟树市工业和信息化局","written_on":null,"theme":"","genre":"解读","keywords":"","attribute":"active","withheld_ground":"","validity":"valid","validity_on":null,"validity_by":null,"links":[{"kind":"interprets","to":"11360982MB1234567X/2024-00041"}],"files":[]})");
}

}  // namespace
}  // namespace gongkai::services

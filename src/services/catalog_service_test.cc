#include "services/catalog_service.h"

#include <gtest/gtest.h>

#include <set>
#include <thread>

#include "storage/store.h"

namespace gongkai::services {
namespace {

using account::Actor;
using account::Role;
using catalog::ItemStatus;

class CatalogServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = storage::OpenStore("sqlite::memory:").value();
    ASSERT_TRUE(store_->Migrate().ok());
    service_ = std::make_unique<CatalogService>(*store_, clock_);
    agency_ = AddAgency("樟树市工业和信息化局", "11360982MB1234567X");
    other_ = AddAgency("樟树市教育局", "");
    editor_.name = "editor";
    editor_.user_id = 2;
    editor_.grants = {{Role::kEditor, agency_}};
    admin_.name = "admin";
    admin_.user_id = 3;
    admin_.grants = {{Role::kAgencyAdmin, agency_}};
  }

  agency::AgencyId AddAgency(const std::string& name, const std::string& code) {
    auto tx = store_->Begin(storage::TxMode::kWrite).value();
    agency::Agency a;
    a.name = name;
    a.short_name = name.substr(0, 9);
    a.credit_code = code;
    auto id = tx->agencies().Insert(a).value();
    EXPECT_TRUE(tx->Commit().ok());
    return id;
  }

  catalog::ColumnId ColumnByCode(agency::AgencyId agency, const std::string& code) {
    std::vector<catalog::Column> columns = service_->Columns(console_, agency).value();
    for (const auto& c : columns) {
      if (c.code == code) return c.id;
    }
    ADD_FAILURE() << code;
    return 0;
  }

  ItemInput Input(const std::string& title, catalog::ColumnId column) {
    ItemInput in;
    in.column_id = column;
    in.content.title = title;
    in.content.body_html = "第一段。\n\n第二段 <b>&</b>";
    in.body_is_plain_text = true;
    return in;
  }

  FakeClock clock_{1733011200};  // 2024-12-01 00:00 UTC
  std::unique_ptr<storage::Store> store_;
  std::unique_ptr<CatalogService> service_;
  agency::AgencyId agency_ = 0, other_ = 0;
  Actor console_ = Actor::Console();
  Actor editor_, admin_;
};

TEST_F(CatalogServiceTest, FirstUseCreatesTheDefaultTree) {
  auto cols = service_->Columns(editor_, agency_).value();
  ASSERT_EQ(cols.size(), 24u);
  EXPECT_EQ(cols[0].name, "政府信息公开指南");
  EXPECT_EQ(cols[2].name, "法定主动公开内容");
  EXPECT_EQ(cols[3].name, "执行公开");
  EXPECT_EQ(cols[4].name, "工作动态");
  EXPECT_EQ(cols[4].freshness, catalog::Freshness::kDynamic);
  EXPECT_EQ(cols.back().name, "政府信息公开年报");
  // Second call reads the same tree.
  EXPECT_EQ(service_->Columns(editor_, agency_).value().size(), 24u);
  // Another agency's editor cannot see it.
  EXPECT_EQ(service_->Columns(editor_, other_).status().code(), StatusCode::kPermissionDenied);
}

TEST_F(CatalogServiceTest, ColumnsAreEditedByAdministratorsOnly) {
  catalog::ColumnId section = ColumnByCode(agency_, "zxgk");
  catalog::Column c;
  c.agency_id = agency_;
  c.parent_id = section;
  c.code = "tzgg";
  c.name = "通知公告";
  c.kind = catalog::ColumnKind::kNews;
  c.freshness = catalog::Freshness::kNotice;
  EXPECT_EQ(service_->AddColumn(editor_, c).status().code(), StatusCode::kPermissionDenied);
  auto id = service_->AddColumn(admin_, c);
  ASSERT_TRUE(id.ok()) << id.status().ToString();
  EXPECT_EQ(service_->AddColumn(admin_, c).status().UserMessage(), "本机构已有代码为“tzgg”的栏目");
  // Not under a column that holds items, not under itself.
  c.parent_id = ColumnByCode(agency_, "gzdt");
  c.code = "x";
  EXPECT_EQ(service_->AddColumn(admin_, c).status().UserMessage(),
            "上级栏目须为“分类”类型（只含栏目，不含信息）");
  catalog::Column zxgk = service_->GetColumn(admin_, section).value();
  zxgk.parent_id = section;
  EXPECT_EQ(service_->UpdateColumn(admin_, zxgk).UserMessage(),
            "不能把栏目移到它自己或它的下级栏目之下");
  // A column with an item cannot be deleted.
  ASSERT_TRUE(service_->CreateDraft(editor_, Input("通知", *id)).ok());
  EXPECT_EQ(service_->DeleteColumn(admin_, *id).UserMessage(), "栏目下还有信息或子栏目，不能删除");
}

TEST_F(CatalogServiceTest, DraftsAreRevisionsWithOptimisticVersions) {
  catalog::ColumnId gzdt = ColumnByCode(agency_, "gzdt");
  EXPECT_EQ(service_->CreateDraft(editor_, Input("x", ColumnByCode(agency_, "fdzdgk")))
                .status()
                .UserMessage(),
            "“法定主动公开内容”是分类，只含栏目；请选择它下面的栏目");
  auto id = service_->CreateDraft(editor_, Input("市工信局召开安全生产工作会议", gzdt));
  ASSERT_TRUE(id.ok()) << id.status().ToString();
  ItemView v = service_->Get(editor_, *id).value();
  EXPECT_EQ(v.record.status, ItemStatus::kDraft);
  EXPECT_EQ(v.record.latest_revision, 1);
  EXPECT_EQ(v.latest.content.body_html, "<p>第一段。</p>\n<p>第二段 &lt;b&gt;&amp;&lt;/b&gt;</p>");
  EXPECT_EQ(v.latest.content.publisher, "樟树市工业和信息化局");
  EXPECT_EQ(v.record.index_number, "");

  // Unchanged content: no new revision.
  EXPECT_EQ(service_->SaveDraft(editor_, *id, 1, Input("市工信局召开安全生产工作会议", 0)).value(),
            1);
  // Two editors start from revision 1; the second save is a conflict, nothing lost.
  EXPECT_EQ(
      service_->SaveDraft(editor_, *id, 1, Input("市工信局召开安全生产工作推进会", 0)).value(), 2);
  Actor second = editor_;
  second.name = "editor2";
  Status conflict = service_->SaveDraft(second, *id, 1, Input("第二位编辑的标题", 0)).status();
  EXPECT_TRUE(IsEditConflict(conflict));
  EXPECT_EQ(conflict.UserMessage(),
            "保存冲突：您编辑的是第1版，期间已有人保存了第2版。请对照两个版本后再保存。");
  auto history = service_->History(editor_, *id).value();
  ASSERT_EQ(history.size(), 2u);
  EXPECT_EQ(history[0].content.title, "市工信局召开安全生产工作会议");
  EXPECT_EQ(history[1].content.title, "市工信局召开安全生产工作推进会");
  EXPECT_EQ(service_->SaveDraft(second, *id, 2, Input("第二位编辑的标题", 0)).value(), 3);
  // Editors of another agency may not touch it.
  Actor outsider = editor_;
  outsider.grants = {{Role::kEditor, other_}};
  EXPECT_EQ(service_->SaveDraft(outsider, *id, 3, Input("x", 0)).status().code(),
            StatusCode::kPermissionDenied);
}

TEST_F(CatalogServiceTest, AttachmentsAreCheckedAndKeptAcrossRevisions) {
  catalog::ColumnId zfwj = ColumnByCode(agency_, "zfwj");
  ItemInput in = Input("关于印发《樟树市工业园区管理办法》的通知", zfwj);
  const std::string pdf = "%PDF-1.4\n1 0 obj<<>>endobj\n%%EOF\n";
  const std::string png = "\x89PNG\r\n\x1a\n0000IHDR";
  in.add_files = {{"管理办法.pdf", png}};
  EXPECT_EQ(service_->CreateDraft(editor_, in).status().UserMessage(),
            "附件“管理办法.pdf”的扩展名是 .pdf，但文件内容是PNG 图片，与扩展名不符（按文件内容识别）");
  in.add_files = {{"../管理办法.pdf", pdf}};
  EXPECT_EQ(service_->CreateDraft(editor_, in).status().code(), StatusCode::kInvalidArgument);
  in.add_files = {{"管理办法.pdf", pdf}};
  auto id = service_->CreateDraft(editor_, in);
  ASSERT_TRUE(id.ok()) << id.status().ToString();
  ItemView v = service_->Get(editor_, *id).value();
  ASSERT_EQ(v.latest.content.files.size(), 1u);
  EXPECT_EQ(v.latest.content.files[0].mime, "application/pdf");
  EXPECT_EQ(v.latest.content.files[0].size, static_cast<int64_t>(pdf.size()));
  // A text edit keeps the file; removing it is a new revision; revision 1 still has it.
  ItemInput edit = Input("关于印发《樟树市工业园区管理办法（试行）》的通知", 0);
  EXPECT_EQ(service_->SaveDraft(editor_, *id, 1, edit).value(), 2);
  EXPECT_EQ(service_->Get(editor_, *id).value().latest.content.files.size(), 1u);
  edit.remove_files = {"管理办法.pdf"};
  EXPECT_EQ(service_->SaveDraft(editor_, *id, 2, edit).value(), 3);
  auto history = service_->History(editor_, *id).value();
  EXPECT_EQ(history[1].content.files.size(), 1u);
  EXPECT_EQ(history[2].content.files.size(), 0u);
}

TEST_F(CatalogServiceTest, ListsAndCounts) {
  catalog::ColumnId gzdt = ColumnByCode(agency_, "gzdt");
  for (int i = 0; i < 25; ++i) {
    clock_.Advance(60);
    ASSERT_TRUE(service_->CreateDraft(editor_, Input("动态" + std::to_string(i), gzdt)).ok());
  }
  storage::ItemListQuery q;
  q.agency = agency_;
  q.column = gzdt;
  auto page = service_->List(editor_, q).value();
  EXPECT_EQ(page.total, 25);
  ASSERT_EQ(page.items.size(), 20u);
  EXPECT_EQ(page.items[0].title, "动态24");  // most recently changed first
  q.offset = 20;
  EXPECT_EQ(service_->List(editor_, q).value().items.size(), 5u);
  q.live = true;
  q.offset = 0;
  EXPECT_EQ(service_->List(editor_, q).value().total, 0);  // nothing published
}

TEST_F(CatalogServiceTest, IndexNumbersAreGaplessUnderConcurrency) {
  ASSERT_TRUE(service_->SetIndexPattern(admin_, agency_, "{code}/{year}-{seq:5}").ok());
  EXPECT_EQ(service_->SetIndexPattern(admin_, agency_, "{code}").UserMessage(),
            "索引号格式须有且只有一个流水号 {seq:N}");
  std::vector<std::thread> threads;
  std::mutex mu;
  std::set<std::string> numbers;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 25; ++i) {
        for (;;) {
          auto tx = store_->Begin(storage::TxMode::kWrite);
          if (!tx.ok()) continue;
          auto n = AllocateIndexNumber(**tx, agency_, Date{2024, 5, 6});
          if (!n.ok()) continue;
          if (!(*tx)->Commit().ok()) continue;
          std::lock_guard lock(mu);
          numbers.insert(*n);
          break;
        }
      }
    });
  }
  for (auto& t : threads) t.join();
  ASSERT_EQ(numbers.size(), 200u);
  EXPECT_EQ(*numbers.begin(), "11360982MB1234567X/2024-00001");
  EXPECT_EQ(*numbers.rbegin(), "11360982MB1234567X/2024-00200");
  // A new year starts again at 1; an agency without a code is told what to fill in.
  auto tx = store_->Begin(storage::TxMode::kWrite).value();
  EXPECT_EQ(AllocateIndexNumber(*tx, agency_, Date{2025, 1, 2}).value(),
            "11360982MB1234567X/2025-00001");
  EXPECT_EQ(AllocateIndexNumber(*tx, other_, Date{2025, 1, 2}).status().UserMessage(),
            "索引号格式使用机构代码，请先填写机构的统一社会信用代码");
}

}  // namespace
}  // namespace gongkai::services

#pragma once
// The disclosure catalog (政府信息公开目录): an agency's column tree (栏目) and its items
// (政府信息), each item a chain of immutable revisions. Pure types and rules; storage is in
// storage/catalog_repository.h, the workflow in services/catalog_service.h. Legal terms:
// docs/glossary.md; design: docs/publishing.md.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "agency/agency.h"
#include "core/date.h"
#include "core/result.h"

namespace gongkai::catalog {

using ColumnId = int64_t;
using ItemId = int64_t;

// What a column holds (栏目类型).
enum class ColumnKind {
  kSection,          // 分类: holds only columns (法定主动公开内容, 决策公开 …)
  kDocuments,        // 文件: 政府文件, 其他有关文件, 规划计划 …
  kNews,             // 动态: 工作动态
  kInterpretations,  // 解读: 政策解读
  kReports,          // 年报: 政府信息公开年报
  kPage,             // 单页: 政府信息公开指南, 机构职能
};

// How often the column must be updated (栏目更新要求, 国办秘函〔2019〕19号; statutory-rules §5.2).
enum class Freshness {
  kNone,     // 不要求
  kDynamic,  // 动态、要闻类: 2 weeks
  kNotice,   // 通知公告、政策文件类: 6 months
  kYearly,   // 人事、规划计划类: 1 year
};

std::string_view ColumnKindCode(ColumnKind kind);           // "documents"
std::string_view ColumnKindName(ColumnKind kind);           // "文件"
Result<ColumnKind> ParseColumnKind(std::string_view text);  // code or Chinese name
std::string_view FreshnessCode(Freshness f);                // "dynamic"
std::string_view FreshnessName(Freshness f);                // "动态类（2周）"
Result<Freshness> ParseFreshness(std::string_view text);
// The update limit in days (14, 183, 365), nullopt for kNone.
std::optional<int> FreshnessDays(Freshness f);

struct Column {
  ColumnId id = 0;
  agency::AgencyId agency_id = 0;
  std::optional<ColumnId> parent_id;
  std::string code;  // stable within the agency, used in URLs: [a-z0-9_-]{1,40}
  std::string name;  // 工作动态 (1–30 characters)
  ColumnKind kind = ColumnKind::kDocuments;
  Freshness freshness = Freshness::kNone;
  int position = 0;  // order among its siblings
  int64_t created_at = 0;
  int64_t updated_at = 0;
};

// Checks a column's own fields (code, name); kInvalidArgument (Chinese) naming the field.
Status ValidateColumn(const Column& column);

// 公开属性, decided at drafting (源头认定).
enum class Attribute {
  kActive,     // 主动公开
  kOnRequest,  // 依申请公开
  kWithheld,   // 不予公开 (with its ground)
};
std::string_view AttributeCode(Attribute a);  // "active" | "on_request" | "withheld"
std::string_view AttributeName(Attribute a);  // "主动公开"
Result<Attribute> ParseAttribute(std::string_view text);

// 有效性 (国办发〔2017〕47号: an amended, repealed or expired document stays, clearly marked).
enum class Validity {
  kValid,     // 有效
  kAmended,   // 已修改
  kRepealed,  // 已废止
  kExpired,   // 已失效
};
std::string_view ValidityCode(Validity v);  // "valid" | "amended" | "repealed" | "expired"
std::string_view ValidityName(Validity v);  // "有效"
Result<Validity> ParseValidity(std::string_view text);

// Where an item stands in its life.
enum class ItemStatus {
  kDraft,      // 草稿: being written, never submitted (or sent back: see ItemRecord::returned)
  kInReview,   // 审核中
  kApproved,   // 审核通过, waiting for its go-live time (定时发布)
  kPublished,  // 已发布
  kWithdrawn,  // 已撤回: its page leaves a notice
};
std::string_view ItemStatusCode(ItemStatus s);  // "draft" …
std::string_view ItemStatusName(ItemStatus s);  // "草稿" …
Result<ItemStatus> ParseItemStatus(std::string_view text);

inline constexpr size_t kMaxBodyBytes = 2 * 1024 * 1024;   // 2 MB of HTML
inline constexpr size_t kMaxFileBytes = 20 * 1024 * 1024;  // per attachment
inline constexpr size_t kMaxFilesPerItem = 20;

// An attachment (附件) of a revision: the bytes are stored once per SHA-256 (content-addressed).
struct FileRef {
  std::string name;    // the file name shown (no path), unique within the revision
  std::string sha256;  // hex of the bytes
  std::string mime;    // sniffed from the bytes
  int64_t size = 0;
  friend bool operator==(const FileRef&, const FileRef&) = default;
};

// The content of one revision: what an editor writes. Immutable once stored.
struct ItemContent {
  std::string title;               // 名称 (1–200 characters)
  std::string summary;             // 内容概述 (≤ 1000 characters)
  std::string body_html;           // sanitised HTML
  std::string doc_number;          // 文号: 樟工信字〔2024〕12号, may be empty
  std::string publisher;           // 发布机构 (defaults to the agency's name)
  std::optional<Date> written_on;  // 成文日期 (documents; may be empty for news)
  std::string theme;  // 主题分类: "综合政务\政务公开" (catalog/themes.h), may be empty
  std::string genre;  // 体裁: 通知, 决定, 意见 … (catalog/themes.h), may be empty
  std::string keywords;  // 关键词, separated by spaces or ；
  Attribute attribute = Attribute::kActive;
  std::string withheld_ground;  // 不予公开 / 依申请公开 的理由 (required then)
  std::vector<FileRef> files;   // 附件, in display order
};

// Checks the content's fields: lengths, a known 主题分类/体裁, the ground when not 主动公开.
// kInvalidArgument (Chinese) naming the field ("名称不能为空").
Status ValidateContent(const ItemContent& content);

struct Revision {
  ItemId item_id = 0;
  int number = 0;  // 1, 2, … per item
  ItemContent content;
  std::string body_text;  // the body as plain text (screening, search, diff)
  std::string note;       // 修改说明
  std::string author;     // account name
  int64_t created_at = 0;
  std::string sha256;  // of the canonical content (ContentDigest)
};

// The item record: its place, state and public facts, apart from its revisions.
struct ItemRecord {
  ItemId id = 0;
  agency::AgencyId agency_id = 0;
  ColumnId column_id = 0;
  std::string index_number;  // 索引号, empty until first published (imported items keep theirs)
  ItemStatus status = ItemStatus::kDraft;
  bool returned = false;              // sent back by a reviewer (退回修改), still a draft
  int latest_revision = 0;            // the version an editor saves against (optimistic locking)
  std::optional<int> live_revision;   // the revision the public sees
  std::optional<Date> published_on;   // 发布日期 (kept from an import)
  int64_t published_at = 0;           // when it went live (0 = never)
  std::optional<int64_t> go_live_at;  // 定时发布 time (unix seconds)
  std::optional<int64_t> expire_at;   // 到期下线 time
  Validity validity = Validity::kValid;
  std::optional<Date> validity_on;    // the date of the change
  std::optional<ItemId> validity_by;  // the document that changed it
  std::string withdrawn_reason;       // 撤回说明
  std::string created_by;
  int64_t created_at = 0;
  int64_t updated_at = 0;
};

// Typed links between items.
enum class LinkKind {
  kInterprets,  // 解读: from a 政策解读 to the 政府文件 it explains
  kAmends,      // 修改: from the new document to the one it amends
  kRepeals,     // 废止: from the new document to the one it repeals
};
std::string_view LinkKindCode(LinkKind k);  // "interprets" | "amends" | "repeals"
std::string_view LinkKindName(LinkKind k);  // "解读" | "修改" | "废止"
Result<LinkKind> ParseLinkKind(std::string_view text);

struct ItemLink {
  ItemId from = 0;
  LinkKind kind = LinkKind::kInterprets;
  ItemId to = 0;
};

// SHA-256 (hex) over a canonical, length-prefixed serialisation of the content: two revisions
// with the same text have the same digest (a re-save without change is not a new revision).
std::string ContentDigest(const ItemContent& content);

}  // namespace gongkai::catalog

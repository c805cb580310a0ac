// `CatalogTransferService::Import`: the file is read into rows (catalog_rows.h), then checked and
// written in one transaction, collecting every error; any error (or --dry-run) rolls it back.
#include "services/catalog_import.h"

#include <algorithm>
#include <climits>
#include <map>

#include "catalog/catalog.h"
#include "catalog/index_number.h"
#include "catalog/themes.h"
#include "services/attachments.h"
#include "services/audit.h"
#include "services/authorize.h"
#include "services/catalog_body.h"
#include "services/catalog_rows.h"
#include "services/catalog_service.h"
#include "services/item_files.h"

namespace gongkai::services {

namespace {

using catalog_rows::LineError;
using catalog_rows::RawCatalog;
using catalog_rows::RawItem;

constexpr std::string_view kImportAuthor = "import";

// Why a relative attachment path is refused, or "".
std::string PathProblem(const std::string& path) {
  if (path.empty()) return "路径为空";
  if (path.find("://") != std::string::npos) return "不能是网址，请先把文件下载到附件目录";
  if (path.front() == '/' || path.find('\\') != std::string::npos ||
      path.find(':') != std::string::npos) {
    return "须是附件目录下的相对路径";
  }
  size_t pos = 0;
  while (pos <= path.size()) {
    size_t end = path.find('/', pos);
    if (end == std::string::npos) end = path.size();
    std::string_view part = std::string_view(path).substr(pos, end - pos);
    if (part.empty() || part == "." || part == "..") return "不能含有“..”或空的路径段";
    pos = end + 1;
  }
  return "";
}

std::string FileNameOf(const std::string& path) {
  size_t slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

// 00:00 China time of `d`, the publication time an imported item gets.
int64_t MidnightInChina(Date d) { return d.ToDays() * 86400 - 8 * 3600; }

struct Importer {
  explicit Importer(storage::Transaction& t) : tx(t) {}

  storage::Transaction& tx;
  agency::Agency agency;
  std::string pattern;
  int64_t now = 0;
  FileSource* files = nullptr;
  std::vector<LineError> errors;
  CatalogImportSummary summary;

  std::map<std::string, catalog::Column, std::less<>> columns;  // by code
  // 索引号 → (line in the file, 0 for an item already in the database; item id).
  std::map<std::string, std::pair<int, catalog::ItemId>, std::less<>> numbers;
  std::vector<std::pair<const RawItem*, catalog::ItemRecord>> inserted;

  void Error(int line, std::string message) { errors.push_back({line, std::move(message)}); }

  // Records the status's Chinese message for `line`; true when it was an error.
  bool Failed(int line, const Status& st) {
    if (st.ok()) return false;
    Error(line, st.UserMessage());
    return true;
  }

  Status Load() {
    GONGKAI_ASSIGN_OR_RETURN(std::vector<catalog::Column> all, tx.catalog().ListColumns(agency.id));
    for (const catalog::Column& c : all) columns[c.code] = c;
    storage::ItemListQuery q;
    q.agency = agency.id;
    q.limit = INT_MAX;
    GONGKAI_ASSIGN_OR_RETURN(storage::ItemPage page, tx.catalog().ListItems(q));
    for (const storage::ItemSummary& s : page.items) {
      if (!s.record.index_number.empty()) numbers[s.record.index_number] = {0, s.record.id};
    }
    return Status::Ok();
  }

  Status Columns(const RawCatalog& raw) {
    int position = 0;
    for (const auto& [code, c] : columns) position = std::max(position, c.position);
    for (const catalog_rows::RawColumn& r : raw.columns) {
      catalog::Column c;
      c.agency_id = agency.id;
      c.code = r.code;
      c.name = r.name;
      Result<catalog::ColumnKind> kind = catalog::ParseColumnKind(r.kind);
      Result<catalog::Freshness> fresh =
          catalog::ParseFreshness(r.freshness.empty() ? "none" : r.freshness);
      if (Failed(r.line, kind.status()) || Failed(r.line, fresh.status())) continue;
      c.kind = *kind;
      c.freshness = *fresh;
      if (Failed(r.line, catalog::ValidateColumn(c))) continue;
      auto existing = columns.find(c.code);
      if (existing != columns.end()) {
        if (existing->second.kind != c.kind) {
          Error(r.line, "栏目“" + c.code + "”已存在，类型为“" +
                            std::string(catalog::ColumnKindName(existing->second.kind)) +
                            "”，与文件中的“" + std::string(catalog::ColumnKindName(c.kind)) +
                            "”不符");
        }
        ++summary.columns_matched;
        continue;
      }
      if (!r.parent.empty()) {
        auto parent = columns.find(r.parent);
        if (parent == columns.end() || parent->second.kind != catalog::ColumnKind::kSection) {
          Error(r.line, "上级栏目“" + r.parent + "”不存在或不是“分类”类型（须在它的下级之前列出）");
          continue;
        }
        c.parent_id = parent->second.id;
      }
      c.position = ++position;
      c.created_at = c.updated_at = now;
      GONGKAI_ASSIGN_OR_RETURN(c.id, tx.catalog().InsertColumn(c));
      columns[c.code] = c;
      ++summary.columns_created;
    }
    return Status::Ok();
  }

  // A date field: nullopt when empty; an error (recorded) when it is not a date.
  bool DateOf(const RawItem& r, std::string_view key, std::string_view zh,
              std::optional<Date>* out) {
    const std::string& text = r.Get(key);
    if (text.empty()) return true;
    Result<Date> d = Date::Parse(text);
    if (!d.ok()) {
      Error(r.line, std::string(zh) + "“" + text + "”不是有效日期（应为 YYYY-MM-DD）");
      return false;
    }
    *out = *d;
    return true;
  }

  Status Attachments(const RawItem& r, std::vector<catalog::FileRef>* out, bool* ok) {
    for (const std::string& path : r.files) {
      if (std::string problem = PathProblem(path); !problem.empty()) {
        Error(r.line, "附件“" + path + "”：" + problem);
        *ok = false;
        continue;
      }
      if (files == nullptr) {
        Error(r.line, "附件“" + path + "”：没有指定附件目录（--files）");
        *ok = false;
        continue;
      }
      Result<std::string> data = files->Read(path);
      if (Failed(r.line, data.status())) {
        *ok = false;
        continue;
      }
      Result<catalog::FileRef> ref = CheckItemFile({FileNameOf(path), *data});
      if (Failed(r.line, ref.status())) {
        *ok = false;
        continue;
      }
      for (const catalog::FileRef& f : *out) {
        if (f.name == ref->name) {
          Error(r.line, "附件名“" + f.name + "”重复");
          *ok = false;
        }
      }
      GONGKAI_RETURN_IF_ERROR(tx.catalog().PutFile(ref->sha256, ref->mime, *data,
                                                   ExtractFileText(ref->mime, *data), now));
      out->push_back(*std::move(ref));
      ++summary.files;
    }
    if (out->size() > catalog::kMaxFilesPerItem) {
      Error(r.line, "每条信息最多" + std::to_string(catalog::kMaxFilesPerItem) + "个附件");
      *ok = false;
    }
    return Status::Ok();
  }

  Status Item(const RawItem& r) {
    bool ok = true;
    auto column = columns.find(r.Get("column"));
    if (column == columns.end()) {
      Error(r.line, "栏目代码“" + r.Get("column") + "”不存在（须在文件中或本机构已有）");
      ok = false;
    } else if (column->second.kind == catalog::ColumnKind::kSection) {
      Error(r.line, "栏目“" + column->second.name + "”是分类，只含栏目，不能存放信息");
      ok = false;
    }
    const std::string& status = r.Get("status");
    if (!status.empty() && status != "published" && status != "已发布") {
      Error(r.line, "状态“" + status + "”不能导入（导入的信息均为已发布）");
      ok = false;
    }
    const std::string& number = r.Get("index_number");
    if (number.empty()) {
      Error(r.line, "索引号不能为空（导入的信息保留原索引号）");
      ok = false;
    } else if (auto dup = numbers.find(number); dup != numbers.end()) {
      Error(r.line, dup->second.first > 0 ? "索引号“" + number + "”与第" +
                                                std::to_string(dup->second.first) + "行重复"
                                          : "索引号“" + number + "”已被本机构的信息（编号" +
                                                std::to_string(dup->second.second) + "）使用");
      ok = false;
    } else {
      numbers[number] = {r.line, 0};
    }
    std::optional<Date> published, written, validity_on;
    ok = DateOf(r, "published_on", "发布日期", &published) && ok;
    ok = DateOf(r, "written_on", "成文日期", &written) && ok;
    ok = DateOf(r, "validity_on", "有效性日期", &validity_on) && ok;
    if (!published && r.Get("published_on").empty()) {
      Error(r.line, "发布日期不能为空");
      ok = false;
    }
    if (published && written && *published < *written) {
      Error(r.line,
            "发布日期（" + published->ToString() + "）早于成文日期（" + written->ToString() + "）");
      ok = false;
    }
    catalog::Revision rev;
    catalog::ItemContent& c = rev.content;
    c.title = r.Get("title");
    c.summary = r.Get("summary");
    c.doc_number = r.Get("doc_number");
    c.publisher = r.Get("publisher").empty() ? agency.name : r.Get("publisher");
    c.written_on = written;
    c.theme = catalog::CanonicalTheme(r.Get("theme"));
    c.genre = r.Get("genre");
    c.keywords = r.Get("keywords");
    c.withheld_ground = r.Get("withheld_ground");
    c.body_html = r.Get("body_html");
    Result<catalog::Attribute> attribute =
        catalog::ParseAttribute(r.Get("attribute").empty() ? "active" : r.Get("attribute"));
    if (Failed(r.line, attribute.status())) {
      ok = false;
    } else {
      c.attribute = *attribute;
    }
    if (ok && Failed(r.line, catalog::ValidateContent(c))) ok = false;
    GONGKAI_RETURN_IF_ERROR(Attachments(r, &c.files, &ok));
    Result<catalog::Validity> validity =
        catalog::ParseValidity(r.Get("validity").empty() ? "valid" : r.Get("validity"));
    if (Failed(r.line, validity.status())) ok = false;
    if (!ok) return Status::Ok();
    PreparedBody body = PrepareBody(c.body_html, false);
    c.body_html = std::move(body.html);
    rev.body_text = std::move(body.text);
    rev.sha256 = catalog::ContentDigest(c);
    catalog::ItemRecord item;
    item.agency_id = agency.id;
    item.column_id = column->second.id;
    item.index_number = number;
    item.status = catalog::ItemStatus::kPublished;
    item.latest_revision = 1;
    item.live_revision = 1;
    item.published_on = published;
    item.published_at = MidnightInChina(*published);
    item.validity = *validity;
    item.validity_on = validity_on;
    item.created_by = std::string(kImportAuthor);
    item.created_at = item.updated_at = now;
    GONGKAI_ASSIGN_OR_RETURN(item.id, tx.catalog().InsertItem(item));
    numbers[number].second = item.id;
    rev.item_id = item.id;
    rev.number = 1;
    rev.author = std::string(kImportAuthor);
    rev.note = "从原系统导入";
    rev.created_at = now;
    GONGKAI_RETURN_IF_ERROR(tx.catalog().InsertRevision(rev));
    inserted.emplace_back(&r, item);
    ++summary.items;
    return Status::Ok();
  }

  // The item an imported 索引号 names, or 0 (error recorded).
  catalog::ItemId Resolve(int line, const std::string& number, std::string_view what) {
    auto it = numbers.find(number);
    if (it == numbers.end() || it->second.second == 0) {
      Error(line, std::string(what) + "的索引号“" + number + "”不在文件中，本机构也没有");
      return 0;
    }
    return it->second.second;
  }

  Status Link(catalog::ItemId from, const catalog::ItemLink& link) {
    Status st = tx.catalog().InsertLink(link);
    if (st.code() == StatusCode::kAlreadyExists) return Status::Ok();
    GONGKAI_RETURN_IF_ERROR(st);
    if (link.from == from) ++summary.links;
    return Status::Ok();
  }

  // 有效性 and links, once every item of the file is in.
  Status Relations() {
    for (auto& [raw, item] : inserted) {
      const int line = raw->line;
      const std::string& by = raw->Get("validity_by");
      if (item.validity != catalog::Validity::kValid && !item.validity_on) {
        Error(line, "有效性为“" + std::string(catalog::ValidityName(item.validity)) +
                        "”时须填写有效性日期");
      }
      if ((item.validity == catalog::Validity::kAmended ||
           item.validity == catalog::Validity::kRepealed) &&
          by.empty()) {
        Error(line, "已修改或已废止的信息须填写修改或废止它的文件的索引号");
      }
      if (!by.empty()) {
        catalog::ItemId other = Resolve(line, by, "变更文件");
        if (other == item.id) Error(line, "变更文件不能是它自己");
        if (other != 0 && other != item.id) {
          item.validity_by = other;
          GONGKAI_RETURN_IF_ERROR(tx.catalog().UpdateItem(item));
          if (item.validity != catalog::Validity::kExpired &&
              item.validity != catalog::Validity::kValid) {
            catalog::LinkKind kind = item.validity == catalog::Validity::kAmended
                                         ? catalog::LinkKind::kAmends
                                         : catalog::LinkKind::kRepeals;
            GONGKAI_RETURN_IF_ERROR(Link(0, {other, kind, item.id}));
          }
        }
      }
      for (const catalog_rows::RawLink& l : raw->links) {
        Result<catalog::LinkKind> kind = catalog::ParseLinkKind(l.kind);
        if (Failed(line, kind.status())) continue;
        catalog::ItemId to = Resolve(line, l.to, "关联信息");
        if (to == 0) continue;
        if (to == item.id) {
          Error(line, "不能关联到它自己");
          continue;
        }
        if (*kind == catalog::LinkKind::kInterprets) {
          auto col = std::find_if(columns.begin(), columns.end(),
                                  [&](const auto& c) { return c.second.id == item.column_id; });
          if (col->second.kind != catalog::ColumnKind::kInterpretations) {
            Error(line, "只有“解读”类栏目中的信息才能作为政策解读关联到文件");
            continue;
          }
        }
        GONGKAI_RETURN_IF_ERROR(Link(item.id, {item.id, *kind, to}));
      }
    }
    return Status::Ok();
  }

  // The agency's 索引号 sequence continues after the highest imported number of each year.
  Status Reserve() {
    std::map<int, int64_t> highest;
    for (const auto& [raw, item] : inserted) {
      int year = item.published_on->year;
      int64_t seq = catalog::IndexSequence(pattern, agency.credit_code, year, item.index_number);
      if (seq > 0) highest[year] = std::max(highest[year], seq);
    }
    for (const auto& [year, seq] : highest) {
      GONGKAI_RETURN_IF_ERROR(tx.catalog().ReserveIndexSequence(agency.id, year, seq));
    }
    return Status::Ok();
  }
};

// Every error as "第N行：…", in line order, at most kMaxListedErrors.
Status ErrorList(std::vector<LineError> errors) {
  std::stable_sort(errors.begin(), errors.end(),
                   [](const LineError& a, const LineError& b) { return a.line < b.line; });
  std::string zh;
  for (size_t i = 0; i < errors.size() && i < kMaxListedErrors; ++i) {
    zh +=
        (i == 0 ? "" : "\n") + ("第" + std::to_string(errors[i].line) + "行：") + errors[i].message;
  }
  if (errors.size() > kMaxListedErrors) {
    zh += "\n…另有 " + std::to_string(errors.size() - kMaxListedErrors) + " 处错误";
  }
  return InvalidArgument(
      std::to_string(errors.size()) + " errors in the catalog file",
      "导入文件有 " + std::to_string(errors.size()) + " 处错误，未导入任何内容：\n" + zh);
}

}  // namespace

Result<CatalogImportSummary> CatalogTransferService::Import(const account::Actor& actor,
                                                            agency::AgencyId agency_id,
                                                            const std::string& text,
                                                            CatalogFormat format,
                                                            const CatalogImportOptions& options) {
  std::vector<LineError> errors;
  RawCatalog raw = format == CatalogFormat::kCsv ? catalog_rows::ParseCsv(text, &errors)
                                                 : catalog_rows::ParseJsonLines(text, &errors);
  const std::string target = "agency:" + std::to_string(agency_id);
  bool denied = false;
  {
    GONGKAI_ASSIGN_OR_RETURN(auto tx, store_.Begin(storage::TxMode::kWrite));
    GONGKAI_ASSIGN_OR_RETURN(
        bool allowed, AllowedOnAgency(*tx, actor, account::Permission::kManageAgency, agency_id));
    denied = !allowed;
    if (allowed) {
      Importer im(*tx);
      im.now = clock_.NowUnixSeconds();
      im.files = options.files;
      im.errors = std::move(errors);
      GONGKAI_ASSIGN_OR_RETURN(im.agency, tx->agencies().Get(agency_id));
      GONGKAI_ASSIGN_OR_RETURN(im.pattern, tx->catalog().IndexPattern(agency_id));
      if (raw.index_pattern && *raw.index_pattern != im.pattern &&
          !(im.pattern.empty() && *raw.index_pattern == catalog::kDefaultIndexPattern)) {
        if (!im.Failed(1, catalog::ValidateIndexPattern(*raw.index_pattern))) {
          GONGKAI_RETURN_IF_ERROR(tx->catalog().SetIndexPattern(agency_id, *raw.index_pattern));
          im.pattern = *raw.index_pattern;
        }
      }
      if (im.pattern.empty()) im.pattern = catalog::kDefaultIndexPattern;
      GONGKAI_RETURN_IF_ERROR(im.Load());
      if (im.columns.empty() && raw.columns.empty()) {
        GONGKAI_RETURN_IF_ERROR(CreateDefaultColumns(*tx, agency_id, im.now));
        GONGKAI_RETURN_IF_ERROR(im.Load());
      }
      GONGKAI_RETURN_IF_ERROR(im.Columns(raw));
      for (const RawItem& r : raw.items) GONGKAI_RETURN_IF_ERROR(im.Item(r));
      GONGKAI_RETURN_IF_ERROR(im.Relations());
      if (!im.errors.empty()) return ErrorList(std::move(im.errors));
      if (options.dry_run) return im.summary;  // the transaction rolls back
      GONGKAI_RETURN_IF_ERROR(im.Reserve());
      const CatalogImportSummary& s = im.summary;
      GONGKAI_RETURN_IF_ERROR(tx->site().BumpPublicGeneration());
      GONGKAI_RETURN_IF_ERROR(AppendAuditFor(
          *tx, clock_, actor, {agency_id}, "catalog_import", target,
          std::to_string(s.columns_created) + " columns created, " +
              std::to_string(s.columns_matched) + " matched, " + std::to_string(s.items) +
              " items published, " + std::to_string(s.files) + " files, " +
              std::to_string(s.links) + " links"));
      GONGKAI_RETURN_IF_ERROR(tx->Commit());
      return s;
    }
  }
  if (denied) {
    return DenyAndAudit(store_, clock_, actor, "catalog_import", target,
                        "无权向该机构导入目录（需要该机构或其上级机构的机构管理员角色）");
  }
  return Internal("unreachable");
}

}  // namespace gongkai::services

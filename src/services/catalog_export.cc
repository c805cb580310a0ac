// `CatalogTransferService::Export`: the columns in tree order and the published items by id, in
// the format Import reads (docs/catalog-format.md). Nothing of the export run itself (no time)
// is written, so export → import → export gives the same bytes.
#include <algorithm>
#include <climits>
#include <map>
#include <set>

#include "catalog/catalog.h"
#include "catalog/index_number.h"
#include "services/audit.h"
#include "services/authorize.h"
#include "services/catalog_import.h"
#include "services/catalog_rows.h"

namespace gongkai::services {

namespace {

using catalog_rows::RawItem;

// Where an attachment goes under the files folder: one folder per content, so that two items'
// "附件1.pdf" do not collide.
std::string FilePath(const catalog::FileRef& f) { return f.sha256.substr(0, 12) + "/" + f.name; }

std::string DateText(const std::optional<Date>& d) { return d ? d->ToString() : ""; }

}  // namespace

Result<std::string> CatalogTransferService::Export(const account::Actor& actor,
                                                   agency::AgencyId agency, CatalogFormat format,
                                                   FileSink* files) {
  const bool csv = format == CatalogFormat::kCsv;
  std::string out;
  bool denied = false;
  {
    GONGKAI_ASSIGN_OR_RETURN(auto tx, store_.Begin(storage::TxMode::kRead));
    GONGKAI_ASSIGN_OR_RETURN(bool allowed,
                             AllowedOnAgency(*tx, actor, account::Permission::kView, agency));
    denied = !allowed;
    if (allowed) {
      GONGKAI_ASSIGN_OR_RETURN(std::vector<catalog::Column> columns,
                               tx->catalog().ListColumns(agency));
      std::map<catalog::ColumnId, const catalog::Column*> by_id;
      for (const catalog::Column& c : columns) by_id[c.id] = &c;
      if (csv) {
        out = catalog_rows::CsvHeader();
      } else {
        GONGKAI_ASSIGN_OR_RETURN(std::string pattern, tx->catalog().IndexPattern(agency));
        out = catalog_rows::HeaderJson(pattern.empty() ? std::string(catalog::kDefaultIndexPattern)
                                                       : pattern);
        for (const catalog::Column& c : columns) {
          catalog_rows::RawColumn r{0,
                                    c.code,
                                    c.name,
                                    c.parent_id ? by_id.at(*c.parent_id)->code : "",
                                    std::string(catalog::ColumnKindCode(c.kind)),
                                    std::string(catalog::FreshnessCode(c.freshness))};
          out += catalog_rows::ColumnJson(r);
        }
      }
      storage::ItemListQuery q;
      q.agency = agency;
      q.statuses = {catalog::ItemStatus::kPublished};
      q.live = true;
      q.limit = INT_MAX;
      GONGKAI_ASSIGN_OR_RETURN(storage::ItemPage page, tx->catalog().ListItems(q));
      std::sort(page.items.begin(), page.items.end(),
                [](const auto& a, const auto& b) { return a.record.id < b.record.id; });
      std::map<catalog::ItemId, std::string> numbers;
      for (const storage::ItemSummary& s : page.items) numbers[s.record.id] = s.record.index_number;
      std::set<std::string> written;
      for (const storage::ItemSummary& s : page.items) {
        const catalog::ItemRecord& item = s.record;
        GONGKAI_ASSIGN_OR_RETURN(catalog::Revision rev,
                                 tx->catalog().GetRevision(item.id, *item.live_revision));
        const catalog::ItemContent& c = rev.content;
        RawItem r;
        r.fields = {{"column", by_id.at(item.column_id)->code},
                    {"index_number", item.index_number},
                    {"status", csv ? "已发布" : "published"},
                    {"published_on", DateText(item.published_on)},
                    {"title", c.title},
                    {"summary", c.summary},
                    {"body_html", c.body_html},
                    {"doc_number", c.doc_number},
                    {"publisher", c.publisher},
                    {"written_on", DateText(c.written_on)},
                    {"theme", c.theme},
                    {"genre", c.genre},
                    {"keywords", c.keywords},
                    {"attribute", std::string(csv ? catalog::AttributeName(c.attribute)
                                                  : catalog::AttributeCode(c.attribute))},
                    {"withheld_ground", c.withheld_ground},
                    {"validity", std::string(csv ? catalog::ValidityName(item.validity)
                                                 : catalog::ValidityCode(item.validity))},
                    {"validity_on", DateText(item.validity_on)}};
        if (item.validity_by && numbers.count(*item.validity_by)) {
          r.fields["validity_by"] = numbers[*item.validity_by];
        }
        GONGKAI_ASSIGN_OR_RETURN(std::vector<catalog::ItemLink> links,
                                 tx->catalog().LinksOf(item.id));
        for (const catalog::ItemLink& l : links) {
          if (l.from != item.id || !numbers.count(l.to)) continue;
          r.links.push_back(
              {std::string(csv ? catalog::LinkKindName(l.kind) : catalog::LinkKindCode(l.kind)),
               numbers[l.to]});
        }
        for (const catalog::FileRef& f : c.files) {
          std::string path = FilePath(f);
          r.files.push_back(path);
          if (files != nullptr && written.insert(path).second) {
            GONGKAI_ASSIGN_OR_RETURN(std::string data, tx->catalog().FileData(f.sha256));
            GONGKAI_RETURN_IF_ERROR(files->Write(path, data));
          }
        }
        out += csv ? catalog_rows::CsvRecord(r) : catalog_rows::ItemJson(r);
      }
    }
  }
  if (denied) {
    return DenyAndAudit(store_, clock_, actor, "catalog_export", "agency:" + std::to_string(agency),
                        "无权查看该机构的政府信息目录");
  }
  return out;
}

}  // namespace gongkai::services

#pragma once
// The rows of the catalog exchange format (docs/catalog-format.md) as text, before they are
// checked against the database: read from JSON lines or CSV, and written back. Internal to
// catalog_import.cc and catalog_export.cc. Pure.

#include <array>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gongkai::services::catalog_rows {

// A problem with one line of the file (1-based; for CSV the line a record starts on).
struct LineError {
  int line = 0;
  std::string message;  // Chinese, without the "第N行：" prefix
};

struct RawColumn {
  int line = 0;
  std::string code, name, parent, kind, freshness;
};

struct RawLink {
  std::string kind;  // code or Chinese name
  std::string to;    // 索引号
};

// An item's fields by their JSON key; absent keys are empty.
struct RawItem {
  int line = 0;
  std::map<std::string, std::string, std::less<>> fields;
  std::vector<std::string> files;  // relative paths under the files folder
  std::vector<RawLink> links;
  const std::string& Get(std::string_view key) const;
};

struct RawCatalog {
  std::optional<std::string> index_pattern;  // from the JSON lines header
  std::vector<RawColumn> columns;
  std::vector<RawItem> items;
};

// The item's scalar fields: JSON key and CSV header (Chinese), in file order.
struct FieldName {
  std::string_view key;
  std::string_view zh;
};
inline constexpr std::array<FieldName, 18> kItemFields{{
    {"column", "栏目代码"},
    {"index_number", "索引号"},
    {"status", "状态"},
    {"published_on", "发布日期"},
    {"title", "名称"},
    {"summary", "内容概述"},
    {"body_html", "正文"},
    {"doc_number", "文号"},
    {"publisher", "发布机构"},
    {"written_on", "成文日期"},
    {"theme", "主题分类"},
    {"genre", "体裁"},
    {"keywords", "关键词"},
    {"attribute", "公开属性"},
    {"withheld_ground", "不公开理由"},
    {"validity", "有效性"},
    {"validity_on", "有效性日期"},
    {"validity_by", "变更文件索引号"},
}};
inline constexpr FieldName kLinksField{"links", "关联"};
inline constexpr FieldName kFilesField{"files", "附件"};

RawCatalog ParseJsonLines(std::string_view text, std::vector<LineError>* errors);
RawCatalog ParseCsv(std::string_view text, std::vector<LineError>* errors);

// One line each, ending in "\n".
std::string HeaderJson(const std::string& index_pattern);
std::string ColumnJson(const RawColumn& column);
std::string ItemJson(const RawItem& item);
// The CSV header row (UTF-8 byte-order mark, Chinese names) and one item's record, CRLF-ended.
std::string CsvHeader();
std::string CsvRecord(const RawItem& item);

}  // namespace gongkai::services::catalog_rows

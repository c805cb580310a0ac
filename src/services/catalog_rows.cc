#include "services/catalog_rows.h"

#include <nlohmann/json.hpp>

namespace gongkai::services::catalog_rows {

namespace {

using Json = nlohmann::ordered_json;

constexpr std::string_view kDateKeys[] = {"published_on", "written_on", "validity_on",
                                          "validity_by"};
constexpr std::string_view kBom = "\xEF\xBB\xBF";

bool IsItemKey(std::string_view key) {
  for (const FieldName& f : kItemFields) {
    if (f.key == key) return true;
  }
  return false;
}

bool NullWhenEmpty(std::string_view key) {
  for (std::string_view k : kDateKeys) {
    if (k == key) return true;
  }
  return false;
}

// A string (or null = "") field; false when it is something else.
bool ReadString(const Json& v, std::string* out) {
  if (v.is_null()) {
    out->clear();
    return true;
  }
  if (!v.is_string()) return false;
  *out = v.get<std::string>();
  return true;
}

void ParseColumn(const Json& j, int line, RawCatalog* out, std::vector<LineError>* errors) {
  RawColumn c;
  c.line = line;
  for (const auto& [key, value] : j.items()) {
    std::string* field = key == "code"        ? &c.code
                         : key == "name"      ? &c.name
                         : key == "parent"    ? &c.parent
                         : key == "kind"      ? &c.kind
                         : key == "freshness" ? &c.freshness
                                              : nullptr;
    if (key == "type") continue;
    if (field == nullptr) {
      errors->push_back({line, "栏目没有“" + key + "”这一字段"});
      return;
    }
    if (!ReadString(value, field)) {
      errors->push_back({line, "栏目字段“" + key + "”应为字符串"});
      return;
    }
  }
  out->columns.push_back(std::move(c));
}

void ParseItem(const Json& j, int line, RawCatalog* out, std::vector<LineError>* errors) {
  RawItem item;
  item.line = line;
  for (const auto& [key, value] : j.items()) {
    if (key == "type") continue;
    if (key == kFilesField.key) {
      bool ok = value.is_array();
      for (const Json& f : ok ? value : Json::array()) {
        ok = ok && f.is_string();
        if (ok) item.files.push_back(f.get<std::string>());
      }
      if (!ok) {
        errors->push_back({line, "字段“files”应为文件路径（字符串）的数组"});
        return;
      }
      continue;
    }
    if (key == kLinksField.key) {
      bool ok = value.is_array();
      for (const Json& l : ok ? value : Json::array()) {
        RawLink link;
        ok = ok && l.is_object() && l.contains("kind") && l.contains("to") &&
             ReadString(l["kind"], &link.kind) && ReadString(l["to"], &link.to);
        if (ok) item.links.push_back(std::move(link));
      }
      if (!ok) {
        errors->push_back({line, "字段“links”应为 {\"kind\": …, \"to\": 索引号} 的数组"});
        return;
      }
      continue;
    }
    if (!IsItemKey(key)) {
      errors->push_back({line, "信息没有“" + key + "”这一字段"});
      return;
    }
    if (!ReadString(value, &item.fields[key])) {
      errors->push_back({line, "字段“" + key + "”应为字符串"});
      return;
    }
  }
  out->items.push_back(std::move(item));
}

std::string Dump(const Json& j) {
  return j.dump(-1, ' ', false, Json::error_handler_t::replace) + "\n";
}

// ---- CSV (RFC 4180): records may span lines inside quotes.

struct CsvRow {
  int line = 0;
  std::vector<std::string> cells;
};

// Splits `text` into records; false (with *error_line) on a quote left open.
bool SplitCsv(std::string_view text, std::vector<CsvRow>* rows, int* error_line) {
  int line = 1;
  size_t i = 0;
  while (i < text.size()) {
    CsvRow row;
    row.line = line;
    std::string cell;
    bool done = false;
    while (!done) {
      if (i < text.size() && text[i] == '"') {
        int opened = line;
        ++i;
        for (;;) {
          if (i >= text.size()) {
            *error_line = opened;
            return false;
          }
          if (text[i] == '"') {
            if (i + 1 < text.size() && text[i + 1] == '"') {
              cell += '"';
              i += 2;
              continue;
            }
            ++i;
            break;
          }
          if (text[i] == '\n') ++line;
          cell += text[i++];
        }
      }
      while (i < text.size() && text[i] != ',' && text[i] != '\n' && text[i] != '\r') {
        cell += text[i++];
      }
      row.cells.push_back(std::move(cell));
      cell.clear();
      if (i < text.size() && text[i] == ',') {
        ++i;
        continue;
      }
      if (i < text.size() && text[i] == '\r') ++i;
      if (i < text.size() && text[i] == '\n') ++i;
      ++line;
      done = true;
    }
    bool blank = row.cells.size() == 1 && row.cells[0].empty();
    if (!blank) rows->push_back(std::move(row));
  }
  return true;
}

// A cell as written (a leading apostrophe before = + - @ ' was added by the export).
std::string Unescape(std::string cell) {
  if (cell.size() >= 2 && cell[0] == '\'' &&
      std::string_view("=+-@'").find(cell[1]) != std::string_view::npos) {
    cell.erase(0, 1);
  }
  return cell;
}

std::vector<std::string> SplitLines(const std::string& cell) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (pos <= cell.size()) {
    size_t end = cell.find('\n', pos);
    if (end == std::string::npos) end = cell.size();
    std::string part = cell.substr(pos, end - pos);
    if (!part.empty() && part.back() == '\r') part.pop_back();
    if (!part.empty()) out.push_back(std::move(part));
    pos = end + 1;
  }
  return out;
}

void AppendCsvCell(std::string& out, std::string_view value) {
  std::string v;
  if (!value.empty() && std::string_view("=+-@'").find(value[0]) != std::string_view::npos) {
    v = "'";
  }
  v += value;
  if (v.find_first_of(",\"\r\n") == std::string::npos) {
    out += v;
    return;
  }
  out += '"';
  for (char c : v) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

}  // namespace

const std::string& RawItem::Get(std::string_view key) const {
  static const std::string kEmpty;
  auto it = fields.find(key);
  return it == fields.end() ? kEmpty : it->second;
}

RawCatalog ParseJsonLines(std::string_view text, std::vector<LineError>* errors) {
  RawCatalog out;
  if (text.starts_with(kBom)) text.remove_prefix(kBom.size());
  int line = 0;
  for (size_t pos = 0; pos < text.size();) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view raw = text.substr(pos, end - pos);
    pos = end + 1;
    ++line;
    if (raw.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    Json j = Json::parse(raw.begin(), raw.end(), nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded() || !j.is_object()) {
      errors->push_back({line, "不是有效的 JSON 对象"});
      continue;
    }
    std::string type;
    if (!j.contains("type") || !ReadString(j["type"], &type)) type.clear();
    if (type == "column") {
      ParseColumn(j, line, &out, errors);
    } else if (type == "item") {
      ParseItem(j, line, &out, errors);
    } else if (type == "catalog") {
      std::string pattern;
      if (j.contains("index_pattern") && ReadString(j["index_pattern"], &pattern)) {
        out.index_pattern = pattern;
      }
    } else {
      errors->push_back({line, "“type”应为 catalog、column 或 item"});
    }
  }
  return out;
}

RawCatalog ParseCsv(std::string_view text, std::vector<LineError>* errors) {
  RawCatalog out;
  if (text.starts_with(kBom)) text.remove_prefix(kBom.size());
  std::vector<CsvRow> rows;
  int open_line = 0;
  if (!SplitCsv(text, &rows, &open_line)) {
    errors->push_back({open_line, "引号没有闭合（字段从这一行开始，到文件末尾也没有结束的引号）"});
    return out;
  }
  if (rows.empty()) return out;
  // Header: each column's JSON key ("" for links/files handled apart).
  std::vector<std::string> keys;
  for (const std::string& h : rows[0].cells) {
    std::string key;
    for (const FieldName& f : kItemFields) {
      if (h == f.key || h == f.zh) key = f.key;
    }
    for (const FieldName& f : {kLinksField, kFilesField}) {
      if (h == f.key || h == f.zh) key = f.key;
    }
    if (key.empty()) errors->push_back({rows[0].line, "表头“" + h + "”不是可识别的列名"});
    keys.push_back(std::move(key));
  }
  if (!errors->empty()) return out;
  for (size_t r = 1; r < rows.size(); ++r) {
    const CsvRow& row = rows[r];
    if (row.cells.size() != keys.size()) {
      errors->push_back({row.line, "有" + std::to_string(row.cells.size()) + "列，表头有" +
                                       std::to_string(keys.size()) + "列"});
      continue;
    }
    RawItem item;
    item.line = row.line;
    for (size_t c = 0; c < keys.size(); ++c) {
      std::string value = Unescape(row.cells[c]);
      if (keys[c] == kFilesField.key) {
        item.files = SplitLines(value);
      } else if (keys[c] == kLinksField.key) {
        for (const std::string& entry : SplitLines(value)) {
          size_t colon = entry.find(':');
          size_t wide = entry.find("：");
          size_t at = std::min(colon, wide);
          size_t skip = at == colon ? 1 : std::string_view("：").size();
          if (at == std::string::npos) {
            errors->push_back({row.line, "关联“" + entry + "”应写成“类型:索引号”"});
            continue;
          }
          item.links.push_back({entry.substr(0, at), entry.substr(at + skip)});
        }
      } else {
        item.fields[keys[c]] = std::move(value);
      }
    }
    out.items.push_back(std::move(item));
  }
  return out;
}

std::string HeaderJson(const std::string& index_pattern) {
  Json j;
  j["type"] = "catalog";
  j["version"] = 1;
  j["index_pattern"] = index_pattern;
  return Dump(j);
}

std::string ColumnJson(const RawColumn& c) {
  Json j;
  j["type"] = "column";
  j["code"] = c.code;
  j["name"] = c.name;
  j["parent"] = c.parent;
  j["kind"] = c.kind;
  j["freshness"] = c.freshness;
  return Dump(j);
}

std::string ItemJson(const RawItem& item) {
  Json j;
  j["type"] = "item";
  for (const FieldName& f : kItemFields) {
    const std::string& v = item.Get(f.key);
    if (v.empty() && NullWhenEmpty(f.key)) {
      j[std::string(f.key)] = nullptr;
    } else {
      j[std::string(f.key)] = v;
    }
  }
  Json links = Json::array();
  for (const RawLink& l : item.links) links.push_back({{"kind", l.kind}, {"to", l.to}});
  j["links"] = links;
  j["files"] = item.files;
  return Dump(j);
}

std::string CsvHeader() {
  std::string out(kBom);
  for (const FieldName& f : kItemFields) {
    out += f.zh;
    out += ',';
  }
  out += std::string(kLinksField.zh) + "," + std::string(kFilesField.zh) + "\r\n";
  return out;
}

std::string CsvRecord(const RawItem& item) {
  std::string out;
  for (const FieldName& f : kItemFields) {
    AppendCsvCell(out, item.Get(f.key));
    out += ',';
  }
  std::string links;
  for (const RawLink& l : item.links) links += (links.empty() ? "" : "\n") + l.kind + ":" + l.to;
  AppendCsvCell(out, links);
  out += ',';
  std::string files;
  for (const std::string& f : item.files) files += (files.empty() ? "" : "\n") + f;
  AppendCsvCell(out, files);
  out += "\r\n";
  return out;
}

}  // namespace gongkai::services::catalog_rows

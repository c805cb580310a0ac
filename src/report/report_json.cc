// Our JSON form of a report (schema "gongkai.annual_report", version 1; docs/report-json.md).
// Counts are JSON integers, amounts decimal strings ("0.25" 万元, never a binary float), and a
// missing cell is null.
#include <nlohmann/json.hpp>

#include "report/import.h"
#include "report/render.h"
#include "report/text_util.h"

namespace gongkai::report {
namespace {

using Json = nlohmann::ordered_json;
constexpr int kSchemaVersion = 1;
constexpr const char* kSchema = "gongkai.annual_report";

Json ValueJson(const Value& v, ValueKind kind) {
  if (!v) return nullptr;
  if (kind == ValueKind::kAmount) return FormatAmount(*v);
  return *v;
}

// Reads one value; false (with `why`) when it is not of the kind.
bool ReadValue(const Json& j, ValueKind kind, Value& out, std::string& why) {
  if (j.is_null()) {
    out = std::nullopt;
    return true;
  }
  if (kind == ValueKind::kAmount) {
    if (!j.is_string()) {
      why = "金额应写成字符串，如 \"0.25\"";
      return false;
    }
    out = ParseCellNumber(j.get<std::string>(), 10000, true);
    if (!out) why = "不是有效金额";
    return out.has_value();
  }
  if (!j.is_number_integer()) {
    why = "应为整数";
    return false;
  }
  int64_t v = j.get<int64_t>();
  if (v > 1'000'000'000'000 || v < -1'000'000'000'000) {
    why = "数值超出范围";
    return false;
  }
  out = v;
  return true;
}

}  // namespace

std::string RenderJson(const AnnualReport& r) {
  const ReportTemplate& t = GetTemplate(r.version);
  Json j;
  j["schema"] = kSchema;
  j["schema_version"] = kSchemaVersion;
  j["template"] = TemplateVersionName(r.version);
  j["agency"] = r.agency;
  j["year"] = r.year;
  j["title"] = ReportTitle(r);
  j["preamble"] = r.preamble;
  Json sections = Json::array();
  for (int s = 0; s < 6; ++s)
    sections.push_back({{"heading", t.headings[s]}, {"text", r.sections[s]}});
  j["sections"] = sections;
  Json t2 = Json::array();
  for (int i = 0; i < t.Table2CellCount() && i < static_cast<int>(r.table2.size()); ++i) {
    std::string name = t.Table2CellName(i);
    size_t dot = name.find(" · ");
    t2.push_back({{"row", name.substr(0, dot)},
                  {"column", name.substr(dot + 4)},
                  {"value", ValueJson(r.table2[i], t.Table2Kind(i))}});
  }
  j["table2"] = t2;
  Json t3rows = Json::array();
  for (size_t i = 0; i < t.table3.size() && i < r.table3.size(); ++i) {
    Json vals = Json::array();
    for (const auto& v : r.table3[i]) vals.push_back(ValueJson(v, ValueKind::kCount));
    t3rows.push_back({{"id", t.table3[i].id},
                      {"label", t.Table3RowName(static_cast<int>(i))},
                      {"values", vals}});
  }
  j["table3"] = {{"columns", t.table3_columns}, {"rows", t3rows}};
  Json t4cols = Json::array(), t4vals = Json::array();
  for (int c = 0; c < kTable4Columns; ++c) {
    t4cols.push_back(t.Table4ColumnName(c));
    t4vals.push_back(ValueJson(r.table4[c], ValueKind::kCount));
  }
  j["table4"] = {{"columns", t4cols}, {"values", t4vals}};
  return j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

namespace {
Result<ImportResult> ImportJsonImpl(std::string_view text) {
  Json j = Json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object()) {
    return InvalidArgument("not a JSON object", "JSON 格式错误（无法解析，或顶层不是对象）");
  }
  if (j.value("schema", "") != kSchema || !j.contains("schema_version") ||
      !j["schema_version"].is_number_integer()) {
    return InvalidArgument(
        "not a gongkai.annual_report document",
        "JSON 不是 gongkai 年度报告格式（缺少 \"schema\": \"gongkai.annual_report\"）");
  }
  if (j["schema_version"].get<int64_t>() != kSchemaVersion) {
    return InvalidArgument("unsupported schema_version",
                           "不支持的 JSON 报告版本 " + j["schema_version"].dump() + "（支持 1）");
  }
  ImportResult res;
  res.format = "json";
  auto issue = [&res](const std::string& where, const std::string& msg) {
    res.issues.push_back({"I2", Severity::kError, "json/" + where, where, where + "：" + msg});
    res.complete = false;
  };
  std::string tmpl = j.value("template", "");
  if (tmpl != "2021" && tmpl != "2019") {
    return InvalidArgument("bad template", "JSON 报告的 template 应为 \"2021\" 或 \"2019\"");
  }
  TemplateVersion v = tmpl == "2021" ? TemplateVersion::k2021 : TemplateVersion::k2019;
  const ReportTemplate& t = GetTemplate(v);
  AnnualReport& r = res.report;
  r = MakeEmptyReport(v);
  if (j.contains("agency") && j["agency"].is_string()) r.agency = j["agency"].get<std::string>();
  if (j.contains("year") && j["year"].is_number_integer()) {
    int64_t y = j["year"].get<int64_t>();
    if (y >= 0 && y <= 9999)
      r.year = static_cast<int>(y);
    else
      issue("year", "年度超出范围");
  }
  if (j.contains("preamble") && j["preamble"].is_string())
    r.preamble = j["preamble"].get<std::string>();
  if (j.contains("sections") && j["sections"].is_array()) {
    for (size_t s = 0; s < j["sections"].size() && s < 6; ++s) {
      const Json& sec = j["sections"][s];
      if (sec.is_object() && sec.contains("text") && sec["text"].is_string()) {
        r.sections[s] = sec["text"].get<std::string>();
      }
    }
  }
  std::vector<bool> seen2(t.Table2CellCount(), false);
  if (j.contains("table2") && j["table2"].is_array()) {
    for (const Json& cell : j["table2"]) {
      if (!cell.is_object()) continue;
      std::string name = cell.value("row", "") + " · " + cell.value("column", "");
      int found = -1;
      for (int i = 0; i < t.Table2CellCount(); ++i) {
        if (t.Table2CellName(i) == name) found = i;
      }
      if (found < 0) {
        issue("table2", "未知的单元格“" + name + "”");
        continue;
      }
      std::string why;
      if (!ReadValue(cell.contains("value") ? cell["value"] : Json(), t.Table2Kind(found),
                     r.table2[found], why)) {
        issue("table2/" + name, why);
      }
      seen2[found] = true;
    }
  }
  for (int i = 0; i < t.Table2CellCount(); ++i) {
    if (!seen2[i]) issue("table2", "缺少单元格“" + t.Table2CellName(i) + "”");
  }
  std::vector<bool> seen3(t.table3.size(), false);
  const Json* rows = nullptr;
  if (j.contains("table3") && j["table3"].is_object() && j["table3"].contains("rows") &&
      j["table3"]["rows"].is_array()) {
    rows = &j["table3"]["rows"];
  }
  for (size_t k = 0; rows != nullptr && k < rows->size(); ++k) {
    const Json& row = (*rows)[k];
    int idx = row.is_object() ? t.Table3RowIndex(row.value("id", "")) : -1;
    if (idx < 0 || seen3[idx]) {
      issue("table3/" + std::to_string(k + 1), "未知或重复的行");
      continue;
    }
    seen3[idx] = true;
    if (!row.contains("values") || !row["values"].is_array() ||
        row["values"].size() != kTable3Columns) {
      issue("table3/" + t.table3[idx].id, "values 应为 7 个数");
      continue;
    }
    for (int c = 0; c < kTable3Columns; ++c) {
      std::string why;
      if (!ReadValue(row["values"][c], ValueKind::kCount, r.table3[idx][c], why)) {
        issue("table3/" + t.table3[idx].id + "/" + t.table3_columns[c], why);
      }
    }
  }
  for (size_t i = 0; i < seen3.size(); ++i) {
    if (!seen3[i]) issue("table3", "缺少行“" + t.Table3RowName(static_cast<int>(i)) + "”");
  }
  const Json* t4 = nullptr;
  if (j.contains("table4") && j["table4"].is_object() && j["table4"].contains("values") &&
      j["table4"]["values"].is_array() && j["table4"]["values"].size() == kTable4Columns) {
    t4 = &j["table4"]["values"];
  }
  if (t4 == nullptr) {
    issue("table4", "values 应为 15 个数");
  } else {
    for (int c = 0; c < kTable4Columns; ++c) {
      std::string why;
      if (!ReadValue((*t4)[c], ValueKind::kCount, r.table4[c], why)) {
        issue("table4/" + std::to_string(c + 1), why);
      }
    }
  }
  return res;
}
}  // namespace

Result<ImportResult> ImportJson(std::string_view text) {
  try {
    return ImportJsonImpl(text);
  } catch (const nlohmann::json::exception& e) {
    return InvalidArgument(std::string("bad JSON report: ") + e.what(),
                           "JSON 报告的结构不符合格式（某个字段的类型不对）");
  }
}

}  // namespace gongkai::report

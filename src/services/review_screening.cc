#include "services/review_screening.h"

#include <nlohmann/json.hpp>

namespace gongkai::services {

namespace {
using Json = nlohmann::ordered_json;
}  // namespace

int ScreeningResult::errors() const {
  int n = 0;
  for (const auto& h : hits) n += h.severity == "error" ? 1 : 0;
  return n;
}

int ScreeningResult::warnings() const { return static_cast<int>(hits.size()) - errors(); }

Result<ScreeningResult> ScreenRevision(const ReviewScreening& screening, storage::Transaction& tx,
                                       const catalog::Revision& rev, const Date& today) {
  ScreeningResult out;
  out.version = screening.version;
  if (!screening.screener) return out;
  out.configured = true;
  std::string text = rev.content.title + "\n\n" + rev.content.summary + "\n\n" + rev.body_text;
  for (const catalog::FileRef& f : rev.content.files) {
    GONGKAI_ASSIGN_OR_RETURN(std::string file_text, tx.catalog().FileText(f.sha256));
    if (!file_text.empty()) text += "\n\n" + file_text;
  }
  GONGKAI_ASSIGN_OR_RETURN(screening::ScreenReport report,
                           screening.screener->Screen(text, screening::InputFormat::kText, today));
  for (const screening::Finding& f : report.findings) {
    ScreeningHit h;
    h.category = screening::CategoryName(f.category);
    h.severity = SeverityName(f.severity);
    h.term = f.term;
    h.suggestion = f.suggestion;
    h.original = f.category == screening::Category::kPrivacy ? f.suggestion : f.original;
    h.offset = static_cast<int>(f.char_begin);
    out.hits.push_back(std::move(h));
  }
  return out;
}

std::string ScreeningToJson(const ScreeningResult& r) {
  Json j;
  j["engine"] = r.engine;
  j["version"] = r.version;
  j["configured"] = r.configured;
  Json hits = Json::array();
  for (const auto& h : r.hits) {
    Json x = {{"category", h.category},     {"severity", h.severity}, {"term", h.term},
              {"suggestion", h.suggestion}, {"original", h.original}, {"offset", h.offset}};
    if (!h.override_reason.empty()) x["override"] = h.override_reason;
    hits.push_back(std::move(x));
  }
  j["hits"] = std::move(hits);
  return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

ScreeningResult ScreeningFromJson(const std::string& json) {
  ScreeningResult r;
  Json j = Json::parse(json, nullptr, false);
  if (!j.is_object()) return r;
  r.engine = j.value("engine", "");
  r.version = j.value("version", "");
  r.configured = j.value("configured", false);
  if (!j.contains("hits") || !j["hits"].is_array()) return r;
  for (const Json& x : j["hits"]) {
    if (!x.is_object()) continue;
    ScreeningHit h;
    h.category = x.value("category", "");
    h.severity = x.value("severity", "");
    h.term = x.value("term", "");
    h.suggestion = x.value("suggestion", "");
    h.original = x.value("original", "");
    h.offset = x.value("offset", 0);
    h.override_reason = x.value("override", "");
    r.hits.push_back(std::move(h));
  }
  return r;
}

std::string ScreeningSummary(const ScreeningResult& r) {
  if (!r.configured) return "未配置检查词库";
  if (r.hits.empty()) return "未发现问题";
  return "错误" + std::to_string(r.errors()) + "处，提示" + std::to_string(r.warnings()) + "处";
}

}  // namespace gongkai::services

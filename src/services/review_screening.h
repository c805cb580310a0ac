#pragma once
// The screening gate of the review (错敏词 and personal data, statutory-rules §5.2): a revision's
// 名称, 内容概述, body text and attachment texts screened together, kept as a JSON snapshot with
// each stage's decision.

#include <memory>
#include <string>
#include <vector>

#include "catalog/catalog.h"
#include "screening/screener.h"
#include "storage/store.h"

namespace gongkai::services {

// The compiled dictionaries the review screens with, and their version (shown in the 登记表).
struct ReviewScreening {
  std::shared_ptr<const screening::Screener> screener;  // null: screening is not configured
  std::string version;                                  // "builtin-<sha256 prefix>" …
};

struct ScreeningHit {
  std::string category;  // 错别字, 敏感词, 隐私信息 …
  std::string severity;  // "error" | "warning" | "info"
  std::string term;
  std::string suggestion;
  std::string original;
  int offset = 0;               // code points from the start of the screened text
  std::string override_reason;  // filled at 终审 for an error hit published anyway
};

struct ScreeningResult {
  std::string engine = "gongkai-screener";
  std::string version;
  bool configured = false;
  std::vector<ScreeningHit> hits;
  int errors() const;
  int warnings() const;
};

// Screens the revision (title, summary, body text, attachment texts joined by blank lines).
Result<ScreeningResult> ScreenRevision(const ReviewScreening& screening, storage::Transaction& tx,
                                       const catalog::Revision& rev, const Date& today);

std::string ScreeningToJson(const ScreeningResult& result);
// An empty or malformed snapshot gives an empty result.
ScreeningResult ScreeningFromJson(const std::string& json);
// "错误 1 处，提示 2 处" or "未发现问题" / "未配置检查词库".
std::string ScreeningSummary(const ScreeningResult& result);

}  // namespace gongkai::services

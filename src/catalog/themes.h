#pragma once
// 主题分类 (the two-level national subject classification of the gov.cn policy library,
// statutory-rules §5.5) and 体裁 (document types: the 15 of 《党政机关公文处理工作条例》 plus the
// usual non-公文 kinds). Pure data.

#include <string>
#include <string_view>
#include <vector>

namespace gongkai::catalog {

struct Theme {
  std::string_view name;                   // 综合政务
  std::vector<std::string_view> children;  // 政务公开, 政务督查 … (may be empty: 其他)
};

// The first-level themes with their second level, in the official order.
const std::vector<Theme>& Themes();
// True for "一级" with no children, or "一级\二级" (also "一级/二级" and "一级＼二级").
bool IsKnownTheme(std::string_view text);
// "综合政务/政务公开" → "综合政务\政务公开" (the canonical separator); unchanged otherwise.
std::string CanonicalTheme(std::string_view text);

const std::vector<std::string_view>& Genres();
bool IsKnownGenre(std::string_view text);

}  // namespace gongkai::catalog

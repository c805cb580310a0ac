#include "catalog/catalog.h"

#include <array>
#include <utility>

#include "account/password.h"
#include "catalog/enum_names.h"
#include "catalog/themes.h"
#include "core/text.h"

namespace gongkai::catalog {

namespace {

constexpr Names<ColumnKind, 6> kKinds{{{{"section", "分类"},
                                        {"documents", "文件"},
                                        {"news", "动态"},
                                        {"interpretations", "解读"},
                                        {"reports", "年报"},
                                        {"page", "单页"}}}};
constexpr Names<Freshness, 4> kFreshness{{{{"none", "不要求更新"},
                                           {"dynamic", "动态类（2周）"},
                                           {"notice", "通知公告、政策文件类（6个月）"},
                                           {"yearly", "人事、规划类（1年）"}}}};
constexpr Names<Attribute, 3> kAttributes{
    {{{"active", "主动公开"}, {"on_request", "依申请公开"}, {"withheld", "不予公开"}}}};
constexpr Names<Validity, 4> kValidity{
    {{{"valid", "有效"}, {"amended", "已修改"}, {"repealed", "已废止"}, {"expired", "已失效"}}}};
constexpr Names<ItemStatus, 5> kStatuses{{{{"draft", "草稿"},
                                           {"in_review", "审核中"},
                                           {"approved", "待发布"},
                                           {"published", "已发布"},
                                           {"withdrawn", "已撤回"}}}};
constexpr Names<LinkKind, 3> kLinks{
    {{{"interprets", "解读"}, {"amends", "修改"}, {"repeals", "废止"}}}};

Status CheckText(std::string_view value, std::string_view field, size_t max, bool required,
                 bool newlines) {
  if (!IsCleanText(value, newlines)) {
    return InvalidArgument(std::string(field) + " has invalid characters",
                           std::string(field) + "含有无效字符");
  }
  if (required && Trim(value).empty()) {
    return InvalidArgument(std::string(field) + " is empty", std::string(field) + "不能为空");
  }
  if (CodePointCount(value) > max) {
    return InvalidArgument(std::string(field) + " is too long",
                           std::string(field) + "不能超过" + std::to_string(max) + "个字");
  }
  return Status::Ok();
}

void Put(std::string& out, std::string_view field) {
  out += std::to_string(field.size());
  out += ':';
  out += field;
}

}  // namespace

std::string_view ColumnKindCode(ColumnKind k) { return kKinds.Code(k); }
std::string_view ColumnKindName(ColumnKind k) { return kKinds.Name(k); }
Result<ColumnKind> ParseColumnKind(std::string_view t) { return kKinds.Parse(t, "栏目类型"); }
std::string_view FreshnessCode(Freshness f) { return kFreshness.Code(f); }
std::string_view FreshnessName(Freshness f) { return kFreshness.Name(f); }
Result<Freshness> ParseFreshness(std::string_view t) { return kFreshness.Parse(t, "更新要求"); }
std::string_view AttributeCode(Attribute a) { return kAttributes.Code(a); }
std::string_view AttributeName(Attribute a) { return kAttributes.Name(a); }
Result<Attribute> ParseAttribute(std::string_view t) { return kAttributes.Parse(t, "公开属性"); }
std::string_view ValidityCode(Validity v) { return kValidity.Code(v); }
std::string_view ValidityName(Validity v) { return kValidity.Name(v); }
Result<Validity> ParseValidity(std::string_view t) { return kValidity.Parse(t, "有效性"); }
std::string_view ItemStatusCode(ItemStatus s) { return kStatuses.Code(s); }
std::string_view ItemStatusName(ItemStatus s) { return kStatuses.Name(s); }
Result<ItemStatus> ParseItemStatus(std::string_view t) { return kStatuses.Parse(t, "状态"); }
std::string_view LinkKindCode(LinkKind k) { return kLinks.Code(k); }
std::string_view LinkKindName(LinkKind k) { return kLinks.Name(k); }
Result<LinkKind> ParseLinkKind(std::string_view t) { return kLinks.Parse(t, "关联类型"); }

std::optional<int> FreshnessDays(Freshness f) {
  switch (f) {
    case Freshness::kDynamic:
      return 14;
    case Freshness::kNotice:
      return 183;
    case Freshness::kYearly:
      return 365;
    case Freshness::kNone:
      break;
  }
  return std::nullopt;
}

Status ValidateColumn(const Column& c) {
  if (c.code.empty() || c.code.size() > 40) {
    return InvalidArgument("bad column code", "栏目代码须为1–40个小写字母、数字、- 或 _");
  }
  for (char ch : c.code) {
    bool ok = (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '-' || ch == '_';
    if (!ok) return InvalidArgument("bad column code", "栏目代码须为1–40个小写字母、数字、- 或 _");
  }
  return CheckText(c.name, "栏目名称", 30, true, false);
}

Status ValidateContent(const ItemContent& c) {
  GONGKAI_RETURN_IF_ERROR(CheckText(c.title, "名称", 200, true, false));
  GONGKAI_RETURN_IF_ERROR(CheckText(c.summary, "内容概述", 1000, false, true));
  GONGKAI_RETURN_IF_ERROR(CheckText(c.doc_number, "文号", 60, false, false));
  GONGKAI_RETURN_IF_ERROR(CheckText(c.publisher, "发布机构", 100, false, false));
  GONGKAI_RETURN_IF_ERROR(CheckText(c.keywords, "关键词", 200, false, false));
  GONGKAI_RETURN_IF_ERROR(CheckText(c.withheld_ground, "不公开理由", 500, false, true));
  if (!IsCleanText(c.body_html, true)) {
    return InvalidArgument("body has invalid characters", "正文含有无效字符");
  }
  if (c.body_html.size() > kMaxBodyBytes) {
    return InvalidArgument("body too long",
                           "正文不能超过" + std::to_string(kMaxBodyBytes / 1024 / 1024) + " MB");
  }
  if (!c.theme.empty() && !IsKnownTheme(c.theme)) {
    return InvalidArgument("unknown theme " + c.theme,
                           "主题分类“" + c.theme + "”不在国家主题分类表中（应为“一级\\二级”）");
  }
  if (!c.genre.empty() && !IsKnownGenre(c.genre)) {
    return InvalidArgument("unknown genre " + c.genre, "体裁“" + c.genre + "”不在体裁表中");
  }
  if (c.attribute != Attribute::kActive && Trim(c.withheld_ground).empty()) {
    return InvalidArgument("ground required",
                           std::string(AttributeName(c.attribute)) + "须写明理由和依据");
  }
  return Status::Ok();
}

std::string ContentDigest(const ItemContent& c) {
  std::string s = "gongkai-item-v1\n";
  for (std::string_view f :
       {std::string_view(c.title), std::string_view(c.summary), std::string_view(c.body_html),
        std::string_view(c.doc_number), std::string_view(c.publisher), std::string_view(c.theme),
        std::string_view(c.genre), std::string_view(c.keywords), AttributeCode(c.attribute),
        std::string_view(c.withheld_ground)}) {
    Put(s, f);
  }
  Put(s, c.written_on ? c.written_on->ToString() : "");
  for (const FileRef& f : c.files) {
    Put(s, f.name);
    Put(s, f.sha256);
  }
  return account::Sha256Hex(s);
}

}  // namespace gongkai::catalog

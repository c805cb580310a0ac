#include "agency/agency.h"

#include "agency/credit_code.h"
#include "core/text.h"

namespace gongkai::agency {

namespace {

struct KindRow {
  AgencyKind kind;
  const char* code;
  const char* name;
};
constexpr KindRow kKinds[] = {
    {AgencyKind::kGovernment, "government", "人民政府"},
    {AgencyKind::kDepartment, "department", "政府部门"},
    {AgencyKind::kTownship, "township", "乡镇（街道）"},
    {AgencyKind::kOther, "other", "其他"},
};

struct LevelRow {
  AgencyLevel level;
  const char* code;
  const char* name;
};
constexpr LevelRow kLevels[] = {
    {AgencyLevel::kNational, "national", "国家级"}, {AgencyLevel::kProvince, "province", "省级"},
    {AgencyLevel::kCity, "city", "市级"},           {AgencyLevel::kCounty, "county", "县级"},
    {AgencyLevel::kTownship, "township", "乡级"},
};

bool IsDigits(std::string_view s) {
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return !s.empty();
}

}  // namespace

std::string_view KindName(AgencyKind kind) {
  for (const auto& r : kKinds) {
    if (r.kind == kind) return r.name;
  }
  return "";
}
std::string_view KindCode(AgencyKind kind) {
  for (const auto& r : kKinds) {
    if (r.kind == kind) return r.code;
  }
  return "";
}
std::string_view LevelName(AgencyLevel level) {
  for (const auto& r : kLevels) {
    if (r.level == level) return r.name;
  }
  return "";
}
std::string_view LevelCode(AgencyLevel level) {
  for (const auto& r : kLevels) {
    if (r.level == level) return r.code;
  }
  return "";
}

Result<AgencyKind> ParseKind(std::string_view text) {
  for (const auto& r : kKinds) {
    if (text == r.code || text == r.name) return r.kind;
  }
  return InvalidArgument("unknown agency kind '" + std::string(text) + "'",
                         "机构类型“" + std::string(text) +
                             "”无效，应为 government（人民政府）、department（政府部门）、"
                             "township（乡镇（街道））或 other（其他）");
}

Result<AgencyLevel> ParseLevel(std::string_view text) {
  for (const auto& r : kLevels) {
    if (text == r.code || text == r.name) return r.level;
  }
  return InvalidArgument("unknown agency level '" + std::string(text) + "'",
                         "行政层级“" + std::string(text) +
                             "”无效，应为 national、province、city、county 或 township"
                             "（国家级、省级、市级、县级、乡级）");
}

Status NormalizeAndValidate(Agency* a) {
  a->name = Trim(a->name);
  a->short_name = Trim(a->short_name);
  a->credit_code = NormalizeCreditCode(a->credit_code);
  a->address = Trim(a->address);
  a->phone = Trim(a->phone);
  a->postcode = Trim(a->postcode);
  a->office_hours = Trim(a->office_hours);
  a->reconsideration_body = Trim(a->reconsideration_body);
  a->court = Trim(a->court);
  struct Field {
    const std::string* value;
    const char* en;
    const char* zh;
    size_t max_chars;
  };
  const Field fields[] = {
      {&a->name, "name", "机构名称", 100},
      {&a->short_name, "short name", "简称", 40},
      {&a->address, "address", "地址", 200},
      {&a->phone, "phone", "电话", 60},
      {&a->postcode, "postcode", "邮编", 6},
      {&a->office_hours, "office hours", "办公时间", 200},
      {&a->reconsideration_body, "reconsideration body", "行政复议机关", 100},
      {&a->court, "court", "人民法院", 100},
      {&a->credit_code, "credit code", "统一社会信用代码", 18},
  };
  for (const auto& f : fields) {
    if (!IsCleanText(*f.value, false)) {
      return InvalidArgument(std::string(f.en) + " has invalid UTF-8 or control characters",
                             std::string(f.zh) + "含有无效编码（非 UTF-8）或控制字符");
    }
    if (CodePointCount(*f.value) > f.max_chars && f.value != &a->credit_code) {
      return InvalidArgument(
          std::string(f.en) + " too long",
          std::string(f.zh) + "过长（最多" + std::to_string(f.max_chars) + "个字）");
    }
  }
  if (CodePointCount(a->name) < 2) {
    return InvalidArgument("name too short", "机构名称不能为空，且至少2个字");
  }
  if (!a->credit_code.empty()) GONGKAI_RETURN_IF_ERROR(ValidateCreditCode(a->credit_code));
  if (!a->postcode.empty() && (a->postcode.size() != 6 || !IsDigits(a->postcode))) {
    return InvalidArgument("postcode must be 6 digits",
                           "邮编“" + a->postcode + "”无效，应为6位数字");
  }
  for (char c : a->phone) {
    bool ok = (c >= '0' && c <= '9') || c == '-' || c == ' ' || c == '(' || c == ')' || c == '+' ||
              c == ',' || c == '/';
    if (!ok) {
      return InvalidArgument("phone has bad characters",
                             "电话“" + a->phone + "”无效，只能包含数字、空格和 - ( ) + , /");
    }
  }
  return Status::Ok();
}

}  // namespace gongkai::agency

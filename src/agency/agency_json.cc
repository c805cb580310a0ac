#include "agency/agency_json.h"

namespace gongkai::agency {

nlohmann::json AgencyToJson(const Agency& a) {
  nlohmann::json j = {{"id", a.id},
                      {"name", a.name},
                      {"short_name", a.short_name},
                      {"kind", KindCode(a.kind)},
                      {"kind_name", KindName(a.kind)},
                      {"level", LevelCode(a.level)},
                      {"level_name", LevelName(a.level)},
                      {"credit_code", a.credit_code},
                      {"address", a.address},
                      {"phone", a.phone},
                      {"postcode", a.postcode},
                      {"office_hours", a.office_hours},
                      {"reconsideration_body", a.reconsideration_body},
                      {"court", a.court}};
  j["parent_id"] = a.parent_id ? nlohmann::json(*a.parent_id) : nlohmann::json(nullptr);
  return j;
}

Status AgencyFromJson(const nlohmann::json& j, Agency* a) {
  if (!j.is_object()) return InvalidArgument("agency must be an object", "机构数据应为 JSON 对象");
  struct TextField {
    const char* key;
    std::string* value;
  };
  const TextField text[] = {{"name", &a->name},
                            {"short_name", &a->short_name},
                            {"credit_code", &a->credit_code},
                            {"address", &a->address},
                            {"phone", &a->phone},
                            {"postcode", &a->postcode},
                            {"office_hours", &a->office_hours},
                            {"reconsideration_body", &a->reconsideration_body},
                            {"court", &a->court}};
  for (const auto& [key, value] : j.items()) {
    bool known = false;
    for (const auto& f : text) {
      if (key != f.key) continue;
      known = true;
      if (!value.is_string()) {
        return InvalidArgument(key + " must be a string", "字段“" + key + "”应为字符串");
      }
      *f.value = value.get<std::string>();
    }
    if (key == "kind" || key == "level") {
      known = true;
      if (!value.is_string()) {
        return InvalidArgument(key + " must be a string", "字段“" + key + "”应为字符串");
      }
      if (key == "kind") {
        GONGKAI_ASSIGN_OR_RETURN(a->kind, ParseKind(value.get<std::string>()));
      } else {
        GONGKAI_ASSIGN_OR_RETURN(a->level, ParseLevel(value.get<std::string>()));
      }
    } else if (key == "parent_id") {
      known = true;
      if (value.is_null()) {
        a->parent_id.reset();
      } else if (value.is_number_integer() && value.get<int64_t>() > 0) {
        a->parent_id = value.get<int64_t>();
      } else {
        return InvalidArgument("parent_id must be a positive integer or null",
                               "字段“parent_id”应为正整数或 null");
      }
    } else if (key == "id" || key == "kind_name" || key == "level_name") {
      known = true;  // read-only, ignored
    }
    if (!known) return InvalidArgument("unknown key " + key, "未知字段“" + key + "”");
  }
  return Status::Ok();
}

}  // namespace gongkai::agency

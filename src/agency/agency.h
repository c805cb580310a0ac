#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace gongkai::agency {

using AgencyId = int64_t;

// What kind of body an agency is; decides e.g. the annual report's legal
// deadline (条例 第四十九条: departments by 31 Jan, governments by 31 Mar).
enum class AgencyKind {
  kGovernment,  // 人民政府
  kDepartment,  // 政府部门（工作部门、派出机构）
  kTownship,    // 乡镇人民政府、街道办事处
  kOther,       // 法律法规授权组织 etc.
};

// Administrative level (行政层级).
enum class AgencyLevel { kNational, kProvince, kCity, kCounty, kTownship };

// A node of the agency tree (a government and its departments/towns).
struct Agency {
  AgencyId id = 0;                    // 0 until stored
  std::optional<AgencyId> parent_id;  // none for the root government
  std::string name;                   // 樟树市工业和信息化局
  std::string short_name;             // 市工信局
  AgencyKind kind = AgencyKind::kDepartment;
  AgencyLevel level = AgencyLevel::kCounty;
  std::string credit_code;  // 统一社会信用代码, validated, may be empty
  std::string address;
  std::string phone;         // office phone, e.g. 0795-7333621
  std::string postcode;      // 6 digits or empty
  std::string office_hours;  // 工作日 8:00–12:00，14:30–17:30
  // 救济途径 printed in the agency's 答复书/告知书 (docs/letters.md): the 行政复议机关 (since the
  // 2023 行政复议法 normally the 本级人民政府, e.g. 樟树市人民政府) and the 人民法院 with
  // jurisdiction (e.g. 樟树市人民法院). Empty = not set: those letters are refused until set.
  std::string reconsideration_body;
  std::string court;
  int64_t created_at = 0;  // Unix seconds
  int64_t updated_at = 0;
};

// Chinese and machine names: "人民政府"/"government", "县级"/"county".
std::string_view KindName(AgencyKind kind);
std::string_view KindCode(AgencyKind kind);
std::string_view LevelName(AgencyLevel level);
std::string_view LevelCode(AgencyLevel level);
// Accepts the machine code or the Chinese name. kInvalidArgument otherwise.
Result<AgencyKind> ParseKind(std::string_view text);
Result<AgencyLevel> ParseLevel(std::string_view text);

// Normalises (trims, upper-cases the credit code) and checks every field:
// name 2–100 characters, short name ≤ 40, valid credit code when given,
// postcode 6 digits when given, phone of digits/-/()/spaces, no control
// characters; 行政复议机关 and 人民法院 ≤ 100. kInvalidArgument naming the first bad field in
// Chinese.
Status NormalizeAndValidate(Agency* agency);

}  // namespace gongkai::agency

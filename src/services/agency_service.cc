#include "services/agency_service.h"

#include "services/audit.h"

namespace gongkai::services {

using account::Permission;

Result<std::vector<agency::Agency>> AgencyService::List() {
  GONGKAI_ASSIGN_OR_RETURN(auto tx, store_.Begin(storage::TxMode::kRead));
  return tx->agencies().List();
}

Result<agency::Agency> AgencyService::Get(agency::AgencyId id) {
  GONGKAI_ASSIGN_OR_RETURN(auto tx, store_.Begin(storage::TxMode::kRead));
  return tx->agencies().Get(id);
}

Result<std::vector<agency::Agency>> AgencyService::ListManageable(const account::Actor& actor) {
  GONGKAI_ASSIGN_OR_RETURN(auto all, List());
  auto parents = account::ParentsOf(all);
  std::vector<agency::Agency> out;
  for (auto& a : all) {
    if (account::Can(actor, Permission::kManageAgency, a.id, parents)) out.push_back(std::move(a));
  }
  return out;
}

Result<agency::AgencyId> AgencyService::Add(const account::Actor& actor, agency::Agency a) {
  GONGKAI_RETURN_IF_ERROR(agency::NormalizeAndValidate(&a));
  std::string target = a.parent_id ? "agency:" + std::to_string(*a.parent_id) : "agency:root";
  {
    GONGKAI_ASSIGN_OR_RETURN(auto tx, store_.Begin(storage::TxMode::kWrite));
    GONGKAI_ASSIGN_OR_RETURN(auto all, tx->agencies().List());
    auto parents = account::ParentsOf(all);
    if (a.parent_id && !parents.count(*a.parent_id)) {
      return NotFound("parent agency",
                      "上级机构（编号 " + std::to_string(*a.parent_id) + "）不存在");
    }
    if (account::Can(actor, Permission::kManageAgency, a.parent_id, parents)) {
      a.created_at = a.updated_at = clock_.NowUnixSeconds();
      a.id = 0;
      GONGKAI_ASSIGN_OR_RETURN(agency::AgencyId id, tx->agencies().Insert(a));
      GONGKAI_RETURN_IF_ERROR(tx->site().BumpPublicGeneration());
      GONGKAI_RETURN_IF_ERROR(
          AppendAudit(*tx, clock_, actor, "agency_add", "agency:" + std::to_string(id), a.name));
      GONGKAI_RETURN_IF_ERROR(tx->Commit());
      return id;
    }
  }
  return DenyAndAudit(store_, clock_, actor, "agency_add", target,
                      a.parent_id ? "无权在该机构下新增机构（需要上级机构的机构管理员角色）"
                                  : "只有系统管理员可以新增顶级机构");
}

Status AgencyService::Update(const account::Actor& actor, agency::Agency a) {
  GONGKAI_RETURN_IF_ERROR(agency::NormalizeAndValidate(&a));
  std::string target = "agency:" + std::to_string(a.id);
  std::string reason;
  {
    GONGKAI_ASSIGN_OR_RETURN(auto tx, store_.Begin(storage::TxMode::kWrite));
    GONGKAI_ASSIGN_OR_RETURN(agency::Agency old, tx->agencies().Get(a.id));
    GONGKAI_ASSIGN_OR_RETURN(auto all, tx->agencies().List());
    auto parents = account::ParentsOf(all);
    if (!account::Can(actor, Permission::kManageAgency, a.id, parents)) {
      reason = "无权修改该机构（需要该机构或其上级机构的机构管理员角色）";
    } else if (a.parent_id != old.parent_id && !actor.IsSystemAdmin()) {
      reason = "只有系统管理员可以调整机构的上级";
    } else {
      // Moving below itself or a descendant would make a cycle.
      for (auto cur = a.parent_id; cur; cur = parents[*cur]) {
        if (*cur == a.id) {
          return InvalidArgument("agency parent cycle", "不能把机构移到它自己或其下级机构之下");
        }
        if (!parents.count(*cur)) {
          return NotFound("parent agency", "上级机构（编号 " + std::to_string(*cur) + "）不存在");
        }
      }
      a.created_at = old.created_at;
      a.updated_at = clock_.NowUnixSeconds();
      GONGKAI_RETURN_IF_ERROR(tx->agencies().Update(a));
      GONGKAI_RETURN_IF_ERROR(tx->site().BumpPublicGeneration());
      GONGKAI_RETURN_IF_ERROR(AppendAudit(*tx, clock_, actor, "agency_update", target, a.name));
      return tx->Commit();
    }
  }
  return DenyAndAudit(store_, clock_, actor, "agency_update", target, reason);
}

}  // namespace gongkai::services

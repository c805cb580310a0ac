#include "services/authorize.h"

#include "services/audit.h"

namespace gongkai::services {

Result<bool> AllowedOnAgency(storage::Transaction& tx, const account::Actor& actor,
                             account::Permission permission, agency::AgencyId agency) {
  GONGKAI_ASSIGN_OR_RETURN(auto all, tx.agencies().List());
  auto parents = account::ParentsOf(all);
  if (!parents.count(agency)) {
    return NotFound("agency " + std::to_string(agency),
                    "机构（编号 " + std::to_string(agency) + "）不存在");
  }
  return account::Can(actor, permission, agency, parents);
}

Status AuthorizeOnAgency(storage::Store& store, const Clock& clock, const account::Actor& actor,
                         account::Permission permission, agency::AgencyId agency,
                         const std::string& action, const std::string& target,
                         const std::string& zh_reason) {
  {
    GONGKAI_ASSIGN_OR_RETURN(auto tx, store.Begin(storage::TxMode::kRead));
    GONGKAI_ASSIGN_OR_RETURN(bool allowed, AllowedOnAgency(*tx, actor, permission, agency));
    if (allowed) return Status::Ok();
  }
  return DenyAndAudit(store, clock, actor, action, target, zh_reason);
}

}  // namespace gongkai::services

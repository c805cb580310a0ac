#include "services/audit.h"

namespace gongkai::services {

Status AppendAudit(storage::Transaction& tx, const Clock& clock, const account::Actor& actor,
                   std::string action, std::string target, std::string detail,
                   std::string outcome) {
  return AppendAuditFor(tx, clock, actor, {}, std::move(action), std::move(target),
                        std::move(detail), std::move(outcome));
}

Status AppendAuditFor(storage::Transaction& tx, const Clock& clock, const account::Actor& actor,
                      std::vector<int64_t> agencies, std::string action, std::string target,
                      std::string detail, std::string outcome) {
  account::AuditEvent e;
  e.agency_ids = std::move(agencies);
  e.at = clock.NowUnixSeconds();
  e.actor_user_id = actor.user_id;
  e.actor = actor.name;
  e.action = std::move(action);
  e.target = std::move(target);
  e.detail = std::move(detail);
  e.remote_addr = actor.remote_addr;
  e.outcome = std::move(outcome);
  return tx.audit().Append(e).status();
}

Status DenyAndAudit(storage::Store& store, const Clock& clock, const account::Actor& actor,
                    std::string action, std::string target, std::string zh_reason) {
  Status denied = PermissionDenied(actor.name + " may not " + action + " " + target, zh_reason);
  auto tx = store.Begin(storage::TxMode::kWrite);
  if (!tx.ok()) return denied;
  if (AppendAudit(**tx, clock, actor, std::move(action), std::move(target), zh_reason, "denied")
          .ok()) {
    (void)(*tx)->Commit();
  }
  return denied;
}

}  // namespace gongkai::services

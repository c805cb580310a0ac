#include "services/audit_chain_service.h"

#include <nlohmann/json.hpp>
#include <ostream>

#include "services/audit.h"

namespace gongkai::services {

namespace {

using Json = nlohmann::ordered_json;

std::string Dump(const Json& j) {
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

Json CheckpointJson(const audit::Checkpoint& c) {
  return Json{
      {"checkpoint", c.seq}, {"chain", audit::Hex(c.chain)}, {"at", c.at}, {"reason", c.reason}};
}

}  // namespace

std::string ChainStatus::Summary() const {
  if (broken) return "审计链已损坏：" + broken->message;
  return "审计链完整：" + std::to_string(entries) + " 条记录，链头 " + audit::Hex(head);
}

Status AuditChainService::Authorize(const account::Actor& actor, const std::string& action) {
  if (actor.console || actor.IsSystemAdmin()) return Status::Ok();
  return DenyAndAudit(store_, clock_, actor, action, "audit_chain",
                      "只有系统管理员可以校验、记录或导出审计链");
}

Result<ChainStatus> AuditChainService::Verify(const account::Actor& actor,
                                              std::vector<audit::Checkpoint> expected) {
  GONGKAI_RETURN_IF_ERROR(Authorize(actor, "audit_verify"));
  GONGKAI_ASSIGN_OR_RETURN(auto tx, store_.Begin(storage::TxMode::kRead));
  GONGKAI_ASSIGN_OR_RETURN(auto checkpoints, tx->audit().Checkpoints());
  ChainStatus status;
  status.checkpoints = static_cast<int64_t>(checkpoints.size());
  if (!checkpoints.empty()) status.last_checkpoint = checkpoints.back();
  checkpoints.insert(checkpoints.end(), expected.begin(), expected.end());
  audit::ChainVerifier verifier(std::move(checkpoints));
  GONGKAI_RETURN_IF_ERROR(
      tx->audit().ScanChain(1, [&](const audit::ScannedEntry& e) { return verifier.Add(e); }));
  status.broken = verifier.Finish();
  status.entries = verifier.count();
  status.head = verifier.head();
  return status;
}

Result<audit::Checkpoint> AuditChainService::Checkpoint(const account::Actor& actor) {
  GONGKAI_RETURN_IF_ERROR(Authorize(actor, "audit_checkpoint"));
  GONGKAI_ASSIGN_OR_RETURN(auto tx, store_.Begin(storage::TxMode::kWrite));
  GONGKAI_RETURN_IF_ERROR(
      AppendAudit(*tx, clock_, actor, "audit_checkpoint", "audit_chain", "记录审计链检查点"));
  GONGKAI_ASSIGN_OR_RETURN(audit::Checkpoint c,
                           tx->audit().CheckpointHead(clock_.NowUnixSeconds(), "manual"));
  GONGKAI_RETURN_IF_ERROR(tx->Commit());
  return c;
}

Result<int64_t> AuditChainService::Export(const account::Actor& actor, int64_t from,
                                          bool omit_detail, std::ostream& out) {
  GONGKAI_RETURN_IF_ERROR(Authorize(actor, "audit_export"));
  if (from < 1) return InvalidArgument("from < 1", "起始记录编号须为正整数");
  {
    GONGKAI_ASSIGN_OR_RETURN(auto tx, store_.Begin(storage::TxMode::kWrite));
    GONGKAI_RETURN_IF_ERROR(AppendAudit(
        *tx, clock_, actor, "audit_export", "audit_chain",
        "从第 " + std::to_string(from) + " 条起导出审计链" + (omit_detail ? "（不含详情）" : "")));
    GONGKAI_RETURN_IF_ERROR(tx->Commit());
  }
  GONGKAI_ASSIGN_OR_RETURN(auto tx, store_.Begin(storage::TxMode::kRead));
  audit::Digest prev = audit::kGenesis;
  if (from > 1) {
    auto at = tx->audit().ChainHashAt(from - 1);
    if (!at.ok()) {
      return InvalidArgument("no chain entry " + std::to_string(from - 1),
                             "审计链中没有第 " + std::to_string(from - 1) + " 条记录，无法从第 " +
                                 std::to_string(from) + " 条起导出");
    }
    prev = *at;
  }
  GONGKAI_ASSIGN_OR_RETURN(auto checkpoints, tx->audit().Checkpoints());
  out << Dump(
      Json{{"format", "gongkai-audit-chain/1"}, {"from", from}, {"prev", audit::Hex(prev)}});
  int64_t written = 0;
  GONGKAI_RETURN_IF_ERROR(tx->audit().ScanChain(from, [&](const audit::ScannedEntry& e) {
    if (!e.fields) return true;  // deleted from the log: the gap shows in the export
    const audit::LeafFields& f = *e.fields;
    Json j{{"id", f.id},
           {"at", f.at},
           {"actor_user_id", f.actor_user_id ? Json(*f.actor_user_id) : Json(nullptr)},
           {"actor", f.actor},
           {"action", f.action},
           {"target", f.target},
           {"outcome", f.outcome},
           {"remote_addr", f.remote_addr}};
    if (!omit_detail) j["detail"] = f.detail;
    j["detail_sha256"] = audit::Hex(audit::Sha256(f.detail));
    j["leaf"] = e.link ? Json(audit::Hex(e.link->leaf)) : Json(nullptr);
    j["chain"] = e.link ? Json(audit::Hex(e.link->chain)) : Json(nullptr);
    out << Dump(j);
    ++written;
    return true;
  }));
  for (const audit::Checkpoint& c : checkpoints) {
    if (c.seq >= from) out << Dump(CheckpointJson(c));
  }
  if (!out) return Unavailable("export write failed", "写入导出文件失败");
  return written;
}

}  // namespace gongkai::services

#include "services/review_service.h"

#include <algorithm>
#include <functional>
#include <set>

#include "core/text.h"
#include "services/audit.h"
#include "services/authorize.h"
#include "services/catalog_service.h"

namespace gongkai::services {

namespace {

using account::Actor;
using account::Permission;
using catalog::ItemRecord;
using catalog::ItemStatus;
using catalog::ReviewAction;
using catalog::ReviewDecision;
using catalog::ReviewState;

constexpr const char* kScheduler = "系统（定时发布）";

std::string ItemTarget(catalog::ItemId id) { return "item:" + std::to_string(id); }

bool HoldsRole(storage::Transaction& tx, const Actor& actor, const account::ApprovalStep& step,
               agency::AgencyId agency, Result<bool>* error) {
  if (actor.console) return true;
  auto all = tx.agencies().List();
  if (!all.ok()) {
    *error = all.status();
    return false;
  }
  return account::HoldsStepRole(actor, step, agency, account::ParentsOf(*all));
}

std::string NoRole(const account::ApprovalStep& step) {
  return "无权办理“" + step.name + "”（需要该机构的“" + std::string(account::RoleName(step.role)) +
         "”角色）";
}

// Who drafted what is under review: the submitter and every author of a revision not yet live.
Result<std::set<std::string>> Drafters(storage::Transaction& tx, const ItemRecord& item,
                                       const ReviewState& state) {
  std::set<std::string> out = {state.submitted_by};
  GONGKAI_ASSIGN_OR_RETURN(std::vector<catalog::Revision> revs,
                           tx.catalog().ListRevisions(item.id));
  for (const catalog::Revision& r : revs) {
    if (!item.live_revision || r.number > *item.live_revision) out.insert(r.author);
  }
  return out;
}

// A line of text a person typed: trimmed, without tabs and newlines (kept in the action row).
std::string OneLine(std::string s) {
  for (char& c : s) {
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  }
  return Trim(s);
}

Status CheckDecisionInput(const ReviewDecisionInput& in, bool final_stage) {
  if (!in.pass && OneLine(in.opinion).empty()) {
    return InvalidArgument("opinion required", "退回须填写审核意见（退回理由）");
  }
  if (in.pass && !in.proofread) {
    return InvalidArgument("proofreading required", "通过前须完成校对（请勾选“已校对”）");
  }
  if (in.pass && final_stage && in.secrecy == catalog::Secrecy::kNone) {
    return InvalidArgument("secrecy required", "终审须填写保密审查结论");
  }
  if (in.secrecy != catalog::Secrecy::kNone && in.secrecy != catalog::Secrecy::kPublic &&
      OneLine(in.secrecy_basis).empty()) {
    return InvalidArgument("secrecy basis required",
                           "保密审查结论为“免于公开”或“需报保密审查”时须填写依据");
  }
  if (in.pass && in.secrecy == catalog::Secrecy::kRefer) {
    return InvalidArgument("refer blocks",
                           "保密审查结论为“需报保密审查”的信息不能通过，请退回或待报审后再审");
  }
  if (in.pass && in.secrecy == catalog::Secrecy::kExempt) {
    return InvalidArgument("exempt blocks",
                           "保密审查结论为“免于公开”的信息不能作为主动公开发布，请退回");
  }
  return Status::Ok();
}

}  // namespace

Result<account::ApprovalChain> ReviewService::ChainIn(storage::Transaction& tx,
                                                      const ItemRecord& item) {
  GONGKAI_ASSIGN_OR_RETURN(catalog::Column column, tx.catalog().GetColumn(item.column_id));
  for (const std::string& subject :
       {catalog::PublishingSubject(column.code), catalog::PublishingSubject("")}) {
    GONGKAI_ASSIGN_OR_RETURN(auto text,
                             tx.application_meta().GetApprovalChain(item.agency_id, subject));
    if (text) return account::ParseApprovalChain(*text);
  }
  return catalog::DefaultPublishingChain();
}

Result<account::ApprovalChain> ReviewService::Chain(const Actor& actor, agency::AgencyId agency,
                                                    const std::string& column_code) {
  GONGKAI_RETURN_IF_ERROR(AuthorizeOnAgency(store_, clock_, actor, Permission::kView, agency,
                                            "review_chain_view", "agency:" + std::to_string(agency),
                                            "无权查看该机构的审核流程"));
  GONGKAI_ASSIGN_OR_RETURN(auto tx, store_.Begin(storage::TxMode::kRead));
  for (const std::string& subject :
       {catalog::PublishingSubject(column_code), catalog::PublishingSubject("")}) {
    GONGKAI_ASSIGN_OR_RETURN(auto text, tx->application_meta().GetApprovalChain(agency, subject));
    if (text) return account::ParseApprovalChain(*text);
  }
  return catalog::DefaultPublishingChain();
}

Status ReviewService::SetChain(const Actor& actor, agency::AgencyId agency,
                               const std::string& column_code, const std::string& text) {
  GONGKAI_ASSIGN_OR_RETURN(account::ApprovalChain chain, account::ParseApprovalChain(text));
  GONGKAI_RETURN_IF_ERROR(catalog::ValidatePublishingChain(chain));
  GONGKAI_RETURN_IF_ERROR(AuthorizeOnAgency(
      store_, clock_, actor, Permission::kManageAgency, agency, "review_chain",
      "agency:" + std::to_string(agency), "无权设置该机构的审核流程（需要机构管理员角色）"));
  GONGKAI_ASSIGN_OR_RETURN(auto tx, store_.Begin(storage::TxMode::kWrite));
  if (!column_code.empty()) {
    GONGKAI_ASSIGN_OR_RETURN(std::vector<catalog::Column> cols, tx->catalog().ListColumns(agency));
    bool found = false;
    for (const auto& c : cols) found = found || c.code == column_code;
    if (!found) return NotFound("no column", "本机构没有代码为“" + column_code + "”的栏目");
  }
  const std::string stored = account::FormatApprovalChain(chain);
  const std::string subject = catalog::PublishingSubject(column_code);
  GONGKAI_RETURN_IF_ERROR(tx->application_meta().SetApprovalChain(agency, subject, stored));
  GONGKAI_RETURN_IF_ERROR(AppendAuditFor(*tx, clock_, actor, {agency}, "review_chain",
                                         "agency:" + std::to_string(agency),
                                         subject + " " + stored));
  return tx->Commit();
}

Status ReviewService::Submit(const Actor& actor, catalog::ItemId id, int expected_revision) {
  std::string denied;
  {
    GONGKAI_ASSIGN_OR_RETURN(auto tx, store_.Begin(storage::TxMode::kWrite));
    GONGKAI_ASSIGN_OR_RETURN(ItemRecord item, tx->catalog().GetItem(id));
    GONGKAI_ASSIGN_OR_RETURN(account::ApprovalChain chain, ChainIn(*tx, item));
    Result<bool> err = true;
    if (!HoldsRole(*tx, actor, chain.steps[0], item.agency_id, &err)) {
      GONGKAI_RETURN_IF_ERROR(err.status());
      denied = "无权送审（需要该机构的“" + std::string(account::RoleName(chain.steps[0].role)) +
               "”角色）";
    } else {
      GONGKAI_ASSIGN_OR_RETURN(std::optional<ReviewState> st, tx->reviews().GetState(id));
      if (st && st->open) return FailedPrecondition("already in review", "该信息已在审核中");
      if (item.status == ItemStatus::kWithdrawn) {
        return FailedPrecondition("withdrawn", "信息已撤回，不能送审");
      }
      if (item.live_revision && *item.live_revision == item.latest_revision) {
        return FailedPrecondition("nothing to correct", "已发布的信息没有新的修改，无需送审");
      }
      if (expected_revision != item.latest_revision) {
        return FailedPrecondition("stale revision",
                                  "送审的是第" + std::to_string(expected_revision) +
                                      "版，但最新已是第" + std::to_string(item.latest_revision) +
                                      "版，请刷新后再送审");
      }
      GONGKAI_ASSIGN_OR_RETURN(catalog::Revision rev,
                               tx->catalog().GetRevision(id, expected_revision));
      const int64_t now = clock_.NowUnixSeconds();
      ReviewState s = st.value_or(ReviewState{});
      s.item_id = id;
      s.open = true;
      s.run += 1;
      if (!st) s.cycle_start_run = 1;
      s.stage = 1;
      s.revision = rev.number;
      s.chain = account::FormatApprovalChain(chain);
      s.submitted_by = actor.name;
      s.submitted_at = now;
      GONGKAI_RETURN_IF_ERROR(tx->reviews().PutState(s));
      GONGKAI_ASSIGN_OR_RETURN(ScreeningResult scr,
                               ScreenRevision(screening_, *tx, rev, clock_.TodayInChina()));
      ReviewAction a;
      a.item_id = id;
      a.revision = rev.number;
      a.revision_sha256 = rev.sha256;
      a.run = s.run;
      a.stage = 0;
      a.stage_name = chain.steps[0].name;
      a.decision = ReviewDecision::kSubmit;
      a.by = actor.name;
      a.at = now;
      a.screening = ScreeningToJson(scr);
      GONGKAI_RETURN_IF_ERROR(tx->reviews().AppendAction(a).status());
      if (!item.live_revision) item.status = ItemStatus::kInReview;
      item.returned = false;
      item.updated_at = now;
      GONGKAI_RETURN_IF_ERROR(tx->catalog().UpdateItem(item));
      GONGKAI_RETURN_IF_ERROR(
          AppendAuditFor(*tx, clock_, actor, {item.agency_id}, "item_submit", ItemTarget(id),
                         "revision " + std::to_string(rev.number) + " " + rev.sha256 + " run " +
                             std::to_string(s.run) + "; screening " + ScreeningSummary(scr)));
      return tx->Commit();
    }
  }
  return DenyAndAudit(store_, clock_, actor, "item_submit", ItemTarget(id), denied);
}

Status ReviewService::Decide(const Actor& actor, catalog::ItemId id,
                             const ReviewDecisionInput& in) {
  std::string denied;
  {
    GONGKAI_ASSIGN_OR_RETURN(auto tx, store_.Begin(storage::TxMode::kWrite));
    GONGKAI_ASSIGN_OR_RETURN(ItemRecord item, tx->catalog().GetItem(id));
    GONGKAI_ASSIGN_OR_RETURN(std::optional<ReviewState> st, tx->reviews().GetState(id));
    if (!st || !st->open) return FailedPrecondition("not in review", "该信息当前不在审核中");
    GONGKAI_ASSIGN_OR_RETURN(account::ApprovalChain chain, account::ParseApprovalChain(st->chain));
    const int stages = static_cast<int>(chain.steps.size());
    if (st->stage < 1 || st->stage >= stages) {
      return Internal("review stage " + std::to_string(st->stage) + " outside the chain");
    }
    const account::ApprovalStep& step = chain.steps[st->stage];
    Result<bool> err = true;
    if (!HoldsRole(*tx, actor, step, item.agency_id, &err)) {
      GONGKAI_RETURN_IF_ERROR(err.status());
      denied = NoRole(step);
    } else {
      if (in.expected_revision != st->revision) {
        return FailedPrecondition("stale revision",
                                  "您审核的是第" + std::to_string(in.expected_revision) +
                                      "版，待审的已是第" + std::to_string(st->revision) +
                                      "版，请阅读新版本后再签署意见");
      }
      const bool final_stage = st->stage == stages - 1;
      GONGKAI_RETURN_IF_ERROR(CheckDecisionInput(in, final_stage));
      GONGKAI_ASSIGN_OR_RETURN(std::vector<ReviewAction> actions, tx->reviews().Actions(id));
      GONGKAI_ASSIGN_OR_RETURN(std::set<std::string> drafters, Drafters(*tx, item, *st));
      GONGKAI_RETURN_IF_ERROR(catalog::CheckReviewer(*st, chain, actions, drafters, actor.name));
      GONGKAI_ASSIGN_OR_RETURN(catalog::Revision rev, tx->catalog().GetRevision(id, st->revision));
      GONGKAI_ASSIGN_OR_RETURN(ScreeningResult scr,
                               ScreenRevision(screening_, *tx, rev, clock_.TodayInChina()));
      ReviewAction a;
      // The screening gate: every error finding needs the 终审's reason to publish.
      if (in.pass && final_stage) {
        std::vector<std::string> missing;
        for (ScreeningHit& h : scr.hits) {
          if (h.severity != "error") continue;
          auto it = in.overrides.find(h.term);
          std::string reason = it == in.overrides.end() ? "" : OneLine(it->second);
          if (reason.empty()) {
            const std::string quoted = "“" + h.term + "”";
            if (std::find(missing.begin(), missing.end(), quoted) == missing.end()) {
              missing.push_back(quoted);
            }
          } else {
            h.override_reason = reason;
          }
        }
        if (!missing.empty()) {
          std::string list;
          for (const auto& m : missing) list += (list.empty() ? "" : "、") + m;
          return FailedPrecondition(
              "screening errors",
              "检查发现错误未处理：" + list + "。请退回修改，或由终审逐条填写仍予发布的理由");
        }
        for (const auto& [term, reason] : in.overrides) {
          for (const ScreeningHit& h : scr.hits) {
            if (h.term == term && !h.override_reason.empty()) {
              a.overrides.push_back({OneLine(term), h.override_reason});
              break;
            }
          }
        }
      }
      const int64_t now = clock_.NowUnixSeconds();
      a.item_id = id;
      a.revision = rev.number;
      a.revision_sha256 = rev.sha256;
      a.run = st->run;
      a.stage = st->stage;
      a.stage_name = step.name;
      a.decision = in.pass ? ReviewDecision::kPass : ReviewDecision::kReturn;
      a.by = actor.name;
      a.at = now;
      a.opinion = OneLine(in.opinion);
      a.proofread = in.proofread;
      a.secrecy = in.secrecy;
      a.secrecy_basis = OneLine(in.secrecy_basis);
      a.screening = ScreeningToJson(scr);
      GONGKAI_RETURN_IF_ERROR(tx->reviews().AppendAction(a).status());
      std::string detail = std::string(step.name) + " " +
                           std::string(catalog::ReviewDecisionName(a.decision)) + " revision " +
                           std::to_string(rev.number) + " " + rev.sha256;
      for (const auto& o : a.overrides) detail += "; override " + o.term + ": " + o.reason;
      if (!in.pass) {
        st->open = false;
        item.returned = true;
        if (!item.live_revision) item.status = ItemStatus::kDraft;
      } else if (!final_stage) {
        st->stage += 1;
      } else {
        st->open = false;
        st->stage = stages;
        if (item.go_live_at && *item.go_live_at > now) {
          item.status = ItemStatus::kApproved;
          detail += "; scheduled " + FormatChinaTime(*item.go_live_at);
        } else {
          GONGKAI_RETURN_IF_ERROR(Publish(*tx, item, rev.number, actor.name, now));
          st->cycle_start_run = st->run + 1;
        }
      }
      item.updated_at = now;
      GONGKAI_RETURN_IF_ERROR(tx->reviews().PutState(*st));
      GONGKAI_RETURN_IF_ERROR(tx->catalog().UpdateItem(item));
      GONGKAI_RETURN_IF_ERROR(AppendAuditFor(*tx, clock_, actor, {item.agency_id}, "item_review",
                                             ItemTarget(id), detail));
      return tx->Commit();
    }
  }
  return DenyAndAudit(store_, clock_, actor, "item_review", ItemTarget(id), denied);
}

Status ReviewService::Publish(storage::Transaction& tx, ItemRecord& item, int revision,
                              const std::string& by, int64_t now) {
  // A 政策解读 goes live with or after the document it explains, never before.
  GONGKAI_ASSIGN_OR_RETURN(std::vector<catalog::ItemLink> links, tx.catalog().LinksOf(item.id));
  for (const catalog::ItemLink& l : links) {
    if (l.kind != catalog::LinkKind::kInterprets || l.from != item.id) continue;
    GONGKAI_ASSIGN_OR_RETURN(ItemRecord doc, tx.catalog().GetItem(l.to));
    if (doc.status != ItemStatus::kPublished) {
      item.status = ItemStatus::kApproved;  // RunDue publishes it once the document is live
      if (!item.go_live_at) item.go_live_at = now;
      return Status::Ok();
    }
  }
  const bool correction = item.live_revision.has_value();
  if (!item.published_on) item.published_on = clock_.TodayInChina();
  if (item.index_number.empty()) {
    GONGKAI_ASSIGN_OR_RETURN(item.index_number,
                             AllocateIndexNumber(tx, item.agency_id, *item.published_on));
  }
  item.status = ItemStatus::kPublished;
  item.live_revision = revision;
  if (!correction) item.published_at = now;
  item.returned = false;
  GONGKAI_RETURN_IF_ERROR(tx.site().BumpPublicGeneration());
  catalog::Publication p;
  p.item_id = item.id;
  p.revision = revision;
  p.kind = correction ? catalog::PublicationKind::kCorrect : catalog::PublicationKind::kPublish;
  p.at = now;
  p.by = by;
  p.note = item.index_number;
  return tx.reviews().AppendPublication(p);
}

Status ReviewService::Schedule(const Actor& actor, catalog::ItemId id,
                               std::optional<int64_t> go_live, std::optional<int64_t> expire) {
  const int64_t now = clock_.NowUnixSeconds();
  if (go_live && *go_live < now) {
    return InvalidArgument("go-live in the past",
                           "定时发布时间不能早于现在（发布时间由系统记录，不能倒签）");
  }
  if (expire && *expire <= std::max(now, go_live.value_or(now))) {
    return InvalidArgument("expiry too early", "到期下线时间须晚于发布时间");
  }
  bool denied = false;
  {
    GONGKAI_ASSIGN_OR_RETURN(auto tx, store_.Begin(storage::TxMode::kWrite));
    GONGKAI_ASSIGN_OR_RETURN(ItemRecord item, tx->catalog().GetItem(id));
    GONGKAI_ASSIGN_OR_RETURN(bool ok,
                             AllowedOnAgency(*tx, actor, Permission::kEditContent, item.agency_id));
    if (!ok) {
      GONGKAI_ASSIGN_OR_RETURN(
          ok, AllowedOnAgency(*tx, actor, Permission::kReviewContent, item.agency_id));
    }
    denied = !ok;
    if (ok) {
      if (item.status == ItemStatus::kWithdrawn) {
        return FailedPrecondition("withdrawn", "信息已撤回");
      }
      if (item.status == ItemStatus::kPublished && go_live) {
        return FailedPrecondition("published", "信息已发布，不能再设定发布时间");
      }
      if (item.status != ItemStatus::kPublished) item.go_live_at = go_live;
      item.expire_at = expire;
      item.updated_at = now;
      GONGKAI_RETURN_IF_ERROR(tx->catalog().UpdateItem(item));
      std::string detail = "go-live " + (go_live ? FormatChinaTime(*go_live) : "-") + " expire " +
                           (expire ? FormatChinaTime(*expire) : "-");
      GONGKAI_RETURN_IF_ERROR(AppendAuditFor(*tx, clock_, actor, {item.agency_id}, "item_schedule",
                                             ItemTarget(id), detail));
      return tx->Commit();
    }
  }
  (void)denied;
  return DenyAndAudit(store_, clock_, actor, "item_schedule", ItemTarget(id),
                      "无权设定该信息的发布时间");
}

Status ReviewService::Withdraw(const Actor& actor, catalog::ItemId id, const std::string& reason) {
  const std::string why = OneLine(reason);
  if (why.empty()) return InvalidArgument("reason required", "撤回须填写撤回说明");
  if (CodePointCount(why) > 500) return InvalidArgument("too long", "撤回说明不能超过500个字");
  std::string denied;
  {
    GONGKAI_ASSIGN_OR_RETURN(auto tx, store_.Begin(storage::TxMode::kWrite));
    GONGKAI_ASSIGN_OR_RETURN(ItemRecord item, tx->catalog().GetItem(id));
    GONGKAI_ASSIGN_OR_RETURN(account::ApprovalChain chain, ChainIn(*tx, item));
    Result<bool> err = true;
    GONGKAI_ASSIGN_OR_RETURN(
        bool admin, AllowedOnAgency(*tx, actor, Permission::kManageAgency, item.agency_id));
    if (!admin && !HoldsRole(*tx, actor, chain.steps.back(), item.agency_id, &err)) {
      GONGKAI_RETURN_IF_ERROR(err.status());
      denied = "无权撤回（需要该机构的“" + std::string(account::RoleName(chain.steps.back().role)) +
               "”角色或机构管理员角色）";
    } else {
      if (item.status != ItemStatus::kPublished && item.status != ItemStatus::kApproved) {
        return FailedPrecondition("not published", "只有已发布或待发布的信息才能撤回");
      }
      const int64_t now = clock_.NowUnixSeconds();
      GONGKAI_ASSIGN_OR_RETURN(std::optional<ReviewState> st, tx->reviews().GetState(id));
      if (st && st->open) {
        st->open = false;
        GONGKAI_RETURN_IF_ERROR(tx->reviews().PutState(*st));
      }
      const bool was_live = item.status == ItemStatus::kPublished;
      item.status = ItemStatus::kWithdrawn;
      item.withdrawn_reason = why;
      item.updated_at = now;
      GONGKAI_RETURN_IF_ERROR(tx->catalog().UpdateItem(item));
      catalog::Publication p{id,
                             item.live_revision.value_or(item.latest_revision),
                             catalog::PublicationKind::kWithdraw,
                             now,
                             actor.name,
                             why};
      GONGKAI_RETURN_IF_ERROR(tx->reviews().AppendPublication(p));
      if (was_live) GONGKAI_RETURN_IF_ERROR(tx->site().BumpPublicGeneration());
      GONGKAI_RETURN_IF_ERROR(AppendAuditFor(*tx, clock_, actor, {item.agency_id}, "item_withdraw",
                                             ItemTarget(id), why));
      return tx->Commit();
    }
  }
  return DenyAndAudit(store_, clock_, actor, "item_withdraw", ItemTarget(id), denied);
}

Result<int> ReviewService::RunDue() {
  const int64_t now = clock_.NowUnixSeconds();
  std::vector<catalog::ItemId> due;
  {
    GONGKAI_ASSIGN_OR_RETURN(auto tx, store_.Begin(storage::TxMode::kRead));
    GONGKAI_ASSIGN_OR_RETURN(due, tx->catalog().DueForSchedule(now, 200));
  }
  Actor system;
  system.name = kScheduler;
  int changed = 0;
  for (catalog::ItemId id : due) {
    GONGKAI_ASSIGN_OR_RETURN(auto tx, store_.Begin(storage::TxMode::kWrite));
    GONGKAI_ASSIGN_OR_RETURN(ItemRecord item, tx->catalog().GetItem(id));
    std::string action, detail;
    if (item.status == ItemStatus::kApproved && item.go_live_at && *item.go_live_at <= now) {
      GONGKAI_ASSIGN_OR_RETURN(std::optional<ReviewState> st, tx->reviews().GetState(id));
      const int revision = st ? st->revision : item.latest_revision;
      GONGKAI_RETURN_IF_ERROR(Publish(*tx, item, revision, kScheduler, now));
      if (item.status != ItemStatus::kPublished) continue;  // its document is not live yet
      if (st) {
        st->cycle_start_run = st->run + 1;
        GONGKAI_RETURN_IF_ERROR(tx->reviews().PutState(*st));
      }
      action = "item_publish";
      detail = "scheduled; revision " + std::to_string(revision) + " " + item.index_number;
    } else if (item.status == ItemStatus::kPublished && item.expire_at && *item.expire_at <= now) {
      item.status = ItemStatus::kWithdrawn;
      item.withdrawn_reason = "到期自动下线";
      GONGKAI_RETURN_IF_ERROR(tx->reviews().AppendPublication(
          {id, item.live_revision.value_or(item.latest_revision), catalog::PublicationKind::kExpire,
           now, kScheduler, item.withdrawn_reason}));
      GONGKAI_RETURN_IF_ERROR(tx->site().BumpPublicGeneration());
      action = "item_expire";
      detail = item.withdrawn_reason;
    } else {
      continue;  // changed by someone else meanwhile
    }
    item.updated_at = now;
    GONGKAI_RETURN_IF_ERROR(tx->catalog().UpdateItem(item));
    GONGKAI_RETURN_IF_ERROR(
        AppendAuditFor(*tx, clock_, system, {item.agency_id}, action, ItemTarget(id), detail));
    GONGKAI_RETURN_IF_ERROR(tx->Commit());
    ++changed;
  }
  return changed;
}

Status ReopenReviewAfterEdit(storage::Transaction& tx, ItemRecord& item,
                             const catalog::Revision& rev, const std::string& by, int64_t now) {
  GONGKAI_ASSIGN_OR_RETURN(std::optional<ReviewState> st, tx.reviews().GetState(item.id));
  const bool waiting = item.status == ItemStatus::kApproved;
  if (!st || (!st->open && !waiting)) return Status::Ok();
  GONGKAI_ASSIGN_OR_RETURN(account::ApprovalChain chain, account::ParseApprovalChain(st->chain));
  const int resume = catalog::ResumeStageAfterEdit(st->stage);
  st->open = true;
  st->stage = std::min(resume, static_cast<int>(chain.steps.size()) - 1);
  st->revision = rev.number;
  GONGKAI_RETURN_IF_ERROR(tx.reviews().PutState(*st));
  if (waiting) item.status = ItemStatus::kInReview;
  ReviewAction a;
  a.item_id = item.id;
  a.revision = rev.number;
  a.revision_sha256 = rev.sha256;
  a.run = st->run;
  a.stage = st->stage;
  a.stage_name = chain.steps[st->stage].name;
  a.decision = ReviewDecision::kReopen;
  a.by = by;
  a.at = now;
  return tx.reviews().AppendAction(a).status();
}

}  // namespace gongkai::services

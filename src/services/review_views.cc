// What the review pages and the API read: an item's review and a reviewer's queue.
#include <set>

#include "services/audit.h"
#include "services/authorize.h"
#include "services/review_service.h"

namespace gongkai::services {

Result<ReviewView> ReviewService::Review(const account::Actor& actor, catalog::ItemId id) {
  bool allowed = false;
  {
    GONGKAI_ASSIGN_OR_RETURN(auto tx, store_.Begin(storage::TxMode::kRead));
    GONGKAI_ASSIGN_OR_RETURN(catalog::ItemRecord item, tx->catalog().GetItem(id));
    GONGKAI_ASSIGN_OR_RETURN(
        allowed, AllowedOnAgency(*tx, actor, account::Permission::kView, item.agency_id));
    if (allowed) {
      ReviewView v;
      v.record = item;
      GONGKAI_ASSIGN_OR_RETURN(catalog::Revision latest,
                               tx->catalog().GetRevision(id, item.latest_revision));
      v.title = latest.content.title;
      GONGKAI_ASSIGN_OR_RETURN(v.state, tx->reviews().GetState(id));
      if (v.state) {
        GONGKAI_ASSIGN_OR_RETURN(v.chain, account::ParseApprovalChain(v.state->chain));
        if (v.state->open && v.state->stage < static_cast<int>(v.chain.steps.size())) {
          v.stage_name = v.chain.steps[v.state->stage].name;
        }
      }
      if (!v.state || !v.state->open) {
        GONGKAI_ASSIGN_OR_RETURN(v.chain, ChainIn(*tx, item));
      }
      GONGKAI_ASSIGN_OR_RETURN(v.actions, tx->reviews().Actions(id));
      GONGKAI_ASSIGN_OR_RETURN(v.publications, tx->reviews().Publications(id));
      GONGKAI_ASSIGN_OR_RETURN(v.screening,
                               ScreenRevision(screening_, *tx, latest, clock_.TodayInChina()));
      return v;
    }
  }
  return DenyAndAudit(store_, clock_, actor, "item_view", "item:" + std::to_string(id),
                      "无权查看该机构的政府信息");
}

Result<std::vector<QueueEntry>> ReviewService::Queue(const account::Actor& actor,
                                                     agency::AgencyId agency, int stage) {
  GONGKAI_RETURN_IF_ERROR(
      AuthorizeOnAgency(store_, clock_, actor, account::Permission::kView, agency, "review_queue",
                        "agency:" + std::to_string(agency), "无权查看该机构的审核队列"));
  GONGKAI_ASSIGN_OR_RETURN(auto tx, store_.Begin(storage::TxMode::kRead));
  GONGKAI_ASSIGN_OR_RETURN(auto all, tx->agencies().List());
  const account::AgencyParents parents = account::ParentsOf(all);
  GONGKAI_ASSIGN_OR_RETURN(std::vector<catalog::ReviewState> runs, tx->reviews().OpenRuns(agency));
  std::vector<QueueEntry> out;
  for (const catalog::ReviewState& st : runs) {
    if (stage != 0 && st.stage != stage) continue;
    GONGKAI_ASSIGN_OR_RETURN(account::ApprovalChain chain, account::ParseApprovalChain(st.chain));
    if (st.stage < 1 || st.stage >= static_cast<int>(chain.steps.size())) continue;
    const account::ApprovalStep& step = chain.steps[st.stage];
    if (!actor.console && !account::HoldsStepRole(actor, step, agency, parents)) continue;
    GONGKAI_ASSIGN_OR_RETURN(catalog::ItemRecord item, tx->catalog().GetItem(st.item_id));
    // Only what the actor may act on: not their own drafts, not a second stage.
    GONGKAI_ASSIGN_OR_RETURN(std::vector<catalog::ReviewAction> actions,
                             tx->reviews().Actions(st.item_id));
    GONGKAI_ASSIGN_OR_RETURN(std::vector<catalog::Revision> revs,
                             tx->catalog().ListRevisions(st.item_id));
    std::set<std::string> drafters = {st.submitted_by};
    for (const auto& r : revs) {
      if (!item.live_revision || r.number > *item.live_revision) drafters.insert(r.author);
    }
    if (!catalog::CheckReviewer(st, chain, actions, drafters, actor.name).ok()) continue;
    QueueEntry e;
    e.item = st.item_id;
    e.title = revs.empty() ? "" : revs.back().content.title;
    GONGKAI_ASSIGN_OR_RETURN(catalog::Column col, tx->catalog().GetColumn(item.column_id));
    e.column = col.name;
    e.stage = st.stage;
    e.stage_name = step.name;
    e.revision = st.revision;
    e.submitted_by = st.submitted_by;
    e.submitted_at = st.submitted_at;
    e.correction = item.live_revision.has_value();
    out.push_back(std::move(e));
  }
  return out;
}

}  // namespace gongkai::services

namespace gongkai::services {

Result<int64_t> ParseChinaTime(std::string_view text) {
  auto bad = [&] {
    return InvalidArgument("bad time " + std::string(text),
                           "时间格式不正确（应为 YYYY-MM-DD HH:MM）：" + std::string(text));
  };
  if (text.size() != 16 || (text[10] != ' ' && text[10] != 'T') || text[13] != ':') return bad();
  Result<Date> d = Date::Parse(text.substr(0, 10));
  if (!d.ok()) return bad();
  auto digits = [&](size_t at) -> int {
    char a = text[at], b = text[at + 1];
    if (a < '0' || a > '9' || b < '0' || b > '9') return -1;
    return (a - '0') * 10 + (b - '0');
  };
  const int h = digits(11), m = digits(14);
  if (h < 0 || h > 23 || m < 0 || m > 59) return bad();
  return d->ToDays() * 86400 + h * 3600 + m * 60 - 8 * 3600;
}

}  // namespace gongkai::services

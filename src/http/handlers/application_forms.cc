#include "http/handlers/application_forms.h"

#include <set>

#include "applications/approval.h"
#include "applications/outcome.h"

namespace gongkai::http {

namespace {

namespace apps = applications;
using apps::EventType;

bool Is(EventType t, std::initializer_list<EventType> types) {
  for (EventType x : types) {
    if (t == x) return true;
  }
  return false;
}

// The options of an outcome select: the placeholder (请选择 / （无） / （不更改）) first, selected
// unless a typed value matches.
mstch::array OutcomeOptions(const std::string& placeholder, const std::string& selected) {
  mstch::array out;
  out.push_back(
      mstch::map{{"code", std::string()}, {"label", placeholder}, {"selected", selected.empty()}});
  for (const auto& info : apps::AllOutcomes()) {
    if (!info.decidable) continue;
    out.push_back(mstch::map{{"code", std::string(info.code)},
                             {"label", apps::FullLabel(info.row)},
                             {"selected", selected == info.code}});
  }
  return out;
}

std::string OutcomeText(const std::vector<apps::OutcomeRow>& rows) {
  std::string s;
  for (auto r : rows) s += (s.empty() ? "" : "；") + apps::FullLabel(r);
  return s;
}

// The step the pending draft waits for, and whether approving it is the last step (签发).
std::pair<std::string, bool> NextStep(const services::ApplicationDetail& d) {
  size_t step = static_cast<size_t>(apps::ApprovalsOfPendingDraft(d.app.events)) + 1;
  if (step >= d.chain.steps.size()) return {"审批", false};
  return {d.chain.steps[step].name, step + 1 == d.chain.steps.size()};
}

std::string FormLabel(EventType type, const services::ApplicationDetail& d) {
  auto [step, last] = NextStep(d);
  switch (type) {
    case EventType::kApproved:
      return step + "通过" + (last ? "（签发后即作出答复）" : "");
    case EventType::kReturned:
      return step + "：退回拟办";
    default:
      return std::string(apps::EventTypeLabel(type));
  }
}

}  // namespace

mstch::map EventForm(EventType type, const services::ApplicationDetail& d, Date today, bool primary,
                     const EventFormState* state) {
  const std::string code(apps::EventTypeCode(type));
  const bool mine = state != nullptr && state->type == code;
  auto value = [&](const char* name, const std::string& fallback = "") {
    return mine ? state->get(name) : fallback;
  };
  const bool outcomes = Is(type, {EventType::kDecided, EventType::kDrafted, EventType::kCorrected});
  const bool corrected = type == EventType::kCorrected;
  const std::string first = corrected ? "（不更改）" : "请选择";
  mstch::map m{
      {"code", code},
      {"label", FormLabel(type, d)},
      {"primary", primary},
      {"v_date", value("date", today.ToString())},
      {"needs_days", Is(type, {EventType::kCorrectionRequested, EventType::kExtensionApproved})},
      {"days_label", std::string(type == EventType::kExtensionApproved ? "延长工作日数（不超过20）"
                                                                       : "补正期限（工作日）")},
      {"v_days", value("days")},
      {"needs_party", Is(type, {EventType::kConsultationStarted, EventType::kExtensionApproved})},
      {"party_label",
       std::string(type == EventType::kExtensionApproved ? "审批人" : "征求意见对象")},
      {"v_party", value("party")},
      {"needs_consulted", type == EventType::kConsultationStarted},
      {"needs_fee", type == EventType::kFeeNoticeSent},
      {"v_fee_yuan", value("fee_yuan")},
      {"v_pages", value("pages")},
      {"needs_outcomes", outcomes},
      {"outcome_required", outcomes && !corrected},
      {"outcome_label",
       std::string(corrected ? "更正后的答复结果（主要依据）" : "答复结果（主要依据，必选）")},
      {"outcomes1", OutcomeOptions(first, value("outcome"))},
      {"outcomes2", OutcomeOptions("（无）", value("outcome2"))},
      {"outcomes3", OutcomeOptions("（无）", value("outcome3"))},
      {"needs_decision_date", corrected},
      {"v_decision_date", value("decision_date")},
      {"needs_reason", Is(type, {EventType::kCorrected, EventType::kReturned})},
      {"reason_label",
       std::string(corrected ? "更正理由（必填，记入办理记录）" : "退回理由（必填）")},
      {"v_reason", value("reason")},
      {"note_label",
       std::string(type == EventType::kApproved ? "审核意见（选填）" : "备注（选填）")},
      {"v_note", value("note")},
      {"error", mine ? state->error : std::string()}};
  if (type == EventType::kConsultationAnswered) {
    std::set<std::string> open;
    for (const auto& e : d.app.events) {
      if (e.type == EventType::kConsultationStarted) open.insert(e.party);
      if (e.type == EventType::kConsultationAnswered) open.erase(e.party);
    }
    mstch::array parties;
    for (const auto& p : open) {
      parties.push_back(mstch::map{{"party", p}, {"selected", value("party") == p}});
    }
    m["party_options"] = parties;
    m["needs_party_choice"] = true;
  }
  if (type == EventType::kDrafted)
    m["hint"] = std::string("审批链：" + account::DescribeApprovalChain(d.chain));
  if (const apps::Event* draft = apps::PendingDraft(d.app.events);
      draft != nullptr && Is(type, {EventType::kApproved, EventType::kReturned})) {
    m["hint"] = "拟办答复：" + OutcomeText(draft->outcomes) + "（" + draft->actor + "，" +
                draft->date.ToString() + "）";
  }
  const std::string field = mine ? state->field : std::string();
  for (const char* f :
       {"date", "days", "party", "pages", "fee_yuan", "outcome", "decision_date", "reason", "note"}) {
    m[std::string("err_") + f] = mine && field == f;
  }
  m["err_form"] = mine && field.empty();
  return m;
}

std::string ErrorField(EventType type, const std::string& msg) {
  auto has = [&](const char* s) { return msg.find(s) != std::string::npos; };
  if (has("理由")) return "reason";
  if (has("办理结果") || has("答复结果")) return "outcome";
  if (has("更正后的答复日期")) return "decision_date";
  if (has("补正期限应为") || has("延长答复期限最长") || has("工作日数")) return "days";
  if (has("审批人") || has("征求意见的第三方") ||
      (type == EventType::kConsultationStarted && has("已在向"))) {
    return "party";
  }
  if (has("页")) return "pages";
  if (has("金额") || has("费用")) return "fee_yuan";
  if (has("日期")) return "date";
  return "";
}

bool NeedsConfirmation(const apps::Event& e, const services::ApplicationDetail& d) {
  if (e.type == EventType::kApproved) return NextStep(d).second;
  return Is(e.type, {EventType::kDecided, EventType::kWithdrawn, EventType::kCorrectionLapsed,
                     EventType::kFeeLapsed, EventType::kCorrected});
}

mstch::map ConfirmationContext(const apps::Event& e, const services::ApplicationDetail& d,
                               const std::vector<std::pair<std::string, std::string>>& fields) {
  mstch::array rows;
  auto row = [&](const std::string& k, const std::string& v) {
    if (!v.empty()) rows.push_back(mstch::map{{"key", k}, {"value", v}});
  };
  row("申请", d.app.number);
  row("事项", FormLabel(e.type, d));
  row("日期", e.date.ToString());
  std::vector<apps::OutcomeRow> outcomes = e.outcomes;
  if (e.type == EventType::kApproved) {
    if (const apps::Event* draft = apps::PendingDraft(d.app.events)) outcomes = draft->outcomes;
  }
  if (e.type == EventType::kCorrected) {
    if (auto now = apps::EffectiveDecision(d.app.events)) {
      row("原答复", OutcomeText(now->outcomes) + "（" + now->date.ToString() + "）");
    }
    row("更正后的答复结果", outcomes.empty() ? "不更改" : OutcomeText(outcomes));
    row("更正后的答复日期", e.decision_date ? e.decision_date->ToString() : "不更改");
    row("更正理由", e.note);
  } else {
    row("办理结果", OutcomeText(outcomes));
    row("备注", e.note);
  }
  std::string effect;
  if (!outcomes.empty()) {
    if (auto counted = apps::CountedRow(outcomes); counted.ok()) {
      effect = "记录后计入表三" + apps::FullLabel(*counted);
    }
  } else if (e.type == EventType::kWithdrawn) {
    effect = "记录后申请办结，计入表三" + apps::FullLabel(apps::OutcomeRow::kOtherHandling);
  } else if (e.type == EventType::kCorrectionLapsed) {
    effect = "记录后申请办结，计入表三" + apps::FullLabel(apps::OutcomeRow::kCorrectionLapsed);
  } else if (e.type == EventType::kFeeLapsed) {
    effect = "记录后申请办结，计入表三" + apps::FullLabel(apps::OutcomeRow::kFeeLapsed);
  }
  row("效果", effect.empty()
                  ? ""
                  : effect + "，申请人查询页同步显示；办理记录不可删除，错误只能以“更正答复”改正");
  mstch::array hidden;
  for (const auto& [k, v] : fields) {
    if (k == "_csrf" || k == "confirm" || k == "edit") continue;
    hidden.push_back(mstch::map{{"name", k}, {"value", v}});
  }
  return {{"id", std::to_string(d.app.id)},
          {"number", d.app.number},
          {"label", FormLabel(e.type, d)},
          {"rows", rows},
          {"hidden", hidden}};
}

}  // namespace gongkai::http

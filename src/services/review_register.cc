// The 政府信息发布审核登记表 (the printable review record of one item).
#include "services/review_service.h"

namespace gongkai::services {

namespace {

std::string DayOf(int64_t unix_seconds) { return FormatChinaTime(unix_seconds).substr(0, 10); }

}  // namespace

Result<RegisterForm> ReviewService::Register(const account::Actor& actor, catalog::ItemId id) {
  GONGKAI_ASSIGN_OR_RETURN(ReviewView v, Review(actor, id));
  RegisterForm f;
  f.item = id;
  f.index_number = v.record.index_number;
  f.status = std::string(catalog::ItemStatusName(v.record.status));
  const int revision = v.state ? v.state->revision : v.record.latest_revision;
  f.revision = revision;
  {
    GONGKAI_ASSIGN_OR_RETURN(auto tx, store_.Begin(storage::TxMode::kRead));
    GONGKAI_ASSIGN_OR_RETURN(catalog::Revision rev, tx->catalog().GetRevision(id, revision));
    GONGKAI_ASSIGN_OR_RETURN(catalog::Column col, tx->catalog().GetColumn(v.record.column_id));
    f.title = rev.content.title;
    f.column = col.name;
    f.source = rev.content.publisher;
    f.doc_number = rev.content.doc_number;
    f.attribute = std::string(catalog::AttributeName(rev.content.attribute));
  }
  const int run = v.state ? v.state->run : 0;
  const catalog::ReviewAction* last = nullptr;
  for (const catalog::ReviewAction& a : v.actions) {
    if (a.run != run || a.decision == catalog::ReviewDecision::kReopen) continue;
    RegisterRow r;
    r.stage = a.stage_name;
    r.signer = a.by;
    r.date = DayOf(a.at);
    r.decision = std::string(catalog::ReviewDecisionName(a.decision));
    r.opinion = a.opinion;
    if (a.decision != catalog::ReviewDecision::kSubmit)
      r.proofread = a.proofread ? "已校对" : "未校对";
    if (a.secrecy != catalog::Secrecy::kNone) {
      r.secrecy = std::string(catalog::SecrecyName(a.secrecy));
      if (!a.secrecy_basis.empty()) r.secrecy += "（依据：" + a.secrecy_basis + "）";
    }
    f.rows.push_back(std::move(r));
    last = &a;
  }
  if (last != nullptr) {
    ScreeningResult snap = ScreeningFromJson(last->screening);
    f.screening = ScreeningSummary(snap);
    f.screening_version = snap.version;
    f.overrides = last->overrides;
  }
  for (const catalog::Publication& p : v.publications) {
    if (p.kind == catalog::PublicationKind::kPublish) {
      f.published_at = FormatChinaTime(p.at);
      f.publisher = p.by;
    } else if (p.kind == catalog::PublicationKind::kCorrect) {
      f.corrections += (f.corrections.empty() ? "" : "；") + DayOf(p.at) + " 更正（第" +
                       std::to_string(p.revision) + "版，" + p.by + "）";
    }
  }
  return f;
}

std::string RegisterText(const RegisterForm& f) {
  std::string out = "政府信息发布审核登记表\n";
  auto line = [&](const char* k, const std::string& v) {
    out += std::string(k) + "：" + (v.empty() ? "—" : v) + "\n";
  };
  line("索引号", f.index_number);
  line("名称", f.title);
  line("栏目", f.column);
  line("来源", f.source);
  line("文号", f.doc_number);
  line("公开属性", f.attribute);
  line("审核版本", "第" + std::to_string(f.revision) + "版");
  for (const RegisterRow& r : f.rows) {
    out += r.stage + "：" + r.signer + " " + r.date + " " + r.decision;
    if (!r.opinion.empty()) out += "，意见：" + r.opinion;
    if (!r.proofread.empty()) out += "，" + r.proofread;
    if (!r.secrecy.empty()) out += "，保密审查：" + r.secrecy;
    out += "\n";
  }
  line("错敏词与隐私检查",
       f.screening + (f.screening_version.empty() ? "" : "（词库 " + f.screening_version + "）"));
  for (const auto& o : f.overrides) out += "仍予发布：“" + o.term + "”，理由：" + o.reason + "\n";
  line("发布时间", f.published_at);
  line("发布人", f.publisher);
  if (!f.corrections.empty()) line("更正", f.corrections);
  line("状态", f.status);
  return out;
}

}  // namespace gongkai::services

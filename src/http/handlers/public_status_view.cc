// The public status page in plain words: what is happening, what the applicant may or must do
// next, and the remedies (投诉、举报, 行政复议, 行政诉讼) with whom and by when. Facts come from
// the service (PublicStatusView); the wording lives here.
#include "applications/outcome.h"
#include "core/text.h"
#include "http/handlers/application_view.h"
#include "letters/letter.h"

namespace gongkai::http {

namespace {

namespace apps = applications;
using apps::ApplicationStatus;

std::string ZhDate(const std::optional<Date>& d) {
  if (!d) return "—";
  return std::to_string(d->year) + "年" + std::to_string(d->month) + "月" + std::to_string(d->day) +
         "日";
}

// The row label without its "1." numbering.
std::string Leaf(apps::OutcomeRow row) {
  std::string label(apps::InfoFor(row).label);
  size_t dot = label.find('.');
  return dot == std::string::npos ? label : label.substr(dot + 1);
}

std::string OutcomeInPlainWords(apps::OutcomeRow row) {
  std::string group(apps::InfoFor(row).group);
  switch (row) {
    case apps::OutcomeRow::kDisclosed:
      return "予以公开：机关同意公开您申请的信息，提供方式见答复书。";
    case apps::OutcomeRow::kPartlyDisclosed:
      return "部分公开：可以公开的部分予以提供，其余部分不予公开，理由见答复书。";
    case apps::OutcomeRow::kCorrectionLapsed:
      return "申请已终止：您未在补正期限内补正，视为放弃申请（《条例》第三十条）。";
    case apps::OutcomeRow::kFeeLapsed:
      return "申请已终止：您未在规定期限内缴纳信息处理费，视为放弃申请。";
    case apps::OutcomeRow::kOtherHandling:
      return "申请已终止：申请已撤回或按其他情形处理。";
    default:
      break;
  }
  if (group == "（三）不予公开") return "不予公开：" + Leaf(row) + "，理由见答复书。";
  if (group == "（四）无法提供") return "无法提供：" + Leaf(row) + "，详见告知书。";
  return "不予处理：" + Leaf(row) + "，详见告知书。";
}

mstch::map Remedy(const std::string& id, const std::string& title, const std::string& text) {
  return {{"id", id}, {"title", title}, {"text", text}};
}

// 《条例》第五十一条; 行政复议法第二十条 (60 days); 行政诉讼法第四十六条 (6 months), and for a
// missed deadline 第四十七条 (counted from the day the period ended).
mstch::array Remedies(const services::PublicStatusView& v, bool overdue) {
  const std::string above = v.supervisor_name.empty() ? "上一级行政机关" : v.supervisor_name;
  // The body the agency's letters name; else the government above (行政复议法第二十四条).
  const std::string body = !v.reconsideration_body.empty() ? v.reconsideration_body
                           : v.supervisor_is_government && !v.supervisor_name.empty()
                               ? v.supervisor_name
                               : "依法有权受理的行政复议机关";
  const std::string from = overdue ? "自答复期限届满之日起" : "自收到答复书之日起";
  return mstch::array{
      Remedy("remedy-complaint", "投诉、举报",
             "向" + above + "或者政府信息公开工作主管部门投诉、举报（《条例》第五十一条）；" +
                 "条例对投诉、举报未规定期限。"),
      Remedy(
          "remedy-reconsideration", "行政复议",
          from + "六十日内，向" + body + "申请行政复议（《中华人民共和国行政复议法》第二十条）。"),
      Remedy("remedy-litigation", "行政诉讼",
             from + "六个月内，向有管辖权的人民法院提起行政诉讼（《中华人民共和国行政诉讼法》" +
                 (overdue ? "第四十六条、第四十七条）。" : "第四十六条）。"))};
}

mstch::array Items(const std::string& text) {
  mstch::array out;
  for (auto& line : NonEmptyLines(text)) out.push_back(std::move(line));
  return out;
}

// headline, summary, items (补正事项), steps and remedies of the view's state.
void Explain(const services::PublicStatusView& v, mstch::map* m) {
  std::string headline, summary;
  mstch::array steps, items, remedies;
  const std::string wait = "无需操作，请等待机关答复。";
  switch (v.status) {
    case ApplicationStatus::kAwaitingReceipt:
      headline = "等待机关确认收到申请";
      summary = "机关确认收到申请之日起开始计算答复期限（《条例》第三十一条）。";
      steps.push_back(std::string("无需操作。如寄出已久仍未确认，可联系机关（见下方联系方式）。"));
      break;
    case ApplicationStatus::kInProgress:
      headline = "正在办理";
      summary = "机关正在办理您的申请，应在" + ZhDate(v.due) +
                "前作出答复（自收到申请之日起20个工作日内，《条例》第三十三条）。";
      steps.push_back(wait);
      break;
    case ApplicationStatus::kAwaitingCorrection:
      headline = "需要您补正申请";
      summary =
          "机关通知您补正申请内容（《条例》第三十条）。补正期间答复期限暂停计算：机关收到补正后的"
          "申请之日起，重新计算20个工作日。";
      items = Items(v.correction_items);
      if (items.empty()) items.push_back(std::string("补正事项见机关寄送的《补正通知书》。"));
      if (v.wait_expired) {
        steps.push_back("补正期限已于" + ZhDate(v.correction_deadline) +
                        "届满。如您已按时寄出补正材料，请尽快联系机关。");
      } else {
        steps.push_back("请在" + ZhDate(v.correction_deadline) +
                        "前按上述事项补正，将补正后的申请交给" + v.agency_name +
                        "（当面提交、邮寄，或按《补正通知书》写明的方式）。");
      }
      steps.push_back(
          std::string("逾期未补正的，视为放弃申请（《条例》第三十条），机关不再处理。"));
      break;
    case ApplicationStatus::kAwaitingFee:
      headline = "需要您缴纳信息处理费";
      summary = "本申请需缴纳信息处理费" + letters::FormatYuanCents(v.fee.value_or(0)) + "（" +
                v.fee_method_label +
                "，国办函〔2020〕109号）。缴费前答复期限暂停计算，缴费后继续计算。";
      if (v.wait_expired) {
        steps.push_back("缴费期限已于" + ZhDate(v.fee_deadline) +
                        "届满。如您已按时缴费，请尽快联系机关。");
      } else {
        steps.push_back("请在" + ZhDate(v.fee_deadline) + "前按《收费通知书》写明的方式缴费" +
                        (v.fee_note.empty() ? std::string("。") : "：" + v.fee_note));
      }
      steps.push_back(
          std::string("逾期未缴费的，视为放弃申请，机关不再处理。对收费有疑问的，可联系机关。"));
      break;
    case ApplicationStatus::kConsulting:
      headline = "正在征求意见";
      summary = v.consulting_agency
                    ? "您申请的信息需要与其他机关确认，机关正在征求其意见（《条例》第三十四条）。"
                    : "您申请的信息可能涉及第三方的合法权益，机关正在书面征求第三方的意见"
                      "（《条例》第三十二条）。";
      summary += "征求意见的时间不计入答复期限，答复期限暂停计算并相应顺延";
      summary += v.consultation_deadline
                     ? "；对方应在" + ZhDate(v.consultation_deadline) + "前答复。"
                     : std::string("。");
      steps.push_back(wait);
      break;
    case ApplicationStatus::kConcluded:
      headline = "已办结";
      summary = (v.outcome ? OutcomeInPlainWords(*v.outcome) : std::string()) + "机关于" +
                ZhDate(v.decided) + "办结。";
      summary += v.delivered ? "答复书已于" + ZhDate(v.delivered) + "送达，可在下方查看和下载。"
                             : std::string("答复书送达后，可在本页下载。");
      if (v.outcome != apps::OutcomeRow::kOtherHandling) {
        steps.push_back(std::string("如对答复不服，可以通过下列途径维护您的权益："));
        remedies = Remedies(v, false);
      }
      break;
  }
  if (v.overdue) {
    headline = "已超过答复期限";
    summary = "答复期限为" + ZhDate(v.due) + "，机关至今尚未答复，已逾期" +
              std::to_string(v.overdue_days) + "个工作日。";
    steps = mstch::array{std::string("可以先联系机关询问办理情况（见下方联系方式）。"),
                         std::string("也可以通过下列途径维护您的权益：")};
    remedies = Remedies(v, true);
  }
  (*m)["headline"] = headline;
  (*m)["summary"] = summary;
  (*m)["has_items"] = !items.empty();
  (*m)["items"] = items;
  (*m)["steps"] = steps;
  (*m)["has_remedies"] = !remedies.empty();
  (*m)["remedies"] = remedies;
}

}  // namespace

mstch::map PublicStatusContext(const services::PublicStatusView& v) {
  const bool open = v.status != ApplicationStatus::kConcluded;
  std::string left = v.working_days_left ? DaysLeft(*v.working_days_left) : "";
  std::string due = ZhDate(v.due);
  if (open && v.paused && v.due) due += "（暂停计算，随征求意见或缴费的时间顺延）";
  if (v.status == ApplicationStatus::kAwaitingCorrection) due = "暂停计算（收到补正后重新计算）";
  mstch::map m{{"number", v.number},
               {"agency_name", v.agency_name},
               {"received", ZhDate(v.received)},
               {"status", v.status_label},
               {"due", due},
               {"has_days_left", !left.empty() && open},
               {"days_left", left},
               {"due_note", v.due_note},
               {"decided", v.decided ? ZhDate(v.decided) : std::string()},
               {"outcome", v.outcome_label},
               {"overdue", v.overdue},
               {"letter_ready", v.delivered.has_value() && v.outcome.has_value()},
               {"agency_phone", v.agency_phone},
               {"agency_address", v.agency_address},
               {"agency_office_hours", v.agency_office_hours}};
  if (v.status == ApplicationStatus::kAwaitingCorrection) {
    m["correction_deadline"] = ZhDate(v.correction_deadline);
  }
  if (v.status == ApplicationStatus::kAwaitingFee) {
    m["fee"] = letters::FormatYuanCents(v.fee.value_or(0));
    m["fee_deadline"] = ZhDate(v.fee_deadline);
  }
  Explain(v, &m);
  return m;
}

}  // namespace gongkai::http

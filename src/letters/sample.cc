// The sample letters of `gongkai letter sample`.
#include "letters/sample.h"

#include "applications/events.h"

namespace gongkai::letters {

using applications::OutcomeRow;

Result<OutcomeRow> ParseOutcomeName(std::string_view text) {
  if (auto row = applications::ParseOutcome(text); row.ok()) return row;
  for (const auto& info : applications::AllOutcomes()) {
    std::string_view label = info.label;
    size_t dot = label.find('.');
    if (dot != std::string_view::npos && dot < 3) label = label.substr(dot + 1);
    std::string_view group = info.group;
    if (group.starts_with("（"))
      group = group.substr(group.find("）") + std::string_view("）").size());
    if (text == label || (info.code.size() == 1 && text == group)) {
      return info.row;
    }
  }
  return InvalidArgument("unknown outcome: " + std::string(text),
                         "未知的答复结果：" + std::string(text) +
                             "（可用编号如 3.1、（三）1，或名称如 予以公开、属于国家秘密）");
}

Result<Letter> SampleLetter(LetterKind kind, std::optional<OutcomeRow> outcome, Date date) {
  agency::Agency agency;
  agency.name = "樟树市工业和信息化局";
  agency.address = "江西省樟树市药都南大道1号";
  agency.postcode = "331200";
  agency.phone = "0795-7333621";

  applications::Application app;
  app.number = "樟工信依申〔2024〕3号";
  app.channel = applications::Channel::kInPerson;
  app.contact.name = "张三";
  app.description = "2023年度工业企业技术改造专项资金拟补助企业名单";
  app.events.push_back(applications::events::Submitted({2024, 10, 8}));
  app.events.push_back(applications::events::CorrectionRequested({2024, 10, 10}, 10));
  app.events.push_back(applications::events::CorrectionReceived({2024, 10, 14}));

  LetterInputs in;
  in.date = date;
  in.outcomes = {outcome.value_or(OutcomeRow::kDisclosed)};
  in.reason = "所申请信息中包含企业的银行账户等商业信息";
  in.other_agency = outcome == OutcomeRow::kNotHeld ? "樟树市发展和改革委员会" : "";
  in.other_agency_contact = "0795-7350000";
  in.previous_reply = "樟工信依申答〔2024〕1号";
  in.obtain_from = "樟树市图书馆或者新华书店";
  in.correction_days = 10;
  in.correction_deadline = Date{2024, 10, 24};
  in.correction_items = {"所需政府信息的名称、文号或者便于行政机关查询的其他特征性描述"};
  in.extension_days = 20;
  in.original_due = Date{2024, 11, 11};
  in.new_due = Date{2024, 12, 9};
  in.extension_reason = "所申请信息涉及多个科室，检索、汇总工作量较大";
  in.fee = applications::PerVolumeFee(2219).value();
  in.fee_deadline = Date{2024, 11, 27};
  in.payment_method = "银行转账至樟树市非税收入汇缴结算户";
  in.third_party = "樟树市某某药业有限公司";
  in.consultation_deadline = Date{2024, 10, 31};
  in.reconsideration_body = "樟树市人民政府";
  in.court = "樟树市人民法院";
  in.contact_person = "李四";
  if (outcome == OutcomeRow::kOtherHandling) in.reason = "申请人已于2024年10月15日撤回申请";
  return BuildLetter(kind, app, agency, in);
}

}  // namespace gongkai::letters

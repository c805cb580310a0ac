// BuildLetter: selects the wording entries (wording.cc) for a kind and outcome, fills their
// placeholders from the application, the agency and the caller's inputs, and collects the
// articles cited. A required placeholder left empty is an error naming it in Chinese.
#include <map>
#include <set>

#include "applications/clock.h"
#include "letters/letter.h"
#include "letters/wording.h"

namespace gongkai::letters {
namespace {

using applications::OutcomeRow;

struct Values {
  std::map<std::string, std::string, std::less<>> text;
  std::map<std::string, std::vector<std::string>, std::less<>> lists;
  std::vector<std::string> missing;  // names of required values not given, in order met

  void Set(const std::string& key, std::string value) {
    if (!value.empty()) text[key] = std::move(value);
  }
  void NoteMissing(std::string_view key) {
    for (const auto& m : missing)
      if (m == key) return;
    missing.emplace_back(key);
  }
};

// Replaces {name} in `tmpl`; names with no value go to `absent`.
std::string Substitute(std::string_view tmpl, const Values& v, std::vector<std::string>* absent) {
  std::string out;
  size_t pos = 0;
  while (pos < tmpl.size()) {
    size_t open = tmpl.find('{', pos);
    if (open == std::string_view::npos) break;
    size_t close = tmpl.find('}', open);
    if (close == std::string_view::npos) break;
    out.append(tmpl.substr(pos, open - pos));
    std::string_view name = tmpl.substr(open + 1, close - open - 1);
    auto it = v.text.find(name);
    if (it == v.text.end()) {
      absent->emplace_back(name);
    } else {
      out += it->second;
    }
    pos = close + 1;
  }
  out.append(tmpl.substr(pos));
  return out;
}

// One template paragraph → zero or more paragraphs (see wording.h for the syntax).
void FillParagraph(std::string_view tmpl, Values& v, std::vector<std::string>& out) {
  if (tmpl.starts_with("{*") && tmpl.ends_with("}")) {
    std::string_view name = tmpl.substr(2, tmpl.size() - 3);
    auto it = v.lists.find(name);
    if (it == v.lists.end() || it->second.empty()) {
      v.NoteMissing(name);
      return;
    }
    for (const auto& item : it->second) out.push_back(item);
    return;
  }
  std::string text;
  std::vector<std::string> absent;
  size_t pos = 0;
  while (pos < tmpl.size()) {
    size_t open = tmpl.find('[', pos);
    size_t close = open == std::string_view::npos ? open : tmpl.find(']', open);
    if (close == std::string_view::npos) {
      text += Substitute(tmpl.substr(pos), v, &absent);
      break;
    }
    text += Substitute(tmpl.substr(pos, open - pos), v, &absent);
    std::vector<std::string> segment_absent;
    std::string segment = Substitute(tmpl.substr(open + 1, close - open - 1), v, &segment_absent);
    if (segment_absent.empty()) text += segment;
    pos = close + 1;
  }
  for (const auto& name : absent) v.NoteMissing(name);
  out.push_back(std::move(text));
}

std::string FullArticle(std::string_view article) {
  if (article.starts_with("国办函")) {
    return "《政府信息公开信息处理费管理办法》（" + std::string(article) + "）";
  }
  return std::string(kStatute) + std::string(article);
}

// The decision rows: given, else the application's conclusion (all rows of its 答复).
std::vector<OutcomeRow> DecisionRows(const applications::Application& app, const LetterInputs& in) {
  if (!in.outcomes.empty()) return in.outcomes;
  // The decision in force: a 更正 replaces the outcomes it names.
  if (auto d = applications::EffectiveDecision(app.events)) return d->outcomes;
  if (auto c = applications::ConclusionOf(app.events)) return {c->row};
  return {};
}

const applications::Event* LastEvent(const applications::Application& app,
                                     applications::EventType type) {
  for (auto it = app.events.rbegin(); it != app.events.rend(); ++it) {
    if (it->type == type) return &*it;
  }
  return nullptr;
}

std::string WordingKey(OutcomeRow row, const applications::Application& app,
                       const LetterInputs& in) {
  const std::string code(applications::InfoFor(row).code);
  if (row == OutcomeRow::kDisclosed && !in.published_where.empty()) return "1.published";
  if (row == OutcomeRow::kNotHeld && !in.other_agency.empty()) return "4.1.other";
  if (row == OutcomeRow::kOtherHandling && in.reason.empty() &&
      LastEvent(app, applications::EventType::kWithdrawn) != nullptr) {
    return "6.3.withdrawn";
  }
  return code;
}

void AddArticles(const Wording& w, std::vector<std::string>& articles) {
  for (std::string_view a : w.articles) {
    std::string full = FullArticle(a);
    bool seen = false;
    for (const auto& x : articles) seen = seen || x == full;
    if (!seen) articles.push_back(std::move(full));
  }
}

std::string LegalBasis(const std::vector<std::string>& articles) {
  std::string statute, others;
  for (const auto& a : articles) {
    if (a.starts_with(kStatute)) {
      statute += statute.empty() ? a : "、" + a.substr(kStatute.size());
    } else {
      others += "；" + a;
    }
  }
  if (statute.empty() && others.empty()) return "";
  return "法律依据：" +
         (statute.empty() ? others.substr(std::string_view("；").size()) : statute + others);
}

void FillWording(const Wording& w, Values& v, std::vector<std::string>& body,
                 std::vector<std::string>& articles) {
  for (std::string_view p : w.paragraphs) FillParagraph(p, v, body);
  AddArticles(w, articles);
}

// The remedy paragraph with the bodies given, else the agency's; kInvalidArgument naming the
// agency setting when one is missing (a letter never tells the applicant a blank or a vague body).
Result<std::string> Remedy(bool reply, const agency::Agency& agency, const LetterInputs& in,
                           const std::string& label) {
  std::string body =
      in.reconsideration_body.empty() ? agency.reconsideration_body : in.reconsideration_body;
  std::string court = in.court.empty() ? agency.court : in.court;
  std::string missing;
  if (body.empty()) missing = "“行政复议机关”";
  if (court.empty()) missing += std::string(missing.empty() ? "" : "和") + "“人民法院”";
  if (!missing.empty()) {
    return InvalidArgument("agency has no remedy bodies",
                           "机构“" + agency.name + "”尚未设置救济途径中的" + missing +
                               "，不能生成" + label + "：请在管理后台“机构”中填写该机构的" +
                               missing + "（命令行：gongkai agency set），或在本件文书中填写");
  }
  Values r;
  r.Set("文书", reply ? "答复" : "告知");
  r.Set("复议机关", body);
  r.Set("法院", court);
  std::vector<std::string> out;
  FillParagraph(kRemedy, r, out);
  return out.front();
}

Status Late(std::string_view what, Date deadline, Date date, std::string_view label,
            std::string_view why = "") {
  return InvalidArgument(std::string(what) + " passed before the letter date",
                         std::string(what) + "已于" + deadline.ToChinese() + "届满，成文日期" +
                             date.ToChinese() + "晚于该期限，不能生成" + std::string(label) +
                             std::string(why));
}

}  // namespace

Status CheckLetterDate(LetterKind kind, const LetterInputs& in) {
  const std::string label(KindLabel(kind));
  switch (kind) {
    case LetterKind::kCorrection:
      if (in.correction_deadline && in.date > *in.correction_deadline) {
        return Late("补正期限", *in.correction_deadline, in.date, label,
                    "（补正期限自申请人收到通知之日起计算，请将成文日期改为发出补正通知之日）");
      }
      break;
    case LetterKind::kFee:
      if (in.fee_deadline && in.date > *in.fee_deadline) {
        return Late("缴费期限", *in.fee_deadline, in.date, label,
                    "（缴费期限自申请人收到通知之日起计算，请将成文日期改为发出收费通知之日）");
      }
      break;
    case LetterKind::kExtension:
      if (in.original_due && in.date > *in.original_due) {
        return Late("原答复期限", *in.original_due, in.date, label,
                    "（延长答复期限须在答复期限届满前告知申请人，《中华人民共和国政府信息公开条例》"
                    "第三十三条第二款）");
      }
      if (in.new_due && in.date > *in.new_due) {
        return Late("延长后的答复期限", *in.new_due, in.date, label);
      }
      break;
    case LetterKind::kConsultation:
      if (in.consultation_deadline && in.date > *in.consultation_deadline) {
        return Late("征求意见期限", *in.consultation_deadline, in.date, label,
                    "（第三方自收到征求意见函之日起15个工作日内提出意见，请将成文日期改为发出征求意"
                    "见之日）");
      }
      break;
    case LetterKind::kReply:
    case LetterKind::kNotice:
      break;
  }
  return Status::Ok();
}

Result<Letter> BuildLetter(LetterKind kind, const applications::Application& app,
                           const agency::Agency& agency, const LetterInputs& in) {
  const std::string label(KindLabel(kind));
  if (app.number.empty()) {
    return InvalidArgument("application has no number", "申请尚未编号，不能生成" + label);
  }
  if (!IsValidDate(in.date.year, in.date.month, in.date.day) || in.date.year < 2000) {
    return InvalidArgument("letter date missing", "缺少成文日期，不能生成" + label);
  }
  GONGKAI_RETURN_IF_ERROR(CheckLetterDate(kind, in));
  std::optional<Date> received = in.received;
  if (!received) received = applications::ReceiptDate(app.channel, app.events);
  if (!received) {
    return InvalidArgument(
        "application not received yet",
        "申请尚未确认收到（《中华人民共和国政府信息公开条例》第三十一条），不能生成" + label);
  }

  Letter letter;
  letter.kind = kind;
  letter.number = LetterNumber(app.number, kind);
  letter.addressee = kind == LetterKind::kConsultation ? in.third_party : app.contact.name;
  letter.agency_name = agency.name;
  letter.date = in.date;
  letter.date_text = ChineseNumeralDate(in.date);

  Values v;
  const bool person = app.applicant_kind == applications::ApplicantKind::kNaturalPerson;
  v.Set("你", kind == LetterKind::kConsultation ? "你（单位）" : (person ? "你" : "你单位"));
  v.Set("收到日期", received->ToChinese());
  v.Set("内容", app.description);
  if (letter.addressee.empty()) {
    v.NoteMissing(kind == LetterKind::kConsultation ? "第三方" : "申请人姓名或者名称");
  }

  switch (kind) {
    case LetterKind::kReply:
    case LetterKind::kNotice: {
      const bool reply = kind == LetterKind::kReply;
      letter.title = reply ? "政府信息公开申请答复书" : "政府信息公开申请告知书";
      std::vector<OutcomeRow> rows = DecisionRows(app, in);
      if (rows.empty()) {
        return InvalidArgument("no decision to write",
                               "申请尚未作出答复，也未指定答复结果，不能生成" + label);
      }
      v.Set("提供方式", in.provision.empty() ? std::string(kDefaultProvision) : in.provision);
      v.Set("公开途径", in.published_where);
      v.Set("理由", in.reason);
      v.Set("其他机关", in.other_agency);
      v.Set("其他机关联系方式", in.other_agency_contact);
      v.Set("特别规定",
            in.special_rules.empty() ? std::string(kDefaultSpecialRules) : in.special_rules);
      v.Set("前次答复", in.previous_reply);
      v.Set("获取途径", in.obtain_from);
      if (auto* e = LastEvent(app, applications::EventType::kCorrectionRequested)) {
        v.Set("补正通知日期", e->date.ToChinese());
        if (e->days > 0) v.Set("补正期限", std::to_string(e->days));
      }
      if (auto* e = LastEvent(app, applications::EventType::kCorrectionReceived)) {
        v.Set("补正日期", e->date.ToChinese());
      }
      if (auto* e = LastEvent(app, applications::EventType::kFeeNoticeSent)) {
        v.Set("收费通知日期", e->date.ToChinese());
      }
      if (auto* e = LastEvent(app, applications::EventType::kWithdrawn)) {
        v.Set("撤回日期", e->date.ToChinese());
      }
      FillParagraph(kOpening, v, letter.body);
      const bool parts = rows.size() > 1;
      if (parts) {
        FillParagraph(kPartsIntro, v, letter.body);
        letter.articles.push_back(FullArticle("第三十七条"));
      }
      bool remedy = false;
      for (size_t i = 0; i < rows.size(); ++i) {
        std::string key = WordingKey(rows[i], app, in);
        const Wording* w = FindWording(key);
        if (w == nullptr) return Internal("no wording for " + key, "缺少文书模板：" + key);
        size_t first = letter.body.size();
        FillWording(*w, v, letter.body, letter.articles);
        if (parts && first < letter.body.size()) {
          letter.body[first] = ChineseNumeral(static_cast<int>(i) + 1) + "、" + letter.body[first];
        }
        remedy = remedy || key != "6.3.withdrawn";
      }
      letter.body.push_back(reply ? "特此答复。" : "特此告知。");
      if (remedy) {
        GONGKAI_ASSIGN_OR_RETURN(letter.remedy, Remedy(reply, agency, in, label));
      }
      break;
    }
    case LetterKind::kCorrection: {
      letter.title = "政府信息公开申请补正通知书";
      if (in.correction_days > 0) v.Set("补正期限", std::to_string(in.correction_days));
      if (in.correction_deadline) v.Set("补正截止日期", in.correction_deadline->ToChinese());
      std::vector<std::string> items;
      for (const auto& item : in.correction_items) {
        if (!item.empty())
          items.push_back("（" + ChineseNumeral(static_cast<int>(items.size()) + 1) + "）" + item);
      }
      v.lists["补正事项"] = std::move(items);
      FillWording(*FindWording("correction"), v, letter.body, letter.articles);
      break;
    }
    case LetterKind::kExtension: {
      letter.title = "延长政府信息公开答复期限通知书";
      if (in.extension_days > applications::kMaxExtensionDays) {
        return InvalidArgument(
            "extension over 20 working days",
            "延长答复期限最长不得超过20个工作日（《中华人民共和国政府信息公开条例》"
            "第三十三条第二款），现为" +
                std::to_string(in.extension_days) + "个工作日");
      }
      if (in.extension_days > 0) v.Set("延长天数", std::to_string(in.extension_days));
      if (in.new_due) v.Set("新答复期限", in.new_due->ToChinese());
      if (in.original_due) v.Set("原答复期限", in.original_due->ToChinese());
      v.Set("延期理由", in.extension_reason);
      FillWording(*FindWording("extension"), v, letter.body, letter.articles);
      break;
    }
    case LetterKind::kFee: {
      letter.title = "政府信息公开信息处理费收费通知书";
      if (in.fee && in.fee->total > 0) {
        v.Set("计收方式", std::string(applications::FeeMethodLabel(in.fee->method)));
        v.Set("金额", FormatYuanCents(in.fee->total));
        v.lists["计费明细"] = {FeeComputation(*in.fee)};
      } else {
        v.NoteMissing("信息处理费金额");
      }
      if (in.fee_deadline) v.Set("缴费截止日期", in.fee_deadline->ToChinese());
      v.Set("缴费方式", in.payment_method);
      FillWording(*FindWording("fee"), v, letter.body, letter.articles);
      break;
    }
    case LetterKind::kConsultation: {
      letter.title = "政府信息公开征求第三方意见函";
      v.Set("涉及信息",
            in.information_concerned.empty() ? app.description : in.information_concerned);
      if (in.consultation_deadline) v.Set("意见截止日期", in.consultation_deadline->ToChinese());
      FillWording(*FindWording("consultation"), v, letter.body, letter.articles);
      break;
    }
  }

  if (!v.missing.empty()) {
    std::string names;
    for (const auto& m : v.missing) names += (names.empty() ? "“" : "、“") + m + "”";
    return InvalidArgument("missing letter inputs for " + std::string(KindCode(kind)),
                           "缺少" + names + "，不能生成" + label);
  }
  letter.salutation = letter.addressee + "：";
  letter.legal_basis = LegalBasis(letter.articles);
  if (!agency.address.empty()) letter.contact.push_back("联系地址：" + agency.address);
  if (!agency.postcode.empty()) letter.contact.push_back("邮政编码：" + agency.postcode);
  if (!in.contact_person.empty()) letter.contact.push_back("联系人：" + in.contact_person);
  if (!agency.phone.empty()) letter.contact.push_back("联系电话：" + agency.phone);
  return letter;
}

}  // namespace gongkai::letters

#pragma once
// Reply letters of 依申请公开 (政府信息公开申请答复书, 告知书, 补正通知书, 延期通知书, 收费通知书,
// 征求第三方意见函): built from an Application, its Agency and the caller's inputs into a Letter
// value, then rendered to a printable HTML page or a DOCX. Every fixed sentence lives in the
// wording tables (wording.cc); this module only selects and fills them. Pure and thread-safe: no
// clock, no calendar reads (the caller computes deadlines and passes them in).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "agency/agency.h"
#include "applications/application.h"
#include "applications/fees.h"
#include "core/date.h"
#include "core/result.h"

namespace gongkai::letters {

enum class LetterKind {
  kReply,  // 政府信息公开申请答复书: the decision (予以公开 / 部分公开 / 不予公开 …)
  kNotice,  // 政府信息公开申请告知书: the same decisions worded as a notice (无法提供, 不予处理 …)
  kCorrection,  // 政府信息公开申请补正通知书 (条例 Art. 30)
  kExtension,   // 延长政府信息公开答复期限通知书 (Art. 33 para. 2)
  kFee,  // 政府信息公开信息处理费收费通知书 (Art. 42; 国办函〔2020〕109号)
  kConsultation,  // 政府信息公开征求第三方意见函 (Art. 32)
};
// 答复书, 告知书, 补正通知书, 延期通知书, 收费通知书, 征求意见函.
std::string_view KindLabel(LetterKind kind);
// Stable codes: reply, notice, correction, extension, fee, consultation.
std::string_view KindCode(LetterKind kind);
// By code or label. kInvalidArgument otherwise.
Result<LetterKind> ParseKind(std::string_view text);

// The usual letter for a decision: 告知书 when every row is 无法提供, 不予处理 or 其他处理 (（四）–
// （六）), otherwise 答复书.
LetterKind DefaultKindFor(const std::vector<applications::OutcomeRow>& rows);

// What the letter needs beyond the application and the agency. Dates are computed by the caller
// (from its Clock and the working-day calendar); only `date` is needed for every kind.
struct LetterInputs {
  // 成文日期 (required): normally the date of the event the letter answers
  // (services::LetterService); never after a deadline the letter states (CheckLetterDate).
  Date date;
  std::optional<Date> received;  // 收到申请之日; default: applications::ReceiptDate

  // 答复书 / 告知书. `outcomes` default: the rows of the application's conclusion (the Decided
  // event's rows, or （六）1/（六）2/（六）3 after a lapse or withdrawal).
  std::vector<applications::OutcomeRow> outcomes;
  std::string provision;        // 予以公开: how it is provided (default: 随本答复书附送)
  std::string published_where;  // 已主动公开 (Art. 36(1)): where to get it
  std::string reason;        // 不予公开 / 部分公开 / （六）3: the reasons in this case
  std::string other_agency;  // Art. 36(5): the agency responsible for it
  std::string other_agency_contact;
  std::string special_rules;  // （三）8: the law that governs access (default: 有关法律、行政法规)
  std::string previous_reply;  // （五）2: the earlier reply, e.g. 樟工信依申答〔2024〕1号
  std::string obtain_from;     // （五）3: where to obtain the publication

  // 补正通知书 (required: period, deadline, at least one item).
  int correction_days = 0;
  std::optional<Date> correction_deadline;
  std::vector<std::string> correction_items;

  // 延期通知书 (required: days, new due date).
  int extension_days = 0;
  std::optional<Date> original_due;
  std::optional<Date> new_due;
  std::string extension_reason;

  // 收费通知书 (required: fee, payment deadline).
  std::optional<applications::FeeBreakdown> fee;
  std::optional<Date> fee_deadline;
  std::string payment_method;  // 缴费方式（账户、地点）

  // 征求意见函 (required: third party, deadline).
  std::string third_party;
  std::optional<Date> consultation_deadline;
  std::string information_concerned;  // default: the application's description

  // Remedy paragraph (答复书 / 告知书): default the agency's (Agency::reconsideration_body, court);
  // a letter with a remedy paragraph and neither is refused, naming the agency setting to fill.
  std::string reconsideration_body;  // 行政复议机关, e.g. 樟树市人民政府
  std::string court;                 // e.g. 樟树市人民法院
  std::string contact_person;        // 联系人 (optional)
};

// A letter ready to render. Plain text throughout; renderers escape it.
struct Letter {
  LetterKind kind = LetterKind::kReply;
  std::string title;              // 政府信息公开申请答复书
  std::string number;             // 文号: 樟工信依申答〔2024〕3号
  std::string addressee;          // 申请人 (or the third party of a 征求意见函)
  std::string salutation;         // 张三：
  std::vector<std::string> body;  // paragraphs, in order (closing 特此答复。 included)
  std::vector<std::string>
      articles;  // cited: 《中华人民共和国政府信息公开条例》第三十六条第（二）项
  std::string legal_basis;           // 法律依据：… (the articles joined)
  std::string remedy;                // 如对本答复不服…; empty for procedural notices
  std::string agency_name;           // signature
  std::vector<std::string> contact;  // 联系地址：… 邮政编码：… 联系电话：…
  Date date;
  std::string date_text;  // 二〇二四年十月三十日
};

// Builds the letter of `kind`. kInvalidArgument with a Chinese message naming what is missing
// (an application without a number or receipt date, a 补正通知书 without the period, a 答复书 of
// an application not decided and no outcomes given, an extension over 20 working days, a 答复书
// or 告知书 whose agency has no 行政复议机关/人民法院) or why the date is wrong (CheckLetterDate).
Result<Letter> BuildLetter(LetterKind kind, const applications::Application& app,
                           const agency::Agency& agency, const LetterInputs& in);

// Ok unless the 成文日期 `in.date` is after a deadline the letter of `kind` states: the 补正期限
// (补正通知书), the payment deadline (收费通知书), the original or the new due date (延期通知书:
// an extension must be notified before the period runs out, 条例 Art. 33), the 15-day answer
// period (征求意见函). kInvalidArgument with the reason in Chinese.
Status CheckLetterDate(LetterKind kind, const LetterInputs& in);

// The band computation of a 按量 fee as printed in the 收费通知书, e.g. 共2219页：第1—30页免费；
// 第31—100页，每页10.00元，计700.00元；……；合计：83,460.00元。 — for a fee without bands (an
// amount entered directly) the total alone: 按量计收，合计：100.00元。
std::string FeeComputation(const applications::FeeBreakdown& fee);

// "二〇二四年十月三十日": the 公文 date with Chinese numerals (〇 for zero).
std::string ChineseNumeralDate(Date d);
// The counting numeral of `n` (the parts of a reply, the items of a 补正通知书): 零, 一 … 十,
// 十一 … 九十九, 一百, 一百零一, 一百一十, 一千零五, 一万零五, 十万 … up to 二十一亿…; a negative
// number has 负 before it. Total: any int.
std::string ChineseNumeral(int n);
// "83,460.00元".
std::string FormatYuanCents(applications::Fen amount);
// 文号 of a letter: the application number with the kind's mark before 〔 (樟工信依申〔2024〕3号 →
// 樟工信依申答〔2024〕3号), or "-答" appended when the number has no 〔.
std::string LetterNumber(std::string_view application_number, LetterKind kind);

// The agency's 依申请公开专用章 as PNG bytes; empty = no image (an empty dashed slot is drawn).
struct Seal {
  std::string png;
};

// Ok for an empty seal or PNG bytes (by the signature); kInvalidArgument otherwise.
Status CheckSeal(const Seal& seal);

// A complete printable A4 HTML page; every text is escaped. kInvalidArgument when the seal is
// not a PNG.
Result<std::string> RenderLetterHtml(const Letter& letter, const Seal& seal);
// A DOCX package (document, styles, content types, relationships; the seal as word/media/seal.png
// in a drawing anchored at the signature). kInvalidArgument for a non-PNG seal, kInternal when
// libzip fails.
Result<std::string> RenderLetterDocx(const Letter& letter, const Seal& seal);

}  // namespace gongkai::letters

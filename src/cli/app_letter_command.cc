// `gongkai app letter N --kind K [--date D]`: the reply letter (答复书, 告知书,
// 补正/延期/收费通知书, 征求意见函) of one registered application, built from its ledger by
// services::LetterService — the same letter the staff page offers — and written as HTML or DOCX.
// --date first stores another 成文日期 for that letter (validated and audited like the staff page's
// form).
#include <CLI/CLI.hpp>
#include <memory>
#include <ostream>

#include "cli/app_support.h"
#include "cli/cli_common.h"
#include "report/file_io.h"
#include "services/letter_service.h"

namespace gongkai::cli {

void AddAppLetterCommand(CLI::App* cmd, CliContext& ctx) {
  struct Options {
    std::string ref, kind = "答复书", to = "html", output, seal, date;
    services::LetterRequest request;
  };
  auto o = std::make_shared<Options>();
  auto* letter = cmd->add_subcommand("letter", "生成一件申请的答复文书（HTML 或 DOCX）");
  letter->add_option("application", o->ref, "申请编号或内部编号")->required();
  letter->add_option("--kind", o->kind,
                     "答复书、告知书、补正通知书、延期通知书、收费通知书、征求意见函");
  letter->add_option("--to", o->to, "输出格式：html 或 docx")
      ->check(CLI::IsMember({"html", "docx"}));
  letter->add_option("-o,--output", o->output, "输出文件（html 可省略，输出到标准输出）");
  letter->add_option("--seal", o->seal, "依申请公开专用章图片（PNG）");
  letter->add_option("--date", o->date,
                     "成文日期 YYYY-MM-DD（默认为文书所答复事项的日期）；指定后保存并记入操作日志");
  auto& r = o->request;
  letter->add_option("--reason", r.reason, "不予公开、部分公开等的理由");
  letter->add_option("--provision", r.provision, "予以公开：提供方式");
  letter->add_option("--published-where", r.published_where, "已主动公开：公开的位置");
  letter->add_option("--other-agency", r.other_agency, "本机关不掌握：负责公开的机关");
  letter->add_option("--other-agency-contact", r.other_agency_contact, "该机关的联系方式");
  letter->add_option("--previous-reply", r.previous_reply, "重复申请：此前答复的文号");
  letter->add_option("--obtain-from", r.obtain_from, "公开出版物：获取途径");
  letter->add_option("--items", r.items, "补正事项（每行一项；默认取补正通知的备注）");
  letter->add_option("--payment-method", r.payment_method, "收费通知书：缴费方式");
  letter->add_option("--contact-person", r.contact_person, "联系人");
  letter->add_option("--reconsideration-body", r.reconsideration_body, "行政复议机关");
  letter->add_option("--court", r.court, "人民法院");
  letter->callback([&ctx, o] {
    auto kind = letters::ParseKind(o->kind);
    if (!kind.ok()) return ctx.Fail(kExitUsage, kind.status().UserMessage());
    if (o->to == "docx" && o->output.empty()) {
      return ctx.Fail(kExitUsage, "DOCX 需要用 -o 指定输出文件");
    }
    letters::Seal seal;
    if (!o->seal.empty()) {
      auto png = report::ReadReportFile(o->seal);
      if (!png.ok()) return ctx.Fail(kExitUsage, png.status().UserMessage());
      seal.png = std::move(*png);
    }
    auto env = OpenAppEnv(ctx);
    if (!env) return;
    auto id = ResolveApplication(*env, o->ref);
    if (!id.ok()) return FailWith(ctx, id.status());
    services::LetterService letters_service(*env->store, env->clock, *env->service);
    services::LetterRequest request = o->request;
    request.kind = *kind;
    if (!o->date.empty()) {
      auto date = Date::Parse(o->date);
      if (!date.ok()) return FailWith(ctx, date.status());
      Status set = letters_service.SetDate(account::Actor::Console(), *id, *kind, *date);
      if (!set.ok()) return FailWith(ctx, set);
    }
    auto built = letters_service.Build(account::Actor::Console(), *id, request);
    if (!built.ok()) return FailWith(ctx, built.status());
    auto bytes = o->to == "docx" ? letters::RenderLetterDocx(*built, seal)
                                 : letters::RenderLetterHtml(*built, seal);
    if (!bytes.ok()) return FailWith(ctx, bytes.status());
    if (o->output.empty()) {
      *ctx.out << *bytes;
      return;
    }
    Status written = report::WriteOutputFile(o->output, *bytes);
    if (!written.ok()) return ctx.Fail(3, written.UserMessage());
    *ctx.out << "已生成 " << built->title << "（" << built->number << "）：" << o->output << "\n";
  });
}

}  // namespace gongkai::cli

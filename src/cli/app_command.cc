// `gongkai app add|event|show|list|queue|clock|case|duplicates|numbering|export|import|recompute`:
// 依申请公开 applications from the console (the console actor may do everything).
#include <CLI/CLI.hpp>
#include <fstream>
#include <sstream>

#include "applications/events.h"
#include "calendar/calendar_files.h"
#include "cli/app_support.h"
#include "cli/cli_common.h"

namespace gongkai::cli {

namespace {

using namespace applications;  // NOLINT
using services::ApplicationSummary;

constexpr const char* kCarrierChoices = "paper | email | disc | disk";
constexpr const char* kDeliveryChoices = "post | express | email | fax | pick_up | on_site_reading";

// The value of a code (applications/*.h hold the tables); kInvalidArgument listing `choices`.
template <typename E>
Result<E> ParseCode(std::optional<E> (*parse)(std::string_view), const std::string& text,
                    const char* zh_what, const char* choices) {
  if (std::optional<E> value = parse(text)) return *value;
  return InvalidArgument(std::string("unknown ") + zh_what + " " + text,
                         std::string(zh_what) + "取值未知：" + text + "（可用：" + choices + "）");
}

Result<Date> DateOr(const std::string& text, Date fallback) {
  if (text.empty()) return fallback;
  Result<Date> d = Date::Parse(text);
  if (!d.ok()) return InvalidArgument("bad date " + text, "日期格式不正确：" + text);
  return d;
}

std::string Opt(const std::optional<Date>& d) { return d ? d->ToString() : "—"; }

struct AppOptions {
  std::string agency, channel = "in_person", kind = "natural_person", id_number, name, work_unit,
                      legal_rep, contact_person, phone, email, address, postcode, description,
                      document_number, purpose, carrier = "paper", delivery = "post", date,
                      received;
  std::string ref, type, party, note, fee_method = "per_volume", as_of, pattern, file, result,
                                      decided, filed;
  std::string reason, decision_date, by, approved_by, drafted_by;
  std::vector<std::string> outcomes;
  int days = 0, pages = 0;
  int64_t fee = 0, case_id = 0;
  bool other_agency = false, open = false, closed = false, awaiting_receipt = false;
  int year = 0;
};

void AddIntake(CLI::App* cmd, CliContext& ctx, std::shared_ptr<AppOptions> o) {
  auto* add = cmd->add_subcommand("add", "登记一件申请（当面、信函、传真、电子邮件或在线）");
  add->add_option("--agency", o->agency, "机构（编号、全称或简称）")->required();
  add->add_option("--channel", o->channel,
                  "online | in_person | registered_letter | ordinary_letter | fax | email");
  add->add_option("--kind", o->kind,
                  "natural_person | commercial_enterprise | research_institution | "
                  "social_welfare_org | legal_service_org | other_org");
  add->add_option("--id-number", o->id_number, "身份证号码或统一社会信用代码")->required();
  add->add_option("--name", o->name, "申请人姓名或名称")->required();
  add->add_option("--work-unit", o->work_unit, "工作单位");
  add->add_option("--legal-rep", o->legal_rep, "法定代表人");
  add->add_option("--contact-person", o->contact_person, "联系人");
  add->add_option("--phone", o->phone, "联系电话");
  add->add_option("--email", o->email, "电子邮箱");
  add->add_option("--address", o->address, "通信地址");
  add->add_option("--postcode", o->postcode, "邮政编码");
  add->add_option("--description", o->description, "所需信息的内容描述")->required();
  add->add_option("--document-number", o->document_number, "所需信息的名称或文号");
  add->add_option("--purpose", o->purpose, "用途");
  add->add_option("--carrier", o->carrier, kCarrierChoices);
  add->add_option("--delivery", o->delivery, kDeliveryChoices);
  add->add_option("--date", o->date, "提交/寄达日期 YYYY-MM-DD（默认今天）");
  add->add_option("--received", o->received,
                  "签收（挂号信）或确认收到（平信、传真、电子邮件、在线）日期，默认同 --date");
  add->add_flag("--awaiting-receipt", o->awaiting_receipt,
                "尚未签收或确认（之后用 app event --type signed_for|confirmed 记录）")
      ->excludes("--received");
  add->callback([&ctx, o] {
    auto env = OpenAppEnv(ctx);
    if (!env) return;
    services::ApplicationInput in;
    auto agency = ResolveAgency(*env, o->agency);
    if (!agency.ok()) return FailWith(ctx, agency.status());
    in.agency_id = *agency;
    auto channel = ParseChannel(o->channel);
    if (!channel.ok()) return FailWith(ctx, channel.status());
    in.channel = *channel;
    auto kind = ParseApplicantKind(o->kind);
    if (!kind.ok()) return FailWith(ctx, kind.status());
    in.applicant_kind = *kind;
    in.identity.document = *kind == ApplicantKind::kNaturalPerson ? IdentityDocument::kResidentId
                                                                  : IdentityDocument::kCreditCode;
    in.identity.number = o->id_number;
    in.contact = {o->name, o->work_unit, o->legal_rep, o->contact_person, o->phone,
                  "",      o->email,     o->address,   o->postcode};
    in.description = o->description;
    in.document_number = o->document_number;
    in.purpose = o->purpose;
    auto carrier = ParseCode(ParseCarrier, o->carrier, "载体形式", kCarrierChoices);
    if (!carrier.ok()) return FailWith(ctx, carrier.status());
    in.carrier = *carrier;
    auto delivery = ParseCode(ParseDelivery, o->delivery, "获取方式", kDeliveryChoices);
    if (!delivery.ok()) return FailWith(ctx, delivery.status());
    in.delivery = *delivery;
    auto date = DateOr(o->date, env->clock.TodayInChina());
    if (!date.ok()) return FailWith(ctx, date.status());
    auto received = DateOr(o->received, *date);
    if (!received.ok()) return FailWith(ctx, received.status());
    std::vector<Event> first = {events::Submitted(*date)};
    if (in.channel == Channel::kInPerson) {
      if (!o->received.empty() && *received != *date) {
        return ctx.Fail(kExitUsage, "当面提交的申请以提交之日为收到日期，不能另给 --received");
      }
    } else if (!o->awaiting_receipt) {
      first.push_back(in.channel == Channel::kRegisteredLetter ? events::SignedFor(*received)
                                                               : events::Confirmed(*received));
    }
    auto r = env->service->Register(account::Actor::Console(), in, first);
    if (!r.ok()) return FailWith(ctx, r.status());
    *ctx.out << "已登记申请 " << r->number << "（内部编号 " << r->id << "）\n"
             << "查询码：" << r->lookup_code << "\n";
    // What the clock flags on the day of filing (e.g. handed in on a rest day).
    auto clock = env->service->ClockOf(account::Actor::Console(), r->id, first.back().date);
    if (clock.ok()) {
      for (const std::string& w : clock->warnings) *ctx.err << "注意：" << w << "\n";
    }
  });
}

// "法制审核=李四,签发=王五" → the paper approvals in order (dated the decision's date, the 签发
// date).
Result<std::vector<services::PaperApproval>> ParsePaperApprovals(const std::string& text) {
  std::vector<services::PaperApproval> out;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find(',', start);
    if (end == std::string::npos) end = text.size();
    std::string item = text.substr(start, end - start);
    size_t eq = item.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == item.size()) {
      return InvalidArgument(
          "bad --approved-by item",
          "--approved-by 的格式应为 步骤=姓名,步骤=姓名，如 法制审核=李四,签发=王五"
          "（“" +
              item + "”无效）");
    }
    out.push_back({item.substr(0, eq), item.substr(eq + 1)});
    start = end + 1;
  }
  return out;
}

void AddEvent(CLI::App* cmd, CliContext& ctx, std::shared_ptr<AppOptions> o) {
  auto* ev =
      cmd->add_subcommand("event", "记录办理环节（补正、征求意见、延期、收费、答复、报备…）");
  ev->add_option("application", o->ref, "申请编号或内部编号")->required();
  ev->add_option(
        "--type", o->type,
        "submitted | signed_for | confirmed | correction_requested | "
        "correction_received | correction_lapsed | consultation_started | "
        "consultation_answered | extension_approved | fee_notice_sent | fee_paid | "
        "fee_lapsed | decided | delivered | withdrawn | drafted（拟办答复）| approved（审批通过）"
        " | returned（退回拟办）| corrected（更正答复）| filed（报备）")
      ->required();
  ev->add_option("--date", o->date, "日期 YYYY-MM-DD（默认今天）");
  ev->add_option("--days", o->days, "补正期限或延期天数（工作日）");
  ev->add_option("--party", o->party, "征求意见对象、延期审批人或报备机关");
  ev->add_flag("--other-agency", o->other_agency, "征求意见对象是其他机关（第三十四条）");
  ev->add_option("--pages", o->pages, "按量计收：页数（费用按国办函〔2020〕109号自动计算）");
  ev->add_option("--fee", o->fee, "收费金额（分）：按件计收");
  ev->add_option("--fee-method", o->fee_method, "per_application | per_volume");
  ev->add_option("--outcome", o->outcomes, "答复结果代码（可多次），如 1、2、3.1、4.1、5.2");
  ev->add_option("--note", o->note, "备注");
  ev->add_option("--reason", o->reason, "更正理由或退回理由（corrected、returned 必填）");
  ev->add_option("--decision-date", o->decision_date, "更正后的答复日期（corrected）");
  ev->add_option("--by", o->by, "经办或签字人姓名（纸面记录，默认 cli）");
  ev->add_option("--approved-by", o->approved_by,
                 "decided：纸面审批的签字人，按审批链逐步填写，如 法制审核=李四,签发=王五");
  ev->add_option("--drafted-by", o->drafted_by, "decided 与 --approved-by：拟办人姓名");
  ev->callback([&ctx, o] {
    auto env = OpenAppEnv(ctx);
    if (!env) return;
    auto id = ResolveApplication(*env, o->ref);
    if (!id.ok()) return FailWith(ctx, id.status());
    auto date = DateOr(o->date, env->clock.TodayInChina());
    if (!date.ok()) return FailWith(ctx, date.status());
    if (o->type == "filed") {
      services::Filing f{*date, o->party, o->note};
      Status s = env->service->RecordFiling(account::Actor::Console(), *id, f);
      if (!s.ok()) return FailWith(ctx, s);
      *ctx.out << "已记录报备：" << date->ToString() << " " << o->party << "\n";
      return;
    }
    auto type = ParseEventType(o->type);
    if (!type.ok()) return FailWith(ctx, type.status());
    Event e = events::Make(*type, *date);
    e.days = o->days;
    e.party = o->party;
    e.note = o->reason.empty() ? o->note : o->reason;
    e.actor = o->by;
    if (!o->decision_date.empty()) {
      auto d = Date::Parse(o->decision_date);
      if (!d.ok()) return FailWith(ctx, d.status());
      e.decision_date = *d;
    }
    e.consulted = o->other_agency ? ConsultedParty::kOtherAgency : ConsultedParty::kThirdParty;
    e.fee = o->fee;
    e.pages = o->pages;
    e.fee_method = ParseFeeMethod(o->fee_method).value_or(FeeMethod::kPerVolume);
    for (const std::string& code : o->outcomes) {
      auto row = ParseOutcome(code);
      if (!row.ok()) return FailWith(ctx, row.status());
      e.outcomes.push_back(*row);
    }
    if (!o->approved_by.empty()) {
      if (*type != EventType::kDecided) {
        return FailWith(ctx, InvalidArgument("--approved-by needs decided",
                                             "--approved-by 只用于 --type decided"));
      }
      auto approvals = ParsePaperApprovals(o->approved_by);
      if (!approvals.ok()) return FailWith(ctx, approvals.status());
      Status s = env->service->RecordPaperDecision(account::Actor::Console(), *id, e, o->drafted_by,
                                                   *approvals);
      if (!s.ok()) return FailWith(ctx, s);
      *ctx.out << "已记录：" << date->ToString() << " 拟办答复";
      for (const auto& a : *approvals) *ctx.out << " → " << a.step << "（" << a.name << "）";
      *ctx.out << " → " << EventTypeLabel(*type) << "\n";
      return;
    }
    Status s = env->service->RecordEvent(account::Actor::Console(), *id, e);
    if (!s.ok()) return FailWith(ctx, s);
    *ctx.out << "已记录：" << date->ToString() << " " << EventTypeLabel(*type) << "\n";
  });
}

void AddReads(CLI::App* cmd, CliContext& ctx, std::shared_ptr<AppOptions> o) {
  auto* show = cmd->add_subcommand("show", "显示申请、办理记录和期限说明");
  show->add_option("application", o->ref, "申请编号或内部编号")->required();
  show->add_option("--as-of", o->as_of, "按此日期计算期限（默认今天）");
  show->callback([&ctx, o] {
    auto env = OpenAppEnv(ctx);
    if (!env) return;
    auto id = ResolveApplication(*env, o->ref);
    if (!id.ok()) return FailWith(ctx, id.status());
    auto as_of = DateOr(o->as_of, env->clock.TodayInChina());
    if (!as_of.ok()) return FailWith(ctx, as_of.status());
    auto d = env->service->GetAsOf(account::Actor::Console(), *id, *as_of);
    if (!d.ok()) return FailWith(ctx, d.status());
    PrintDetail(*ctx.out, *d);
  });

  auto* clock = cmd->add_subcommand("clock", "答复期限计算说明");
  clock->add_option("application", o->ref, "申请编号或内部编号")->required();
  clock->add_option("--as-of", o->as_of, "按此日期计算（默认今天）");
  clock->callback([&ctx, o] {
    auto env = OpenAppEnv(ctx);
    if (!env) return;
    auto id = ResolveApplication(*env, o->ref);
    if (!id.ok()) return FailWith(ctx, id.status());
    auto as_of = DateOr(o->as_of, env->clock.TodayInChina());
    if (!as_of.ok()) return FailWith(ctx, as_of.status());
    auto c = env->service->ClockOf(account::Actor::Console(), *id, *as_of);
    if (!c.ok()) return FailWith(ctx, c.status());
    for (const std::string& line : DescribeClock(*c)) *ctx.out << line << "\n";
  });

  auto* list = cmd->add_subcommand("list", "列出机构的申请");
  list->add_option("--agency", o->agency, "机构")->required();
  list->add_flag("--open", o->open, "只列未办结的");
  list->add_flag("--closed", o->closed, "只列已办结的");
  list->add_option("--year", o->year, "收到年份");
  list->callback([&ctx, o] {
    auto env = OpenAppEnv(ctx);
    if (!env) return;
    auto agency = ResolveAgency(*env, o->agency);
    if (!agency.ok()) return FailWith(ctx, agency.status());
    services::ListFilter f;
    if (o->open) f.state = services::ListFilter::State::kOpen;
    if (o->closed) f.state = services::ListFilter::State::kClosed;
    if (o->year) f.year = o->year;
    auto all = env->service->List(account::Actor::Console(), *agency, f);
    if (!all.ok()) return FailWith(ctx, all.status());
    for (const auto& s : *all) PrintSummary(*ctx.out, s);
    if (all->empty()) *ctx.out << "（没有符合条件的申请）\n";
  });

  auto* queue = cmd->add_subcommand("queue", "待办：逾期、待补正、征求意见、待缴费、即将到期");
  queue->add_option("--agency", o->agency, "机构")->required();
  queue->add_option("--as-of", o->as_of, "日期（默认今天）");
  queue->callback([&ctx, o] {
    auto env = OpenAppEnv(ctx);
    if (!env) return;
    auto agency = ResolveAgency(*env, o->agency);
    if (!agency.ok()) return FailWith(ctx, agency.status());
    auto as_of = DateOr(o->as_of, env->clock.TodayInChina());
    if (!as_of.ok()) return FailWith(ctx, as_of.status());
    auto q = env->service->QueueOf(account::Actor::Console(), *agency, *as_of);
    if (!q.ok()) return FailWith(ctx, q.status());
    std::pair<const char*, const std::vector<ApplicationSummary>*> buckets[] = {
        {"已逾期", &q->overdue},           {"待申请人补正", &q->awaiting_applicant},
        {"征求意见中", &q->consulting},    {"待缴费", &q->awaiting_fee},
        {"3个工作日内到期", &q->due_soon}, {"其他办理中", &q->other_open}};
    for (const auto& [label, items] : buckets) {
      *ctx.out << label << "（" << items->size() << "）\n";
      for (const auto& s : *items) {
        *ctx.out << "  ";
        PrintSummary(*ctx.out, s);
      }
    }
  });

  auto* dup =
      cmd->add_subcommand("duplicates", "同一申请人内容相近的其他申请（（五）2 重复申请参考）");
  dup->add_option("application", o->ref, "申请编号或内部编号")->required();
  dup->callback([&ctx, o] {
    auto env = OpenAppEnv(ctx);
    if (!env) return;
    auto id = ResolveApplication(*env, o->ref);
    if (!id.ok()) return FailWith(ctx, id.status());
    auto d = env->service->Duplicates(account::Actor::Console(), *id);
    if (!d.ok()) return FailWith(ctx, d.status());
    for (const auto& c : *d) {
      *ctx.out << c.number << "\t收到 " << Opt(c.received) << "\t相似度 "
               << static_cast<int>(c.similarity * 100 + 0.5) << "%\n";
    }
    if (d->empty()) *ctx.out << "（没有相近的申请）\n";
  });
}

}  // namespace

void AddAppCommands(CLI::App& app, CliContext& ctx) {
  auto* cmd = app.add_subcommand("app", "依申请公开：登记、办理、期限、统计");
  cmd->require_subcommand(1);
  // --holidays/--override may follow any `app` subcommand: what a subcommand does not know falls
  // through to `app` (and, still unknown, is an error of the root command).
  cmd->fallthrough();
  AddCalendarFileOptions(cmd, ctx.calendar_files);
  auto o = std::make_shared<AppOptions>();
  AddIntake(cmd, ctx, o);
  AddEvent(cmd, ctx, o);
  AddReads(cmd, ctx, o);
  AddAppAdminCommands(cmd, ctx);
  AddAppLetterCommand(cmd, ctx);
  AddAppLedgerCommand(cmd, ctx);
  auto reports = app.get_subcommands([](CLI::App* sub) { return sub->get_name() == "report"; });
  if (!reports.empty()) AddReportCompileCommand(*reports.front(), ctx);
}

}  // namespace gongkai::cli

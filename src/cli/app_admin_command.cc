// `gongkai app case|numbering|export|import|recompute`.
#include <CLI/CLI.hpp>
#include <fstream>
#include <sstream>

#include "cli/app_support.h"
#include "cli/cli_common.h"

namespace gongkai::cli {

namespace {

using namespace applications;  // NOLINT

// The value of a code (applications/cases.h holds the tables); kInvalidArgument.
template <typename E>
Result<E> Code(std::optional<E> (*parse)(std::string_view), const std::string& text,
               const char* zh_what) {
  if (std::optional<E> value = parse(text)) return *value;
  return InvalidArgument(std::string("unknown code ") + text,
                         std::string(zh_what) + "取值未知：" + text);
}

struct AdminOptions {
  std::string ref, kind = "reconsideration", filed, result = "pending", decided, agency, pattern,
                   file;
  int64_t case_id = 0;
  int year = 0;
};

Result<std::optional<Date>> OptionalDate(const std::string& text) {
  if (text.empty()) return std::optional<Date>();
  Result<Date> d = Date::Parse(text);
  if (!d.ok()) return InvalidArgument("bad date " + text, "日期格式不正确：" + text);
  return std::optional<Date>(*d);
}

}  // namespace

void AddAppAdminCommands(CLI::App* cmd, CliContext& ctx) {
  auto o = std::make_shared<AdminOptions>();

  auto* cs = cmd->add_subcommand("case", "登记或更新复议、诉讼（表四）");
  cs->add_option("application", o->ref, "申请编号或内部编号（新增时）");
  cs->add_option("--id", o->case_id, "要更新的复议/诉讼编号（更新时）");
  cs->add_option("--kind", o->kind,
                 "reconsideration | direct_litigation | litigation_after_reconsideration");
  cs->add_option("--filed", o->filed, "立案/受理日期");
  cs->add_option("--result", o->result, "pending | upheld | corrected | other");
  cs->add_option("--decided", o->decided, "审结日期");
  cs->callback([&ctx, o] {
    auto env = OpenAppEnv(ctx);
    if (!env) return;
    Case c;
    auto result = Code(ParseCaseResult, o->result, "结果");
    if (!result.ok()) return FailWith(ctx, result.status());
    c.result = *result;
    auto decided = OptionalDate(o->decided);
    if (!decided.ok()) return FailWith(ctx, decided.status());
    c.decided_on = *decided;
    if (o->case_id) {
      c.id = o->case_id;
      Status s = env->service->UpdateCase(account::Actor::Console(), c);
      if (!s.ok()) return FailWith(ctx, s);
      *ctx.out << "已更新复议/诉讼 #" << c.id << "：" << CaseResultLabel(c.result) << "\n";
      return;
    }
    if (o->ref.empty() || o->filed.empty()) {
      return ctx.Fail(kExitUsage, "新增复议/诉讼需要申请编号和 --filed 日期");
    }
    auto id = ResolveApplication(*env, o->ref);
    if (!id.ok()) return FailWith(ctx, id.status());
    c.application_id = *id;
    auto kind = Code(ParseCaseKind, o->kind, "类型");
    if (!kind.ok()) return FailWith(ctx, kind.status());
    c.kind = *kind;
    auto filed = OptionalDate(o->filed);
    if (!filed.ok()) return FailWith(ctx, filed.status());
    c.filed = **filed;
    auto r = env->service->AddCase(account::Actor::Console(), c);
    if (!r.ok()) return FailWith(ctx, r.status());
    *ctx.out << "已登记复议/诉讼 #" << *r << "：" << CaseKindLabel(c.kind) << " "
             << CaseResultLabel(c.result) << "\n";
  });

  auto* num = cmd->add_subcommand("numbering", "查看或设置机构的申请编号格式");
  num->add_option("--agency", o->agency, "机构")->required();
  num->add_option("--pattern", o->pattern,
                  "编号格式，占位符 {简称} {year} {seq} {seq3} {seq4}；默认 " +
                      std::string(services::kDefaultNumberPattern));
  num->callback([&ctx, o] {
    auto env = OpenAppEnv(ctx);
    if (!env) return;
    auto agency = ResolveAgency(*env, o->agency);
    if (!agency.ok()) return FailWith(ctx, agency.status());
    if (!o->pattern.empty()) {
      Status s = env->service->SetNumberPattern(account::Actor::Console(), *agency, o->pattern);
      if (!s.ok()) return FailWith(ctx, s);
    }
    auto p = env->service->NumberPattern(account::Actor::Console(), *agency);
    if (!p.ok()) return FailWith(ctx, p.status());
    *ctx.out << "编号格式：" << *p << "\n";
  });

  auto* chain = cmd->add_subcommand("approval-chain", "查看或设置机构答复的审批链");
  chain->add_option("--agency", o->agency, "机构")->required();
  chain->add_option("--set", o->pattern,
                    "审批链，如 拟办:application_clerk,法制审核:legal_reviewer,签发:signing_leader"
                    "（默认）；none 为不审批，答复即时生效");
  chain->callback([&ctx, o] {
    auto env = OpenAppEnv(ctx);
    if (!env) return;
    auto agency = ResolveAgency(*env, o->agency);
    if (!agency.ok()) return FailWith(ctx, agency.status());
    if (!o->pattern.empty()) {
      Status s = env->service->SetDecisionChain(account::Actor::Console(), *agency, o->pattern);
      if (!s.ok()) return FailWith(ctx, s);
    }
    auto c = env->service->DecisionChain(account::Actor::Console(), *agency);
    if (!c.ok()) return FailWith(ctx, c.status());
    *ctx.out << "答复审批链：" << account::DescribeApprovalChain(*c) << "\n";
  });

  auto* ex = cmd->add_subcommand("export", "导出申请为 JSON lines（每行一件）");
  ex->add_option("--agency", o->agency, "机构")->required();
  ex->add_option("--year", o->year, "只导出该年收到的");
  ex->callback([&ctx, o] {
    auto env = OpenAppEnv(ctx);
    if (!env) return;
    auto agency = ResolveAgency(*env, o->agency);
    if (!agency.ok()) return FailWith(ctx, agency.status());
    std::optional<int> year;
    if (o->year) year = o->year;
    auto text = env->service->ExportJsonLines(account::Actor::Console(), *agency, year);
    if (!text.ok()) return FailWith(ctx, text.status());
    *ctx.out << *text;
  });

  auto* im = cmd->add_subcommand("import", "导入 JSON lines（全部校验，全部成功或全部不导入）");
  im->add_option("file", o->file, "JSON lines 文件")->required();
  im->callback([&ctx, o] {
    std::ifstream in(o->file, std::ios::binary);
    if (!in) return ctx.Fail(kExitUsage, "无法读取文件：" + o->file);
    std::stringstream buf;
    buf << in.rdbuf();
    auto env = OpenAppEnv(ctx);
    if (!env) return;
    auto n = env->service->ImportJsonLines(account::Actor::Console(), buf.str());
    if (!n.ok()) return FailWith(ctx, n.status());
    *ctx.out << "已导入 " << *n << " 件申请\n";
  });

  auto* re = cmd->add_subcommand("recompute", "按当前节假日数据重新计算未办结申请的答复期限");
  re->callback([&ctx] {
    auto env = OpenAppEnv(ctx);
    if (!env) return;
    auto moved = env->service->RecomputeDueDates(account::Actor::Console());
    if (!moved.ok()) return FailWith(ctx, moved.status());
    PrintDueDateMoves(*ctx.out, *moved);
  });
}

}  // namespace gongkai::cli

// `gongkai app ledger`: the 台账 of an agency with the web's filters (services::ParseLedgerFilter),
// printed, or exported (--export csv|xlsx, every matching row).
#include <CLI/CLI.hpp>
#include <algorithm>
#include <map>

#include "cli/app_support.h"
#include "cli/cli_common.h"
#include "report/file_io.h"
#include "services/ledger_service.h"

namespace gongkai::cli {

namespace {

struct LedgerOptions {
  std::string agency;
  std::map<std::string, std::string> fields;  // q, year, status, … as in the query string
  std::string format;                         // csv | xlsx; empty: print
  std::string output;
};

}  // namespace

void AddAppLedgerCommand(CLI::App* app_cmd, CliContext& ctx) {
  auto o = std::make_shared<LedgerOptions>();
  auto* cmd = app_cmd->add_subcommand("ledger", "台账：检索、筛选并导出机构的全部申请");
  cmd->add_option("--agency", o->agency, "机构（编号、全称或简称）")->required();
  const std::pair<const char*, const char*> filters[] = {
      {"q", "检索词（申请编号、申请人或申请内容，空格分隔多个词）"},
      {"year", "收到年度"},
      {"status",
       "状态：open、awaiting_receipt、in_progress、awaiting_correction、consulting、"
       "awaiting_fee、concluded"},
      {"outcome", "办理结果（表三代码，如 1、3.1，或类别 3）"},
      {"channel", "提交方式：online、in_person、registered_letter、ordinary_letter、fax、email"},
      {"kind", "申请人类型：natural_person、organisation 或具体类型代码"},
      {"attention",
       "待办：overdue、due_today、due_soon、awaiting_receipt、expired_correction、"
       "expired_fee、expired_consultation"},
      {"answered_year", "答复年度"},
      {"on_time", "是否按期：yes 或 no"}};
  for (const auto& [name, help] : filters) {
    std::string flag = "--" + std::string(name);
    std::replace(flag.begin(), flag.end(), '_', '-');
    cmd->add_option(flag, o->fields[name], help);
  }
  cmd->add_option("--export", o->format, "导出格式：csv 或 xlsx（全部符合条件的申请）")
      ->check(CLI::IsMember({"csv", "xlsx"}));
  cmd->add_option("--output,-o", o->output, "导出文件（csv 省略则写到标准输出；xlsx 必填）");
  cmd->callback([&ctx, o] {
    auto env = OpenAppEnv(ctx);
    if (!env) return;
    auto agency = ResolveAgency(*env, o->agency);
    if (!agency.ok()) return FailWith(ctx, agency.status());
    auto filter = services::ParseLedgerFilter([&o](std::string_view name) {
      auto it = o->fields.find(std::string(name));
      return it == o->fields.end() ? std::string() : it->second;
    });
    if (!filter.ok()) return FailWith(ctx, filter.status());
    filter->per_page = 0;
    services::LedgerService ledger(*env->store, env->clock, *env->service);
    auto page = ledger.Ledger(account::Actor::Console(), *agency, *filter);
    if (!page.ok()) return FailWith(ctx, page.status());
    if (o->format.empty()) {
      for (const auto& r : page->rows) PrintSummary(*ctx.out, r.summary);
      *ctx.out << "共 " << page->total << " 件（截至 " << page->as_of.ToString() << "）\n";
      return;
    }
    report::Sheet sheet = services::LedgerSheet(page->rows);
    Status s;
    if (o->format == "xlsx") {
      if (o->output.empty()) {
        return FailWith(ctx, InvalidArgument("no output", "导出 xlsx 须用 --output 指定文件"));
      }
      s = report::WriteSheetXlsx(sheet, o->output);
    } else if (o->output.empty()) {
      *ctx.out << report::RenderCsv(sheet);
    } else {
      s = report::WriteOutputFile(o->output, report::RenderCsv(sheet));
    }
    if (!s.ok()) return FailWith(ctx, s);
    if (!o->output.empty()) *ctx.out << "已导出 " << page->total << " 件：" << o->output << "\n";
  });
}

}  // namespace gongkai::cli

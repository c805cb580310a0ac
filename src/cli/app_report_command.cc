// `gongkai report compile`: tables 三 and 四 compiled from the applications ledger.
#include <CLI/CLI.hpp>
#include <fstream>

#include "cli/app_support.h"
#include "cli/cli_common.h"
#include "report/render.h"
#include "report/report_template.h"

namespace gongkai::cli {

namespace {

using namespace applications;  // NOLINT

struct CompileOptions {
  std::string agency, to, output, cell;
  int year = 0;
};

// The tables with each row's reference (行号, t4:N) and numbered columns, so that any cell can be
// named to --cell.
void PrintTables(std::ostream& out, const services::CompiledTables& t) {
  const report::ReportTemplate& tmpl = report::GetTemplate(report::TemplateVersion::k2021);
  out << report::ReportTitle(t.report) << "（依申请公开统计，由办理台账生成）\n";
  out << "三、收到和处理政府信息公开申请情况\n";
  out << "行号\t行";
  for (int c = 0; c < kTable3Columns; ++c) out << "\t" << c + 1 << " " << Table3ColumnLabel(c);
  out << "\n";
  for (int r = 0; r < kTable3Rows; ++r) {
    out << tmpl.table3[r].id << "\t" << Table3RowLabel(r);
    for (int c = 0; c < kTable3Columns; ++c) out << "\t" << t.table3.at(r, c);
    out << "\n";
  }
  out << "四、政府信息公开行政复议、行政诉讼情况\n";
  for (int c = 0; c < kTable4Columns; ++c) {
    out << "t4:" << c + 1 << "\t" << Table4ColumnLabel(c) << "\t" << t.table4.at(c) << "\n";
  }
  out << "查看单元格背后的申请：--cell 行号:列号（如 3.1:7、（三）2:1），表四 --cell t4:列号\n";
}

// "3.3.1:1" (template row id : column 1–7) or "t4:5" (table 四 column 1–15).
Status PrintCell(std::ostream& out, const services::CompiledTables& t, const std::string& ref) {
  GONGKAI_ASSIGN_OR_RETURN(services::TableCellRef r, services::ParseTableCellRef(ref));
  const Cell* cell = &services::CellAt(t, r);
  std::string name = services::TableCellName(r);
  out << name << "：" << cell->count << "\n";
  for (int64_t id : cell->ids) {
    std::string number = r.table4 ? "复议/诉讼 #" + std::to_string(id) : t.NumberOf(id);
    out << "  " << number << "\n";
  }
  return Status::Ok();
}

}  // namespace

void AddReportCompileCommand(CLI::App& report_cmd, CliContext& ctx) {
  auto o = std::make_shared<CompileOptions>();
  auto* cmd = report_cmd.add_subcommand("compile", "由依申请公开台账生成年度报告表三、表四");
  cmd->add_option("--agency", o->agency, "机构（编号、全称或简称）")->required();
  cmd->add_option("--year", o->year, "年度")->required();
  cmd->add_option("--to", o->to, "json | html | txt | md | xlsx | docx（默认打印表格）");
  cmd->add_option("-o,--output", o->output, "输出文件（xlsx、docx 必须指定）");
  cmd->add_option(
      "--cell", o->cell,
      "列出某单元格背后的申请，如 3.3.1:1、（三）2:7、3.7、t4:2（行号、列号见默认输出）");
  AddCalendarFileOptions(cmd, ctx.calendar_files);
  cmd->callback([&ctx, o] {
    auto env = OpenAppEnv(ctx);
    if (!env) return;
    auto agency = ResolveAgency(*env, o->agency);
    if (!agency.ok()) return FailWith(ctx, agency.status());
    auto t = env->service->CompileTables(account::Actor::Console(), *agency, o->year);
    if (!t.ok()) return FailWith(ctx, t.status());
    if (!o->cell.empty()) {
      Status s = PrintCell(*ctx.out, *t, o->cell);
      if (!s.ok()) return FailWith(ctx, s);
      return;
    }
    std::string bytes;
    if (o->to.empty()) {
      std::ostringstream text;
      PrintTables(text, *t);
      bytes = text.str();
    } else if (o->to == "txt") {
      bytes = report::RenderText(t->report);
    } else if (o->to == "md") {
      bytes = report::RenderMarkdown(t->report);
    } else if (o->to == "html") {
      bytes = report::RenderHtml(t->report);
    } else if (o->to == "json") {
      bytes = report::RenderJson(t->report);
    } else if (o->to == "docx" || o->to == "xlsx") {
      if (o->output.empty()) return ctx.Fail(kExitUsage, o->to + " 格式必须用 -o 指定输出文件");
      if (o->to == "xlsx") {
        Status s = report::WriteXlsx(t->report, o->output);
        if (!s.ok()) return FailWith(ctx, s);
        *ctx.out << "已写入 " << o->output << "\n";
        return;
      }
      auto docx = report::RenderDocx(t->report);
      if (!docx.ok()) return FailWith(ctx, docx.status());
      bytes = *docx;
    } else {
      return ctx.Fail(kExitUsage, "不支持的格式：" + o->to + "（可用 json html txt md xlsx docx）");
    }
    if (o->output.empty()) {
      *ctx.out << bytes;
      return;
    }
    std::ofstream f(o->output, std::ios::binary);
    f << bytes;
    if (!f) return ctx.Fail(kExitFailure, "无法写入文件：" + o->output);
    *ctx.out << "已写入 " << o->output << "\n";
  });
}

}  // namespace gongkai::cli

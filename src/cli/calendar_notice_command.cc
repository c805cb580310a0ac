// `gongkai calendar status|import`: which years the holiday data covers, and importing the State
// Council's notice of a new year (text as published, or the data format) into the database, with
// the days that change, the warnings to confirm and the applications whose due date moved.
#include <CLI/CLI.hpp>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>

#include "cli/app_support.h"
#include "cli/cli.h"
#include "cli/cli_common.h"

namespace gongkai::cli {

namespace {

std::string YearsText(const std::vector<int>& years) {
  std::string out;
  for (int y : years) out += (out.empty() ? "" : "、") + std::to_string(y);
  return out.empty() ? "无" : out;
}

Result<std::string> ReadInput(const std::string& file) {
  std::stringstream buf;
  if (file == "-") {
    buf << std::cin.rdbuf();
    return buf.str();
  }
  return calendar::ReadTextFile(file);
}

// The data format starts with its header or a comment; anything else is the notice's text.
services::NoticeFormat Detect(const std::string& text, const std::string& format) {
  if (format == "tsv") return services::NoticeFormat::kTsv;
  if (format == "text") return services::NoticeFormat::kText;
  size_t i = text.rfind("\xEF\xBB\xBF", 0) == 0 ? 3 : 0;
  return text.compare(i, 5, "date\t") == 0 || text.compare(i, 1, "#") == 0
             ? services::NoticeFormat::kTsv
             : services::NoticeFormat::kText;
}

void PrintPreview(std::ostream& out, const services::NoticePreview& p) {
  out << p.year << "年节假日安排：放假" << p.holidays << "天，调休上班" << p.workdays << "天"
      << (p.replaces_notice ? "（替换已有的" + std::to_string(p.year) + "年数据）" : "") << "\n";
  out << "变化的日期：" << p.changes.size() << " 天\n";
  for (const auto& c : p.changes) {
    out << "  " << c.date.ToString() << "（" << c.date.ChineseWeekday() << "）" << c.before << " → "
        << c.after << "\n";
  }
  for (const auto& w : p.warnings) out << "注意：" << w << "\n";
}

struct ImportArgs {
  CalendarFileOptions files;
  std::string file, format = "auto";
  int year = 0;
  bool confirm = false, dry_run = false;
};

void RunImport(CliContext& ctx, const ImportArgs& a) {
  auto text = ReadInput(a.file);
  if (!text.ok()) return FailWith(ctx, text.status());
  auto env = OpenAppEnv(ctx, a.files);
  if (!env) return;
  std::optional<int> year = a.year > 0 ? std::optional<int>(a.year) : std::nullopt;
  services::NoticeFormat format = Detect(*text, a.format);
  if (a.dry_run || !a.confirm) {
    auto p = env->calendar->Preview(*text, format, year);
    if (!p.ok()) return FailWith(ctx, p.status());
    PrintPreview(*ctx.out, *p);
    if (a.dry_run) {
      *ctx.out << "（试运行，未导入）\n";
      return;
    }
    if (!p->warnings.empty()) {
      *ctx.out << "未导入：通知与放假办法不一致，核对无误后加 --confirm 重新运行\n";
      ctx.exit_code = kExitFindings;
      return;
    }
  }
  auto done = env->calendar->Import(account::Actor::Console(), *text, format, year, a.confirm);
  if (!done.ok()) return FailWith(ctx, done.status());
  if (a.confirm) PrintPreview(*ctx.out, *done);
  auto cal = env->calendar->Build();
  if (!cal.ok()) return FailWith(ctx, cal.status());
  env->service->SetCalendar(*cal);
  *ctx.out << "已导入" << done->year << "年节假日安排\n";
  auto moved = env->service->RecomputeDueDates(account::Actor::Console());
  if (!moved.ok()) return FailWith(ctx, moved.status());
  PrintDueDateMoves(*ctx.out, *moved);
}

}  // namespace

void AddCalendarNoticeCommands(CLI::App* cal, CliContext& ctx) {
  auto status_files = std::make_shared<CalendarFileOptions>();
  auto* status = cal->add_subcommand("status", "节假日数据覆盖的年份；次年尚未发布时的提醒");
  AddCalendarFileOptions(status, *status_files);
  status->callback([&ctx, status_files] {
    auto env = OpenAppEnv(ctx, *status_files);
    if (!env) return;
    auto s = env->calendar->Status();
    if (!s.ok()) return FailWith(ctx, s.status());
    *ctx.out << "今天（北京时间）：" << s->today.ToString() << "\n"
             << "已发布的节假日安排：" << YearsText(s->covered_years) << "\n"
             << "其中导入的通知：" << YearsText(s->imported_years) << "\n"
             << s->today.year + 1 << "年："
             << (s->next_year_provisional ? "尚未导入，跨年期限按法定节假日预计（不含调休）"
                                          : "已导入")
             << "\n";
    if (!s->warning.empty()) *ctx.out << "警告：" << s->warning << "\n";
  });

  auto args = std::make_shared<ImportArgs>();
  auto* import = cal->add_subcommand(
      "import", "导入国务院办公厅节假日安排通知（通知原文或 TSV 数据），显示变化并重算答复期限");
  import->add_option("file", args->file, "通知文本或 TSV 文件；- 为标准输入")->required();
  import->add_option("--format", args->format, "auto（默认）、text 或 tsv")
      ->check(CLI::IsMember({"auto", "text", "tsv"}));
  import->add_option("--year", args->year, "通知的年份（通知标题中有年份时可省略）");
  import->add_flag("--confirm", args->confirm, "通知与放假办法不一致时仍然导入");
  import->add_flag("--dry-run", args->dry_run, "只显示变化，不导入");
  AddCalendarFileOptions(import, args->files);
  import->callback([&ctx, args] { RunImport(ctx, *args);
});
}  // namespace gongkai::cli

}  // namespace gongkai::cli

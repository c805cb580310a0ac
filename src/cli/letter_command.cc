// `gongkai letter sample`: renders a sample reply letter of any kind and outcome (src/letters) so
// an agency can proof the wording before the first real one goes out.
#include <CLI/CLI.hpp>
#include <ostream>

#include "cli/cli.h"
#include "letters/sample.h"
#include "report/file_io.h"

namespace gongkai::cli {

void AddLetterCommands(CLI::App& app, CliContext& ctx) {
  auto* letter = app.add_subcommand("letter", "依申请公开答复文书");
  letter->require_subcommand(1);
  struct Options {
    std::string kind = "答复书";
    std::string outcome;
    std::string to = "html";
    std::string output;
    std::string seal;
    std::string date;  // default: 2024-10-30; the 补正通知书 the day of its notice, 2024-10-10
  };
  auto opts = std::make_shared<Options>();
  auto* sample = letter->add_subcommand("sample", "用示例申请生成一份文书，供校对措辞");
  sample->add_option("--kind", opts->kind,
                     "文书类型：答复书、告知书、补正通知书、延期通知书、收费通知书、征求意见函");
  sample->add_option("--outcome", opts->outcome,
                     "答复结果（答复书、告知书）：编号如 3.1、（三）1，或名称如 予以公开");
  sample->add_option("--to", opts->to, "输出格式：html 或 docx")
      ->check(CLI::IsMember({"html", "docx"}));
  sample->add_option("-o,--output", opts->output, "输出文件（html 可省略，输出到标准输出）");
  sample->add_option("--seal", opts->seal, "依申请公开专用章图片（PNG）");
  sample->add_option("--date", opts->date,
                     "成文日期（YYYY-MM-DD；默认2024-10-30，补正通知书为补正通知之日2024-10-10）");
  sample->callback([&ctx, opts] {
    auto kind = letters::ParseKind(opts->kind);
    if (!kind.ok()) return ctx.Fail(kExitUsage, kind.status().UserMessage());
    std::optional<applications::OutcomeRow> outcome;
    if (!opts->outcome.empty()) {
      auto row = letters::ParseOutcomeName(opts->outcome);
      if (!row.ok()) return ctx.Fail(kExitUsage, row.status().UserMessage());
      outcome = *row;
    }
    std::string day = opts->date;
    if (day.empty()) day = *kind == letters::LetterKind::kCorrection ? "2024-10-10" : "2024-10-30";
    auto date = Date::Parse(day);
    if (!date.ok()) return ctx.Fail(kExitUsage, date.status().UserMessage());
    letters::Seal seal;
    if (!opts->seal.empty()) {
      auto png = report::ReadReportFile(opts->seal);
      if (!png.ok()) return ctx.Fail(kExitUsage, png.status().UserMessage());
      seal.png = std::move(*png);
    }
    auto built = letters::SampleLetter(*kind, outcome, *date);
    if (!built.ok()) return ctx.Fail(kExitUsage, built.status().UserMessage());
    auto bytes = opts->to == "docx" ? letters::RenderLetterDocx(*built, seal)
                                    : letters::RenderLetterHtml(*built, seal);
    if (!bytes.ok()) return ctx.Fail(kExitUsage, bytes.status().UserMessage());
    if (opts->output.empty()) {
      if (opts->to == "docx") return ctx.Fail(kExitUsage, "DOCX 需要用 -o 指定输出文件");
      *ctx.out << *bytes;
      return;
    }
    Status written = report::WriteOutputFile(opts->output, *bytes);
    if (!written.ok()) return ctx.Fail(3, written.UserMessage());
    *ctx.out << "已生成 " << built->title << "（" << built->number << "）：" << opts->output
             << "\n";
  });
}

}  // namespace gongkai::cli

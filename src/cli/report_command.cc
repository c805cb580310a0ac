// `gongkai report …`: parse, check (batch), render, sum and generate annual reports.
#include <fmt/format.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <filesystem>
#include <ostream>
#include <thread>

#include "cli/cli.h"
#include "report/batch.h"
#include "report/consolidate.h"
#include "report/file_io.h"
#include "report/generator.h"
#include "report/import.h"
#include "report/render.h"
#include "report/validate.h"

namespace gongkai::cli {
namespace {

using report::AnnualReport;
using report::Finding;
using report::Severity;

void PrintFindings(std::ostream& out, const std::string& prefix, const std::vector<Finding>& fs) {
  for (const auto& f : fs) {
    out << prefix << "[" << report::SeverityChinese(f.severity) << "] " << f.rule << " "
        << f.message << "\n";
  }
}

// `report check`: the report's own inconsistencies (the publisher's mistakes, the point of the
// audit) apart from what the importer could not read (I rules; and, when the import was
// incomplete, the empty cells R7 finds, which may be cells that were not read).
void PrintCheckFindings(std::ostream& out, const report::FileOutcome& x) {
  std::vector<Finding> own, unread, notes;
  for (const auto& f : x.findings) {
    bool importer = f.rule.starts_with("I") || (!x.complete && f.rule == "R7");
    (importer && f.severity == Severity::kInfo ? notes : importer ? unread : own).push_back(f);
  }
  if (!own.empty()) {
    out << x.path << "：报告本身的问题（" << own.size() << " 条）：\n";
    PrintFindings(out, x.path + "：", own);
  }
  if (!unread.empty()) {
    out << x.path << "：未能读取的内容（" << unread.size()
        << " 条，是导入时读不出，不一定是报告的错误，请对照原文件核对）：\n";
    PrintFindings(out, x.path + "：", unread);
  }
  PrintFindings(out, x.path + "：", notes);  // e.g. the encoding a file was converted from
}

// `report parse --explain`: each value read, with where in the file it was read from.
void PrintSources(std::ostream& out, const report::ImportResult& imported) {
  const AnnualReport& r = imported.report;
  const report::ReportTemplate& t = report::GetTemplate(r.version);
  out << "\n来源（每个读出的数字在原文件中的位置）：\n";
  for (const auto& s : imported.sources) {
    std::string name, value;
    if (s.table == 2 && s.index < static_cast<int>(r.table2.size())) {
      name = "二、" + t.Table2CellName(s.index);
      value = report::FormatValue(r.table2[s.index], t.Table2Kind(s.index));
    } else if (s.table == 3 &&
               s.index / report::kTable3Columns < static_cast<int>(r.table3.size())) {
      int row = s.index / report::kTable3Columns, col = s.index % report::kTable3Columns;
      name = t.Table3RowName(row) + " · " + t.table3_columns[col];
      value = report::FormatValue(r.table3[row][col], report::ValueKind::kCount);
    } else if (s.table == 4 && s.index < report::kTable4Columns) {
      name = "四、" + t.Table4ColumnName(s.index);
      value = report::FormatValue(r.table4[s.index], report::ValueKind::kCount);
    } else {
      continue;
    }
    out << name << " = " << value << " ← " << report::SourcePosition(s) << "\n";
  }
}

bool CountsAsFinding(const std::vector<Finding>& fs) {
  for (const auto& f : fs) {
    if (f.severity != Severity::kInfo) return true;
  }
  return false;
}

// Reads and imports one file; on failure prints the Chinese error and sets exit code 2.
std::optional<report::ImportResult> Load(CliContext& ctx, const std::string& path,
                                         const std::string& format_name) {
  auto format = report::ParseInputFormat(format_name);
  if (!format) {
    ctx.Fail(kExitUsage, "未知的输入格式“" + format_name +
                             "”（可用：auto pipe html md txt json xlsx docx pdf）");
    return std::nullopt;
  }
  auto bytes = report::ReadReportFile(path);
  if (!bytes.ok()) {
    ctx.Fail(kExitUsage, bytes.status().UserMessage());
    return std::nullopt;
  }
  auto imported = report::ImportReport(*bytes, *format);
  if (!imported.ok()) {
    ctx.Fail(kExitUsage, path + "：" + imported.status().UserMessage());
    return std::nullopt;
  }
  return std::move(imported).value();
}

// Renders to a textual/binary format; xlsx is written straight to `out_path`.
bool Render(CliContext& ctx, const AnnualReport& r, const std::string& to,
            const std::string& out_path) {
  std::string data;
  if (to == "html")
    data = report::RenderHtml(r);
  else if (to == "txt" || to == "text")
    data = report::RenderText(r);
  else if (to == "md" || to == "markdown")
    data = report::RenderMarkdown(r);
  else if (to == "json")
    data = report::RenderJson(r);
  else if (to == "pipe")
    data = report::RenderPipeForm(r);
  else if (to == "docx") {
    auto docx = report::RenderDocx(r);
    if (!docx.ok()) {
      ctx.Fail(kExitUsage, docx.status().UserMessage());
      return false;
    }
    data = std::move(docx).value();
  } else if (to == "xlsx") {
    if (out_path.empty()) {
      ctx.Fail(kExitUsage, "XLSX 需要用 -o 指定输出文件");
      return false;
    }
    Status s = report::WriteXlsx(r, out_path);
    if (!s.ok()) ctx.Fail(kExitUsage, s.UserMessage());
    return s.ok();
  } else {
    ctx.Fail(kExitUsage, "未知的输出格式“" + to + "”（可用：html txt md json pipe xlsx docx）");
    return false;
  }
  if (out_path.empty() || out_path == "-") {
    *ctx.out << data;
    return true;
  }
  Status s = report::WriteOutputFile(out_path, data);
  if (!s.ok()) ctx.Fail(kExitUsage, s.UserMessage());
  return s.ok();
}

void AddParse(CLI::App& report, CliContext& ctx) {
  auto* cmd = report.add_subcommand("parse", "读取一份年度报告并显示读出的内容");
  struct Opts {
    std::string file, format = "auto";
    bool json = false, explain = false;
  };
  auto o = std::make_shared<Opts>();
  cmd->add_option("FILE", o->file, "报告文件（| 表格文本、HTML、Markdown、纯文本或 JSON）")
      ->required();
  cmd->add_option("--from", o->format, "输入格式：auto pipe html md txt json xlsx docx pdf");
  cmd->add_flag("--json", o->json, "以 JSON（gongkai.annual_report 第 1 版）输出");
  cmd->add_flag("--explain", o->explain, "列出每个读出的数字在原文件中的位置");
  cmd->callback([&ctx, o] {
    auto imported = Load(ctx, o->file, o->format);
    if (!imported) return;
    if (o->json) {
      *ctx.out << report::RenderJson(imported->report);
    } else {
      const auto& r = imported->report;
      *ctx.out << fmt::format("格式：{}（{}）\n模板：{}\n机关：{}\n年度：{}\n完整：{}\n\n",
                              imported->format, imported->encoding,
                              report::TemplateVersionChinese(r.version),
                              r.agency.empty() ? "（未识别）" : r.agency,
                              r.year > 0 ? std::to_string(r.year) : "（未识别）",
                              imported->complete ? "是" : "否（有单元格未能读取）");
      *ctx.out << report::RenderText(r);
      if (o->explain) PrintSources(*ctx.out, *imported);
    }
    PrintFindings(*ctx.err, o->file + "：", imported->issues);
    if (!imported->complete || CountsAsFinding(imported->issues)) ctx.exit_code = kExitFindings;
  });
}

void AddCheck(CLI::App& report, CliContext& ctx) {
  auto* cmd = report.add_subcommand("check", "核查年度报告（勾稽关系、跨年度、正文与表格）");
  struct Opts {
    std::vector<std::string> paths;
    std::string previous, summary_dir;
    int jobs = 0;
    bool quiet = false;
  };
  auto o = std::make_shared<Opts>();
  cmd->add_option("PATH", o->paths, "报告文件或目录（目录递归读取）")->required();
  cmd->add_option("--previous", o->previous, "同一机关上一年度的报告（跨年度核对）");
  cmd->add_option("--jobs,-j", o->jobs, "并行线程数（默认：全部 CPU 核）");
  cmd->add_option("--summary-dir", o->summary_dir,
                  "写出 summary.csv、summary.json、summary.html 的目录");
  cmd->add_flag("--quiet,-q", o->quiet, "只输出每个文件的统计，不逐条列出问题");
  cmd->callback([&ctx, o] {
    auto files = report::ListReportFiles(o->paths);
    if (!files.ok()) {
      ctx.Fail(kExitUsage, files.status().UserMessage());
      return;
    }
    if (files->empty()) {
      ctx.Fail(kExitUsage, "没有找到要核查的报告文件");
      return;
    }
    int n_jobs = o->jobs > 0 ? o->jobs : std::max(1u, std::thread::hardware_concurrency());
    bool tty = isatty(STDERR_FILENO) != 0 && files->size() > 1;
    auto progress = [&](size_t done, size_t total) {
      if (!tty || (done % 50 != 0 && done != total)) return;
      int width = 30, filled = static_cast<int>(done * width / total);
      std::fprintf(stderr, "\r[%s%s] %zu/%zu", std::string(filled, '#').c_str(),
                   std::string(width - filled, '.').c_str(), done, total);
      if (done == total) std::fprintf(stderr, "\n");
    };
    auto outcomes = report::CheckFiles(*files, n_jobs, progress);
    report::CrossYearChecks(outcomes);
    if (!o->previous.empty() && outcomes.size() == 1 && outcomes[0].readable) {
      auto prev = Load(ctx, o->previous, "auto");
      if (!prev) return;
      for (auto& f : report::CheckAgainstPreviousYear(outcomes[0].report, prev->report)) {
        outcomes[0].findings.push_back(std::move(f));
      }
    }
    bool unreadable = false, findings = false;
    size_t clean = 0;
    for (const auto& x : outcomes) {
      if (!x.readable) {
        unreadable = true;
        *ctx.err << "错误：" << x.path << "：" << x.error << "\n";
        continue;
      }
      bool bad = CountsAsFinding(x.findings);
      findings |= bad;
      clean += bad ? 0 : 1;
      if (!o->quiet) PrintCheckFindings(*ctx.out, x);
    }
    *ctx.out << fmt::format(
        "共核查 {} 个文件：无问题 {} 个，有问题 {} 个，无法读取 {} 个\n", outcomes.size(), clean,
        outcomes.size() - clean -
            std::count_if(outcomes.begin(), outcomes.end(),
                          [](const auto& o) { return !o.readable; }),
        std::count_if(outcomes.begin(), outcomes.end(), [](const auto& o) { return !o.readable; }));
    if (!o->summary_dir.empty()) {
      std::error_code ec;
      std::filesystem::create_directories(o->summary_dir, ec);
      for (const auto& [name, data] :
           {std::pair<std::string, std::string>{"summary.csv", report::SummaryCsv(outcomes)},
            {"summary.json", report::SummaryJson(outcomes)},
            {"summary.html", report::SummaryHtml(outcomes)}}) {
        Status s = report::WriteOutputFile(o->summary_dir + "/" + name, data);
        if (!s.ok()) {
          ctx.Fail(kExitUsage, s.UserMessage());
          return;
        }
      }
    }
    ctx.exit_code = unreadable ? kExitUsage : (findings ? kExitFindings : kExitOk);
  });
}

void AddRender(CLI::App& report, CliContext& ctx) {
  auto* cmd =
      report.add_subcommand("render", "把报告输出为 html、txt、md、json、pipe、xlsx 或 docx");
  struct Opts {
    std::string file, to, out_path, format = "auto";
  };
  auto o = std::make_shared<Opts>();
  cmd->add_option("FILE", o->file, "报告文件")->required();
  cmd->add_option("--to", o->to, "输出格式：html txt md json pipe xlsx docx")->required();
  cmd->add_option("-o,--output", o->out_path, "输出文件（默认标准输出；xlsx 必须指定）");
  cmd->add_option("--from", o->format, "输入格式：auto pipe html md txt json xlsx docx pdf");
  cmd->callback([&ctx, o] {
    auto imported = Load(ctx, o->file, o->format);
    if (!imported) return;
    if (!Render(ctx, imported->report, o->to, o->out_path)) return;
    PrintFindings(*ctx.err, o->file + "：", imported->issues);
    if (!imported->complete) ctx.exit_code = kExitFindings;
  });
}

void AddSum(CLI::App& report, CliContext& ctx) {
  auto* cmd = report.add_subcommand("sum", "汇总多份年度报告（先逐份核查，未通过的不计入）");
  struct Opts {
    std::vector<std::string> paths;
    std::string out_path, to = "json", agency = "汇总";
  };
  auto o = std::make_shared<Opts>();
  cmd->add_option("FILE", o->paths, "报告文件或目录")->required();
  cmd->add_option("-o,--output", o->out_path, "输出文件（默认标准输出）");
  cmd->add_option("--to", o->to, "输出格式：json html txt md pipe xlsx docx");
  cmd->add_option("--agency", o->agency, "汇总报告的机关名称");
  cmd->callback([&ctx, o] {
    auto files = report::ListReportFiles(o->paths);
    if (!files.ok()) {
      ctx.Fail(kExitUsage, files.status().UserMessage());
      return;
    }
    std::vector<report::NamedReport> inputs;
    for (const auto& f : *files) {
      auto imported = Load(ctx, f, "auto");
      if (!imported) return;
      inputs.push_back({f, std::move(imported->report)});
    }
    auto sum = report::Consolidate(inputs, o->agency);
    if (!sum.ok()) {
      ctx.Fail(kExitUsage, sum.status().UserMessage());
      return;
    }
    if (!Render(ctx, sum->total, o->to, o->out_path)) return;
    PrintFindings(*ctx.err, "", sum->findings);
    *ctx.err << fmt::format("已汇总 {} 份报告，未计入 {} 份\n", sum->used.size(),
                            inputs.size() - sum->used.size());
    if (CountsAsFinding(sum->findings)) ctx.exit_code = kExitFindings;
  });
}

void AddGenerate(CLI::App& report, CliContext& ctx) {
  auto* cmd = report.add_subcommand("generate", "生成随机的合规年度报告（用于测试和性能基准）");
  struct Opts {
    int count = 10;
    uint64_t seed = 1;
    std::string out_dir, forms = "mixed";
  };
  auto o = std::make_shared<Opts>();
  cmd->add_option("--count", o->count, "份数");
  cmd->add_option("--seed", o->seed, "随机种子");
  cmd->add_option("--out", o->out_dir, "输出目录")->required();
  cmd->add_option("--forms", o->forms,
                  "mixed 或 pipe/txt/md/html/json/run 之一（run：单元格连写的网页文本）");
  cmd->callback([&ctx, o] {
    const int count = o->count;
    const uint64_t seed = o->seed;
    const std::string& out_dir = o->out_dir;
    const std::string& forms = o->forms;
    static const char* kForms[] = {"pipe", "txt", "md", "html", "json"};
    std::error_code ec;
    std::filesystem::create_directories(out_dir, ec);
    if (ec) {
      ctx.Fail(kExitUsage, "无法创建目录：" + out_dir);
      return;
    }
    for (int i = 0; i < count; ++i) {
      auto v = i % 4 == 3 ? report::TemplateVersion::k2019 : report::TemplateVersion::k2021;
      AnnualReport r = report::GenerateReport(seed * 1000003 + i, v);
      // Unique agencies: random years of one agency would (rightly) fail the cross-year checks.
      r.agency += fmt::format("（样例{}）", i);
      std::string form = forms == "mixed" ? kForms[i % 5] : forms;
      std::string data;
      if (form == "pipe")
        data = report::RenderPipeForm(r);
      else if (form == "txt")
        data = report::RenderText(r);
      else if (form == "md")
        data = report::RenderMarkdown(r);
      else if (form == "html")
        data = report::RenderHtml(r);
      else if (form == "json")
        data = report::RenderJson(r);
      else if (form == "run")  // scraped innerText, row cells run together (not in mixed)
        data = report::RenderRunTogether(r, i % 2 == 0);
      else {
        ctx.Fail(kExitUsage, "未知的格式“" + form + "”");
        return;
      }
      std::string ext = form == "pipe" ? "pipe.txt" : form == "run" ? "run.txt" : form;
      Status s = report::WriteOutputFile(fmt::format("{}/report_{:06}.{}", out_dir, i, ext), data);
      if (!s.ok()) {
        ctx.Fail(kExitUsage, s.UserMessage());
        return;
      }
    }
    *ctx.out << fmt::format("已生成 {} 份报告到 {}\n", count, out_dir);
  });
}

}  // namespace

void AddReportCommands(CLI::App& app, CliContext& ctx) {
  auto* report = app.add_subcommand("report", "政府信息公开工作年度报告：读取、核查、输出、汇总");
  report->require_subcommand(1);
  AddParse(*report, ctx);
  AddCheck(*report, ctx);
  AddRender(*report, ctx);
  AddSum(*report, ctx);
  AddGenerate(*report, ctx);
}

}  // namespace gongkai::cli

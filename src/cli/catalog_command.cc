// `gongkai catalog import|export`: an agency's catalog from or to JSON lines or CSV, with the
// attachments in a folder (docs/catalog-format.md).
#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli/catalog_commands.h"
#include "cli/cli_common.h"
#include "core/clock.h"
#include "services/agency_service.h"
#include "services/catalog_import.h"

namespace gongkai::cli {

namespace {

namespace fs = std::filesystem;

struct TransferOptions {
  std::string file, agency, files_dir, format, out;
  bool dry_run = false;
};

// Attachments read from a folder; a path that leaves it (through a symbolic link) is refused.
class DirectorySource final : public services::FileSource {
 public:
  explicit DirectorySource(std::string dir) : dir_(std::move(dir)) {}
  Result<std::string> Read(const std::string& path) override {
    std::error_code ec;
    fs::path root = fs::weakly_canonical(dir_, ec);
    fs::path full = fs::weakly_canonical(fs::path(dir_) / path, ec);
    auto [end, _] = std::mismatch(root.begin(), root.end(), full.begin(), full.end());
    if (ec || end != root.end()) {
      return InvalidArgument("outside " + path, "附件“" + path + "”不在附件目录中");
    }
    std::ifstream in(full, std::ios::binary);
    if (!in || !fs::is_regular_file(full, ec)) {
      return NotFound("missing " + path, "附件“" + path + "”在附件目录中不存在");
    }
    std::stringstream buf;
    buf << in.rdbuf();
    return buf.str();
  }

 private:
  std::string dir_;
};

class DirectorySink final : public services::FileSink {
 public:
  explicit DirectorySink(std::string dir) : dir_(std::move(dir)) {}
  Status Write(const std::string& path, const std::string& data) override {
    fs::path full = fs::path(dir_) / path;
    std::error_code ec;
    fs::create_directories(full.parent_path(), ec);
    std::ofstream out(full, std::ios::binary | std::ios::trunc);
    out << data;
    if (ec || !out.flush()) {
      return Unavailable("cannot write " + full.string(), "无法写入附件：" + full.string());
    }
    return Status::Ok();
  }

 private:
  std::string dir_;
};

Result<services::CatalogFormat> FormatOf(const std::string& format, const std::string& file) {
  if (format == "csv" || (format.empty() && file.ends_with(".csv"))) {
    return services::CatalogFormat::kCsv;
  }
  if (format.empty() || format == "jsonl") return services::CatalogFormat::kJsonLines;
  return InvalidArgument("format " + format, "格式应为 jsonl 或 csv");
}

// The agency named, or the only one when none is named.
Result<agency::AgencyId> AgencyOf(storage::Store& store, const std::string& ref) {
  SystemClock clock;
  services::AgencyService agencies(store, clock);
  GONGKAI_ASSIGN_OR_RETURN(std::vector<agency::Agency> all, agencies.List());
  if (ref.empty()) {
    if (all.size() == 1) return all.front().id;
    return InvalidArgument("agency required", "请用 --agency 指定机构");
  }
  return ResolveAgencyRef(all, ref);
}

void RunImport(CliContext& ctx, const TransferOptions& o) {
  auto format = FormatOf(o.format, o.file);
  if (!format.ok()) return FailWith(ctx, format.status());
  std::ifstream in(o.file, std::ios::binary);
  if (!in) return ctx.Fail(kExitUsage, "无法读取文件：" + o.file);
  std::stringstream buf;
  buf << in.rdbuf();
  auto store = OpenMigratedStore(ctx);
  if (!store) return;
  auto agency = AgencyOf(*store, o.agency);
  if (!agency.ok()) return FailWith(ctx, agency.status());
  SystemClock clock;
  services::CatalogTransferService service(*store, clock);
  DirectorySource source(o.files_dir);
  services::CatalogImportOptions options;
  options.files = o.files_dir.empty() ? nullptr : &source;
  options.dry_run = o.dry_run;
  auto s = service.Import(account::Actor::Console(), *agency, buf.str(), *format, options);
  if (!s.ok()) return FailWith(ctx, s.status());
  *ctx.out << (o.dry_run ? "检查通过（未导入）：" : "已导入：") << "栏目新建 " << s->columns_created
           << " 个、已有 " << s->columns_matched << " 个，信息 " << s->items
           << " 条（已发布），附件 " << s->files << " 个，关联 " << s->links << " 个\n";
}

void RunExport(CliContext& ctx, const TransferOptions& o) {
  auto format = FormatOf(o.format, o.out);
  if (!format.ok()) return FailWith(ctx, format.status());
  auto store = OpenMigratedStore(ctx);
  if (!store) return;
  auto agency = AgencyOf(*store, o.agency);
  if (!agency.ok()) return FailWith(ctx, agency.status());
  SystemClock clock;
  services::CatalogTransferService service(*store, clock);
  DirectorySink sink(o.files_dir);
  auto text = service.Export(account::Actor::Console(), *agency, *format,
                             o.files_dir.empty() ? nullptr : &sink);
  if (!text.ok()) return FailWith(ctx, text.status());
  if (o.out.empty() || o.out == "-") {
    *ctx.out << *text;
    return;
  }
  std::ofstream out(o.out, std::ios::binary | std::ios::trunc);
  out << *text;
  if (!out.flush()) return ctx.Fail(kExitFailure, "无法写入文件：" + o.out);
}

}  // namespace

void AddCatalogTransferCommands(CLI::App* catalog, CliContext& ctx) {
  auto o = std::make_shared<TransferOptions>();
  auto* im = catalog->add_subcommand(
      "import",
      "从 JSON lines 或 CSV 导入目录（栏目与已发布的信息；全部校验，全部成功或全部不导入）");
  im->add_option("file", o->file, "导入文件（.jsonl 或 .csv）")->required();
  im->add_option("--agency", o->agency, "机构（编号、全称或简称；只有一个机构时可省略）");
  im->add_option("--files", o->files_dir, "附件目录：文件中的附件路径相对于它");
  im->add_option("--format", o->format, "jsonl 或 csv（默认按扩展名）");
  im->add_flag("--dry-run", o->dry_run, "只检查，不导入");
  im->callback([&ctx, o] { RunImport(ctx, *o); });

  auto* ex = catalog->add_subcommand("export", "导出目录为 JSON lines 或 CSV（导入的同一格式）");
  ex->add_option("--agency", o->agency, "机构（编号、全称或简称；只有一个机构时可省略）");
  ex->add_option("--format", o->format, "jsonl 或 csv（默认按 --out 的扩展名，否则 jsonl）");
  ex->add_option("--out", o->out, "输出文件；省略或 - 为标准输出");
  ex->add_option("--files", o->files_dir, "把附件写入这个目录");
  ex->callback([&ctx, o] { RunExport(ctx, *o); });
}

void AddCatalogCommands(CLI::App& app, CliContext& ctx) {
  auto* cmd = app.add_subcommand("catalog", "政府信息公开目录：导入、导出、索引号格式");
  cmd->require_subcommand(1);
  AddCatalogTransferCommands(cmd, ctx);
}

}  // namespace gongkai::cli

// `gongkai audit verify|checkpoint|export`: the audit hash chain (docs/audit-chain.md).
#include <CLI/CLI.hpp>
#include <cstdint>
#include <filesystem>
#include <fstream>

#include "cli/cli_common.h"
#include "services/audit_chain_service.h"

namespace gongkai::cli {

namespace {

struct ExportOptions {
  std::string out;
  int64_t from = 1;
  bool omit_detail = false;
};

void Export(CliContext& ctx, const ExportOptions& o) {
  auto store = OpenMigratedStore(ctx);
  if (!store) return;
  SystemClock clock;
  services::AuditChainService chain(*store, clock);
  // Written beside the target and renamed: a failed export leaves no half file.
  std::string partial = o.out + ".partial";
  std::ofstream file(partial, std::ios::binary | std::ios::trunc);
  if (!file) return ctx.Fail(kExitUsage, "无法写入文件“" + o.out + "”");
  auto written = chain.Export(account::Actor::Console(), o.from, o.omit_detail, file);
  file.close();
  std::error_code ec;
  if (written.ok() && !file) written = Unavailable("close", "写入文件“" + o.out + "”失败");
  if (written.ok()) std::filesystem::rename(partial, o.out, ec);
  if (written.ok() && ec) written = Unavailable(ec.message(), "无法写入文件“" + o.out + "”");
  if (!written.ok()) {
    std::filesystem::remove(partial, ec);
    return FailWith(ctx, written.status());
  }
  *ctx.out << "已导出 " << *written << " 条审计记录到 " << o.out << "\n";
}

// "6:26571c58…" (an entry number and its chain hash, as `audit checkpoint` prints them).
Result<audit::Checkpoint> ParseExpected(const std::string& text) {
  size_t colon = text.find(':');
  auto bad = InvalidArgument("bad --expect " + text,
                             "--expect 的格式应为 条数:链头（64 位十六进制），如 6:26571c58…");
  if (colon == std::string::npos || colon == 0) return bad;
  int64_t seq = 0;
  for (char c : text.substr(0, colon)) {
    if (c < '0' || c > '9' || seq > INT64_MAX / 10 - 1) return bad;
    seq = seq * 10 + (c - '0');
  }
  auto hash = audit::ParseHex(text.substr(colon + 1));
  if (seq < 1 || !hash) return bad;
  return audit::Checkpoint{seq, *hash, 0, "external"};
}

}  // namespace

void AddAuditCommands(CLI::App& app, CliContext& ctx) {
  auto* audit = app.add_subcommand("audit", "审计链：校验、检查点、导出");
  audit->require_subcommand(1);

  auto* verify =
      audit->add_subcommand("verify", "重新计算整条审计链并核对检查点（损坏时退出码 1）");
  auto expect = std::make_shared<std::vector<std::string>>();
  verify->add_option("--expect", *expect, "另行留存的链头 条数:十六进制（可重复），一并核对");
  verify->callback([&ctx, expect] {
    std::vector<audit::Checkpoint> expected;
    for (const std::string& e : *expect) {
      auto c = ParseExpected(e);
      if (!c.ok()) return FailWith(ctx, c.status());
      expected.push_back(*c);
    }
    auto store = OpenMigratedStore(ctx);
    if (!store) return;
    SystemClock clock;
    auto status = services::AuditChainService(*store, clock)
                      .Verify(account::Actor::Console(), std::move(expected));
    if (!status.ok()) return FailWith(ctx, status.status());
    if (status->broken) {
      *ctx.out << "已核对 " << status->entries << " 条记录\n";
      return ctx.Fail(kExitFindings, status->Summary());
    }
    *ctx.out << status->Summary() << "\n";
    if (status->last_checkpoint) {
      *ctx.out << "检查点：" << status->checkpoints << " 个，全部相符；最近一个在第 "
               << status->last_checkpoint->seq << " 条（"
               << FormatChinaTime(status->last_checkpoint->at) << "）\n";
    } else {
      *ctx.out << "检查点：无\n";
    }
  });

  auto* checkpoint =
      audit->add_subcommand("checkpoint", "把当前链头记为检查点，并打印它（请另行留存）");
  checkpoint->callback([&ctx] {
    auto store = OpenMigratedStore(ctx);
    if (!store) return;
    SystemClock clock;
    auto c = services::AuditChainService(*store, clock).Checkpoint(account::Actor::Console());
    if (!c.ok()) return FailWith(ctx, c.status());
    *ctx.out << "检查点：第 " << c->seq << " 条，链头 " << audit::Hex(c->chain) << "\n";
  });

  auto* exp = audit->add_subcommand("export", "导出审计链（JSON Lines，第三方可独立校验）");
  auto opts = std::make_shared<ExportOptions>();
  exp->add_option("--out", opts->out, "输出文件")->required();
  exp->add_option("--from", opts->from, "从第 N 条记录起（默认 1）")->check(CLI::PositiveNumber);
  exp->add_flag("--omit-detail", opts->omit_detail, "不导出详情文字，只导出其 SHA-256");
  exp->callback([&ctx, opts] { Export(ctx, *opts); });
}

}  // namespace gongkai::cli

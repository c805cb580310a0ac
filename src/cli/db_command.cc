// `gongkai db migrate|backup|status`.
#include <CLI/CLI.hpp>

#include "cli/cli_common.h"

namespace gongkai::cli {

void AddDbCommands(CLI::App& app, CliContext& ctx) {
  auto* db = app.add_subcommand("db", "数据库：迁移、备份、状态");
  db->require_subcommand(1);

  auto* migrate = db->add_subcommand("migrate", "把数据库结构升级到最新版本（可重复执行）");
  migrate->callback([&ctx] {
    auto store = OpenConfiguredStore(ctx);
    if (!store.ok()) return FailWith(ctx, store.status());
    auto applied = (*store)->Migrate();
    if (!applied.ok()) return FailWith(ctx, applied.status());
    for (const auto& m : *applied) {
      *ctx.out << "已应用迁移 " << m.version << "（" << m.name << "）\n";
    }
    *ctx.out << "数据库结构版本：" << (*store)->LatestSchemaVersion()
             << (applied->empty() ? "（已是最新）" : "") << "\n";
  });

  auto* backup = db->add_subcommand("backup", "在线备份到文件（服务运行时也保持一致）");
  // Option storage lives as long as the callback that CLI11 keeps.
  auto file = std::make_shared<std::string>();
  backup->add_option("FILE", *file, "备份文件路径（不得已存在）")->required();
  backup->callback([&ctx, file] {
    auto store = OpenMigratedStore(ctx);
    if (!store) return;
    Status s = store->Backup(*file);
    if (!s.ok()) return FailWith(ctx, s);
    *ctx.out << "已备份到 " << *file << "\n";
  });

  auto* status = db->add_subcommand("status", "显示数据库地址与结构版本");
  status->callback([&ctx] {
    auto url = EffectiveDbUrl(ctx);
    if (!url.ok()) return FailWith(ctx, url.status());
    auto store = storage::OpenStore(*url);
    if (!store.ok()) return FailWith(ctx, store.status());
    auto v = (*store)->SchemaVersion();
    if (!v.ok()) return FailWith(ctx, v.status());
    *ctx.out << "数据库：" << *url << "\n结构版本：" << *v << " / "
             << (*store)->LatestSchemaVersion() << "\n";
  });
}

}  // namespace gongkai::cli

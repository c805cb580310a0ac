// `gongkai column list|add|edit|delete --agency …` and `gongkai catalog pattern --agency …
// [--set …]`: the agency's column tree and its 索引号 pattern, as the console (every change
// audited by the catalog service).
#include <CLI/CLI.hpp>
#include <functional>
#include <map>

#include "cli/cli_common.h"
#include "cli/item_commands.h"
#include "core/clock.h"
#include "services/agency_service.h"
#include "services/catalog_service.h"

namespace gongkai::cli {

namespace {

struct ColumnOptions {
  std::string agency, code, name, kind, freshness, parent, set;
  int64_t id = 0;
  int position = 0;
  bool top = false;
};

}  // namespace

std::unique_ptr<CatalogCli> OpenCatalog(CliContext& ctx, const std::string& agency_ref) {
  auto c = std::make_unique<CatalogCli>();
  c->store = OpenMigratedStore(ctx);
  if (!c->store) return nullptr;
  c->service = std::make_unique<services::CatalogService>(*c->store, c->clock);
  if (!agency_ref.empty()) {
    services::AgencyService agencies(*c->store, c->clock);
    auto all = agencies.List();
    Result<agency::AgencyId> id = all.ok() ? ResolveAgencyRef(*all, agency_ref) : all.status();
    if (!id.ok()) {
      FailWith(ctx, id.status());
      return nullptr;
    }
    c->agency = *id;
  }
  return c;
}

Result<catalog::ColumnId> ResolveColumnRef(CatalogCli& c, const account::Actor& actor,
                                           const std::string& ref) {
  if (!ref.empty() && ref.find_first_not_of("0123456789") == std::string::npos) {
    GONGKAI_ASSIGN_OR_RETURN(catalog::Column col, c.service->GetColumn(actor, std::stoll(ref)));
    return col.id;
  }
  if (c.agency == 0) {
    return InvalidArgument("agency required", "用栏目代码时须同时给出 --agency");
  }
  GONGKAI_ASSIGN_OR_RETURN(auto all, c.service->Columns(actor, c.agency));
  for (const catalog::Column& col : all) {
    if (col.code == ref) return col.id;
  }
  return NotFound("no column " + ref, "栏目“" + ref + "”不存在（可用编号或代码）");
}

namespace {

// The column of `ref` (its id, or its code within the agency).
Result<catalog::Column> FindColumn(const std::vector<catalog::Column>& all,
                                   const std::string& ref) {
  for (const catalog::Column& c : all) {
    if (c.code == ref || std::to_string(c.id) == ref) return c;
  }
  return NotFound("no column " + ref, "栏目“" + ref + "”不存在（可用编号或代码）");
}

void PrintTree(std::ostream& out, const std::vector<catalog::Column>& all,
               std::optional<catalog::ColumnId> parent, int depth) {
  for (const catalog::Column& c : all) {
    if (c.parent_id != parent) continue;
    out << std::string(depth * 2, ' ') << "#" << c.id << " " << c.name << "（" << c.code << "） "
        << catalog::ColumnKindName(c.kind);
    if (c.freshness != catalog::Freshness::kNone)
      out << " · " << catalog::FreshnessName(c.freshness);
    out << "\n";
    PrintTree(out, all, c.id, depth + 1);
  }
}

// Opens the catalog of --agency, finds the column named by the positional argument, then runs
// `act`; a failure anywhere is reported.
void OnColumn(CliContext& ctx, const ColumnOptions& o,
              const std::function<Status(CatalogCli&, const std::vector<catalog::Column>&,
                                         catalog::Column)>& act) {
  auto c = OpenCatalog(ctx, o.agency);
  if (!c) return;
  auto all = c->service->Columns(account::Actor::Console(), c->agency);
  if (!all.ok()) return FailWith(ctx, all.status());
  auto col = FindColumn(*all, o.code);
  Status s = col.ok() ? act(*c, *all, *col) : col.status();
  if (!s.ok()) FailWith(ctx, s);
}

void AddColumnFields(CLI::App* cmd, ColumnOptions& o) {
  cmd->add_option("--name", o.name, "栏目名称（1–30个字）");
  cmd->add_option("--kind", o.kind,
                  "section(分类) | documents(文件) | news(动态) | "
                  "interpretations(解读) | reports(年报) | page(单页)");
  cmd->add_option("--freshness", o.freshness, "none | dynamic(2周) | notice(6个月) | yearly(1年)");
  cmd->add_option("--parent", o.parent, "上级栏目（编号或代码，须为分类）");
}

// Applies the given options over `c`; parent resolved among `all`.
Status ApplyColumnOptions(const ColumnOptions& o, const std::vector<catalog::Column>& all,
                          catalog::Column* c) {
  if (!o.name.empty()) c->name = o.name;
  if (!o.kind.empty()) {
    GONGKAI_ASSIGN_OR_RETURN(c->kind, catalog::ParseColumnKind(o.kind));
  }
  if (!o.freshness.empty()) {
    GONGKAI_ASSIGN_OR_RETURN(c->freshness, catalog::ParseFreshness(o.freshness));
  }
  if (o.top) c->parent_id.reset();
  if (!o.parent.empty()) {
    GONGKAI_ASSIGN_OR_RETURN(catalog::Column p, FindColumn(all, o.parent));
    c->parent_id = p.id;
  }
  if (o.position > 0) c->position = o.position;
  return Status::Ok();
}

}  // namespace

void AddColumnCommands(CLI::App& app, CliContext& ctx) {
  auto* cmd = app.add_subcommand("column", "目录栏目：列出、新增、修改、删除");
  cmd->require_subcommand(1);
  auto o = std::make_shared<ColumnOptions>();
  auto console = account::Actor::Console();

  auto* list = cmd->add_subcommand("list", "列出机构的栏目树（首次使用时按默认目录建立）");
  list->add_option("--agency", o->agency, "机构（编号、全称或简称）")->required();
  list->callback([&ctx, o, console] {
    auto c = OpenCatalog(ctx, o->agency);
    if (!c) return;
    auto all = c->service->Columns(console, c->agency);
    if (!all.ok()) return FailWith(ctx, all.status());
    PrintTree(*ctx.out, *all, std::nullopt, 0);
  });

  auto* add = cmd->add_subcommand("add", "新增栏目");
  add->add_option("--agency", o->agency, "机构（编号、全称或简称）")->required();
  add->add_option("--code", o->code, "栏目代码（小写字母、数字、- 或 _，用于网址）")->required();
  AddColumnFields(add, *o);
  add->callback([&ctx, o, console] {
    auto c = OpenCatalog(ctx, o->agency);
    if (!c) return;
    auto all = c->service->Columns(console, c->agency);
    if (!all.ok()) return FailWith(ctx, all.status());
    catalog::Column col;
    col.agency_id = c->agency;
    col.code = o->code;
    if (o->kind.empty()) o->kind = "documents";
    Status s = ApplyColumnOptions(*o, *all, &col);
    if (!s.ok()) return FailWith(ctx, s);
    col.position = 1000000;  // last among its siblings
    auto id = c->service->AddColumn(console, col);
    if (!id.ok()) return FailWith(ctx, id.status());
    *ctx.out << "已新增栏目 #" << *id << " " << col.name << "（" << col.code << "）\n";
  });

  auto* edit = cmd->add_subcommand("edit", "修改栏目的名称、类型、更新要求、上级或位置");
  edit->add_option("--agency", o->agency, "机构（编号、全称或简称）")->required();
  edit->add_option("column", o->code, "栏目（编号或代码）")->required();
  AddColumnFields(edit, *o);
  edit->add_flag("--top", o->top, "移到顶级");
  edit->add_option("--position", o->position, "在同级栏目中的位置（1 为第一）");
  edit->callback([&ctx, o, console] {
    OnColumn(
        ctx, *o,
        [&](CatalogCli& c, const std::vector<catalog::Column>& all, catalog::Column col) -> Status {
          GONGKAI_RETURN_IF_ERROR(ApplyColumnOptions(*o, all, &col));
          GONGKAI_RETURN_IF_ERROR(c.service->UpdateColumn(console, col));
          *ctx.out << "已修改栏目 #" << col.id << " " << col.name << "\n";
          return Status::Ok();
        });
  });

  auto* del = cmd->add_subcommand("delete", "删除没有信息和下级栏目的栏目");
  del->add_option("--agency", o->agency, "机构（编号、全称或简称）")->required();
  del->add_option("column", o->code, "栏目（编号或代码）")->required();
  del->callback([&ctx, o, console] {
    OnColumn(ctx, *o,
             [&](CatalogCli& c, const std::vector<catalog::Column>& all,
                 const catalog::Column& col) -> Status {
               for (const catalog::Column& other : all) {
                 if (other.parent_id == col.id) {
                   return FailedPrecondition("has children",
                                             "栏目“" + col.name + "”还有下级栏目，不能删除");
                 }
               }
               GONGKAI_RETURN_IF_ERROR(c.service->DeleteColumn(console, col.id));
               *ctx.out << "已删除栏目 #" << col.id << " " << col.name << "\n";
               return Status::Ok();
             });
  });

  // The `catalog` group may already hold import/export (registered first, or not at all).
  CLI::App* cat = nullptr;
  for (CLI::App* sub :
       app.get_subcommands([](CLI::App* a) { return a->get_name() == "catalog"; })) {
    cat = sub;
  }
  if (cat == nullptr) {
    cat = app.add_subcommand("catalog", "政府信息公开目录");
    cat->require_subcommand(1);
  }
  auto* pattern = cat->add_subcommand("pattern", "查看或设置机构的索引号规则，并显示下一个索引号");
  pattern->add_option("--agency", o->agency, "机构（编号、全称或简称）")->required();
  pattern->add_option("--set", o->set, "新规则，如 {code}/{year}-{seq:5}");
  pattern->callback([&ctx, o, console] {
    auto c = OpenCatalog(ctx, o->agency);
    if (!c) return;
    if (!o->set.empty()) {
      Status s = c->service->SetIndexPattern(console, c->agency, o->set);
      if (!s.ok()) return FailWith(ctx, s);
    }
    auto p = c->service->IndexPattern(console, c->agency);
    if (!p.ok()) return FailWith(ctx, p.status());
    *ctx.out << "索引号规则：" << *p << "\n";
    auto next = c->service->PreviewIndexNumber(console, c->agency, c->clock.TodayInChina());
    if (!next.ok()) return FailWith(ctx, next.status());
    *ctx.out << "下一个索引号：" << *next << "\n";
  });
}

}  // namespace gongkai::cli

// `gongkai agency add|set|list`.
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "agency/agency_json.h"
#include "cli/cli_common.h"
#include "core/clock.h"
#include "core/text.h"
#include "services/agency_service.h"

namespace gongkai::cli {

namespace {

struct AgencyOptions {
  std::string name, short_name, parent, kind = "department", level = "county", credit_code, address,
                                        phone, postcode, office_hours, reconsideration_body, court,
                                        ref;
  bool json = false;
};

}  // namespace

void AddAgencyCommands(CLI::App& app, CliContext& ctx) {
  auto* cmd = app.add_subcommand("agency", "机构：新增、列出");
  cmd->require_subcommand(1);

  auto o = std::make_shared<AgencyOptions>();
  auto* add = cmd->add_subcommand("add", "新增机构（人民政府、部门、乡镇）");
  add->add_option("--name", o->name, "机构全称，如 樟树市工业和信息化局")->required();
  add->add_option("--short-name", o->short_name, "简称，如 市工信局");
  add->add_option("--parent", o->parent, "上级机构（编号、全称或简称）；省略则为顶级机构");
  add->add_option("--kind", o->kind, "government | department | township | other");
  add->add_option("--level", o->level, "national | province | city | county | township");
  add->add_option("--credit-code", o->credit_code, "统一社会信用代码（18位，校验）");
  add->add_option("--address", o->address, "办公地址");
  add->add_option("--phone", o->phone, "联系电话");
  add->add_option("--postcode", o->postcode, "邮政编码");
  add->add_option("--office-hours", o->office_hours, "办公时间");
  add->add_option("--reconsideration-body", o->reconsideration_body,
                  "救济途径：行政复议机关，如 樟树市人民政府（答复书、告知书必需）");
  add->add_option("--court", o->court,
                  "救济途径：人民法院，如 樟树市人民法院（答复书、告知书必需）");
  add->callback([&ctx, o] {
    auto store = OpenMigratedStore(ctx);
    if (!store) return;
    SystemClock clock;
    services::AgencyService agencies(*store, clock);
    agency::Agency a;
    a.name = o->name;
    a.short_name = o->short_name;
    a.credit_code = o->credit_code;
    a.address = o->address;
    a.phone = o->phone;
    a.postcode = o->postcode;
    a.office_hours = o->office_hours;
    a.reconsideration_body = o->reconsideration_body;
    a.court = o->court;
    auto kind = agency::ParseKind(o->kind);
    if (!kind.ok()) return FailWith(ctx, kind.status());
    a.kind = *kind;
    auto level = agency::ParseLevel(o->level);
    if (!level.ok()) return FailWith(ctx, level.status());
    a.level = *level;
    if (!o->parent.empty()) {
      auto all = agencies.List();
      if (!all.ok()) return FailWith(ctx, all.status());
      auto parent = ResolveAgencyRef(*all, o->parent);
      if (!parent.ok()) return FailWith(ctx, parent.status());
      a.parent_id = *parent;
    }
    auto id = agencies.Add(account::Actor::Console(), a);
    if (!id.ok()) return FailWith(ctx, id.status());
    *ctx.out << "已新增机构 #" << *id << " " << Trim(a.name) << "\n";
  });

  auto* set =
      cmd->add_subcommand("set", "修改机构的救济途径（答复书、告知书中的行政复议机关和人民法院）");
  set->add_option("agency", o->ref, "机构（编号、全称或简称）")->required();
  auto* body_opt = set->add_option("--reconsideration-body", o->reconsideration_body,
                                   "行政复议机关，如 樟树市人民政府（空字符串为清除）");
  auto* court_opt = set->add_option("--court", o->court, "人民法院，如 樟树市人民法院");
  set->callback([&ctx, o, body_opt, court_opt] {
    if (body_opt->count() == 0 && court_opt->count() == 0) {
      return ctx.Fail(kExitUsage, "请至少指定 --reconsideration-body 或 --court");
    }
    auto store = OpenMigratedStore(ctx);
    if (!store) return;
    SystemClock clock;
    services::AgencyService agencies(*store, clock);
    auto all = agencies.List();
    if (!all.ok()) return FailWith(ctx, all.status());
    auto id = ResolveAgencyRef(*all, o->ref);
    if (!id.ok()) return FailWith(ctx, id.status());
    auto a = agencies.Get(*id);
    if (!a.ok()) return FailWith(ctx, a.status());
    if (body_opt->count() > 0) a->reconsideration_body = o->reconsideration_body;
    if (court_opt->count() > 0) a->court = o->court;
    Status s = agencies.Update(account::Actor::Console(), *a);
    if (!s.ok()) return FailWith(ctx, s);
    auto shown = [](const std::string& v) { return v.empty() ? std::string("（未设置）") : v; };
    *ctx.out << "已修改机构 #" << *id << " " << a->name << "\n行政复议机关："
             << shown(Trim(a->reconsideration_body)) << "\n人民法院：" << shown(Trim(a->court))
             << "\n";
  });

  auto* list = cmd->add_subcommand("list", "列出机构树");
  list->add_flag("--json", o->json, "输出 JSON");
  list->callback([&ctx, o] {
    auto store = OpenMigratedStore(ctx);
    if (!store) return;
    SystemClock clock;
    auto all = services::AgencyService(*store, clock).List();
    if (!all.ok()) return FailWith(ctx, all.status());
    if (o->json) {
      nlohmann::json arr = nlohmann::json::array();
      for (const auto& a : *all) arr.push_back(agency::AgencyToJson(a));
      *ctx.out << arr.dump(2) << "\n";
      return;
    }
    std::map<agency::AgencyId, int> depth;
    for (const auto& a : *all) {
      int d = a.parent_id ? depth[*a.parent_id] + 1 : 0;
      depth[a.id] = d;
      *ctx.out << std::string(static_cast<size_t>(d) * 2, ' ') << "#" << a.id << " " << a.name;
      if (!a.short_name.empty()) *ctx.out << "（" << a.short_name << "）";
      *ctx.out << " " << agency::KindName(a.kind) << "·" << agency::LevelName(a.level);
      if (!a.credit_code.empty()) *ctx.out << " " << a.credit_code;
      *ctx.out << "\n";
    }
    if (all->empty()) *ctx.out << "（尚无机构。用 gongkai agency add 新增）\n";
  });
}

}  // namespace gongkai::cli

// `gongkai user add|passwd|list`. Passwords come from stdin (or a no-echo
// prompt on a terminal), never from argv where `ps` would show them.
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "cli/cli_common.h"
#include "core/clock.h"
#include "services/account_service.h"
#include "services/agency_service.h"

namespace gongkai::cli {

namespace {

struct UserOptions {
  std::string username, display_name;
  std::vector<std::string> roles;
  bool json = false;
};

// "agency_admin@3", "editor@市工信局", "system_admin".
Result<account::RoleGrant> ParseGrant(const std::string& text,
                                      const std::vector<agency::Agency>& all) {
  size_t at = text.find('@');
  account::RoleGrant g;
  GONGKAI_ASSIGN_OR_RETURN(g.role, account::ParseRole(text.substr(0, at)));
  if (at == std::string::npos) return g;
  GONGKAI_ASSIGN_OR_RETURN(g.agency_id, ResolveAgencyRef(all, text.substr(at + 1)));
  return g;
}

std::string GrantText(const account::RoleGrant& g) {
  std::string s(account::RoleCode(g.role));
  if (g.agency_id) s += "@" + std::to_string(*g.agency_id);
  return s;
}

}  // namespace

void AddUserCommands(CLI::App& app, CliContext& ctx) {
  auto* cmd = app.add_subcommand("user", "用户：新增、改密码、列出");
  cmd->require_subcommand(1);
  auto o = std::make_shared<UserOptions>();

  auto* add = cmd->add_subcommand("add", "新增用户；密码从标准输入读取第一行（终端上则提示输入）");
  add->add_option("USERNAME", o->username, "登录名：3–32位小写字母、数字或 _ . -")->required();
  add->add_option("--name", o->display_name, "姓名");
  add->add_option("--role", o->roles,
                  "角色@机构（编号、全称或简称），可重复：agency_admin@3、editor@市工信局、"
                  "system_admin");
  add->callback([&ctx, o] {
    auto store = OpenMigratedStore(ctx);
    if (!store) return;
    SystemClock clock;
    auto all = services::AgencyService(*store, clock).List();
    if (!all.ok()) return FailWith(ctx, all.status());
    account::User u;
    u.username = o->username;
    u.display_name = o->display_name;
    for (const auto& r : o->roles) {
      auto g = ParseGrant(r, *all);
      if (!g.ok()) return FailWith(ctx, g.status());
      u.grants.push_back(*g);
    }
    if (u.grants.empty()) {
      return ctx.Fail(kExitUsage, "至少指定一个 --role（如 agency_admin@3 或 system_admin）");
    }
    // Check the name and grants before asking for a password.
    auto name = account::NormalizeUsername(u.username);
    if (!name.ok()) return FailWith(ctx, name.status());
    Status valid = account::ValidateUser(u);
    if (!valid.ok()) return FailWith(ctx, valid);
    auto pw = ReadPassword(ctx, "设置密码");
    if (!pw.ok()) return FailWith(ctx, pw.status());
    services::AccountService accounts(*store, clock);
    auto id = accounts.AddUser(account::Actor::Console(), u, *pw);
    if (!id.ok()) return FailWith(ctx, id.status());
    *ctx.out << "已新增用户 #" << *id << " " << *name << "\n";
  });

  auto* passwd =
      cmd->add_subcommand("passwd", "设置用户的新密码（从标准输入读取），并注销其所有会话");
  passwd->add_option("USERNAME", o->username, "登录名")->required();
  passwd->callback([&ctx, o] {
    auto store = OpenMigratedStore(ctx);
    if (!store) return;
    auto pw = ReadPassword(ctx, "新密码");
    if (!pw.ok()) return FailWith(ctx, pw.status());
    SystemClock clock;
    Status s = services::AccountService(*store, clock)
                   .ChangePassword(account::Actor::Console(), o->username, *pw);
    if (!s.ok()) return FailWith(ctx, s);
    *ctx.out << "已更新密码：" << o->username << "\n";
  });

  auto* list = cmd->add_subcommand("list", "列出用户与角色");
  list->add_flag("--json", o->json, "输出 JSON");
  list->callback([&ctx, o] {
    auto store = OpenMigratedStore(ctx);
    if (!store) return;
    SystemClock clock;
    auto users = services::AccountService(*store, clock).ListUsers(account::Actor::Console());
    if (!users.ok()) return FailWith(ctx, users.status());
    if (o->json) {
      nlohmann::json arr = nlohmann::json::array();
      for (const auto& u : *users) {
        nlohmann::json roles = nlohmann::json::array();
        for (const auto& g : u.grants) roles.push_back(GrantText(g));
        arr.push_back({{"id", u.id},
                       {"username", u.username},
                       {"display_name", u.display_name},
                       {"disabled", u.disabled},
                       {"roles", roles}});
      }
      *ctx.out << arr.dump(2) << "\n";
      return;
    }
    for (const auto& u : *users) {
      *ctx.out << "#" << u.id << " " << u.username;
      if (!u.display_name.empty()) *ctx.out << "（" << u.display_name << "）";
      if (u.disabled) *ctx.out << " [已停用]";
      for (const auto& g : u.grants) *ctx.out << " " << GrantText(g);
      *ctx.out << "\n";
    }
    if (users->empty()) *ctx.out << "（尚无用户。用 gongkai user add 新增）\n";
  });
}

}  // namespace gongkai::cli

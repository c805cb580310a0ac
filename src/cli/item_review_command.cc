// `gongkai item submit|review|publish|withdraw|run-due|register|chain`: the review workflow
// from the console. The console records decisions made on paper or at the terminal under the
// name given with --by (the four-eyes rules apply to that name).
#include <CLI/CLI.hpp>
#include <iostream>
#include <map>

#include "account/password.h"
#include "cli/cli_common.h"
#include "cli/review_support.h"
#include "screening/dictionary.h"
#include "services/review_service.h"

namespace gongkai::cli {

namespace {

struct ReviewOptions {
  int64_t id = 0;
  int revision = 0;
  std::string by = "cli", opinion, secrecy, basis, at, expire, reason, agency, column, set;
  std::vector<std::string> overrides;
  bool back = false, proofread = false;
};

struct ReviewCli {
  std::unique_ptr<storage::Store> store;
  SystemClock clock;
  std::unique_ptr<services::ReviewService> service;
};

std::unique_ptr<ReviewCli> OpenReview(CliContext& ctx) {
  auto env = std::make_unique<ReviewCli>();
  env->store = OpenMigratedStore(ctx);
  if (!env->store) return nullptr;
  auto screening = LoadReviewScreening();
  if (!screening.ok()) {
    FailWith(ctx, screening.status());
    return nullptr;
  }
  env->service = std::make_unique<services::ReviewService>(*env->store, env->clock,
                                                           std::move(screening).value());
  return env;
}

account::Actor ConsoleAs(const std::string& by) {
  account::Actor a = account::Actor::Console();
  if (!by.empty()) a.name = by;
  return a;
}

// The item's latest revision when --revision is not given.
Result<int> RevisionOrLatest(storage::Store& store, catalog::ItemId id, int given) {
  if (given > 0) return given;
  GONGKAI_ASSIGN_OR_RETURN(auto tx, store.Begin(storage::TxMode::kRead));
  GONGKAI_ASSIGN_OR_RETURN(catalog::ItemRecord item, tx->catalog().GetItem(id));
  GONGKAI_ASSIGN_OR_RETURN(std::optional<catalog::ReviewState> st, tx->reviews().GetState(id));
  if (st && st->open) return st->revision;
  return item.latest_revision;
}

Result<std::optional<int64_t>> OptionalTime(const std::string& text) {
  if (text.empty()) return std::optional<int64_t>();
  GONGKAI_ASSIGN_OR_RETURN(int64_t t, services::ParseChinaTime(text));
  return std::optional<int64_t>(t);
}

}  // namespace

Result<services::ReviewScreening> LoadReviewScreening() {
  GONGKAI_ASSIGN_OR_RETURN(std::vector<screening::DictionaryEntry> entries,
                           screening::LoadDictionaryDir(BuiltinDictDir()));
  std::string all;
  for (const auto& e : entries) all += screening::FormatEntry(e) + "\n";
  GONGKAI_ASSIGN_OR_RETURN(auto screener, screening::Screener::Create(std::move(entries), {}));
  services::ReviewScreening out;
  out.screener = std::shared_ptr<const screening::Screener>(std::move(screener));
  out.version = "builtin-" + account::Sha256Hex(all).substr(0, 12);
  return out;
}

void AddItemReviewCommands(CLI::App* item, CliContext& ctx) {
  auto o = std::make_shared<ReviewOptions>();

  auto* submit = item->add_subcommand("submit", "送审：把最新版本送入第一个审核环节");
  submit->add_option("id", o->id, "信息编号")->required();
  submit->add_option("--revision", o->revision, "送审的版本（默认最新）");
  submit->add_option("--by", o->by, "送审人（默认 cli）");
  submit->callback([&ctx, o] {
    auto env = OpenReview(ctx);
    if (!env) return;
    auto rev = RevisionOrLatest(*env->store, o->id, o->revision);
    if (!rev.ok()) return FailWith(ctx, rev.status());
    Status s = env->service->Submit(ConsoleAs(o->by), o->id, *rev);
    if (!s.ok()) return FailWith(ctx, s);
    *ctx.out << "已送审：信息 #" << o->id << " 第" << *rev << "版\n";
  });

  auto* review = item->add_subcommand("review", "审核：在当前环节签署意见（通过或退回）");
  review->add_option("id", o->id, "信息编号")->required();
  review->add_option("--revision", o->revision, "审核的版本（默认待审版本）");
  review->add_option("--by", o->by, "审核人（默认 cli）");
  review->add_flag("--return", o->back, "退回修改（须填写 --opinion）");
  review->add_option("--opinion", o->opinion, "审核意见");
  review->add_flag("--proofread", o->proofread, "已校对（通过时必须）");
  review->add_option("--secrecy", o->secrecy, "保密审查结论：public | exempt | refer（终审必须）");
  review->add_option("--basis", o->basis, "保密审查依据");
  review->add_option("--override", o->overrides, "终审对检查错误仍予发布：词条=理由（可多个）");
  review->callback([&ctx, o] {
    auto env = OpenReview(ctx);
    if (!env) return;
    auto rev = RevisionOrLatest(*env->store, o->id, o->revision);
    if (!rev.ok()) return FailWith(ctx, rev.status());
    services::ReviewDecisionInput in;
    in.expected_revision = *rev;
    in.pass = !o->back;
    in.opinion = o->opinion;
    in.proofread = o->proofread;
    if (!o->secrecy.empty()) {
      auto secrecy = catalog::ParseSecrecy(o->secrecy);
      if (!secrecy.ok()) return FailWith(ctx, secrecy.status());
      in.secrecy = *secrecy;
    }
    in.secrecy_basis = o->basis;
    for (const std::string& ov : o->overrides) {
      size_t eq = ov.find('=');
      if (eq == std::string::npos) return ctx.Fail(kExitUsage, "--override 应为 词条=理由：" + ov);
      in.overrides[ov.substr(0, eq)] = ov.substr(eq + 1);
    }
    Status s = env->service->Decide(ConsoleAs(o->by), o->id, in);
    if (!s.ok()) return FailWith(ctx, s);
    auto view = env->service->Review(ConsoleAs(o->by), o->id);
    if (!view.ok()) return FailWith(ctx, view.status());
    *ctx.out << (in.pass ? "已通过" : "已退回") << "：信息 #" << o->id << "，状态："
             << catalog::ItemStatusName(view->record.status);
    if (!view->stage_name.empty()) *ctx.out << "，待" << view->stage_name;
    if (!view->record.index_number.empty()) *ctx.out << "，索引号 " << view->record.index_number;
    *ctx.out << "\n";
  });

  auto* publish =
      item->add_subcommand("publish", "定时发布：设定上线时间和到期下线时间（北京时间）");
  publish->add_option("id", o->id, "信息编号")->required();
  publish->add_option("--at", o->at, "上线时间 YYYY-MM-DD HH:MM（空为终审通过即发布）");
  publish->add_option("--expire", o->expire, "到期下线时间 YYYY-MM-DD HH:MM");
  publish->add_option("--by", o->by, "操作人（默认 cli）");
  publish->callback([&ctx, o] {
    auto env = OpenReview(ctx);
    if (!env) return;
    auto at = OptionalTime(o->at);
    if (!at.ok()) return FailWith(ctx, at.status());
    auto expire = OptionalTime(o->expire);
    if (!expire.ok()) return FailWith(ctx, expire.status());
    Status s = env->service->Schedule(ConsoleAs(o->by), o->id, *at, *expire);
    if (!s.ok()) return FailWith(ctx, s);
    *ctx.out << "已设定：信息 #" << o->id << " 上线 "
             << (*at ? FormatChinaTime(**at) : std::string("终审通过即发布"));
    if (*expire) *ctx.out << "，下线 " << FormatChinaTime(**expire);
    *ctx.out << "\n";
  });

  auto* withdraw = item->add_subcommand("withdraw", "撤回已发布的信息（网页保留撤回说明）");
  withdraw->add_option("id", o->id, "信息编号")->required();
  withdraw->add_option("--reason", o->reason, "撤回说明")->required();
  withdraw->add_option("--by", o->by, "操作人（默认 cli）");
  withdraw->callback([&ctx, o] {
    auto env = OpenReview(ctx);
    if (!env) return;
    Status s = env->service->Withdraw(ConsoleAs(o->by), o->id, o->reason);
    if (!s.ok()) return FailWith(ctx, s);
    *ctx.out << "已撤回：信息 #" << o->id << "\n";
  });

  auto* due =
      item->add_subcommand("run-due", "执行到时的定时发布和到期下线（服务运行时每分钟自动执行）");
  due->callback([&ctx] {
    auto env = OpenReview(ctx);
    if (!env) return;
    auto n = env->service->RunDue();
    if (!n.ok()) return FailWith(ctx, n.status());
    *ctx.out << "已处理 " << *n << " 条\n";
  });

  auto* reg = item->add_subcommand("register", "打印政府信息发布审核登记表（文本）");
  reg->add_option("id", o->id, "信息编号")->required();
  reg->callback([&ctx, o] {
    auto env = OpenReview(ctx);
    if (!env) return;
    auto r = env->service->Register(ConsoleAs("cli"), o->id);
    if (!r.ok()) return FailWith(ctx, r.status());
    *ctx.out << services::RegisterText(*r);
  });

  auto* chain = item->add_subcommand("chain", "查看或设置主动公开审核流程（三审）");
  chain->add_option("--agency", o->agency, "机构（编号、名称或简称）")->required();
  chain->add_option("--column", o->column, "栏目代码（空为本机构默认）");
  chain->add_option("--set", o->set,
                    "新流程，如 拟稿:editor,初审:reviewer_first,终审:reviewer_final");
  chain->callback([&ctx, o] {
    auto env = OpenReview(ctx);
    if (!env) return;
    std::vector<agency::Agency> all;
    {
      auto tx = env->store->Begin(storage::TxMode::kRead);
      if (!tx.ok()) return FailWith(ctx, tx.status());
      auto list = (*tx)->agencies().List();
      if (!list.ok()) return FailWith(ctx, list.status());
      all = std::move(list).value();
    }
    auto agency = ResolveAgencyRef(all, o->agency);
    if (!agency.ok()) return FailWith(ctx, agency.status());
    if (!o->set.empty()) {
      Status s = env->service->SetChain(account::Actor::Console(), *agency, o->column, o->set);
      if (!s.ok()) return FailWith(ctx, s);
    }
    auto c = env->service->Chain(account::Actor::Console(), *agency, o->column);
    if (!c.ok()) return FailWith(ctx, c.status());
    *ctx.out << account::DescribeApprovalChain(*c) << "\n";
  });
}

}  // namespace gongkai::cli

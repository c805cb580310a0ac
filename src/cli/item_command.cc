// `gongkai item add|edit|show|list|history|validity|link`: drafting the catalog's items from the
// console (the author recorded is "cli"); the review actions come from item_review_command.cc.
#include <CLI/CLI.hpp>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli/cli_common.h"
#include "cli/item_commands.h"

namespace gongkai::cli {

namespace {

struct ItemOptions {
  std::string agency, column, title, summary, body_file, text_file, doc_number, publisher, written,
      theme, genre, keywords, attribute, ground, note, status, mine, validity, on, by;
  std::vector<std::string> attach, remove;
  int64_t id = 0, expected = 0, interprets = 0, amends = 0, repeals = 0;
  bool json = false, unlink = false;
};

Result<std::string> ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return InvalidArgument("cannot read " + path, "无法读取文件“" + path + "”");
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string BaseName(const std::string& path) {
  size_t slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

void AddContentOptions(CLI::App* cmd, ItemOptions& o) {
  cmd->add_option("--title", o.title, "名称");
  cmd->add_option("--summary", o.summary, "内容概述");
  cmd->add_option("--body-file", o.body_file, "正文（HTML 文件）");
  cmd->add_option("--text-file", o.text_file, "正文（纯文本文件，每行一段）");
  cmd->add_option("--doc-number", o.doc_number, "文号，如 樟工信字〔2024〕12号");
  cmd->add_option("--publisher", o.publisher, "发布机构（默认为本机构）");
  cmd->add_option("--written", o.written, "成文日期 YYYY-MM-DD");
  cmd->add_option("--theme", o.theme, "主题分类，如 综合政务\\政务公开");
  cmd->add_option("--genre", o.genre, "体裁，如 通知");
  cmd->add_option("--keywords", o.keywords, "关键词");
  cmd->add_option("--attribute", o.attribute, "公开属性：active | on_request | withheld");
  cmd->add_option("--ground", o.ground, "依申请公开、不予公开的理由和依据");
  cmd->add_option("--attach", o.attach, "附件文件（可多个）");
  cmd->add_option("--note", o.note, "修改说明");
}

// The input from the options over `base` (the latest revision's content for an edit).
Status FillInput(const ItemOptions& o, const catalog::ItemContent& base, services::ItemInput* in) {
  catalog::ItemContent& c = in->content;
  c = base;
  if (!o.title.empty()) c.title = o.title;
  if (!o.summary.empty()) c.summary = o.summary;
  if (!o.body_file.empty() && !o.text_file.empty()) {
    return InvalidArgument("both body files", "--body-file 和 --text-file 只能给一个");
  }
  if (!o.body_file.empty()) {
    GONGKAI_ASSIGN_OR_RETURN(c.body_html, ReadAll(o.body_file));
  }
  if (!o.text_file.empty()) {
    GONGKAI_ASSIGN_OR_RETURN(c.body_html, ReadAll(o.text_file));
    in->body_is_plain_text = true;
  }
  if (!o.doc_number.empty()) c.doc_number = o.doc_number;
  if (!o.publisher.empty()) c.publisher = o.publisher;
  if (!o.written.empty()) {
    GONGKAI_ASSIGN_OR_RETURN(c.written_on, Date::Parse(o.written));
  }
  if (!o.theme.empty()) c.theme = o.theme;
  if (!o.genre.empty()) c.genre = o.genre;
  if (!o.keywords.empty()) c.keywords = o.keywords;
  if (!o.attribute.empty()) {
    GONGKAI_ASSIGN_OR_RETURN(c.attribute, catalog::ParseAttribute(o.attribute));
  }
  if (!o.ground.empty()) c.withheld_ground = o.ground;
  in->note = o.note;
  for (const std::string& path : o.attach) {
    GONGKAI_ASSIGN_OR_RETURN(std::string data, ReadAll(path));
    in->add_files.push_back({BaseName(path), std::move(data)});
  }
  in->remove_files = o.remove;
  return Status::Ok();
}

std::string DateText(const std::optional<Date>& d) { return d ? d->ToString() : "—"; }

void PrintItem(std::ostream& out, const services::ItemView& v) {
  const catalog::ItemRecord& r = v.record;
  const catalog::ItemContent& c = v.latest.content;
  out << "信息 #" << r.id << " " << c.title << "\n"
      << "栏目：" << v.column.name << "（#" << v.column.id << "）\n"
      << "状态：" << catalog::ItemStatusName(r.status) << (r.returned ? "（已退回修改）" : "")
      << " · 第" << r.latest_revision << "版\n"
      << "索引号：" << (r.index_number.empty() ? "（发布时生成）" : r.index_number) << "\n"
      << "文号：" << (c.doc_number.empty() ? "—" : c.doc_number) << "\n"
      << "发布机构：" << c.publisher << "\n"
      << "成文日期：" << DateText(c.written_on) << " · 发布日期：" << DateText(r.published_on)
      << "\n"
      << "主题分类：" << (c.theme.empty() ? "—" : c.theme) << " · 体裁："
      << (c.genre.empty() ? "—" : c.genre) << "\n"
      << "公开属性：" << catalog::AttributeName(c.attribute)
      << (c.withheld_ground.empty() ? "" : "（" + c.withheld_ground + "）") << "\n"
      << "有效性：" << catalog::ValidityName(r.validity);
  if (r.validity_on) out << "（自" << r.validity_on->ToString() << "）";
  if (r.validity_by) out << "，依信息 #" << *r.validity_by;
  out << "\n";
  for (const catalog::FileRef& f : c.files) {
    out << "附件：" << f.name << " " << f.mime << " " << f.size << " 字节 "
        << f.sha256.substr(0, 12) << "\n";
  }
  for (const catalog::ItemLink& l : v.links) {
    out << "关联：#" << l.from << " " << catalog::LinkKindName(l.kind) << " #" << l.to << "\n";
  }
  out << "正文：\n" << v.latest.body_text << (v.latest.body_text.empty() ? "" : "\n");
}

nlohmann::json ItemJson(const services::ItemView& v) {
  const catalog::ItemContent& c = v.latest.content;
  nlohmann::json files = nlohmann::json::array();
  for (const catalog::FileRef& f : c.files) {
    files.push_back({{"name", f.name}, {"sha256", f.sha256}, {"mime", f.mime}, {"size", f.size}});
  }
  return {{"id", v.record.id},
          {"column_id", v.record.column_id},
          {"status", catalog::ItemStatusCode(v.record.status)},
          {"latest_revision", v.record.latest_revision},
          {"index_number", v.record.index_number},
          {"validity", catalog::ValidityCode(v.record.validity)},
          {"title", c.title},
          {"doc_number", c.doc_number},
          {"written_on", c.written_on ? c.written_on->ToString() : ""},
          {"theme", c.theme},
          {"attribute", catalog::AttributeCode(c.attribute)},
          {"body_html", c.body_html},
          {"files", files}};
}

}  // namespace

void AddItemCommands(CLI::App& app, CliContext& ctx) {
  auto* cmd =
      app.add_subcommand("item", "政府信息：起草、修改、查看、列出、修订历史、有效性、关联");
  cmd->require_subcommand(1);
  auto o = std::make_shared<ItemOptions>();
  auto console = account::Actor::Console();

  auto* add = cmd->add_subcommand("add", "在栏目中新建信息草稿");
  add->add_option("--column", o->column, "栏目编号（或与 --agency 一起用栏目代码）")->required();
  add->add_option("--agency", o->agency, "机构（编号、全称或简称）");
  AddContentOptions(add, *o);
  add->callback([&ctx, o, console] {
    auto c = OpenCatalog(ctx, o->agency);
    if (!c) return;
    services::ItemInput in;
    Status s = FillInput(*o, {}, &in);
    if (!s.ok()) return FailWith(ctx, s);
    auto column_id = ResolveColumnRef(*c, console, o->column);
    if (!column_id.ok()) return FailWith(ctx, column_id.status());
    in.column_id = *column_id;
    auto id = c->service->CreateDraft(console, std::move(in));
    if (!id.ok()) return FailWith(ctx, id.status());
    *ctx.out << "已新建信息草稿 #" << *id << "（第1版）\n";
  });

  auto* edit = cmd->add_subcommand("edit", "保存信息的新版本（须给出所编辑的版本号）");
  edit->add_option("id", o->id, "信息编号")->required();
  edit->add_option("--expected", o->expected, "所编辑的版本号（当前最新版）")->required();
  edit->add_option("--column", o->column, "移到另一栏目（编号）");
  edit->add_option("--remove", o->remove, "删除的附件（文件名，可多个）");
  AddContentOptions(edit, *o);
  edit->callback([&ctx, o, console] {
    auto c = OpenCatalog(ctx, "");
    if (!c) return;
    auto view = c->service->Get(console, o->id);
    if (!view.ok()) return FailWith(ctx, view.status());
    services::ItemInput in;
    // The body is re-sent as stored (HTML) unless a file replaces it.
    Status s = FillInput(*o, view->latest.content, &in);
    if (!s.ok()) return FailWith(ctx, s);
    if (!o->column.empty()) {
      auto column_id = ResolveColumnRef(*c, console, o->column);
      if (!column_id.ok()) return FailWith(ctx, column_id.status());
      in.column_id = *column_id;
    }
    auto saved =
        c->service->SaveDraft(console, o->id, static_cast<int>(o->expected), std::move(in));
    if (!saved.ok()) return FailWith(ctx, saved.status());
    if (*saved == o->expected) {
      *ctx.out << "内容没有变化，仍为第" << *saved << "版\n";
    } else {
      *ctx.out << "已保存信息 #" << o->id << " 第" << *saved << "版\n";
    }
  });

  auto* show = cmd->add_subcommand("show", "查看信息（最新版本）");
  show->add_option("id", o->id, "信息编号")->required();
  show->add_flag("--json", o->json, "输出 JSON");
  show->callback([&ctx, o, console] {
    auto c = OpenCatalog(ctx, "");
    if (!c) return;
    auto view = c->service->Get(console, o->id);
    if (!view.ok()) return FailWith(ctx, view.status());
    if (o->json) {
      *ctx.out << ItemJson(*view).dump(2) << "\n";
    } else {
      PrintItem(*ctx.out, *view);
    }
  });

  auto* list = cmd->add_subcommand("list", "列出机构的信息（最近修改的在前）");
  list->add_option("--agency", o->agency, "机构（编号、全称或简称）")->required();
  list->add_option("--column", o->column, "栏目（编号或代码）");
  list->add_option("--status", o->status, "draft | in_review | approved | published | withdrawn");
  list->add_option("--mine", o->mine, "只列此账号起草的");
  list->callback([&ctx, o, console] {
    auto c = OpenCatalog(ctx, o->agency);
    if (!c) return;
    storage::ItemListQuery q;
    q.agency = c->agency;
    q.limit = 200;
    q.created_by = o->mine;
    if (!o->column.empty()) {
      auto column_id = ResolveColumnRef(*c, console, o->column);
      if (!column_id.ok()) return FailWith(ctx, column_id.status());
      q.column = *column_id;
    }
    if (!o->status.empty()) {
      auto st = catalog::ParseItemStatus(o->status);
      if (!st.ok()) return FailWith(ctx, st.status());
      q.statuses = {*st};
    }
    auto page = c->service->List(console, q);
    if (!page.ok()) return FailWith(ctx, page.status());
    if (page->items.empty()) *ctx.out << "（没有信息）\n";
    for (const storage::ItemSummary& s : page->items) {
      *ctx.out << "#" << s.record.id << " " << catalog::ItemStatusName(s.record.status) << " 第"
               << s.record.latest_revision << "版 " << s.title
               << (s.doc_number.empty() ? "" : "（" + s.doc_number + "）") << "\n";
    }
    if (page->total > static_cast<int64_t>(page->items.size())) {
      *ctx.out << "共 " << page->total << " 条，显示前 " << page->items.size() << " 条\n";
    }
  });

  auto* history = cmd->add_subcommand("history", "信息的修订历史");
  history->add_option("id", o->id, "信息编号")->required();
  history->callback([&ctx, o, console] {
    auto c = OpenCatalog(ctx, "");
    if (!c) return;
    auto revs = c->service->History(console, o->id);
    if (!revs.ok()) return FailWith(ctx, revs.status());
    for (const catalog::Revision& r : *revs) {
      *ctx.out << "第" << r.number << "版 " << FormatChinaTime(r.created_at) << " " << r.author
               << " " << r.sha256.substr(0, 12) << (r.note.empty() ? "" : " " + r.note) << "\n";
    }
  });

  auto* validity = cmd->add_subcommand("validity", "标注已发布信息的有效性");
  validity->add_option("id", o->id, "信息编号")->required();
  validity
      ->add_option("--set", o->validity,
                   "valid(有效) | amended(已修改) | repealed(已废止) | "
                   "expired(已失效)")
      ->required();
  validity->add_option("--on", o->on, "变化日期 YYYY-MM-DD");
  validity->add_option("--by", o->by, "修改或废止它的信息编号");
  validity->callback([&ctx, o, console] {
    auto c = OpenCatalog(ctx, "");
    if (!c) return;
    auto v = catalog::ParseValidity(o->validity);
    if (!v.ok()) return FailWith(ctx, v.status());
    std::optional<Date> on;
    if (!o->on.empty()) {
      auto d = Date::Parse(o->on);
      if (!d.ok()) return FailWith(ctx, d.status());
      on = *d;
    }
    std::optional<catalog::ItemId> by;
    if (!o->by.empty()) {
      try {
        by = std::stoll(o->by);
      } catch (const std::exception&) {
        return FailWith(ctx, InvalidArgument("bad --by", "--by 须为信息编号"));
      }
    }
    Status s = c->service->SetValidity(console, o->id, *v, on, by);
    if (!s.ok()) return FailWith(ctx, s);
    *ctx.out << "信息 #" << o->id << " 有效性：" << catalog::ValidityName(*v) << "\n";
  });

  auto* link = cmd->add_subcommand("link", "关联两条信息：本信息解读/修改/废止另一条");
  link->add_option("id", o->id, "信息编号（解读或新文件）")->required();
  auto* interprets = link->add_option("--interprets", o->interprets, "被解读的文件");
  auto* amends = link->add_option("--amends", o->amends, "被修改的文件");
  auto* repeals = link->add_option("--repeals", o->repeals, "被废止的文件");
  interprets->excludes(amends)->excludes(repeals);
  amends->excludes(repeals);
  link->add_flag("--remove", o->unlink, "取消这个关联");
  link->callback([&ctx, o, console] {
    auto c = OpenCatalog(ctx, "");
    if (!c) return;
    catalog::ItemLink l{o->id, catalog::LinkKind::kInterprets, o->interprets};
    if (o->amends != 0) l = {o->id, catalog::LinkKind::kAmends, o->amends};
    if (o->repeals != 0) l = {o->id, catalog::LinkKind::kRepeals, o->repeals};
    if (l.to == 0) {
      return FailWith(ctx,
                      InvalidArgument("no link", "请给出 --interprets、--amends 或 --repeals"));
    }
    Status s = o->unlink ? c->service->Unlink(console, l) : c->service->Link(console, l);
    if (!s.ok()) return FailWith(ctx, s);
    *ctx.out << (o->unlink ? "已取消关联：#" : "已关联：#") << l.from << " "
             << catalog::LinkKindName(l.kind) << " #" << l.to << "\n";
  });

  AddItemReviewCommands(cmd, ctx);
}

}  // namespace gongkai::cli

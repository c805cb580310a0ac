#include "http/handlers/item_view.h"

#include <array>
#include <map>
#include <utility>

#include "catalog/themes.h"
#include "core/clock.h"
#include "http/handlers/form_errors.h"
#include "http/multipart.h"
#include "http/response.h"
#include "publishing/text_diff.h"

namespace gongkai::http {

namespace {

using catalog::Revision;

// The editor form's fields in page order, each with the element that takes the focus.
constexpr std::array<std::pair<const char*, const char*>, 14> kItemOrder = {{
    {"column_id", "column_id"},
    {"title", "title"},
    {"summary", "summary"},
    {"body", "body"},
    {"doc_number", "doc_number"},
    {"publisher", "publisher"},
    {"written_on", "written_on"},
    {"theme", "theme"},
    {"genre", "genre"},
    {"keywords", "keywords"},
    {"attribute", "attribute"},
    {"withheld_ground", "withheld_ground"},
    {"files", "files"},
    {"note", "note"},
}};

// The prefixes of the service's messages and the field each names.
constexpr std::array<std::pair<std::string_view, const char*>, 16> kMessageField = {{
    {"名称", "title"},
    {"内容概述", "summary"},
    {"正文", "body"},
    {"文号", "doc_number"},
    {"发布机构", "publisher"},
    {"关键词", "keywords"},
    {"不公开理由", "withheld_ground"},
    {"依申请公开须", "withheld_ground"},
    {"不予公开须", "withheld_ground"},
    {"主题分类", "theme"},
    {"体裁", "genre"},
    {"修改说明", "note"},
    {"附件", "files"},
    {"每条信息最多", "files"},
    {"请选择栏目", "column_id"},
    {"目标栏目", "column_id"},
}};

std::string Opt(const std::optional<Date>& d) { return d ? d->ToString() : ""; }

std::string TypeLabel(const std::string& mime) {
  if (mime == "application/pdf") return "PDF";
  if (mime == "image/png") return "PNG 图片";
  if (mime == "image/jpeg") return "JPEG 图片";
  return mime;
}

// All values of a form field (checkboxes), urlencoded or multipart.
std::vector<std::string> AllValues(const HttpRequest& req, std::string_view name) {
  std::vector<std::string> out;
  const std::string* type = req.Header("content-type");
  if (type == nullptr) return out;
  if (!MultipartBoundary(*type).empty()) {
    for (const auto& [k, v] : req.Multipart().fields) {
      if (k == name) out.push_back(v);
    }
  } else {
    for (const auto& [k, v] : ParseUrlEncoded(req.body)) {
      if (k == name) out.push_back(v);
    }
  }
  return out;
}

mstch::array FileRows(catalog::ItemId item, const std::vector<catalog::FileRef>& files) {
  mstch::array rows;
  for (const catalog::FileRef& f : files) {
    rows.push_back(
        mstch::map{{"name", f.name},
                   {"type", TypeLabel(f.mime)},
                   {"size", services::FileSizeText(static_cast<size_t>(f.size))},
                   {"sha256", f.sha256},
                   {"sha_short", f.sha256.substr(0, 12)},
                   {"href", "/admin/items/" + std::to_string(item) + "/files/" + f.sha256}});
  }
  return rows;
}

mstch::array ThemeGroups(const std::string& chosen) {
  mstch::array groups;
  mstch::array singles;
  for (const catalog::Theme& t : catalog::Themes()) {
    if (t.children.empty()) {
      singles.push_back(mstch::map{{"value", std::string(t.name)},
                                   {"label", std::string(t.name)},
                                   {"selected", chosen == t.name}});
      continue;
    }
    mstch::array options;
    for (std::string_view c : t.children) {
      std::string value = std::string(t.name) + "\\" + std::string(c);
      options.push_back(
          mstch::map{{"value", value}, {"label", std::string(c)}, {"selected", chosen == value}});
    }
    groups.push_back(mstch::map{{"label", std::string(t.name)}, {"options", options}});
  }
  if (!singles.empty())
    groups.push_back(mstch::map{{"label", std::string("其他")}, {"options", singles}});
  return groups;
}

template <typename E, size_t N>
mstch::array EnumOptions(const std::array<E, N>& values, std::string_view (*code)(E),
                         std::string_view (*name)(E), const std::string& chosen) {
  mstch::array out;
  for (E v : values) {
    out.push_back(mstch::map{{"value", std::string(code(v))},
                             {"label", std::string(name(v))},
                             {"selected", chosen == code(v)}});
  }
  return out;
}

}  // namespace

services::ItemInput ItemInputFrom(const HttpRequest& req,
                                  std::vector<services::FieldError>* errors) {
  services::ItemInput in;
  if (std::string c = req.Form("column_id"); !c.empty()) {
    auto id = ParseId(c);
    if (id.ok()) in.column_id = *id;
    if (!id.ok()) errors->push_back({"column_id", "请选择栏目"});
  }
  catalog::ItemContent& c = in.content;
  c.title = req.Form("title");
  c.summary = req.Form("summary");
  c.body_html = req.Form("body");
  in.body_is_plain_text = req.Form("body_format") != "html";
  c.doc_number = req.Form("doc_number");
  c.publisher = req.Form("publisher");
  if (std::string w = req.Form("written_on"); !w.empty()) {
    auto d = Date::Parse(w);
    if (d.ok()) c.written_on = *d;
    if (!d.ok()) errors->push_back({"written_on", "成文日期：" + d.status().UserMessage()});
  }
  c.theme = req.Form("theme");
  c.genre = req.Form("genre");
  c.keywords = req.Form("keywords");
  auto attribute = catalog::ParseAttribute(req.Form("attribute"));
  if (attribute.ok()) c.attribute = *attribute;
  if (!attribute.ok()) errors->push_back({"attribute", "请选择公开属性"});
  c.withheld_ground = req.Form("withheld_ground");
  in.note = req.Form("note");
  in.remove_files = AllValues(req, "remove_file");
  const std::string* type = req.Header("content-type");
  if (type != nullptr && !MultipartBoundary(*type).empty()) {
    const MultipartForm& form = req.Multipart();
    if (!form.status.ok()) errors->push_back({"files", form.status.UserMessage()});
    for (const MultipartFile& f : form.files) {
      if (f.field == "files") in.add_files.push_back({f.filename, f.data});
    }
  }
  return in;
}

services::FieldError ItemFieldError(const Status& status) {
  std::string message = status.UserMessage();
  for (const auto& [prefix, field] : kMessageField) {
    if (message.rfind(prefix, 0) == 0) return {field, message};
  }
  if (message.rfind("“", 0) == 0 && message.find("是分类") != std::string::npos) {
    return {"column_id", message};
  }
  return {"", message};
}

void AddItemFieldErrors(const std::vector<services::FieldError>& errors, mstch::map* form) {
  AddFieldErrors(errors, kItemOrder, form);
}

mstch::map ItemFormContext(const FieldFn& get, const std::vector<catalog::Column>& columns,
                           catalog::ItemId item, const std::vector<catalog::FileRef>& files) {
  mstch::map m;
  for (const auto& f : kItemOrder) m[f.first] = get(f.first);
  m["body"] = get("body");
  m["expected_revision"] = get("expected_revision");
  std::string format = get("body_format");
  m["format_html"] = format == "html";
  m["format_text"] = format != "html";
  mstch::array cols;
  std::map<catalog::ColumnId, std::string> names;
  for (const catalog::Column& c : columns) {
    std::string label =
        c.parent_id && names.count(*c.parent_id) ? names[*c.parent_id] + " › " + c.name : c.name;
    names[c.id] = label;
    if (c.kind == catalog::ColumnKind::kSection) continue;
    cols.push_back(mstch::map{{"value", std::to_string(c.id)},
                              {"label", label},
                              {"selected", get("column_id") == std::to_string(c.id)}});
  }
  m["columns"] = cols;
  m["themes"] = ThemeGroups(get("theme"));
  mstch::array genres;
  for (std::string_view g : catalog::Genres()) {
    genres.push_back(mstch::map{{"value", std::string(g)}, {"selected", get("genre") == g}});
  }
  m["genres"] = genres;
  std::string attribute = get("attribute").empty() ? "active" : get("attribute");
  m["attributes"] =
      EnumOptions(std::array{catalog::Attribute::kActive, catalog::Attribute::kOnRequest,
                             catalog::Attribute::kWithheld},
                  catalog::AttributeCode, catalog::AttributeName, attribute);
  m["files_current"] = FileRows(item, files);
  m["has_files"] = !files.empty();
  m["max_file"] = services::FileSizeText(catalog::kMaxFileBytes);
  m["max_files"] = std::to_string(catalog::kMaxFilesPerItem);
  return m;
}

FieldFn RevisionFields(const Revision& r, catalog::ColumnId column) {
  return [r, column](std::string_view name) -> std::string {
    const catalog::ItemContent& c = r.content;
    if (name == "column_id") return std::to_string(column);
    if (name == "title") return c.title;
    if (name == "summary") return c.summary;
    if (name == "body") return c.body_html;
    if (name == "body_format") return "html";
    if (name == "doc_number") return c.doc_number;
    if (name == "publisher") return c.publisher;
    if (name == "written_on") return Opt(c.written_on);
    if (name == "theme") return c.theme;
    if (name == "genre") return c.genre;
    if (name == "keywords") return c.keywords;
    if (name == "attribute") return std::string(catalog::AttributeCode(c.attribute));
    if (name == "withheld_ground") return c.withheld_ground;
    if (name == "expected_revision") return std::to_string(r.number);
    return "";
  };
}

std::string ChangedFields(const Revision* before, const Revision& r) {
  if (before == nullptr) return "新建";
  const catalog::ItemContent& a = before->content;
  const catalog::ItemContent& b = r.content;
  std::vector<std::pair<bool, const char*>> checks = {
      {a.title != b.title, "名称"},
      {a.summary != b.summary, "内容概述"},
      {a.body_html != b.body_html, "正文"},
      {a.doc_number != b.doc_number, "文号"},
      {a.publisher != b.publisher, "发布机构"},
      {a.written_on != b.written_on, "成文日期"},
      {a.theme != b.theme, "主题分类"},
      {a.genre != b.genre, "体裁"},
      {a.keywords != b.keywords, "关键词"},
      {a.attribute != b.attribute || a.withheld_ground != b.withheld_ground, "公开属性"},
      {a.files != b.files, "附件"},
  };
  std::string out;
  for (const auto& [changed, label] : checks) {
    if (changed) out += (out.empty() ? "" : "、") + std::string(label);
  }
  return out.empty() ? "无" : out;
}

mstch::map ItemPageContext(const services::ItemView& v, const std::vector<Revision>& history) {
  const catalog::ItemRecord& rec = v.record;
  const catalog::ItemContent& c = v.latest.content;
  std::string id = std::to_string(rec.id);
  mstch::map m{{"id", id},
               {"title", c.title},
               {"column_name", v.column.name},
               {"column_id", std::to_string(v.column.id)},
               {"agency_id", std::to_string(rec.agency_id)},
               {"status", std::string(catalog::ItemStatusName(rec.status))},
               {"returned", rec.returned},
               {"editable", rec.status != catalog::ItemStatus::kWithdrawn},
               {"published", rec.status == catalog::ItemStatus::kPublished},
               {"latest_revision", std::to_string(rec.latest_revision)},
               {"body_html", c.body_html},
               {"files", FileRows(rec.id, c.files)},
               {"has_files", !c.files.empty()}};
  std::vector<std::pair<std::string, std::string>> meta = {
      {"索引号", rec.index_number.empty() ? "（发布时生成）" : rec.index_number},
      {"名称", c.title},
      {"内容概述", c.summary},
      {"文号", c.doc_number},
      {"发布机构", c.publisher},
      {"成文日期", Opt(c.written_on)},
      {"发布日期", Opt(rec.published_on)},
      {"主题分类", c.theme},
      {"体裁", c.genre},
      {"关键词", c.keywords},
      {"公开属性", std::string(catalog::AttributeName(c.attribute)) +
                       (c.withheld_ground.empty() ? "" : "（" + c.withheld_ground + "）")},
      {"有效性", std::string(catalog::ValidityName(rec.validity)) +
                     (rec.validity_on ? "（自" + rec.validity_on->ToString() + "）" : "") +
                     (rec.validity_by ? "，依信息 #" + std::to_string(*rec.validity_by) : "")},
      {"状态",
       std::string(catalog::ItemStatusName(rec.status)) + (rec.returned ? "（已退回修改）" : "")},
      {"创建人", rec.created_by},
  };
  mstch::array rows;
  for (auto& [k, val] : meta) {
    rows.push_back(mstch::map{{"label", k}, {"value", val.empty() ? std::string("—") : val}});
  }
  m["meta"] = rows;
  mstch::array links;
  for (const catalog::ItemLink& l : v.links) {
    bool outgoing = l.from == rec.id;
    catalog::ItemId other = outgoing ? l.to : l.from;
    std::string what;
    switch (l.kind) {
      case catalog::LinkKind::kInterprets:
        what = outgoing ? "本信息解读" : "被解读（政策解读）";
        break;
      case catalog::LinkKind::kAmends:
        what = outgoing ? "本信息修改" : "被修改";
        break;
      case catalog::LinkKind::kRepeals:
        what = outgoing ? "本信息废止" : "被废止";
        break;
    }
    links.push_back(mstch::map{{"what", what},
                               {"other", std::to_string(other)},
                               {"kind", std::string(catalog::LinkKindCode(l.kind))},
                               {"direction", std::string(outgoing ? "from" : "to")},
                               {"from", std::to_string(l.from)},
                               {"to", std::to_string(l.to)}});
  }
  m["links"] = links;
  m["has_links"] = !links.empty();
  mstch::array validity;
  for (catalog::Validity x : {catalog::Validity::kValid, catalog::Validity::kAmended,
                              catalog::Validity::kRepealed, catalog::Validity::kExpired}) {
    validity.push_back(mstch::map{{"value", std::string(catalog::ValidityCode(x))},
                                  {"label", std::string(catalog::ValidityName(x))},
                                  {"selected", x == rec.validity}});
  }
  m["validity_options"] = validity;
  mstch::array revs;
  for (size_t i = history.size(); i-- > 0;) {
    const Revision& r = history[i];
    revs.push_back(mstch::map{{"number", std::to_string(r.number)},
                              {"author", r.author},
                              {"time", FormatChinaTime(r.created_at)},
                              {"note", r.note.empty() ? std::string("—") : r.note},
                              {"sha_short", r.sha256.substr(0, 12)},
                              {"changed", ChangedFields(i == 0 ? nullptr : &history[i - 1], r)}});
  }
  m["revisions"] = revs;
  // The readable diff of each revision against the one before it (newest first, the last ten).
  mstch::array diffs;
  auto text_of = [](const Revision& r) { return "名称：" + r.content.title + "\n" + r.body_text; };
  for (size_t i = history.size(); i-- > 1 && diffs.size() < 10;) {
    diffs.push_back(mstch::map{
        {"number", std::to_string(history[i].number)},
        {"previous", std::to_string(history[i - 1].number)},
        {"diff_html", publishing::DiffHtml(text_of(history[i - 1]), text_of(history[i]))}});
  }
  m["has_diffs"] = !diffs.empty();
  m["diffs"] = diffs;
  return m;
}

mstch::array ItemRows(const storage::ItemPage& page, const std::vector<catalog::Column>& columns) {
  std::map<catalog::ColumnId, std::string> names;
  for (const catalog::Column& c : columns) names[c.id] = c.name;
  mstch::array rows;
  for (const storage::ItemSummary& s : page.items) {
    rows.push_back(mstch::map{
        {"id", std::to_string(s.record.id)},
        {"title", s.title},
        {"doc_number", s.doc_number.empty() ? std::string("—") : s.doc_number},
        {"status", std::string(catalog::ItemStatusName(s.record.status)) +
                       (s.record.returned ? "（退回）" : "")},
        {"column", names.count(s.record.column_id) ? names[s.record.column_id] : std::string()},
        {"revision", std::to_string(s.record.latest_revision)},
        {"updated", FormatChinaTime(s.record.updated_at).substr(0, 16)}});
  }
  return rows;
}

}  // namespace gongkai::http

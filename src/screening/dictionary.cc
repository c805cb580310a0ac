#include "screening/dictionary.h"

#include <algorithm>
#include <array>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "screening/utf8.h"

namespace gongkai::screening {
namespace {

struct CategoryInfo {
  Category category;
  const char* name;
};
constexpr std::array<CategoryInfo, 10> kCategories = {{
    {Category::kTypo, "错别字"},
    {Category::kFormulation, "规范表述"},
    {Category::kOutdatedAgency, "过时机构名称"},
    {Category::kSensitive, "敏感词"},
    {Category::kCustom, "自定义"},
    {Category::kAllow, "允许"},
    {Category::kProtected, "保护"},
    {Category::kNearMiss, "疑似错误"},
    {Category::kPrivacy, "隐私信息"},
    {Category::kCommonWord, "常用词"},
}};

std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (true) {
    size_t tab = line.find('\t', start);
    out.push_back(line.substr(start, tab == std::string_view::npos ? tab : tab - start));
    if (tab == std::string_view::npos) break;
    start = tab + 1;
  }
  return out;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

std::string Clean(std::string_view s) {
  std::string out(s);
  std::replace_if(
      out.begin(), out.end(), [](char c) { return c == '\t' || c == '\n' || c == '\r'; }, ' ');
  return out;
}

}  // namespace

const char* CategoryName(Category c) {
  for (const auto& info : kCategories) {
    if (info.category == c) return info.name;
  }
  return "自定义";
}

Result<Category> ParseCategory(std::string_view name) {
  for (const auto& info : kCategories) {
    if (name == info.name) return info.category;
  }
  return InvalidArgument(
      "unknown category '" + std::string(name) + "'",
      "未知的类别“" + std::string(name) +
          "”（可用：错别字、规范表述、过时机构名称、敏感词、自定义、允许、保护、常用词）");
}

Result<Severity> ParseSeverity(std::string_view name) {
  if (name == "error" || name == "严重") return Severity::kError;
  if (name == "warning" || name == "警告") return Severity::kWarning;
  if (name == "info" || name == "提示") return Severity::kInfo;
  return InvalidArgument("unknown severity '" + std::string(name) + "'",
                         "未知的严重程度“" + std::string(name) + "”（可用：error、warning、info）");
}

bool DictionaryEntry::AppliesOn(const Date& date) const {
  if (valid_from && date < *valid_from) return false;
  if (valid_to && *valid_to < date) return false;
  return true;
}

Result<std::vector<DictionaryEntry>> ParseDictionary(std::string_view tsv,
                                                     std::string_view source) {
  std::vector<DictionaryEntry> out;
  size_t line_no = 0;
  size_t pos = 0;
  while (pos <= tsv.size()) {
    size_t nl = tsv.find('\n', pos);
    std::string_view line = tsv.substr(pos, nl == std::string_view::npos ? nl : nl - pos);
    pos = nl == std::string_view::npos ? tsv.size() + 1 : nl + 1;
    ++line_no;
    std::string where = std::string(source) + ":" + std::to_string(line_no);
    if (FindInvalidUtf8(line) != std::string_view::npos) {
      return InvalidArgument(where + ": invalid UTF-8", where + "：不是有效的 UTF-8 编码");
    }
    if (Trim(line).empty() || Trim(line)[0] == '#') continue;
    auto cols = SplitTabs(line);
    DictionaryEntry e;
    e.term = std::string(Trim(cols[0]));
    if (e.term.empty()) continue;
    e.source = where;
    auto col = [&](size_t i) { return i < cols.size() ? Trim(cols[i]) : std::string_view(); };
    if (!col(1).empty()) {
      auto c = ParseCategory(col(1));
      if (!c.ok()) return c.status().WithContext(where, where);
      e.category = *c;
    }
    if (!col(2).empty()) {
      auto s = ParseSeverity(col(2));
      if (!s.ok()) return s.status().WithContext(where, where);
      e.severity = *s;
    }
    e.suggestion = std::string(col(3));
    if (!col(4).empty()) {
      auto d = Date::Parse(col(4));
      if (!d.ok()) return d.status().WithContext(where, where);
      e.valid_from = *d;
    }
    if (!col(5).empty()) {
      auto d = Date::Parse(col(5));
      if (!d.ok()) return d.status().WithContext(where, where);
      e.valid_to = *d;
    }
    e.note = std::string(col(6));
    out.push_back(std::move(e));
  }
  return out;
}

Result<std::vector<DictionaryEntry>> LoadDictionaryFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return NotFound("cannot read dictionary " + path, "无法读取词库文件 " + path);
  }
  std::stringstream ss;
  ss << in.rdbuf();
  return ParseDictionary(ss.str(), path);
}

Result<std::vector<DictionaryEntry>> LoadDictionaryDir(const std::string& dir) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) {
    return NotFound("no dictionary folder " + dir, "词库目录不存在：" + dir);
  }
  std::vector<std::string> files;
  for (const auto& f : std::filesystem::directory_iterator(dir, ec)) {
    if (f.is_regular_file() && f.path().extension() == ".tsv") files.push_back(f.path().string());
  }
  std::sort(files.begin(), files.end());
  std::vector<DictionaryEntry> all;
  for (const auto& f : files) {
    GONGKAI_ASSIGN_OR_RETURN(auto entries, LoadDictionaryFile(f));
    for (auto& e : entries) all.push_back(std::move(e));
  }
  return all;
}

std::string FormatEntry(const DictionaryEntry& e) {
  std::string out = Clean(e.term);
  out += "\t";
  out += CategoryName(e.category);
  out += "\t";
  out += SeverityName(e.severity);
  out += "\t" + Clean(e.suggestion) + "\t";
  if (e.valid_from) out += e.valid_from->ToString();
  out += "\t";
  if (e.valid_to) out += e.valid_to->ToString();
  out += "\t" + Clean(e.note);
  return out;
}

Status AppendEntry(const std::string& path, const DictionaryEntry& entry) {
  if (Clean(entry.term).empty() || Trim(Clean(entry.term)).empty()) {
    return InvalidArgument("empty term", "词条不能为空");
  }
  std::error_code ec;
  std::filesystem::path p(path);
  if (p.has_parent_path()) std::filesystem::create_directories(p.parent_path(), ec);
  bool exists = std::filesystem::exists(p, ec);
  std::ofstream out(path, std::ios::app | std::ios::binary);
  if (!out) return Unavailable("cannot write " + path, "无法写入词库文件 " + path);
  if (!exists) {
    out << "# 词条\t类别\t严重程度\t建议\t生效日期\t失效日期\t备注\n";
  }
  out << FormatEntry(entry) << "\n";
  if (!out) return Unavailable("cannot write " + path, "无法写入词库文件 " + path);
  return Status::Ok();
}

}  // namespace gongkai::screening

// `gongkai screen`: screening of drafts and pages (错敏词与隐私信息检查), the
// benchmark's `--count` mode, and agency dictionary entries (`screen dict add`).
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

#include "cli/cli.h"
#include "cli/cli_common.h"
#include "cli/review_support.h"
#include "core/clock.h"
#include "screening/dictionary.h"
#include "screening/screener.h"

namespace gongkai::cli {
namespace {

using screening::DictionaryEntry;
using screening::Finding;
using screening::ScreenReport;

struct ScreenArgs {
  std::vector<std::string> files;
  std::string format = "text";
  std::string profile;
  std::vector<std::string> dicts;
  std::string dict_dir;
  std::string input = "auto";
  std::string date;
  std::string count_dict;
  std::string sample;
  bool mask = false;
  bool no_normalize = false;
  bool normalize = false;  // --count only
  bool no_builtin = false;
  int max_gap = 2;
  int jobs = 1;
};

struct DictAddArgs {
  std::string term;
  std::string category = "自定义";
  std::string severity = "warning";
  std::string suggestion;
  std::string from;
  std::string to;
  std::string note;
  std::string profile = "default";
};

Result<std::string> AgencyDictPath(CliContext& ctx, const std::string& profile) {
  GONGKAI_ASSIGN_OR_RETURN(std::string data_dir, EffectiveDataDir(ctx));
  return data_dir + "/screening/" + profile + ".tsv";
}

bool ValidProfileName(const std::string& p) {
  return !p.empty() && p.size() <= 64 && std::all_of(p.begin(), p.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_';
  });
}

// A read-only view of a whole file (mmap; stdin is read into memory).
class Input {
 public:
  ~Input() {
    if (map_ != nullptr) munmap(map_, size_);
  }
  Status Open(const std::string& path) {
    if (path == "-") {
      buffer_.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
      return Status::Ok();
    }
    int fd = ::open(path.c_str(), O_RDONLY);
    if (fd < 0) return NotFound("cannot open " + path, "无法读取文件 " + path);
    struct stat st {};
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
      ::close(fd);
      return NotFound("not a regular file: " + path, "不是普通文件：" + path);
    }
    size_ = static_cast<size_t>(st.st_size);
    if (size_ > 0) {
      // MAP_POPULATE maps every page now, as read() would copy them now:
      // page faults then do not land inside the timed scan.
      void* m = mmap(nullptr, size_, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
      if (m == MAP_FAILED) {
        ::close(fd);
        return NotFound("cannot map " + path, "无法读取文件 " + path);
      }
      map_ = m;
      madvise(map_, size_, MADV_SEQUENTIAL);
    }
    ::close(fd);
    return Status::Ok();
  }
  std::string_view view() const {
    if (map_ != nullptr) return {static_cast<const char*>(map_), size_};
    return buffer_;
  }

 private:
  void* map_ = nullptr;
  size_t size_ = 0;
  std::string buffer_;
};

// CPU time of this thread: on a shared, overloaded machine it shows what the
// scan itself costs, where wall time also counts waiting for a core.
double ThreadCpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

double Seconds(std::chrono::steady_clock::time_point a, std::chrono::steady_clock::time_point b) {
  return std::chrono::duration<double>(b - a).count();
}

// `--count DICT FILE`: the harness's contract, the number of all overlapping
// matches of DICT's lines (literals) in FILE, then key=value timings.
void RunCount(const ScreenArgs& a, CliContext& ctx) {
  if (a.files.size() != 1) {
    ctx.Fail(kExitUsage, "--count 需要且只需要一个待检查文件");
    return;
  }
  auto t0 = std::chrono::steady_clock::now();
  Input dict;
  Input text;
  Input sample;
  Status st = dict.Open(a.count_dict);
  if (st.ok()) st = text.Open(a.files[0]);
  if (st.ok() && !a.sample.empty()) st = sample.Open(a.sample);
  if (!st.ok()) {
    ctx.Fail(kExitUsage, st.UserMessage());
    return;
  }
  screening::EngineOptions eo;
  eo.normalizer =
      a.normalize ? &screening::TextNormalizer::Default() : &screening::TextNormalizer::Identity();
  eo.max_gap = a.max_gap;
  screening::ScreeningEngine engine(eo);
  std::string_view d = dict.view();
  size_t line = 0;
  for (size_t pos = 0; pos < d.size();) {
    size_t nl = d.find('\n', pos);
    if (nl == std::string_view::npos) nl = d.size();
    std::string_view term = d.substr(pos, nl - pos);
    pos = nl + 1;
    ++line;
    if (!term.empty() && term.back() == '\r') term.remove_suffix(1);
    if (term.empty()) continue;
    auto added = engine.Add(term);
    if (!added.ok()) {
      ctx.Fail(kExitUsage,
               a.count_dict + ":" + std::to_string(line) + "：" + added.status().UserMessage());
      return;
    }
  }
  // Anchor frequencies: the given sample, else the first 4 MB of the input.
  std::string_view freq = a.sample.empty() ? text.view().substr(0, 4u << 20) : sample.view();
  st = engine.Compile(freq);
  auto t1 = std::chrono::steady_clock::now();
  if (!st.ok()) {
    ctx.Fail(kExitUsage, st.UserMessage());
    return;
  }
  const double cpu1 = ThreadCpuSeconds();
  auto count = engine.Count(text.view());
  auto t2 = std::chrono::steady_clock::now();
  const double scan_cpu = ThreadCpuSeconds() - cpu1;
  if (!count.ok()) {
    ctx.Fail(kExitUsage, a.files[0] + "：" + count.status().UserMessage());
    return;
  }
  char buf[256];
  std::snprintf(buf, sizeof buf,
                "%llu matches=%llu compile_s=%.4f scan_s=%.4f scan_cpu_s=%.4f db_bytes=%zu "
                "candidates=%llu\n",
                static_cast<unsigned long long>(*count), static_cast<unsigned long long>(*count),
                Seconds(t0, t1), Seconds(t1, t2), scan_cpu, engine.memory_bytes(),
                static_cast<unsigned long long>(engine.last_candidates()));
  *ctx.out << buf;
}

Result<std::vector<DictionaryEntry>> LoadDictionaries(const ScreenArgs& a, CliContext& ctx) {
  std::vector<DictionaryEntry> all;
  if (!a.no_builtin) {
    GONGKAI_ASSIGN_OR_RETURN(
        all, screening::LoadDictionaryDir(a.dict_dir.empty() ? BuiltinDictDir() : a.dict_dir));
  }
  if (!a.profile.empty()) {
    GONGKAI_ASSIGN_OR_RETURN(std::string path, AgencyDictPath(ctx, a.profile));
    std::ifstream probe(path);
    if (probe) {
      GONGKAI_ASSIGN_OR_RETURN(auto more, screening::LoadDictionaryFile(path));
      for (auto& e : more) all.push_back(std::move(e));
    }
  }
  for (const auto& path : a.dicts) {
    GONGKAI_ASSIGN_OR_RETURN(auto more, screening::LoadDictionaryFile(path));
    for (auto& e : more) all.push_back(std::move(e));
  }
  return all;
}

nlohmann::json FindingJson(const Finding& f) {
  return {{"category", screening::CategoryName(f.category)},
          {"severity", screening::SeverityName(f.severity)},
          {"term", f.term},
          {"suggestion", f.suggestion},
          {"original", f.original},
          {"note", f.note},
          {"byte_begin", f.byte_begin},
          {"byte_end", f.byte_end},
          {"char_begin", f.char_begin},
          {"char_end", f.char_end},
          {"line", f.line},
          {"column", f.column}};
}

std::string FormatText(const std::string& name, const ScreenReport& r) {
  std::string out;
  for (const Finding& f : r.findings) {
    out += name + ":" + std::to_string(f.line) + ":" + std::to_string(f.column) + ": " +
           screening::SeverityName(f.severity) + ": [" + screening::CategoryName(f.category) +
           "] " + f.original;
    if (!f.suggestion.empty()) out += " → " + f.suggestion;
    if (f.category == screening::Category::kPrivacy) {
      out += "（" + f.term + "）";
    } else if (f.term != f.original && f.category != screening::Category::kNearMiss) {
      out += "（词条：" + f.term + "）";
    }
    if (!f.note.empty()) out += "；" + f.note;
    out += "\n";
  }
  return out;
}

bool LooksLikeHtml(const std::string& path, std::string_view text) {
  auto ends = [&](const char* ext) {
    std::string e(ext);
    return path.size() >= e.size() && path.compare(path.size() - e.size(), e.size(), e) == 0;
  };
  if (ends(".html") || ends(".htm") || ends(".shtml")) return true;
  size_t i = text.find_first_not_of(" \t\r\n");
  return i != std::string_view::npos && text[i] == '<';
}

void RunScreen(const ScreenArgs& a, CliContext& ctx) {
  if (a.files.empty()) {
    ctx.Fail(kExitUsage, "请给出要检查的文件（或 - 表示标准输入）");
    return;
  }
  if (a.mask && a.files.size() != 1) {
    ctx.Fail(kExitUsage, "--mask 只能用于一个文件");
    return;
  }
  if (!a.profile.empty() && !ValidProfileName(a.profile)) {
    ctx.Fail(kExitUsage, "配置名“" + a.profile + "”无效（只能用字母、数字、- 和 _）");
    return;
  }
  Date date;
  if (!a.date.empty()) {
    auto d = Date::Parse(a.date);
    if (!d.ok()) {
      ctx.Fail(kExitUsage, d.status().UserMessage());
      return;
    }
    date = *d;
  } else {
    date = SystemClock().TodayInChina();
  }
  auto entries = LoadDictionaries(a, ctx);
  if (!entries.ok()) {
    ctx.Fail(kExitUsage, entries.status().UserMessage());
    return;
  }
  screening::ScreenOptions opts;
  opts.normalize = !a.no_normalize;
  opts.max_gap = a.max_gap;
  auto screener = screening::Screener::Create(std::move(entries).value(), opts);
  if (!screener.ok()) {
    ctx.Fail(kExitUsage, screener.status().UserMessage());
    return;
  }
  const screening::Screener& sc = **screener;

  // Files are independent: a site rescan spreads them over --jobs threads.
  struct Outcome {
    Status status;
    ScreenReport report;
    std::string masked;
  };
  std::vector<Outcome> outcomes(a.files.size());
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t i = next++; i < a.files.size(); i = next++) {
      Input in;
      Outcome& o = outcomes[i];
      o.status = in.Open(a.files[i]);
      if (!o.status.ok()) continue;
      bool html = a.input == "html" || (a.input == "auto" && LooksLikeHtml(a.files[i], in.view()));
      auto r = sc.Screen(
          in.view(), html ? screening::InputFormat::kHtml : screening::InputFormat::kText, date);
      if (!r.ok()) {
        o.status = r.status();
        continue;
      }
      o.report = std::move(r).value();
      if (a.mask) o.masked = screening::Screener::Mask(in.view(), o.report);
    }
  };
  int jobs = std::clamp(a.jobs, 1, 256);
  std::vector<std::thread> threads;
  for (int j = 1; j < jobs; ++j) threads.emplace_back(work);
  work();
  for (auto& t : threads) t.join();

  bool any_error = false;
  bool input_error = false;
  nlohmann::json files = nlohmann::json::array();
  for (size_t i = 0; i < a.files.size(); ++i) {
    const std::string& name = a.files[i] == "-" ? std::string("<stdin>") : a.files[i];
    Outcome& o = outcomes[i];
    if (!o.status.ok()) {
      *ctx.err << "错误：" << name << "：" << o.status.UserMessage() << "\n";
      input_error = true;
      if (a.format == "json") files.push_back({{"file", name}, {"error", o.status.UserMessage()}});
      continue;
    }
    any_error |= o.report.has_error;
    if (a.mask) {
      *ctx.out << o.masked;
    } else if (a.format == "json") {
      nlohmann::json fs = nlohmann::json::array();
      nlohmann::json all = nlohmann::json::array();
      for (const auto& f : o.report.findings) fs.push_back(FindingJson(f));
      for (const auto& f : o.report.all) all.push_back(FindingJson(f));
      files.push_back({{"file", name},
                       {"has_error", o.report.has_error},
                       {"findings", fs},
                       {"all_matches", all}});
    } else {
      *ctx.out << FormatText(name, o.report);
    }
  }
  if (a.format == "json" && !a.mask) {
    *ctx.out << nlohmann::json{{"date", date.ToString()}, {"files", files}}.dump(2) << "\n";
  }
  ctx.exit_code = input_error ? kExitUsage : any_error ? kExitFindings : kExitOk;
}

void RunDictAdd(const DictAddArgs& a, CliContext& ctx) {
  if (!ValidProfileName(a.profile)) {
    ctx.Fail(kExitUsage, "配置名“" + a.profile + "”无效（只能用字母、数字、- 和 _）");
    return;
  }
  DictionaryEntry e;
  e.term = a.term;
  auto cat = screening::ParseCategory(a.category);
  auto sev = screening::ParseSeverity(a.severity);
  Status st = !cat.ok() ? cat.status() : !sev.ok() ? sev.status() : Status::Ok();
  if (st.ok()) {
    e.category = *cat;
    e.severity = *sev;
    e.suggestion = a.suggestion;
    e.note = a.note;
    for (auto [text, slot] : {std::pair{&a.from, &e.valid_from}, std::pair{&a.to, &e.valid_to}}) {
      if (text->empty() || !st.ok()) continue;
      auto d = Date::Parse(*text);
      if (d.ok()) {
        *slot = *d;
      } else {
        st = d.status();
      }
    }
  }
  if (st.ok()) {
    // Check the term compiles (valid, not empty after normalisation).
    screening::ScreeningEngine probe;
    st = probe.Add(e.term).status();
  }
  auto path = AgencyDictPath(ctx, a.profile);
  if (st.ok() && !path.ok()) st = path.status();
  if (st.ok()) st = screening::AppendEntry(*path, e);
  if (!st.ok()) {
    ctx.Fail(kExitUsage, st.UserMessage());
    return;
  }
  *ctx.out << "已添加到 " << *path << "：" << screening::FormatEntry(e) << "\n";
}

}  // namespace

std::string BuiltinDictDir() {
  const char* env = std::getenv("GONGKAI_SCREENING_DIR");
  if (env != nullptr && *env != '\0') return env;
  return std::string(GONGKAI_SOURCE_DIR) + "/data/screening";
}

void AddScreenCommands(CLI::App& app, CliContext& ctx) {
  auto args = std::make_shared<ScreenArgs>();
  auto* cmd = app.add_subcommand("screen", "检查错敏词与隐私信息（FILE… 或 - 表示标准输入）");
  cmd->add_option("files", args->files, "要检查的文件（文本或 HTML）");
  cmd->add_option("--format", args->format, "输出格式")->check(CLI::IsMember({"text", "json"}));
  cmd->add_option("--profile", args->profile, "机构配置名：另加载 <数据目录>/screening/<名>.tsv");
  cmd->add_option("--dict", args->dicts, "另加的词库 TSV 文件（可多次）");
  cmd->add_option("--dict-dir", args->dict_dir, "内置词库目录（默认 data/screening）");
  cmd->add_flag("--no-builtin", args->no_builtin, "不加载内置词库");
  cmd->add_option("--input", args->input, "输入类型")
      ->check(CLI::IsMember({"auto", "text", "html"}));
  cmd->add_option("--date", args->date,
                  "文档日期 YYYY-MM-DD（默认今天），决定过时机构名称等是否适用");
  cmd->add_flag("--mask", args->mask, "输出把隐私信息替换为脱敏形式后的文本");
  cmd->add_flag("--no-normalize", args->no_normalize, "关闭规范化（全半角、大小写、繁简等）");
  cmd->add_option("--max-gap", args->max_gap, "词内允许跳过的干扰字符数")
      ->check(CLI::Range(0, 250));
  cmd->add_option("--jobs", args->jobs, "并行检查的文件数（全站扫描用）")
      ->check(CLI::Range(1, 256));
  cmd->add_option("--count", args->count_dict,
                  "基准测试：只输出 DICT（每行一个词）在文件中全部重叠匹配的个数，默认不规范化");
  cmd->add_flag("--normalize", args->normalize, "与 --count 合用：打开规范化");
  cmd->add_option("--sample", args->sample, "与 --count 合用：选择锚点用的频率样本文本");

  auto add = std::make_shared<DictAddArgs>();
  auto* dict = cmd->add_subcommand("dict", "管理机构自定义词库");
  auto* dict_add = dict->add_subcommand("add", "添加一个词条到 <数据目录>/screening/<配置名>.tsv");
  dict_add->add_option("term", add->term, "词条")->required();
  dict_add->add_option("--category", add->category,
                       "类别（错别字、规范表述、过时机构名称、敏感词、自定义、允许、保护）");
  dict_add->add_option("--severity", add->severity, "严重程度 error|warning|info");
  dict_add->add_option("--suggestion", add->suggestion, "建议的正确写法");
  dict_add->add_option("--from", add->from, "生效日期 YYYY-MM-DD");
  dict_add->add_option("--to", add->to, "失效日期 YYYY-MM-DD");
  dict_add->add_option("--note", add->note, "备注");
  dict_add->add_option("--profile", add->profile, "机构配置名");
  dict->require_subcommand(1);
  dict_add->callback([add, &ctx] { RunDictAdd(*add, ctx); });

  cmd->callback([cmd, dict, args, &ctx] {
    if (dict->parsed()) return;
    if (!args->count_dict.empty()) {
      RunCount(*args, ctx);
    } else {
      RunScreen(*args, ctx);
    }
  });
}

}  // namespace gongkai::cli

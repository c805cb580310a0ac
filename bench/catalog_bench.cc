// Catalog speed (issue 11, "Speed"; Google Benchmark). Build with -DGONGKAI_BENCH=ON:
//   scripts/build build/bench -DGONGKAI_BENCH=ON && build/bench/catalog_bench
// BM_Import100kJsonLines: an agency's 100,000 items (realistic Chinese titles, 1–3 KB bodies,
// generated here) imported from JSON lines into a fresh SQLite file — target < 60 s.
// BM_ListColumn{Live,Latest}: the first page (20) of a column of 10,000 published items through
// CatalogRepository::ListItems, live=true and live=false; the p99 of 500 calls is reported as
// the counter p99_ms — target < 20 ms.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <random>

#include "core/clock.h"
#include "services/catalog_import.h"
#include "storage/store.h"

namespace gongkai::services {
namespace {

const char* kTopics[] = {"工业园区", "安全生产", "节能降耗", "中小企业", "数字经济",
                         "技术改造", "招商引资", "营商环境", "减税降费", "信息化建设"};
const char* kKinds[] = {"关于开展", "关于印发", "关于做好", "关于公布", "关于进一步加强"};
const char* kEnds[] = {"工作的通知", "实施方案的通知", "专项行动的通知", "情况的报告", "的意见"};
const char* kSentence =
    "为深入贯彻落实党中央、国务院决策部署，进一步优化营商环境，推动我市工业经济高质量发展，"
    "结合我市实际，现就有关事项通知如下。";

// `n` items in column `column`, numbers 11360982MB1234567X/<year>-<seq>.
std::string Generate(int n, const std::string& column) {
  std::mt19937 rng(7);
  std::string out;
  out.reserve(static_cast<size_t>(n) * 2600);
  for (int i = 0; i < n; ++i) {
    int year = 2015 + i / 10000;
    int seq = i % 10000 + 1;
    char number[64];
    std::snprintf(number, sizeof number, "11360982MB1234567X/%d-%05d", year, seq);
    char date[16];
    std::snprintf(date, sizeof date, "%d-%02d-%02d", year, 1 + seq % 12, 1 + seq % 28);
    std::string title = std::string(kKinds[rng() % 5]) + kTopics[rng() % 10] + kEnds[rng() % 5];
    std::string body;
    size_t target = 1024 + rng() % 2048;
    for (int p = 1; body.size() < target; ++p) {
      body += "<p>" + std::to_string(p) + "、" + kSentence + "</p>";
    }
    out += R"({"type":"item","column":")" + column + R"(","index_number":")" + number +
           R"(","published_on":")" + date + R"(","written_on":")" + date + R"(","title":")" +
           title + R"(","doc_number":"樟工信字〔)" + std::to_string(year) + "〕" +
           std::to_string(seq) +
           R"(号","genre":"通知","theme":"工业、交通\\信息产业（含电信）","body_html":")" + body +
           "\"}\n";
  }
  return out;
}

struct Db {
  std::string path;
  std::unique_ptr<storage::Store> store;
  agency::AgencyId agency = 0;
  explicit Db(const std::string& name) : path("/tmp/gongkai_" + name + ".db") {
    std::remove(path.c_str());
    std::remove((path + "-wal").c_str());
    store = storage::OpenStore("sqlite:" + path).value();
    (void)store->Migrate();
    auto tx = store->Begin(storage::TxMode::kWrite).value();
    agency::Agency a;
    a.name = "樟树市工业和信息化局";
    a.short_name = "市工信局";
    a.credit_code = "11360982MB1234567X";
    agency = tx->agencies().Insert(a).value();
    (void)tx->Commit();
  }
};

void BM_Import100kJsonLines(benchmark::State& state) {
  const int n = static_cast<int>(state.range(0));
  std::string text = Generate(n, "zfwj");
  SystemClock clock;
  for (auto _ : state) {
    state.PauseTiming();
    Db db("import_bench");
    CatalogTransferService service(*db.store, clock);
    state.ResumeTiming();
    auto s =
        service.Import(account::Actor::Console(), db.agency, text, CatalogFormat::kJsonLines, {});
    if (!s.ok() || s->items != n) state.SkipWithError(s.status().ToString().c_str());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
  state.SetItemsProcessed(state.iterations() * n);
}
BENCHMARK(BM_Import100kJsonLines)->Arg(100000)->Iterations(1)->Unit(benchmark::kSecond);

void ListFirstPage(benchmark::State& state, bool live) {
  static Db* db = [] {
    auto* d = new Db("list_bench");
    SystemClock clock;
    CatalogTransferService service(*d->store, clock);
    auto s = service.Import(account::Actor::Console(), d->agency, Generate(10000, "zfwj"),
                            CatalogFormat::kJsonLines, {});
    if (!s.ok()) std::abort();
    return d;
  }();
  catalog::ColumnId column = 0;
  {
    auto tx = db->store->Begin(storage::TxMode::kRead).value();
    std::vector<catalog::Column> columns = tx->catalog().ListColumns(db->agency).value();
    for (const auto& c : columns) {
      if (c.code == "zfwj") column = c.id;
    }
  }
  std::vector<double> ms;
  for (auto _ : state) {
    auto start = std::chrono::steady_clock::now();
    auto tx = db->store->Begin(storage::TxMode::kRead).value();
    storage::ItemListQuery q;
    q.agency = db->agency;
    q.column = column;
    q.live = live;
    q.limit = 20;
    auto page = tx->catalog().ListItems(q);
    if (!page.ok() || page->items.size() != 20 || page->total != 10000) {
      state.SkipWithError("wrong page");
    }
    ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                     .count());
  }
  std::sort(ms.begin(), ms.end());
  state.counters["p99_ms"] = ms[static_cast<size_t>(static_cast<double>(ms.size()) * 0.99)];
  state.counters["p50_ms"] = ms[ms.size() / 2];
}
void BM_ListColumnLive(benchmark::State& state) { ListFirstPage(state, true); }
void BM_ListColumnLatest(benchmark::State& state) { ListFirstPage(state, false); }
BENCHMARK(BM_ListColumnLive)->Iterations(500)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ListColumnLatest)->Iterations(500)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace gongkai::services

BENCHMARK_MAIN();

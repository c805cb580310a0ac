// Annual report import and check speed (Google Benchmark). Build with -DGONGKAI_BENCH=ON:
//   cmake -B build/bench -DGONGKAI_BENCH=ON -DCMAKE_BUILD_TYPE=Release && ninja -C build/bench
//   report_parse_bench
// Inputs: the seed (../shared/seeds, 10.7 KB) and reports from the seeded generator rendered
// in each form. Bytes/s counts the input bytes.
#include <benchmark/benchmark.h>

#include <fstream>
#include <sstream>

#include "report/generator.h"
#include "report/import.h"
#include "report/render.h"
#include "report/validate.h"

namespace gongkai::report {
namespace {

std::string Seed() {
  std::ifstream in(std::string(GONGKAI_SOURCE_DIR) + "/tests/data/report/seed_2024_zhangshu.txt");
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void Import(benchmark::State& state, const std::string& input) {
  for (auto _ : state) {
    auto r = ImportReport(input);
    benchmark::DoNotOptimize(r);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * input.size()));
  state.SetItemsProcessed(state.iterations());
}

void BM_ImportSeedPipeForm(benchmark::State& state) { Import(state, Seed()); }
void BM_ImportText(benchmark::State& state) {
  Import(state, RenderText(GenerateReport(1, TemplateVersion::k2021)));
}
void BM_ImportPipe(benchmark::State& state) {
  Import(state, RenderPipeForm(GenerateReport(1, TemplateVersion::k2021)));
}
void BM_ImportMarkdown(benchmark::State& state) {
  Import(state, RenderMarkdown(GenerateReport(1, TemplateVersion::k2021)));
}
void BM_ImportHtml(benchmark::State& state) {
  Import(state, RenderHtml(GenerateReport(1, TemplateVersion::k2021)));
}
void BM_ImportJson(benchmark::State& state) {
  Import(state, RenderJson(GenerateReport(1, TemplateVersion::k2021)));
}
// A long narrative: the bulk of a real report is prose, which the reader must only copy.
void BM_ImportTextLongNarrative(benchmark::State& state) {
  AnnualReport r = GenerateReport(1, TemplateVersion::k2021);
  for (int i = 0; i < 40; ++i) r.sections[0] += "\n" + r.sections[4];
  Import(state, RenderText(r));
}
void BM_CheckReport(benchmark::State& state) {
  AnnualReport r = GenerateReport(1, TemplateVersion::k2021);
  for (auto _ : state) benchmark::DoNotOptimize(CheckReport(r));
  state.SetItemsProcessed(state.iterations());
}

BENCHMARK(BM_ImportSeedPipeForm);
BENCHMARK(BM_ImportText);
BENCHMARK(BM_ImportPipe);
BENCHMARK(BM_ImportMarkdown);
BENCHMARK(BM_ImportHtml);
BENCHMARK(BM_ImportJson);
BENCHMARK(BM_ImportTextLongNarrative);
BENCHMARK(BM_CheckReport);

}  // namespace
}  // namespace gongkai::report

BENCHMARK_MAIN();

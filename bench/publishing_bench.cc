// Publishing engine speed (Google Benchmark), built with -DGONGKAI_BENCH=ON:
//   publishing_bench                      sanitizer, diff, DOCX text
//   GONGKAI_BENCH_PDF=/tmp/5mb.pdf publishing_bench   also the PDF text of that file
// bench/README.md ("Publishing") says how the 5 MB PDF is made and lists the numbers.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "publishing/html_sanitizer.h"
#include "publishing/text_diff.h"
#include "publishing/text_extract.h"
#include "report/ooxml.h"

namespace gongkai::publishing {
namespace {

// About 50 KB of a typical body: headings, paragraphs with inline markup, a table, links.
std::string Body() {
  std::string html;
  for (int i = 0; html.size() < 50000; ++i) {
    html += "<h3>第" + std::to_string(i) +
            "部分</h3><p style=\"text-indent:2em\" onclick=x>"
            "根据《中华人民共和国政府信息公开条例》，本局<strong>主动公开</strong>政府信息 91 条，"
            "其中<a href=\"/items/" +
            std::to_string(i) +
            "\" target=_blank>工作动态</a> 49 条。"
            "&nbsp;</p><table><tr><td>栏目</td><td colspan=2>条数</td></tr></table>";
  }
  return html;
}

void BM_SanitizeBody50KB(benchmark::State& state) {
  const std::string body = Body();
  for (auto _ : state) benchmark::DoNotOptimize(SanitizeHtml(body));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * body.size()));
}
BENCHMARK(BM_SanitizeBody50KB);

void BM_HtmlToText50KB(benchmark::State& state) {
  const std::string body = SanitizeHtml(Body());
  for (auto _ : state) benchmark::DoNotOptimize(HtmlToText(body));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * body.size()));
}
BENCHMARK(BM_HtmlToText50KB);

void BM_DiffHtml50KB(benchmark::State& state) {
  const std::string a = HtmlToText(SanitizeHtml(Body()));
  std::string b = a;
  for (size_t pos = 100; pos < b.size(); pos += 5000) b.insert(pos - pos % 3, "修改");
  for (auto _ : state) benchmark::DoNotOptimize(DiffHtml(a, b));
}
BENCHMARK(BM_DiffHtml50KB);

void BM_PdfText(benchmark::State& state) {
  const char* path = std::getenv("GONGKAI_BENCH_PDF");
  if (path == nullptr) {
    state.SkipWithError("GONGKAI_BENCH_PDF not set");
    return;
  }
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  const std::string pdf = ss.str();
  for (auto _ : state) benchmark::DoNotOptimize(ExtractText(FileKind::kPdf, pdf));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * pdf.size()));
}
BENCHMARK(BM_PdfText)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace gongkai::publishing

BENCHMARK_MAIN();

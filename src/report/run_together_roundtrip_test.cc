// Generated reports rendered as run-together innerText read back: every cell the importer fills
// in is the generated value (never a wrong split), every row it leaves empty is reported (I5 or
// I2), and the share read back whole is measured.
#include <gtest/gtest.h>

#include "report/generator.h"
#include "report/import.h"
#include "report/render.h"
#include "report/report_test_util.h"

namespace gongkai::report {
namespace {

using testing::MustImport;

TEST(RunTogetherRoundTripTest, GeneratedReportsAreReadBackOrReportedNeverWrong) {
  int whole = 0, whole34 = 0, total = 0, wrong = 0, unreported = 0;
  for (uint64_t seed = 1; seed <= 400; ++seed) {
    AnnualReport r = GenerateReport(seed, TemplateVersion::k2021);
    auto res = MustImport(RenderRunTogether(r, seed % 2 == 0), InputFormat::kText);
    const AnnualReport& got = res.report;
    ++total;
    bool same = got.table2 == r.table2 && got.table3 == r.table3 && got.table4 == r.table4;
    whole += same ? 1 : 0;
    whole34 += got.table3 == r.table3 && got.table4 == r.table4 ? 1 : 0;
    int split_findings = 0;
    for (const auto& f : res.issues) split_findings += f.rule == "I5" || f.rule == "I2";
    auto compare = [&](const Value& a, const Value& b, const std::string& where) {
      if (a && a != b) {
        ++wrong;
        ADD_FAILURE() << "seed " << seed << " " << where << ": " << *a << " != " << *b;
      }
    };
    for (size_t i = 0; i < r.table2.size(); ++i) compare(got.table2[i], r.table2[i], "t2");
    for (size_t i = 0; i < r.table3.size(); ++i) {
      for (int c = 0; c < kTable3Columns; ++c) compare(got.table3[i][c], r.table3[i][c], "t3");
    }
    for (int c = 0; c < kTable4Columns; ++c) compare(got.table4[c], r.table4[c], "t4");
    if (!same && split_findings == 0) {
      ++unreported;
      ADD_FAILURE() << "seed " << seed << ": cells missing without a finding; first issue: "
                    << (res.issues.empty() ? "" : res.issues[0].message);
    }
  }
  EXPECT_EQ(wrong, 0);
  EXPECT_EQ(unreported, 0);
  std::printf("run-together round trip: %d of %d read back whole, %d with tables 三 and 四 whole\n",
              whole, total, whole34);
  // 表二's three-column rows (制发/废止/现行有效) have no arithmetic inside one year: most of them
  // can only be reported as ambiguous. Tables 三 and 四 are tied by their sums.
  EXPECT_EQ(whole, 82);
  EXPECT_EQ(whole34, 400);
}

}  // namespace
}  // namespace gongkai::report

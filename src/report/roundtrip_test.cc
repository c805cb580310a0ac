// Each renderer (textual, DOCX and XLSX) reads back through its importer to an identical report.
#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>
#include <iterator>

#include "report/generator.h"
#include "report/render.h"
#include "report/report_test_util.h"
#include "report/validate.h"

namespace gongkai::report {
namespace {

struct Form {
  const char* name;
  std::string (*render)(const AnnualReport&);
  InputFormat format;
};

const Form kForms[] = {{"txt", RenderText, InputFormat::kText},
                       {"md", RenderMarkdown, InputFormat::kMarkdown},
                       {"pipe", RenderPipeForm, InputFormat::kPipe},
                       {"html", RenderHtml, InputFormat::kHtml},
                       {"json", RenderJson, InputFormat::kJson}};

std::string XlsxBytes(const AnnualReport& r) {
  // One file per test process: ctest runs the tests of this file in parallel.
  std::string path = ::testing::TempDir() + "/roundtrip_test_" + std::to_string(getpid()) + ".xlsx";
  Status s = WriteXlsx(r, path);
  EXPECT_TRUE(s.ok()) << s.ToString();
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

std::string DocxBytes(const AnnualReport& r) {
  auto docx = RenderDocx(r);
  EXPECT_TRUE(docx.ok());
  return docx.ok() ? *docx : std::string();
}

// The binary forms: auto-detected from the ZIP's parts.
void ExpectBinaryRoundTrip(const AnnualReport& r, const std::string& what) {
  struct Binary {
    const char* name;
    std::string (*render)(const AnnualReport&);
  } binaries[] = {{"xlsx", XlsxBytes}, {"docx", DocxBytes}};
  for (const Binary& b : binaries) {
    auto back = ImportReport(b.render(r));
    ASSERT_TRUE(back.ok()) << what << " " << b.name << ": " << back.status().ToString();
    EXPECT_EQ(back->format, b.name);
    EXPECT_TRUE(back->complete) << what << " " << b.name;
    EXPECT_TRUE(back->issues.empty())
        << what << " " << b.name << ": " << back->issues.front().message;
    if (!(back->report == r)) {
      ADD_FAILURE() << what << " via " << b.name << " differs";
      EXPECT_EQ(RenderJson(back->report), RenderJson(r));
    }
  }
}

void ExpectRoundTrip(const AnnualReport& r, const std::string& what) {
  ExpectBinaryRoundTrip(r, what);
  for (const Form& f : kForms) {
    std::string rendered = f.render(r);
    EXPECT_EQ(DetectFormat(rendered), f.format) << what << " " << f.name;
    auto back = ImportReport(rendered);
    ASSERT_TRUE(back.ok()) << back.status().ToString();
    EXPECT_TRUE(back->complete) << what << " " << f.name;
    EXPECT_TRUE(back->issues.empty())
        << what << " " << f.name << ": " << back->issues.front().message;
    if (!(back->report == r)) {
      ADD_FAILURE() << what << " via " << f.name << " differs";
      EXPECT_EQ(RenderJson(back->report), RenderJson(r));
    }
  }
}

TEST(RoundTripTest, Seed) {
  auto seed = testing::MustImport(testing::ReadTestData("seed_2024_zhangshu.txt"));
  ExpectRoundTrip(seed.report, "seed");
}

TEST(RoundTripTest, GeneratedReportsOfBothTemplates) {
  for (auto v : {TemplateVersion::k2021, TemplateVersion::k2019}) {
    for (uint64_t seed = 0; seed < 40; ++seed) {
      ExpectRoundTrip(GenerateReport(seed, v), "seed " + std::to_string(seed));
    }
  }
}

TEST(RoundTripTest, ReportWithEmptyCellsAndNoIdentity) {
  AnnualReport r = GenerateReport(5, TemplateVersion::k2021);
  r.agency.clear();
  r.year = 0;
  r.preamble.clear();
  // Values missing in the middle of a row are kept as missing (and R7 fires), never shifted.
  r.table3[5][2] = std::nullopt;
  r.table2[1] = std::nullopt;
  for (const Form& f : kForms) {
    auto back = ImportReport(f.render(r));
    ASSERT_TRUE(back.ok());
    EXPECT_TRUE(back->report == r) << f.name << "\n" << RenderJson(back->report);
  }
  for (auto* render : {XlsxBytes, DocxBytes}) {
    auto back = ImportReport(render(r));
    ASSERT_TRUE(back.ok());
    EXPECT_TRUE(back->report == r) << back->format << "\n" << RenderJson(back->report);
  }
}

TEST(RoundTripTest, DocxAndXlsxAreWritten) {
  auto docx = RenderDocx(GenerateReport(1, TemplateVersion::k2021));
  ASSERT_TRUE(docx.ok());
  EXPECT_EQ(docx->substr(0, 4), "PK\x03\x04");
  std::string path = ::testing::TempDir() + "/report_test.xlsx";
  ASSERT_TRUE(WriteXlsx(GenerateReport(1, TemplateVersion::k2019), path).ok());
  std::ifstream in(path, std::ios::binary);
  std::string head(4, '\0');
  in.read(head.data(), 4);
  EXPECT_EQ(head, "PK\x03\x04");
}

}  // namespace
}  // namespace gongkai::report

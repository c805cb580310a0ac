// `gongkai app …` and `report compile` through the real binary.
#include <gtest/gtest.h>

#include "test_util.h"

namespace gongkai {
namespace {

using testing_util::RunGongkai;

class AppCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = testing_util::MakeTempDir();
    auto r = Run({"agency", "add", "--name", "樟树市工业和信息化局", "--short-name", "樟工信"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  testing_util::RunResult Run(std::vector<std::string> args) {
    args.insert(args.begin(), {"--data-dir", dir_});
    return RunGongkai(args);
  }
  std::string dir_;
};

TEST_F(AppCliTest, AddEventShowAndCompile) {
  auto add = Run({"app", "add", "--agency", "樟工信", "--id-number", "11010519491231002X", "--name",
                  "张三", "--phone", "13800000000", "--description", "请公开2023年企业名录",
                  "--date", "2024-10-08"});
  ASSERT_EQ(add.exit_code, 0) << add.err;
  EXPECT_EQ(add.out.substr(0, add.out.find('\n')),
            "已登记申请 樟工信依申〔2024〕1号（内部编号 1）");

  auto early = Run({"app", "event", "1", "--type", "fee_paid", "--date", "2024-10-09"});
  EXPECT_EQ(early.exit_code, 2);
  EXPECT_EQ(early.out, "");

  auto ev = Run({"app", "event", "樟工信依申〔2024〕1号", "--type", "decided", "--date",
                 "2024-10-25", "--outcome", "1"});
  ASSERT_EQ(ev.exit_code, 0) << ev.err;
  EXPECT_EQ(ev.out, "已记录：2024-10-25 作出答复\n");

  auto show = Run({"app", "show", "1", "--as-of", "2024-10-25"});
  ASSERT_EQ(show.exit_code, 0) << show.err;
  EXPECT_NE(show.out.find("申请 樟工信依申〔2024〕1号（内部编号 1）\n机构：樟树市工业和信息化局\n"
                          "渠道：当面\n申请人：张三（自然人）\n"),
            std::string::npos)
      << show.out;
  EXPECT_NE(show.out.find("状态：已办结\n收到日期：2024-10-08\n答复期限：2024-11-04\n"),
            std::string::npos)
      << show.out;
  EXPECT_NE(
      show.out.find(
          "  1. 2024-10-08 提交申请（cli）\n  2. 2024-10-25 作出答复 （一）予以公开（cli）\n"),
      std::string::npos)
      << show.out;

  auto compile = Run({"report", "compile", "--agency", "樟工信", "--year", "2024"});
  ASSERT_EQ(compile.exit_code, 0) << compile.err;
  EXPECT_NE(compile.out.find("\n1\t一、本年新收政府信息公开申请数量\t1\t0\t0\t0\t0\t0\t1\n"),
            std::string::npos)
      << compile.out;
  EXPECT_NE(compile.out.find("\n3.1\t三、本年度办理结果（一）予以公开\t1\t0\t0\t0\t0\t0\t1\n"),
            std::string::npos);
  auto cell = Run({"report", "compile", "--agency", "樟工信", "--year", "2024", "--cell", "3.1:1"});
  ASSERT_EQ(cell.exit_code, 0) << cell.err;
  EXPECT_EQ(cell.out, "三、本年度办理结果（一）予以公开 · 自然人：1\n  樟工信依申〔2024〕1号\n");

  auto exported = Run({"app", "export", "--agency", "樟工信"});
  ASSERT_EQ(exported.exit_code, 0) << exported.err;
  EXPECT_EQ(exported.out.rfind("{\"schema\":\"gongkai.application\",\"version\":1,", 0), 0u);
}

// The `app` commands and `report compile` take the calendar's files like `calendar` does: a
// regional rest day on Wednesday 2024-10-30 (--override) moves the due date of an application
// received on 2024-10-08 from Monday 11-04 to Tuesday 11-05; bad files are input errors.
TEST_F(AppCliTest, HolidayFilesFromTheCommandLine) {
  const std::string regional = dir_ + "/regional.tsv";
  testing_util::WriteFile(regional, "date\tkind\tname\n2024-10-30\tholiday\t本地假日\n");
  auto add = Run({"app", "add", "--agency", "樟工信", "--id-number", "11010519491231002X", "--name",
                  "张三", "--phone", "13800000000", "--description", "请公开2023年企业名录",
                  "--date", "2024-10-08", "--override", regional});
  ASSERT_EQ(add.exit_code, 0) << add.err;
  auto show = Run({"app", "show", "1", "--as-of", "2024-10-25", "--override", regional});
  ASSERT_EQ(show.exit_code, 0) << show.err;
  EXPECT_NE(show.out.find("答复期限：2024-11-05\n"), std::string::npos) << show.out;
  auto plain = Run({"app", "show", "1", "--as-of", "2024-10-25"});
  ASSERT_EQ(plain.exit_code, 0) << plain.err;
  EXPECT_NE(plain.out.find("答复期限：2024-11-04\n"), std::string::npos) << plain.out;

  // A file that does not parse is an input error, reported before anything is read or written.
  const std::string broken = dir_ + "/broken.tsv";
  testing_util::WriteFile(broken, "date\tkind\tname\n2024-13-01\tholiday\tx\n");
  auto bad = Run({"app", "list", "--agency", "樟工信", "--override", broken});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_EQ(bad.out, "");
  EXPECT_EQ(bad.err.rfind("错误：", 0), 0u) << bad.err;
  auto compile = Run({"report", "compile", "--agency", "樟工信", "--year", "2024", "--holidays",
                      dir_ + "/missing.tsv"});
  EXPECT_EQ(compile.exit_code, 2);
  // An option `app` does not know is still refused.
  EXPECT_EQ(Run({"app", "list", "--agency", "樟工信", "--no-such-flag"}).exit_code, 2);
}

// An ordinary letter arrives on Saturday 2024-09-28 and is confirmed with the applicant on
// Monday 2024-09-30: the confirmation is the receipt date (Art. 31(2)), 国庆 is skipped and the
// 调休 Saturday 2024-10-12 counts, so 20 working days end on Friday 2024-11-01. A registered
// letter signed for on the 调休 Sunday 2024-09-29 starts counting on 09-30 and ends on 10-31.
TEST_F(AppCliTest, OrdinaryLetterConfirmedLaterCountsFromTheConfirmation) {
  auto add = Run({"app", "add", "--agency", "樟工信", "--channel", "ordinary_letter", "--id-number",
                  "11010519491231002X", "--name", "张三", "--address", "樟树市药都南大道1号",
                  "--description", "请公开2024年技改项目清单", "--date", "2024-09-28",
                  "--awaiting-receipt"});
  ASSERT_EQ(add.exit_code, 0) << add.err;
  auto pending = Run({"app", "show", "1", "--as-of", "2024-09-29"});
  EXPECT_NE(pending.out.find("状态：待确认收到\n"), std::string::npos) << pending.out;
  ASSERT_EQ(Run({"app", "event", "1", "--type", "confirmed", "--date", "2024-09-30"}).exit_code, 0);
  auto show = Run({"app", "show", "1", "--as-of", "2024-10-08"});
  EXPECT_NE(show.out.find("收到日期：2024-09-30\n答复期限：2024-11-01\n"), std::string::npos)
      << show.out;

  auto same = Run({"app", "add", "--agency", "樟工信", "--channel", "registered_letter",
                   "--id-number", "11010519491231002X", "--name", "张三", "--address", "樟树市",
                   "--description", "另一件", "--date", "2024-09-27", "--received", "2024-09-29"});
  ASSERT_EQ(same.exit_code, 0) << same.err;
  auto signed_for = Run({"app", "show", "2", "--as-of", "2024-10-08"});
  EXPECT_NE(signed_for.out.find("收到日期：2024-09-29\n答复期限：2024-10-31\n"), std::string::npos)
      << signed_for.out;
  auto in_person = Run({"app", "add", "--agency", "樟工信", "--id-number", "11010519491231002X",
                        "--name", "张三", "--phone", "13800000000", "--description", "x", "--date",
                        "2024-09-27", "--received", "2024-09-29"});
  EXPECT_EQ(in_person.exit_code, 2);
  EXPECT_EQ(in_person.err, "错误：当面提交的申请以提交之日为收到日期，不能另给 --received\n");
}

// The reply letter of a registered application, from its ledger: refused before the decision,
// then HTML with the number, the article cited and the remedy, and a DOCX file.
TEST_F(AppCliTest, LetterOfARegisteredApplication) {
  ASSERT_EQ(Run({"app", "add", "--agency", "樟工信", "--id-number", "11010519491231002X", "--name",
                 "张三", "--phone", "13800000000", "--description", "请公开2023年企业名录",
                 "--date", "2024-10-08"})
                .exit_code,
            0);
  auto early = Run({"app", "letter", "1", "--kind", "答复书"});
  EXPECT_EQ(early.exit_code, 2);
  EXPECT_EQ(early.err, "错误：申请尚未作出答复，也未指定答复结果，不能生成答复书\n");
  ASSERT_EQ(
      Run({"app", "event", "1", "--type", "decided", "--date", "2024-10-25", "--outcome", "1"})
          .exit_code,
      0);
  // The agency has no 救济途径 yet: the reply is refused, naming the setting; then it is set.
  auto unset = Run({"app", "letter", "1"});
  EXPECT_EQ(unset.exit_code, 2);
  EXPECT_EQ(unset.err,
            "错误：机构“樟树市工业和信息化局”尚未设置救济途径中的“行政复议机关”和“人民法院”，不能"
            "生成答复书：请在管理后台“机构”中填写该机构的“行政复议机关”和“人民法院”（命令行："
            "gongkai agency set），或在本件文书中填写\n");
  auto set = Run({"agency", "set", "樟工信", "--reconsideration-body", "樟树市人民政府", "--court",
                  "樟树市人民法院"});
  ASSERT_EQ(set.exit_code, 0) << set.err;
  EXPECT_EQ(set.out,
            "已修改机构 #1 "
            "樟树市工业和信息化局\n行政复议机关：樟树市人民政府\n人民法院：樟树市人民法院\n");
  auto html = Run({"app", "letter", "樟工信依申〔2024〕1号"});
  ASSERT_EQ(html.exit_code, 0) << html.err;
  EXPECT_NE(html.out.find("六十日内向樟树市人民政府申请行政复议，或者在六个月内向樟树市人民法院提起"
                          "行政诉讼。"),
            std::string::npos);
  // Dated the day of the decision, not the day it is printed.
  EXPECT_NE(html.out.find("<p class=\"date\">二〇二四年十月二十五日</p>"), std::string::npos);
  EXPECT_NE(html.out.find("樟工信依申答〔2024〕1号"), std::string::npos);
  EXPECT_NE(html.out.find("本机关于2024年10月8日收到你提出的政府信息公开申请"), std::string::npos);
  EXPECT_NE(html.out.find("第三十六条第（二）项"), std::string::npos);
  EXPECT_NE(html.out.find("六十日内"), std::string::npos);
  const std::string docx = dir_ + "/reply.docx";
  auto file = Run({"app", "letter", "1", "--to", "docx", "-o", docx});
  ASSERT_EQ(file.exit_code, 0) << file.err;
  EXPECT_EQ(file.out, "已生成 政府信息公开申请答复书（樟工信依申答〔2024〕1号）：" + docx + "\n");
  EXPECT_EQ(testing_util::ReadFile(docx).substr(0, 2), "PK");
}

// `app event` refuses a decision listing a code twice (the probe's F1) and an event whose clock
// cannot be computed (F2: with a calendar of 2100 only, an extension of an application received
// on 2100-12-01 runs into 2101): exit 2, the Chinese reason, nothing recorded.
TEST_F(AppCliTest, RefusedEventsAreNotRecorded) {
  ASSERT_EQ(Run({"app", "add", "--agency", "樟工信", "--id-number", "11010519491231002X", "--name",
                 "张三", "--phone", "13800000000", "--description", "请公开2023年企业名录",
                 "--date", "2024-10-08"})
                .exit_code,
            0);
  auto twice = Run({"app", "event", "1", "--type", "decided", "--date", "2024-10-25", "--outcome",
                    "1", "--outcome", "3.5", "--outcome", "1"});
  EXPECT_EQ(twice.exit_code, 2);
  EXPECT_EQ(twice.out, "");
  EXPECT_EQ(twice.err, "错误：办理结果“（一）予以公开”重复，每项办理结果在一次答复中只能列一次\n");
  auto show = Run({"app", "show", "1", "--as-of", "2024-10-25"});
  EXPECT_NE(show.out.find("状态：办理中\n"), std::string::npos) << show.out;

  const std::string holidays = dir_ + "/2100.tsv";
  testing_util::WriteFile(holidays, testing_util::kHolidays2100);
  auto add = Run({"app", "add", "--agency", "樟工信", "--id-number", "11010519491231002X", "--name",
                  "张三", "--phone", "13800000000", "--description", "请公开2100年企业名录",
                  "--date", "2100-12-01", "--holidays", holidays});
  ASSERT_EQ(add.exit_code, 0) << add.err;
  auto extension = Run({"app", "event", "2", "--type", "extension_approved", "--date", "2100-12-02",
                        "--days", "5", "--party", "局长", "--holidays", holidays});
  EXPECT_EQ(extension.exit_code, 2);
  EXPECT_EQ(extension.err,
            "错误：无法计算答复期限，未予记录：工作日历未包含2101年的节假日安排（已覆盖2100年，可预"
            "计2008–2100年）\n");
  auto after = Run({"app", "show", "2", "--as-of", "2100-12-02", "--holidays", holidays});
  ASSERT_EQ(after.exit_code, 0) << after.err;
  EXPECT_NE(after.out.find("答复期限：2100-12-29\n"), std::string::npos) << after.out;
  EXPECT_EQ(after.out.find("延长答复期限"), std::string::npos) << after.out;
}

TEST_F(AppCliTest, NumberingAndBadInput) {
  auto num = Run({"app", "numbering", "--agency", "樟工信", "--pattern", "工信〔{year}〕{seq3}"});
  ASSERT_EQ(num.exit_code, 0) << num.err;
  EXPECT_EQ(num.out, "编号格式：工信〔{year}〕{seq3}\n");
  auto add = Run({"app", "add", "--agency", "樟工信", "--id-number", "11010519491231002X", "--name",
                  "张三", "--phone", "1", "--description", "某文件", "--date", "2024-10-08"});
  ASSERT_EQ(add.exit_code, 0) << add.err;
  EXPECT_EQ(add.out.substr(0, add.out.find('\n')), "已登记申请 工信〔2024〕001（内部编号 1）");
  auto bad = Run({"app", "add", "--agency", "樟工信", "--id-number", "110105194912310021", "--name",
                  "张三", "--phone", "1", "--description", "某文件"});
  EXPECT_EQ(bad.exit_code, 2);
}

TEST_F(AppCliTest, ExportImportRoundTripThroughTheBinary) {
  ASSERT_EQ(Run({"app", "add", "--agency", "樟工信", "--channel", "registered_letter",
                 "--id-number", "11010519491231002X", "--name", "张三", "--address",
                 "樟树市某路1号", "--description", "某文件", "--date", "2024-10-08"})
                .exit_code,
            0);
  auto first = Run({"app", "export", "--agency", "樟工信"});
  ASSERT_EQ(first.exit_code, 0) << first.err;
  std::string file = dir_ + "/apps.jsonl";
  testing_util::WriteFile(file, first.out);
  std::string other = testing_util::MakeTempDir();
  auto in_other = [&](std::vector<std::string> args) {
    args.insert(args.begin(), {"--data-dir", other});
    return RunGongkai(args);
  };
  ASSERT_EQ(in_other({"agency", "add", "--name", "樟树市工业和信息化局"}).exit_code, 0);
  auto imported = in_other({"app", "import", file});
  ASSERT_EQ(imported.exit_code, 0) << imported.err;
  EXPECT_EQ(imported.out, "已导入 1 件申请\n");
  EXPECT_EQ(in_other({"app", "export", "--agency", "1"}).out, first.out);
  testing_util::WriteFile(file, "\n{\"schema\":\"x\"}\n");
  auto bad = in_other({"app", "import", file});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("第2行："), std::string::npos) << bad.err;
}

}  // namespace
}  // namespace gongkai

namespace gongkai {
namespace {

// The approval chain and the 更正 through the CLI: a decision approved on paper with its signers,
// a 更正 recounted by `report compile`, and `app approval-chain`.
TEST_F(AppCliTest, PaperApprovalCorrectionAndChain) {
  auto add = Run({"app", "add", "--agency", "樟工信", "--id-number", "11010519491231002X", "--name",
                  "张三", "--phone", "13800000000", "--description", "请公开2023年企业名录",
                  "--date", "2024-10-08"});
  ASSERT_EQ(add.exit_code, 0) << add.err;
  auto chain = Run({"app", "approval-chain", "--agency", "樟工信"});
  ASSERT_EQ(chain.exit_code, 0) << chain.err;
  EXPECT_EQ(chain.out,
            "答复审批链：拟办（依申请公开经办人） → 法制审核（法制审核） → 签发（签发领导）\n");
  auto wrong = Run({"app", "event", "1", "--type", "decided", "--date", "2024-10-25", "--outcome",
                    "1", "--approved-by", "签发=王五"});
  EXPECT_EQ(wrong.exit_code, 2);
  EXPECT_NE(wrong.err.find("逐步填写：法制审核=姓名,签发=姓名"), std::string::npos) << wrong.err;
  auto paper = Run({"app", "event", "1", "--type", "decided", "--date", "2024-10-25", "--outcome",
                    "1", "--approved-by", "法制审核=李四,签发=王五", "--drafted-by", "张经办"});
  ASSERT_EQ(paper.exit_code, 0) << paper.err;
  EXPECT_EQ(paper.out,
            "已记录：2024-10-25 拟办答复 → 法制审核（李四） → 签发（王五） → 作出答复\n");
  auto fix = Run({"app", "event", "1", "--type", "corrected", "--date", "2024-10-28", "--outcome",
                  "3.4", "--reason", "涉及第三方商业秘密"});
  ASSERT_EQ(fix.exit_code, 0) << fix.err;
  auto show = Run({"app", "show", "1", "--as-of", "2024-10-28"});
  ASSERT_EQ(show.exit_code, 0) << show.err;
  EXPECT_NE(show.out.find(
                "  2. 2024-10-25 拟办答复 （一）予以公开（张经办）\n"
                "  3. 2024-10-25 审批通过 法制审核（李四）\n"
                "  4. 2024-10-25 审批通过 签发（王五）\n"
                "  5. 2024-10-25 作出答复 （一）予以公开（cli）\n"
                "  6. 2024-10-28 更正答复 （三）不予公开4.保护第三方合法权益 理由：涉及第三方商业"
                "秘密（cli）\n"),
            std::string::npos)
      << show.out;
  // report compile counts the corrected outcome: （一） 0, （三）4 1 (the application behind it).
  auto cell = [&](const std::string& ref) {
    auto r = Run({"report", "compile", "--agency", "樟工信", "--year", "2024", "--cell", ref});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return r.out;
  };
  EXPECT_NE(cell("（一）").find("（一）予以公开 · 总计：0\n"), std::string::npos) << cell("（一）");
  EXPECT_NE(cell("（三）4").find("保护第三方合法权益 · 总计：1\n  樟工信依申〔2024〕1号\n"),
            std::string::npos)
      << cell("（三）4");
  auto none = Run({"app", "approval-chain", "--agency", "樟工信", "--set", "none"});
  ASSERT_EQ(none.exit_code, 0) << none.err;
  EXPECT_EQ(none.out, "答复审批链：不经审批（即时生效）\n");
  auto bad = Run({"app", "approval-chain", "--agency", "樟工信", "--set", "拟办:nobody"});
  EXPECT_EQ(bad.exit_code, 2);
}

}  // namespace
}  // namespace gongkai

// The two annual report templates, as data. Source: ../shared/spec/statutory-rules.md §1.2–1.5
// (2021 format, 国办公开办函〔2021〕30号) and §1.7 (2019 试行 format). Labels are the official
// spellings with full-width brackets; `variants` are the other spellings met in published reports
// (compared after NormalizeLabel, so width, spaces and quotes never need a variant of their own).
#include "report/report_template.h"

#include <algorithm>
#include <initializer_list>

#include "report/flat_label_table.h"
#include "report/header_labels.h"
#include "report/text_util.h"

namespace gongkai::report {
namespace {

using LabelSet = FlatLabelTable<char>;  // a set: the value is unused

constexpr const char* kResults = "三、本年度办理结果";

std::vector<Table3Row> Table3Rows(TemplateVersion v) {
  std::vector<Table3Row> rows = {
      {"1", "", "", "一、本年新收政府信息公开申请数量", {"本年新收政府信息公开申请数量"}},
      {"2", "", "", "二、上年结转政府信息公开申请数量", {"上年结转政府信息公开申请数量"}},
      {"3.1", kResults, "", "（一）予以公开", {"予以公开"}},
      {"3.2",
       kResults,
       "",
       "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
       {"（二）部分公开", "部分公开", "部分公开（区分处理的，只计这一情形，不计其他情形）"}},
  };
  const char* g3 = "（三）不予公开";
  const char* l3[] = {"1.属于国家秘密",       "2.其他法律行政法规禁止公开", "3.危及“三安全一稳定”",
                      "4.保护第三方合法权益", "5.属于三类内部事务信息",     "6.属于四类过程性信息",
                      "7.属于行政执法案卷",   "8.属于行政查询事项"};
  for (int i = 0; i < 8; ++i)
    rows.push_back({"3.3." + std::to_string(i + 1), kResults, g3, l3[i], {}});
  const char* g4 = "（四）无法提供";
  const char* l4[] = {"1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作",
                      "3.补正后申请内容仍不明确"};
  for (int i = 0; i < 3; ++i)
    rows.push_back({"3.4." + std::to_string(i + 1), kResults, g4, l4[i], {}});
  const char* g5 = "（五）不予处理";
  const char* l5[] = {"1.信访举报投诉类申请", "2.重复申请", "3.要求提供公开出版物",
                      "4.无正当理由大量反复申请", "5.要求行政机关确认或重新出具已获取信息"};
  for (int i = 0; i < 5; ++i)
    rows.push_back({"3.5." + std::to_string(i + 1), kResults, g5, l5[i], {}});
  if (v == TemplateVersion::k2021) {
    const char* g6 = "（六）其他处理";
    rows.push_back({"3.6.1",
                    kResults,
                    g6,
                    "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
                    {"1.申请人无正当理由逾期不补正，行政机关不再处理其政府信息公开申请"}});
    rows.push_back({"3.6.2",
                    kResults,
                    g6,
                    "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
                    {"2.申请人逾期未按收费通知要求缴纳费用，行政机关不再处理其政府信息公开申请"}});
    rows.push_back({"3.6.3", kResults, g6, "3.其他", {}});
  } else {
    rows.push_back({"3.6", kResults, "", "（六）其他处理", {"其他处理"}});
  }
  rows.push_back({"3.7", kResults, "", "（七）总计", {"总计"}});
  rows.push_back({"4", "", "", "四、结转下年度继续办理", {"结转下年度继续办理"}});
  return rows;
}

ReportTemplate Make(TemplateVersion v) {
  ReportTemplate t;
  t.version = v;
  t.headings = {"一、总体情况",
                "二、主动公开政府信息情况",
                "三、收到和处理政府信息公开申请情况",
                "四、政府信息公开行政复议、行政诉讼情况",
                "五、存在的主要问题及改进情况",
                "六、其他需要报告的事项"};
  t.table2_label_header = "信息内容";
  using K = ValueKind;
  if (v == TemplateVersion::k2021) {
    t.table2 = {
        {"第二十条第（一）项",
         {"本年制发件数", "本年废止件数", "现行有效件数"},
         {K::kCount, K::kCount, K::kCount},
         {"规章", "行政规范性文件"},
         {{}, {"规范性文件"}}},
        {"第二十条第（五）项", {"本年处理决定数量"}, {K::kCount}, {"行政许可"}, {{}}},
        {"第二十条第（六）项",
         {"本年处理决定数量"},
         {K::kCount},
         {"行政处罚", "行政强制"},
         {{}, {}}},
        {"第二十条第（八）项",
         {"本年收费金额（单位：万元）"},
         {K::kAmount},
         {"行政事业性收费"},
         {{}}},
    };
  } else {
    t.table2 = {
        {"第二十条第（一）项",
         {"本年新制作数量", "本年新公开数量", "对外公开总数量"},
         {K::kCount, K::kCount, K::kCount},
         {"规章", "规范性文件"},
         {{}, {"行政规范性文件"}}},
        {"第二十条第（五）项",
         {"上一年项目数量", "本年增/减", "处理决定数量"},
         {K::kCount, K::kSignedCount, K::kCount},
         {"行政许可", "其他对外管理服务事项"},
         {{}, {}}},
        {"第二十条第（六）项",
         {"上一年项目数量", "本年增/减", "处理决定数量"},
         {K::kCount, K::kSignedCount, K::kCount},
         {"行政处罚", "行政强制"},
         {{}, {}}},
        {"第二十条第（八）项",
         {"上一年项目数量", "本年增/减"},
         {K::kCount, K::kSignedCount},
         {"行政事业性收费"},
         {{}}},
        {"第二十条第（九）项",
         {"采购项目数量", "采购总金额"},
         {K::kCount, K::kAmount},
         {"政府集中采购"},
         {{}}},
    };
  }
  t.table3_note = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";
  t.table3_applicant = "申请人情况";
  t.table3_legal_person = "法人或其他组织";
  t.table3_subtotal = "小计";
  t.table3_columns = {"自然人",       "商业企业", "科研机构", "社会公益组织",
                      "法律服务机构", "其他",     "总计"};
  t.table3 = Table3Rows(v);
  t.table4_review = "行政复议";
  t.table4_litigation = "行政诉讼";
  t.table4_direct = "未经复议直接起诉";
  t.table4_after = "复议后起诉";
  t.table4_outcomes = {"结果维持", "结果纠正", "其他结果", "尚未审结", "总计"};
  return t;
}

}  // namespace

const char* TemplateVersionName(TemplateVersion v) {
  return v == TemplateVersion::k2021 ? "2021" : "2019";
}

const char* TemplateVersionChinese(TemplateVersion v) {
  return v == TemplateVersion::k2021 ? "2021 年格式" : "2019 年试行格式";
}

const ReportTemplate& GetTemplate(TemplateVersion v) {
  static const ReportTemplate k2021 = Make(TemplateVersion::k2021);
  static const ReportTemplate k2019 = Make(TemplateVersion::k2019);
  return v == TemplateVersion::k2021 ? k2021 : k2019;
}

int ReportTemplate::Table2CellCount() const {
  int n = 0;
  for (const auto& b : table2) n += static_cast<int>(b.rows.size() * b.kinds.size());
  return n;
}

int ReportTemplate::Table2CellIndex(int block, int row, int col) const {
  int n = 0;
  for (int b = 0; b < block; ++b)
    n += static_cast<int>(table2[b].rows.size() * table2[b].kinds.size());
  return n + row * static_cast<int>(table2[block].kinds.size()) + col;
}

ValueKind ReportTemplate::Table2Kind(int cell) const {
  for (const auto& b : table2) {
    int size = static_cast<int>(b.rows.size() * b.kinds.size());
    if (cell < size) return b.kinds[cell % b.kinds.size()];
    cell -= size;
  }
  return ValueKind::kCount;
}

std::string ReportTemplate::Table2CellName(int cell) const {
  for (const auto& b : table2) {
    int size = static_cast<int>(b.rows.size() * b.kinds.size());
    if (cell < size) {
      return b.rows[cell / b.kinds.size()] + " · " + b.headers[cell % b.kinds.size()];
    }
    cell -= size;
  }
  return "?";
}

int ReportTemplate::Table3RowIndex(std::string_view id) const {
  for (size_t i = 0; i < table3.size(); ++i) {
    if (table3[i].id == id) return static_cast<int>(i);
  }
  return -1;
}

std::string ReportTemplate::Table3RowName(int row) const {
  const Table3Row& r = table3[row];
  if (r.block.empty()) return r.label;
  if (r.group.empty()) return "三、" + r.label;
  return "三、" + r.group + " " + r.label;
}

std::string ReportTemplate::Table4ColumnName(int col) const {
  if (col < 5) return table4_review + " · " + table4_outcomes[col];
  const std::string& sub = col < 10 ? table4_direct : table4_after;
  return table4_litigation + " · " + sub + " · " + table4_outcomes[col % 5];
}

namespace {

// Every header, caption and group label of a template, normalised, with the distinct label
// lengths (longest first) and the labels' first three bytes, so a run of labels is split
// without trying every length at every position.
struct HeaderLabels {
  LabelSet set;
  std::vector<size_t> lengths;
  LabelSet heads;
};

HeaderLabels BuildHeaderLabels(const ReportTemplate& tt) {
  HeaderLabels h;
  auto add = [&h](std::string_view x) { h.set.Insert(NormalizeLabel(x), 1); };
  add(tt.table2_label_header);
  for (const auto& b : tt.table2) {
    add(b.caption);
    for (const auto& hd : b.headers) add(hd);
  }
  add(tt.table3_note);
  add("（本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和）");
  add(tt.table3_applicant);
  add(tt.table3_legal_person);
  add("法人或者其他组织");
  add(tt.table3_subtotal);
  for (const auto& c : tt.table3_columns) add(c);
  add(kResults);
  add("本年度办理结果");
  for (const auto& r : tt.table3) {
    if (!r.group.empty()) add(r.group);
  }
  add(tt.table4_review);
  add(tt.table4_litigation);
  add(tt.table4_direct);
  add(tt.table4_after);
  for (const auto& o : tt.table4_outcomes) add(o);
  for (const auto& l : h.set.keys()) {
    if (std::find(h.lengths.begin(), h.lengths.end(), l.size()) == h.lengths.end()) {
      h.lengths.push_back(l.size());
    }
    if (l.size() >= 3) h.heads.Insert(l.substr(0, 3), 1);
  }
  std::sort(h.lengths.rbegin(), h.lengths.rend());
  return h;
}

const HeaderLabels& HeaderLabelsFor(const ReportTemplate& t) {
  static const HeaderLabels k2021 = BuildHeaderLabels(GetTemplate(TemplateVersion::k2021));
  static const HeaderLabels k2019 = BuildHeaderLabels(GetTemplate(TemplateVersion::k2019));
  return t.version == TemplateVersion::k2021 ? k2021 : k2019;
}

}  // namespace

bool IsKnownHeaderLabel(const ReportTemplate& t, std::string_view normalized) {
  return HeaderLabelsFor(t).set.Contains(normalized);
}

bool IsKnownHeaderRun(const ReportTemplate& t, std::string_view n) {
  if (n.empty()) return false;
  const HeaderLabels& h = HeaderLabelsFor(t);
  size_t pos = 0;
  while (pos < n.size()) {
    // Longest label first, as a label may begin with a shorter one.
    if (n.size() - pos < 3 || !h.heads.Contains(n.substr(pos, 3))) return false;
    size_t best = 0;
    for (size_t len : h.lengths) {
      if (len < 3 || len > 240 || len > n.size() - pos) continue;
      if (h.set.Contains(n.substr(pos, len))) {
        best = len;
        break;
      }
    }
    if (best == 0) return false;
    pos += best;
  }
  return true;
}

bool MayStartHeaderRun(const ReportTemplate& t, std::string_view head) {
  return head.size() >= 3 && HeaderLabelsFor(t).heads.Contains(head.substr(0, 3));
}

int TemplateSignature(std::string_view n) {
  auto make = [](std::initializer_list<std::string_view> labels) {
    LabelSet set;
    for (std::string_view l : labels) set.Insert(NormalizeLabel(l), 1);
    return set;
  };
  static const LabelSet k2021 =
      make({"本年制发件数", "本年废止件数", "现行有效件数", "本年处理决定数量",
            "本年收费金额（单位：万元）", "本年收费金额"});
  static const LabelSet k2019 = make({"本年新制作数量", "本年新公开数量", "对外公开总数量",
                                      "上一年项目数量", "政府集中采购", "其他对外管理服务事项"});
  if (k2021.Contains(n)) return 1;
  if (k2019.Contains(n)) return -1;
  return 0;
}

int MatchHeading(std::string_view n) {
  static const char* kNumerals[] = {"一、", "二、", "三、", "四、", "五、", "六、"};
  // Keywords of each heading, official and paraphrased (§1.2 note).
  static const std::vector<std::vector<std::string>> kKeys = {
      {"总体情况", "概述", "基本情况"},
      {"主动公开"},
      {"收到和处理", "依申请", "申请情况"},
      {"复议", "诉讼"},
      {"问题", "改进"},
      {"其他需要报告", "其他事项"},
  };
  if (n.size() > 150) return -1;
  for (int i = 0; i < 6; ++i) {
    std::string_view num = kNumerals[i];
    if (n.substr(0, num.size()) != num) continue;
    for (const auto& k : kKeys[i]) {
      if (n.find(k) != std::string_view::npos) return i;
    }
    return -1;
  }
  return -1;
}

}  // namespace gongkai::report

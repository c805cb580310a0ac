#include "report/generator.h"

#include <fmt/format.h>

#include <random>

namespace gongkai::report {
namespace {

const char* kPlaces[] = {"樟树市", "丰城市", "高安市", "宜春市袁州区", "靖安县",
                         "奉新县", "上高县", "宜丰县", "铜鼓县",       "万载县"};
const char* kAgencies[] = {"工业和信息化局", "人民政府办公室", "教育体育局",       "财政局",
                           "自然资源局",     "生态环境局",     "住房和城乡建设局", "交通运输局",
                           "农业农村局",     "卫生健康委员会", "市场监督管理局",   "人民政府"};
const char* kPhrases[] = {
    "坚持以人民为中心的发展理念，不断提高政务公开工作水平",
    "严格落实政府信息公开审核制度，所有稿件均经过三审三校",
    "及时更新政府信息公开指南和目录，列明依申请公开受理渠道",
    "加强政务新媒体管理，运用错敏词监测功能杜绝错敏词",
    "每年召开不少于2次政务公开推进会议，研究部署重点任务",
    "组织业务培训，提升工作人员的能力素质",
    "在政府网站信息公开专栏共发布信息91条，其中工作动态49条",
    "政策解读与政策文件同步发布，解读材料随文件一并报批",
    "公开内容不够全面，人员专业性有待提高",
    "进一步细化公开内容，加强对工作人员的培训和教育",
    "重点领域信息公开专栏及时发布惠企政策和减税降费政策 & 办事指南",
};

class Gen {
 public:
  explicit Gen(uint64_t seed) : rng_(seed) {}
  int64_t Int(int64_t lo, int64_t hi) {
    return std::uniform_int_distribution<int64_t>(lo, hi)(rng_);
  }
  // Mostly zeros, as in real reports.
  int64_t Small() { return Int(0, 3) == 0 ? Int(0, 9) : 0; }
  std::string Sentences(int n) {
    std::string s;
    for (int i = 0; i < n; ++i) {
      s += kPhrases[Int(0, std::size(kPhrases) - 1)];
      s += "。";
    }
    return s;
  }

 private:
  std::mt19937_64 rng_;
};

}  // namespace

AnnualReport GenerateReport(uint64_t seed, TemplateVersion v) {
  Gen g(seed * 2654435761u + static_cast<uint64_t>(v));
  AnnualReport r = MakeZeroReport(v);
  const ReportTemplate& t = GetTemplate(v);
  r.agency = std::string(kPlaces[g.Int(0, std::size(kPlaces) - 1)]) +
             kAgencies[g.Int(0, std::size(kAgencies) - 1)];
  r.year = v == TemplateVersion::k2021 ? static_cast<int>(g.Int(2021, 2025))
                                       : static_cast<int>(g.Int(2019, 2020));
  // Table 二.
  for (int i = 0; i < t.Table2CellCount(); ++i) {
    switch (t.Table2Kind(i)) {
      case ValueKind::kCount:
        r.table2[i] = g.Int(0, 3) == 0 ? g.Int(0, 500) : g.Int(0, 5);
        break;
      case ValueKind::kSignedCount:
        r.table2[i] = g.Int(-5, 5);
        break;
      case ValueKind::kAmount:
        r.table2[i] = g.Int(0, 1) == 0 ? 0 : g.Int(0, 2'000'000);
        break;
    }
  }
  // Table 三: leaves per applicant column, then the column relations, then the 总计 column.
  const int n = static_cast<int>(t.table3.size());
  const int total_row = n - 2, next_row = n - 1;
  for (int c = 0; c < 6; ++c) {
    int64_t total = 0;
    for (int i = 2; i < total_row; ++i) {
      r.table3[i][c] = g.Small();
      total += *r.table3[i][c];
    }
    int64_t carried = g.Small(), next = g.Small();
    int64_t fresh = total + next - carried;
    if (fresh < 0) {
      carried += fresh;
      fresh = 0;
    }
    r.table3[0][c] = fresh;
    r.table3[1][c] = carried;
    r.table3[total_row][c] = total;
    r.table3[next_row][c] = next;
  }
  for (int i = 0; i < n; ++i) {
    int64_t s = 0;
    for (int c = 0; c < 6; ++c) s += *r.table3[i][c];
    r.table3[i][6] = s;
  }
  // Table 四.
  for (int grp = 0; grp < 3; ++grp) {
    int64_t s = 0;
    for (int k = 0; k < 4; ++k) {
      r.table4[grp * 5 + k] = g.Int(0, 4) == 0 ? g.Int(0, 3) : 0;
      s += *r.table4[grp * 5 + k];
    }
    r.table4[grp * 5 + 4] = s;
  }
  // Text.
  r.preamble = fmt::format(
      "本报告依据《中华人民共和国政府信息公开条例》要求编制。本年度报告中所列数据的统计期限自{}"
      "年1月"
      "1日起至{}年12月31日止。\n如对本报告有任何疑问，请与本机关联系（电话：0795-7333621）。",
      r.year, r.year);
  int64_t received = *r.table3[0][6];
  std::string applications =
      received == 0
          ? fmt::format("{}年本机关没有收到政府信息公开申请。", r.year)
          : fmt::format("{}年本机关共收到政府信息公开申请{}件，均已依法答复。", r.year, received);
  r.sections[0] = "（一）主动公开\n" + g.Sentences(3) + "\n（二）依申请公开\n" + applications +
                  "\n（三）政府信息管理\n" + g.Sentences(2) + "\n（四）政府信息公开平台建设\n" +
                  g.Sentences(2) + "\n（五）监督保障\n" + g.Sentences(2);
  if (g.Int(0, 2) == 0) r.sections[1] = "本年度主动公开情况如下表。";
  r.sections[4] = g.Sentences(4) + "\n下一步，" + g.Sentences(2);
  r.sections[5] = "按照《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）规定执行。";
  return r;
}

}  // namespace gongkai::report

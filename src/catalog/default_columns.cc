#include "catalog/default_columns.h"

namespace gongkai::catalog {

const std::vector<ColumnTemplate>& DefaultColumns() {
  using K = ColumnKind;
  using F = Freshness;
  static const std::vector<ColumnTemplate> kColumns = {
      {"zn", "政府信息公开指南", K::kPage, F::kNone, ""},
      {"zd", "政府信息公开制度", K::kDocuments, F::kNone, ""},
      {"fdzdgk", "法定主动公开内容", K::kSection, F::kNone, ""},
      {"zxgk", "执行公开", K::kSection, F::kNone, "fdzdgk"},
      {"gzdt", "工作动态", K::kNews, F::kDynamic, "zxgk"},
      {"ghjh", "规划计划", K::kSection, F::kNone, "zxgk"},
      {"zxgh", "专项规划", K::kDocuments, F::kYearly, "ghjh"},
      {"fzgh", "发展规划", K::kDocuments, F::kYearly, "ghjh"},
      {"jcgk", "决策公开", K::kSection, F::kNone, "fdzdgk"},
      {"zfwj", "政府文件", K::kDocuments, F::kNotice, "jcgk"},
      {"qtwj", "其他有关文件", K::kDocuments, F::kNotice, "jcgk"},
      {"zcjd", "政策解读", K::kInterpretations, F::kNotice, "jcgk"},
      {"glgk", "管理公开", K::kSection, F::kNone, "fdzdgk"},
      {"jgzn", "机构职能", K::kPage, F::kYearly, "glgk"},
      {"cjxx", "财经信息", K::kSection, F::kNone, "fdzdgk"},
      {"bmyjs", "部门预决算", K::kDocuments, F::kYearly, "cjxx"},
      {"jggk", "结果公开", K::kSection, F::kNone, "fdzdgk"},
      {"jyta", "建议提案办理", K::kSection, F::kNone, "jggk"},
      {"rdjy", "人大建议", K::kDocuments, F::kYearly, "jyta"},
      {"zxta", "政协提案", K::kDocuments, F::kYearly, "jyta"},
      {"zdly", "重点领域信息公开", K::kSection, F::kNone, "fdzdgk"},
      {"jsjf", "减税降费", K::kDocuments, F::kNotice, "zdly"},
      {"ztzl", "专题专栏", K::kNews, F::kNone, "fdzdgk"},
      {"nb", "政府信息公开年报", K::kReports, F::kYearly, ""},
  };
  return kColumns;
}

}  // namespace gongkai::catalog

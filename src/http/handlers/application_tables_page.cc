// The staff page of tables 三 and 四 compiled from the 依申请公开 ledger
// (/admin/applications/tables?agency=&year=&cell=): the official layout from report/layout.h,
// every non-zero number a link to the applications counted in it. The service authorizes (kView).
#include <optional>

#include "http/handlers/application_view.h"
#include "http/handlers/handlers.h"
#include "report/layout.h"
#include "report/report_template.h"

namespace gongkai::http {

namespace {

using services::CompiledTables;
using services::TableCellRef;

constexpr int kHeaderRows = 3;  // both tables: three header rows, then the numbers

Result<int> ParseYear(const std::string& text) {
  bool ok = text.size() == 4 && text.find_first_not_of("0123456789") == std::string::npos;
  if (!ok) {
    std::string shown = text.substr(0, 20);
    return InvalidArgument("bad year '" + shown + "'",
                           "年度“" + shown + "”不正确，应为四位数字，如 2024");
  }
  return std::stoi(text);
}

bool SameCell(const std::optional<TableCellRef>& a, const TableCellRef& b) {
  return a && a->table4 == b.table4 && a->row == b.row && a->column == b.column;
}

std::string Span(const report::LayoutCell& c) {
  std::string out;
  if (c.rowspan > 1) out += " rowspan=\"" + std::to_string(c.rowspan) + "\"";
  if (c.colspan > 1) out += " colspan=\"" + std::to_string(c.colspan) + "\"";
  return out;
}

// The rows of one laid-out table; the k-th number cell of a value row is column k of that row.
mstch::array Rows(const report::LayoutTable& layout, bool table4, const CompiledTables& t,
                  const std::string& query, const std::optional<TableCellRef>& selected) {
  mstch::array rows;
  for (size_t r = 0; r < layout.rows.size(); ++r) {
    mstch::array cells;
    int column = 0;
    for (const report::LayoutCell& c : layout.rows[r]) {
      mstch::map cell{{"text", c.text},   {"span", Span(c)},       {"header", !c.number},
                      {"link", false},    {"href", std::string()}, {"ref", std::string()},
                      {"selected", false}};
      int row = static_cast<int>(r) - kHeaderRows;
      const int width = table4 ? applications::kTable4Columns : applications::kTable3Columns;
      if (c.number && row >= 0 && column < width && (table4 || row < applications::kTable3Rows)) {
        TableCellRef ref{table4, table4 ? 0 : row, column++};
        std::string text = services::TableCellRefText(ref);
        cell["ref"] = text;
        cell["selected"] = SameCell(selected, ref);
        if (services::CellAt(t, ref).count != 0) {
          cell["link"] = true;
          cell["href"] = query + "&cell=" + text;
        }
      }
      cells.push_back(std::move(cell));
    }
    rows.push_back(mstch::map{{"cells", std::move(cells)}});
  }
  return rows;
}

// The applications (or, in table 四, the cases and their applications) counted in `ref`.
mstch::map DrillDown(const CompiledTables& t, const TableCellRef& ref) {
  const applications::Cell& cell = services::CellAt(t, ref);
  mstch::array items;
  for (int64_t id : cell.ids) {
    int64_t app_id = ref.table4 ? t.ApplicationOfCase(id) : id;
    std::string number = t.NumberOf(app_id);
    if (number.empty()) number = "（未知申请）";
    items.push_back(mstch::map{{"id", std::to_string(app_id)},
                               {"number", number},
                               {"known", app_id > 0},
                               {"is_case", ref.table4},
                               {"case_id", std::to_string(id)}});
  }
  return {{"name", services::TableCellName(ref)},
          {"ref", services::TableCellRefText(ref)},
          {"count", std::to_string(cell.count)},
          {"items", std::move(items)},
          {"empty", cell.ids.empty()}};
}

}  // namespace

HttpResponse HandleAdminApplicationTables(const HttpRequest& req, WebApp& app) {
  auto who = app.CurrentUser(req);
  if (!who) return app.SignInRequired(req);
  auto all = app.agencies().List();
  if (!all.ok()) return app.Error(req, all.status());
  AgencyChoice choice = ChooseAgency(ViewableAgencies(*all, who->actor), req.Query("agency"));
  const std::string& chosen = choice.chosen;
  std::string year_text = req.Query("year");
  if (year_text.empty()) year_text = std::to_string(app.clock().TodayInChina().year);
  mstch::map m;
  m["agencies"] = std::move(choice.options);
  m["year"] = year_text;
  if (!chosen.empty()) {
    auto agency = ParseId(chosen);
    if (!agency.ok()) return app.Error(req, agency.status());
    auto year = ParseYear(year_text);
    if (!year.ok()) return app.Error(req, year.status());
    auto t = app.applications().CompileTables(who->actor, *agency, *year);
    if (!t.ok()) return app.Error(req, t.status());
    std::optional<TableCellRef> selected;
    if (std::string cell = req.Query("cell"); !cell.empty()) {
      auto ref = services::ParseTableCellRef(cell);
      if (!ref.ok()) return app.Error(req, ref.status());
      selected = *ref;
    }
    std::string query = "agency=" + std::to_string(*agency) + "&year=" + std::to_string(*year);
    const report::ReportTemplate& tmpl = report::GetTemplate(t->report.version);
    std::vector<report::LayoutTable> layout = report::LayoutTables(t->report);
    m["compiled"] = mstch::map{{"agency_id", std::to_string(*agency)},
                               {"report_title", report::ReportTitle(t->report)},
                               {"table3_heading", tmpl.headings[2]},
                               {"table4_heading", tmpl.headings[3]},
                               {"table3", Rows(layout[1], false, *t, query, selected)},
                               {"table4", Rows(layout[2], true, *t, query, selected)},
                               {"query", query}};
    if (selected) m["drill"] = DrillDown(*t, *selected);
  }
  return app.Page(200, "application_tables", "年度报告表三、表四", std::move(m), &*who);
}

}  // namespace gongkai::http

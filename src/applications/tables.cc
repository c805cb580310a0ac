// Tables 三 and 四 of the annual report computed from the ledger. Each application lands in
// exactly one "in" row (一 or 二) and exactly one "out" row (a leaf of 三, or 四) of its applicant
// column and of 总计, which is why the 勾稽 rule 一 + 二 = 三（七） + 四 cannot fail.
#include "applications/tables.h"

#include <algorithm>

namespace gongkai::applications {

namespace {

void Add(Cell& cell, int64_t id) {
  ++cell.count;
  cell.ids.push_back(id);
}

void Sort(Cell& cell) { std::sort(cell.ids.begin(), cell.ids.end()); }

std::string Cn(int n) { return std::to_string(n); }

}  // namespace

std::string Table3RowLabel(int row) {
  if (row == kRowNew) return "一、本年新收政府信息公开申请数量";
  if (row == kRowCarriedIn) return "二、上年结转政府信息公开申请数量";
  if (row == kRowTotal) return "三、本年度办理结果（七）总计";
  if (row == kRowCarriedOver) return "四、结转下年度继续办理";
  return "三、本年度办理结果" + FullLabel(static_cast<OutcomeRow>(row - 2));
}

std::string_view Table3ColumnLabel(int column) {
  if (column == kColumnTotal) return "总计";
  return ApplicantKindLabel(static_cast<ApplicantKind>(column));
}

Table3 ComputeTable3(agency::AgencyId agency, int year, std::span<const Application> apps) {
  Table3 t;
  t.agency_id = agency;
  t.year = year;
  const Date first{year, 1, 1};
  const Date last{year, 12, 31};
  for (const Application& app : apps) {
    if (app.agency_id != agency) continue;
    std::optional<Date> received = ReceiptDate(app.channel, app.events);
    if (!received || last < *received) continue;
    std::optional<Conclusion> done = ConclusionOf(app.events);
    if (done && done->date < first) continue;  // concluded in an earlier year
    int col = ColumnOf(app.applicant_kind);
    int in_row = received->year == year ? kRowNew : kRowCarriedIn;
    int out_row = done && done->date <= last ? RowOf(done->row) : kRowCarriedOver;
    for (int c : {col, kColumnTotal}) {
      Add(t.cells[in_row][c], app.id);
      Add(t.cells[out_row][c], app.id);
      if (out_row != kRowCarriedOver) Add(t.cells[kRowTotal][c], app.id);
    }
  }
  for (auto& row : t.cells) {
    for (Cell& cell : row) Sort(cell);
  }
  return t;
}

std::string Table4ColumnLabel(int column) {
  static constexpr std::string_view kGroups[] = {"行政复议", "行政诉讼（未经复议直接起诉）",
                                                 "行政诉讼（复议后起诉）"};
  static constexpr std::string_view kResults[] = {"结果维持", "结果纠正", "其他结果", "尚未审结",
                                                  "总计"};
  return std::string(kGroups[column / 5]) + std::string(kResults[column % 5]);
}

Table4 ComputeTable4(agency::AgencyId agency, int year, std::span<const Case> cases) {
  Table4 t;
  t.agency_id = agency;
  t.year = year;
  const Date last{year, 12, 31};
  for (const Case& c : cases) {
    if (c.agency_id != agency || c.filed.year != year) continue;
    int base = 5 * static_cast<int>(c.kind);
    int offset = 3;  // 尚未审结
    switch (StateOn(c, last)) {
      case CaseResult::kUpheld:
        offset = 0;
        break;
      case CaseResult::kCorrected:
        offset = 1;
        break;
      case CaseResult::kOther:
        offset = 2;
        break;
      case CaseResult::kPending:
        break;
    }
    Add(t.cells[base + offset], c.id);
    Add(t.cells[base + 4], c.id);
  }
  for (Cell& cell : t.cells) Sort(cell);
  return t;
}

Status CheckTable3(const Table3& t, const Table3* previous) {
  auto fail = [&](const std::string& what, int row, int col) {
    std::string cell = Table3RowLabel(row) + " / " + std::string(Table3ColumnLabel(col));
    return Internal("table 3 check failed: " + what + " at row " + Cn(row) + " column " + Cn(col),
                    "表三勾稽关系不成立：" + what + "（" + cell + "）");
  };
  for (int c = 0; c < kTable3Columns; ++c) {
    if (t.at(kRowNew, c) + t.at(kRowCarriedIn, c) !=
        t.at(kRowTotal, c) + t.at(kRowCarriedOver, c)) {
      return fail("一+二≠三（七）+四", kRowTotal, c);
    }
    int leaves = 0;
    for (int r = 2; r < kRowTotal; ++r) leaves += t.at(r, c);
    if (leaves != t.at(kRowTotal, c)) return fail("（七）总计≠各项之和", kRowTotal, c);
    if (previous && previous->at(kRowCarriedOver, c) != t.at(kRowCarriedIn, c)) {
      return fail("上年结转≠上一年度结转下年度", kRowCarriedIn, c);
    }
  }
  for (int r = 0; r < kTable3Rows; ++r) {
    int sum = 0;
    for (int c = 0; c < kColumnTotal; ++c) sum += t.at(r, c);
    if (sum != t.at(r, kColumnTotal)) return fail("总计≠六类申请人之和", r, kColumnTotal);
  }
  return Status::Ok();
}

}  // namespace gongkai::applications

#pragma once

#include <array>
#include <span>
#include <string>
#include <vector>

#include "applications/application.h"
#include "applications/cases.h"

namespace gongkai::applications {

// One counted cell with the records behind it (drill-down), ids ascending.
struct Cell {
  int count = 0;
  std::vector<int64_t> ids;
};

// Table 三 rows: 一, 二, the 21 leaves of 三 (OutcomeRow order), （七）总计, 四.
inline constexpr int kTable3Rows = 25;
inline constexpr int kTable3Columns = 7;    // the six ApplicantKinds, then 总计
inline constexpr int kRowNew = 0;           // 一、本年新收
inline constexpr int kRowCarriedIn = 1;     // 二、上年结转
inline constexpr int kRowTotal = 23;        // 三（七）总计
inline constexpr int kRowCarriedOver = 24;  // 四、结转下年度继续办理
inline constexpr int kColumnTotal = 6;
constexpr int RowOf(OutcomeRow row) { return 2 + static_cast<int>(row); }
constexpr int ColumnOf(ApplicantKind kind) { return static_cast<int>(kind); }
// The printed label of a row ("一、本年新收政府信息公开申请数量", "（三）1.属于国家秘密" …).
std::string Table3RowLabel(int row);
// 自然人 … 其他, 总计.
std::string_view Table3ColumnLabel(int column);

struct Table3 {
  agency::AgencyId agency_id = 0;
  int year = 0;
  std::array<std::array<Cell, kTable3Columns>, kTable3Rows> cells;
  int at(int row, int column) const { return cells[row][column].count; }
};

// Table 三 of `agency` for `year` from the ledger (counting rules: ../shared/SPEC.md):
//  一 — received (Art. 31 receipt date) in the year; a 补正 restart does not move it;
//  二 — received before the year and not concluded by 31 Dec of the year before;
//  三 — concluded in the year (decided, lapsed or withdrawn), under its one counted row;
//  （七） — the sum of the 21 leaves; 四 — received by 31 Dec and not concluded on it.
// Applications never received (receipt event missing) and of other agencies are ignored. So
// 一 + 二 = 三（七） + 四 per column, by construction. Pure; events after the year do not matter
// except that they leave an application open on 31 Dec.
Table3 ComputeTable3(agency::AgencyId agency, int year, std::span<const Application> apps);

// Table 四: 15 cells in the official order — 行政复议 维持/纠正/其他/尚未审结/总计, then
// 未经复议直接 起诉 the same five, then 复议后起诉 the same five.
inline constexpr int kTable4Columns = 15;
std::string Table4ColumnLabel(int column);
struct Table4 {
  agency::AgencyId agency_id = 0;
  int year = 0;
  std::array<Cell, kTable4Columns> cells;
  int at(int column) const { return cells[column].count; }
};
// Cases of `agency` filed in `year`, by their state on 31 Dec of the year.
Table4 ComputeTable4(agency::AgencyId agency, int year, std::span<const Case> cases);

// Checks R1 (一+二 = （七）+四), R2 (（七） = Σ leaves), R3 (总计 = Σ six columns) on `t`, and,
// given last year's table, R8 (二 = last year's 四) per column. kInternal naming the cell
// otherwise.
Status CheckTable3(const Table3& t, const Table3* previous = nullptr);

}  // namespace gongkai::applications

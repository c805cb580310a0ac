// The 三审三校 review (migrations/sqlite/011_review.sql).
#include "storage/sqlite/sqlite_review_repository.h"

namespace gongkai::storage::sqlite {

namespace {

using catalog::ReviewAction;
using catalog::ReviewState;

constexpr const char* kStateColumns =
    "r.item_id, r.open, r.run, r.stage, r.revision, r.chain, r.cycle_start_run, r.submitted_by, "
    "r.submitted_at";

Result<ReviewState> ReadState(const Stmt& s) {
  ReviewState r;
  r.item_id = s.Int(0);
  r.open = s.Int(1) != 0;
  r.run = static_cast<int>(s.Int(2));
  r.stage = static_cast<int>(s.Int(3));
  r.revision = static_cast<int>(s.Int(4));
  r.chain = s.Text(5);
  r.cycle_start_run = static_cast<int>(s.Int(6));
  r.submitted_by = s.Text(7);
  r.submitted_at = s.Int(8);
  return r;
}

// Overrides as lines of "term<TAB>reason" (neither holds a tab or a newline: the service
// checks).
std::string FormatOverrides(const std::vector<catalog::ReviewOverride>& overrides) {
  std::string out;
  for (const auto& o : overrides) out += o.term + "\t" + o.reason + "\n";
  return out;
}

std::vector<catalog::ReviewOverride> ParseOverrides(const std::string& text) {
  std::vector<catalog::ReviewOverride> out;
  size_t at = 0;
  while (at < text.size()) {
    size_t end = text.find('\n', at);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(at, end - at);
    size_t tab = line.find('\t');
    if (tab != std::string::npos) out.push_back({line.substr(0, tab), line.substr(tab + 1)});
    at = end + 1;
  }
  return out;
}

Result<ReviewAction> ReadAction(const Stmt& s) {
  ReviewAction a;
  a.id = s.Int(0);
  a.item_id = s.Int(1);
  a.revision = static_cast<int>(s.Int(2));
  a.revision_sha256 = s.Text(3);
  a.run = static_cast<int>(s.Int(4));
  a.stage = static_cast<int>(s.Int(5));
  a.stage_name = s.Text(6);
  GONGKAI_ASSIGN_OR_RETURN(a.decision, catalog::ParseReviewDecision(s.Text(7)));
  a.by = s.Text(8);
  a.at = s.Int(9);
  a.opinion = s.Text(10);
  a.proofread = s.Int(11) != 0;
  GONGKAI_ASSIGN_OR_RETURN(a.secrecy, catalog::ParseSecrecy(s.Text(12)));
  a.secrecy_basis = s.Text(13);
  a.screening = s.Text(14);
  a.overrides = ParseOverrides(s.Text(15));
  return a;
}

}  // namespace

Result<std::optional<ReviewState>> SqliteReviewRepository::GetState(catalog::ItemId item) {
  GONGKAI_ASSIGN_OR_RETURN(Stmt s, conn_->Prepare(std::string("SELECT ") + kStateColumns +
                                                  " FROM item_reviews r WHERE r.item_id = ?"));
  s.Bind(1, item);
  GONGKAI_ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return std::optional<ReviewState>();
  GONGKAI_ASSIGN_OR_RETURN(ReviewState r, ReadState(s));
  return std::optional<ReviewState>(std::move(r));
}

Status SqliteReviewRepository::PutState(const ReviewState& r) {
  GONGKAI_ASSIGN_OR_RETURN(
      Stmt s, conn_->Prepare("INSERT OR REPLACE INTO item_reviews (item_id, open, run, stage, "
                             "revision, chain, cycle_start_run, submitted_by, submitted_at) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
  s.Bind(1, r.item_id)
      .Bind(2, int64_t{r.open ? 1 : 0})
      .Bind(3, int64_t{r.run})
      .Bind(4, int64_t{r.stage})
      .Bind(5, int64_t{r.revision})
      .Bind(6, r.chain)
      .Bind(7, int64_t{r.cycle_start_run})
      .Bind(8, r.submitted_by)
      .Bind(9, r.submitted_at);
  return s.Run();
}

Result<std::vector<ReviewState>> SqliteReviewRepository::OpenRuns(agency::AgencyId agency) {
  GONGKAI_ASSIGN_OR_RETURN(Stmt s,
                           conn_->Prepare(std::string("SELECT ") + kStateColumns +
                                          " FROM item_reviews r JOIN items i ON i.id = r.item_id "
                                          "WHERE r.open = 1 AND i.agency_id = ? "
                                          "ORDER BY r.submitted_at, r.item_id"));
  s.Bind(1, agency);
  return s.ReadAll(ReadState);
}

Result<int64_t> SqliteReviewRepository::AppendAction(const ReviewAction& a) {
  GONGKAI_ASSIGN_OR_RETURN(
      Stmt s, conn_->Prepare("INSERT INTO review_actions (item_id, revision, revision_sha256, run, "
                             "stage, stage_name, decision, by_name, at, opinion, proofread, "
                             "secrecy, secrecy_basis, screening, overrides) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
  s.Bind(1, a.item_id)
      .Bind(2, int64_t{a.revision})
      .Bind(3, a.revision_sha256)
      .Bind(4, int64_t{a.run})
      .Bind(5, int64_t{a.stage})
      .Bind(6, a.stage_name)
      .Bind(7, catalog::ReviewDecisionCode(a.decision))
      .Bind(8, a.by)
      .Bind(9, a.at)
      .Bind(10, a.opinion)
      .Bind(11, int64_t{a.proofread ? 1 : 0})
      .Bind(12, catalog::SecrecyCode(a.secrecy))
      .Bind(13, a.secrecy_basis)
      .Bind(14, a.screening)
      .Bind(15, FormatOverrides(a.overrides));
  GONGKAI_RETURN_IF_ERROR(s.Run());
  return conn_->LastInsertId();
}

Result<std::vector<ReviewAction>> SqliteReviewRepository::Actions(catalog::ItemId item) {
  GONGKAI_ASSIGN_OR_RETURN(
      Stmt s, conn_->Prepare("SELECT id, item_id, revision, revision_sha256, run, stage, "
                             "stage_name, decision, by_name, at, opinion, proofread, secrecy, "
                             "secrecy_basis, screening, overrides FROM review_actions "
                             "WHERE item_id = ? ORDER BY id"));
  s.Bind(1, item);
  return s.ReadAll(ReadAction);
}

Status SqliteReviewRepository::AppendPublication(const catalog::Publication& p) {
  GONGKAI_ASSIGN_OR_RETURN(
      Stmt s, conn_->Prepare("INSERT INTO item_publications (item_id, revision, kind, at, "
                             "by_name, note) VALUES (?, ?, ?, ?, ?, ?)"));
  s.Bind(1, p.item_id)
      .Bind(2, int64_t{p.revision})
      .Bind(3, catalog::PublicationKindCode(p.kind))
      .Bind(4, p.at)
      .Bind(5, p.by)
      .Bind(6, p.note);
  return s.Run();
}

Result<std::vector<catalog::Publication>> SqliteReviewRepository::Publications(
    catalog::ItemId item) {
  GONGKAI_ASSIGN_OR_RETURN(Stmt s,
                           conn_->Prepare("SELECT item_id, revision, kind, at, by_name, note "
                                          "FROM item_publications WHERE item_id = ? ORDER BY id"));
  s.Bind(1, item);
  return s.ReadAll([](const Stmt& r) -> Result<catalog::Publication> {
    catalog::Publication p;
    p.item_id = r.Int(0);
    p.revision = static_cast<int>(r.Int(1));
    GONGKAI_ASSIGN_OR_RETURN(p.kind, catalog::ParsePublicationKind(r.Text(2)));
    p.at = r.Int(3);
    p.by = r.Text(4);
    p.note = r.Text(5);
    return p;
  });
}

}  // namespace gongkai::storage::sqlite

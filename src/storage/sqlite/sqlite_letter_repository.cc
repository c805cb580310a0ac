// The chosen 成文日期 of letters (migrations/sqlite/008_letters.sql).
#include "storage/sqlite/sqlite_repositories.h"

namespace gongkai::storage::sqlite {

Result<std::optional<LetterDate>> SqliteLetterRepository::GetDate(applications::ApplicationId id,
                                                                  const std::string& kind) {
  GONGKAI_ASSIGN_OR_RETURN(Stmt s, conn_->Prepare("SELECT event_seq, date, set_by, set_at FROM "
                                                  "letter_dates WHERE application_id = ? AND "
                                                  "kind = ?"));
  s.Bind(1, id).Bind(2, kind);
  GONGKAI_ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return std::optional<LetterDate>();
  LetterDate d;
  d.application_id = id;
  d.kind = kind;
  d.event_seq = static_cast<int>(s.Int(0));
  GONGKAI_ASSIGN_OR_RETURN(d.date, Date::Parse(s.Text(1)));
  d.set_by = s.Text(2);
  d.set_at = s.Int(3);
  return std::optional<LetterDate>(std::move(d));
}

Status SqliteLetterRepository::PutDate(const LetterDate& d) {
  GONGKAI_ASSIGN_OR_RETURN(
      Stmt s, conn_->Prepare("INSERT INTO letter_dates (application_id, kind, event_seq, date, "
                             "set_by, set_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT "
                             "(application_id, kind) DO UPDATE SET event_seq = excluded.event_seq, "
                             "date = excluded.date, set_by = excluded.set_by, "
                             "set_at = excluded.set_at"));
  s.Bind(1, d.application_id)
      .Bind(2, d.kind)
      .Bind(3, int64_t{d.event_seq})
      .Bind(4, d.date.ToString())
      .Bind(5, d.set_by)
      .Bind(6, d.set_at);
  Status st = s.Run();
  if (st.code() == StatusCode::kFailedPrecondition) {
    return FailedPrecondition(st.message(), "申请不存在，不能设定文书的成文日期");
  }
  return st;
}

}  // namespace gongkai::storage::sqlite

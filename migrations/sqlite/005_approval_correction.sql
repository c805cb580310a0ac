-- 005: the approval of decisions and the 更正 event.
-- 更正答复 (corrected) events carry the corrected decision date (NULL: the date is unchanged).
-- Adding a column does not touch existing rows, so the append-only triggers are unaffected.
ALTER TABLE application_events ADD COLUMN decision_date TEXT
  CHECK (decision_date IS NULL OR length(decision_date) = 10);

-- Per-agency approval chains (account/approval_chain.h text form), by what they govern
-- ('application_decision' today; 主动公开 review can add its own subject). No row: the default
-- chain 拟办 → 法制审核 → 签发; 'none': no approval.
CREATE TABLE approval_chains (
  agency_id INTEGER NOT NULL REFERENCES agencies(id),
  subject TEXT NOT NULL,
  steps TEXT NOT NULL,
  PRIMARY KEY (agency_id, subject)
) WITHOUT ROWID;

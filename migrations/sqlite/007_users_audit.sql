-- 007: users managed on the web, and an audit log that agency administrators can read for their
-- agencies.
-- A password set by an administrator (a reset, or a new user's first password) must be changed by
-- the user at the next sign-in; until then the session may only change the password.
ALTER TABLE users ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0
  CHECK (must_change_password IN (0, 1));

-- The agencies an audit event concerns (none for system-wide events: calendar, imports). An agency
-- administrator with 查看审计日志 sees the events of their agencies and the agencies below them.
CREATE TABLE audit_agencies (
  audit_id INTEGER NOT NULL REFERENCES audit_log(id),
  agency_id INTEGER NOT NULL,
  PRIMARY KEY (audit_id, agency_id)
) WITHOUT ROWID;
CREATE INDEX audit_agencies_by_agency ON audit_agencies(agency_id, audit_id);
CREATE TRIGGER audit_agencies_no_update BEFORE UPDATE ON audit_agencies
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_agencies_no_delete BEFORE DELETE ON audit_agencies
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE INDEX audit_log_by_actor ON audit_log(actor, id);
CREATE INDEX audit_log_by_action ON audit_log(action, id);
CREATE INDEX audit_log_by_at ON audit_log(at);

-- The events already logged, by their target: an agency, an application, or a user (the agencies
-- of the user's roles today).
INSERT OR IGNORE INTO audit_agencies (audit_id, agency_id)
  SELECT l.id, a.id FROM audit_log l JOIN agencies a ON l.target = 'agency:' || a.id;
INSERT OR IGNORE INTO audit_agencies (audit_id, agency_id)
  SELECT l.id, p.agency_id FROM audit_log l JOIN applications p ON l.target = 'application:' || p.id;
INSERT OR IGNORE INTO audit_agencies (audit_id, agency_id)
  SELECT l.id, r.agency_id FROM audit_log l JOIN users u ON l.target = 'user:' || u.username
  JOIN user_roles r ON r.user_id = u.id WHERE r.agency_id IS NOT NULL;

-- 009: the audit log becomes a hash chain (审计链, docs/audit-chain.md). Each entry of audit_log
-- gets, in the same transaction, its leaf hash and chain hash = SHA-256(previous chain hash ‖ leaf);
-- the head is checkpointed every 1000 entries, on the first entry of each day and on demand.
-- `gongkai audit verify` recomputes the chain; an UPDATE, DELETE or INSERT done behind gongkai's
-- back (with the triggers dropped) breaks it.
CREATE TABLE audit_chain (
  audit_id INTEGER PRIMARY KEY REFERENCES audit_log(id),
  leaf_hash BLOB NOT NULL CHECK (length(leaf_hash) = 32),
  chain_hash BLOB NOT NULL CHECK (length(chain_hash) = 32)
);
CREATE TRIGGER audit_chain_no_update BEFORE UPDATE ON audit_chain
BEGIN SELECT RAISE(ABORT, 'audit_chain is append-only'); END;
CREATE TRIGGER audit_chain_no_delete BEFORE DELETE ON audit_chain
BEGIN SELECT RAISE(ABORT, 'audit_chain is append-only'); END;

-- A recorded head: after entry `seq` the chain hash was `chain_hash`.
CREATE TABLE audit_checkpoints (
  seq INTEGER PRIMARY KEY REFERENCES audit_chain(audit_id),
  chain_hash BLOB NOT NULL CHECK (length(chain_hash) = 32),
  at INTEGER NOT NULL,
  reason TEXT NOT NULL CHECK (reason IN ('periodic', 'daily', 'manual', 'upgrade'))
);
CREATE TRIGGER audit_checkpoints_no_update BEFORE UPDATE ON audit_checkpoints
BEGIN SELECT RAISE(ABORT, 'audit_checkpoints is append-only'); END;
CREATE TRIGGER audit_checkpoints_no_delete BEFORE DELETE ON audit_checkpoints
BEGIN SELECT RAISE(ABORT, 'audit_checkpoints is append-only'); END;

-- The entries written before this migration are chained, in id order, by gongkai itself right
-- after this script and in the same transaction (SQLite has no SHA-256): it chains the entries up
-- to this id, checkpoints the head ('upgrade') and deletes the marker. Rows added later are chained
-- only as they are appended, so a row slipped in behind gongkai's back is never legitimised.
INSERT INTO site_state (key, value) SELECT 'audit_chain_backfill', ifnull(max(id), 0) FROM audit_log;

-- 003: what the applications service keeps beside the ledger: number patterns and per-year
-- counters (incremented in the insert's transaction), public lookup-code hashes, the due-date
-- snapshot used to list moved due dates after a calendar change, and 报备 (filing with the
-- supervising office).
CREATE TABLE application_number_patterns (
  agency_id INTEGER PRIMARY KEY REFERENCES agencies(id),
  pattern TEXT NOT NULL
);

CREATE TABLE application_counters (
  agency_id INTEGER NOT NULL REFERENCES agencies(id),
  year INTEGER NOT NULL,
  last_seq INTEGER NOT NULL CHECK (last_seq >= 0),
  PRIMARY KEY (agency_id, year)
) WITHOUT ROWID;

-- SHA-256 (hex) of the public lookup code; the code itself is never stored.
CREATE TABLE application_lookup_codes (
  code_hash TEXT PRIMARY KEY,
  application_id INTEGER NOT NULL UNIQUE REFERENCES applications(id)
) WITHOUT ROWID;

-- The due date last computed for an application as of `as_of` (a paused clock's due date depends
-- on the day asked), so a recomputation with another calendar compares like with like.
CREATE TABLE application_due_snapshots (
  application_id INTEGER PRIMARY KEY REFERENCES applications(id),
  due TEXT CHECK (due IS NULL OR length(due) = 10),
  as_of TEXT NOT NULL CHECK (length(as_of) = 10)
);

CREATE TABLE application_filings (
  application_id INTEGER PRIMARY KEY REFERENCES applications(id),
  date TEXT NOT NULL CHECK (length(date) = 10),
  filed_with TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT ''
);

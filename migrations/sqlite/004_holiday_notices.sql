-- 004: the State Council's holiday notices imported by an administrator (节假日安排通知). A year
-- listed here is covered by its notice (replacing the bundled data of that year); a year in neither
-- is counted provisionally from the 放假办法.
CREATE TABLE holiday_notices (
  year INTEGER PRIMARY KEY,
  tsv TEXT NOT NULL,                      -- the notice's days in the data format (docs/calendar.md)
  source_text TEXT NOT NULL DEFAULT '',   -- the pasted notice text, when imported from text
  imported_at INTEGER NOT NULL,           -- unix seconds
  imported_by TEXT NOT NULL
);

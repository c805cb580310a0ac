-- 008: letters true to the file. The agency's 救济途径 defaults printed in every 答复书/告知书; the
-- page count a 按量 收费通知 was computed from (0: the amount was entered directly, as before); and
-- the 成文日期 a clerk chose for a letter, tied to the event the letter answers (a later event of
-- the same kind, e.g. a corrected decision, makes the letter default to its own date again).
ALTER TABLE agencies ADD COLUMN reconsideration_body TEXT NOT NULL DEFAULT '';
ALTER TABLE agencies ADD COLUMN court TEXT NOT NULL DEFAULT '';

ALTER TABLE application_events ADD COLUMN pages INTEGER NOT NULL DEFAULT 0 CHECK (pages >= 0);

CREATE TABLE letter_dates (
  application_id INTEGER NOT NULL REFERENCES applications(id),
  kind TEXT NOT NULL CHECK (kind IN ('reply', 'notice', 'correction', 'extension', 'fee',
                                     'consultation')),
  event_seq INTEGER NOT NULL CHECK (event_seq >= 0),  -- the answered event (application_events.seq)
  date TEXT NOT NULL CHECK (length(date) = 10),       -- 成文日期 YYYY-MM-DD
  set_by TEXT NOT NULL,
  set_at INTEGER NOT NULL,                            -- unix seconds
  PRIMARY KEY (application_id, kind)
) WITHOUT ROWID;

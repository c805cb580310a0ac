-- 011: 三审三校 review of catalog items (src/catalog/review.h): the open run of each item, every
-- stage's decision (append-only), and the publication history (发布、更正、撤回、到期下线).

-- The review run an item is in (one row per item ever submitted). `chain` is the approval chain
-- text in force when the run was submitted; `stage` the step to act on next (1 = 初审).
CREATE TABLE item_reviews (
  item_id INTEGER PRIMARY KEY REFERENCES items(id),
  open INTEGER NOT NULL,
  run INTEGER NOT NULL,
  stage INTEGER NOT NULL,
  revision INTEGER NOT NULL,
  chain TEXT NOT NULL,
  cycle_start_run INTEGER NOT NULL,
  submitted_by TEXT NOT NULL,
  submitted_at INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX item_reviews_open ON item_reviews(open, stage);

CREATE TABLE review_actions (
  id INTEGER PRIMARY KEY,
  item_id INTEGER NOT NULL REFERENCES items(id),
  revision INTEGER NOT NULL,
  revision_sha256 TEXT NOT NULL,
  run INTEGER NOT NULL,
  stage INTEGER NOT NULL,
  stage_name TEXT NOT NULL,
  decision TEXT NOT NULL CHECK (decision IN ('submit', 'pass', 'return', 'reopen')),
  by_name TEXT NOT NULL,
  at INTEGER NOT NULL,
  opinion TEXT NOT NULL DEFAULT '',
  proofread INTEGER NOT NULL DEFAULT 0,
  secrecy TEXT NOT NULL DEFAULT '' CHECK (secrecy IN ('', 'public', 'exempt', 'refer')),
  secrecy_basis TEXT NOT NULL DEFAULT '',
  screening TEXT NOT NULL DEFAULT '',
  overrides TEXT NOT NULL DEFAULT ''
);
CREATE INDEX review_actions_by_item ON review_actions(item_id, id);
CREATE TRIGGER review_actions_no_update BEFORE UPDATE ON review_actions
BEGIN SELECT RAISE(ABORT, 'review actions are immutable'); END;
CREATE TRIGGER review_actions_no_delete BEFORE DELETE ON review_actions
BEGIN SELECT RAISE(ABORT, 'review actions are immutable'); END;

CREATE TABLE item_publications (
  id INTEGER PRIMARY KEY,
  item_id INTEGER NOT NULL REFERENCES items(id),
  revision INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('publish', 'correct', 'withdraw', 'expire')),
  at INTEGER NOT NULL,
  by_name TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX item_publications_by_item ON item_publications(item_id, id);
CREATE TRIGGER item_publications_no_update BEFORE UPDATE ON item_publications
BEGIN SELECT RAISE(ABORT, 'publication history is immutable'); END;
CREATE TRIGGER item_publications_no_delete BEFORE DELETE ON item_publications
BEGIN SELECT RAISE(ABORT, 'publication history is immutable'); END;

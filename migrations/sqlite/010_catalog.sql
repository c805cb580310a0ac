-- 010: the disclosure catalog (政府信息公开目录): columns, items and their immutable revisions,
-- attachments (content-addressed), typed links, 索引号 counters and the per-agency catalog settings (src/catalog/catalog.h).

CREATE TABLE catalog_columns (
  id INTEGER PRIMARY KEY,
  agency_id INTEGER NOT NULL REFERENCES agencies(id),
  parent_id INTEGER REFERENCES catalog_columns(id),
  code TEXT NOT NULL,
  name TEXT NOT NULL,
  kind TEXT NOT NULL
    CHECK (kind IN ('section', 'documents', 'news', 'interpretations', 'reports', 'page')),
  freshness TEXT NOT NULL CHECK (freshness IN ('none', 'dynamic', 'notice', 'yearly')),
  position INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  UNIQUE (agency_id, code)
);
CREATE INDEX catalog_columns_by_parent ON catalog_columns(agency_id, parent_id, position);

-- One row per agency that changed a default: the 索引号 pattern (catalog/index_number.h).
CREATE TABLE catalog_settings (
  agency_id INTEGER PRIMARY KEY REFERENCES agencies(id),
  index_pattern TEXT NOT NULL DEFAULT ''
);

-- The last 索引号 sequence number used per agency and year: gapless because it is advanced in
-- the same write transaction that publishes the item.
CREATE TABLE catalog_index_counters (
  agency_id INTEGER NOT NULL REFERENCES agencies(id),
  year INTEGER NOT NULL,
  last INTEGER NOT NULL,
  PRIMARY KEY (agency_id, year)
) WITHOUT ROWID;

CREATE TABLE items (
  id INTEGER PRIMARY KEY,
  agency_id INTEGER NOT NULL REFERENCES agencies(id),
  column_id INTEGER NOT NULL REFERENCES catalog_columns(id),
  index_number TEXT,
  status TEXT NOT NULL
    CHECK (status IN ('draft', 'in_review', 'approved', 'published', 'withdrawn')),
  returned INTEGER NOT NULL DEFAULT 0,
  latest_revision INTEGER NOT NULL,
  live_revision INTEGER,
  published_on TEXT,
  published_at INTEGER NOT NULL DEFAULT 0,
  go_live_at INTEGER,
  expire_at INTEGER,
  validity TEXT NOT NULL DEFAULT 'valid'
    CHECK (validity IN ('valid', 'amended', 'repealed', 'expired')),
  validity_on TEXT,
  validity_by INTEGER REFERENCES items(id),
  withdrawn_reason TEXT NOT NULL DEFAULT '',
  created_by TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  UNIQUE (agency_id, index_number)
);
CREATE INDEX items_by_column ON items(column_id, status, published_on DESC, published_at DESC, id DESC);
CREATE INDEX items_by_agency ON items(agency_id, status, updated_at DESC);
CREATE INDEX items_by_author ON items(created_by, status, updated_at DESC);

-- Revisions are never changed or removed: the history of every text that was ever saved.
CREATE TABLE item_revisions (
  item_id INTEGER NOT NULL REFERENCES items(id),
  number INTEGER NOT NULL,
  title TEXT NOT NULL,
  summary TEXT NOT NULL DEFAULT '',
  body_html TEXT NOT NULL DEFAULT '',
  body_text TEXT NOT NULL DEFAULT '',
  doc_number TEXT NOT NULL DEFAULT '',
  publisher TEXT NOT NULL DEFAULT '',
  written_on TEXT,
  theme TEXT NOT NULL DEFAULT '',
  genre TEXT NOT NULL DEFAULT '',
  keywords TEXT NOT NULL DEFAULT '',
  attribute TEXT NOT NULL CHECK (attribute IN ('active', 'on_request', 'withheld')),
  withheld_ground TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT '',
  author TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  PRIMARY KEY (item_id, number)
) WITHOUT ROWID;
CREATE TRIGGER item_revisions_no_update BEFORE UPDATE ON item_revisions
BEGIN SELECT RAISE(ABORT, 'item revisions are immutable'); END;
CREATE TRIGGER item_revisions_no_delete BEFORE DELETE ON item_revisions
BEGIN SELECT RAISE(ABORT, 'item revisions are immutable'); END;

CREATE TABLE item_links (
  from_item INTEGER NOT NULL REFERENCES items(id),
  kind TEXT NOT NULL CHECK (kind IN ('interprets', 'amends', 'repeals')),
  to_item INTEGER NOT NULL REFERENCES items(id),
  created_at INTEGER NOT NULL,
  PRIMARY KEY (from_item, kind, to_item)
) WITHOUT ROWID;
CREATE INDEX item_links_to ON item_links(to_item, kind);

-- Attachment bytes, stored once per content (SHA-256), with the text extracted for screening and
-- search. Never changed; never removed while a revision names them.
CREATE TABLE catalog_files (
  sha256 TEXT PRIMARY KEY,
  mime TEXT NOT NULL,
  size INTEGER NOT NULL,
  data BLOB NOT NULL,
  text TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TRIGGER catalog_files_no_update BEFORE UPDATE ON catalog_files
BEGIN SELECT RAISE(ABORT, 'catalog files are immutable'); END;

-- The attachments of each revision, in order (part of the revision: immutable too).
CREATE TABLE item_files (
  item_id INTEGER NOT NULL,
  revision INTEGER NOT NULL,
  position INTEGER NOT NULL,
  name TEXT NOT NULL,
  sha256 TEXT NOT NULL REFERENCES catalog_files(sha256),
  PRIMARY KEY (item_id, revision, position),
  FOREIGN KEY (item_id, revision) REFERENCES item_revisions(item_id, number)
) WITHOUT ROWID;
CREATE INDEX item_files_by_sha ON item_files(sha256);
CREATE TRIGGER item_files_no_update BEFORE UPDATE ON item_files
BEGIN SELECT RAISE(ABORT, 'item revisions are immutable'); END;
CREATE TRIGGER item_files_no_delete BEFORE DELETE ON item_files
BEGIN SELECT RAISE(ABORT, 'item revisions are immutable'); END;

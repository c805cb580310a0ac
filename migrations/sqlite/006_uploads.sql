-- 006: uploaded files. Attachments of an application (an ID copy, a description of the
-- information), stored with the application in one transaction; and each agency's
-- 依申请公开专用章 (a PNG), used on the letters. Types are sniffed from the bytes, never taken
-- from the name or the browser's Content-Type.
CREATE TABLE application_attachments (
  id INTEGER PRIMARY KEY,
  application_id INTEGER NOT NULL REFERENCES applications(id),
  kind TEXT NOT NULL CHECK (kind IN ('id_copy', 'description')),
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 255),  -- the original file name
  mime TEXT NOT NULL CHECK (mime IN ('application/pdf', 'image/png', 'image/jpeg')),
  size INTEGER NOT NULL CHECK (size > 0),
  sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
  data BLOB NOT NULL,
  created_at INTEGER NOT NULL  -- unix seconds
);
CREATE INDEX application_attachments_by_application ON application_attachments (application_id);

CREATE TABLE agency_seals (
  agency_id INTEGER PRIMARY KEY REFERENCES agencies(id),
  png BLOB NOT NULL,
  sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
  width INTEGER NOT NULL CHECK (width > 0),
  height INTEGER NOT NULL CHECK (height > 0),
  uploaded_at INTEGER NOT NULL,  -- unix seconds
  uploaded_by TEXT NOT NULL
);

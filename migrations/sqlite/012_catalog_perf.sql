-- 012: indexes in the order the catalog's lists are read (bench/README.md, "Catalog"): a column's
-- or an agency's items newest first, as the public sees them (发布日期) and as staff do (last
-- change), so that the first page is read from the index instead of sorting every row.
CREATE INDEX items_column_live ON items(column_id, published_on DESC, published_at DESC, id DESC);
CREATE INDEX items_column_changed ON items(column_id, updated_at DESC, id DESC);
CREATE INDEX items_agency_live ON items(agency_id, published_on DESC, published_at DESC, id DESC);
CREATE INDEX items_agency_changed ON items(agency_id, updated_at DESC, id DESC);

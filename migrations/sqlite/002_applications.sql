-- 002: applications (依申请公开) with their append-only event lists, and the 复议/诉讼 cases.
-- Receipt date, due date, status and outcome are derived from the events (src/applications/),
-- never stored.
CREATE TABLE applications (
  id INTEGER PRIMARY KEY,
  agency_id INTEGER NOT NULL REFERENCES agencies(id),
  number TEXT NOT NULL DEFAULT '',
  channel TEXT NOT NULL CHECK (channel IN ('online', 'in_person', 'registered_letter',
                                           'ordinary_letter', 'fax', 'email')),
  applicant_kind TEXT NOT NULL CHECK (applicant_kind IN ('natural_person', 'commercial_enterprise',
                                                         'research_institution', 'social_welfare_org',
                                                         'legal_service_org', 'other_org')),
  identity_document TEXT NOT NULL CHECK (identity_document IN ('resident_id', 'credit_code')),
  identity_number TEXT NOT NULL,
  contact_name TEXT NOT NULL DEFAULT '',
  work_unit TEXT NOT NULL DEFAULT '',
  legal_representative TEXT NOT NULL DEFAULT '',
  contact_person TEXT NOT NULL DEFAULT '',
  phone TEXT NOT NULL DEFAULT '',
  fax TEXT NOT NULL DEFAULT '',
  email TEXT NOT NULL DEFAULT '',
  address TEXT NOT NULL DEFAULT '',
  postcode TEXT NOT NULL DEFAULT '',
  description TEXT NOT NULL,
  document_number TEXT NOT NULL DEFAULT '',
  purpose TEXT NOT NULL DEFAULT '',
  carrier TEXT NOT NULL CHECK (carrier IN ('paper', 'email', 'disc', 'disk')),
  delivery TEXT NOT NULL CHECK (delivery IN ('post', 'express', 'email', 'fax', 'pick_up',
                                             'on_site_reading')),
  decision_corrected INTEGER NOT NULL DEFAULT 0 CHECK (decision_corrected IN (0, 1))
);
CREATE UNIQUE INDEX applications_by_number ON applications(agency_id, number) WHERE number <> '';
CREATE INDEX applications_by_agency ON applications(agency_id);

-- One row per event; seq is 0, 1, 2 … per application. Rows are never updated or deleted.
CREATE TABLE application_events (
  application_id INTEGER NOT NULL REFERENCES applications(id),
  seq INTEGER NOT NULL CHECK (seq >= 0),
  type TEXT NOT NULL,
  date TEXT NOT NULL CHECK (length(date) = 10),  -- YYYY-MM-DD
  actor TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT '',
  party TEXT NOT NULL DEFAULT '',
  consulted TEXT NOT NULL DEFAULT 'third_party' CHECK (consulted IN ('third_party', 'other_agency')),
  days INTEGER NOT NULL DEFAULT 0,
  fee INTEGER NOT NULL DEFAULT 0,  -- fen
  fee_method TEXT NOT NULL DEFAULT 'per_volume' CHECK (fee_method IN ('per_volume',
                                                                      'per_application')),
  outcomes TEXT NOT NULL DEFAULT '',  -- outcome codes separated by commas: "1,3.4"
  PRIMARY KEY (application_id, seq)
) WITHOUT ROWID;
CREATE TRIGGER application_events_no_update BEFORE UPDATE ON application_events
BEGIN
  SELECT RAISE(ABORT, 'application events are append-only');
END;
CREATE TRIGGER application_events_no_delete BEFORE DELETE ON application_events
BEGIN
  SELECT RAISE(ABORT, 'application events are append-only');
END;

CREATE TABLE application_cases (
  id INTEGER PRIMARY KEY,
  application_id INTEGER NOT NULL REFERENCES applications(id),
  agency_id INTEGER NOT NULL REFERENCES agencies(id),
  kind TEXT NOT NULL CHECK (kind IN ('reconsideration', 'direct_litigation',
                                     'litigation_after_reconsideration')),
  filed TEXT NOT NULL CHECK (length(filed) = 10),
  result TEXT NOT NULL DEFAULT 'pending' CHECK (result IN ('pending', 'upheld', 'corrected',
                                                           'other')),
  decided_on TEXT CHECK (decided_on IS NULL OR length(decided_on) = 10),
  CHECK ((result = 'pending') = (decided_on IS NULL))
);
CREATE INDEX application_cases_by_agency ON application_cases(agency_id);
CREATE INDEX application_cases_by_application ON application_cases(application_id);

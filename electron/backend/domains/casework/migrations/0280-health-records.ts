// The case file's health section: where the medico-legal report is held (never its findings),
// check-ups, medicines and PhilHealth membership, one row per record with the fields of its kind;
// and the administrator's choice of the roles that may read it.
import { META, type Migration } from '../../../db/migrations/migration';

const HEALTH_RECORDS_SQL = `
  CREATE TABLE health_records (
    id TEXT PRIMARY KEY,
    child_id TEXT NOT NULL REFERENCES children(id),
    kind TEXT NOT NULL CHECK (kind IN ('medico_legal', 'checkup', 'medicine', 'philhealth')),
    date TEXT,
    until TEXT,
    held_at TEXT,
    checked_by TEXT,
    medicine TEXT,
    dose TEXT,
    philhealth_number TEXT,
    philhealth_category TEXT CHECK (philhealth_category IS NULL OR philhealth_category IN
      ('dependent', 'indigent', 'sponsored', 'direct_contributor', 'other')),
    note TEXT,
    deleted_at TEXT,
    ${META},
    CHECK (kind <> 'medico_legal' OR (date IS NOT NULL AND held_at IS NOT NULL)),
    CHECK (kind <> 'checkup' OR (date IS NOT NULL AND checked_by IS NOT NULL)),
    CHECK (kind <> 'medicine' OR (medicine IS NOT NULL AND dose IS NOT NULL AND date IS NOT NULL
      AND (until IS NULL OR until >= date))),
    CHECK (kind <> 'philhealth' OR (philhealth_number IS NOT NULL
      AND philhealth_category IS NOT NULL))
  );
  CREATE INDEX health_records_child ON health_records(child_id, date) WHERE deleted_at IS NULL;

  -- One row ('readers'): the roles, as a JSON list, that may read the health section.
  CREATE TABLE health_access (
    id TEXT PRIMARY KEY,
    roles TEXT NOT NULL,
    ${META}
  );
`;

export const healthRecords: Migration = {
  version: 22,
  name: 'health-records',
  sql: HEALTH_RECORDS_SQL,
};

// Survivor case records (children and their file), shelters, beds and placements.
import { INSTANT, META, type Migration } from '../../../db/migrations/migration';

/**
 * The placement invariants as a backstop under the service checks: even a direct write cannot
 * give a child two placements, or a bed two children, at the same instant. Intervals are
 * half-open [start, end), so a transfer's old end may equal the new start.
 */
const overlapGuard = (event: 'INSERT' | 'UPDATE') => `
  CREATE TRIGGER placements_guard_${event.toLowerCase()}
  BEFORE ${event === 'INSERT' ? 'INSERT' : 'UPDATE OF child_id, bed_id, start_at, end_at, deleted_at'} ON placements
  WHEN NEW.deleted_at IS NULL
  BEGIN
    SELECT RAISE(ABORT, 'placement.endBeforeStart')
      WHERE NEW.end_at IS NOT NULL AND NEW.end_at < NEW.start_at;
    SELECT RAISE(ABORT, 'placement.childOverlap') WHERE EXISTS (
      SELECT 1 FROM placements p
      WHERE p.child_id = NEW.child_id AND p.id <> NEW.id AND p.deleted_at IS NULL
        AND p.start_at < coalesce(NEW.end_at, '9999-12-31T23:59:59.999Z')
        AND (p.end_at IS NULL OR p.end_at > NEW.start_at));
    SELECT RAISE(ABORT, 'placement.bedOverlap') WHERE EXISTS (
      SELECT 1 FROM placements p
      WHERE p.bed_id = NEW.bed_id AND p.id <> NEW.id AND p.deleted_at IS NULL
        AND p.start_at < coalesce(NEW.end_at, '9999-12-31T23:59:59.999Z')
        AND (p.end_at IS NULL OR p.end_at > NEW.start_at));
  END;`;

const CASES_SQL = `
  CREATE TABLE shelters (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    address TEXT,
    sex_rule TEXT NOT NULL,
    min_age INTEGER NOT NULL,
    max_age INTEGER NOT NULL,
    capacity INTEGER NOT NULL,
    deleted_at TEXT,${META}
  );

  CREATE TABLE children (
    id TEXT PRIMARY KEY,
    case_code TEXT NOT NULL UNIQUE,
    case_year INTEGER NOT NULL,
    case_seq INTEGER NOT NULL,
    legal_name TEXT NOT NULL,
    preferred_name TEXT,
    initials TEXT NOT NULL,
    search_text TEXT NOT NULL,
    birth_kind TEXT NOT NULL CHECK (birth_kind IN ('dob', 'estimated')),
    date_of_birth TEXT,
    estimated_age_years INTEGER,
    estimated_as_of TEXT,
    sex TEXT NOT NULL,
    gender_identity TEXT,
    languages TEXT NOT NULL DEFAULT '[]',
    referral_source TEXT NOT NULL,
    referral_date TEXT NOT NULL,
    intake_date TEXT NOT NULL,
    rescue_date TEXT,
    referring_agency_ref TEXT,
    status TEXT NOT NULL,
    assigned_caseworker_id TEXT REFERENCES users(id),
    registered_by TEXT,
    sibling_group_id TEXT,
    deleted_at TEXT,${META},
    UNIQUE (case_year, case_seq),
    CHECK ((birth_kind = 'dob' AND date_of_birth IS NOT NULL)
        OR (birth_kind = 'estimated' AND estimated_age_years IS NOT NULL AND estimated_as_of IS NOT NULL))
  );
  CREATE INDEX children_status ON children(status);
  CREATE INDEX children_caseworker ON children(assigned_caseworker_id);
  CREATE INDEX children_registered_by ON children(registered_by);
  CREATE INDEX children_sibling_group ON children(sibling_group_id) WHERE sibling_group_id IS NOT NULL;

  CREATE TABLE child_status_changes (
    id TEXT PRIMARY KEY,
    child_id TEXT NOT NULL REFERENCES children(id),
    from_status TEXT,
    to_status TEXT NOT NULL,
    changed_at TEXT NOT NULL,${META}
  );
  CREATE INDEX child_status_changes_child ON child_status_changes(child_id, changed_at);

  CREATE TABLE beds (
    id TEXT PRIMARY KEY,
    shelter_id TEXT NOT NULL REFERENCES shelters(id),
    room TEXT,
    label TEXT NOT NULL,
    reserved_for_child_id TEXT REFERENCES children(id),
    deleted_at TEXT,${META}
  );
  CREATE INDEX beds_shelter ON beds(shelter_id);
  CREATE INDEX beds_reserved_for ON beds(reserved_for_child_id) WHERE reserved_for_child_id IS NOT NULL;

  CREATE TABLE consents (
    id TEXT PRIMARY KEY,
    child_id TEXT NOT NULL REFERENCES children(id),
    type TEXT NOT NULL,
    agency TEXT,
    given_by TEXT NOT NULL,
    given_on TEXT NOT NULL,
    scope TEXT NOT NULL,
    withdrawn_on TEXT,
    withdrawn_reason TEXT,
    deleted_at TEXT,${META}
  );
  CREATE INDEX consents_child ON consents(child_id, type);

  CREATE TABLE family_members (
    id TEXT PRIMARY KEY,
    child_id TEXT NOT NULL REFERENCES children(id),
    name TEXT NOT NULL,
    relationship TEXT NOT NULL,
    phone TEXT,
    address TEXT,
    lives_in_household INTEGER NOT NULL DEFAULT 0,
    alleged_offender INTEGER NOT NULL DEFAULT 0,
    alleged_offender_since TEXT,
    no_contact_order INTEGER NOT NULL DEFAULT 0,
    no_contact_order_date TEXT,
    notes TEXT,
    deleted_at TEXT,${META}
  );
  CREATE INDEX family_members_child ON family_members(child_id);

  CREATE TABLE intake_accounts (
    id TEXT PRIMARY KEY,
    child_id TEXT NOT NULL UNIQUE REFERENCES children(id),
    account TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    recorded_by TEXT,${META}
  );

  CREATE TABLE plan_goals (
    id TEXT PRIMARY KEY,
    child_id TEXT NOT NULL REFERENCES children(id),
    domain TEXT NOT NULL,
    goal_text TEXT NOT NULL,
    responsible TEXT NOT NULL,
    target_date TEXT,
    status TEXT NOT NULL,
    deleted_at TEXT,${META}
  );
  CREATE INDEX plan_goals_child ON plan_goals(child_id);
  CREATE INDEX plan_goals_target ON plan_goals(target_date)
    WHERE target_date IS NOT NULL AND deleted_at IS NULL;

  CREATE TABLE plan_tasks (
    id TEXT PRIMARY KEY,
    child_id TEXT NOT NULL REFERENCES children(id),
    goal_id TEXT REFERENCES plan_goals(id),
    title TEXT NOT NULL,
    due_date TEXT NOT NULL,
    responsible TEXT,
    done_on TEXT,
    deleted_at TEXT,${META}
  );
  CREATE INDEX plan_tasks_child ON plan_tasks(child_id);
  CREATE INDEX plan_tasks_open_due ON plan_tasks(due_date) WHERE done_on IS NULL AND deleted_at IS NULL;

  CREATE TABLE legal_events (
    id TEXT PRIMARY KEY,
    child_id TEXT NOT NULL REFERENCES children(id),
    kind TEXT NOT NULL,
    date TEXT NOT NULL,
    time TEXT,
    court TEXT NOT NULL,
    case_number TEXT NOT NULL,
    notes TEXT,
    deleted_at TEXT,${META}
  );
  CREATE INDEX legal_events_child ON legal_events(child_id, date);
  CREATE INDEX legal_events_date ON legal_events(date) WHERE deleted_at IS NULL;

  CREATE TABLE placements (
    id TEXT PRIMARY KEY,
    child_id TEXT NOT NULL REFERENCES children(id),
    shelter_id TEXT NOT NULL REFERENCES shelters(id),
    bed_id TEXT NOT NULL REFERENCES beds(id),
    start_at TEXT NOT NULL ${INSTANT('start_at')},
    end_at TEXT ${INSTANT('end_at')},
    reason TEXT NOT NULL,
    exit_destination TEXT,
    exit_note TEXT,
    override_reason TEXT,
    deleted_at TEXT,${META},
    CHECK (end_at IS NULL OR end_at >= start_at)
  );
  CREATE INDEX placements_child ON placements(child_id, start_at);
  CREATE INDEX placements_bed ON placements(bed_id, start_at);
  CREATE INDEX placements_shelter ON placements(shelter_id, start_at);
  -- At most one open placement per child and per bed; also the fast path to "current".
  CREATE UNIQUE INDEX placements_open_child ON placements(child_id)
    WHERE end_at IS NULL AND deleted_at IS NULL;
  CREATE UNIQUE INDEX placements_open_bed ON placements(bed_id)
    WHERE end_at IS NULL AND deleted_at IS NULL;
  CREATE INDEX placements_open_shelter ON placements(shelter_id, child_id)
    WHERE end_at IS NULL AND deleted_at IS NULL;
  ${overlapGuard('INSERT')}
  ${overlapGuard('UPDATE')}
`;

export const childrenShelters: Migration = {
  version: 2,
  name: 'cases-shelters-placements',
  sql: CASES_SQL,
};

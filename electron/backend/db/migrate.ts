// Numbered schema migrations, each in one transaction, tracked by PRAGMA user_version.
import type { Db } from './sqlcipher';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Every table carries created/updated metadata. */
const META = `
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  created_by TEXT,
  updated_by TEXT`;

/** A stored UTC instant, exactly as Date.toISOString() writes it, so text order is time order. */
const INSTANT = (column: string) =>
  `CHECK (${column} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9]Z')`;

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

/** Survivor case records, shelters, beds and placements. */
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

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'foundation',
    sql: `
      CREATE TABLE vault_meta (
        id TEXT PRIMARY KEY,
        vault_id TEXT NOT NULL,
        audit_head_seq INTEGER NOT NULL DEFAULT 0,
        audit_head_hash TEXT NOT NULL,${META}
      );
      CREATE TABLE vault_settings (
        id TEXT PRIMARY KEY,
        idle_lock_minutes INTEGER NOT NULL,
        time_zone TEXT NOT NULL,
        paper_size TEXT NOT NULL,${META}
      );
      CREATE TABLE users (
        id TEXT PRIMARY KEY,
        username TEXT NOT NULL UNIQUE,
        display_name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('admin','coordinator','caseworker','therapist')),
        shelter_scope TEXT NOT NULL DEFAULT '[]',
        must_change_password INTEGER NOT NULL DEFAULT 0,
        last_sign_in_at TEXT,
        deleted_at TEXT,${META}
      );
      CREATE TABLE audit_log (
        seq INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        actor_id TEXT,
        action TEXT NOT NULL,
        target_type TEXT,
        target_id TEXT,
        outcome TEXT NOT NULL,
        detail TEXT,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
      );
      CREATE INDEX audit_log_at ON audit_log(at);
      CREATE INDEX audit_log_actor ON audit_log(actor_id, seq);
      CREATE TABLE change_log (
        seq INTEGER PRIMARY KEY,
        hlc TEXT NOT NULL,
        device_id TEXT NOT NULL,
        user_id TEXT,
        table_name TEXT NOT NULL,
        row_id TEXT NOT NULL,
        op TEXT NOT NULL CHECK (op IN ('insert','update','delete')),
        columns TEXT NOT NULL
      );
      CREATE INDEX change_log_hlc ON change_log(hlc);
    `,
  },
  {
    version: 2,
    name: 'cases-shelters-placements',
    sql: CASES_SQL,
  },
];

export const SCHEMA_VERSION = MIGRATIONS.at(-1)!.version;

export function migrate(db: Db, migrations: readonly Migration[] = MIGRATIONS): number {
  const current = Number(db.pragma('user_version', { simple: true }) ?? 0);
  for (const migration of migrations) {
    if (migration.version <= current) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
  return Number(db.pragma('user_version', { simple: true }));
}

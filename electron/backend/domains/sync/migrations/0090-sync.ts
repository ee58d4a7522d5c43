// Sync between the organisation's computers: this computer's signing key and the organisation's
// bundle key (local), the organisation's list of computers (synced), and what was read from and
// written to each sync folder (local). Merged data must be able to hold what two computers did
// offline at once (two children in one bed, two equal case codes), so the one-row-only unique
// constraints become plain indexes and the placement and signed-note guards stand aside while a
// sync applies remote changes; they still guard every local write.
import { INSTANT, META, type Migration } from '../../../db/migrations/migration';

/** A row exists only inside the transaction that applies remote changes. */
const WHILE_NOT_APPLYING = 'NOT EXISTS (SELECT 1 FROM sync_applying)';

const overlapGuard = (event: 'INSERT' | 'UPDATE') => `
  DROP TRIGGER placements_guard_${event.toLowerCase()};
  CREATE TRIGGER placements_guard_${event.toLowerCase()}
  BEFORE ${event === 'INSERT' ? 'INSERT' : 'UPDATE OF child_id, bed_id, start_at, end_at, deleted_at'} ON placements
  WHEN NEW.deleted_at IS NULL AND ${WHILE_NOT_APPLYING}
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

const noteGuard = (event: 'INSERT' | 'UPDATE') => `
  CREATE TRIGGER therapy_notes_one_per_child_${event.toLowerCase()}
  BEFORE ${event} ON therapy_notes
  WHEN NEW.deleted_at IS NULL AND ${WHILE_NOT_APPLYING}
  BEGIN
    SELECT RAISE(ABORT, 'note.exists') WHERE EXISTS (
      SELECT 1 FROM therapy_notes n
      WHERE n.session_id = NEW.session_id AND n.child_id = NEW.child_id AND n.id <> NEW.id
        AND n.deleted_at IS NULL);
  END;`;

const SYNC_SQL = `
  CREATE TABLE sync_applying (id INTEGER PRIMARY KEY);

  ${overlapGuard('INSERT')}
  ${overlapGuard('UPDATE')}
  DROP INDEX placements_open_child;
  DROP INDEX placements_open_bed;
  CREATE INDEX placements_open_child ON placements(child_id) WHERE end_at IS NULL AND deleted_at IS NULL;
  CREATE INDEX placements_open_bed ON placements(bed_id) WHERE end_at IS NULL AND deleted_at IS NULL;

  DROP INDEX therapy_notes_session_child;
  CREATE INDEX therapy_notes_session_child ON therapy_notes(session_id, child_id) WHERE deleted_at IS NULL;
  ${noteGuard('INSERT')}
  ${noteGuard('UPDATE')}
  DROP TRIGGER therapy_notes_signed_locked;
  CREATE TRIGGER therapy_notes_signed_locked BEFORE UPDATE ON therapy_notes
  WHEN OLD.status = 'signed' AND ${WHILE_NOT_APPLYING}
  BEGIN
    SELECT RAISE(ABORT, 'note.signed');
  END;
  DROP TRIGGER therapy_note_addenda_locked;
  CREATE TRIGGER therapy_note_addenda_locked BEFORE UPDATE ON therapy_note_addenda
  WHEN ${WHILE_NOT_APPLYING}
  BEGIN
    SELECT RAISE(ABORT, 'note.signed');
  END;

  -- Children without the unique case code and sequence (same columns, same order).
  CREATE TABLE children_merged (
    id TEXT PRIMARY KEY,
    case_code TEXT NOT NULL,
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
    CHECK ((birth_kind = 'dob' AND date_of_birth IS NOT NULL)
        OR (birth_kind = 'estimated' AND estimated_age_years IS NOT NULL AND estimated_as_of IS NOT NULL))
  );
  INSERT INTO children_merged SELECT * FROM children;
  DROP TABLE children;
  ALTER TABLE children_merged RENAME TO children;
  CREATE INDEX children_status ON children(status);
  CREATE INDEX children_caseworker ON children(assigned_caseworker_id);
  CREATE INDEX children_registered_by ON children(registered_by);
  CREATE INDEX children_sibling_group ON children(sibling_group_id) WHERE sibling_group_id IS NOT NULL;
  CREATE INDEX children_case_code ON children(case_code);
  CREATE INDEX children_case_seq ON children(case_year, case_seq);

  -- Intake accounts: one per child is the service's rule; two computers may each record one.
  CREATE TABLE intake_accounts_merged (
    id TEXT PRIMARY KEY,
    child_id TEXT NOT NULL REFERENCES children(id),
    account TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    recorded_by TEXT,${META}
  );
  INSERT INTO intake_accounts_merged SELECT * FROM intake_accounts;
  DROP TABLE intake_accounts;
  ALTER TABLE intake_accounts_merged RENAME TO intake_accounts;
  CREATE INDEX intake_accounts_child ON intake_accounts(child_id);

  -- Remote changes are looked up by their clock (idempotence) and folded per row.
  CREATE INDEX change_log_row ON change_log(table_name, row_id);

  -- This computer's own signing key, by device, and the organisation's identity and bundle key.
  CREATE TABLE sync_identity (
    device_id TEXT PRIMARY KEY,
    org_id TEXT NOT NULL,
    bundle_key TEXT NOT NULL,
    signing_key TEXT NOT NULL,
    created_at TEXT NOT NULL ${INSTANT('created_at')}
  );

  -- The organisation's computers: synced, so a removal reaches every computer. The case tag goes
  -- into the case codes the computer gives, so two computers never give the same one.
  CREATE TABLE sync_computers (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    public_key TEXT NOT NULL,
    case_tag TEXT NOT NULL,
    removed_at TEXT,${META}
  );

  -- Every bundle read or written per sync folder, and the clocks of the changes it carries, so
  -- this computer writes to a folder only what the folder does not hold yet.
  CREATE TABLE sync_bundles (
    folder TEXT NOT NULL,
    name TEXT NOT NULL,
    author_id TEXT NOT NULL,
    change_count INTEGER NOT NULL,
    seen_at TEXT NOT NULL,
    PRIMARY KEY (folder, name)
  );
  CREATE TABLE sync_bundle_changes (
    folder TEXT NOT NULL,
    hlc TEXT NOT NULL,
    PRIMARY KEY (folder, hlc)
  ) WITHOUT ROWID;

  -- Which bundles (by file name) each computer said it has applied, from its own bundles.
  CREATE TABLE sync_acks (
    computer_id TEXT NOT NULL,
    bundle_name TEXT NOT NULL,
    PRIMARY KEY (computer_id, bundle_name)
  ) WITHOUT ROWID;
`;

// Versions run 1, 2, 3, … with no gap (tests/unit/audit-and-data.test.ts): 5 while this is the
// only migration after 0040; renumbered in file order when the others' migrations join it.
export const sync: Migration = {
  version: 8,
  name: 'sync',
  sql: SYNC_SQL,
};

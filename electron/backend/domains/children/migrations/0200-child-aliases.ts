// Aliases: fictitious initials that every list, Today, the bed board, the gate and every report
// show with the case code, since real initials with age and shelter can identify a child from a
// small barangay. The real initials move to `legal_initials`, which only the name reveal sends;
// renaming the column (rather than keeping it) makes any read of `initials` fail instead of
// quietly showing the real ones.
//
// A child registered before this migration gets an alias derived from the random tail of its
// id, so every computer that runs the migration gives the same child the same alias without a
// change to exchange. The change log's earlier writes are renamed the same way, so a merge that
// rebuilds a row from them never brings the old column back. A child that arrives from another
// computer with no alias (written before that computer migrated) gets one by the same rule.
//
// A family member's barangay is kept apart from the street address: it is what finds a family in
// a small place, and the privacy screen hides it with the phone and address.
//
// The intake account becomes a reference: where the account is held (the joint interview, a video,
// an affidavit) and its reference, with the free text optional ('' when none). Corrections are
// signed addenda; neither the account nor an addendum changes once written (the guards stand
// aside only while a sync applies, whose rebuild rewrites the same values). An opening by someone
// other than the child's caseworker, therapist or a coordinator keeps its reason in intake_reads
// (local, like the audit log it goes with).
import { INSTANT, META, type Migration } from '../../../db/migrations/migration';

const WHILE_NOT_APPLYING = 'NOT EXISTS (SELECT 1 FROM sync_applying)';

const HEX = `'0123456789abcdef'`;

/** One letter A–Z from the two hex digits of `id` at `at` (1-based). */
const letter = (id: string, at: number) =>
  `char(65 + abs((instr(${HEX}, lower(substr(${id}, ${at}, 1))) - 1) * 16
    + instr(${HEX}, lower(substr(${id}, ${at + 1}, 1))) - 1) % 26)`;

/** "R.T.L." style, from three letters of the id starting at `at`. */
const aliasAt = (id: string, at: number) =>
  `${letter(id, at)} || '.' || ${letter(id, at + 2)} || '.' || ${letter(id, at + 4)} || '.'`;

/** The UUID's last group is random; a second pick when the first equals the real initials. */
const derivedAlias = (id: string, legalInitials: string) =>
  `CASE WHEN ${aliasAt(id, 25)} = ${legalInitials} THEN ${aliasAt(id, 31)} ELSE ${aliasAt(id, 25)} END`;

const CHILD_ALIASES_SQL = `
  ALTER TABLE children RENAME COLUMN initials TO legal_initials;
  ALTER TABLE children ADD COLUMN alias TEXT NOT NULL DEFAULT '';
  UPDATE children SET alias = ${derivedAlias('id', 'legal_initials')};

  UPDATE change_log
    SET columns = json_remove(
      json_set(columns, '$.legal_initials', json_extract(columns, '$.initials')), '$.initials')
    WHERE table_name = 'children' AND json_type(columns, '$.initials') IS NOT NULL;

  ALTER TABLE family_members ADD COLUMN barangay TEXT;

  ALTER TABLE intake_accounts ADD COLUMN held_where TEXT
    CHECK (held_where IN ('joint_interview', 'video', 'affidavit'));
  ALTER TABLE intake_accounts ADD COLUMN reference TEXT;
  CREATE TRIGGER intake_accounts_kept BEFORE UPDATE OF account, held_where, reference
    ON intake_accounts WHEN ${WHILE_NOT_APPLYING}
  BEGIN
    SELECT RAISE(ABORT, 'intake.kept');
  END;

  CREATE TABLE intake_addenda (
    id TEXT PRIMARY KEY,
    child_id TEXT NOT NULL REFERENCES children(id),
    text TEXT NOT NULL,
    signed_at TEXT NOT NULL ${INSTANT('signed_at')},
    signed_by TEXT,
    ${META}
  );
  CREATE INDEX intake_addenda_child ON intake_addenda(child_id);
  CREATE TRIGGER intake_addenda_kept BEFORE UPDATE ON intake_addenda WHEN ${WHILE_NOT_APPLYING}
  BEGIN
    SELECT RAISE(ABORT, 'intake.kept');
  END;

  CREATE TABLE intake_reads (
    id TEXT PRIMARY KEY,
    child_id TEXT NOT NULL REFERENCES children(id),
    reader_id TEXT NOT NULL,
    reason TEXT NOT NULL,
    read_at TEXT NOT NULL,
    ${META}
  );
  CREATE INDEX intake_reads_child ON intake_reads(child_id);

  CREATE TRIGGER children_alias_missing AFTER INSERT ON children WHEN NEW.alias = ''
  BEGIN
    UPDATE children SET alias = ${derivedAlias('NEW.id', 'NEW.legal_initials')} WHERE id = NEW.id;
  END;
`;

export const childAliases: Migration = {
  version: 13,
  name: 'child-aliases',
  sql: CHILD_ALIASES_SQL,
};

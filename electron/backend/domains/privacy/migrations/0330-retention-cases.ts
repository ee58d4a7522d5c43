// Retention of closed cases: one reviewed deletion empties every record of the child, in many
// tables. The case keeps one tombstone (on the child's row); each other row it empties gets a
// part tombstone (`part_of` names the case's), so migration 0290's triggers keep that row's
// content out of the change log, now and when an older change of it arrives from another
// computer. The record-once intake account, its addenda and an approved reintegration assessment
// are locked against updates; like a signed note (migration 0320), each lock stands aside for a
// row that has a tombstone, which only a reviewed deletion writes. Its version is the next in the
// list, whatever its file number.
import type { Migration } from '../../../db/migrations/migration';

const WHILE_NOT_APPLYING = 'NOT EXISTS (SELECT 1 FROM sync_applying)';
const NOT_RETAINED = (table: string) =>
  `NOT EXISTS (SELECT 1 FROM retention_tombstones
               WHERE record_table = '${table}' AND record_id = OLD.id)`;

export const retentionCases: Migration = {
  version: 24,
  name: 'retention of closed cases',
  sql: `
    ALTER TABLE retention_tombstones ADD COLUMN part_of TEXT REFERENCES retention_tombstones(id);
    CREATE INDEX retention_tombstones_part_of ON retention_tombstones(part_of)
      WHERE part_of IS NOT NULL;

    DROP TRIGGER intake_accounts_kept;
    CREATE TRIGGER intake_accounts_kept BEFORE UPDATE OF account, held_where, reference
      ON intake_accounts WHEN ${WHILE_NOT_APPLYING} AND ${NOT_RETAINED('intake_accounts')}
    BEGIN
      SELECT RAISE(ABORT, 'intake.kept');
    END;
    DROP TRIGGER intake_addenda_kept;
    CREATE TRIGGER intake_addenda_kept BEFORE UPDATE ON intake_addenda
      WHEN ${WHILE_NOT_APPLYING} AND ${NOT_RETAINED('intake_addenda')}
    BEGIN
      SELECT RAISE(ABORT, 'intake.kept');
    END;
    DROP TRIGGER reintegration_assessments_approved_locked;
    CREATE TRIGGER reintegration_assessments_approved_locked
      BEFORE UPDATE ON reintegration_assessments
      WHEN OLD.status = 'approved' AND ${NOT_RETAINED('reintegration_assessments')}
    BEGIN
      SELECT RAISE(ABORT, 'assessment.approved');
    END;
  `,
};

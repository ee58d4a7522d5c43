// Retention of session notes: a signed note and its addenda are locked against every update
// (migration 0040, standing aside only while a sync applies). A reviewed deletion must still
// remove their content, so the locks also stand aside for a note that has a retention tombstone:
// the deletion writes the tombstone first, then overwrites the content; the signature (who
// signed, when) stays. Its version is the next in the list, whatever its file number.
import type { Migration } from '../../../db/migrations/migration';

const WHILE_NOT_APPLYING = 'NOT EXISTS (SELECT 1 FROM sync_applying)';
const NOT_RETAINED = (noteId: string) =>
  `NOT EXISTS (SELECT 1 FROM retention_tombstones
               WHERE record_table = 'therapy_notes' AND record_id = ${noteId})`;

export const retentionNotes: Migration = {
  version: 23,
  name: 'retention of session notes',
  sql: `
    DROP TRIGGER therapy_notes_signed_locked;
    CREATE TRIGGER therapy_notes_signed_locked BEFORE UPDATE ON therapy_notes
    WHEN OLD.status = 'signed' AND ${WHILE_NOT_APPLYING} AND ${NOT_RETAINED('OLD.id')}
    BEGIN
      SELECT RAISE(ABORT, 'note.signed');
    END;
    DROP TRIGGER therapy_note_addenda_locked;
    CREATE TRIGGER therapy_note_addenda_locked BEFORE UPDATE ON therapy_note_addenda
    WHEN ${WHILE_NOT_APPLYING} AND ${NOT_RETAINED('OLD.note_id')}
    BEGIN
      SELECT RAISE(ABORT, 'note.signed');
    END;
  `,
};

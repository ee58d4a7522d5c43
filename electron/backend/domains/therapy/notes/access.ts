// Who may read a note's content. Its author always; another therapist as the policy says (every
// therapist's notes, or only those of children on their own caseload); a coordinator only by a
// break-glass read with a typed reason; nobody else, through any procedure.
import type { CaseActor, CaseVault } from '../../../records/actor';
import { clinicalPolicy } from './policy';

export interface NoteOwnership {
  author_id: string;
  child_id: string;
}

/** The child has a plan or a session with this therapist. */
export function onCaseload(vault: CaseVault, therapistId: string, childId: string): boolean {
  return (
    vault.db
      .prepare(
        `SELECT 1 FROM therapy_plans WHERE therapist_id = $t AND child_id = $c AND deleted_at IS NULL
         UNION ALL
         SELECT 1 FROM therapy_participants pa JOIN therapy_sessions ts ON ts.id = pa.session_id
         WHERE pa.child_id = $c AND pa.deleted_at IS NULL AND ts.therapist_id = $t
           AND ts.deleted_at IS NULL
         LIMIT 1`,
      )
      .get({ t: therapistId, c: childId }) !== undefined
  );
}

/** Whether the actor reads the note's content without breaking the glass. */
export function readsNote(vault: CaseVault, actor: CaseActor, note: NoteOwnership): boolean {
  if (actor.role !== 'therapist') return false;
  if (note.author_id === actor.userId) return true;
  if (clinicalPolicy(vault).therapistNoteAccess === 'allTherapists') return true;
  return onCaseload(vault, actor.userId, note.child_id);
}

/**
 * SQL condition on therapy_notes aliased `n`: the notes the actor reads (for search and lists).
 * Parameters: $reader.
 */
export function readableNotesSql(vault: CaseVault, actor: CaseActor): string {
  if (actor.role !== 'therapist') return '0';
  if (clinicalPolicy(vault).therapistNoteAccess === 'allTherapists') return '1';
  return `(n.author_id = $reader OR n.child_id IN (
    SELECT child_id FROM therapy_plans WHERE therapist_id = $reader AND deleted_at IS NULL
    UNION
    SELECT pa.child_id FROM therapy_sessions ts
      JOIN therapy_participants pa ON pa.session_id = ts.id AND pa.deleted_at IS NULL
    WHERE ts.therapist_id = $reader AND ts.deleted_at IS NULL))`;
}

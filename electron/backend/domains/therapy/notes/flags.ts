// Risk flags: the author of a note raises a concern (safety, self-harm, …). The child's caseworker
// gets a task that says only that a clinician raised a concern and whom to contact: the task, the
// case file and the agenda never carry the note, its kind of concern, or any of its words.
import { AppError } from '../../../../../shared/errors';
import type { RiskFlag, RiskFlagKind } from '../../../../../shared/therapy/notes';
import { clockFor, type CaseActor, type CaseVault } from '../../../records/actor';
import { saveTask } from '../../children';
import { loadNote, noteRow } from './notes';

function displayName(vault: CaseVault, userId: string | null): string | null {
  if (!userId) return null;
  return (
    (vault.db
      .prepare('SELECT display_name FROM users WHERE id = ?', { pluck: true })
      .get([userId]) as string | undefined) ?? null
  );
}

/** The task's words: the same for every kind of concern, so the task reveals nothing more. */
export function concernTaskTitle(clinicianName: string): string {
  return `A clinician raised a concern: please contact ${clinicianName}`;
}

export function raiseFlag(
  vault: CaseVault,
  actor: CaseActor,
  input: { id: string; kind: RiskFlagKind },
): RiskFlag {
  const note = noteRow(vault, input.id);
  if (note.author_id !== actor.userId) throw new AppError('FORBIDDEN', 'note.notAuthor');
  const clock = clockFor(vault, actor);
  const caseworkerId = vault.db
    .prepare('SELECT assigned_caseworker_id FROM children WHERE id = ?', { pluck: true })
    .get([note.child_id]) as string | null;
  const task = saveTask(vault, actor, {
    childId: note.child_id,
    title: concernTaskTitle(displayName(vault, actor.userId) ?? ''),
    dueDate: clock.today,
    responsible: displayName(vault, caseworkerId) ?? undefined,
  });
  vault.data.insert('therapy_risk_flags', {
    note_id: note.id,
    child_id: note.child_id,
    kind: input.kind,
    raised_by: actor.userId,
    raised_at: clock.nowIso,
    task_id: task.id,
  });
  return loadNote(vault, actor, note).flags.at(-1)!;
}

// Risk flags: the author of a note raises a concern (safety, self-harm, …). The child's caseworker
// gets a task that says only that a clinician raised a concern and whom to contact: the task, the
// case file and the agenda never carry the note, its kind of concern, or any of its words.
import { AppError } from '../../../../../shared/errors';
import type { OpenRiskFlag, RiskFlag, RiskFlagKind } from '../../../../../shared/therapy/notes';
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

/**
 * The flags the actor raised whose task the caseworker has not marked done: the concerns still
 * to follow up. Only the clinician's own, so the kind of concern goes no further than before.
 */
export function openFlags(vault: CaseVault, actor: CaseActor): OpenRiskFlag[] {
  const rows = vault.db
    .prepare(
      `SELECT f.id, f.note_id, f.child_id, f.kind, f.raised_at, f.task_id,
         c.case_code, c.alias AS initials
       FROM therapy_risk_flags f
       JOIN plan_tasks t ON t.id = f.task_id
       JOIN children c ON c.id = f.child_id
       WHERE f.raised_by = ? AND t.done_on IS NULL AND t.deleted_at IS NULL
         AND c.deleted_at IS NULL
       ORDER BY f.raised_at, f.id`,
    )
    .all([actor.userId]) as {
    id: string;
    note_id: string;
    child_id: string;
    kind: RiskFlagKind;
    raised_at: string;
    task_id: string;
    case_code: string;
    initials: string;
  }[];
  const raisedBy = { id: actor.userId, displayName: displayName(vault, actor.userId) ?? '' };
  return rows.map((r) => ({
    id: r.id,
    noteId: r.note_id,
    childId: r.child_id,
    kind: r.kind,
    raisedBy,
    raisedAt: r.raised_at,
    taskId: r.task_id,
    caseCode: r.case_code,
    initials: r.initials,
  }));
}

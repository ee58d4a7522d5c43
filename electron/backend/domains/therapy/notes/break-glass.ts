// The banner a note's author sees after a coordinator read the note by breaking the glass: each
// read, with who, when and the reason they typed, until the author acknowledges it.
import type { BreakGlassAlert } from '../../../../../shared/therapy/notes';
import { AppError } from '../../../../../shared/errors';
import { clockFor, type CaseActor, type CaseVault } from '../../../records/actor';
import { noteRow } from './notes';

export function breakGlassAlerts(vault: CaseVault, actor: CaseActor): BreakGlassAlert[] {
  const rows = vault.db
    .prepare(
      `SELECT b.id, b.note_id, b.reader_id, u.display_name, b.reason, b.read_at,
         c.case_code, c.alias AS initials, s.start_at
       FROM therapy_note_break_glass b
       JOIN therapy_notes n ON n.id = b.note_id
       JOIN users u ON u.id = b.reader_id
       JOIN children c ON c.id = n.child_id
       JOIN therapy_sessions s ON s.id = n.session_id
       WHERE n.author_id = ? AND b.acknowledged_at IS NULL
       ORDER BY b.read_at DESC`,
    )
    .all([actor.userId]) as {
    id: string;
    note_id: string;
    reader_id: string;
    display_name: string;
    reason: string;
    read_at: string;
    case_code: string;
    initials: string;
    start_at: string;
  }[];
  return rows.map((r) => ({
    id: r.id,
    noteId: r.note_id,
    reader: { id: r.reader_id, displayName: r.display_name },
    reason: r.reason,
    readAt: r.read_at,
    caseCode: r.case_code,
    initials: r.initials,
    sessionStartAt: r.start_at,
  }));
}

/** The note's author has seen the break-glass reads of it so far. */
export function acknowledgeBreakGlass(vault: CaseVault, actor: CaseActor, noteId: string): void {
  const note = noteRow(vault, noteId);
  if (note.author_id !== actor.userId) throw new AppError('FORBIDDEN', 'note.notAuthor');
  const unread = vault.db
    .prepare(
      'SELECT id FROM therapy_note_break_glass WHERE note_id = ? AND acknowledged_at IS NULL',
      { pluck: true },
    )
    .all([noteId]) as string[];
  const at = clockFor(vault, actor).nowIso;
  for (const id of unread)
    vault.data.update('therapy_note_break_glass', id, { acknowledged_at: at });
}

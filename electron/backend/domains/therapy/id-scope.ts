// Who may name the therapy domain's records: therapists' accounts and leave, plans, sessions and
// session notes.
import {
  childVisible,
  ownedBy,
  staffRow,
  visibleChildIds,
  type IdScope,
  type IdVisible,
} from '../../records/scope';

/** A therapist names only their own account; the case team any active therapist's. */
const therapistVisible: IdVisible = (vault, actor, id) => {
  if (actor === null) return false;
  const user = staffRow(vault, id);
  if (!user || user.deleted_at || user.role !== 'therapist') return false;
  return actor.role !== 'therapist' || actor.userId === id;
};

/** A session: visible to its therapist, and to whoever sees one of its children. */
const sessionVisible: IdVisible = (vault, actor, id) => {
  if (actor === null) return false;
  const session = vault.db
    .prepare('SELECT therapist_id FROM therapy_sessions WHERE id = ? AND deleted_at IS NULL')
    .get([id]) as { therapist_id: string } | undefined;
  if (!session) return false;
  if (actor.role === 'therapist' && session.therapist_id === actor.userId) return true;
  const children = vault.db
    .prepare(
      'SELECT child_id FROM therapy_participants WHERE session_id = ? AND deleted_at IS NULL',
      { pluck: true },
    )
    .all([id]) as string[];
  return visibleChildIds(vault, actor, children).size > 0;
};

export const therapyIdScope: IdScope = {
  therapist: therapistVisible,
  therapyPlan: ownedBy('therapy_plans'),
  therapySession: sessionVisible,
  therapyLeave: (vault, actor, id) => {
    const therapistId = vault.db
      .prepare('SELECT therapist_id FROM therapist_leave WHERE id = ? AND deleted_at IS NULL', {
        pluck: true,
      })
      .get([id]) as string | undefined;
    return therapistId !== undefined && therapistVisible(vault, actor, therapistId);
  },
  therapyNote: (vault, actor, id) => {
    const note = vault.db
      .prepare('SELECT author_id, child_id FROM therapy_notes WHERE id = ? AND deleted_at IS NULL')
      .get([id]) as { author_id: string; child_id: string } | undefined;
    if (!actor || !note) return false;
    if (note.author_id === actor.userId) return true;
    // Content is checked again by the notes service; naming the note is what is decided here.
    const everyTherapistReads =
      actor.role === 'therapist' &&
      vault.db
        .prepare('SELECT therapist_note_access FROM clinical_policy', { pluck: true })
        .get() === 'allTherapists';
    return everyTherapistReads || childVisible(vault, actor, note.child_id);
  },
};

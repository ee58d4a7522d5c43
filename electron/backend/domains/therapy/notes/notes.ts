// A session note's lifecycle: started by the session's therapist for one of its children, kept
// as a draft the editor autosaves, signed by its author (locked from then on: the service refuses
// and a trigger backs it), corrected only by signed addenda. Reading content goes through
// readNote, which the router audits every time.
import { AppError } from '../../../../../shared/errors';
import {
  TEMPLATE_FIELDS,
  type BreakGlassRead,
  type ChildSessionNotes,
  type NoteAddendum,
  type NoteAuthor,
  type NoteFields,
  type NoteSearchHit,
  type NoteStatus,
  type NoteTemplate,
  type RiskFlag,
  type RiskFlagKind,
  type SessionNote,
  type SessionNoteStatus,
  sessionTookPlace,
} from '../../../../../shared/therapy/notes';
import {
  clockFor,
  FieldErrors,
  fieldError,
  notFound,
  type CaseActor,
  type CaseVault,
} from '../../../records/actor';
import { readableNotesSql, readsNote } from './access';

export interface NoteRow {
  id: string;
  session_id: string;
  child_id: string;
  plan_id: string | null;
  author_id: string;
  template: NoteTemplate;
  fields: string;
  status: NoteStatus;
  signed_at: string | null;
  signed_by: string | null;
  updated_at: string;
}

export function noteRow(vault: CaseVault, id: string): NoteRow {
  const row = vault.db
    .prepare('SELECT * FROM therapy_notes WHERE id = ? AND deleted_at IS NULL')
    .get([id]) as NoteRow | undefined;
  if (!row) throw notFound();
  return row;
}

function author(vault: CaseVault, userId: string): NoteAuthor {
  const name = vault.db
    .prepare('SELECT display_name FROM users WHERE id = ?', { pluck: true })
    .get([userId]) as string | undefined;
  return { id: userId, displayName: name ?? '' };
}

/** The author's own draft, or the reason it cannot be changed. */
function ownDraft(vault: CaseVault, actor: CaseActor, id: string): NoteRow {
  const row = noteRow(vault, id);
  if (row.author_id !== actor.userId) throw new AppError('FORBIDDEN', 'note.notAuthor');
  if (row.status === 'signed') throw new AppError('CONFLICT', 'note.signed');
  return row;
}

/** Field errors for text in fields the template does not have; the template's fields only. */
function templateFields(template: NoteTemplate, fields: NoteFields): NoteFields {
  const allowed: readonly string[] = TEMPLATE_FIELDS[template];
  const errors = new FieldErrors();
  for (const [key, value] of Object.entries(fields)) {
    if (!allowed.includes(key) && value?.trim()) errors.add(`fields.${key}`, 'note.notInTemplate');
  }
  errors.throwIfAny();
  return Object.fromEntries(
    Object.entries(fields).filter(([key]) => allowed.includes(key)),
  ) as NoteFields;
}

// ---- writing ---------------------------------------------------------------------------------

export interface StartInput {
  sessionId: string;
  childId: string;
  template: NoteTemplate;
}

export function startNote(vault: CaseVault, actor: CaseActor, input: StartInput): SessionNote {
  const session = vault.db
    .prepare('SELECT therapist_id, plan_id, start_at, status FROM therapy_sessions WHERE id = ?')
    .get([input.sessionId]) as
    { therapist_id: string; plan_id: string | null; start_at: string; status: string } | undefined;
  if (!session) throw notFound();
  if (session.therapist_id !== actor.userId) throw new AppError('FORBIDDEN', 'note.notTherapist');
  const participant = vault.db
    .prepare(
      'SELECT 1 FROM therapy_participants WHERE session_id = ? AND child_id = ? AND deleted_at IS NULL',
    )
    .get([input.sessionId, input.childId]);
  if (!participant) throw fieldError('childId', 'note.notInSession');
  if (session.start_at > clockFor(vault, actor).nowIso) {
    throw fieldError('sessionId', 'note.futureSession');
  }
  // Cancelled, missed or not yet recorded: there is nothing to write about.
  if (!sessionTookPlace(session.status)) throw fieldError('sessionId', 'note.notAttended');
  const existing = vault.db
    .prepare(
      'SELECT id FROM therapy_notes WHERE session_id = ? AND child_id = ? AND deleted_at IS NULL',
      { pluck: true },
    )
    .get([input.sessionId, input.childId]) as string | undefined;
  if (existing) throw new AppError('CONFLICT', 'note.exists', { details: { noteId: existing } });
  // The plan: the session's, else the child's plan with this therapist.
  const planId =
    session.plan_id ??
    (vault.db
      .prepare(
        `SELECT id FROM therapy_plans WHERE child_id = ? AND therapist_id = ? AND deleted_at IS NULL
         ORDER BY started_on DESC LIMIT 1`,
        { pluck: true },
      )
      .get([input.childId, actor.userId]) as string | undefined) ??
    null;
  const id = vault.data.insert('therapy_notes', {
    session_id: input.sessionId,
    child_id: input.childId,
    plan_id: planId,
    author_id: actor.userId,
    template: input.template,
    fields: '{}',
    status: 'draft',
  });
  return loadNote(vault, actor, noteRow(vault, id));
}

export interface DraftInput {
  id: string;
  template: NoteTemplate;
  fields: NoteFields;
}

/** The autosave: keeps every field typed, even one the current template hides. */
export function saveDraft(vault: CaseVault, actor: CaseActor, input: DraftInput) {
  ownDraft(vault, actor, input.id);
  vault.data.update('therapy_notes', input.id, {
    template: input.template,
    fields: JSON.stringify(input.fields),
  });
  return { updatedAt: noteRow(vault, input.id).updated_at };
}

export function signNote(vault: CaseVault, actor: CaseActor, input: DraftInput): SessionNote {
  ownDraft(vault, actor, input.id);
  const fields = templateFields(input.template, input.fields);
  if (!Object.values(fields).some((value) => value?.trim())) {
    throw fieldError(`fields.${TEMPLATE_FIELDS[input.template][0]}`, 'note.empty');
  }
  vault.data.update('therapy_notes', input.id, {
    template: input.template,
    fields: JSON.stringify(fields),
    status: 'signed',
    signed_at: clockFor(vault, actor).nowIso,
    signed_by: actor.userId,
  });
  return loadNote(vault, actor, noteRow(vault, input.id));
}

export function addAddendum(
  vault: CaseVault,
  actor: CaseActor,
  input: { id: string; body: string },
): SessionNote {
  const row = noteRow(vault, input.id);
  if (row.author_id !== actor.userId) throw new AppError('FORBIDDEN', 'note.notAuthor');
  if (row.status !== 'signed') throw new AppError('CONFLICT', 'note.notSigned');
  vault.data.insert('therapy_note_addenda', {
    note_id: row.id,
    author_id: actor.userId,
    body: input.body,
    signed_at: clockFor(vault, actor).nowIso,
  });
  return loadNote(vault, actor, row);
}

// ---- reading ---------------------------------------------------------------------------------

/**
 * A note's content for a reader: a therapist the policy allows, or a coordinator who typed why
 * (the break-glass read is kept for the author to see). Anyone else is refused.
 */
export function readNote(
  vault: CaseVault,
  actor: CaseActor,
  input: { id: string; breakGlassReason?: string | undefined },
): { note: SessionNote; breakGlass: boolean } {
  const row = noteRow(vault, input.id);
  if (actor.role === 'coordinator') {
    if (!input.breakGlassReason) throw fieldError('breakGlassReason', 'breakGlass.required');
    vault.data.insert('therapy_note_break_glass', {
      note_id: row.id,
      reader_id: actor.userId,
      reason: input.breakGlassReason,
      read_at: clockFor(vault, actor).nowIso,
    });
    return { note: loadNote(vault, actor, row), breakGlass: true };
  }
  if (!readsNote(vault, actor, row)) throw new AppError('FORBIDDEN', 'note.notReadable');
  return { note: loadNote(vault, actor, row), breakGlass: false };
}

interface NoteContext {
  case_code: string;
  initials: string;
  start_at: string;
}

export function loadNote(vault: CaseVault, actor: CaseActor, row: NoteRow): SessionNote {
  const context = vault.db
    .prepare(
      `SELECT c.case_code, c.alias AS initials, s.start_at FROM children c, therapy_sessions s
       WHERE c.id = ? AND s.id = ?`,
    )
    .get([row.child_id, row.session_id]) as unknown as NoteContext;
  const mine = row.author_id === actor.userId;
  return {
    id: row.id,
    sessionId: row.session_id,
    childId: row.child_id,
    caseCode: context.case_code,
    initials: context.initials,
    planId: row.plan_id,
    sessionStartAt: context.start_at,
    template: row.template,
    fields: JSON.parse(row.fields) as NoteFields,
    status: row.status,
    author: author(vault, row.author_id),
    signedAt: row.signed_at,
    signedBy: row.signed_by ? author(vault, row.signed_by) : null,
    updatedAt: row.updated_at,
    addenda: addendaOf(vault, row.id),
    flags: flagsOf(vault, row.id),
    breakGlassReads: mine ? breakGlassReadsOf(vault, row.id) : [],
    mine,
  };
}

function addendaOf(vault: CaseVault, noteId: string): NoteAddendum[] {
  const rows = vault.db
    .prepare(
      'SELECT id, author_id, body, signed_at FROM therapy_note_addenda WHERE note_id = ? ORDER BY signed_at, id',
    )
    .all([noteId]) as { id: string; author_id: string; body: string; signed_at: string }[];
  return rows.map((r) => ({
    id: r.id,
    author: author(vault, r.author_id),
    body: r.body,
    signedAt: r.signed_at,
  }));
}

function flagsOf(vault: CaseVault, noteId: string): RiskFlag[] {
  const rows = vault.db
    .prepare('SELECT * FROM therapy_risk_flags WHERE note_id = ? ORDER BY raised_at, id')
    .all([noteId]) as {
    id: string;
    note_id: string;
    child_id: string;
    kind: RiskFlagKind;
    raised_by: string;
    raised_at: string;
    task_id: string;
  }[];
  return rows.map((r) => ({
    id: r.id,
    noteId: r.note_id,
    childId: r.child_id,
    kind: r.kind,
    raisedBy: author(vault, r.raised_by),
    raisedAt: r.raised_at,
    taskId: r.task_id,
  }));
}

function breakGlassReadsOf(vault: CaseVault, noteId: string): BreakGlassRead[] {
  const rows = vault.db
    .prepare(
      'SELECT id, note_id, reader_id, reason, read_at FROM therapy_note_break_glass WHERE note_id = ? ORDER BY read_at',
    )
    .all([noteId]) as {
    id: string;
    note_id: string;
    reader_id: string;
    reason: string;
    read_at: string;
  }[];
  return rows.map((r) => ({
    id: r.id,
    noteId: r.note_id,
    reader: author(vault, r.reader_id),
    reason: r.reason,
    readAt: r.read_at,
  }));
}

// ---- lists (no content) ------------------------------------------------------------------------

interface StatusRow {
  session_id: string;
  start_at: string;
  end_at: string;
  session_status: string;
  therapist_id: string;
  therapist_name: string;
  note_id: string | null;
  note_status: NoteStatus | null;
  signed_at: string | null;
  readable: number;
}

function toStatus(row: StatusRow): SessionNoteStatus {
  return {
    sessionId: row.session_id,
    startAt: row.start_at,
    endAt: row.end_at,
    sessionStatus: row.session_status,
    therapist: { id: row.therapist_id, displayName: row.therapist_name },
    noteId: row.note_id,
    noteStatus: row.note_status,
    signedAt: row.signed_at,
    readable: row.readable === 1,
  };
}

const STATUS_COLUMNS = `s.id AS session_id, s.start_at, s.end_at, s.status AS session_status,
  s.therapist_id, u.display_name AS therapist_name, n.id AS note_id, n.status AS note_status,
  n.signed_at`;

/** The child's sessions, newest first, each with whether its note exists and is signed. */
export function notesForChild(
  vault: CaseVault,
  actor: CaseActor,
  childId: string,
): ChildSessionNotes {
  const child = vault.db
    .prepare('SELECT id, case_code, alias AS initials FROM children WHERE id = ?')
    .get([childId]) as { id: string; case_code: string; initials: string } | undefined;
  if (!child) throw notFound();
  // One child: whether its notes are readable beyond the reader's own is decided once, here.
  const therapist = actor.role === 'therapist';
  const childReadable =
    therapist && readsNote(vault, actor, { author_id: '', child_id: childId }) ? 1 : 0;
  const sessions = (
    vault.db
      .prepare(
        `SELECT ${STATUS_COLUMNS},
           CASE WHEN n.id IS NULL THEN 0 WHEN $childReadable = 1 THEN 1
             WHEN $therapist = 1 AND n.author_id = $reader THEN 1 ELSE 0 END AS readable
         FROM therapy_participants pa
         JOIN therapy_sessions s ON s.id = pa.session_id AND s.deleted_at IS NULL
         JOIN users u ON u.id = s.therapist_id
         LEFT JOIN therapy_notes n ON n.session_id = s.id AND n.child_id = pa.child_id
           AND n.deleted_at IS NULL
         WHERE pa.child_id = $child AND pa.deleted_at IS NULL
         ORDER BY s.start_at DESC`,
      )
      .all({
        child: childId,
        reader: actor.userId,
        therapist: therapist ? 1 : 0,
        childReadable,
      }) as unknown as StatusRow[]
  ).map(toStatus);
  return { child: { id: child.id, caseCode: child.case_code, initials: child.initials }, sessions };
}

/** The actor's drafts, oldest session first: what is still to sign. */
export function notesToSign(vault: CaseVault, actor: CaseActor): SessionNoteStatus[] {
  return (
    vault.db
      .prepare(
        `SELECT ${STATUS_COLUMNS}, 1 AS readable FROM therapy_notes n
         JOIN therapy_sessions s ON s.id = n.session_id
         JOIN users u ON u.id = s.therapist_id
         WHERE n.author_id = ? AND n.status = 'draft' AND n.deleted_at IS NULL
         ORDER BY s.start_at`,
      )
      .all([actor.userId]) as unknown as StatusRow[]
  ).map(toStatus);
}

const EXCERPT_RADIUS = 60;

function excerptAround(text: string, needle: string): string {
  const at = text.toLowerCase().indexOf(needle.toLowerCase());
  if (at < 0) return '';
  const start = Math.max(0, at - EXCERPT_RADIUS);
  const end = Math.min(text.length, at + needle.length + EXCERPT_RADIUS);
  return `${start > 0 ? '…' : ''}${text.slice(start, end).replace(/\s+/g, ' ')}${end < text.length ? '…' : ''}`;
}

const SEARCH_LIMIT = 50;

/**
 * Notes the actor may read whose fields or addenda contain the text. The search runs over the
 * notes themselves (in the encrypted database), never over an index others could read.
 */
export function searchNotes(vault: CaseVault, actor: CaseActor, text: string): NoteSearchHit[] {
  const readable = readableNotesSql(vault, actor);
  const rows = vault.db
    .prepare(
      `SELECT n.*, c.case_code, c.alias AS initials, s.start_at,
         (SELECT group_concat(a.body, ' ') FROM therapy_note_addenda a WHERE a.note_id = n.id) AS addenda
       FROM therapy_notes n
       JOIN children c ON c.id = n.child_id
       JOIN therapy_sessions s ON s.id = n.session_id
       WHERE n.deleted_at IS NULL AND ${readable}
         AND (instr(lower(n.fields), lower($text)) > 0 OR EXISTS (SELECT 1 FROM therapy_note_addenda a
           WHERE a.note_id = n.id AND instr(lower(a.body), lower($text)) > 0))
       ORDER BY s.start_at DESC LIMIT ${SEARCH_LIMIT}`,
    )
    .all({
      text,
      ...(readable.includes('$reader') ? { reader: actor.userId } : {}),
    }) as unknown as (NoteRow & NoteContext & { addenda: string | null })[];
  return rows
    .map((row) => {
      const values = Object.values(JSON.parse(row.fields) as NoteFields).filter(
        (v): v is string => typeof v === 'string',
      );
      const excerpt = [...values, row.addenda ?? '']
        .map((v) => excerptAround(v, text))
        .find(Boolean);
      return {
        noteId: row.id,
        childId: row.child_id,
        caseCode: row.case_code,
        initials: row.initials,
        sessionStartAt: row.start_at,
        template: row.template,
        status: row.status,
        author: author(vault, row.author_id),
        excerpt: excerpt ?? '',
      };
    })
    .filter((hit) => hit.excerpt !== '');
}

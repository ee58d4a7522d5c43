// Session notes on a real vault: the lifecycle (draft, sign, locked, signed addenda), who reads
// what (author, other therapists by policy, a coordinator only by breaking the glass, a caseworker
// never, through any procedure), every read audited, and risk flags that reveal nothing.
import { beforeAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import type { BackendApi } from '../../electron/backend/api';
import { PROCEDURE_ID_FIELDS, PROCEDURE_NAMES, type ProcedureName } from '../../shared/contract';
import type { IdKind } from '../../shared/ids';
import { isAllowed } from '../../shared/permissions';
import type { SessionNote } from '../../shared/therapy/notes';
import { caseVault, childInput, daysAgo, instantDaysAgo, type Inspector } from './support';
import { sample, withValueAt } from './support';
import { ADMIN, fails, ok, signIn } from './support';

/** Words that appear only in the note: no other procedure may ever answer them. */
const SECRET = 'Fictional-confidential-disclosure-7Q';
const ADDENDUM_SECRET = 'Fictional-addendum-correction-3Z';
const OTHER_THERAPIST = { username: 'ther.bautista', password: 'Final-ther.bautista-Reef-64' };

let fixture: Awaited<ReturnType<typeof caseVault>>;
let backend: BackendApi;
let childId: string;
let sessionId: string;
let laterSessionId: string;
let missedSessionId: string;
let otherTherapistId: string;

const USERNAME = { therapist: 'ther.cruz', cebu: 'cw.cebu', coordinator: 'coord.lim' } as const;

/** Signs in as someone else (always: the fixture's own switch does not know of the extra therapist). */
async function as(who: keyof typeof USERNAME | 'admin' | 'other') {
  await backend.lock('manual');
  if (who === 'other') await signIn(backend, OTHER_THERAPIST.username, OTHER_THERAPIST.password);
  else if (who === 'admin') await signIn(backend, ADMIN.username, ADMIN.password);
  else await signIn(backend, USERNAME[who], `Final-${USERNAME[who]}-Harbor-62`);
}

const asOtherTherapist = () => as('other');

/** A session held `days` ago with the child, inserted as the scheduler would have made it. */
function insertSession(
  inspector: Inspector,
  therapistId: string,
  days: number,
  status = 'attended',
): string {
  const start = instantDaysAgo(days);
  const end = new Date(Date.parse(start) + 3_600_000).toISOString();
  const id = inspector.data.insert('therapy_sessions', {
    therapist_id: therapistId,
    kind: 'individual',
    start_at: start,
    end_at: end,
    status,
    ...(status === 'attended' ? {} : { status_reason: 'Fictional: the child was unwell' }),
    components: '[]',
    planned_components: '[]',
  });
  inspector.data.insert('therapy_participants', {
    session_id: id,
    child_id: childId,
    start_at: start,
    end_at: end,
    booked: 1,
  });
  return id;
}

beforeAll(async () => {
  fixture = await caseVault();
  backend = fixture.backend;
  await fixture.as('cebu');
  const child = await ok(
    backend,
    'children.register',
    childInput({ assignedCaseworkerId: fixture.ids.cebu }),
  );
  childId = child.id;
  await fixture.as('admin');
  const other = await ok(backend, 'users.create', {
    displayName: 'Fictional Bautista',
    username: OTHER_THERAPIST.username,
    role: 'therapist',
    shelterScope: [],
    temporaryPassword: 'Temp-bautista-Kite-77',
  });
  otherTherapistId = other.id;
  await ok(backend, 'session.lock', { reason: 'manual' });
  await signIn(backend, OTHER_THERAPIST.username, 'Temp-bautista-Kite-77');
  await ok(backend, 'account.changePassword', {
    currentPassword: 'Temp-bautista-Kite-77',
    newPassword: OTHER_THERAPIST.password,
  });
  const inspector = await fixture.inspect();
  sessionId = insertSession(inspector, fixture.ids.therapist, 3);
  laterSessionId = insertSession(inspector, fixture.ids.therapist, 1);
  missedSessionId = insertSession(inspector, fixture.ids.therapist, 2, 'no_show');
  inspector.close();
  await as('therapist');
});

async function writeSignedNote(session = sessionId): Promise<SessionNote> {
  await as('therapist');
  const note = await ok(backend, 'notes.start', { sessionId: session, childId, template: 'soap' });
  await ok(backend, 'notes.saveDraft', {
    id: note.id,
    template: 'soap',
    fields: { subjective: SECRET },
  });
  return ok(backend, 'notes.sign', {
    id: note.id,
    template: 'soap',
    fields: { subjective: SECRET, objective: 'Fictional calm affect', plan: 'Fictional next step' },
  });
}

describe('the note lifecycle', () => {
  let note: SessionNote;

  it('a draft is autosaved as typed, and kept across template changes until signed', async () => {
    await as('therapist');
    const started = await ok(backend, 'notes.start', {
      sessionId: laterSessionId,
      childId,
      template: 'dap',
    });
    expect(started.status).toBe('draft');
    await ok(backend, 'notes.saveDraft', {
      id: started.id,
      template: 'soap',
      fields: { data: 'Fictional typed in DAP', subjective: 'Fictional typed in SOAP' },
    });
    const read = await ok(backend, 'notes.read', { id: started.id });
    expect(read.fields).toEqual({
      data: 'Fictional typed in DAP',
      subjective: 'Fictional typed in SOAP',
    });
    // Signing with text in a field the template does not have is refused at that field.
    const refused = await fails(backend, 'notes.sign', {
      id: started.id,
      template: 'soap',
      fields: read.fields,
    });
    expect(refused.fields).toEqual({ 'fields.data': 'note.notInTemplate' });
    const empty = await fails(backend, 'notes.sign', {
      id: started.id,
      template: 'birp',
      fields: { behavior: '  ' },
    });
    expect(empty.fields).toEqual({ 'fields.behavior': 'note.empty' });
  });

  it('signing records who and when, and locks the note', async () => {
    note = await writeSignedNote();
    expect(note.status).toBe('signed');
    expect(note.signedBy?.id).toBe(fixture.ids.therapist);
    expect(Date.now() - Date.parse(note.signedAt!)).toBeLessThan(60_000);
    expect(note.fields.subjective).toBe(SECRET);
  });

  it('a signed note cannot be edited or signed again: only addenda, themselves signed', async () => {
    const edit = await fails(backend, 'notes.saveDraft', {
      id: note.id,
      template: 'soap',
      fields: { subjective: 'Fictional rewrite' },
    });
    expect(edit).toMatchObject({ code: 'CONFLICT', message: 'note.signed' });
    const resign = await fails(backend, 'notes.sign', {
      id: note.id,
      template: 'soap',
      fields: { subjective: 'Fictional rewrite' },
    });
    expect(resign).toMatchObject({ code: 'CONFLICT', message: 'note.signed' });
    const withAddendum = await ok(backend, 'notes.addAddendum', {
      id: note.id,
      body: ADDENDUM_SECRET,
    });
    expect(withAddendum.fields.subjective).toBe(SECRET);
    expect(withAddendum.addenda).toHaveLength(1);
    expect(withAddendum.addenda[0]).toMatchObject({
      body: ADDENDUM_SECRET,
      author: { id: fixture.ids.therapist },
    });
    expect(withAddendum.addenda[0]!.signedAt).toBeTruthy();
  });

  it('the database itself refuses a change to a signed note or an addendum', async () => {
    const inspector = await fixture.inspect();
    try {
      expect(() =>
        inspector.data.update('therapy_notes', note.id, { fields: '{"subjective":"forged"}' }),
      ).toThrow(/note\.signed/);
      const addendumId = inspector.db
        .prepare('SELECT id FROM therapy_note_addenda WHERE note_id = ?', { pluck: true })
        .get([note.id]) as string;
      expect(() =>
        inspector.data.update('therapy_note_addenda', addendumId, { body: 'forged' }),
      ).toThrow(/note\.signed/);
    } finally {
      inspector.close();
    }
  });

  it('an addendum needs a signed note, and only the author writes to a note', async () => {
    const draft = (await ok(backend, 'notes.toSign', {}))[0]!;
    expect(
      await fails(backend, 'notes.addAddendum', { id: draft.noteId, body: 'x' }),
    ).toMatchObject({ code: 'CONFLICT', message: 'note.notSigned' });
    await asOtherTherapist();
    expect(
      await fails(backend, 'notes.saveDraft', {
        id: draft.noteId!,
        template: 'soap',
        fields: { subjective: 'Fictional intrusion' },
      }),
      // Not on their caseload: they cannot even name the note.
    ).toMatchObject({ code: 'NOT_FOUND' });
    await as('therapist');
  });

  it('a note is started only by the session’s therapist, once per child, for a session held', async () => {
    expect(
      await fails(backend, 'notes.start', { sessionId, childId, template: 'soap' }),
    ).toMatchObject({ code: 'CONFLICT', message: 'note.exists' });
    // A session the child did not attend has nothing to write about.
    expect(
      await fails(backend, 'notes.start', {
        sessionId: missedSessionId,
        childId,
        template: 'soap',
      }),
    ).toMatchObject({ code: 'VALIDATION', fields: { sessionId: 'note.notAttended' } });
  });
});

describe('who reads a note', () => {
  let note: SessionNote;
  beforeAll(async () => {
    const existing = await ok(backend, 'notes.forChild', { childId });
    const signed = existing.sessions.find((s) => s.sessionId === sessionId)!;
    note = await ok(backend, 'notes.read', { id: signed.noteId! });
  });

  it('another therapist reads it only when the policy opens every therapist’s notes', async () => {
    await asOtherTherapist();
    expect(await fails(backend, 'notes.read', { id: note.id })).toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(await ok(backend, 'notes.search', { text: SECRET })).toEqual([]);
    await as('admin');
    await ok(backend, 'notes.setPolicy', {
      therapistNoteAccess: 'allTherapists',
      coordinatorsSeeScoreTotals: false,
      normChoices: {},
    });
    await asOtherTherapist();
    expect((await ok(backend, 'notes.read', { id: note.id })).fields.subjective).toBe(SECRET);
    const hits = await ok(backend, 'notes.search', { text: SECRET.toLowerCase() });
    expect(hits.map((h) => h.noteId)).toEqual([note.id]);
    expect(hits[0]!.excerpt).toContain(SECRET);
    await as('admin');
    await ok(backend, 'notes.setPolicy', {
      therapistNoteAccess: 'ownClients',
      coordinatorsSeeScoreTotals: false,
      normChoices: {},
    });
  });

  it('the case team sees attendance and whether it is signed, never the content', async () => {
    for (const who of ['cebu', 'coordinator'] as const) {
      await as(who);
      const list = await ok(backend, 'notes.forChild', { childId });
      const row = list.sessions.find((s) => s.sessionId === sessionId)!;
      expect(row).toMatchObject({
        sessionStatus: 'attended',
        noteStatus: 'signed',
        readable: false,
      });
      expect(JSON.stringify(list)).not.toContain(SECRET);
    }
  });

  it('a coordinator reads it only with a typed reason; the read is audited and shown to the author', async () => {
    await as('coordinator');
    expect(await fails(backend, 'notes.read', { id: note.id })).toMatchObject({
      code: 'VALIDATION',
      fields: { breakGlassReason: 'breakGlass.required' },
    });
    expect(
      await fails(backend, 'notes.read', { id: note.id, breakGlassReason: 'need it' }),
    ).toMatchObject({ fields: { breakGlassReason: 'breakGlass.tooShort' } });
    const reason = 'Fictional court order requires the safety assessment today';
    const read = await ok(backend, 'notes.read', { id: note.id, breakGlassReason: reason });
    expect(read.fields.subjective).toBe(SECRET);
    expect(read.breakGlassReads).toEqual([]);

    await as('admin');
    const { entries } = await ok(backend, 'audit.list', { action: 'notes.read', limit: 20 });
    const breakGlass = entries.find((e) => e.actorId === fixture.ids.coordinator);
    expect(breakGlass).toMatchObject({
      targetType: 'therapyNote',
      targetId: note.id,
      detail: { breakGlass: true, reason, childId },
    });
    expect(JSON.stringify(entries)).not.toContain(SECRET);

    await as('therapist');
    const alerts = await ok(backend, 'notes.breakGlassAlerts', {});
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({
      noteId: note.id,
      reason,
      reader: { id: fixture.ids.coordinator },
    });
    const own = await ok(backend, 'notes.read', { id: note.id });
    expect(own.breakGlassReads.map((r) => r.reason)).toEqual([reason]);
    // Only the author acknowledges; afterwards the banner is gone.
    await asOtherTherapist();
    expect(await fails(backend, 'notes.acknowledgeBreakGlass', { id: note.id })).toMatchObject({
      code: 'NOT_FOUND',
    });
    await as('therapist');
    await ok(backend, 'notes.acknowledgeBreakGlass', { id: note.id });
    expect(await ok(backend, 'notes.breakGlassAlerts', {})).toEqual([]);
  });

  it('every read of a note by a therapist is audited too', async () => {
    await as('therapist');
    await ok(backend, 'notes.read', { id: note.id });
    await ok(backend, 'notes.read', { id: note.id });
    await as('admin');
    const { entries } = await ok(backend, 'audit.list', {
      action: 'notes.read',
      actorId: fixture.ids.therapist,
      limit: 100,
    });
    expect(entries.filter((e) => e.targetId === note.id).length).toBeGreaterThanOrEqual(2);
  });
});

describe('risk flags', () => {
  it('give the child’s caseworker a task to contact the clinician, and reveal nothing else', async () => {
    await as('therapist');
    const noteId = (await ok(backend, 'notes.forChild', { childId })).sessions.find(
      (s) => s.sessionId === sessionId,
    )!.noteId!;
    const flag = await ok(backend, 'notes.raiseFlag', { id: noteId, kind: 'selfHarm' });
    expect(flag).toMatchObject({ noteId, childId, kind: 'selfHarm' });
    await as('cebu');
    const file = await ok(backend, 'children.get', { id: childId });
    const task = file.tasks.find((t) => t.id === flag.taskId)!;
    expect(task.title).toBe('A clinician raised a concern: please contact Fictional ther.cruz');
    expect(task.dueDate).toBe(daysAgo(0));
    expect(task.responsible).toBe('Fictional cw.cebu');
    const everything = JSON.stringify(file);
    for (const word of [SECRET, 'selfHarm', 'self-harm', 'Self-harm']) {
      expect(everything).not.toContain(word);
    }
    // The author follows it up until the caseworker marks the task done.
    await as('therapist');
    expect(await ok(backend, 'notes.openFlags', {})).toEqual([
      expect.objectContaining({ id: flag.id, kind: 'selfHarm', caseCode: file.child.caseCode }),
    ]);
    await as('cebu');
    await ok(backend, 'plan.saveTask', {
      id: task.id,
      childId,
      title: task.title,
      dueDate: task.dueDate,
      doneOn: daysAgo(0),
    });
    await as('therapist');
    expect(await ok(backend, 'notes.openFlags', {})).toEqual([]);
    // Only the author raises a flag from a note.
    await asOtherTherapist();
    expect(await fails(backend, 'notes.raiseFlag', { id: noteId, kind: 'safety' })).toMatchObject({
      code: expect.stringMatching(/FORBIDDEN|NOT_FOUND/),
    });
  });

  it('an unknown note id is NOT_FOUND, whoever asks', async () => {
    await as('therapist');
    expect((await fails(backend, 'notes.read', { id: uuidv7() })).code).toBe('NOT_FOUND');
    expect(otherTherapistId).toBeTruthy();
  });
});

describe('the change log', () => {
  it('records that a note, an addendum, a reason or a concern changed, never what it says', async () => {
    const inspector = await fixture.inspect();
    const rows = inspector.db
      .prepare(
        `SELECT table_name, columns FROM change_log WHERE table_name IN
           ('therapy_notes', 'therapy_note_addenda', 'therapy_note_break_glass', 'therapy_risk_flags')`,
      )
      .all() as { table_name: string; columns: string }[];
    inspector.close();
    const logged = rows.map((r) => r.columns).join('\n');
    for (const secret of [SECRET, ADDENDUM_SECRET, 'Fictional court order', 'selfHarm']) {
      expect(logged).not.toContain(secret);
    }
    // Each confidential column is still there, marked, so its change is known.
    const marked = (table: string, column: string) =>
      rows.some(
        (r) =>
          r.table_name === table &&
          JSON.stringify(JSON.parse(r.columns)[column]) === '{"$confidential":true}',
      );
    expect(marked('therapy_notes', 'fields')).toBe(true);
    expect(marked('therapy_note_addenda', 'body')).toBe(true);
    expect(marked('therapy_note_break_glass', 'reason')).toBe(true);
    expect(marked('therapy_risk_flags', 'kind')).toBe(true);
    // What is not confidential is logged as before.
    expect(logged).toContain('"status":"signed"');
  });
});

// Last: the sweep calls every procedure the caseworker may call, some of which write.
describe('no procedure leaks a note', () => {
  it('a caseworker cannot read a note through any procedure', async () => {
    await as('cebu');
    const noteId = (await ok(backend, 'notes.forChild', { childId })).sessions.find(
      (s) => s.sessionId === sessionId,
    )!.noteId!;
    const ids: Partial<Record<IdKind, string>> = {
      child: childId,
      therapyNote: noteId,
      therapySession: sessionId,
      caseworker: fixture.ids.cebu,
      user: fixture.ids.cebu,
    };
    const inputs = sample('caseworker');
    const skip = new Set<ProcedureName>(['session.lock', 'account.changePassword']);
    const callable = PROCEDURE_NAMES.filter((n) => isAllowed(n, 'caseworker') && !skip.has(n));
    expect(callable).toContain('notes.forChild');
    for (const name of callable) {
      let input = inputs[name];
      for (const field of PROCEDURE_ID_FIELDS[name]) {
        const id = ids[field.kind];
        if (id && !field.path.includes('*')) input = withValueAt(input, field.path, id);
      }
      const answer = JSON.stringify(await backend.call(name, input));
      expect({ name, leaks: answer.includes(SECRET) || answer.includes(ADDENDUM_SECRET) }).toEqual({
        name,
        leaks: false,
      });
    }
    for (const name of ['notes.read', 'notes.search', 'notes.start'] as const) {
      expect((await fails(backend, name, inputs[name])).code).toBe('FORBIDDEN');
    }
  });
});

// Retention with reviewed deletion (RA 10173: kept only as long as necessary): periods per kind,
// the review list, and a deletion that leaves a tombstone and no content in the rows, the change
// log or anywhere the database can be read, travelling to the other computers by sync.
import { beforeAll, describe, expect, it } from 'vitest';
import { RETENTION_PAGE, retentionCutoff } from '../../shared/privacy/retention';
import { deleteRetained, setRetentionPeriod } from '../../electron/backend/domains/privacy';
import { applyChanges, changesMissingFrom, markHeld } from '../../electron/backend/domains/sync';
import type { Db } from '../../electron/backend/db/sqlcipher';
import {
  caseVault,
  daysAgo,
  fails,
  ok,
  organisation,
  register,
  registerOn,
  type Computer,
} from './support';

/** Every text value in every table of the database that contains `canary`, read through SQL. */
function placesHolding(db: Db, canary: string): string[] {
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table'", { pluck: true })
    .all() as string[];
  return tables.flatMap((table) => {
    const columns = (db.prepare(`PRAGMA table_info("${table}")`).all() as { name: string }[]).map(
      (c) => c.name,
    );
    return columns
      .filter(
        (column) =>
          Number(
            db
              .prepare(
                `SELECT count(*) FROM "${table}" WHERE instr(CAST("${column}" AS TEXT), ?) > 0`,
                {
                  pluck: true,
                },
              )
              .get([canary]),
          ) > 0,
      )
      .map((column) => `${table}.${column}`);
  });
}

const CANARY = 'Fictional canary Q7XZ';
const yearsAgo = (years: number) => daysAgo(years * 366);

const contact = (childId: string, extra: Record<string, unknown> = {}) => ({
  childId,
  kind: 'video_call',
  occurredOn: yearsAgo(6),
  withWhom: `${CANARY} Lola Rosa`,
  supervised: true,
  supervisedBy: 'Fictional house parent',
  device: 'Fictional shelter tablet, shelter account',
  safetyPlanFollowed: true,
  concerns: `${CANARY}: an unknown adult joined the call`,
  ...extra,
});

let f: Awaited<ReturnType<typeof caseVault>>;
beforeAll(async () => {
  f = await caseVault();
}, 180_000);

describe('retention periods and the review list', () => {
  it('counts a period in calendar months, the end of a shorter month kept', () => {
    expect(retentionCutoff('2026-12-02', 12)).toBe('2025-12-02');
    expect(retentionCutoff('2026-03-31', 1)).toBe('2026-02-28');
    expect(retentionCutoff('2026-01-15', 61)).toBe('2020-12-15');
  });

  it('lists only records past the period, the oldest first, a page at a time with the count', async () => {
    await f.as('coordinator');
    // These stay in the vault: they carry no canary, which the deletion test below looks for.
    const plain = { withWhom: 'Fictional Lola Rosa', concerns: 'Fictional: none' };
    const child = await register(f.backend);
    const old: string[] = [];
    for (let i = 0; i < RETENTION_PAGE + 2; i += 1)
      old.push(
        (
          await ok(
            f.backend,
            'contacts.save',
            contact(child.id, { ...plain, occurredOn: daysAgo(3000 + i) }),
          )
        ).id,
      );
    const recent = await ok(
      f.backend,
      'contacts.save',
      contact(child.id, { ...plain, occurredOn: daysAgo(30) }),
    );
    await f.as('admin');
    // Before the administrator sets anything, each kind has its default period.
    expect((await ok(f.backend, 'retention.overview', {})).periods).toEqual([
      { kind: 'documents', months: 60, due: 0 },
      { kind: 'contacts', months: 60, due: RETENTION_PAGE + 2 },
      { kind: 'incidents', months: 120, due: 0 },
      { kind: 'sessionNotes', months: 120, due: 0 },
      { kind: 'closedCases', months: 120, due: 0 },
    ]);
    expect(await ok(f.backend, 'retention.setPeriod', { kind: 'contacts', months: 60 })).toEqual({
      kind: 'contacts',
      months: 60,
      due: RETENTION_PAGE + 2,
    });
    const first = await ok(f.backend, 'retention.due', { kind: 'contacts' });
    expect(first.total).toBe(RETENTION_PAGE + 2);
    expect(first.records).toHaveLength(RETENTION_PAGE);
    expect(first.records[0]).toEqual({
      id: old.at(-1),
      kind: 'contacts',
      caseCode: child.caseCode,
      countedFrom: daysAgo(3000 + RETENTION_PAGE + 1),
    });
    const second = await ok(f.backend, 'retention.due', {
      kind: 'contacts',
      offset: first.nextOffset!,
    });
    expect(second.records.map((r) => r.id)).toEqual([old[1], old[0]]);
    expect(second.nextOffset).toBeNull();
    expect([...first.records, ...second.records].map((r) => r.id)).not.toContain(recent.id);
    const { periods } = await ok(f.backend, 'retention.overview', {});
    expect(periods).toEqual([
      { kind: 'documents', months: 60, due: 0 },
      { kind: 'contacts', months: 60, due: RETENTION_PAGE + 2 },
      { kind: 'incidents', months: 120, due: 0 },
      { kind: 'sessionNotes', months: 120, due: 0 },
      { kind: 'closedCases', months: 120, due: 0 },
    ]);
    // A longer period leaves them out; no period (an empty box) lists nothing.
    expect(
      (await ok(f.backend, 'retention.setPeriod', { kind: 'contacts', months: 120 })).due,
    ).toBe(0);
    expect(
      (await ok(f.backend, 'retention.setPeriod', { kind: 'contacts', months: null })).due,
    ).toBe(0);
    expect(
      (await fails(f.backend, 'retention.setPeriod', { kind: 'contacts', months: 0 })).fields,
    ).toEqual({
      months: 'outOfRange',
    });
  });
});

describe('a reviewed deletion', () => {
  it('removes the content from the row, the change log and the database, leaves a tombstone, and the audit chain verifies', async () => {
    await f.as('coordinator');
    const child = await register(f.backend);
    const gone = await ok(f.backend, 'contacts.save', contact(child.id));
    // Corrected once: the change log holds the content twice.
    await ok(f.backend, 'contacts.save', {
      ...contact(child.id),
      id: gone.id,
      concerns: `${CANARY} again`,
    });
    const paper = await ok(f.backend, 'documents.save', {
      childId: child.id,
      kind: 'id',
      status: 'held',
      reference: `${CANARY} ID-0042`,
      keptWhere: 'Fictional cabinet 2',
      expiresOn: yearsAgo(8),
    });
    await f.as('admin');
    await ok(f.backend, 'retention.setPeriod', { kind: 'contacts', months: 60 });
    await ok(f.backend, 'retention.setPeriod', { kind: 'documents', months: 60 });
    const reason = 'Fictional: past the five years the retention policy allows';
    // Confirmation and a reason are required; nothing changes without them.
    expect(
      (
        await fails(f.backend, 'retention.delete', {
          kind: 'contacts',
          id: gone.id,
          reason,
          confirmed: false,
        })
      ).fields,
    ).toEqual({ confirmed: 'required' });
    expect(
      (
        await fails(f.backend, 'retention.delete', {
          kind: 'contacts',
          id: gone.id,
          reason: ' ',
          confirmed: true,
        })
      ).fields,
    ).toEqual({ reason: 'required' });

    const tombstone = await ok(f.backend, 'retention.delete', {
      kind: 'contacts',
      id: gone.id,
      reason,
      confirmed: true,
    });
    expect(tombstone).toMatchObject({
      kind: 'contacts',
      reason,
      deletedByName: expect.any(String),
    });
    await ok(f.backend, 'retention.delete', {
      kind: 'documents',
      id: paper.id,
      reason,
      confirmed: true,
    });
    // Deleted once: a second time it is no longer listed, so it is not found.
    expect(
      (
        await fails(f.backend, 'retention.delete', {
          kind: 'contacts',
          id: gone.id,
          reason,
          confirmed: true,
        })
      ).code,
    ).toBe('NOT_FOUND');
    const overview = await ok(f.backend, 'retention.overview', {});
    expect(overview.tombstones.slice(0, 2).map((t) => t.kind)).toEqual(['documents', 'contacts']);
    expect(await ok(f.backend, 'audit.verify', {})).toMatchObject({ ok: true });

    const inspector = await f.inspect();
    try {
      const db = inspector.db;
      db.pragma('wal_checkpoint(TRUNCATE)');
      // SQLCipher encrypts every page, so the file never shows the text in the clear either way:
      // the check is through SQL, over every column of every table, the change log included.
      expect(placesHolding(db, CANARY)).toEqual([]);
      expect(
        db
          .prepare(
            'SELECT kind, occurred_on, with_whom, concerns, deleted_at IS NOT NULL AS deleted FROM contact_log WHERE id = ?',
          )
          .get([gone.id]),
      ).toEqual({
        kind: 'video_call',
        occurred_on: yearsAgo(6),
        with_whom: '',
        concerns: null,
        deleted: 1,
      });
      const stone = db
        .prepare(
          'SELECT kind, record_table, record_id, reason, created_by FROM retention_tombstones WHERE id = ?',
        )
        .get([tombstone.id]) as Record<string, unknown>;
      expect(stone).toMatchObject({
        kind: 'contacts',
        record_table: 'contact_log',
        record_id: gone.id,
        reason,
      });
      expect(stone.created_by).toBe(f.ids.admin);
      const audit = db
        .prepare(
          "SELECT target_type, target_id, detail FROM audit_log WHERE action = 'retention.delete' ORDER BY seq",
        )
        .all() as { target_type: string; target_id: string; detail: string }[];
      expect(audit[0]).toEqual({
        target_type: 'retentionTombstone',
        target_id: tombstone.id,
        detail: JSON.stringify({ kind: 'contacts', recordId: gone.id }),
      });
    } finally {
      inspector.close();
    }
  });

  it('refuses a record not past its period, and one with no period set', async () => {
    await f.as('coordinator');
    const child = await register(f.backend);
    const recent = await ok(
      f.backend,
      'contacts.save',
      contact(child.id, { occurredOn: daysAgo(10) }),
    );
    await f.as('admin');
    await ok(f.backend, 'retention.setPeriod', { kind: 'contacts', months: 60 });
    const input = {
      kind: 'contacts',
      id: recent.id,
      reason: 'Fictional: tidy-up',
      confirmed: true,
    } as const;
    expect(await fails(f.backend, 'retention.delete', input)).toMatchObject({
      code: 'CONFLICT',
      message: 'privacy.retentionNotDue',
    });
    await ok(f.backend, 'retention.setPeriod', { kind: 'contacts', months: null });
    const old = await (async () => {
      await f.as('coordinator');
      return ok(f.backend, 'contacts.save', contact(child.id));
    })();
    await f.as('admin');
    expect((await fails(f.backend, 'retention.delete', { ...input, id: old.id })).code).toBe(
      'CONFLICT',
    );
    const inspector = await f.inspect();
    try {
      expect(
        inspector.db.prepare('SELECT with_whom FROM contact_log WHERE id = ?').get([recent.id]),
      ).toEqual({
        with_whom: `${CANARY} Lola Rosa`,
      });
    } finally {
      inspector.close();
    }
  });
});

describe('incidents and session notes', () => {
  // Its own canary: the tests above leave records holding theirs.
  const KIND_CANARY = 'Fictional canary K3WV';
  const reason = 'Fictional: past the period the policy sets';

  it('an incident keeps its kind, date and who was told; what happened is gone everywhere', async () => {
    await f.as('coordinator');
    const child = await register(f.backend);
    const incident = {
      childId: child.id,
      kind: 'conflict',
      occurredOn: yearsAgo(6),
      description: `${KIND_CANARY} argued over a phone at the study table`,
      informed: ['family'],
      informedNote: `${KIND_CANARY} told Lola Rosa by phone`,
      followUp: `${KIND_CANARY} talk with both girls`,
    };
    const saved = await ok(f.backend, 'incidents.save', incident);
    // Corrected once: the change log holds the content twice.
    await ok(f.backend, 'incidents.save', {
      ...incident,
      id: saved.id,
      description: `${KIND_CANARY} corrected`,
    });
    await f.as('admin');
    await ok(f.backend, 'retention.setPeriod', { kind: 'incidents', months: 60 });
    const due = await ok(f.backend, 'retention.due', { kind: 'incidents' });
    expect(due.records).toEqual([
      { id: saved.id, kind: 'incidents', caseCode: child.caseCode, countedFrom: yearsAgo(6) },
    ]);
    const tombstone = await ok(f.backend, 'retention.delete', {
      kind: 'incidents',
      id: saved.id,
      reason,
      confirmed: true,
    });
    expect(tombstone).toMatchObject({ kind: 'incidents', reason });
    expect((await ok(f.backend, 'retention.due', { kind: 'incidents' })).total).toBe(0);
    expect(await ok(f.backend, 'audit.verify', {})).toMatchObject({ ok: true });
    const inspector = await f.inspect();
    try {
      inspector.db.pragma('wal_checkpoint(TRUNCATE)');
      expect(placesHolding(inspector.db, KIND_CANARY)).toEqual([]);
      expect(
        inspector.db
          .prepare(
            `SELECT kind, occurred_on, informed, description, informed_note, follow_up,
                    deleted_at IS NOT NULL AS deleted FROM incidents WHERE id = ?`,
          )
          .get([saved.id]),
      ).toEqual({
        kind: 'conflict',
        occurred_on: yearsAgo(6),
        informed: '["family"]',
        description: '',
        informed_note: null,
        follow_up: null,
        deleted: 1,
      });
    } finally {
      inspector.close();
    }
  });

  it('a signed session note loses its text and its addenda, and keeps who signed it and when', async () => {
    await f.as('coordinator');
    const child = await register(f.backend);
    const signedAt = `${yearsAgo(7)}T02:00:00.000Z`;
    const inspector = await f.inspect();
    let noteId = '';
    let recentId = '';
    try {
      const { data } = inspector;
      const session = (days: string) => {
        const id = data.insert('therapy_sessions', {
          therapist_id: f.ids.therapist,
          kind: 'individual',
          start_at: `${days}T01:00:00.000Z`,
          end_at: `${days}T02:00:00.000Z`,
          status: 'attended',
          components: '[]',
          planned_components: '[]',
        });
        data.insert('therapy_participants', {
          session_id: id,
          child_id: child.id,
          start_at: `${days}T01:00:00.000Z`,
          end_at: `${days}T02:00:00.000Z`,
          booked: 1,
        });
        return id;
      };
      const note = (sessionId: string, at: string) =>
        data.insert('therapy_notes', {
          session_id: sessionId,
          child_id: child.id,
          author_id: f.ids.therapist,
          template: 'soap',
          fields: JSON.stringify({ subjective: `${KIND_CANARY} disclosed at school` }),
          status: 'signed',
          signed_at: at,
          signed_by: f.ids.therapist,
        });
      noteId = note(session(yearsAgo(7)), signedAt);
      data.insert('therapy_note_addenda', {
        note_id: noteId,
        author_id: f.ids.therapist,
        body: `${KIND_CANARY} addendum`,
        signed_at: signedAt,
      });
      // A recent note of the same child stays as it is.
      recentId = note(session(daysAgo(3)), `${daysAgo(3)}T02:00:00.000Z`);
    } finally {
      inspector.close();
    }
    await f.as('admin');
    await ok(f.backend, 'retention.setPeriod', { kind: 'sessionNotes', months: 60 });
    const due = await ok(f.backend, 'retention.due', { kind: 'sessionNotes' });
    expect(due.records.map((r) => [r.id, r.caseCode, r.countedFrom])).toEqual([
      [noteId, child.caseCode, yearsAgo(7)],
    ]);
    await ok(f.backend, 'retention.delete', {
      kind: 'sessionNotes',
      id: noteId,
      reason,
      confirmed: true,
    });
    const after = await f.inspect();
    try {
      after.db.pragma('wal_checkpoint(TRUNCATE)');
      expect(
        after.db
          .prepare(
            `SELECT fields, status, signed_at, signed_by, author_id,
                    deleted_at IS NOT NULL AS deleted FROM therapy_notes WHERE id = ?`,
          )
          .get([noteId]),
      ).toEqual({
        fields: '{}',
        status: 'signed',
        signed_at: signedAt,
        signed_by: f.ids.therapist,
        author_id: f.ids.therapist,
        deleted: 1,
      });
      expect(
        after.db.prepare('SELECT body FROM therapy_note_addenda WHERE note_id = ?').get([noteId]),
      ).toEqual({ body: '' });
      // Only the recent note still holds the words; the old one and its addendum hold none.
      expect(placesHolding(after.db, KIND_CANARY)).toEqual(['therapy_notes.fields']);
      expect(
        Number(
          after.db
            .prepare('SELECT count(*) FROM therapy_notes WHERE instr(fields, ?) > 0', {
              pluck: true,
            })
            .get([KIND_CANARY]),
        ),
      ).toBe(1);
      expect(
        after.db
          .prepare('SELECT id FROM therapy_notes WHERE instr(fields, ?) > 0')
          .get([KIND_CANARY]),
      ).toEqual({ id: recentId });
      // A signed note not deleted is still locked against any change.
      expect(() => after.data.update('therapy_notes', recentId, { fields: '{}' })).toThrow(
        /note\.signed/,
      );
    } finally {
      after.close();
    }
  });
});

describe('a deletion travels by sync', () => {
  const send = (from: Computer, to: Computer) => {
    const changes = changesMissingFrom(from, `peer:${to.id}`);
    markHeld(
      from.db,
      `peer:${to.id}`,
      changes.map((c) => c.hlc),
    );
    return applyChanges(to, changes);
  };
  const addContact = (c: Computer, childId: string) =>
    c.data.insert('contact_log', {
      child_id: childId,
      kind: 'phone_call',
      occurred_on: '2018-05-01',
      with_whom: `${CANARY} aunt`,
      supervised: 0,
      concerns: `${CANARY} asked for photos`,
    });

  it('removes the content on the second computer, and a change relayed late arrives without it', async () => {
    const org = await organisation();
    const [a, b, c] = [org.computer('a'), org.computer('b'), org.computer('c')];
    const childId = registerOn(a, 'Fictional Liza Ramos');
    const id = addContact(a, childId);
    send(a, b);
    send(a, c);
    expect(placesHolding(b.db, CANARY)).not.toEqual([]);
    // c corrects it before it hears of the deletion.
    c.data.update('contact_log', id, { concerns: `${CANARY} corrected on c` });
    a.data.transaction(() => {
      setRetentionPeriod(a, a.actor, { kind: 'contacts', months: 12 });
      deleteRetained(a, a.actor, { kind: 'contacts', id, reason: 'Fictional: past the period' });
    });
    expect(placesHolding(a.db, CANARY)).toEqual([]);
    send(a, b);
    expect(
      b.db.prepare('SELECT with_whom, concerns FROM contact_log WHERE id = ?').get([id]),
    ).toEqual({
      with_whom: '',
      concerns: null,
    });
    expect(placesHolding(b.db, CANARY)).toEqual([]);
    expect(
      Number(
        b.db
          .prepare('SELECT count(*) FROM retention_tombstones WHERE record_id = ?', { pluck: true })
          .get([id]),
      ),
    ).toBe(1);
    // c's correction reaches b afterwards: logged without its content, the row stays emptied.
    send(c, b);
    expect(placesHolding(b.db, CANARY)).toEqual([]);
    expect(b.db.prepare('SELECT concerns FROM contact_log WHERE id = ?').get([id])).toEqual({
      concerns: null,
    });
    // And c, told of the deletion, drops its own copy too.
    send(a, c);
    expect(placesHolding(c.db, CANARY)).toEqual([]);
  });
});

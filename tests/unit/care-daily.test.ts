// What a residential shelter records every day: incidents (who was told, what follows) and away
// episodes (hospital, court, home visit, missing from care), on the case file, the timeline and
// the bed board, on a real vault.
import { beforeAll, describe, expect, it } from 'vitest';
import { careProcedures } from '../../shared/care/contract';
import { caseVault, daysAgo, fails, instantDaysAgo, ok, register } from './support';

let f: Awaited<ReturnType<typeof caseVault>>;
beforeAll(async () => {
  f = await caseVault();
});

/** A child registered and placed in a Cebu bed 30 days ago. */
async function placedChild(bed = 0) {
  await f.as('coordinator');
  const child = await register(f.backend);
  await ok(f.backend, 'placements.admit', {
    childId: child.id,
    bedId: f.bed(f.cebu, bed),
    startAt: instantDaysAgo(30),
    reason: 'Rescue',
  });
  return child;
}

const incident = (childId: string, extra: Record<string, unknown> = {}) => ({
  childId,
  kind: 'conflict',
  occurredOn: daysAgo(2),
  occurredTime: '19:15',
  description: 'Fictional: two girls argued over a borrowed phone charger',
  informed: ['family', 'family'],
  informedNote: 'Fictional: the aunt, by phone',
  followUp: 'Fictional: talk with both girls on Monday',
  ...extra,
});

const boardBed = async (childId: string, asOf = daysAgo(0)) => {
  const board = await ok(f.backend, 'beds.board', { shelterId: f.cebu.id, asOf });
  return board.beds.find((b) => b.occupant?.childId === childId)!;
};

describe('incidents', () => {
  it('keep what happened, who was told and the follow-up; the timeline and audit name only the kind', async () => {
    const child = await placedChild(0);
    await f.as('cebu');
    const saved = await ok(f.backend, 'incidents.save', incident(child.id));
    expect(saved).toMatchObject({
      kind: 'conflict',
      occurredOn: daysAgo(2),
      occurredTime: '19:15',
      informed: ['family'],
      informedNote: 'Fictional: the aunt, by phone',
      awayEpisodeId: null,
    });
    const corrected = await ok(f.backend, 'incidents.save', {
      ...incident(child.id, { informed: ['dswd', 'family'], followUp: undefined }),
      id: saved.id,
    });
    expect(corrected).toMatchObject({ id: saved.id, informed: ['dswd', 'family'], followUp: null });

    const file = await ok(f.backend, 'children.get', { id: child.id });
    expect(file.incidents.map((i) => i.id)).toEqual([saved.id]);
    const timeline = await ok(f.backend, 'children.timeline', { id: child.id });
    const line = timeline.find((e) => e.kind === 'incident');
    expect(line).toEqual({ at: daysAgo(2), kind: 'incident', params: { kind: 'conflict' } });

    await f.as('admin');
    const { entries } = await ok(f.backend, 'audit.list', { action: 'incidents.save' });
    expect(entries.map((e) => e.detail?.step)).toEqual(['update', 'create']);
    expect(JSON.stringify(entries)).not.toContain('charger');
  });

  it('refuse a future date, a move to or from missing, and another child’s incident', async () => {
    const child = await placedChild(1);
    const other = await register(f.backend);
    const future = await fails(
      f.backend,
      'incidents.save',
      incident(child.id, { occurredOn: daysAgo(-2) }),
    );
    expect(future.fields).toEqual({ occurredOn: 'date.future' });
    const saved = await ok(f.backend, 'incidents.save', incident(child.id));
    const toMissing = await fails(f.backend, 'incidents.save', {
      ...incident(child.id, { kind: 'missing_from_care' }),
      id: saved.id,
    });
    expect(toMissing.fields).toEqual({ kind: 'care.missingKindFixed' });
    const moved = await fails(f.backend, 'incidents.save', { ...incident(other.id), id: saved.id });
    expect(moved.fields).toEqual({ childId: 'notFound' });
    const blank = careProcedures['incidents.save'].input.safeParse(
      incident(child.id, { description: '  ' }),
    );
    expect(blank.success).toBe(false);
    // Nothing half-saved: still the one incident, unchanged.
    const file = await ok(f.backend, 'children.get', { id: child.id });
    expect(file.incidents).toHaveLength(1);
    expect(file.incidents[0]!.kind).toBe('conflict');
  });
});

describe('missing from care', () => {
  it('shows the child as away: missing on the bed board until she is back', async () => {
    const child = await placedChild(2);
    const report = await ok(
      f.backend,
      'incidents.save',
      incident(child.id, {
        kind: 'missing_from_care',
        occurredOn: daysAgo(3),
        occurredTime: '21:00',
        informed: ['police', 'dswd', 'family'],
        description: 'Fictional: not in her room at the 9 pm count',
      }),
    );
    expect(report.awayEpisodeId).not.toBeNull();
    expect((await boardBed(child.id)).occupant?.away).toEqual({
      kind: 'missing',
      plannedReturnOn: null,
      overdue: false,
    });
    // The day before she went missing she was in.
    expect((await boardBed(child.id, daysAgo(4))).occupant?.away).toBeNull();

    const early = await fails(f.backend, 'away.return', {
      id: report.awayEpisodeId!,
      returnedOn: daysAgo(4),
      returnedTime: '08:00',
    });
    expect(early.fields).toEqual({ returnedOn: 'care.returnBeforeLeaving' });
    const back = await ok(f.backend, 'away.return', {
      id: report.awayEpisodeId!,
      returnedOn: daysAgo(1),
      returnedTime: '07:30',
    });
    expect(back).toMatchObject({ kind: 'missing', incidentId: report.id, overdue: false });
    expect((await boardBed(child.id)).occupant?.away).toBeNull();
    // A past board still shows the night she was missing.
    expect((await boardBed(child.id, daysAgo(2))).occupant?.away?.kind).toBe('missing');
    const again = await fails(f.backend, 'away.return', {
      id: report.awayEpisodeId!,
      returnedOn: daysAgo(0),
      returnedTime: '00:00',
    });
    expect(again.code).toBe('CONFLICT');

    const kinds = (await ok(f.backend, 'children.timeline', { id: child.id }))
      .filter((e) => e.kind === 'awayStarted' || e.kind === 'awayReturned')
      .map((e) => [e.kind, e.params.kind]);
    expect(kinds).toEqual([
      ['awayReturned', 'missing'],
      ['awayStarted', 'missing'],
    ]);
  });

  it('is recorded without an away episode for a child who is not placed', async () => {
    await f.as('coordinator');
    const child = await register(f.backend);
    const report = await ok(
      f.backend,
      'incidents.save',
      incident(child.id, { kind: 'missing_from_care' }),
    );
    expect(report.awayEpisodeId).toBeNull();
  });
});

describe('away states', () => {
  it('keep the bed, show a planned return and an overdue one, and refuse a second episode', async () => {
    await f.as('coordinator');
    const child = await register(f.backend);
    const notPlaced = await fails(f.backend, 'away.start', {
      childId: child.id,
      kind: 'court',
      leftOn: daysAgo(1),
      leftTime: '08:00',
      plannedReturnOn: daysAgo(0),
    });
    expect(notPlaced).toMatchObject({ code: 'CONFLICT', message: 'care.notPlaced' });
    await ok(f.backend, 'placements.admit', {
      childId: child.id,
      bedId: f.bed(f.iloilo, 0),
      startAt: instantDaysAgo(30),
      reason: 'Rescue',
    });
    const start = {
      childId: child.id,
      kind: 'hospital',
      leftOn: daysAgo(5),
      leftTime: '08:00',
      plannedReturnOn: daysAgo(2),
      note: 'Fictional: Vicente Sotto hospital, ward 3',
    };
    const backwards = await fails(f.backend, 'away.start', {
      ...start,
      plannedReturnOn: daysAgo(6),
    });
    expect(backwards.fields).toEqual({ plannedReturnOn: 'care.returnBeforeLeaving' });
    const future = await fails(f.backend, 'away.start', {
      ...start,
      leftOn: daysAgo(-1),
      plannedReturnOn: daysAgo(-3),
    });
    expect(future.fields).toEqual({ leftOn: 'date.future' });
    const beforePlacement = await fails(f.backend, 'away.start', { ...start, leftOn: daysAgo(40) });
    expect(beforePlacement.message).toBe('care.beforePlacement');

    const episode = await ok(f.backend, 'away.start', start);
    expect(episode).toMatchObject({ kind: 'hospital', overdue: true, returnedAt: null });
    const board = await ok(f.backend, 'beds.board', { shelterId: f.iloilo.id, asOf: daysAgo(0) });
    const bed = board.beds.find((b) => b.occupant?.childId === child.id)!;
    expect(bed.state).toBe('occupied');
    expect(bed.occupant?.away).toEqual({
      kind: 'hospital',
      plannedReturnOn: daysAgo(2),
      overdue: true,
    });
    const twice = await fails(f.backend, 'away.start', { ...start, kind: 'court' });
    expect(twice).toMatchObject({ code: 'CONFLICT', message: 'care.alreadyAway' });
    const missingByHand = careProcedures['away.start'].input.safeParse({
      ...start,
      kind: 'missing',
    });
    expect(missingByHand.success).toBe(false);

    // Discharged while away: the episode ends with the placement, and is no longer overdue.
    await ok(f.backend, 'placements.discharge', {
      childId: child.id,
      at: instantDaysAgo(1),
      destination: 'foster_care',
      exitNote: 'Fictional: discharged from hospital to her aunt',
    });
    const file = await ok(f.backend, 'children.get', { id: child.id });
    expect(file.awayEpisodes[0]).toMatchObject({
      id: episode.id,
      returnedAt: null,
      placementEndedAt: instantDaysAgo(1),
      overdue: false,
    });
    const ended = await fails(f.backend, 'away.return', {
      id: episode.id,
      returnedOn: daysAgo(0),
      returnedTime: '00:00',
    });
    expect(ended.code).toBe('CONFLICT');
  });

  it('are read through their indexes (the documents register and Today too)', async () => {
    const inspector = await f.inspect();
    try {
      const plan = (sql: string) =>
        (inspector.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[])
          .map((r) => r.detail)
          .join('\n');
      expect(
        plan(`SELECT * FROM away_episodes WHERE child_id = 'x' AND deleted_at IS NULL
              ORDER BY left_at DESC`),
      ).toContain('USING INDEX away_episodes_child');
      expect(
        plan(`SELECT * FROM incidents WHERE child_id = 'x' AND deleted_at IS NULL
              ORDER BY occurred_on DESC`),
      ).toContain('USING INDEX incidents_child');
      expect(
        plan(`SELECT a.* FROM json_each('["x"]') j
              JOIN away_episodes a INDEXED BY away_episodes_placement
                ON a.placement_id = j.value AND a.deleted_at IS NULL AND a.left_at <= 'z'`),
      ).toContain('USING INDEX away_episodes_placement');
      expect(
        plan(`SELECT id FROM away_episodes WHERE placement_id = 'x' AND returned_at IS NULL
              AND deleted_at IS NULL`),
      ).toContain('USING INDEX away_episodes_placement');
      expect(
        plan(`SELECT * FROM child_documents WHERE child_id = 'x' AND deleted_at IS NULL`),
      ).toContain('USING INDEX child_documents_child');
      expect(
        plan(`SELECT id FROM child_documents INDEXED BY child_documents_due
              WHERE status <> 'held' AND deleted_at IS NULL AND due_on <= 'z'`),
      ).toContain('USING INDEX child_documents_due');
      expect(
        plan(`SELECT id FROM child_documents INDEXED BY child_documents_expiry
              WHERE status = 'held' AND expires_on IS NOT NULL AND deleted_at IS NULL
                AND expires_on <= 'z'`),
      ).toContain('USING INDEX child_documents_expiry');
      expect(
        plan(`SELECT * FROM contact_log WHERE child_id = 'x' AND deleted_at IS NULL
              ORDER BY occurred_on DESC, id DESC`),
      ).toContain('USING INDEX contact_log_child');
    } finally {
      inspector.close();
    }
  });
});

describe('the documents register', () => {
  const doc = (childId: string, extra: Record<string, unknown> = {}) => ({
    childId,
    kind: 'psa_birth_certificate',
    status: 'held',
    reference: 'Fictional 2012-0042',
    keptWhere: 'Cabinet 2, case folder',
    ...extra,
  });

  it('asks where a held paper is kept and when a missing one is due', () => {
    const input = careProcedures['documents.save'].input;
    const held = input.safeParse(doc('01936f6e-0000-7000-8000-000000000001', { keptWhere: '' }));
    expect(held.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['keptWhere', 'required'],
    ]);
    const missing = input.safeParse(
      doc('01936f6e-0000-7000-8000-000000000001', { status: 'missing' }),
    );
    expect(missing.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['dueOn', 'required'],
    ]);
  });

  it('lists on Today what is due within a week or late, and what expires within 30 days', async () => {
    // Registered by the Cebu caseworker, so hers to see (not placed yet).
    await f.as('cebu');
    const child = await register(f.backend, { alias: 'D.U.E.' });
    const birth = await ok(
      f.backend,
      'documents.save',
      doc(child.id, { kind: 'late_registration', status: 'requested', dueOn: daysAgo(-5) }),
    );
    expect(birth).toMatchObject({
      status: 'requested',
      dueOn: daysAgo(-5),
      keptWhere: 'Cabinet 2, case folder',
    });
    const late = await ok(
      f.backend,
      'documents.save',
      doc(child.id, { kind: 'id', status: 'missing', dueOn: daysAgo(3), keptWhere: undefined }),
    );
    const expiring = await ok(
      f.backend,
      'documents.save',
      doc(child.id, { kind: 'court_order', expiresOn: daysAgo(-20) }),
    );
    // Not yet: due in a month, expiring in a year.
    await ok(
      f.backend,
      'documents.save',
      doc(child.id, { kind: 'school_record', status: 'requested', dueOn: daysAgo(-30) }),
    );
    await ok(f.backend, 'documents.save', doc(child.id, { kind: 'id', expiresOn: daysAgo(-365) }));

    const mine = <T extends { childId: string }>(page: { items: T[] }) =>
      page.items.filter((r) => r.childId === child.id);
    expect(mine(await ok(f.backend, 'documents.due', {}))).toEqual([
      {
        id: late.id,
        childId: child.id,
        caseCode: child.caseCode,
        alias: 'D.U.E.',
        kind: 'id',
        status: 'missing',
        on: daysAgo(3),
        late: true,
      },
      expect.objectContaining({ id: birth.id, on: daysAgo(-5), late: false }),
      expect.objectContaining({ id: expiring.id, status: 'held', on: daysAgo(-20), late: false }),
    ]);
    // Once it is on file, a due date no longer applies and it leaves Today.
    const got = await ok(f.backend, 'documents.save', {
      ...doc(child.id, { kind: 'late_registration', dueOn: daysAgo(-5) }),
      id: birth.id,
    });
    expect(got.dueOn).toBeNull();
    expect(mine(await ok(f.backend, 'documents.due', {})).map((d) => d.id)).not.toContain(birth.id);
    // Another caseworker's shelter: none of it.
    await f.as('iloilo');
    expect(mine(await ok(f.backend, 'documents.due', {}))).toEqual([]);

    await f.as('cebu');
    const file = await ok(f.backend, 'children.get', { id: child.id });
    expect(file.documents).toHaveLength(5);
    const timeline = await ok(f.backend, 'children.timeline', { id: child.id });
    expect(timeline.filter((e) => e.kind === 'document')).toHaveLength(5);
  });
});

describe("Today's documents panel", () => {
  it('pages with the true total, and follows the shelter filter to where the child is placed now', async () => {
    await f.as('coordinator');
    const bohol = await f.shelter('Fictional Home Bohol', ['Bed 1']);
    const child = await register(f.backend);
    await ok(f.backend, 'placements.admit', {
      childId: child.id,
      bedId: f.bed(bohol, 0),
      startAt: instantDaysAgo(30),
      reason: 'Rescue',
    });
    await ok(f.backend, 'documents.save', {
      childId: child.id,
      kind: 'school_record',
      status: 'requested',
      dueOn: daysAgo(1),
    });
    const ids = (page: { items: { childId: string }[] }) => page.items.map((d) => d.childId);
    const all = await ok(f.backend, 'documents.due', { offset: 0, limit: 100 });
    expect(ids(all)).toContain(child.id);
    expect(all.total).toBe(all.items.length);
    const one = await ok(f.backend, 'documents.due', { offset: 1, limit: 1 });
    expect(one).toEqual({ items: all.items.slice(1, 2), total: all.total });
    expect(await ok(f.backend, 'documents.due', { shelterId: bohol.id })).toMatchObject({
      items: [{ childId: child.id, kind: 'school_record', late: true }],
      total: 1,
    });
    const cebu = await ok(f.backend, 'documents.due', { shelterId: f.cebu.id });
    expect(ids(cebu)).not.toContain(child.id);
    expect(cebu.total).toBe(cebu.items.length);
  });
});

describe('the contacts log', () => {
  const contact = (childId: string, extra: Record<string, unknown> = {}) => ({
    childId,
    kind: 'video_call',
    occurredOn: daysAgo(1),
    withWhom: 'Fictional Lola Rosa (grandmother)',
    supervised: true,
    supervisedBy: 'Fictional house parent',
    device: 'Fictional shelter tablet, shelter account',
    safetyPlanFollowed: false,
    concerns: 'Fictional: an unknown adult joined the call',
    ...extra,
  });

  it('asks who supervised, and for an online contact the device and the safety plan', () => {
    const input = careProcedures['contacts.save'].input;
    const paths = (extra: Record<string, unknown>) =>
      input
        .safeParse(contact('01936f6e-0000-7000-8000-000000000001', extra))
        .error?.issues.map((i) => i.path.join('.'));
    expect(paths({ supervisedBy: undefined })).toEqual(['supervisedBy']);
    expect(paths({ device: undefined, safetyPlanFollowed: undefined })).toEqual([
      'device',
      'safetyPlanFollowed',
    ]);
    // A visit needs neither.
    expect(
      paths({ kind: 'visit', device: undefined, safetyPlanFollowed: undefined }),
    ).toBeUndefined();
  });

  it('keeps each contact with its device and plan; a visit keeps none; the timeline names the kind', async () => {
    await f.as('cebu');
    const child = await register(f.backend);
    const call = await ok(f.backend, 'contacts.save', contact(child.id));
    expect(call).toMatchObject({
      kind: 'video_call',
      supervised: true,
      device: 'Fictional shelter tablet, shelter account',
      safetyPlanFollowed: false,
    });
    const visit = await ok(f.backend, 'contacts.save', {
      ...contact(child.id, { kind: 'visit', supervised: false, occurredOn: daysAgo(0) }),
    });
    expect(visit).toMatchObject({ supervisedBy: null, device: null, safetyPlanFollowed: null });
    const future = await fails(
      f.backend,
      'contacts.save',
      contact(child.id, { occurredOn: daysAgo(-1) }),
    );
    expect(future.fields).toEqual({ occurredOn: 'date.future' });
    const file = await ok(f.backend, 'children.get', { id: child.id });
    expect(file.contacts.map((c) => c.id)).toEqual([visit.id, call.id]);
    const timeline = await ok(f.backend, 'children.timeline', { id: child.id });
    expect(timeline.filter((e) => e.kind === 'contact').map((e) => e.params)).toEqual([
      { kind: 'visit' },
      { kind: 'video_call' },
    ]);
    await f.as('admin');
    const { entries } = await ok(f.backend, 'audit.list', { action: 'contacts.save' });
    expect(JSON.stringify(entries)).not.toContain('unknown adult');
  });
});

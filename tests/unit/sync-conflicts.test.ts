// What two computers did validly alone but not together is kept, both sides, and listed the same
// on every computer: one bed twice, one child in two shelters or two stays at once, one case code
// twice. Case codes carry their computer's tag, so two computers give different ones.
import { describe, expect, it } from 'vitest';
import {
  admitChild,
  dischargeChild,
  editPlacement,
  transferChild,
} from '../../electron/backend/domains/shelters';
import {
  describeConflicts,
  giveNewCaseCode,
  listConflicts,
  syncFolder,
} from '../../electron/backend/domains/sync';
import {
  prepareGround,
  registerOn,
  sharingOrganisation,
  syncedDataHash,
  tempFolder,
  type Ground,
  type SyncingComputer,
} from './support';

const HOUR = 3_600_000;

async function twoComputers() {
  const ground: Ground = { shelters: [], beds: [], children: [] };
  const org = await sharingOrganisation(2, (origin) =>
    prepareGround(origin, ground, { shelters: 2, beds: 2, children: 2 }),
  );
  const [a, b] = org.computers() as [SyncingComputer, SyncingComputer];
  const folder = tempFolder();
  const exchange = () => {
    for (const c of [a, b, a]) syncFolder(c, c.identity, folder);
  };
  const admit = (c: SyncingComputer, input: { childId: string; bedId: string; startAt: string }) =>
    admitChild(c, c.actor, {
      ...input,
      reason: 'Rescue',
      overrideReason: 'Fictional override for the test',
    });
  return { a, b, ground, exchange, admit };
}

const hoursAgo = (h: number) => new Date(Date.now() - h * HOUR).toISOString();
/** The child's open stay on this computer (the first, when she has two). */
const stayOf = (c: SyncingComputer, childId: string) =>
  c.db
    .prepare(
      'SELECT id FROM placements WHERE child_id = ? AND end_at IS NULL AND deleted_at IS NULL',
      { pluck: true },
    )
    .get([childId]) as string;
const placements = (c: SyncingComputer) =>
  c.db.prepare('SELECT count(*) FROM placements WHERE deleted_at IS NULL', { pluck: true }).get();

describe('conflicts after sync', () => {
  it('keeps two children admitted to one bed and lists it alike on both', async () => {
    const { a, b, ground, exchange, admit } = await twoComputers();
    const bed = ground.beds[0]![0]!;
    const [ana, bea] = ground.children as [string, string];
    admit(a, { childId: ana, bedId: bed, startAt: hoursAgo(5) });
    admit(b, { childId: bea, bedId: bed, startAt: hoursAgo(4) });
    exchange();
    expect(placements(a)).toBe(2);
    expect(syncedDataHash(a.db)).toBe(syncedDataHash(b.db));
    const listed = listConflicts(a.db);
    expect(listed).toEqual([expect.objectContaining({ kind: 'bedTwice', subject: bed })]);
    expect(listConflicts(b.db)).toEqual(listed);
    // The guard still refuses what would widen the clash: a third child to that bed, or the
    // stay moved earlier. Nothing is written.
    const before = syncedDataHash(b.db);
    expect(() =>
      editPlacement(b, b.actor, {
        id: stayOf(b, bea),
        startAt: hoursAgo(6),
        endAt: null,
        overrideReason: 'Fictional override for the test',
      }),
    ).toThrow(expect.objectContaining({ code: 'CONFLICT' }) as Error);
    expect(syncedDataHash(b.db)).toBe(before);
    // An ordinary transfer of one child to another bed ends her stay (a narrowing, let through)
    // and resolves the conflict on both computers once they sync.
    transferChild(b, b.actor, {
      childId: bea,
      toBedId: ground.beds[0]![1]!,
      at: hoursAgo(1),
      reason: 'Fictional move',
    });
    expect(listConflicts(b.db)).toEqual([]);
    exchange();
    expect(listConflicts(a.db)).toEqual([]);
    expect(syncedDataHash(a.db)).toBe(syncedDataHash(b.db));
  });

  it('describes both sides for the coordinator, and drops a conflict once it no longer holds', async () => {
    const { a, b, ground, exchange, admit } = await twoComputers();
    const bed = ground.beds[0]![0]!;
    const [ana, bea] = ground.children as [string, string];
    const first = admit(a, { childId: ana, bedId: bed, startAt: hoursAgo(5) });
    admit(b, { childId: bea, bedId: bed, startAt: hoursAgo(4) });
    exchange();
    const [conflict] = describeConflicts(b.db);
    expect(conflict!.kind).toBe('bedTwice');
    const sides = [...conflict!.sides].sort((x, y) =>
      x.stay!.startAt.localeCompare(y.stay!.startAt),
    );
    expect(sides.map((s) => [s.childId, s.computer])).toEqual([
      [ana, 'Fictional office laptop'],
      [bea, 'Fictional shelter laptop 1'],
    ]);
    for (const side of sides) {
      expect(side.stay).toMatchObject({ bedLabel: expect.any(String), endAt: null });
      expect(side.caseCode).toMatch(/^AR-/);
      expect(side.madeAt).toMatch(/^\d{4}-/);
    }
    expect(describeConflicts(a.db)).toEqual(describeConflicts(b.db));
    // The first stay corrected to end before the second began: nothing left to resolve.
    a.data.update('placements', first.placement.id, { end_at: hoursAgo(4.5) });
    exchange();
    expect(describeConflicts(b.db)).toEqual([]);
  });

  it('lists a child admitted at two shelters, and two stays at once in one shelter', async () => {
    const { a, b, ground, exchange, admit } = await twoComputers();
    const [ana, bea] = ground.children as [string, string];
    admit(a, { childId: ana, bedId: ground.beds[0]![0]!, startAt: hoursAgo(5) });
    admit(b, { childId: ana, bedId: ground.beds[1]![0]!, startAt: hoursAgo(4) });
    admit(a, { childId: bea, bedId: ground.beds[0]![1]!, startAt: hoursAgo(5) });
    admit(b, { childId: bea, bedId: ground.beds[0]![0]!, startAt: hoursAgo(3) });
    exchange();
    const listed = listConflicts(b.db);
    expect(listed).toEqual(listConflicts(a.db));
    expect(listed.map((c) => [c.kind, c.subject])).toEqual(
      expect.arrayContaining([
        ['childAtTwoShelters', ana],
        ['childTwice', bea],
        ['bedTwice', ground.beds[0]![0]!],
      ]),
    );
  });

  it('resolves a child at two shelters by a transfer, and one placed twice by a discharge', async () => {
    const { a, b, ground, exchange, admit } = await twoComputers();
    const [ana, bea] = ground.children as [string, string];
    admit(a, { childId: ana, bedId: ground.beds[0]![0]!, startAt: hoursAgo(5) });
    admit(b, { childId: ana, bedId: ground.beds[1]![0]!, startAt: hoursAgo(4) });
    admit(a, { childId: bea, bedId: ground.beds[0]![1]!, startAt: hoursAgo(5) });
    admit(b, { childId: bea, bedId: ground.beds[1]![1]!, startAt: hoursAgo(3) });
    exchange();
    expect(listConflicts(a.db).map((c) => c.subject)).toEqual(expect.arrayContaining([ana, bea]));
    // A transfer that would start before one of her stays began is refused whole.
    const before = syncedDataHash(a.db);
    expect(() =>
      transferChild(a, a.actor, {
        childId: ana,
        toBedId: ground.beds[1]![0]!,
        at: hoursAgo(4.5),
        reason: 'Fictional move',
      }),
    ).toThrow(expect.objectContaining({ code: 'VALIDATION' }) as Error);
    expect(syncedDataHash(a.db)).toBe(before);
    // To the bed she really sleeps in: both stays end there and she is in one bed from then on.
    transferChild(a, a.actor, {
      childId: ana,
      toBedId: ground.beds[1]![0]!,
      at: hoursAgo(1),
      reason: 'Fictional: she is at the second home',
    });
    dischargeChild(b, b.actor, {
      childId: bea,
      at: hoursAgo(1),
      destination: 'family_reintegration',
      exitNote: 'Fictional: went home with her aunt',
    });
    exchange();
    for (const c of [a, b]) {
      expect(listConflicts(c.db)).toEqual([]);
      const open = c.db
        .prepare(
          `SELECT child_id, bed_id FROM placements WHERE end_at IS NULL AND deleted_at IS NULL
           ORDER BY child_id`,
        )
        .all();
      expect(open).toEqual([{ child_id: ana, bed_id: ground.beds[1]![0]! }]);
    }
  });

  it('lets the schema guard take a narrowing of an overlapping stay, never a widening', async () => {
    const { a, ground, exchange, admit, b } = await twoComputers();
    const bed = ground.beds[0]![0]!;
    const [ana, bea] = ground.children as [string, string];
    admit(a, { childId: ana, bedId: bed, startAt: hoursAgo(5) });
    admit(b, { childId: bea, bedId: bed, startAt: hoursAgo(4) });
    exchange();
    const stay = stayOf(a, ana);
    // Straight to the data layer, past the store's check: the trigger alone decides.
    expect(() => a.data.update('placements', stay, { start_at: hoursAgo(6) })).toThrow(
      /placement\.bedOverlap/,
    );
    expect(() => a.data.update('placements', stay, { bed_id: ground.beds[0]![1]! })).not.toThrow();
    expect(() => a.data.update('placements', stay, { bed_id: bed })).toThrow(
      /placement\.bedOverlap/,
    );
    a.data.update('placements', stay, { end_at: hoursAgo(2) });
    expect(listConflicts(a.db)).toEqual([]);
  });

  it('gives different case codes on two computers offline at once, and lists a code given twice', async () => {
    const { a, b, exchange } = await twoComputers();
    const code = (c: SyncingComputer, id: string) =>
      c.db.prepare('SELECT case_code FROM children WHERE id = ?', { pluck: true }).get([id]);
    const fromA = registerOn(a, 'Fictional Carla Uy');
    const fromB = registerOn(b, 'Fictional Dina Go');
    expect(code(a, fromA)).toMatch(/^AR-\d{4}-[A-Z3479]{3}-0001$/);
    expect(code(b, fromB)).toMatch(/^AR-\d{4}-[A-Z3479]{3}-0001$/);
    exchange();
    expect(code(a, fromA)).not.toBe(code(a, fromB));
    expect(listConflicts(a.db)).toEqual([]);
    // Two computers that somehow share a tag: the code given twice is listed, both children kept.
    const tagOfA = a.db
      .prepare('SELECT case_tag FROM sync_computers WHERE id = ?', { pluck: true })
      .get([a.identity.deviceId]) as string;
    b.data.update('sync_computers', b.identity.deviceId, { case_tag: tagOfA });
    const twin = registerOn(b, 'Fictional Ella Tan');
    const original = registerOn(a, 'Fictional Fe Reyes');
    exchange();
    expect(code(a, twin)).toBe(code(a, original));
    expect(listConflicts(b.db)).toEqual([
      { kind: 'caseCodeTwice', subject: code(a, twin), ids: [original, twin].sort() },
    ]);
    expect(listConflicts(a.db)).toEqual(listConflicts(b.db));
    // Resolved on A by giving one child a new code; the new code travels and B lists nothing.
    const { caseCode } = giveNewCaseCode(a, twin);
    exchange();
    expect(code(b, twin)).toBe(caseCode);
    expect(code(b, original)).not.toBe(caseCode);
    expect(listConflicts(b.db)).toEqual([]);
    expect(listConflicts(a.db)).toEqual([]);
  });
});

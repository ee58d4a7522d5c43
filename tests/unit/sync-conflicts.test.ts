// What two computers did validly alone but not together is kept, both sides, and listed the same
// on every computer: one bed twice, one child in two shelters or two stays at once, one case code
// twice. Case codes carry their computer's tag, so two computers give different ones.
import { describe, expect, it } from 'vitest';
import { admitChild, transferChild } from '../../electron/backend/domains/shelters';
import { describeConflicts, listConflicts, syncFolder } from '../../electron/backend/domains/sync';
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
    // An ordinary transfer cannot end either stay while the two overlap: the local guard refuses
    // it whole, and the conflict stays listed alike until one stay is corrected.
    const before = syncedDataHash(b.db);
    expect(() =>
      transferChild(b, b.actor, {
        childId: bea,
        toBedId: ground.beds[0]![1]!,
        at: hoursAgo(1),
        reason: 'Fictional move',
      }),
    ).toThrow(expect.objectContaining({ code: 'CONFLICT' }) as Error);
    expect(syncedDataHash(b.db)).toBe(before);
    expect(listConflicts(b.db)).toEqual(listed);
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
  });
});

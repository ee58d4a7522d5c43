// Placements: the invariants (including backdated edits), transfer, discharge, soft rules and
// their audited overrides, the bed board and occupancy.
import { beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors';
import { todayIn } from '../../shared/time';
import { DOMAINS } from '../../electron/backend/runtime/composition';
import {
  checkPlacementConflict,
  type DischargeGuard,
} from '../../electron/backend/domains/shelters';
import {
  caseVault,
  countRows,
  daysAgo,
  instantDaysAgo,
  register,
  ZONE,
  fails,
  ok,
} from './support';

// One vault for the file (opening one costs seconds); each test gets shelters of its own.
let shared: Awaited<ReturnType<typeof caseVault>>;
/** What the test domain's discharge guard checks; a test sets it and clears it after. */
let dischargeCheck: DischargeGuard | null = null;
beforeAll(async () => {
  // The placement rules alone: reintegration's discharge gates have tests of their own.
  shared = await caseVault([
    ...DOMAINS.map((domain) =>
      domain.name === 'reintegration' ? { ...domain, dischargeGuards: [] } : domain,
    ),
    { name: 'test-gate', dischargeGuards: [(vault, request) => dischargeCheck?.(vault, request)] },
  ]);
});
let run = 0;
async function setup() {
  run += 1;
  await shared.as('coordinator');
  const cebu = await shared.shelter(`Fictional Home Cebu ${run}`, ['Bed 1', 'Bed 2', 'Bed 3']);
  const iloilo = await shared.shelter(`Fictional Home Iloilo ${run}`, ['Bed 1', 'Bed 2']);
  return { ...shared, cebu, iloilo };
}

describe('placement invariants', () => {
  it('a bed holds one child and a child has one placement at any instant; CONFLICT names the clash', async () => {
    const f = await setup();
    const ana = await register(f.backend, { legalName: 'Fictional Ana Reyes' });
    const bea = await register(f.backend, { legalName: 'Fictional Bea Lopez' });
    const placed = await ok(f.backend, 'placements.admit', {
      childId: ana.id,
      bedId: f.bed(f.cebu, 0),
      startAt: instantDaysAgo(30),
      reason: 'Rescue',
    });
    expect(placed).toMatchObject({ endAt: null, shelterName: f.cebu.name, bedLabel: 'Bed 1' });
    expect((await ok(f.backend, 'children.get', { id: ana.id })).child.status).toBe('in_care');

    const bedClash = await fails(f.backend, 'placements.admit', {
      childId: bea.id,
      bedId: f.bed(f.cebu, 0),
      startAt: instantDaysAgo(10),
      reason: 'Rescue',
    });
    expect(bedClash).toMatchObject({
      code: 'CONFLICT',
      message: 'placement.bedOverlap',
      details: { caseCode: ana.caseCode, startAt: placed.startAt, endAt: null },
    });
    // The clash names the other child only by case code and initials.
    expect(bedClash.details?.initials).toMatch(/^\p{Lu}/u);
    const childClash = await fails(f.backend, 'placements.admit', {
      childId: ana.id,
      bedId: f.bed(f.iloilo, 0),
      startAt: instantDaysAgo(5),
      reason: 'Again',
    });
    expect(childClash).toMatchObject({
      code: 'CONFLICT',
      message: 'placement.childOverlap',
      details: { caseCode: ana.caseCode, startAt: placed.startAt },
    });
  });

  it('admitting with a past start that overlaps a later placement is refused', async () => {
    const f = await setup();
    const ana = await register(f.backend);
    const bea = await register(f.backend);
    await ok(f.backend, 'placements.admit', {
      childId: ana.id,
      bedId: f.bed(f.cebu, 0),
      startAt: instantDaysAgo(30),
      reason: 'Rescue',
    });
    await ok(f.backend, 'placements.discharge', {
      childId: ana.id,
      at: instantDaysAgo(20),
      destination: 'family_reintegration',
      exitNote: 'Returned to grandmother',
    });
    // Open-ended from 40 days ago runs into the placement 30–20 days ago.
    expect(
      await fails(f.backend, 'placements.admit', {
        childId: ana.id,
        bedId: f.bed(f.iloilo, 0),
        startAt: instantDaysAgo(40),
        reason: 'Backdated',
      }),
    ).toMatchObject({ code: 'CONFLICT', message: 'placement.childOverlap' });
    // Another child into that bed from 35 days ago overlaps the first child's stay.
    expect(
      await fails(f.backend, 'placements.admit', {
        childId: bea.id,
        bedId: f.bed(f.cebu, 0),
        startAt: instantDaysAgo(35),
        reason: 'Backdated',
      }),
    ).toMatchObject({
      code: 'CONFLICT',
      message: 'placement.bedOverlap',
      details: { caseCode: ana.caseCode, endAt: instantDaysAgo(20) },
    });
    // From the discharge day on, the bed is free.
    await ok(f.backend, 'placements.admit', {
      childId: bea.id,
      bedId: f.bed(f.cebu, 0),
      startAt: instantDaysAgo(20),
      reason: 'Rescue',
    });
  });

  it('edits that backdate or extend a placement into another are refused, and save nothing', async () => {
    const f = await setup();
    const ana = await register(f.backend);
    const bea = await register(f.backend);
    const first = await ok(f.backend, 'placements.admit', {
      childId: ana.id,
      bedId: f.bed(f.cebu, 0),
      startAt: instantDaysAgo(30),
      reason: 'Rescue',
    });
    await ok(f.backend, 'placements.discharge', {
      childId: ana.id,
      at: instantDaysAgo(20),
      destination: 'kinship_care',
      exitNote: 'To an aunt',
    });
    const second = await ok(f.backend, 'placements.admit', {
      childId: bea.id,
      bedId: f.bed(f.cebu, 0),
      startAt: instantDaysAgo(15),
      reason: 'Rescue',
    });
    const vault = await f.inspect();
    const changesBefore = countRows(vault, 'change_log');

    // Extending the first stay past the second child's admission.
    expect(
      await fails(f.backend, 'placements.edit', {
        id: first.id,
        startAt: first.startAt,
        endAt: instantDaysAgo(10),
      }),
    ).toMatchObject({
      code: 'CONFLICT',
      message: 'placement.bedOverlap',
      details: { caseCode: bea.caseCode, startAt: second.startAt, endAt: null },
    });
    // Backdating the second stay into the first.
    expect(
      await fails(f.backend, 'placements.edit', {
        id: second.id,
        startAt: instantDaysAgo(25),
        endAt: null,
      }),
    ).toMatchObject({
      code: 'CONFLICT',
      message: 'placement.bedOverlap',
      details: { caseCode: ana.caseCode, startAt: first.startAt, endAt: instantDaysAgo(20) },
    });
    // End before start: a field error.
    expect(
      await fails(f.backend, 'placements.edit', {
        id: first.id,
        startAt: first.startAt,
        endAt: instantDaysAgo(31),
      }),
    ).toMatchObject({ code: 'VALIDATION', fields: { endAt: 'placement.endBeforeStart' } });
    // Open stays open and closed stays closed: discharge and transfer move the case on.
    expect(
      (
        await fails(f.backend, 'placements.edit', {
          id: first.id,
          startAt: first.startAt,
          endAt: null,
        })
      ).fields,
    ).toEqual({ endAt: 'placement.cannotReopen' });
    expect(
      (
        await fails(f.backend, 'placements.edit', {
          id: second.id,
          startAt: second.startAt,
          endAt: instantDaysAgo(2),
        })
      ).fields,
    ).toEqual({ endAt: 'placement.useDischarge' });
    expect(countRows(vault, 'change_log')).toBe(changesBefore);

    // A child's own placements may not overlap either: a later stay backdated into an earlier one.
    const again = await ok(f.backend, 'placements.admit', {
      childId: ana.id,
      bedId: f.bed(f.iloilo, 0),
      startAt: instantDaysAgo(8),
      reason: 'Returned',
    });
    expect(
      await fails(f.backend, 'placements.edit', {
        id: again.id,
        startAt: instantDaysAgo(22),
        endAt: null,
      }),
    ).toMatchObject({
      code: 'CONFLICT',
      message: 'placement.childOverlap',
      details: { caseCode: ana.caseCode, startAt: first.startAt },
    });
    // Half-open intervals: ending exactly when the next stay starts is fine.
    const moved = await ok(f.backend, 'placements.edit', {
      id: first.id,
      startAt: first.startAt,
      endAt: second.startAt,
    });
    expect(moved.endAt).toBe(second.startAt);
    vault.close();
  });

  it('the database itself refuses overlapping or inverted placements written around the services', async () => {
    const f = await setup();
    const ana = await register(f.backend);
    const bea = await register(f.backend);
    const placed = await ok(f.backend, 'placements.admit', {
      childId: ana.id,
      bedId: f.bed(f.cebu, 0),
      startAt: instantDaysAgo(30),
      reason: 'Rescue',
    });
    const vault = await f.inspect();
    const insert = (child: string, bed: string, start: string, end: string | null) =>
      vault.db
        .prepare(
          `INSERT INTO placements (id, child_id, shelter_id, bed_id, start_at, end_at, reason, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, 'direct', ?, ?)`,
        )
        .run([crypto.randomUUID(), child, f.cebu.id, bed, start, end, start, start]);
    expect(() => insert(ana.id, f.bed(f.cebu, 1), instantDaysAgo(10), null)).toThrow(
      /placement\.childOverlap/,
    );
    expect(() => insert(bea.id, f.bed(f.cebu, 0), instantDaysAgo(40), instantDaysAgo(29))).toThrow(
      /placement\.bedOverlap/,
    );
    expect(() =>
      vault.db
        .prepare('UPDATE placements SET end_at = ? WHERE id = ?')
        .run([instantDaysAgo(31), placed.id]),
    ).toThrow(/placement\.endBeforeStart/);
    // Adjacent intervals are fine for the backstop too.
    insert(bea.id, f.bed(f.cebu, 0), instantDaysAgo(40), placed.startAt);

    expect(
      checkPlacementConflict(vault, {
        childId: bea.id,
        bedId: f.bed(f.cebu, 0),
        startAt: instantDaysAgo(35),
        endAt: instantDaysAgo(31),
      }),
    ).toMatchObject({ message: 'placement.childOverlap' });
    expect(
      checkPlacementConflict(vault, {
        childId: bea.id,
        bedId: f.bed(f.cebu, 2),
        startAt: placed.startAt,
        endAt: instantDaysAgo(25),
      }),
    ).toBeNull();
    vault.close();
  });
});

describe('placements of no length', () => {
  it('an end at the very instant of the start is refused by discharge, transfer, edit and the store', async () => {
    const f = await setup();
    const ana = await register(f.backend);
    const admitted = await ok(f.backend, 'placements.admit', {
      childId: ana.id,
      bedId: f.bed(f.cebu, 0),
      startAt: instantDaysAgo(30),
      reason: 'Rescue',
    });
    expect(
      await fails(f.backend, 'placements.discharge', {
        childId: ana.id,
        at: admitted.startAt,
        destination: 'family_reintegration',
        exitNote: 'Went home the same minute',
      }),
    ).toMatchObject({ code: 'VALIDATION', fields: { at: 'placement.endBeforeStart' } });
    expect(
      await fails(f.backend, 'placements.transfer', {
        childId: ana.id,
        toBedId: f.bed(f.iloilo, 0),
        at: admitted.startAt,
        reason: 'Move',
      }),
    ).toMatchObject({ code: 'VALIDATION', fields: { at: 'placement.endBeforeStart' } });
    await ok(f.backend, 'placements.discharge', {
      childId: ana.id,
      at: instantDaysAgo(20),
      destination: 'family_reintegration',
      exitNote: 'Safety plan agreed',
    });
    expect(
      await fails(f.backend, 'placements.edit', {
        id: admitted.id,
        startAt: admitted.startAt,
        endAt: admitted.startAt,
      }),
    ).toMatchObject({ code: 'VALIDATION', fields: { endAt: 'placement.endBeforeStart' } });
    const vault = await f.inspect();
    expect(
      checkPlacementConflict(vault, {
        childId: ana.id,
        bedId: f.bed(f.cebu, 1),
        startAt: instantDaysAgo(5),
        endAt: instantDaysAgo(5),
      }),
    ).toMatchObject({ message: 'placement.endBeforeStart' });
    vault.close();
    const file = await ok(f.backend, 'children.get', { id: ana.id });
    expect(file.placements.map((p) => [p.startAt, p.endAt])).toEqual([
      [admitted.startAt, instantDaysAgo(20)],
    ]);
  });

  it('the timeline never takes a stay of no length (an older record) for a transfer from itself', async () => {
    const f = await setup();
    const ana = await register(f.backend);
    const at = instantDaysAgo(12);
    // Written around the services, as an older vault may hold one.
    const vault = await f.inspect();
    vault.db
      .prepare(
        `INSERT INTO placements (id, child_id, shelter_id, bed_id, start_at, end_at, reason,
           exit_destination, exit_note, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, 'Rescue', 'kinship_care', 'Aunt came', ?, ?)`,
      )
      .run([crypto.randomUUID(), ana.id, f.cebu.id, f.bed(f.cebu, 0), at, at, at, at]);
    vault.close();
    const timeline = await ok(f.backend, 'children.timeline', { id: ana.id });
    const placementLines = timeline.filter((e) =>
      ['admitted', 'transferred', 'discharged'].includes(e.kind),
    );
    expect(placementLines.map((e) => e.kind).sort()).toEqual(['admitted', 'discharged']);
    expect(placementLines.every((e) => e.at === at)).toBe(true);
    expect(placementLines.find((e) => e.kind === 'discharged')).toMatchObject({
      params: { shelter: f.cebu.name, destination: 'kinship_care' },
    });
  });
});

describe('transfer and discharge', () => {
  it('a transfer ends the old placement at exactly the instant the new one starts', async () => {
    const f = await setup();
    const ana = await register(f.backend);
    const old = await ok(f.backend, 'placements.admit', {
      childId: ana.id,
      bedId: f.bed(f.cebu, 0),
      startAt: instantDaysAgo(30),
      reason: 'Rescue',
    });
    // Sent without milliseconds: stored normalised, so the instants compare equal as text.
    const at = `${daysAgo(10)}T03:30:00Z`;
    const moved = await ok(f.backend, 'placements.transfer', {
      childId: ana.id,
      toBedId: f.bed(f.iloilo, 0),
      at,
      reason: 'Closer to school',
    });
    expect(moved.startAt).toBe(new Date(at).toISOString());
    const file = await ok(f.backend, 'children.get', { id: ana.id });
    const previous = file.placements.find((p) => p.id === old.id)!;
    expect(previous.endAt).toBe(moved.startAt);
    expect(file.currentPlacement?.id).toBe(moved.id);
    expect(file.child.status).toBe('in_care');

    const vault = await f.inspect();
    const rows = vault.db
      .prepare('SELECT start_at, end_at FROM placements WHERE child_id = ? ORDER BY start_at')
      .all([ana.id]) as { start_at: string; end_at: string | null }[];
    expect(rows[0]!.end_at).toBe(rows[1]!.start_at);
    vault.close();

    const timeline = await ok(f.backend, 'children.timeline', { id: ana.id });
    expect(timeline.find((e) => e.kind === 'transferred')).toMatchObject({
      at: moved.startAt,
      params: { fromShelter: f.cebu.name, toShelter: f.iloilo.name },
    });
  });

  it('refuses a transfer to the same bed, to an occupied bed, before the stay began, or without a placement', async () => {
    const f = await setup();
    const ana = await register(f.backend);
    const bea = await register(f.backend);
    const free = await register(f.backend);
    for (const [child, bed] of [
      [ana.id, f.bed(f.cebu, 0)],
      [bea.id, f.bed(f.cebu, 1)],
    ] as const) {
      await ok(f.backend, 'placements.admit', {
        childId: child,
        bedId: bed,
        startAt: instantDaysAgo(30),
        reason: 'Rescue',
      });
    }
    const transfer = (over: Record<string, unknown>) =>
      fails(f.backend, 'placements.transfer', {
        childId: ana.id,
        toBedId: f.bed(f.cebu, 2),
        at: instantDaysAgo(5),
        reason: 'Move',
        ...over,
      });
    expect((await transfer({ toBedId: f.bed(f.cebu, 0) })).fields).toEqual({
      toBedId: 'transfer.sameBed',
    });
    expect(await transfer({ toBedId: f.bed(f.cebu, 1) })).toMatchObject({
      code: 'CONFLICT',
      message: 'placement.bedOverlap',
      details: { caseCode: bea.caseCode },
    });
    expect((await transfer({ at: instantDaysAgo(31) })).fields).toEqual({
      at: 'placement.endBeforeStart',
    });
    expect(
      (await transfer({ at: new Date(Date.now() + 86_400_000).toISOString() })).fields,
    ).toEqual({
      at: 'date.future',
    });
    expect(await transfer({ childId: free.id })).toMatchObject({
      code: 'CONFLICT',
      message: 'placement.notPlaced',
    });
  });

  it('discharge needs an exit note and a time after admission; it sets the status from the destination', async () => {
    const f = await setup();
    const vault = await f.inspect();
    const cases = [
      ['family_reintegration', 'aftercare'],
      ['foster_care', 'aftercare'],
      ['transfer_other_agency', 'transferred'],
      ['other', 'left_care'],
    ] as const;
    const beds = [f.bed(f.cebu, 0), f.bed(f.cebu, 1), f.bed(f.cebu, 2), f.bed(f.iloilo, 0)];
    for (const [i, [destination, status]] of cases.entries()) {
      const child = await register(f.backend);
      await ok(f.backend, 'placements.admit', {
        childId: child.id,
        bedId: beds[i],
        startAt: instantDaysAgo(30),
        reason: 'Rescue',
      });
      const before = countRows(vault, 'change_log');
      const discharge = (over: Record<string, unknown>) =>
        f.backend.call('placements.discharge', {
          childId: child.id,
          at: instantDaysAgo(3),
          destination,
          exitNote: 'Safety plan agreed with the family',
          ...over,
        });
      for (const exitNote of [undefined, '', '   ']) {
        const refused = await discharge({ exitNote });
        expect(refused).toMatchObject({
          ok: false,
          error: { code: 'VALIDATION', fields: { exitNote: 'required' } },
        });
      }
      expect(await discharge({ at: instantDaysAgo(31) })).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION', fields: { at: 'placement.endBeforeStart' } },
      });
      expect(countRows(vault, 'change_log')).toBe(before);
      const done = await discharge({});
      expect(done).toMatchObject({
        ok: true,
        value: { exitDestination: destination, endAt: instantDaysAgo(3) },
      });
      const file = await ok(f.backend, 'children.get', { id: child.id });
      expect(file.child.status).toBe(status);
      expect(file.currentPlacement).toBeNull();
    }
    expect(
      await fails(f.backend, 'placements.discharge', {
        childId: (await register(f.backend)).id,
        at: instantDaysAgo(1),
        destination: 'other',
        exitNote: 'Never placed',
      }),
    ).toMatchObject({ code: 'CONFLICT', message: 'placement.notPlaced' });
    vault.close();
  });

  it('discharge is one service that the guards a domain registers can refuse', async () => {
    const f = await setup();
    const ana = await register(f.backend);
    await ok(f.backend, 'placements.admit', {
      childId: ana.id,
      bedId: f.bed(f.cebu, 0),
      startAt: instantDaysAgo(30),
      reason: 'Rescue',
    });
    const seen: string[] = [];
    dischargeCheck = (_vault, request) => {
      seen.push(`${request.child.case_code}:${request.destination}`);
      if (request.destination === 'family_reintegration') {
        throw new AppError('CONFLICT', 'reintegration.safetyGate');
      }
    };
    try {
      const input = {
        childId: ana.id,
        at: instantDaysAgo(2),
        destination: 'family_reintegration',
        exitNote: 'Home',
      };
      expect(await fails(f.backend, 'placements.discharge', input)).toMatchObject({
        code: 'CONFLICT',
        message: 'reintegration.safetyGate',
      });
      expect((await ok(f.backend, 'children.get', { id: ana.id })).currentPlacement).not.toBeNull();
      await ok(f.backend, 'placements.discharge', { ...input, destination: 'kinship_care' });
      expect(seen).toEqual([
        `${ana.caseCode}:family_reintegration`,
        `${ana.caseCode}:kinship_care`,
      ]);
    } finally {
      dischargeCheck = null;
    }
  });
});

describe('soft rules', () => {
  const tenYearsBefore = (date: string) => `${Number(date.slice(0, 4)) - 10}${date.slice(4)}`;

  it('sex, age at the start, capacity and siblings apart each need a typed, audited override', async () => {
    const f = await setup();
    const girls = await f.shelter(`Fictional Girls Home ${run}`, ['G1', 'G2', 'G3'], {
      sexRule: 'female',
      minAge: 10,
      maxAge: 17,
      capacity: 1,
    });
    const vault = await f.inspect();
    const boy = await register(f.backend, { sex: 'male' });
    const admit = (childId: string, bedId: string, extra: Record<string, unknown> = {}) =>
      f.backend.call('placements.admit', {
        childId,
        bedId,
        startAt: instantDaysAgo(30),
        reason: 'Rescue',
        ...extra,
      });

    const before = countRows(vault, 'change_log');
    expect(await admit(boy.id, girls.beds[0]!.id)).toMatchObject({
      ok: false,
      error: { code: 'NEEDS_OVERRIDE', warnings: ['softRule.shelterSex'] },
    });
    expect(countRows(vault, 'change_log')).toBe(before);

    // Ten today, but nine on the start date 30 days ago: the age at the start counts.
    const girl = await register(f.backend, {
      birth: { kind: 'dob', dateOfBirth: tenYearsBefore(daysAgo(10)) },
      intakeDate: daysAgo(35),
    });
    expect((await ok(f.backend, 'children.get', { id: girl.id })).child.age).toBe(10);
    expect(await admit(girl.id, girls.beds[0]!.id)).toMatchObject({
      ok: false,
      error: { code: 'NEEDS_OVERRIDE', warnings: ['softRule.shelterAge'] },
    });
    await ok(f.backend, 'placements.admit', {
      childId: girl.id,
      bedId: girls.beds[0]!.id,
      startAt: instantDaysAgo(5),
      reason: 'Rescue',
    });

    // Capacity 1 is reached; a younger boy breaks three rules at once.
    const small = await register(f.backend, {
      sex: 'male',
      birth: { kind: 'estimated', estimatedAgeYears: 6, asOf: daysAgo(40) },
    });
    expect(await admit(small.id, girls.beds[1]!.id, { startAt: instantDaysAgo(1) })).toMatchObject({
      ok: false,
      error: {
        code: 'NEEDS_OVERRIDE',
        warnings: ['softRule.shelterSex', 'softRule.shelterAge', 'softRule.shelterCapacity'],
      },
    });
    expect(
      await admit(small.id, girls.beds[1]!.id, {
        startAt: instantDaysAgo(1),
        overrideReason: 'no',
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { overrideReason: 'override.tooShort' } },
    });
    const reason = 'Only safe bed tonight; fictional reason';
    const overridden = await ok(f.backend, 'placements.admit', {
      childId: small.id,
      bedId: girls.beds[1]!.id,
      startAt: instantDaysAgo(1),
      reason: 'Emergency',
      overrideReason: reason,
    });
    expect(overridden.overrideReason).toBe(reason);

    // Siblings: one in Cebu, the other placed in Iloilo is apart; in Cebu it is not.
    const s1 = await register(f.backend);
    const s2 = await register(f.backend);
    await ok(f.backend, 'siblings.link', { childId: s1.id, siblingId: s2.id });
    await ok(f.backend, 'placements.admit', {
      childId: s1.id,
      bedId: f.bed(f.cebu, 0),
      startAt: instantDaysAgo(20),
      reason: 'Rescue',
    });
    expect(await admit(s2.id, f.bed(f.iloilo, 0), { startAt: instantDaysAgo(2) })).toMatchObject({
      ok: false,
      error: { code: 'NEEDS_OVERRIDE', warnings: ['softRule.siblingsApart'] },
    });
    await ok(f.backend, 'placements.admit', {
      childId: s2.id,
      bedId: f.bed(f.cebu, 1),
      startAt: instantDaysAgo(2),
      reason: 'With her sister',
    });
    // …and moving one of them away later is a transfer that needs the override too.
    expect(
      await fails(f.backend, 'placements.transfer', {
        childId: s2.id,
        toBedId: f.bed(f.iloilo, 0),
        at: instantDaysAgo(1),
        reason: 'Move',
      }),
    ).toMatchObject({ code: 'NEEDS_OVERRIDE', warnings: ['softRule.siblingsApart'] });

    await f.as('admin');
    const { entries } = await ok(f.backend, 'audit.list', {
      action: 'placements.admit',
      limit: 50,
    });
    const audited = entries.find((e) => e.targetId === overridden.id);
    expect(audited?.detail).toEqual({
      childId: small.id,
      overridden: 'shelterSex,shelterAge,shelterCapacity',
    });
    expect(JSON.stringify(entries)).not.toContain(reason);
    vault.close();
  });

  it('an edited start re-checks the age rule at the new instant', async () => {
    const f = await setup();
    const teen = await f.shelter(`Fictional Teen Home ${run}`, ['T1'], { minAge: 10, maxAge: 17 });
    const girl = await register(f.backend, {
      birth: { kind: 'dob', dateOfBirth: tenYearsBefore(daysAgo(10)) },
      intakeDate: daysAgo(35),
    });
    const placed = await ok(f.backend, 'placements.admit', {
      childId: girl.id,
      bedId: teen.beds[0]!.id,
      startAt: instantDaysAgo(5),
      reason: 'Rescue',
    });
    expect(
      await fails(f.backend, 'placements.edit', {
        id: placed.id,
        startAt: instantDaysAgo(30),
        endAt: null,
      }),
    ).toMatchObject({ code: 'NEEDS_OVERRIDE', warnings: ['softRule.shelterAge'] });
    const edited = await ok(f.backend, 'placements.edit', {
      id: placed.id,
      startAt: instantDaysAgo(30),
      endAt: null,
      overrideReason: 'Arrived earlier than recorded',
    });
    expect(edited.startAt).toBe(instantDaysAgo(30));
  });
});

describe('bed board and occupancy', () => {
  it('shows occupied, reserved and vacant beds today and on a past date (the transfer date)', async () => {
    // The shelters named in the caseworkers' scopes; no other test places children in them.
    await shared.as('coordinator');
    const f = shared;
    const ana = await register(f.backend, { legalName: 'Fictional Ana Marie Reyes' });
    const bea = await register(f.backend);
    await ok(f.backend, 'placements.admit', {
      childId: ana.id,
      bedId: f.bed(f.cebu, 0),
      startAt: instantDaysAgo(30),
      reason: 'Rescue',
    });
    // A move inside the shelter does not reset the length of stay; the move to Iloilo does.
    await ok(f.backend, 'placements.transfer', {
      childId: ana.id,
      toBedId: f.bed(f.cebu, 1),
      at: instantDaysAgo(20),
      reason: 'Quieter room',
    });
    const transferDate = daysAgo(10);
    await ok(f.backend, 'placements.transfer', {
      childId: ana.id,
      toBedId: f.bed(f.iloilo, 0),
      at: instantDaysAgo(10),
      reason: 'Closer to school',
    });
    await ok(f.backend, 'beds.reserve', { bedId: f.bed(f.cebu, 2), childId: bea.id });
    const today = todayIn(ZONE);

    const cebuToday = await ok(f.backend, 'beds.board', { shelterId: f.cebu.id, asOf: today });
    expect(cebuToday.beds.map((b) => [b.label, b.state])).toEqual([
      ['Bed 1', 'vacant'],
      ['Bed 2', 'vacant'],
      ['Bed 3', 'reserved'],
    ]);
    expect(cebuToday.beds[2]!.reservedFor).toMatchObject({
      childId: bea.id,
      caseCode: bea.caseCode,
    });
    const cebuBefore = await ok(f.backend, 'beds.board', {
      shelterId: f.cebu.id,
      asOf: daysAgo(11),
    });
    expect(cebuBefore.beds.map((b) => b.state)).toEqual(['vacant', 'occupied', 'vacant']);
    expect(cebuBefore.beds[1]!.occupant).toEqual({
      childId: ana.id,
      caseCode: ana.caseCode,
      initials: (await ok(f.backend, 'children.get', { id: ana.id })).child.alias,
      since: instantDaysAgo(30),
      lengthOfStayDays: 19,
      away: null,
    });
    const cebuOnTransfer = await ok(f.backend, 'beds.board', {
      shelterId: f.cebu.id,
      asOf: transferDate,
    });
    expect(cebuOnTransfer.beds.map((b) => b.state)).toEqual(['vacant', 'vacant', 'vacant']);
    const iloiloOnTransfer = await ok(f.backend, 'beds.board', {
      shelterId: f.iloilo.id,
      asOf: transferDate,
    });
    expect(iloiloOnTransfer.beds[0]).toMatchObject({
      state: 'occupied',
      occupant: { caseCode: ana.caseCode, since: instantDaysAgo(10), lengthOfStayDays: 0 },
    });
    const iloiloToday = await ok(f.backend, 'beds.board', { shelterId: f.iloilo.id, asOf: today });
    expect(iloiloToday.beds[0]!.occupant?.lengthOfStayDays).toBe(10);
    expect(JSON.stringify([cebuToday, cebuBefore, iloiloToday])).not.toContain('Reyes');

    expect(
      await fails(f.backend, 'beds.board', {
        shelterId: f.cebu.id,
        asOf: todayIn(ZONE, new Date(Date.now() + 3 * 86_400_000)),
      }),
    ).toMatchObject({ code: 'VALIDATION', fields: { asOf: 'date.future' } });

    const ours = <T extends { shelterId: string }>(rows: T[]) =>
      rows.filter((r) => r.shelterId === f.cebu.id || r.shelterId === f.iloilo.id);
    const now = ours(await ok(f.backend, 'beds.occupancy', { asOf: today }));
    expect(now.map((r) => [r.shelterName, r.beds, r.occupied, r.reserved, r.vacant])).toEqual([
      ['Fictional Home Cebu', 3, 0, 1, 2],
      ['Fictional Home Iloilo', 2, 1, 0, 1],
    ]);
    const then = ours(await ok(f.backend, 'beds.occupancy', { asOf: daysAgo(25) }));
    expect(then.map((r) => [r.occupied, r.reserved, r.vacant])).toEqual([
      [1, 0, 2],
      [0, 0, 2],
    ]);

    // A caseworker sees boards of their own shelters only.
    await f.as('cebu');
    await ok(f.backend, 'beds.board', { shelterId: f.cebu.id, asOf: today });
    expect(
      (await fails(f.backend, 'beds.board', { shelterId: f.iloilo.id, asOf: today })).code,
    ).toBe('NOT_FOUND');
  });

  it('a removed bed keeps its history; an occupied bed cannot be removed; reserved beds are held', async () => {
    const f = await setup();
    const ana = await register(f.backend);
    const bea = await register(f.backend);
    await ok(f.backend, 'placements.admit', {
      childId: ana.id,
      bedId: f.bed(f.cebu, 0),
      startAt: instantDaysAgo(30),
      reason: 'Rescue',
    });
    expect(await fails(f.backend, 'beds.remove', { id: f.bed(f.cebu, 0) })).toMatchObject({
      code: 'CONFLICT',
      message: 'bed.occupied',
    });
    await ok(f.backend, 'beds.reserve', { bedId: f.bed(f.cebu, 1), childId: ana.id });
    expect(
      await fails(f.backend, 'placements.admit', {
        childId: bea.id,
        bedId: f.bed(f.cebu, 1),
        startAt: instantDaysAgo(1),
        reason: 'Rescue',
      }),
    ).toMatchObject({
      code: 'CONFLICT',
      message: 'bed.reserved',
      details: {
        caseCode: ana.caseCode,
        initials: (await ok(f.backend, 'children.get', { id: ana.id })).child.alias,
      },
    });
    await ok(f.backend, 'placements.transfer', {
      childId: ana.id,
      toBedId: f.bed(f.cebu, 1),
      at: instantDaysAgo(5),
      reason: 'Reserved bed ready',
    });
    const after = await ok(f.backend, 'beds.remove', { id: f.bed(f.cebu, 0) });
    expect(after.beds.map((b) => b.label)).toEqual(['Bed 2', 'Bed 3']);
    const past = await ok(f.backend, 'beds.board', { shelterId: f.cebu.id, asOf: daysAgo(10) });
    expect(past.beds.find((b) => b.label === 'Bed 1')?.occupant?.caseCode).toBe(ana.caseCode);
    const today = await ok(f.backend, 'beds.board', { shelterId: f.cebu.id, asOf: todayIn(ZONE) });
    expect(today.beds.map((b) => [b.label, b.state])).toEqual([
      ['Bed 2', 'occupied'],
      ['Bed 3', 'vacant'],
    ]);
  });
});

describe('scope of placements', () => {
  /** New beds in the shelters the caseworkers' scopes name ("Fictional Home Cebu" / "Iloilo"). */
  async function scopedBeds() {
    run += 1;
    await shared.as('coordinator');
    const add = async (shelterId: string, label: string) =>
      (await ok(shared.backend, 'beds.save', { shelterId, room: `Scope ${run}`, label })).beds.find(
        (b) => b.room === `Scope ${run}` && b.label === label,
      )!.id;
    return {
      cebu: [await add(shared.cebu.id, 'Bed 1'), await add(shared.cebu.id, 'Bed 2')],
      iloilo: await add(shared.iloilo.id, 'Bed 1'),
    };
  }

  it('a caseworker cannot admit or transfer into a bed outside her shelters, nor list its beds', async () => {
    const f = shared;
    const beds = await scopedBeds();
    const own = await register(f.backend, { assignedCaseworkerId: f.ids.cebu });
    const vault = await f.inspect();
    const placements = () => countRows(vault, 'placements');
    const before = placements();
    await f.as('cebu');

    const shelters = await ok(f.backend, 'shelters.list', {});
    const iloilo = shelters.find((s) => s.id === f.iloilo.id)!;
    expect({ inScope: iloilo.inScope, beds: iloilo.beds }).toEqual({ inScope: false, beds: [] });
    expect(JSON.stringify(shelters)).not.toContain(beds.iloilo);
    expect(shelters.find((s) => s.id === f.cebu.id)!.beds.map((b) => b.id)).toContain(beds.cebu[0]);

    const admit = (bedId: string) =>
      f.backend.call('placements.admit', {
        childId: own.id,
        bedId,
        startAt: instantDaysAgo(3),
        reason: 'Rescue',
      });
    expect(await admit(beds.iloilo)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((await ok(f.backend, 'children.get', { id: own.id })).currentPlacement).toBeNull();
    expect(placements()).toBe(before);

    expect(await admit(beds.cebu[0]!)).toMatchObject({ ok: true });
    expect(
      await fails(f.backend, 'placements.transfer', {
        childId: own.id,
        toBedId: beds.iloilo,
        at: instantDaysAgo(1),
        reason: 'Closer to school',
      }),
    ).toMatchObject({ code: 'NOT_FOUND' });
    const file = await ok(f.backend, 'children.get', { id: own.id });
    expect(file.currentPlacement?.bedId).toBe(beds.cebu[0]);
    expect(placements()).toBe(before + 1);
    vault.close();
  });

  it('a clash or a held bed names the other child only when the caller may see that child', async () => {
    const f = shared;
    const beds = await scopedBeds();
    // "away" stayed in a Cebu bed and now lives in Iloilo: outside cw.cebu's scope.
    const away = await register(f.backend, { legalName: 'Fictional Away Child' });
    await ok(f.backend, 'placements.admit', {
      childId: away.id,
      bedId: beds.cebu[0],
      startAt: instantDaysAgo(20),
      reason: 'Rescue',
    });
    await ok(f.backend, 'placements.transfer', {
      childId: away.id,
      toBedId: beds.iloilo,
      at: instantDaysAgo(10),
      reason: 'Closer to family',
    });
    // "held" is unplaced and registered by the coordinator: outside cw.cebu's scope too.
    const held = await register(f.backend, { legalName: 'Fictional Held Child' });
    await ok(f.backend, 'beds.reserve', { bedId: beds.cebu[1], childId: held.id });
    const own = await register(f.backend, { assignedCaseworkerId: f.ids.cebu });

    const admit = (who: 'cebu' | 'coordinator', bedId: string, days: number) =>
      f.as(who).then(() =>
        fails(f.backend, 'placements.admit', {
          childId: own.id,
          bedId,
          startAt: instantDaysAgo(days),
          reason: 'Rescue',
        }),
      );
    expect(await admit('cebu', beds.cebu[0]!, 15)).toEqual({
      code: 'CONFLICT',
      message: 'placement.bedOverlap',
    });
    expect(await admit('cebu', beds.cebu[1]!, 1)).toEqual({
      code: 'CONFLICT',
      message: 'bed.reserved',
    });
    // Her bed board shows the bed as held, for nobody named.
    const held1 = async () =>
      (await ok(f.backend, 'beds.board', { shelterId: f.cebu.id, asOf: todayIn(ZONE) })).beds.find(
        (b) => b.id === beds.cebu[1],
      );
    expect(await held1()).toMatchObject({ state: 'reserved', reservedFor: null });
    // The coordinator sees every child: the same clashes and the hold are named.
    expect(await admit('coordinator', beds.cebu[0]!, 15)).toMatchObject({
      details: { caseCode: away.caseCode },
    });
    expect(await admit('coordinator', beds.cebu[1]!, 1)).toMatchObject({
      details: { caseCode: held.caseCode },
    });
    expect((await held1())?.reservedFor).toMatchObject({ caseCode: held.caseCode });
  });
});

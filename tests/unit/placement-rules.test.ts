// The placement rules at their edges: the age range's both ends, half-open intervals (a stay
// ending exactly when another starts), reservations released by every placement change, and an
// edit's override reason kept with the placement.
import { describe, expect, it } from 'vitest';
import {
  dischargeChild,
  editPlacement,
  insertPlacement,
  reserveBed,
  softRuleWarnings,
  transferChild,
} from '../../electron/backend/domains/shelters';
import { clockFor, linkSiblings } from '../../electron/backend/domains/children';
import type { ChildRow, ShelterRow } from '../../electron/backend/records/rows';
import type { SoftRule } from '../../shared/shelters/vocabulary';
import { COORDINATOR, on, placementVault, refusal } from './support';

const START = on('2025-06-15');
const dob = (date: string) => ({ birth: { kind: 'dob', dateOfBirth: date } });

describe('the shelter’s age range', () => {
  it('both ends are inside; a day outside either end needs an override', async () => {
    const p = await placementVault();
    const home = p.shelter(4, { minAge: 10, maxAge: 12 });
    const ageRule = { code: 'NEEDS_OVERRIDE', warnings: ['softRule.shelterAge'] };
    // Thirteen on the day she arrives: older than the range.
    expect(refusal(() => p.admit(p.child(dob('2012-06-15')), home.beds[0]!, START))).toMatchObject(
      ageRule,
    );
    // Nine until the day after: younger than the range.
    expect(refusal(() => p.admit(p.child(dob('2015-06-16')), home.beds[0]!, START))).toMatchObject(
      ageRule,
    );
    // Twelve, a day before turning thirteen; and ten on her birthday.
    expect(p.admit(p.child(dob('2012-06-16')), home.beds[0]!, START).overridden).toEqual([]);
    expect(p.admit(p.child(dob('2015-06-15')), home.beds[1]!, START).overridden).toEqual([]);
  });

  it('an older child is placed with the typed reason, and the broken rule is named', async () => {
    const p = await placementVault();
    const home = p.shelter(1, { minAge: 10, maxAge: 12 });
    const placed = p.admit(p.child(dob('2010-01-01')), home.beds[0]!, START, 'Only safe bed left');
    expect(placed.overridden).toEqual(['shelterAge']);
    expect(placed.placement.overrideReason).toBe('Only safe bed left');
  });
});

describe('a stay ending exactly when another starts (half-open intervals)', () => {
  it('a bed is free from the instant its last stay ends, and taken until then', async () => {
    const p = await placementVault();
    const home = p.shelter(1);
    const bed = home.beds[0]!;
    const first = p.child();
    p.admit(first, bed, on('2025-05-01'));
    dischargeChild(p.vault, COORDINATOR, {
      childId: first,
      at: START,
      destination: 'family_reintegration',
      exitNote: 'Home with her aunt',
    });
    const second = p.child();
    expect(refusal(() => p.admit(second, bed, on('2025-06-15', '01:59:59.999')))).toMatchObject({
      code: 'CONFLICT',
      message: 'placement.bedOverlap',
      details: { startAt: on('2025-05-01'), endAt: START },
    });
    expect(p.admit(second, bed, START).placement.startAt).toBe(START);
  });

  it('a stay written with an end may end exactly when the next one in the bed starts', async () => {
    const p = await placementVault();
    const home = p.shelter(1);
    const bed = home.beds[0]!;
    p.admit(p.child(), bed, START);
    const earlier = (endAt: string) => ({
      child_id: p.child(),
      shelter_id: home.id,
      bed_id: bed,
      start_at: on('2025-05-01'),
      end_at: endAt,
      reason: 'Backdated record',
    });
    expect(
      refusal(() => insertPlacement(p.vault, earlier(on('2025-06-15', '02:00:00.001')))),
    ).toMatchObject({
      code: 'CONFLICT',
      message: 'placement.bedOverlap',
      details: { startAt: START },
    });
    expect(refusal(() => insertPlacement(p.vault, earlier(START)))).toBe('ok');
  });

  it('a child’s transfer ends one stay at the very instant the next begins', async () => {
    const p = await placementVault();
    const home = p.shelter(2);
    const ana = p.child();
    p.admit(ana, home.beds[0]!, on('2025-05-01'));
    // Not at the instant the stay began: that would be a stay of no length.
    expect(
      refusal(() =>
        transferChild(p.vault, COORDINATOR, {
          childId: ana,
          toBedId: home.beds[1]!,
          at: on('2025-05-01'),
          reason: 'Move',
        }),
      ),
    ).toMatchObject({ code: 'VALIDATION', fields: { at: 'placement.endBeforeStart' } });
    const moved = transferChild(p.vault, COORDINATOR, {
      childId: ana,
      toBedId: home.beds[1]!,
      at: on('2025-05-01', '02:00:00.001'),
      reason: 'Move',
    });
    expect(moved.placement.startAt).toBe(on('2025-05-01', '02:00:00.001'));
    expect(moved.overridden).toEqual([]);
    // Her old bed is free from that instant.
    expect(
      p.admit(p.child(), home.beds[0]!, on('2025-05-01', '02:00:00.001')).placement.bedId,
    ).toBe(home.beds[0]);
  });

  it('capacity counts a stay from its first instant and not at its last', async () => {
    const p = await placementVault();
    const home = p.shelter(3, { capacity: 1 });
    const first = p.child();
    p.admit(first, home.beds[0]!, on('2025-05-01'));
    dischargeChild(p.vault, COORDINATOR, {
      childId: first,
      at: START,
      destination: 'family_reintegration',
      exitNote: 'Home with her aunt',
    });
    // Arriving as the first leaves: the one place is free.
    expect(p.admit(p.child(), home.beds[1]!, START).overridden).toEqual([]);
    // Arriving at the same instant as the second: the shelter is full.
    expect(refusal(() => p.admit(p.child(), home.beds[2]!, START))).toMatchObject({
      code: 'NEEDS_OVERRIDE',
      warnings: ['softRule.shelterCapacity'],
    });
  });

  it('capacity is full only when every place is taken', async () => {
    const p = await placementVault();
    const home = p.shelter(3, { capacity: 2 });
    expect(p.admit(p.child(), home.beds[0]!, START).overridden).toEqual([]);
    expect(p.admit(p.child(), home.beds[1]!, START).overridden).toEqual([]);
    expect(refusal(() => p.admit(p.child(), home.beds[2]!, START))).toMatchObject({
      warnings: ['softRule.shelterCapacity'],
    });
  });

  it('an edit may end a stay exactly at the next one’s start, and not past it', async () => {
    const p = await placementVault();
    const home = p.shelter(2);
    const ana = p.child();
    p.admit(ana, home.beds[0]!, on('2025-04-01'));
    const old = transferChild(p.vault, COORDINATOR, {
      childId: ana,
      toBedId: home.beds[1]!,
      at: on('2025-05-01'),
      reason: 'Move',
    });
    const first = p.vault.db
      .prepare('SELECT id FROM placements WHERE child_id = ? AND end_at IS NOT NULL', {
        pluck: true,
      })
      .get([ana]) as string;
    const edit = (endAt: string) =>
      refusal(() =>
        editPlacement(p.vault, COORDINATOR, { id: first, startAt: on('2025-04-01'), endAt }),
      );
    expect(edit(on('2025-05-01', '02:00:00.001'))).toMatchObject({
      code: 'CONFLICT',
      message: 'placement.childOverlap',
      details: { startAt: old.placement.startAt },
    });
    expect(edit(on('2025-05-01'))).toBe('ok');
    expect(edit(on('2025-04-01'))).toMatchObject({
      code: 'VALIDATION',
      fields: { endAt: 'placement.endBeforeStart' },
    });
  });
});

describe('a held bed is released by every placement of its child', () => {
  it('admitted elsewhere, transferred or discharged: the bed held for her is free again', async () => {
    const p = await placementVault();
    const home = p.shelter(6);
    const [held1, held2, held3, other] = [
      home.beds[3]!,
      home.beds[4]!,
      home.beds[5]!,
      home.beds[2]!,
    ];
    const ana = p.child();
    const bea = p.child();
    reserveBed(p.vault, COORDINATOR, { bedId: other, childId: bea });

    reserveBed(p.vault, COORDINATOR, { bedId: held1, childId: ana });
    p.admit(ana, home.beds[0]!, on('2025-04-01'));
    expect(p.reservedFor(held1)).toBeNull();

    reserveBed(p.vault, COORDINATOR, { bedId: held2, childId: ana });
    transferChild(p.vault, COORDINATOR, {
      childId: ana,
      toBedId: home.beds[1]!,
      at: on('2025-05-01'),
      reason: 'Move',
    });
    expect(p.reservedFor(held2)).toBeNull();

    reserveBed(p.vault, COORDINATOR, { bedId: held3, childId: ana });
    dischargeChild(p.vault, COORDINATOR, {
      childId: ana,
      at: START,
      destination: 'family_reintegration',
      exitNote: 'Home with her aunt',
    });
    expect(p.reservedFor(held3)).toBeNull();
    // Another child's held bed is hers still.
    expect(p.reservedFor(other)).toBe(bea);
  });
});

describe('an edit’s override', () => {
  it('the typed reason is stored with the placement; an edit needing none keeps the earlier one', async () => {
    const p = await placementVault();
    const home = p.shelter(1, { minAge: 10, maxAge: 17 });
    // Ten on 2025-06-15: nine before it.
    const girl = p.child(dob('2015-06-15'));
    const placed = p.admit(girl, home.beds[0]!, START).placement;
    expect(
      refusal(() =>
        editPlacement(p.vault, COORDINATOR, {
          id: placed.id,
          startAt: on('2025-06-01'),
          endAt: null,
        }),
      ),
    ).toMatchObject({ code: 'NEEDS_OVERRIDE', warnings: ['softRule.shelterAge'] });
    const edited = editPlacement(p.vault, COORDINATOR, {
      id: placed.id,
      startAt: on('2025-06-01'),
      endAt: null,
      overrideReason: 'She arrived two weeks earlier',
    });
    expect(edited.overridden).toEqual(['shelterAge']);
    expect(edited.placement.overrideReason).toBe('She arrived two weeks earlier');
    const stored = p.vault.db
      .prepare('SELECT start_at, override_reason FROM placements WHERE id = ?')
      .get([placed.id]);
    expect(stored).toEqual({
      start_at: on('2025-06-01'),
      override_reason: 'She arrived two weeks earlier',
    });
    // A later correction that breaks nothing keeps the reason on record.
    const again = editPlacement(p.vault, COORDINATOR, {
      id: placed.id,
      startAt: on('2025-06-01'),
      endAt: null,
      overrideReason: 'Not needed',
    });
    expect(again.overridden).toEqual([]);
    expect(again.placement.overrideReason).toBe('She arrived two weeks earlier');
  });
});

describe('an edit re-checks only the rules its new start can change', () => {
  it('a start moved into a time the shelter was full needs a capacity override', async () => {
    const p = await placementVault();
    const home = p.shelter(2, { capacity: 1 });
    const bea = p.child();
    p.admit(bea, home.beds[0]!, on('2025-03-01'));
    dischargeChild(p.vault, COORDINATOR, {
      childId: bea,
      at: on('2025-04-01'),
      destination: 'family_reintegration',
      exitNote: 'Fictional exit note',
    });
    const placed = p.admit(p.child(), home.beds[1]!, on('2025-05-01')).placement;
    expect(
      refusal(() =>
        editPlacement(p.vault, COORDINATOR, {
          id: placed.id,
          startAt: on('2025-03-15'),
          endAt: null,
        }),
      ),
    ).toMatchObject({ code: 'NEEDS_OVERRIDE', warnings: ['softRule.shelterCapacity'] });
  });

  it('a child whose brother lives in another shelter is re-dated without a siblings override', async () => {
    const p = await placementVault();
    const [north, south] = [p.shelter(1), p.shelter(1)];
    const [ana, ben] = [p.child(), p.child({ sex: 'male' })];
    linkSiblings(p.vault, COORDINATOR, { childId: ana, siblingId: ben });
    p.admit(ben, south.beds[0]!, on('2025-05-01'));
    const placed = p.admit(ana, north.beds[0]!, START, 'Brother’s shelter is for boys');
    expect(placed.overridden).toEqual(['siblingsApart']);
    const edited = editPlacement(p.vault, COORDINATOR, {
      id: placed.placement.id,
      startAt: on('2025-06-10'),
      endAt: null,
    });
    expect(edited.overridden).toEqual([]);
    expect(edited.placement.startAt).toBe(on('2025-06-10'));
  });

  it('the soft-rule check names only the rules it is asked about', async () => {
    const p = await placementVault();
    const home = p.shelter(1, { capacity: 1, minAge: 10, maxAge: 12 });
    p.admit(p.child(dob('2014-01-01')), home.beds[0]!, on('2025-05-01'));
    const older = p.vault.db
      .prepare('SELECT * FROM children WHERE id = ?')
      .get([p.child(dob('2008-01-01'))]) as unknown as ChildRow;
    const shelter = p.vault.db
      .prepare('SELECT * FROM shelters WHERE id = ?')
      .get([home.id]) as unknown as ShelterRow;
    const clock = clockFor(p.vault, COORDINATOR);
    const check = (rules: SoftRule[]) =>
      softRuleWarnings(p.vault, clock, { child: older, shelter, at: START, rules });
    expect(check(['shelterAge', 'shelterCapacity'])).toEqual(['shelterAge', 'shelterCapacity']);
    expect(check(['shelterAge'])).toEqual(['shelterAge']);
    expect(check(['shelterCapacity'])).toEqual(['shelterCapacity']);
    expect(check(['shelterSex'])).toEqual([]);
  });
});

describe('the placement services refuse bad input at the field, whoever calls them', () => {
  const NEXT_YEAR = new Date(Date.now() + 365 * 86_400_000).toISOString();
  const NO_SUCH_BED = '0'.repeat(32);

  it('admission: a start in the future, a bed that does not exist', async () => {
    const p = await placementVault();
    const home = p.shelter(1);
    const ana = p.child();
    expect(refusal(() => p.admit(ana, home.beds[0]!, NEXT_YEAR))).toMatchObject({
      code: 'VALIDATION',
      fields: { startAt: 'date.future' },
    });
    expect(refusal(() => p.admit(ana, NO_SUCH_BED, START))).toMatchObject({
      code: 'VALIDATION',
      fields: { bedId: 'invalid' },
    });
  });

  it('a bed or stay whose shelter was removed (as a sync may leave it): no admission, no edit', async () => {
    const p = await placementVault();
    const home = p.shelter(1);
    p.vault.data.softDelete('shelters', home.id);
    expect(refusal(() => p.admit(p.child(), home.beds[0]!, START))).toMatchObject({
      code: 'VALIDATION',
      fields: { bedId: 'invalid' },
    });
    // A stay in a removed shelter cannot be edited either.
    const other = p.shelter(1);
    const { placement } = p.admit(p.child(), other.beds[0]!, on('2025-05-01'));
    p.vault.data.softDelete('shelters', other.id);
    expect(
      refusal(() =>
        editPlacement(p.vault, COORDINATOR, {
          id: placement.id,
          startAt: on('2025-05-01'),
          endAt: null,
        }),
      ),
    ).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('a soft rule broken without a reason is "needs override", naming the rule', async () => {
    const p = await placementVault();
    const home = p.shelter(1, { sexRule: 'male' });
    expect(refusal(() => p.admit(p.child(), home.beds[0]!, START))).toEqual({
      code: 'NEEDS_OVERRIDE',
      message: 'needsOverride',
      warnings: ['softRule.shelterSex'],
    });
  });

  it('transfer to a bed that does not exist', async () => {
    const p = await placementVault();
    const home = p.shelter(1);
    const ana = p.child();
    p.admit(ana, home.beds[0]!, on('2025-05-01'));
    const transfer = () =>
      transferChild(p.vault, COORDINATOR, {
        childId: ana,
        toBedId: NO_SUCH_BED,
        at: START,
        reason: 'Move',
      });
    expect(refusal(transfer)).toMatchObject({ code: 'VALIDATION', fields: { toBedId: 'invalid' } });
  });

  it('discharge: a blank exit note is required; a note is stored without its surrounding spaces', async () => {
    const p = await placementVault();
    const ana = p.child();
    p.admit(ana, p.shelter(1).beds[0]!, on('2025-05-01'));
    const discharge = (exitNote: string) =>
      dischargeChild(p.vault, COORDINATOR, {
        childId: ana,
        at: START,
        destination: 'family_reintegration',
        exitNote,
      });
    expect(refusal(() => discharge('   '))).toMatchObject({
      code: 'VALIDATION',
      fields: { exitNote: 'required' },
    });
    expect(discharge('  Home with her aunt \n').exitNote).toBe('Home with her aunt');
  });

  it('an edit of a placement that does not exist is NOT_FOUND', async () => {
    const p = await placementVault();
    expect(
      refusal(() =>
        editPlacement(p.vault, COORDINATOR, { id: NO_SUCH_BED, startAt: START, endAt: null }),
      ),
    ).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('an edit: a start or an end in the future', async () => {
    const p = await placementVault();
    const ana = p.child();
    const { placement } = p.admit(ana, p.shelter(1).beds[0]!, on('2025-05-01'));
    const edit = (startAt: string, endAt: string | null) =>
      refusal(() => editPlacement(p.vault, COORDINATOR, { id: placement.id, startAt, endAt }));
    expect(edit(NEXT_YEAR, null)).toMatchObject({
      code: 'VALIDATION',
      fields: { startAt: 'date.future' },
    });
    dischargeChild(p.vault, COORDINATOR, {
      childId: ana,
      at: START,
      destination: 'family_reintegration',
      exitNote: 'Home with her aunt',
    });
    expect(edit(on('2025-05-01'), NEXT_YEAR)).toMatchObject({
      code: 'VALIDATION',
      fields: { endAt: 'date.future' },
    });
  });
});

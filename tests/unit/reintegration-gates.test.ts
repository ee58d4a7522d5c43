// The safety gates' building blocks on a vault of their own, each test with the few family members
// it needs: which members flag a household (listed ones, or anyone living in the child's own
// family's home), the refusal each flag gives, and the policy a fresh vault starts from.
import { describe, expect, it } from 'vitest';
import { saveFamilyMember } from '../../electron/backend/domains/children';
import {
  flaggedHousehold,
  householdFlags,
  readPolicy,
  writePolicy,
} from '../../electron/backend/domains/reintegration/gates';
import { AppError } from '../../shared/errors';
import { AUNT, reintegrationVault } from './support/reintegration';

async function family() {
  const p = await reintegrationVault();
  const { childId, aunt, mother } = p.placedChild({ mother: true });
  const member = (fields: Record<string, unknown>) =>
    saveFamilyMember(p.vault, p.author, { childId, ...AUNT, ...fields } as typeof AUNT & {
      childId: string;
    }).id;
  return { ...p, childId, aunt, mother, member };
}

describe('a household’s flags', () => {
  it('the child’s own family: everyone living there counts, listed or not; the aunt elsewhere does not', async () => {
    const f = await family();
    expect(householdFlags(f.vault, f.childId, { kind: 'family', memberIds: [] })).toEqual([
      { kind: 'allegedOffender', relationship: 'Mother' },
    ]);
    // Kinship care: only the listed members, so the mother at home is not part of it.
    expect(householdFlags(f.vault, f.childId, { kind: 'kinship', memberIds: [f.aunt] })).toEqual(
      [],
    );
    expect(
      householdFlags(f.vault, f.childId, { kind: 'kinship', memberIds: [f.aunt, f.mother] }),
    ).toEqual([{ kind: 'allegedOffender', relationship: 'Mother' }]);
  });

  it('both flags of one member, each named, in the order of the relationships', async () => {
    const f = await family();
    const uncle = f.member({
      name: 'Fictional Ramon Dela Cruz',
      relationship: 'Uncle',
      allegedOffender: true,
      allegedOffenderSince: '2024-12-01',
      noContactOrder: true,
    });
    const grandmother = f.member({
      name: 'Fictional Nena Dela Cruz',
      relationship: 'Grandmother',
      noContactOrder: true,
    });
    expect(
      householdFlags(f.vault, f.childId, {
        kind: 'kinship',
        memberIds: [uncle, f.aunt, grandmother],
      }),
    ).toEqual([
      { kind: 'noContactOrder', relationship: 'Grandmother' },
      { kind: 'allegedOffender', relationship: 'Uncle' },
      { kind: 'noContactOrder', relationship: 'Uncle' },
    ]);
  });

  it('a member of another child’s family listed by id flags nothing here', async () => {
    const f = await family();
    const other = f.placedChild({ mother: true });
    expect(
      householdFlags(f.vault, f.childId, { kind: 'kinship', memberIds: [other.mother] }),
    ).toEqual([]);
  });
});

describe('the refusal a flag gives', () => {
  it('a conflict naming the flag and relationship, or the field it belongs to', () => {
    const reason = { kind: 'noContactOrder', relationship: 'Uncle' } as const;
    const conflict = flaggedHousehold(reason);
    expect(conflict).toBeInstanceOf(AppError);
    expect(conflict.toShape()).toEqual({
      code: 'CONFLICT',
      message: 'reintegration.householdFlagged',
      details: { flag: 'noContactOrder', relationship: 'Uncle' },
    });
    expect(flaggedHousehold(reason, 'recommendation').toShape()).toEqual({
      code: 'VALIDATION',
      message: 'validation',
      fields: { recommendation: 'reintegration.householdFlagged' },
      details: { flag: 'noContactOrder', relationship: 'Uncle' },
    });
    expect(flaggedHousehold({ kind: 'band' }).toShape()).toMatchObject({
      details: { flag: 'band', relationship: null },
    });
  });
});

describe('the reintegration policy', () => {
  it('is the one row every computer writes under the same id, so a synced policy is the one read', async () => {
    const p = await reintegrationVault();
    // As it arrives from another computer that set it first.
    p.vault.data.insert(
      'reintegration_policy',
      {
        assessment_max_age_days: 45,
        visit_cadence: JSON.stringify([{ unit: 'week', every: 2, until: 8 }]),
        outcomes_first_after_months: 4,
        outcomes_then_every_months: 8,
        closure_threshold: 3,
      },
      '00000000-0000-7000-8000-000000000060',
    );
    expect(readPolicy(p.vault)).toEqual({
      assessmentMaxAgeDays: 45,
      visitCadence: [{ unit: 'week', every: 2, until: 8 }],
      outcomesFirstAfterMonths: 4,
      outcomesThenEveryMonths: 8,
      closureThreshold: 3,
    });
  });

  it('starts from the documented defaults, and is written once then changed in place', async () => {
    const p = await reintegrationVault();
    expect(readPolicy(p.vault)).toEqual({
      assessmentMaxAgeDays: 90,
      visitCadence: [
        { unit: 'week', every: 1, until: 8 },
        { unit: 'month', every: 1, until: 6 },
        { unit: 'month', every: 2, until: 12 },
      ],
      outcomesFirstAfterMonths: 6,
      outcomesThenEveryMonths: 12,
      closureThreshold: null,
    });
    const changed = {
      assessmentMaxAgeDays: 60,
      visitCadence: [{ unit: 'month' as const, every: 1, until: 3 }],
      outcomesFirstAfterMonths: 3,
      outcomesThenEveryMonths: 6,
      closureThreshold: 2.5,
    };
    expect(writePolicy(p.vault, changed)).toEqual(changed);
    expect(writePolicy(p.vault, { ...changed, closureThreshold: null })).toEqual({
      ...changed,
      closureThreshold: null,
    });
    expect(
      p.vault.db.prepare('SELECT count(*) FROM reintegration_policy', { pluck: true }).get(),
    ).toBe(1);
  });
});

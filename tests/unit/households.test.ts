// One household for siblings: the migration keeps every family row and flag and gives each child
// a household of its own; alike people under siblings are offered for merge, never merged
// silently; a flag set once reaches every child of the household; a household shows only the
// children in the caller's scope.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Database } from '@signalapp/sqlcipher';
import { v7 as uuidv7 } from 'uuid';
import { migrate } from '../../electron/backend/db/migrate';
import { DataLayer } from '../../electron/backend/db/data-layer';
import { SCHEMA } from '../../electron/backend/runtime/composition';
import { caseVault, daysAgo, fails, instantDaysAgo, ok, register, tempFolder } from './support';

const HOUSEHOLDS_VERSION = SCHEMA.migrations.find((m) => m.name === 'households')!.version;

describe('the households migration', () => {
  it('gives every child a household with its family, keeping every row and flag', () => {
    const db = new Database(join(tempFolder(), 'before.db'));
    db.pragma(`key = "x'${'ab'.repeat(32)}'"`);
    const before = SCHEMA.migrations.filter((m) => m.version < HOUSEHOLDS_VERSION);
    expect(migrate(db, before)).toBe(HOUSEHOLDS_VERSION - 1);
    const data = new DataLayer(db, SCHEMA.tables, () => ({ userId: null, deviceId: 'test' }));
    const group = uuidv7();
    const child = (seq: number, sibling_group_id: string | null) =>
      data.insert('children', {
        case_code: `FIC-2025-${seq}`,
        case_year: 2025,
        case_seq: seq,
        legal_name: `Fictional Child ${seq}`,
        legal_initials: 'F.C.',
        alias: 'R.T.L.',
        search_text: `fictional child ${seq}`,
        birth_kind: 'dob',
        date_of_birth: '2014-03-02',
        sex: 'female',
        languages: '["Cebuano"]',
        referral_source: 'Fictional barangay hall',
        referral_date: '2025-01-02',
        intake_date: '2025-01-02',
        status: 'active',
        sibling_group_id,
      });
    const ana = child(1, group);
    const bea = child(2, group);
    const cora = child(3, null);
    const member = (child_id: string, name: string, extra: Record<string, unknown> = {}) =>
      data.insert('family_members', {
        child_id,
        name,
        relationship: 'mother',
        address: 'Fictional Purok 3, Barangay Tabok',
        lives_in_household: 1,
        ...extra,
      });
    const maria = member(ana, 'Fictional Maria Reyes');
    const mariaAgain = member(bea, 'Fictional Maria Reyes');
    const jose = member(ana, 'Fictional Jose Reyes', {
      relationship: 'father',
      lives_in_household: 0,
      address: null,
      alleged_offender: 1,
      alleged_offender_since: '2024-11-02',
      no_contact_order: 1,
      order_expires_on: '2030-01-01',
    });
    const gone = member(cora, 'Fictional Tita Luz', { relationship: 'aunt', address: null });
    data.softDelete('family_members', gone);
    data.insert('consents', {
      child_id: ana,
      type: 'services',
      given_by: 'guardian',
      given_by_member_id: maria,
      given_on: '2025-01-03',
      scope: 'Shelter services',
    });
    const rowsBefore = db.prepare('SELECT * FROM family_members ORDER BY id').all() as Record<
      string,
      unknown
    >[];

    expect(migrate(db, SCHEMA.migrations)).toBe(SCHEMA.version);

    const rowsAfter = db.prepare('SELECT * FROM family_members ORDER BY id').all() as Record<
      string,
      unknown
    >[];
    // Every row, removed ones too, with every column as it was; each in its own child's household.
    expect(
      rowsAfter.map((row) => {
        const rest = { ...row };
        delete rest.household_id;
        delete rest.merged_into;
        return rest;
      }),
    ).toEqual(rowsBefore);
    for (const row of rowsAfter) {
      expect(row.household_id).toBe(row.child_id);
      expect(row.merged_into).toBeNull();
    }
    expect(db.prepare('SELECT id, household_id FROM children ORDER BY id').all()).toEqual([
      { id: ana, household_id: ana },
      { id: bea, household_id: bea },
      { id: cora, household_id: cora },
    ]);
    // The address of the home: that of someone recorded as living there.
    expect(db.prepare('SELECT id, address FROM households ORDER BY id').all()).toEqual([
      { id: ana, address: 'Fictional Purok 3, Barangay Tabok' },
      { id: bea, address: 'Fictional Purok 3, Barangay Tabok' },
      { id: cora, address: null },
    ]);
    expect(db.prepare('SELECT given_by_member_id FROM consents', { pluck: true }).all()).toEqual([
      maria,
    ]);
    // Nothing merged: the two records of the same mother are both still there.
    expect(
      db
        .prepare('SELECT count(*) FROM family_members WHERE id IN (?, ?) AND deleted_at IS NULL', {
          pluck: true,
        })
        .get([maria, mariaAgain]),
    ).toBe(2);
    expect(jose).toBeTruthy();
    db.close();
  });
});

describe('households through the backend', () => {
  let f: Awaited<ReturnType<typeof caseVault>>;
  beforeAll(async () => {
    f = await caseVault();
  });

  const person = (childId: string, name: string, extra: Record<string, unknown> = {}) => ({
    childId,
    name,
    relationship: 'mother',
    address: 'Fictional Sitio Ibabao',
    livesInHousehold: true,
    allegedOffender: false,
    noContactOrder: false,
    ...extra,
  });

  /** Two siblings, each with the same mother and father entered separately, as before households. */
  async function siblings() {
    await f.as('coordinator');
    const ana = await register(f.backend);
    const bea = await register(f.backend);
    await ok(f.backend, 'siblings.link', { childId: ana.id, siblingId: bea.id });
    const mother = await ok(f.backend, 'family.save', person(ana.id, 'Fictional Nena Cruz'));
    const motherAgain = await ok(f.backend, 'family.save', person(bea.id, ' fictional nena  cruz'));
    const father = await ok(
      f.backend,
      'family.save',
      person(ana.id, 'Fictional Jun Cruz', {
        relationship: 'father',
        livesInHousehold: false,
        allegedOffender: true,
        allegedOffenderSince: daysAgo(60),
      }),
    );
    const fatherAgain = await ok(
      f.backend,
      'family.save',
      person(bea.id, 'Fictional Jun Cruz', { relationship: 'father', livesInHousehold: false }),
    );
    return { ana, bea, mother, motherAgain, father, fatherAgain };
  }

  it('offers alike people under siblings for merge, and merges only when asked, audited', async () => {
    const s = await siblings();
    const household = await ok(f.backend, 'households.get', { childId: s.ana.id });
    expect(
      household.mergeCandidates.map((c) => [c.keep.id, c.merge.id, c.merge.caseCodes.length]),
    ).toEqual([
      [s.father.id, s.fatherAgain.id, 1],
      [s.mother.id, s.motherAgain.id, 1],
    ]);
    expect(household.joinable.map((c) => c.id)).toEqual([s.bea.id]);
    // Offered is not merged: each child still has its own record of the father.
    expect((await ok(f.backend, 'visitors.list', { childId: s.bea.id }))[0]).toMatchObject({
      id: s.fatherAgain.id,
      state: 'allowed',
    });

    await ok(f.backend, 'households.merge', { keepId: s.father.id, mergeId: s.fatherAgain.id });

    // One household now, for both; the father's flag reaches Bea.
    const after = await ok(f.backend, 'households.get', { childId: s.bea.id });
    expect(after.children.map((c) => c.id)).toEqual([s.bea.id, s.ana.id]);
    expect(after.joinable).toEqual([]);
    expect(after.mergeCandidates.map((c) => c.merge.id)).toEqual([s.motherAgain.id]);
    const father = after.members.find((m) => m.id === s.father.id)!;
    expect(father.relationships).toEqual([
      { childId: s.bea.id, relationship: 'father' },
      { childId: s.ana.id, relationship: 'father' },
    ]);
    const beaVisitors = await ok(f.backend, 'visitors.list', { childId: s.bea.id });
    expect(beaVisitors.find((v) => v.name === 'Fictional Jun Cruz')).toMatchObject({
      id: s.father.id,
      state: 'not_allowed',
      reasons: ['allegedOffender'],
    });
    expect(beaVisitors.map((v) => v.id)).not.toContain(s.fatherAgain.id);

    // A different person is never mergeable.
    const other = await ok(f.backend, 'family.save', person(s.bea.id, 'Fictional Lola Idang'));
    expect(
      (await fails(f.backend, 'households.merge', { keepId: s.mother.id, mergeId: other.id })).code,
    ).toBe('CONFLICT');

    const inspector = await f.inspect();
    const merged = inspector.db
      .prepare('SELECT merged_into, deleted_at FROM family_members WHERE id = ?')
      .get([s.fatherAgain.id]) as { merged_into: string; deleted_at: string | null };
    inspector.close();
    expect(merged.merged_into).toBe(s.father.id);
    expect(merged.deleted_at).not.toBeNull();

    await f.as('admin');
    const { entries } = await ok(f.backend, 'audit.list', { limit: 500 });
    expect(
      entries.filter((e) => e.action === 'households.merge' && e.targetId === s.father.id),
    ).toEqual([expect.objectContaining({ detail: { merged: s.fatherAgain.id } })]);
  });

  it('lets a flag set once act for every child of the household', async () => {
    const s = await siblings();
    await ok(f.backend, 'households.join', { childId: s.bea.id, householdOfChildId: s.ana.id });
    // Bea's household came along whole: her own records of her parents are there too.
    const joined = await ok(f.backend, 'households.get', { childId: s.ana.id });
    expect(joined.members.map((m) => m.id).sort()).toEqual(
      [s.mother.id, s.motherAgain.id, s.father.id, s.fatherAgain.id].sort(),
    );

    const tito = await ok(
      f.backend,
      'family.save',
      person(s.ana.id, 'Fictional Tito Ramon', {
        relationship: 'uncle',
        livesInHousehold: false,
        noContactOrder: true,
        noContactOrderDate: daysAgo(5),
      }),
    );
    // On Bea's list too, not allowed, though he was entered in Ana's file.
    const beaVisitors = await ok(f.backend, 'visitors.list', { childId: s.bea.id });
    expect(beaVisitors.find((v) => v.id === tito.id)).toMatchObject({
      state: 'not_allowed',
      reasons: ['noContactOrder'],
    });
    // His relationship to Bea is her own, not yet set.
    const beaFile = await ok(f.backend, 'children.get', { id: s.bea.id });
    expect(beaFile.family.find((m) => m.id === tito.id)).toMatchObject({
      relationship: '',
      childId: s.bea.id,
      safety: { noContactOrder: true },
    });
    await ok(f.backend, 'households.setRelationship', {
      memberId: tito.id,
      childId: s.bea.id,
      relationship: 'godfather',
    });
    const relationships = (
      await ok(f.backend, 'households.get', { childId: s.ana.id })
    ).members.find((m) => m.id === tito.id)!.relationships;
    expect(relationships).toEqual([
      { childId: s.ana.id, relationship: 'uncle' },
      { childId: s.bea.id, relationship: 'godfather' },
    ]);

    // Consent from him is refused for either child.
    const consent = {
      type: 'services',
      givenBy: 'guardian',
      givenByMemberId: tito.id,
      givenOn: daysAgo(1),
      scope: 'Shelter services',
    };
    for (const child of [s.ana, s.bea])
      expect(
        await fails(f.backend, 'consents.record', { ...consent, childId: child.id }),
      ).toMatchObject({ fields: { givenByMemberId: 'consent.flaggedGiver' } });

    // Clearing the flag from Bea's file needs the reason, like any other clearing.
    const cleared = {
      ...person(s.bea.id, 'Fictional Tito Ramon', {
        relationship: 'godfather',
        livesInHousehold: false,
      }),
      id: tito.id,
    };
    expect(await fails(f.backend, 'family.save', cleared)).toMatchObject({
      fields: { flagClearReason: 'safety.reasonRequired' },
    });
  });

  it('shows a caseworker only the children of the household in her scope', async () => {
    const s = await siblings();
    await ok(f.backend, 'households.join', { childId: s.bea.id, householdOfChildId: s.ana.id });
    const admit = (childId: string, bedId: string) =>
      ok(f.backend, 'placements.admit', {
        childId,
        bedId,
        startAt: instantDaysAgo(2),
        reason: 'Rescue',
      });
    await admit(s.ana.id, f.bed(f.cebu, 0));
    // Siblings placed apart need a stated reason.
    await ok(f.backend, 'placements.admit', {
      childId: s.bea.id,
      bedId: f.bed(f.iloilo, 0),
      startAt: instantDaysAgo(2),
      reason: 'Rescue',
      overrideReason: 'Fictional: no bed for her in Cebu',
    });
    await f.as('cebu');
    const household = await ok(f.backend, 'households.get', { childId: s.ana.id });
    expect(household.children.map((c) => c.id)).toEqual([s.ana.id]);
    expect(JSON.stringify(household)).not.toContain(s.bea.id);
    // The shared father is hers to see through Ana; Bea stays out of reach.
    expect(household.members.map((m) => m.id)).toContain(s.father.id);
    expect((await fails(f.backend, 'households.get', { childId: s.bea.id })).code).toBe(
      'NOT_FOUND',
    );
    expect(
      (
        await fails(f.backend, 'households.join', {
          childId: s.ana.id,
          householdOfChildId: s.bea.id,
        })
      ).code,
    ).toBe('NOT_FOUND');
    await f.as('coordinator');
  });
});

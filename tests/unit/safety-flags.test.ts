// Safety flags that act: a family member's contact details (household access, an order's expiry,
// supervised contact only, the child's wish), and a typed, kept reason whenever a flag is cleared
// or a flagged person removed.
import { beforeAll, describe, expect, it } from 'vitest';
import { visitorStateOf } from '../../shared/children/vocabulary';
import { caseVault, daysAgo, fails, instantDaysAgo, ok, register, sample } from './support';

let f: Awaited<ReturnType<typeof caseVault>>;
beforeAll(async () => {
  f = await caseVault();
});

const member = (childId: string, extra: Record<string, unknown> = {}) => ({
  childId,
  name: 'Fictional Tito Berto',
  relationship: 'uncle',
  livesInHousehold: false,
  allegedOffender: false,
  noContactOrder: false,
  ...extra,
});

describe('family members', () => {
  it('keep household access, the order expiry, supervised contact and the child wish', async () => {
    await f.as('coordinator');
    const child = await register(f.backend);
    const saved = await ok(
      f.backend,
      'family.save',
      member(child.id, {
        householdAccess: true,
        childWantsContact: 'unsure',
        noContactOrder: true,
        noContactOrderDate: daysAgo(10),
        orderExpiresOn: '2030-01-31',
        supervisedOnly: true,
      }),
    );
    expect(saved).toMatchObject({
      householdAccess: true,
      childWantsContact: 'unsure',
      safety: { noContactOrder: true, orderExpiresOn: '2030-01-31', supervisedOnly: true },
    });
    // The expiry belongs to the order: without an order there is none.
    const { safety } = await ok(f.backend, 'family.save', {
      ...member(child.id, { orderExpiresOn: '2030-01-31' }),
      id: saved.id,
      flagClearReason: 'Fictional: the court lifted the order',
    });
    expect(safety?.orderExpiresOn).toBeNull();
  });

  it('decides a visitor state: an order that has expired no longer bars a visit', () => {
    const none = { allegedOffender: false, noContactOrder: false, orderExpiresOn: null };
    const today = '2026-06-15';
    expect(visitorStateOf({ ...none, supervisedOnly: false }, today)).toBe('allowed');
    expect(visitorStateOf({ ...none, supervisedOnly: true }, today)).toBe('supervised');
    expect(visitorStateOf({ ...none, allegedOffender: true, supervisedOnly: true }, today)).toBe(
      'not_allowed',
    );
    const order = { ...none, noContactOrder: true, supervisedOnly: false };
    expect(visitorStateOf(order, today)).toBe('not_allowed');
    expect(visitorStateOf({ ...order, orderExpiresOn: today }, today)).toBe('not_allowed');
    expect(visitorStateOf({ ...order, orderExpiresOn: '2026-06-14' }, today)).toBe('allowed');
  });
});

describe('clearing a flag and removing a flagged person', () => {
  it('need a typed reason, which is kept, and the audit entry says so without the reason', async () => {
    await f.as('coordinator');
    const child = await register(f.backend);
    const flagged = await ok(
      f.backend,
      'family.save',
      member(child.id, { allegedOffender: true, allegedOffenderSince: daysAgo(30) }),
    );
    const cleared = { ...member(child.id), id: flagged.id };
    const refused = await fails(f.backend, 'family.save', cleared);
    expect(refused.fields).toEqual({ flagClearReason: 'safety.reasonRequired' });
    const changesOf = async () => {
      const vault = await f.inspect();
      const rows = vault.db
        .prepare(
          `SELECT family_member_id, change, reason FROM safety_flag_changes
           WHERE child_id = ? ORDER BY id`,
        )
        .all([child.id]);
      vault.close();
      return rows;
    };
    expect(await changesOf()).toEqual([]);
    // The refusal saved nothing: the flag stands.
    const file = await ok(f.backend, 'children.get', { id: child.id });
    expect(file.family[0]!.safety?.allegedOffender).toBe(true);

    const reason = 'Fictional: the prosecutor dismissed the complaint';
    await ok(f.backend, 'family.save', { ...cleared, flagClearReason: reason });

    const other = await ok(
      f.backend,
      'family.save',
      member(child.id, { name: 'Fictional Nong Ador', noContactOrder: true }),
    );
    expect(await fails(f.backend, 'family.remove', { id: other.id })).toMatchObject({
      fields: { reason: 'safety.reasonRequired' },
    });
    await ok(f.backend, 'family.remove', { id: other.id, reason: 'Fictional: entered twice' });
    // An unflagged person is removed without a reason.
    const plain = await ok(f.backend, 'family.save', member(child.id, { name: 'Fictional Lola' }));
    await ok(f.backend, 'family.remove', { id: plain.id });

    expect(await changesOf()).toEqual([
      { family_member_id: flagged.id, change: 'flag_cleared', reason },
      { family_member_id: other.id, change: 'removed', reason: 'Fictional: entered twice' },
    ]);

    await f.as('admin');
    const { entries } = await ok(f.backend, 'audit.list', { limit: 500 });
    const of = (id: string, action: string) =>
      entries.filter((e) => e.targetId === id && e.action === action).map((e) => e.detail);
    expect(of(flagged.id, 'family.save')).toContainEqual({ childId: child.id, flagCleared: true });
    expect(of(other.id, 'family.remove')).toEqual([{ childId: child.id, flagged: true }]);
    expect(of(plain.id, 'family.remove')).toEqual([{ childId: child.id }]);
    expect(JSON.stringify(entries)).not.toContain('dismissed');
  });
});

describe('the visitor list and the gate', () => {
  it('derives each state from the flags; the reasons reach the case team and the child’s therapist only', async () => {
    await f.as('coordinator');
    const child = await register(f.backend);
    await ok(f.backend, 'placements.admit', {
      childId: child.id,
      bedId: f.bed(f.cebu, 2),
      startAt: instantDaysAgo(3),
      reason: 'Rescue',
    });
    await ok(
      f.backend,
      'family.save',
      member(child.id, { name: 'Fictional Papa Jun', allegedOffender: true }),
    );
    await ok(
      f.backend,
      'family.save',
      member(child.id, { name: 'Fictional Tita Nena', supervisedOnly: true }),
    );
    await ok(
      f.backend,
      'family.save',
      member(child.id, {
        name: 'Fictional Kuya Onyok',
        noContactOrder: true,
        orderExpiresOn: daysAgo(1),
        childWantsContact: 'no',
      }),
    );
    const friend = await ok(f.backend, 'visitors.add', {
      childId: child.id,
      name: 'Fictional Teacher Ana',
      relationship: 'teacher',
      state: 'allowed',
    });
    const list = await ok(f.backend, 'visitors.list', { childId: child.id });
    expect(
      list.map(({ name, state, reasons, source }) => ({ name, state, reasons, source })),
    ).toEqual([
      // The order has expired: allowed, but the child's own wish is still shown.
      {
        name: 'Fictional Kuya Onyok',
        state: 'allowed',
        reasons: ['childDoesNotWantContact'],
        source: 'family',
      },
      {
        name: 'Fictional Papa Jun',
        state: 'not_allowed',
        reasons: ['allegedOffender'],
        source: 'family',
      },
      { name: 'Fictional Teacher Ana', state: 'allowed', reasons: [], source: 'direct' },
      {
        name: 'Fictional Tita Nena',
        state: 'supervised',
        reasons: ['supervisedOnly'],
        source: 'family',
      },
    ]);

    // A therapist working in the shelter sees the states, not why, until the child is theirs.
    await f.as('therapist');
    const seen = await ok(f.backend, 'visitors.list', { childId: child.id });
    expect(seen.map((v) => v.reasons)).toEqual([null, null, null, null]);
    await f.as('coordinator');
    await ok(f.backend, 'therapy.savePlan', {
      ...(sample('coordinator')['therapy.savePlan'] as object),
      id: undefined,
      childId: child.id,
      therapistId: f.ids.therapist,
    });
    await f.as('therapist');
    const theirs = await ok(f.backend, 'visitors.list', { childId: child.id });
    expect(theirs.find((v) => v.name === 'Fictional Papa Jun')?.reasons).toEqual([
      'allegedOffender',
    ]);

    // The gate: names and states only, by a visitor's name or the child's case code.
    const gate = await ok(f.backend, 'visitors.gate', { text: 'papa jun' });
    expect(gate).toEqual([
      {
        name: 'Fictional Papa Jun',
        children: [{ caseCode: child.caseCode, state: 'not_allowed' }],
      },
    ]);
    const byCode = await ok(f.backend, 'visitors.gate', { text: child.caseCode });
    expect(byCode.map((v) => v.name)).toEqual([
      'Fictional Kuya Onyok',
      'Fictional Papa Jun',
      'Fictional Teacher Ana',
      'Fictional Tita Nena',
    ]);
    expect(JSON.stringify(byCode)).not.toMatch(/offender|order|supervisedOnly|wish|reason/i);
    // Outside the caseworker's shelter, the child's visitors are not found at the gate.
    await f.as('iloilo');
    expect(await ok(f.backend, 'visitors.gate', { text: child.caseCode })).toEqual([]);
    // A `%` in the search matches only itself.
    await f.as('coordinator');
    expect(await ok(f.backend, 'visitors.gate', { text: '%%' })).toEqual([]);

    await ok(f.backend, 'visitors.remove', { id: friend.id });
    expect((await ok(f.backend, 'visitors.list', { childId: child.id })).length).toBe(3);
  });
});

describe('consent from a flagged person', () => {
  it('is refused at the field, and saves nothing; a guardian without flags may give it', async () => {
    await f.as('coordinator');
    const child = await register(f.backend);
    const father = await ok(
      f.backend,
      'family.save',
      member(child.id, { name: 'Fictional Papa Lando', allegedOffender: true }),
    );
    const ordered = await ok(
      f.backend,
      'family.save',
      member(child.id, { name: 'Fictional Tito Boy', noContactOrder: true }),
    );
    const aunt = await ok(f.backend, 'family.save', member(child.id, { name: 'Fictional Tita' }));
    const consent = {
      childId: child.id,
      type: 'services',
      givenBy: 'guardian',
      givenOn: daysAgo(1),
      scope: 'Shelter services',
    };
    for (const flagged of [father, ordered]) {
      expect(
        await fails(f.backend, 'consents.record', { ...consent, givenByMemberId: flagged.id }),
      ).toMatchObject({ code: 'VALIDATION', fields: { givenByMemberId: 'consent.flaggedGiver' } });
    }
    // Only a guardian's consent names a family member.
    expect(
      await fails(f.backend, 'consents.record', {
        ...consent,
        givenBy: 'child',
        givenByMemberId: aunt.id,
      }),
    ).toMatchObject({ fields: { givenByMemberId: 'consent.giverNotGuardian' } });
    // Another child's family member is not this child's guardian.
    const other = await register(f.backend);
    const stranger = await ok(f.backend, 'family.save', member(other.id));
    expect(
      await fails(f.backend, 'consents.record', { ...consent, givenByMemberId: stranger.id }),
    ).toMatchObject({ fields: { givenByMemberId: 'notFound' } });
    expect((await ok(f.backend, 'children.get', { id: child.id })).consents).toEqual([]);

    const given = await ok(f.backend, 'consents.record', { ...consent, givenByMemberId: aunt.id });
    expect(given).toMatchObject({ givenBy: 'guardian', givenByMemberId: aunt.id });
  });
});

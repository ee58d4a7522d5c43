// Record scope on a vault opened for the test: which children, shelters and people each actor may
// name, built from a few rows per test (no backend, no sign-in).
import { describe, expect, it } from 'vitest';
import { insertUser } from '../../electron/backend/domains/access';
import { saveFamilyMember, type CaseActor } from '../../electron/backend/domains/children';
import { ID_SCOPE } from '../../electron/backend/runtime/composition';
import {
  onCaseload,
  requireIdsInScope,
  requireOwned,
  requireShelterInScope,
  requireVisibleChild,
  scopeShelterIds,
  shelterInScope,
  visibleChildIds,
} from '../../electron/backend/records/scope';
import { COORDINATOR, insertTherapyPlan, on, placementVault, refusal } from './support';
import { childrenProcedures } from '../../shared/children/contract';
import type { Role } from '../../shared/roles';

const START = on('2025-06-15');

async function scopeVault() {
  const p = await placementVault();
  const cebu = p.shelter(2);
  const iloilo = p.shelter(1);
  const user = (role: Role, shelterScope: string[] = []) => {
    const userId = insertUser(p.vault, {
      username: `fictional.${role}.${Math.random().toString(36).slice(2, 8)}`,
      displayName: `Fictional ${role}`,
      role,
      shelterScope,
      mustChangePassword: false,
      credential: null,
    });
    return { userId, role, shelterScope } satisfies CaseActor;
  };
  return { ...p, cebu, iloilo, user };
}

describe('the children a caseworker may see', () => {
  it('assigned to them or placed in one of their shelters; a coordinator sees every child', async () => {
    const p = await scopeVault();
    const dana = p.user('caseworker', ['Fictional Home 1']);
    const assigned = p.child({ assignedCaseworkerId: dana.userId });
    const inCebu = p.child();
    p.admit(inCebu, p.cebu.beds[0]!, START);
    const inIloilo = p.child();
    p.admit(inIloilo, p.iloilo.beds[0]!, START);
    const unplaced = p.child();
    const ids = [assigned, inCebu, inIloilo, unplaced];
    expect(visibleChildIds(p.vault, dana, ids)).toEqual(new Set([assigned, inCebu]));
    expect(visibleChildIds(p.vault, COORDINATOR, ids)).toEqual(new Set(ids));
    expect(requireVisibleChild(p.vault, dana, inCebu).id).toBe(inCebu);
    expect(refusal(() => requireVisibleChild(p.vault, dana, inIloilo))).toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('a child they registered is theirs until placed in a shelter outside their scope', async () => {
    const p = await scopeVault();
    // The fixture registers as the coordinator; a caseworker with that id stands for her.
    const registrar: CaseActor = {
      userId: COORDINATOR.userId,
      role: 'caseworker',
      shelterScope: [],
    };
    const ana = p.child();
    expect(visibleChildIds(p.vault, registrar, [ana])).toEqual(new Set([ana]));
    p.admit(ana, p.iloilo.beds[0]!, START);
    expect(visibleChildIds(p.vault, registrar, [ana])).toEqual(new Set());
  });
});

describe('a therapist’s caseload', () => {
  it('the children of their plans and sessions, wherever they live, and their plans; not once removed, nor after a change of role', async () => {
    const p = await scopeVault();
    const therapist = p.user('therapist');
    const colleague = p.user('therapist');
    const plan = (childId: string, therapistId: string) =>
      insertTherapyPlan(p.vault, { childId, therapistId, startedOn: '2025-06-16' });
    const session = (childId: string, therapistId: string) => {
      const times = { start_at: on('2025-06-17'), end_at: on('2025-06-17', '03:00:00.000') };
      const id = p.vault.data.insert('therapy_sessions', {
        therapist_id: therapistId,
        kind: 'individual',
        status: 'scheduled',
        ...times,
      });
      return p.vault.data.insert('therapy_participants', {
        session_id: id,
        child_id: childId,
        ...times,
      });
    };
    // Placed in shelters outside the therapist's scope: only the caseload shows them.
    const [planned, booked, theirs, unplaced] = [p.child(), p.child(), p.child(), p.child()];
    p.admit(planned, p.cebu.beds[0]!, START);
    p.admit(booked, p.cebu.beds[1]!, START);
    p.admit(theirs, p.iloilo.beds[0]!, START);
    const ids = [planned, booked, theirs, unplaced];
    const planId = plan(planned, therapist.userId);
    const participantId = session(booked, therapist.userId);
    const colleaguePlan = plan(theirs, colleague.userId);
    session(theirs, colleague.userId);

    expect(ids.filter((id) => onCaseload(p.vault, therapist, id))).toEqual([planned, booked]);
    expect(visibleChildIds(p.vault, therapist, ids)).toEqual(new Set([planned, booked]));
    expect(requireVisibleChild(p.vault, therapist, booked).id).toBe(booked);
    expect(refusal(() => requireVisibleChild(p.vault, therapist, theirs))).toMatchObject({
      code: 'NOT_FOUND',
    });
    // Made a caseworker, the account keeps its plans' rows but no longer their children.
    const caseworker: CaseActor = { ...therapist, role: 'caseworker' };
    expect(visibleChildIds(p.vault, caseworker, ids)).toEqual(new Set());

    // A plan's id goes with its child.
    expect(ID_SCOPE.therapyPlan(p.vault, therapist, planId)).toBe(true);
    expect(ID_SCOPE.therapyPlan(p.vault, therapist, colleaguePlan)).toBe(false);
    expect(ID_SCOPE.therapyPlan(p.vault, COORDINATOR, colleaguePlan)).toBe(true);

    p.vault.data.softDelete('therapy_plans', planId);
    p.vault.data.softDelete('therapy_participants', participantId);
    expect(ids.filter((id) => onCaseload(p.vault, therapist, id))).toEqual([]);
    expect(visibleChildIds(p.vault, therapist, ids)).toEqual(new Set());
    expect(ID_SCOPE.therapyPlan(p.vault, COORDINATOR, planId)).toBe(false);
  });
});

describe('the shelters in a scope', () => {
  it('named by id or by name, in any case and with spaces around it', async () => {
    const p = await scopeVault();
    const scope = (shelterScope: string[]) =>
      scopeShelterIds(p.vault, { userId: 'fictional-user', role: 'caseworker', shelterScope });
    expect(scope([])).toEqual([]);
    expect(scope([p.cebu.id])).toEqual([p.cebu.id]);
    expect(scope([p.cebu.id.toUpperCase()])).toEqual([p.cebu.id]);
    expect(scope(['  fictional HOME 2 '])).toEqual([p.iloilo.id]);
    expect(scope(['Fictional Home 1', p.iloilo.id]).sort()).toEqual(
      [p.cebu.id, p.iloilo.id].sort(),
    );
    expect(scope(['Fictional Home'])).toEqual([]);
  });

  it('coordinators and administrators manage every shelter; others only their own', async () => {
    const p = await scopeVault();
    const inScope = (role: Role, shelterScope: string[] = []) =>
      [p.cebu.id, p.iloilo.id].filter((id) =>
        shelterInScope(p.vault, { userId: 'fictional-user', role, shelterScope }, id),
      );
    expect(inScope('coordinator')).toEqual([p.cebu.id, p.iloilo.id]);
    expect(inScope('admin')).toEqual([p.cebu.id, p.iloilo.id]);
    expect(inScope('caseworker')).toEqual([]);
    expect(inScope('therapist', ['Fictional Home 2'])).toEqual([p.iloilo.id]);
  });
});

describe('a shelter or bed id', () => {
  it('names a shelter that exists and is in scope; anything else is NOT_FOUND', async () => {
    const p = await scopeVault();
    const dana = p.user('caseworker', ['Fictional Home 1']);
    const noSuchShelter = '0'.repeat(32);
    expect(ID_SCOPE.shelter(p.vault, COORDINATOR, p.iloilo.id)).toBe(true);
    expect(ID_SCOPE.shelter(p.vault, COORDINATOR, noSuchShelter)).toBe(false);
    expect(ID_SCOPE.shelter(p.vault, dana, p.cebu.id)).toBe(true);
    expect(ID_SCOPE.shelter(p.vault, dana, p.iloilo.id)).toBe(false);
    expect(ID_SCOPE.bed(p.vault, dana, p.cebu.beds[1]!)).toBe(true);
    expect(ID_SCOPE.bed(p.vault, dana, p.iloilo.beds[0]!)).toBe(false);
    expect(refusal(() => requireShelterInScope(p.vault, dana, p.cebu.id))).toBe('ok');
    expect(refusal(() => requireShelterInScope(p.vault, dana, p.iloilo.id))).toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});

describe('the people an id may name', () => {
  it('a caseworker or coordinator who is active can be assigned; no one else', async () => {
    const p = await scopeVault();
    const can = (id: string) => ID_SCOPE.caseworker(p.vault, COORDINATOR, id);
    const gone = p.user('caseworker');
    p.vault.data.update('users', gone.userId, { deleted_at: START });
    expect(can(p.user('caseworker').userId)).toBe(true);
    expect(can(p.user('coordinator').userId)).toBe(true);
    expect(can(p.user('therapist').userId)).toBe(false);
    expect(can(p.user('admin').userId)).toBe(false);
    expect(can(gone.userId)).toBe(false);
    expect(can('0'.repeat(32))).toBe(false);
    expect(ID_SCOPE.caseworker(p.vault, null, p.user('caseworker').userId)).toBe(false);
  });

  it('a user account: any, disabled ones too, for an administrator; only one’s own for others', async () => {
    const p = await scopeVault();
    const admin = p.user('admin');
    const dana = p.user('caseworker');
    const gone = p.user('therapist');
    p.vault.data.update('users', gone.userId, { deleted_at: START });
    expect(ID_SCOPE.user(p.vault, admin, dana.userId)).toBe(true);
    expect(ID_SCOPE.user(p.vault, admin, gone.userId)).toBe(true);
    expect(ID_SCOPE.user(p.vault, admin, '0'.repeat(32))).toBe(false);
    expect(ID_SCOPE.user(p.vault, dana, dana.userId)).toBe(true);
    expect(ID_SCOPE.user(p.vault, dana, admin.userId)).toBe(false);
    expect(ID_SCOPE.user(p.vault, null, dana.userId)).toBe(false);
  });

  it('in recovery, with nobody signed in, only an administrator’s account', async () => {
    const p = await scopeVault();
    expect(ID_SCOPE.administrator(p.vault, null, p.user('admin').userId)).toBe(true);
    expect(ID_SCOPE.administrator(p.vault, null, p.user('coordinator').userId)).toBe(false);
    expect(ID_SCOPE.administrator(p.vault, null, '0'.repeat(32))).toBe(false);
    expect(ID_SCOPE.child(p.vault, null, p.child())).toBe(false);
    expect(ID_SCOPE.shelter(p.vault, null, p.cebu.id)).toBe(false);
    expect(ID_SCOPE.bed(p.vault, null, p.cebu.beds[0]!)).toBe(false);
  });
});

describe('every id in an input', () => {
  it('is NOT_FOUND at its own field when out of scope', async () => {
    const p = await scopeVault();
    const dana = p.user('caseworker', ['Fictional Home 1']);
    const ana = p.child();
    p.admit(ana, p.cebu.beds[0]!, START);
    const bea = p.child();
    p.admit(bea, p.iloilo.beds[0]!, START);
    const fields = [
      { path: ['childId'], kind: 'child' },
      { path: ['bedId'], kind: 'bed' },
    ] as const;
    const check = (input: unknown) =>
      refusal(() => requireIdsInScope(p.vault, dana, ID_SCOPE, fields, input));
    expect(check({ childId: ana, bedId: p.cebu.beds[1]! })).toBe('ok');
    expect(check({ childId: bea, bedId: p.cebu.beds[1]! })).toEqual({
      code: 'NOT_FOUND',
      message: 'notFound',
      fields: { childId: 'notFound' },
    });
    expect(check({ childId: ana, bedId: p.iloilo.beds[0]! })).toMatchObject({
      fields: { bedId: 'notFound' },
    });
  });

  it('a record of a child (a family member) is visible when its child is, and not once removed', async () => {
    const p = await scopeVault();
    const dana = p.user('caseworker', ['Fictional Home 1']);
    const ana = p.child();
    p.admit(ana, p.cebu.beds[0]!, START);
    const bea = p.child();
    p.admit(bea, p.iloilo.beds[0]!, START);
    const relative = (childId: string) =>
      saveFamilyMember(
        p.vault,
        COORDINATOR,
        childrenProcedures['family.save'].input.parse({
          childId,
          name: 'Fictional Rosa Reyes',
          relationship: 'Aunt',
          livesInHousehold: false,
          allegedOffender: false,
          noContactOrder: false,
        }),
      ).id;
    const hers = relative(ana);
    const other = relative(bea);
    expect(ID_SCOPE.familyMember(p.vault, dana, hers)).toBe(true);
    expect(ID_SCOPE.familyMember(p.vault, dana, other)).toBe(false);
    expect(requireOwned(p.vault, dana, 'family_members', hers)).toMatchObject({ child_id: ana });
    expect(refusal(() => requireOwned(p.vault, dana, 'family_members', other))).toMatchObject({
      code: 'NOT_FOUND',
    });
    p.vault.data.softDelete('family_members', hers);
    expect(ID_SCOPE.familyMember(p.vault, dana, hers)).toBe(false);
    expect(refusal(() => requireOwned(p.vault, dana, 'family_members', hers))).toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});

// The reintegration workflow through the router, as the roles would use it: a caseworker drafts
// and submits; a caseworker cannot approve; a coordinator cannot approve their own; another's is
// approved from the queue; each step is in the audit log by id, never by content; and the real
// backend's discharge goes through the domain's gate (wired by the composition root).
import { beforeAll, describe, expect, it } from 'vitest';
import type { BackendApi } from '../../electron/backend/api';
import {
  AUNT,
  caseVault,
  daysAgo,
  fails,
  familyReadiness,
  instantDaysAgo,
  ok,
  register,
} from './support';

let fixture: Awaited<ReturnType<typeof caseVault>>;
let backend: BackendApi;
let childId: string;
let aunt: string;
const WISHES = 'Fictional words only the file may hold';

beforeAll(async () => {
  fixture = await caseVault();
  backend = fixture.backend;
  await fixture.as('cebu');
  childId = (await register(backend)).id;
  await ok(backend, 'placements.admit', {
    childId,
    bedId: fixture.bed(fixture.cebu, 0),
    startAt: instantDaysAgo(30),
    reason: 'Rescue',
  });
  aunt = (await ok(backend, 'family.save', { childId, ...AUNT })).id;
});

const kinship = () =>
  familyReadiness(
    childId,
    { kind: 'kinship', memberIds: [aunt] },
    { visitDates: [daysAgo(3)], childWishes: WISHES },
  );

describe('through the router', () => {
  it('caseworker submits; only another coordinator approves; every step is audited', async () => {
    await fixture.as('cebu');
    const draft = await ok(backend, 'reintegration.save', kinship());
    await ok(backend, 'reintegration.submit', { id: draft.id });
    expect(await fails(backend, 'reintegration.approve', { id: draft.id })).toMatchObject({
      code: 'FORBIDDEN',
    });

    await fixture.as('coordinator');
    const own = await ok(backend, 'reintegration.save', kinship());
    await ok(backend, 'reintegration.submit', { id: own.id });
    expect(await fails(backend, 'reintegration.approve', { id: own.id })).toMatchObject({
      code: 'FORBIDDEN',
      message: 'reintegration.ownAssessment',
    });
    const queue = await ok(backend, 'reintegration.queue', {});
    expect(queue.map((q) => q.id)).toEqual([draft.id, own.id]);
    expect(queue[0]).toMatchObject({ childId, submittedByName: 'Fictional cw.cebu' });
    const approved = await ok(backend, 'reintegration.approve', { id: draft.id });
    expect(approved.status).toBe('approved');

    await fixture.as('cebu');
    const listed = await ok(backend, 'reintegration.list', { childId });
    expect(listed.map((a) => [a.id, a.status])).toEqual([
      [own.id, 'submitted'],
      [draft.id, 'approved'],
    ]);

    await fixture.as('admin');
    const { entries } = await ok(backend, 'audit.list', { limit: 50 });
    const steps = entries
      .filter((e) => e.targetId === draft.id)
      .map((e) => [e.action, e.outcome])
      .reverse();
    expect(steps).toEqual([
      ['reintegration.save', 'ok'],
      ['reintegration.submit', 'ok'],
      ['reintegration.approve', 'ok'],
    ]);
    expect(JSON.stringify(entries)).not.toContain(WISHES);
  });

  it('the backend’s discharge to kinship care passes the gate with the approved assessment', async () => {
    await fixture.as('cebu');
    expect(
      await fails(backend, 'placements.discharge', {
        childId,
        at: instantDaysAgo(1),
        destination: 'family_reintegration',
        exitNote: 'Home',
      }),
    ).toMatchObject({ code: 'CONFLICT', message: 'reintegration.noApprovedAssessment' });
    const placement = await ok(backend, 'placements.discharge', {
      childId,
      at: instantDaysAgo(1),
      destination: 'kinship_care',
      exitNote: 'To the aunt, as approved',
    });
    expect(placement.exitDestination).toBe('kinship_care');
  });
});

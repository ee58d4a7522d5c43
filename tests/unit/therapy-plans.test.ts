// Therapy plans: who may plan for which child, the field rules, the caseload, and TF-CBT progress.
import { beforeAll, describe, expect, it } from 'vitest';
import { planProgress } from '../../shared/therapy/vocabulary';
import { caseVault, instantDaysAgo, register } from './support';
import { fails, ok } from './support';

let f: Awaited<ReturnType<typeof caseVault>>;
let cebuChild: string;
let iloiloChild: string;
beforeAll(async () => {
  f = await caseVault();
  await f.as('coordinator');
  cebuChild = (await register(f.backend, { legalName: 'Fictional Lorna Cruz', alias: 'K.T.S.' }))
    .id;
  iloiloChild = (await register(f.backend, { legalName: 'Fictional Nilo Perez' })).id;
  await ok(f.backend, 'placements.admit', {
    childId: cebuChild,
    bedId: f.bed(f.cebu, 0),
    startAt: instantDaysAgo(20),
    reason: 'Rescue',
  });
  await ok(f.backend, 'placements.admit', {
    childId: iloiloChild,
    bedId: f.bed(f.iloilo, 0),
    startAt: instantDaysAgo(20),
    reason: 'Rescue',
  });
});

const planInput = (childId: string, therapistId: string, extra: Record<string, unknown> = {}) => ({
  childId,
  therapistId,
  modality: 'tf_cbt',
  goals: 'Fictional: fewer nightmares, back to school',
  frequency: 'weekly',
  plannedSessions: 14,
  startedOn: '2026-11-02',
  preferences: { therapistGender: 'female', language: 'Cebuano', timeOfDay: 'afternoon' },
  ...extra,
});

describe('therapy plans', () => {
  it('a therapist finds the children placed in their shelters who have no plan yet, and no others', async () => {
    await f.as('therapist');
    const before = await ok(f.backend, 'therapy.unplanned', {});
    expect(before).toEqual({
      rows: [{ id: cebuChild, caseCode: expect.stringMatching(/^AR-/), initials: 'K.T.S.' }],
      total: 1,
    });
    await f.as('coordinator');
    const everyone = await ok(f.backend, 'therapy.unplanned', {});
    expect(everyone.rows.map((c) => c.id).sort()).toEqual([cebuChild, iloiloChild].sort());
  });

  it('a therapist plans a course for a child in their shelter; the defaults and preferences are kept', async () => {
    await f.as('therapist');
    const plan = await ok(f.backend, 'therapy.savePlan', planInput(cebuChild, f.ids.therapist));
    expect(plan).toMatchObject({
      child: { id: cebuChild, initials: 'K.T.S.' },
      therapist: { id: f.ids.therapist },
      modality: 'tf_cbt',
      sessionMinutes: 60,
      plannedSessions: 14,
      preferences: { therapistGender: 'female', language: 'Cebuano', timeOfDay: 'afternoon' },
      status: 'active',
      progress: { session: 0, planned: 14, phase: null, phaseNumber: null, covered: [] },
    });
    expect(plan.child.caseCode).toMatch(/^AR-\d{4}-\d{4}$/);
    // No name anywhere in the answer.
    expect(JSON.stringify(plan)).not.toContain('Lorna');
    const caseload = await ok(f.backend, 'therapy.caseload', {});
    expect(caseload.map((row) => row.child.id)).toEqual([cebuChild]);
    expect(caseload[0]!.plans).toEqual([
      expect.objectContaining({ id: plan.id, modality: 'tf_cbt' }),
    ]);
    // An active plan takes the child off the list of children still to plan for.
    expect(await ok(f.backend, 'therapy.unplanned', {})).toEqual({ rows: [], total: 0 });
  });

  it('refuses a length outside 45–90 minutes, a course outside 8–25 sessions, a custom frequency without words', async () => {
    await f.as('therapist');
    const bad = await fails(
      f.backend,
      'therapy.savePlan',
      planInput(cebuChild, f.ids.therapist, { sessionMinutes: 30, plannedSessions: 30 }),
    );
    expect(bad.fields).toEqual({
      sessionMinutes: 'therapy.sessionMinutes',
      plannedSessions: 'therapy.plannedSessions',
    });
    const custom = await fails(
      f.backend,
      'therapy.savePlan',
      planInput(cebuChild, f.ids.therapist, { frequency: 'custom' }),
    );
    expect(custom.fields).toEqual({ customFrequency: 'required' });
    const ok90 = await ok(
      f.backend,
      'therapy.savePlan',
      planInput(cebuChild, f.ids.therapist, {
        frequency: 'custom',
        customFrequency: 'Twice weekly for the first month',
        sessionMinutes: 90,
        plannedSessions: 8,
        modality: 'emdr',
      }),
    );
    expect(ok90).toMatchObject({ sessionMinutes: 90, plannedSessions: 8, frequency: 'custom' });
  });

  it('a therapist sees neither a child outside their shelter and caseload nor a colleague', async () => {
    await f.as('therapist');
    expect((await fails(f.backend, 'therapy.plans', { childId: iloiloChild })).code).toBe(
      'NOT_FOUND',
    );
    expect(
      (await fails(f.backend, 'therapy.savePlan', planInput(iloiloChild, f.ids.therapist))).fields,
    ).toEqual({ childId: 'notFound' });
    // The coordinator puts the Iloilo child on the therapist's caseload: now they may see them.
    await f.as('coordinator');
    const plan = await ok(f.backend, 'therapy.savePlan', planInput(iloiloChild, f.ids.therapist));
    await f.as('therapist');
    expect(
      (await ok(f.backend, 'therapy.plans', { childId: iloiloChild })).map((p) => p.id),
    ).toEqual([plan.id]);
    // The Iloilo caseworker sees the plan of a child in their scope, not the Cebu child's.
    await f.as('iloilo');
    expect((await ok(f.backend, 'therapy.caseload', {})).map((r) => r.child.id)).toEqual([
      iloiloChild,
    ]);
    expect((await fails(f.backend, 'therapy.plans', { childId: cebuChild })).code).toBe(
      'NOT_FOUND',
    );
  });

  it('caseworkers read plans but do not plan; a coordinator cannot give a plan to a non-therapist', async () => {
    await f.as('cebu');
    expect((await ok(f.backend, 'therapy.plans', { childId: cebuChild })).length).toBeGreaterThan(
      0,
    );
    expect(
      (await fails(f.backend, 'therapy.savePlan', planInput(cebuChild, f.ids.therapist))).code,
    ).toBe('FORBIDDEN');
    await f.as('coordinator');
    const error = await fails(f.backend, 'therapy.savePlan', planInput(cebuChild, f.ids.cebu));
    expect(error.fields).toEqual({ therapistId: 'notFound' });
  });
});

describe('TF-CBT progress', () => {
  it('counts attended sessions and reaches the furthest phase covered', () => {
    expect(planProgress('tf_cbt', 14, [['psychoeducation_parenting'], ['relaxation']])).toEqual({
      session: 2,
      planned: 14,
      phase: 'stabilisation',
      phaseNumber: 1,
      covered: ['psychoeducation_parenting', 'relaxation'],
    });
    const seven = [
      ['psychoeducation_parenting'],
      ['relaxation'],
      ['affect_modulation'],
      ['cognitive_coping'],
      ['trauma_narrative'],
      ['trauma_narrative', 'relaxation'],
      ['trauma_narrative'],
    ] as const;
    expect(planProgress('tf_cbt', 14, seven)).toMatchObject({
      session: 7,
      phase: 'trauma_narrative',
      phaseNumber: 2,
    });
    expect(planProgress('tf_cbt', 14, [...seven, ['enhancing_safety']])).toMatchObject({
      session: 8,
      phase: 'integration',
      phaseNumber: 3,
    });
    // Another modality counts sessions, without phases.
    expect(planProgress('play_therapy', 10, [[], []])).toEqual({
      session: 2,
      planned: 10,
      phase: null,
      phaseNumber: null,
      covered: [],
    });
  });
});

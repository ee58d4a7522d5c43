// The therapy report on a real vault: exact attendance rates by shelter, therapist and modality
// (clinician cancellations not counted against a child) for all shelters; the sessions of the
// period's last week and the rates by child for one shelter only; progress of the plans in force during the period as it
// stood at its end; each viewer's scope; and never a note's text.
import { beforeAll, describe, expect, it } from 'vitest';
import { zonedInstant } from '../../shared/time';
import { caseVault, fails, ok, register, ZONE } from './support';

let f: Awaited<ReturnType<typeof caseVault>>;
let otherTherapist: string;
const child = {} as Record<'a' | 'b' | 'c', { id: string; caseCode: string }>;
const MARCH = { from: '2025-03-01', to: '2025-03-31' };
const NOTE = 'Fictional dream about the river crossing';
const at = (date: string, time = '10:00') => zonedInstant(date, time, ZONE);

beforeAll(async () => {
  f = await caseVault();
  await f.as('admin');
  otherTherapist = (
    await ok(f.backend, 'users.create', {
      displayName: 'Fictional Dr. Villanueva',
      username: 'ther.villa',
      role: 'therapist',
      shelterScope: ['Fictional Home Iloilo'],
      temporaryPassword: 'Temp-ther.villa-Kite-77',
    })
  ).id;
  await f.as('coordinator');
  // A and B in Cebu, C in Iloilo, all placed from February 2025.
  for (const [key, bed] of [
    ['a', f.bed(f.cebu, 0)],
    ['b', f.bed(f.cebu, 1)],
    ['c', f.bed(f.iloilo, 0)],
  ] as const) {
    const made = await register(f.backend, {
      legalName: `Fictional Child ${key.toUpperCase()}`,
      alias: `A.L.${key.toUpperCase()}.`,
      referralDate: '2025-01-15',
      intakeDate: '2025-01-15',
    });
    child[key] = { id: made.id, caseCode: made.caseCode };
    await ok(f.backend, 'placements.admit', {
      childId: made.id,
      bedId: bed,
      startAt: at('2025-02-01'),
      reason: 'Rescue',
    });
  }
  const plan = (
    childId: string,
    therapistId: string,
    modality: string,
    plannedSessions: number,
    startedOn = '2025-02-15',
  ) =>
    ok(f.backend, 'therapy.savePlan', {
      childId,
      therapistId,
      modality,
      goals: 'Fictional goals never printed',
      frequency: 'weekly',
      plannedSessions,
      startedOn,
    });
  const planA = (await plan(child.a.id, f.ids.therapist, 'tf_cbt', 12)).id;
  const planC = (await plan(child.c.id, otherTherapist, 'play_therapy', 10)).id;
  const session = async (
    childIds: string[],
    startAt: string,
    outcome: { status: string; reason?: string; components?: string[] },
    extra: Record<string, unknown> = {},
  ) => {
    const made = await ok(f.backend, 'therapy.schedule', {
      therapistId: f.ids.therapist,
      kind: 'individual',
      childIds,
      durationMinutes: 60,
      startAt,
      ...extra,
    });
    await ok(f.backend, 'therapy.recordSession', { sessionId: made.id, ...outcome });
    return made.id;
  };
  const withA = { planId: planA };
  // A (TF-CBT): three attended, one no-show, one cancelled by the clinician; one more in April.
  const first = await session(
    [child.a.id],
    at('2025-03-03'),
    { status: 'attended', components: ['psychoeducation_parenting'] },
    withA,
  );
  await session(
    [child.a.id],
    at('2025-03-10'),
    { status: 'attended', components: ['relaxation', 'affect_modulation'] },
    withA,
  );
  await session(
    [child.a.id],
    at('2025-03-17'),
    { status: 'attended', components: ['trauma_narrative'] },
    withA,
  );
  await session(
    [child.a.id],
    at('2025-03-24'),
    { status: 'no_show', reason: 'Fictional: unwell' },
    withA,
  );
  await session(
    [child.a.id],
    at('2025-03-26'),
    { status: 'clinician_cancelled', reason: 'Fictional: therapist away' },
    withA,
  );
  await session(
    [child.a.id],
    at('2025-04-07'),
    { status: 'attended', components: ['in_vivo_mastery'] },
    withA,
  );
  // A and B together in a group without a plan; B cancels one of her own late.
  await session(
    [child.a.id, child.b.id],
    at('2025-03-05', '14:00'),
    { status: 'attended' },
    {
      kind: 'group',
    },
  );
  await session([child.b.id], at('2025-03-12', '14:00'), {
    status: 'late_cancelled',
    reason: 'Fictional: school event',
  });
  // B: a plan completed in February (its last session then) is not in force in March; a plan
  // started mid-March is, with one session attended.
  const oldPlanB = await plan(child.b.id, f.ids.therapist, 'emdr', 8, '2025-02-03');
  await session([child.b.id], at('2025-02-17'), { status: 'attended' }, { planId: oldPlanB.id });
  await ok(f.backend, 'therapy.savePlan', {
    id: oldPlanB.id,
    childId: child.b.id,
    therapistId: f.ids.therapist,
    modality: 'emdr',
    goals: 'Fictional goals never printed',
    frequency: 'weekly',
    plannedSessions: 8,
    startedOn: '2025-02-03',
    status: 'completed',
  });
  // A plan left active after its last session (in February) has ended too: not in force in March.
  const leftActive = await plan(child.b.id, f.ids.therapist, 'art_therapy', 8, '2025-02-04');
  await session([child.b.id], at('2025-02-18'), { status: 'attended' }, { planId: leftActive.id });
  const planB = (await plan(child.b.id, f.ids.therapist, 'play_therapy', 8, '2025-03-15')).id;
  await session([child.b.id], at('2025-03-19'), { status: 'attended' }, { planId: planB });
  // C (play therapy, the other therapist, Iloilo): one attended, one cancelled.
  const withC = { therapistId: otherTherapist, planId: planC };
  await session([child.c.id], at('2025-03-04'), { status: 'attended' }, withC);
  await session(
    [child.c.id],
    at('2025-03-11'),
    { status: 'cancelled', reason: 'Fictional: ill' },
    withC,
  );
  // A signed note on A's first session: its words must never reach the report.
  await f.as('therapist');
  const note = await ok(f.backend, 'notes.start', {
    sessionId: first,
    childId: child.a.id,
    template: 'soap',
  });
  await ok(f.backend, 'notes.sign', {
    id: note.id,
    template: 'soap',
    fields: { subjective: NOTE, objective: 'Fictional calm affect', plan: 'Fictional next step' },
  });
});

const figures = (
  due: number,
  attended: number,
  noShow: number,
  cancelled: number,
  percent: number,
) => ({
  due,
  attended,
  noShow,
  cancelled,
  notRecorded: 0,
  percent,
});
const byCode = <T extends { caseCode: string }>(rows: T[]) =>
  [...rows].sort((x, y) => x.caseCode.localeCompare(y.caseCode));

describe('therapy report', () => {
  it('sums up all shelters by shelter, therapist and modality, without the schedule or any child', async () => {
    await f.as('coordinator');
    const report = await ok(f.backend, 'reports.therapy', { ...MARCH, shelterId: null });
    expect(report.detailed).toBe(false);
    expect(report.sessions).toEqual([]);
    expect(report.attendance.byChild).toEqual([]);
    // Clinician cancellations are not due; February and April are outside the period.
    expect(report.attendance.byShelter).toEqual([
      { shelterName: 'Fictional Home Cebu', sessions: 8, ...figures(8, 6, 1, 1, 75) },
      { shelterName: 'Fictional Home Iloilo', sessions: 2, ...figures(2, 1, 0, 1, 50) },
    ]);
    expect(report.attendance.byTherapist).toEqual([
      { therapistName: 'Fictional Dr. Villanueva', ...figures(2, 1, 0, 1, 50) },
      { therapistName: 'Fictional ther.cruz', ...figures(8, 6, 1, 1, 75) },
    ]);
    expect(report.attendance.byModality).toEqual([
      { modality: 'noPlan', ...figures(3, 2, 0, 1, 67) },
      { modality: 'play_therapy', ...figures(3, 2, 0, 1, 67) },
      { modality: 'tf_cbt', ...figures(4, 3, 1, 0, 75) },
    ]);
    // Plan progress lists children: for one shelter only.
    expect(report.plans).toEqual([]);
    // No note, goals, reasons or names anywhere in the answer.
    const text = JSON.stringify(report);
    for (const secret of [
      NOTE,
      'calm affect',
      'goals never printed',
      'therapist away',
      'Fictional Child',
    ])
      expect(text).not.toContain(secret);
  });

  it("for one shelter lists the sessions of the period's last week only, and the rates by child over the whole period", async () => {
    await f.as('coordinator');
    const report = await ok(f.backend, 'reports.therapy', { ...MARCH, shelterId: f.cebu.id });
    expect(report.detailed).toBe(true);
    // March's last seven days hold one Cebu session (the clinician's cancellation on the 26th);
    // the no-show on the 24th is a day before them.
    expect(report.scheduleDays).toEqual({ from: '2025-03-25', to: '2025-03-31' });
    expect(report.sessions).toEqual([
      {
        startAt: at('2025-03-26'),
        endAt: at('2025-03-26', '11:00'),
        therapistName: 'Fictional ther.cruz',
        shelterName: 'Fictional Home Cebu',
        room: null,
        kind: 'individual',
        modality: 'tf_cbt',
        status: 'clinician_cancelled',
        children: [child.a.caseCode],
      },
    ]);
    // Attendance by child still counts every session of March.
    expect(report.attendance.byChild).toEqual(
      byCode([
        { caseCode: child.a.caseCode, initials: 'A.L.A.', ...figures(5, 4, 1, 0, 80) },
        { caseCode: child.b.caseCode, initials: 'A.L.B.', ...figures(3, 2, 0, 1, 67) },
      ]),
    );
    expect(report.attendance.byShelter).toEqual([
      { shelterName: 'Fictional Home Cebu', sessions: 8, ...figures(8, 6, 1, 1, 75) },
    ]);
    // Progress as of 03/31: three TF-CBT sessions, phase 2 (the April session not yet); B's
    // plan started mid-March is in, her plan completed in February is not.
    expect(report.plans).toEqual(
      byCode([
        {
          caseCode: child.a.caseCode,
          initials: 'A.L.A.',
          therapistName: 'Fictional ther.cruz',
          modality: 'tf_cbt',
          status: 'active',
          session: 3,
          planned: 12,
          phase: 'trauma_narrative',
          phaseNumber: 2,
        },
        {
          caseCode: child.b.caseCode,
          initials: 'A.L.B.',
          therapistName: 'Fictional ther.cruz',
          modality: 'play_therapy',
          status: 'active',
          session: 1,
          planned: 8,
          phase: null,
          phaseNumber: null,
        },
      ]),
    );
  });

  it('lists every session of a period of a week or less, from its first day', async () => {
    await f.as('coordinator');
    const week = await ok(f.backend, 'reports.therapy', {
      from: '2025-03-01',
      to: '2025-03-07',
      shelterId: f.cebu.id,
    });
    expect(week.scheduleDays).toEqual({ from: '2025-03-01', to: '2025-03-07' });
    expect(week.sessions).toEqual([
      {
        startAt: at('2025-03-03'),
        endAt: at('2025-03-03', '11:00'),
        therapistName: 'Fictional ther.cruz',
        shelterName: 'Fictional Home Cebu',
        room: null,
        kind: 'individual',
        modality: 'tf_cbt',
        status: 'attended',
        children: [child.a.caseCode],
      },
      {
        startAt: at('2025-03-05', '14:00'),
        endAt: at('2025-03-05', '15:00'),
        therapistName: 'Fictional ther.cruz',
        shelterName: 'Fictional Home Cebu',
        room: null,
        kind: 'group',
        modality: 'noPlan',
        status: 'attended',
        children: [child.a.caseCode, child.b.caseCode].sort(),
      },
    ]);
    const threeDays = await ok(f.backend, 'reports.therapy', {
      from: '2025-03-10',
      to: '2025-03-12',
      shelterId: f.cebu.id,
    });
    expect(threeDays.scheduleDays).toEqual({ from: '2025-03-10', to: '2025-03-12' });
    expect(threeDays.sessions.map((s) => [s.startAt, s.status])).toEqual([
      [at('2025-03-10'), 'attended'],
      [at('2025-03-12', '14:00'), 'late_cancelled'],
    ]);
  });

  it('counts a past session nobody recorded as not recorded, not as due', async () => {
    await f.as('coordinator');
    const s = await ok(f.backend, 'therapy.schedule', {
      therapistId: otherTherapist,
      kind: 'individual',
      childIds: [child.c.id],
      durationMinutes: 60,
      startAt: at('2025-03-18'),
    });
    const report = await ok(f.backend, 'reports.therapy', { ...MARCH, shelterId: f.iloilo.id });
    expect(report.attendance.byChild).toEqual([
      {
        caseCode: child.c.caseCode,
        initials: 'A.L.C.',
        ...figures(2, 1, 0, 1, 50),
        notRecorded: 1,
      },
    ]);
    // March's last week holds no Iloilo session; the unrecorded one is in its own week's schedule.
    expect(report.sessions).toEqual([]);
    const week = await ok(f.backend, 'reports.therapy', {
      from: '2025-03-12',
      to: '2025-03-18',
      shelterId: f.iloilo.id,
    });
    expect(week.sessions.map((x) => [x.startAt, x.therapistName, x.status])).toEqual([
      [at('2025-03-18'), 'Fictional Dr. Villanueva', 'scheduled'],
    ]);
    await ok(f.backend, 'therapy.cancelSessions', {
      sessionId: s.id,
      scope: 'one',
      status: 'rescheduled',
      reason: 'Fictional: moved',
    });
  });

  it('shows a caseworker and a therapist only the children in their scope', async () => {
    await f.as('cebu');
    const cebu = await ok(f.backend, 'reports.therapy', { ...MARCH, shelterId: null });
    expect(cebu.attendance.byChild.map((c) => c.caseCode).sort()).toEqual(
      [child.a.caseCode, child.b.caseCode].sort(),
    );
    expect(cebu.attendance.byTherapist.map((x) => x.therapistName)).toEqual([
      'Fictional ther.cruz',
    ]);
    expect(cebu.plans.map((p) => p.caseCode).sort()).toEqual(
      [child.a.caseCode, child.b.caseCode].sort(),
    );
    // Iloilo is outside her scope: it does not exist for her.
    expect(
      (await fails(f.backend, 'reports.therapy', { ...MARCH, shelterId: f.iloilo.id })).code,
    ).toBe('NOT_FOUND');
    await f.as('therapist');
    const mine = await ok(f.backend, 'reports.therapy', { ...MARCH, shelterId: null });
    expect(mine.attendance.byChild.map((c) => c.caseCode).sort()).toEqual(
      [child.a.caseCode, child.b.caseCode].sort(),
    );
    expect(JSON.stringify(mine)).not.toContain(child.c.caseCode);
  });

  it('refuses a reversed period at its field, and audits every run', async () => {
    await f.as('coordinator');
    const refused = await fails(f.backend, 'reports.therapy', {
      from: '2025-03-31',
      to: '2025-03-01',
      shelterId: null,
    });
    expect(refused.fields).toEqual({ to: 'report.periodOrder' });
    await f.as('admin');
    const { entries } = await ok(f.backend, 'audit.list', { action: 'reports.therapy', limit: 10 });
    expect(entries[0]).toMatchObject({
      targetType: 'report',
      detail: { report: 'therapy', from: '2025-03-01', to: '2025-03-31', names: false },
    });
  });

  it('lets a therapist record the output of the therapy report only', async () => {
    await f.as('therapist');
    const output = {
      ...MARCH,
      output: 'pdf',
      shelterId: null,
      sections: ['scheduleByTherapist', 'attendance', 'plans'],
      includeNames: false,
      identifiable: false,
      language: 'en',
    } as const;
    await ok(f.backend, 'reports.recordOutput', { ...output, report: 'therapy' });
    expect(
      (await fails(f.backend, 'reports.recordOutput', { ...output, report: 'placement' })).code,
    ).toBe('FORBIDDEN');
  });
});

// The reintegration and monitoring report on a real vault: a child discharged to kinship care
// (through the gate) with weekly follow-up visits, three of them done; a child whose outcomes
// assessment waits for approval; a child in another shelter. Exact figures as of the period's
// end, each viewer's scope, and no observation or wish in the answer.
import { beforeAll, describe, expect, it } from 'vitest';
import { addDaysTo } from '../../electron/backend/records/actor';
import {
  aftercareOutcomes,
  caseVault,
  daysAgo,
  fails,
  familyReadiness,
  instantDaysAgo,
  ok,
  register,
} from './support';

let f: Awaited<ReturnType<typeof caseVault>>;
const child = {} as Record<'a' | 'b' | 'c', { id: string; caseCode: string }>;
const DISCHARGED = 100;
const discharged = daysAgo(DISCHARGED);
/** The first 55 days after the discharge: the weekly visits of days 7 to 49. */
const PERIOD = { from: discharged, to: addDaysTo(discharged, 55) };
const INTAKE = daysAgo(300);
const OBSERVATION = 'Fictional observation: new school shoes';
const WISHES = 'Fictional words: I want to stay with Tita';

beforeAll(async () => {
  f = await caseVault();
  const place = async (who: 'cebu' | 'iloilo', key: 'a' | 'b' | 'c', bedId: string) => {
    await f.as(who);
    const made = await register(f.backend, {
      legalName: `Fictional Child ${key.toUpperCase()}`,
      alias: `A.L.${key.toUpperCase()}.`,
      referralDate: INTAKE,
      intakeDate: INTAKE,
    });
    child[key] = { id: made.id, caseCode: made.caseCode };
    await ok(f.backend, 'placements.admit', {
      childId: made.id,
      bedId,
      startAt: instantDaysAgo(290),
      reason: 'Rescue',
    });
  };
  await place('cebu', 'a', f.bed(f.cebu, 0));
  await place('cebu', 'b', f.bed(f.cebu, 1));
  await place('iloilo', 'c', f.bed(f.iloilo, 0));
  // A: an approved kinship assessment, then the discharge that schedules the visits.
  await f.as('cebu');
  const aunt = await ok(f.backend, 'family.save', {
    childId: child.a.id,
    name: 'Fictional Lorna Dela Cruz',
    relationship: 'Aunt',
    livesInHousehold: false,
    allegedOffender: false,
    noContactOrder: false,
  });
  const draft = await ok(
    f.backend,
    'reintegration.save',
    familyReadiness(
      child.a.id,
      { kind: 'kinship', memberIds: [aunt.id] },
      { visitDates: [daysAgo(DISCHARGED + 10)], childWishes: WISHES },
    ),
  );
  await ok(f.backend, 'reintegration.submit', { id: draft.id });
  await f.as('coordinator');
  await ok(f.backend, 'reintegration.approve', { id: draft.id });
  await f.as('cebu');
  await ok(f.backend, 'placements.discharge', {
    childId: child.a.id,
    at: instantDaysAgo(DISCHARGED),
    destination: 'kinship_care',
    exitNote: 'To the aunt, as approved',
  });
  const visits = await ok(f.backend, 'reintegration.visits', { childId: child.a.id });
  for (const visit of visits.slice(0, 3))
    await ok(f.backend, 'reintegration.recordVisit', {
      id: visit.id,
      visitedOn: visit.dueOn,
      visitedBy: 'Fictional caseworker',
      childSeen: true,
      seenAlone: true,
      safetyChecks: { noOffenderContact: true, childFeelsSafe: true, noSignsOfHarm: true },
      schoolAttendance: 'regular',
      observations: OBSERVATION,
      riskChange: 'same',
      followUp: '',
    });
  // B: an outcomes assessment submitted today (after the period), waiting for approval.
  const outcomes = await ok(f.backend, 'reintegration.save', aftercareOutcomes(child.b.id));
  await ok(f.backend, 'reintegration.submit', { id: outcomes.id });
});

const byCode = <T extends { caseCode: string }>(rows: T[]) =>
  [...rows].sort((x, y) => x.caseCode.localeCompare(y.caseCode));
const day = (n: number) => addDaysTo(discharged, n);

describe('reintegration and monitoring report', () => {
  it('counts visits done against scheduled, and lists what is due, waiting and overdue as of the period end', async () => {
    await f.as('coordinator');
    const report = await ok(f.backend, 'reports.reintegration', { ...PERIOD, shelterId: null });
    expect(report.asOf).toBe(PERIOD.to);
    expect(report.visits).toEqual({ scheduled: 7, done: 3, percent: 43 });
    expect(report.inAftercare).toEqual([
      {
        caseCode: child.a.caseCode,
        initials: 'A.L.A.',
        firstDueOn: day(7),
        lastDueOn: expect.any(String),
        scheduled: 7,
        done: 3,
      },
    ]);
    expect(report.overdueVisits).toEqual(
      [28, 35, 42, 49].map((n) => ({
        caseCode: child.a.caseCode,
        initials: 'A.L.A.',
        dueOn: day(n),
        daysOverdue: 55 - n,
      })),
    );
    // Every child's first outcomes assessment was due at intake; B's submitted today is after the period.
    expect(report.assessmentsDue).toEqual(
      byCode(
        (['a', 'b', 'c'] as const).map((key) => ({
          caseCode: child[key].caseCode,
          initials: `A.L.${key.toUpperCase()}.`,
          administration: 0,
          dueOn: INTAKE,
          daysOverdue: 300 - (DISCHARGED - 55),
        })),
      ),
    );
    expect(report.approvalsPending).toEqual([
      {
        caseCode: child.b.caseCode,
        initials: 'A.L.B.',
        kind: 'outcomes',
        since: expect.any(String),
      },
    ]);
    const text = JSON.stringify(report);
    for (const secret of [OBSERVATION, WISHES, 'Fictional Child', 'Lorna'])
      expect(text).not.toContain(secret);
  });

  it('lists as overdue only the visits due in the period, not those missed before it', async () => {
    await f.as('coordinator');
    // From day 35: the visit of day 28, missed before the period, is the earlier period's.
    const later = { from: day(35), to: day(55) };
    const report = await ok(f.backend, 'reports.reintegration', { ...later, shelterId: null });
    expect(report.overdueVisits.map((v) => v.dueOn)).toEqual([day(35), day(42), day(49)]);
  });

  it("a shelter's report counts the children whose latest placement was there", async () => {
    await f.as('coordinator');
    const iloilo = await ok(f.backend, 'reports.reintegration', {
      ...PERIOD,
      shelterId: f.iloilo.id,
    });
    expect(iloilo.assessmentsDue.map((a) => a.caseCode)).toEqual([child.c.caseCode]);
    expect(iloilo.visits).toEqual({ scheduled: 0, done: 0, percent: null });
    expect(iloilo.inAftercare).toEqual([]);
    // A's latest placement was in Cebu: her visits count there.
    const cebu = await ok(f.backend, 'reports.reintegration', { ...PERIOD, shelterId: f.cebu.id });
    expect(cebu.visits.scheduled).toBe(7);
  });

  it('shows a caseworker only the children in her scope, and refuses another shelter', async () => {
    await f.as('iloilo');
    const mine = await ok(f.backend, 'reports.reintegration', { ...PERIOD, shelterId: null });
    expect(mine.assessmentsDue.map((a) => a.caseCode)).toEqual([child.c.caseCode]);
    expect(mine.overdueVisits).toEqual([]);
    expect(JSON.stringify(mine)).not.toContain(child.a.caseCode);
    expect(
      (await fails(f.backend, 'reports.reintegration', { ...PERIOD, shelterId: f.cebu.id })).code,
    ).toBe('NOT_FOUND');
  });

  it('is audited as a view', async () => {
    await f.as('admin');
    const { entries } = await ok(f.backend, 'audit.list', {
      action: 'reports.reintegration',
      limit: 10,
    });
    expect(entries[0]).toMatchObject({
      targetType: 'report',
      detail: { report: 'reintegration', from: PERIOD.from, to: PERIOD.to, names: false },
    });
  });
});

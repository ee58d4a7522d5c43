// Therapy scheduling on a real vault: series whose occurrences are rows of their own, edits and
// cancellations of one, this-and-following or all, every hard conflict and soft rule, working
// hours and leave, free slots, attendance and TF-CBT progress, and who sees which session.
import { beforeAll, describe, expect, it } from 'vitest';
import { todayIn, zonedInstant } from '../../shared/time';
import { caseVault, instantDaysAgo, register, ZONE } from './support';
import { ADMIN, fails, ok, signIn } from './support';

let f: Awaited<ReturnType<typeof caseVault>>;
/** A second therapist, for clashes of a child with two therapists. */
let otherTherapist: string;
beforeAll(async () => {
  f = await caseVault();
  await f.as('admin');
  otherTherapist = (
    await ok(f.backend, 'users.create', {
      displayName: 'Fictional Dr. Villanueva',
      username: 'ther.villa',
      role: 'therapist',
      shelterScope: ['Fictional Home Cebu'],
      temporaryPassword: 'Temp-ther.villa-Kite-77',
    })
  ).id;
});

/** Manila wall-clock time on a date, as a UTC instant. */
const at = (date: string, time: string) => zonedInstant(date, time, ZONE);

let run = 0;
/** A child placed in Cebu (fresh each time, so tests do not share bookings), and a plan. */
async function cebuChild(extra: Record<string, unknown> = {}) {
  run += 1;
  await f.as('coordinator');
  const child = await register(f.backend, { legalName: `Fictional Child ${run}`, ...extra });
  const free = (
    await ok(f.backend, 'beds.board', { shelterId: f.cebu.id, asOf: todayIn(ZONE) })
  ).beds.find((b) => b.state === 'vacant');
  let bedId = free?.id;
  if (!bedId) {
    const shelter = await ok(f.backend, 'beds.save', {
      shelterId: f.cebu.id,
      room: 'B',
      label: `Bed x${run}`,
    });
    bedId = shelter.beds.find((b) => b.label === `Bed x${run}`)!.id;
  }
  await ok(f.backend, 'placements.admit', {
    childId: child.id,
    bedId,
    startAt: instantDaysAgo(30),
    reason: 'Rescue',
    // The tests fill the shelter beyond its capacity, a soft rule of placements.
    overrideReason: 'Fictional: test shelter',
  });
  const plan = await ok(f.backend, 'therapy.savePlan', {
    childId: child.id,
    therapistId: f.ids.therapist,
    modality: 'tf_cbt',
    goals: 'Fictional goals',
    frequency: 'weekly',
    plannedSessions: 14,
    startedOn: '2026-11-02',
  });
  return { childId: child.id, planId: plan.id };
}

/** A fresh week, 16 weeks after the last one (a 14-week series fits between), from Monday 2027-03-01. */
let weeks = 0;
function nextWeek(): (weekday: number) => string {
  weeks += 16;
  const monday = new Date(Date.UTC(2027, 2, 1 + 7 * weeks));
  return (weekday) =>
    new Date(monday.getTime() + (weekday - 1) * 86_400_000).toISOString().slice(0, 10);
}

/** A future session marked attended behind the service's back (it refuses a future attendance). */
async function setStatusDirectly(sessionId: string, status: string) {
  const inspector = await f.inspect();
  inspector.data.update('therapy_sessions', sessionId, { status });
  inspector.close();
}

const single = (childId: string, startAt: string, extra: Record<string, unknown> = {}) => ({
  therapistId: f.ids.therapist,
  kind: 'individual',
  childIds: [childId],
  durationMinutes: 60,
  startAt,
  ...extra,
});

const weekly = (
  childId: string,
  planId: string,
  startDate: string,
  extra: Record<string, unknown> = {},
) => ({
  therapistId: f.ids.therapist,
  planId,
  kind: 'individual',
  childIds: [childId],
  durationMinutes: 60,
  startDate,
  startTime: '14:00',
  intervalWeeks: 1,
  weekdays: [3],
  end: { kind: 'count', count: 14 },
  ...extra,
});

describe('a recurring series', () => {
  it('books each occurrence as its own session with the series id, across the month end', async () => {
    const { childId, planId } = await cebuChild();
    await f.as('therapist');
    const day = nextWeek();
    const { seriesId, sessions } = await ok(
      f.backend,
      'therapy.createSeries',
      weekly(childId, planId, day(1)),
    );
    expect(sessions).toHaveLength(14);
    expect(new Set(sessions.map((s) => s.id)).size).toBe(14);
    expect(sessions.every((s) => s.seriesId === seriesId && s.status === 'scheduled')).toBe(true);
    expect(sessions[0]).toMatchObject({
      startAt: at(day(3), '14:00'),
      endAt: at(day(3), '15:00'),
      children: [{ id: childId }],
      therapist: { id: f.ids.therapist },
      planId,
    });
  });

  it('cancelling one occurrence leaves the others untouched, and frees its time', async () => {
    const { childId, planId } = await cebuChild();
    await f.as('therapist');
    const day = nextWeek();
    const { sessions } = await ok(
      f.backend,
      'therapy.createSeries',
      weekly(childId, planId, day(1), { end: { kind: 'count', count: 4 } }),
    );
    const cancelled = await ok(f.backend, 'therapy.cancelSessions', {
      sessionId: sessions[1]!.id,
      scope: 'one',
      status: 'cancelled',
      reason: 'Fictional: school trip',
    });
    expect(cancelled.map((s) => [s.id, s.status, s.statusReason])).toEqual([
      [sessions[1]!.id, 'cancelled', 'Fictional: school trip'],
    ]);
    const week = await ok(f.backend, 'therapy.calendar', {
      by: 'child',
      childId,
      from: day(1),
      to: new Date(Date.parse(day(1)) + 40 * 86_400_000).toISOString().slice(0, 10),
    });
    expect(week.map((s) => s.status)).toEqual(['scheduled', 'cancelled', 'scheduled', 'scheduled']);
    expect(week.map((s) => s.startAt)).toEqual(sessions.map((s) => s.startAt));
    // The cancelled slot is free again: another session may take it.
    await ok(f.backend, 'therapy.schedule', single(childId, sessions[1]!.startAt));
    // A cancellation needs a reason.
    const noReason = await fails(f.backend, 'therapy.cancelSessions', {
      sessionId: sessions[2]!.id,
      scope: 'one',
      status: 'cancelled',
      reason: ' ',
    });
    expect(noReason.fields).toEqual({ reason: 'required' });
  });

  it('this-and-following moves the later occurrences only; the whole series leaves attended ones alone', async () => {
    const { childId, planId } = await cebuChild();
    await f.as('therapist');
    const day = nextWeek();
    const { sessions } = await ok(
      f.backend,
      'therapy.createSeries',
      weekly(childId, planId, day(1), { end: { kind: 'count', count: 6 } }),
    );
    const moved = await ok(f.backend, 'therapy.editSessions', {
      sessionId: sessions[3]!.id,
      scope: 'following',
      startTime: '09:30',
      durationMinutes: 45,
      room: 'Fictional Blue room',
    });
    expect(moved.map((s) => s.id)).toEqual(sessions.slice(3).map((s) => s.id));
    for (const [i, s] of moved.entries()) {
      const date = sessions[3 + i]!.startAt.slice(0, 10);
      expect(s).toMatchObject({
        startAt: at(date, '09:30'),
        endAt: at(date, '10:15'),
        room: 'Fictional Blue room',
      });
    }
    const history = await ok(f.backend, 'therapy.history', { childId });
    const byId = new Map(history.map((s) => [s.id, s]));
    for (const s of sessions.slice(0, 3))
      expect(byId.get(s.id)).toMatchObject({ startAt: s.startAt, room: null });
    // One occurrence moves to another date; it stays in the series.
    const [one] = await ok(f.backend, 'therapy.editSessions', {
      sessionId: sessions[1]!.id,
      scope: 'one',
      date: day(5),
      startTime: '10:00',
    });
    expect(one).toMatchObject({ startAt: at(day(5), '10:00'), seriesId: sessions[0]!.seriesId });
    // A new date applies to one occurrence only.
    const many = await fails(f.backend, 'therapy.editSessions', {
      sessionId: sessions[1]!.id,
      scope: 'all',
      date: day(5),
    });
    expect(many.fields).toEqual({ date: 'therapy.dateOneOnly' });
    // Cancelling the whole series: occurrences already attended or cancelled keep their status.
    await setStatusDirectly(sessions[0]!.id, 'attended');
    const rest = await ok(f.backend, 'therapy.cancelSessions', {
      sessionId: sessions[2]!.id,
      scope: 'all',
      status: 'clinician_cancelled',
      reason: 'Fictional: therapist leaves the agency',
    });
    expect(rest.map((s) => s.id).sort()).toEqual(
      sessions
        .slice(1)
        .map((s) => s.id)
        .sort(),
    );
    const after = await ok(f.backend, 'therapy.history', { childId });
    expect(after.find((s) => s.id === sessions[0]!.id)!.status).toBe('attended');
  });
});

describe('hard conflicts are refused, and the clash is named', () => {
  it('the same therapist at the same time', async () => {
    const a = await cebuChild();
    const b = await cebuChild();
    await f.as('therapist');
    const day = nextWeek();
    await ok(f.backend, 'therapy.schedule', single(a.childId, at(day(2), '10:00')));
    const clash = await fails(
      f.backend,
      'therapy.schedule',
      single(b.childId, at(day(2), '10:30')),
    );
    expect(clash).toMatchObject({
      code: 'CONFLICT',
      message: 'therapy.conflict',
      details: {
        clash: 'therapistBusy',
        date: day(2),
        startAt: at(day(2), '10:00'),
        endAt: at(day(2), '11:00'),
      },
    });
    // Back to back is no clash: intervals are half-open.
    await ok(f.backend, 'therapy.schedule', single(b.childId, at(day(2), '11:00')));
  });

  it('the same child with another therapist, named by case code', async () => {
    const a = await cebuChild();
    await f.as('coordinator');
    const day = nextWeek();
    await ok(f.backend, 'therapy.schedule', single(a.childId, at(day(2), '10:00')));
    const clash = await fails(
      f.backend,
      'therapy.schedule',
      single(a.childId, at(day(2), '10:15'), { therapistId: otherTherapist }),
    );
    const caseCode = (await ok(f.backend, 'therapy.childScheduling', { childId: a.childId })).child
      .caseCode;
    expect(clash).toMatchObject({ code: 'CONFLICT', details: { clash: 'childBusy', caseCode } });
  });

  it('the same room in the same shelter', async () => {
    const a = await cebuChild();
    const b = await cebuChild();
    await f.as('coordinator');
    const day = nextWeek();
    await ok(
      f.backend,
      'therapy.schedule',
      single(a.childId, at(day(2), '10:00'), { room: 'Fictional Sunflower room' }),
    );
    const clash = await fails(
      f.backend,
      'therapy.schedule',
      single(b.childId, at(day(2), '10:00'), {
        therapistId: otherTherapist,
        room: ' fictional SUNFLOWER room ',
      }),
    );
    expect(clash).toMatchObject({
      code: 'CONFLICT',
      details: { clash: 'roomBusy', room: 'fictional SUNFLOWER room' },
    });
    await ok(
      f.backend,
      'therapy.schedule',
      single(b.childId, at(day(2), '10:00'), {
        therapistId: otherTherapist,
        room: 'Fictional Orchid room',
      }),
    );
  });

  it('outside the working hours, and during leave or blocked time', async () => {
    const a = await cebuChild();
    await f.as('coordinator');
    const day = nextWeek();
    await ok(f.backend, 'therapy.setHours', {
      therapistId: otherTherapist,
      hours: [
        { weekday: 1, start: '08:00', end: '12:00' },
        { weekday: 1, start: '13:00', end: '17:00' },
        { weekday: 2, start: '08:00', end: '17:00' },
      ],
    });
    const with2 = (time: string, date = day(1)) =>
      single(a.childId, at(date, time), { therapistId: otherTherapist });
    // Over lunch, ending after hours, on a day off: all outside.
    for (const [time, date] of [
      ['11:30', day(1)],
      ['16:30', day(1)],
      ['10:00', day(3)],
    ] as const)
      expect((await fails(f.backend, 'therapy.schedule', with2(time, date))).details).toMatchObject(
        { clash: 'outsideHours' },
      );
    await ok(f.backend, 'therapy.schedule', with2('13:00'));
    const leave = await ok(f.backend, 'therapy.saveLeave', {
      therapistId: otherTherapist,
      kind: 'leave',
      startAt: at(day(2), '00:00'),
      endAt: at(day(3), '00:00'),
      note: 'Fictional training day',
    });
    expect(
      (await fails(f.backend, 'therapy.schedule', with2('09:00', day(2)))).details,
    ).toMatchObject({
      clash: 'onLeave',
      startAt: at(day(2), '00:00'),
    });
    const blocked = await ok(f.backend, 'therapy.saveLeave', {
      therapistId: otherTherapist,
      kind: 'blocked',
      startAt: at(day(1), '14:00'),
      endAt: at(day(1), '15:00'),
    });
    expect((await fails(f.backend, 'therapy.schedule', with2('14:30'))).details).toMatchObject({
      clash: 'onLeave',
    });
    const availability = await ok(f.backend, 'therapy.availability', {
      therapistId: otherTherapist,
      from: day(1),
      to: day(7),
    });
    expect(availability.hours).toHaveLength(3);
    expect(availability.leave.map((l) => l.id)).toEqual([blocked.id, leave.id]);
    await ok(f.backend, 'therapy.removeLeave', { id: leave.id });
    await ok(f.backend, 'therapy.schedule', with2('09:00', day(2)));
    // Overlapping spans of one weekday are refused at the field.
    const overlap = await fails(f.backend, 'therapy.setHours', {
      therapistId: otherTherapist,
      hours: [
        { weekday: 1, start: '08:00', end: '12:00' },
        { weekday: 1, start: '11:00', end: '17:00' },
      ],
    });
    expect(overlap.fields).toEqual({ 'hours.1.start': 'therapy.hoursOverlap' });
    await ok(f.backend, 'therapy.setHours', { therapistId: otherTherapist, hours: [] });
  });

  it('a series conflict check lists every clashing occurrence; skipping those dates books the rest', async () => {
    const { childId, planId } = await cebuChild();
    await f.as('therapist');
    const day = nextWeek();
    const other = await cebuChild();
    await f.as('therapist');
    // The therapist is busy on the 2nd and 4th Wednesdays.
    const second = new Date(Date.parse(day(3)) + 7 * 86_400_000).toISOString().slice(0, 10);
    const fourth = new Date(Date.parse(day(3)) + 21 * 86_400_000).toISOString().slice(0, 10);
    for (const date of [second, fourth])
      await ok(f.backend, 'therapy.schedule', single(other.childId, at(date, '14:30')));
    const rule = weekly(childId, planId, day(1), { end: { kind: 'count', count: 6 } });
    const checked = await ok(f.backend, 'therapy.checkSeries', rule);
    expect(checked).toHaveLength(6);
    expect(
      checked.filter((o) => o.conflicts.length > 0).map((o) => [o.date, o.conflicts[0]!.kind]),
    ).toEqual([
      [second, 'therapistBusy'],
      [fourth, 'therapistBusy'],
    ]);
    const refused = await fails(f.backend, 'therapy.createSeries', rule);
    expect(refused).toMatchObject({
      code: 'CONFLICT',
      details: { clashingOccurrences: 2, date: second },
    });
    const { sessions } = await ok(f.backend, 'therapy.createSeries', {
      ...rule,
      skipDates: [second, fourth],
    });
    expect(sessions).toHaveLength(4);
  });
});

describe('soft rules warn, and a typed reason overrides them (audited)', () => {
  it('a trauma-narrative session within a day of the child’s court testimony', async () => {
    const { childId } = await cebuChild();
    const day = nextWeek();
    await ok(f.backend, 'legal.save', {
      childId,
      kind: 'testimony',
      date: day(3),
      court: 'Fictional RTC Branch 2',
      caseNumber: 'CR-0002',
    });
    await f.as('therapist');
    const narrative = (date: string) =>
      single(childId, at(date, '10:00'), { plannedComponents: ['trauma_narrative'] });
    const warned = await fails(f.backend, 'therapy.schedule', narrative(day(2)));
    expect(warned).toMatchObject({
      code: 'NEEDS_OVERRIDE',
      warnings: ['softRule.therapy.nearTestimony'],
    });
    // A support session the day before is no exposure: no warning. Two days before, none either.
    await ok(
      f.backend,
      'therapy.schedule',
      single(childId, at(day(2), '10:00'), { plannedComponents: ['relaxation'] }),
    );
    await ok(f.backend, 'therapy.schedule', narrative(day(1)));
    const overridden = await ok(f.backend, 'therapy.schedule', {
      ...narrative(day(4)),
      overrideReason: 'Fictional: the child asked to continue',
    });
    expect(overridden.overridden).toBe(true);
    await f.as('admin');
    const { entries } = await ok(f.backend, 'audit.list', { action: 'therapy.schedule', limit: 5 });
    expect(entries[0]).toMatchObject({
      targetId: overridden.id,
      detail: { overridden: 'nearTestimony' },
    });
    expect(JSON.stringify(entries)).not.toContain('asked to continue');
  });

  it('more than three sessions in a week for one child', async () => {
    const { childId } = await cebuChild();
    await f.as('therapist');
    const day = nextWeek();
    for (const d of [1, 2, 3])
      await ok(f.backend, 'therapy.schedule', single(childId, at(day(d), '10:00')));
    const fourth = await fails(f.backend, 'therapy.schedule', single(childId, at(day(4), '10:00')));
    expect(fourth.warnings).toEqual(['softRule.therapy.tooManyPerWeek']);
    // The next Monday is another week.
    await ok(f.backend, 'therapy.schedule', single(childId, at(day(8), '10:00')));
    // A series that puts four in one week warns on each of them.
    const other = await cebuChild();
    await f.as('therapist');
    const week = nextWeek();
    const checked = await ok(
      f.backend,
      'therapy.checkSeries',
      weekly(other.childId, other.planId, week(1), {
        weekdays: [1, 2, 3, 4],
        startTime: '08:00',
        end: { kind: 'count', count: 5 },
      }),
    );
    expect(checked.map((o) => [o.date, o.warnings])).toEqual([
      ...[1, 2, 3, 4].map((d) => [week(d), ['softRule.therapy.tooManyPerWeek']]),
      [week(8), []],
    ]);
  });

  it('a change of therapist in the middle of a plan', async () => {
    const { childId, planId } = await cebuChild();
    await f.as('coordinator');
    // The plan is underway: a session with its therapist was attended.
    const first = await ok(
      f.backend,
      'therapy.schedule',
      single(childId, instantDaysAgo(3), { planId }),
    );
    await ok(f.backend, 'therapy.recordSession', {
      sessionId: first.id,
      status: 'attended',
      components: ['psychoeducation_parenting'],
    });
    const day = nextWeek();
    const switched = await fails(
      f.backend,
      'therapy.schedule',
      single(childId, at(day(2), '10:00'), { planId, therapistId: otherTherapist }),
    );
    expect(switched.warnings).toEqual(['softRule.therapy.therapistChange']);
    const plan = (await ok(f.backend, 'therapy.plans', { childId }))[0]!;
    const reassign = {
      id: plan.id,
      childId,
      therapistId: otherTherapist,
      modality: plan.modality,
      goals: plan.goals,
      frequency: plan.frequency,
      plannedSessions: plan.plannedSessions,
      startedOn: plan.startedOn,
    };
    expect((await fails(f.backend, 'therapy.savePlan', reassign)).warnings).toEqual([
      'softRule.therapy.therapistChange',
    ]);
    const moved = await ok(f.backend, 'therapy.savePlan', {
      ...reassign,
      overrideReason: 'Fictional: therapist moved away',
    });
    expect(moved.therapist.id).toBe(otherTherapist);
  });

  it('a session ending after 18:00 for a child under 12; an administrator can turn the rule off', async () => {
    const young = await cebuChild({ birth: { kind: 'dob', dateOfBirth: '2017-06-01' } });
    const older = await cebuChild();
    await f.as('therapist');
    // Soon, while the child is still under 12 (the other tests' weeks run years ahead).
    const day = (n: number) => todayIn(ZONE, new Date(Date.now() + (7 + n) * 86_400_000));
    const late = await fails(
      f.backend,
      'therapy.schedule',
      single(young.childId, at(day(2), '17:30')),
    );
    expect(late.warnings).toEqual(['softRule.therapy.lateForYoungChild']);
    await ok(f.backend, 'therapy.schedule', single(young.childId, at(day(2), '17:00')));
    await ok(f.backend, 'therapy.schedule', single(older.childId, at(day(3), '17:30')));
    await f.as('admin');
    const rules = await ok(f.backend, 'therapy.rules', {});
    await ok(f.backend, 'therapy.saveRules', {
      ...rules,
      lateForYoungChild: { ...rules.lateForYoungChild, enabled: false },
    });
    await f.as('therapist');
    await ok(f.backend, 'therapy.schedule', single(young.childId, at(day(4), '17:30')));
    await f.as('admin');
    await ok(f.backend, 'therapy.saveRules', rules);
  });
});

describe('conjoint and group sessions', () => {
  it('a conjoint caregiver comes from the family list, never an alleged offender or under no-contact', async () => {
    const { childId } = await cebuChild();
    const member = async (name: string, flags: Record<string, unknown> = {}) =>
      (
        await ok(f.backend, 'family.save', {
          childId,
          name,
          relationship: 'aunt',
          livesInHousehold: false,
          allegedOffender: false,
          noContactOrder: false,
          ...flags,
        })
      ).id;
    const aunt = await member('Fictional Aunt Rosa');
    const offender = await member('Fictional Uncle Ben', {
      allegedOffender: true,
      allegedOffenderSince: '2026-01-10',
    });
    const noContact = await member('Fictional Father Lito', {
      noContactOrder: true,
      noContactOrderDate: '2026-02-01',
    });
    await f.as('therapist');
    const scheduling = await ok(f.backend, 'therapy.childScheduling', { childId });
    expect(scheduling.caregivers.map((c) => c.id)).toEqual([aunt]);
    expect(scheduling.placement).toMatchObject({
      shelterId: f.cebu.id,
      shelterName: 'Fictional Home Cebu',
    });
    expect(JSON.stringify(scheduling)).not.toContain('Fictional Child');
    const day = nextWeek();
    const conjoint = (caregiverId?: string) =>
      single(childId, at(day(2), '10:00'), {
        kind: 'conjoint',
        ...(caregiverId ? { caregiverId } : {}),
      });
    for (const id of [offender, noContact])
      expect((await fails(f.backend, 'therapy.schedule', conjoint(id))).fields).toEqual({
        caregiverId: 'therapy.caregiverNotEligible',
      });
    expect((await fails(f.backend, 'therapy.schedule', conjoint())).fields).toEqual({
      caregiverId: 'therapy.caregiverRequired',
    });
    const session = await ok(f.backend, 'therapy.schedule', conjoint(aunt));
    expect(session).toMatchObject({
      kind: 'conjoint',
      caregiver: { id: aunt, relationship: 'aunt' },
    });
  });

  it('a group has two children or more, and each of them is checked for clashes', async () => {
    const a = await cebuChild();
    const b = await cebuChild();
    await f.as('therapist');
    const day = nextWeek();
    expect(
      (
        await fails(
          f.backend,
          'therapy.schedule',
          single(a.childId, at(day(2), '10:00'), { kind: 'group' }),
        )
      ).fields,
    ).toEqual({ childIds: 'therapy.groupNeedsChildren' });
    await f.as('coordinator');
    await ok(
      f.backend,
      'therapy.schedule',
      single(b.childId, at(day(2), '09:30'), { therapistId: otherTherapist }),
    );
    await f.as('therapist');
    const group = {
      ...single(a.childId, at(day(2), '10:00')),
      kind: 'group',
      childIds: [a.childId, b.childId],
    };
    expect((await fails(f.backend, 'therapy.schedule', group)).details).toMatchObject({
      clash: 'childBusy',
    });
    const ok11 = await ok(f.backend, 'therapy.schedule', {
      ...group,
      startAt: at(day(2), '11:00'),
    });
    expect(ok11.children.map((c) => c.id).sort()).toEqual([a.childId, b.childId].sort());
  });
});

describe('find a free slot', () => {
  it('proposes the next half hours when therapist, child and room are all free', async () => {
    const a = await cebuChild();
    const b = await cebuChild();
    await f.as('coordinator');
    const day = nextWeek();
    await ok(f.backend, 'therapy.setHours', {
      therapistId: otherTherapist,
      hours: [{ weekday: 2, start: '09:00', end: '12:00' }],
    });
    const mine = (childId: string, time: string, extra: Record<string, unknown> = {}) =>
      single(childId, at(day(2), time), { therapistId: otherTherapist, ...extra });
    await ok(f.backend, 'therapy.schedule', mine(b.childId, '09:00'));
    // The child is busy with the other therapist 10:00–11:00; the room is taken 11:00–12:00.
    await ok(f.backend, 'therapy.schedule', single(a.childId, at(day(2), '10:00')));
    await ok(
      f.backend,
      'therapy.schedule',
      single(b.childId, at(day(2), '11:00'), { room: 'Fictional Play room' }),
    );
    const slots = await ok(f.backend, 'therapy.findSlots', {
      therapistId: otherTherapist,
      childIds: [a.childId],
      room: 'Fictional Play room',
      durationMinutes: 60,
      fromDate: day(1),
      days: 14,
      limit: 2,
    });
    // Nothing fits on the first Tuesday; the next Tuesday opens at 09:00.
    const nextTuesday = new Date(Date.parse(day(2)) + 7 * 86_400_000).toISOString().slice(0, 10);
    expect(slots).toEqual([
      { startAt: at(nextTuesday, '09:00'), endAt: at(nextTuesday, '10:00') },
      { startAt: at(nextTuesday, '09:30'), endAt: at(nextTuesday, '10:30') },
    ]);
    const without = await ok(f.backend, 'therapy.findSlots', {
      therapistId: otherTherapist,
      childIds: [a.childId],
      durationMinutes: 30,
      fromDate: day(1),
      limit: 1,
    });
    expect(without).toEqual([{ startAt: at(day(2), '11:00'), endAt: at(day(2), '11:30') }]);
    await ok(f.backend, 'therapy.setHours', { therapistId: otherTherapist, hours: [] });
  });
});

describe('attendance and progress', () => {
  it('records attendance and the components covered; the plan shows its phase and session count', async () => {
    const { childId, planId } = await cebuChild();
    await f.as('therapist');
    const components = [
      ['psychoeducation_parenting'],
      ['relaxation', 'affect_modulation'],
      ['trauma_narrative'],
    ] as const;
    // A week apart, so no week ever holds more sessions than the weekly limit, whatever today is.
    for (const [i, covered] of components.entries()) {
      const s = await ok(
        f.backend,
        'therapy.schedule',
        single(childId, instantDaysAgo(25 - 7 * i), { planId }),
      );
      await ok(f.backend, 'therapy.recordSession', {
        sessionId: s.id,
        status: 'attended',
        components: covered,
      });
    }
    const missed = await ok(
      f.backend,
      'therapy.schedule',
      single(childId, instantDaysAgo(4), { planId }),
    );
    expect(
      (await fails(f.backend, 'therapy.recordSession', { sessionId: missed.id, status: 'no_show' }))
        .fields,
    ).toEqual({
      reason: 'therapy.reasonRequired',
    });
    await ok(f.backend, 'therapy.recordSession', {
      sessionId: missed.id,
      status: 'no_show',
      reason: 'Fictional: unwell',
    });
    const [plan] = await ok(f.backend, 'therapy.plans', { childId });
    expect(plan!.progress).toEqual({
      session: 3,
      planned: 14,
      phase: 'trauma_narrative',
      phaseNumber: 2,
      covered: ['psychoeducation_parenting', 'relaxation', 'affect_modulation', 'trauma_narrative'],
    });
    // A session that has not begun cannot be attended.
    const future = await ok(
      f.backend,
      'therapy.schedule',
      single(childId, at(nextWeek()(2), '10:00')),
    );
    expect(
      (
        await fails(f.backend, 'therapy.recordSession', {
          sessionId: future.id,
          status: 'attended',
        })
      ).fields,
    ).toEqual({
      status: 'therapy.notYet',
    });
  });
});

describe('who sees which session', () => {
  it('calendars by therapist, shelter and child; a caseworker elsewhere sees the slot, not the child', async () => {
    const { childId } = await cebuChild();
    await f.as('therapist');
    const day = nextWeek();
    const s = await ok(
      f.backend,
      'therapy.schedule',
      single(childId, at(day(2), '10:00'), { room: 'Fictional Room 1' }),
    );
    const week = { from: day(1), to: day(7) };
    const mine = await ok(f.backend, 'therapy.calendar', {
      by: 'therapist',
      therapistId: f.ids.therapist,
      ...week,
    });
    expect(mine.map((x) => x.id)).toEqual([s.id]);
    const shelter = await ok(f.backend, 'therapy.calendar', {
      by: 'shelter',
      shelterId: f.cebu.id,
      ...week,
    });
    expect(shelter.map((x) => x.id)).toContain(s.id);
    await f.as('cebu');
    const cw = await ok(f.backend, 'therapy.calendar', { by: 'child', childId, ...week });
    expect(cw).toEqual([
      expect.objectContaining({ id: s.id, children: [expect.objectContaining({ id: childId })] }),
    ]);
    await f.as('iloilo');
    const other = await ok(f.backend, 'therapy.calendar', {
      by: 'therapist',
      therapistId: f.ids.therapist,
      ...week,
    });
    expect(other).toEqual([expect.objectContaining({ id: s.id, children: [] })]);
    expect((await fails(f.backend, 'therapy.history', { childId })).code).toBe('NOT_FOUND');
    expect(
      (await fails(f.backend, 'therapy.calendar', { by: 'shelter', shelterId: f.cebu.id, ...week }))
        .code,
    ).toBe('NOT_FOUND');
    // A calendar spans at most 62 days, and needs the id of its view.
    await f.as('therapist');
    expect((await fails(f.backend, 'therapy.calendar', { by: 'child', ...week })).fields).toEqual({
      childId: 'required',
    });
    expect(
      (
        await fails(f.backend, 'therapy.calendar', {
          by: 'therapist',
          therapistId: f.ids.therapist,
          from: day(1),
          to: new Date(Date.parse(day(1)) + 62 * 86_400_000).toISOString().slice(0, 10),
        })
      ).fields,
    ).toEqual({ to: 'therapy.range' });
  });

  it('the Today panel lists the therapist’s sessions of today, in the vault’s time zone', async () => {
    const { childId } = await cebuChild();
    await f.as('therapist');
    const today = todayIn(ZONE);
    const s = await ok(
      f.backend,
      'therapy.schedule',
      single(childId, at(today, '00:30'), { durationMinutes: 45 }),
    );
    const panel = await ok(f.backend, 'therapy.today', {});
    expect(panel.date).toBe(today);
    expect(panel.sessions.map((x) => x.id)).toContain(s.id);
    expect(panel.sessions.every((x) => x.startAt >= at(today, '00:00'))).toBe(true);
  });

  it('a session of a child on the therapist’s caseload from another shelter opens their file to scheduling only', async () => {
    await f.as('coordinator');
    const child = await register(f.backend, { legalName: 'Fictional Iloilo Child' });
    await ok(f.backend, 'placements.admit', {
      childId: child.id,
      bedId: f.bed(f.iloilo, 1),
      startAt: instantDaysAgo(5),
      reason: 'Rescue',
    });
    await f.as('therapist');
    expect((await fails(f.backend, 'therapy.childScheduling', { childId: child.id })).code).toBe(
      'NOT_FOUND',
    );
    await f.as('coordinator');
    await ok(f.backend, 'therapy.schedule', single(child.id, at(nextWeek()(2), '10:00')));
    await f.as('therapist');
    const seen = await ok(f.backend, 'therapy.childScheduling', { childId: child.id });
    expect(seen.placement?.shelterName).toBe('Fictional Home Iloilo');
    // Still no case file: that is the case team's.
    expect((await fails(f.backend, 'children.get', { id: child.id })).code).toBe('FORBIDDEN');
    // The intake account would be theirs to open (the child is on their caseload); none is recorded.
    expect((await fails(f.backend, 'intake.open', { childId: child.id })).code).toBe('NOT_FOUND');
  });
});

it('signs in again cleanly (the fixture’s admin is untouched)', async () => {
  await f.backend.lock('manual');
  await signIn(f.backend, ADMIN.username, ADMIN.password);
});

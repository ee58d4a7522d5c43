// The booking check on its own, on a real vault that each test fills with the few rows it needs:
// every hard clash with its exact edges (a session may start when another ends), working hours,
// leave, and each soft rule on both sides of its limit.
import { describe, expect, it } from 'vitest';
import {
  checkOccurrences,
  localTime,
  roomKeyOf,
  type Booking,
} from '../../electron/backend/domains/therapy/conflicts';
import { writeTherapyRules } from '../../electron/backend/domains/therapy/rules';
import { DEFAULT_THERAPY_RULES, type TherapyRules } from '../../shared/therapy/vocabulary';
import { insertTherapyPlan, placementVault } from './support/placements';

const ZONE = 'Asia/Manila';
/** Manila wall-clock time (UTC+8 all year) as the UTC instant the vault stores. */
const at = (date: string, time: string) => new Date(`${date}T${time}:00+08:00`).toISOString();
const occurrence = (date: string, from: string, to: string, endDate = date) => ({
  date,
  startAt: at(date, from),
  endAt: at(endDate, to),
});

/** A vault with one therapist and the helpers to book around a booking under test. */
async function clinic() {
  const p = await placementVault();
  const { vault } = p;
  const user = (username: string) =>
    vault.data.insert('users', {
      username,
      display_name: `Fictional ${username}`,
      role: 'therapist',
      shelter_scope: '[]',
      must_change_password: 0,
    });
  const therapist = user('ther.reyes');
  /** A booked session of `therapistId` with `childIds`, in `roomKey`. */
  const session = (
    startAt: string,
    endAt: string,
    extra: { therapistId?: string; childIds?: string[]; roomKey?: string; status?: string } = {},
    planId: string | null = null,
  ) => {
    const id = vault.data.insert('therapy_sessions', {
      therapist_id: extra.therapistId ?? user(`ther.${Math.random().toString(36).slice(2)}`),
      plan_id: planId,
      kind: 'individual',
      start_at: startAt,
      end_at: endAt,
      room: extra.roomKey ?? null,
      room_key: extra.roomKey ?? null,
      status: extra.status ?? 'scheduled',
    });
    for (const childId of extra.childIds ?? [])
      vault.data.insert('therapy_participants', {
        session_id: id,
        child_id: childId,
        start_at: startAt,
        end_at: endAt,
        booked: 1,
      });
    return id;
  };
  const booking = (overrides: Partial<Booking> = {}): Booking => ({
    therapistId: therapist,
    childIds: [],
    room: null,
    roomKey: null,
    planId: null,
    plannedComponents: [],
    ...overrides,
  });
  const check = (
    b: Booking,
    occurrences: ReturnType<typeof occurrence>[],
    ignore: ReadonlySet<string> = new Set(),
  ) => checkOccurrences(vault, ZONE, b, occurrences, ignore);
  const rules = (change: Partial<TherapyRules>) =>
    writeTherapyRules(vault, { ...DEFAULT_THERAPY_RULES, ...change });
  return { ...p, user, therapist, session, booking, check, rules };
}

const kinds = (checked: { conflicts: { kind: string }[] }[]) =>
  checked.map((o) => o.conflicts.map((c) => c.kind));
const broken = (checked: { broken: string[] }[]) => checked.map((o) => o.broken);

describe('the vault calendar', () => {
  it('gives the wall-clock date, time and ISO weekday, Sunday as 7', () => {
    expect(localTime('2027-03-06T17:30:00.000Z', ZONE)).toEqual({
      date: '2027-03-07',
      time: '01:30',
      weekday: 7,
    });
    expect(localTime('2027-03-01T01:00:00.000Z', ZONE)).toEqual({
      date: '2027-03-01',
      time: '09:00',
      weekday: 1,
    });
  });

  it('follows a zone across its clock change, and each zone keeps its own offset', () => {
    // New York moves its clocks forward on 2027-03-14.
    const zone = 'America/New_York';
    expect(localTime('2027-03-13T17:00:00.000Z', zone).time).toBe('12:00');
    expect(localTime('2027-03-15T17:00:00.000Z', zone).time).toBe('13:00');
    expect(localTime('2027-03-15T17:00:00.000Z', ZONE).time).toBe('01:00');
  });

  it('folds a room name for comparison, per shelter; no name is no room', () => {
    expect(roomKeyOf('shelter-1', '  Blue Room ')).toBe('shelter-1|blue room');
    expect(roomKeyOf(null, 'Blue')).toBe('|blue');
    expect(roomKeyOf('shelter-1', '   ')).toBeNull();
    expect(roomKeyOf('shelter-1', null)).toBeNull();
    expect(roomKeyOf('shelter-1', undefined)).toBeNull();
  });
});

describe('hard clashes', () => {
  it('nothing to check is nothing found', async () => {
    const c = await clinic();
    expect(c.check(c.booking(), [])).toEqual([]);
  });

  it('the therapist, a child and the room busy, each named with the other booking’s times', async () => {
    const c = await clinic();
    const child = c.child();
    const other = c.child();
    const initials = c.vault.db
      .prepare('SELECT id, case_code AS caseCode, alias AS initials FROM children WHERE id = ?')
      .get([child]) as { id: string; caseCode: string; initials: string };
    // Each starts before the booking and runs into it.
    c.session(at('2027-03-03', '13:30'), at('2027-03-03', '14:30'), { therapistId: c.therapist });
    c.session(at('2027-03-03', '13:00'), at('2027-03-03', '14:15'), { childIds: [child] });
    c.session(at('2027-03-03', '14:45'), at('2027-03-03', '16:00'), { roomKey: 's|blue' });
    // Another child's session and another room's do not count.
    c.session(at('2027-03-03', '14:00'), at('2027-03-03', '15:00'), {
      childIds: [other],
      roomKey: 's|green',
    });
    const [checked] = c.check(c.booking({ childIds: [child], room: 'Blue', roomKey: 's|blue' }), [
      occurrence('2027-03-03', '14:00', '15:00'),
    ]);
    const none = { child: null, room: null, leaveKind: null };
    expect(checked!.conflicts).toEqual([
      {
        kind: 'therapistBusy',
        startAt: at('2027-03-03', '13:30'),
        endAt: at('2027-03-03', '14:30'),
        ...none,
      },
      {
        kind: 'childBusy',
        startAt: at('2027-03-03', '13:00'),
        endAt: at('2027-03-03', '14:15'),
        ...none,
        child: initials,
      },
      {
        kind: 'roomBusy',
        startAt: at('2027-03-03', '14:45'),
        endAt: at('2027-03-03', '16:00'),
        ...none,
        room: 'Blue',
      },
    ]);
    expect(checked).toMatchObject({
      date: '2027-03-03',
      startAt: at('2027-03-03', '14:00'),
      endAt: at('2027-03-03', '15:00'),
      broken: [],
      warnings: [],
    });
  });

  it('in a series, each occurrence clashes only with what overlaps it; touching ends do not clash', async () => {
    const c = await clinic();
    const child = c.child();
    const first = occurrence('2027-03-03', '14:00', '15:00');
    const second = occurrence('2027-03-10', '14:00', '15:00');
    // Around the first: the child is busy across it.
    c.session(at('2027-03-03', '13:00'), at('2027-03-03', '16:00'), { childIds: [child] });
    // Around the second: the therapist just before and just after, leave ending as it starts,
    // blocked time starting as it ends, and the child busy from inside it.
    c.session(at('2027-03-10', '13:00'), second.startAt, { therapistId: c.therapist });
    c.session(second.endAt, at('2027-03-10', '16:00'), { therapistId: c.therapist });
    // And the therapist again, from the moment the first one ends.
    c.session(first.endAt, at('2027-03-03', '16:00'), { therapistId: c.therapist });
    c.vault.data.insert('therapist_leave', {
      therapist_id: c.therapist,
      kind: 'leave',
      start_at: at('2027-03-10', '08:00'),
      end_at: second.startAt,
    });
    c.vault.data.insert('therapist_leave', {
      therapist_id: c.therapist,
      kind: 'blocked',
      start_at: second.endAt,
      end_at: at('2027-03-10', '18:00'),
    });
    c.session(at('2027-03-10', '14:30'), at('2027-03-10', '15:30'), { childIds: [child] });
    const checked = c.check(c.booking({ childIds: [child] }), [first, second]);
    expect(kinds(checked)).toEqual([['childBusy'], ['childBusy']]);
    expect(checked.map((o) => o.conflicts[0]!.startAt)).toEqual([
      at('2027-03-03', '13:00'),
      at('2027-03-10', '14:30'),
    ]);
    // The occurrences in any order: each is still checked across the whole span.
    expect(kinds(c.check(c.booking({ childIds: [child] }), [second, first]))).toEqual([
      ['childBusy'],
      ['childBusy'],
    ]);
  });

  it('leave and blocked time, named by kind; sessions being moved do not clash with themselves', async () => {
    const c = await clinic();
    c.vault.data.insert('therapist_leave', {
      therapist_id: c.therapist,
      kind: 'leave',
      start_at: at('2027-03-03', '00:00'),
      end_at: at('2027-03-04', '00:00'),
    });
    c.vault.data.insert('therapist_leave', {
      therapist_id: c.therapist,
      kind: 'blocked',
      start_at: at('2027-03-10', '14:30'),
      end_at: at('2027-03-10', '14:45'),
    });
    const moved = c.session(at('2027-03-17', '14:00'), at('2027-03-17', '15:00'), {
      therapistId: c.therapist,
    });
    const occurrences = [
      occurrence('2027-03-03', '14:00', '15:00'),
      occurrence('2027-03-10', '14:00', '15:00'),
      occurrence('2027-03-17', '14:30', '15:30'),
    ];
    const checked = c.check(c.booking(), occurrences, new Set([moved]));
    expect(checked.map((o) => o.conflicts)).toEqual([
      [
        {
          kind: 'onLeave',
          startAt: at('2027-03-03', '00:00'),
          endAt: at('2027-03-04', '00:00'),
          child: null,
          room: null,
          leaveKind: 'leave',
        },
      ],
      [expect.objectContaining({ kind: 'onLeave', leaveKind: 'blocked' })],
      [],
    ]);
    expect(kinds(c.check(c.booking(), occurrences))[2]).toEqual(['therapistBusy']);
  });

  it('outside working hours: the weekday, both edges, and a session running past midnight', async () => {
    const c = await clinic();
    const none = c.check(c.booking(), [occurrence('2027-03-03', '06:00', '07:00')]);
    expect(kinds(none)).toEqual([[]]);
    for (const [weekday, start, end] of [
      [3, '09:00', '17:00'],
      [3, '20:00', '23:59'],
      [5, '09:00', '12:00'],
    ] as const)
      c.vault.data.insert('therapist_hours', {
        therapist_id: c.therapist,
        weekday,
        start_time: start,
        end_time: end,
      });
    const checked = c.check(c.booking(), [
      occurrence('2027-03-03', '09:00', '10:00'),
      occurrence('2027-03-03', '16:00', '17:00'),
      occurrence('2027-03-03', '08:30', '09:30'),
      occurrence('2027-03-03', '16:30', '17:30'),
      occurrence('2027-03-04', '10:00', '11:00'),
      occurrence('2027-03-03', '23:00', '00:30', '2027-03-04'),
      occurrence('2027-03-05', '11:00', '12:00'),
    ]);
    expect(kinds(checked)).toEqual([
      [],
      [],
      ['outsideHours'],
      ['outsideHours'],
      ['outsideHours'],
      ['outsideHours'],
      [],
    ]);
    expect(checked[2]!.conflicts[0]).toEqual({
      kind: 'outsideHours',
      startAt: at('2027-03-03', '08:30'),
      endAt: at('2027-03-03', '09:30'),
      child: null,
      room: null,
      leaveKind: null,
    });
  });
});

describe('soft rules', () => {
  it('an exposure session within the set days of a court testimony, on either side', async () => {
    const c = await clinic();
    const child = c.child();
    c.vault.data.insert('legal_events', {
      child_id: child,
      kind: 'testimony',
      date: '2027-03-04',
      court: 'Fictional RTC Branch 1',
      case_number: 'FIC-1',
    });
    const exposure = c.booking({
      childIds: [child],
      plannedComponents: ['relaxation', 'trauma_narrative'],
    });
    const after = [
      occurrence('2027-03-05', '09:00', '10:00'),
      occurrence('2027-03-06', '09:00', '10:00'),
    ];
    const before = [
      occurrence('2027-03-02', '09:00', '10:00'),
      occurrence('2027-03-03', '09:00', '10:00'),
    ];
    expect(broken(c.check(exposure, after))).toEqual([['nearTestimony'], []]);
    expect(broken(c.check(exposure, before))).toEqual([[], ['nearTestimony']]);
    expect(c.check(exposure, after)[0]!.warnings).toEqual(['softRule.therapy.nearTestimony']);
    // Not for other work, nor for another child, nor when the rule is off.
    expect(broken(c.check({ ...exposure, plannedComponents: ['relaxation'] }, after))).toEqual([
      [],
      [],
    ]);
    expect(broken(c.check({ ...exposure, childIds: [c.child()] }, after))).toEqual([[], []]);
    c.rules({ nearTestimony: { enabled: true, days: 2 } });
    expect(broken(c.check(exposure, after))).toEqual([['nearTestimony'], ['nearTestimony']]);
    c.rules({ nearTestimony: { enabled: false, days: 2 } });
    expect(broken(c.check(exposure, after))).toEqual([[], []]);
  });

  it('more sessions in a week than allowed, counting those booked and the batch’s own', async () => {
    const c = await clinic();
    const child = c.child();
    // Monday and Tuesday booked; Wednesday's is being moved; the week before and after are apart.
    c.session(at('2027-03-01', '09:00'), at('2027-03-01', '10:00'), { childIds: [child] });
    c.session(at('2027-03-02', '09:00'), at('2027-03-02', '10:00'), { childIds: [child] });
    const moved = c.session(at('2027-03-03', '09:00'), at('2027-03-03', '10:00'), {
      childIds: [child],
    });
    c.session(at('2027-02-28', '09:00'), at('2027-02-28', '10:00'), { childIds: [child] });
    c.session(at('2027-03-08', '09:00'), at('2027-03-08', '10:00'), { childIds: [child] });
    const b = c.booking({ childIds: [child] });
    const thursday = [occurrence('2027-03-04', '09:00', '10:00')];
    expect(broken(c.check(b, thursday))).toEqual([['tooManyPerWeek']]);
    // Without the moved session there are three: the limit itself is allowed.
    expect(broken(c.check(b, thursday, new Set([moved])))).toEqual([[]]);
    // Thursday and Friday of the same week both count.
    const two = [
      occurrence('2027-03-04', '09:00', '10:00'),
      occurrence('2027-03-05', '09:00', '10:00'),
    ];
    expect(broken(c.check(b, two, new Set([moved])))).toEqual([
      ['tooManyPerWeek'],
      ['tooManyPerWeek'],
    ]);
    // A week with one other session is fine; the rule can be changed or switched off.
    expect(broken(c.check(b, [occurrence('2027-03-10', '09:00', '10:00')]))).toEqual([[]]);
    c.rules({ tooManyPerWeek: { enabled: true, max: 1 } });
    expect(broken(c.check(b, [occurrence('2027-03-10', '09:00', '10:00')]))).toEqual([
      ['tooManyPerWeek'],
    ]);
    c.rules({ tooManyPerWeek: { enabled: false, max: 1 } });
    expect(broken(c.check(b, thursday))).toEqual([[]]);
  });

  it('a plan last seen by another therapist', async () => {
    const c = await clinic();
    const child = c.child();
    const plan = (therapistId: string) =>
      insertTherapyPlan(c.vault, { childId: child, therapistId, startedOn: '2027-01-04' });
    const other = c.user('ther.cruz');
    const next = [occurrence('2027-03-03', '09:00', '10:00')];
    const seenByOther = plan(c.therapist);
    c.session(
      at('2027-01-11', '09:00'),
      at('2027-01-11', '10:00'),
      { therapistId: c.therapist, status: 'attended' },
      seenByOther,
    );
    c.session(
      at('2027-01-18', '09:00'),
      at('2027-01-18', '10:00'),
      { therapistId: other, status: 'attended' },
      seenByOther,
    );
    const seenBySame = plan(c.therapist);
    c.session(
      at('2027-01-18', '09:00'),
      at('2027-01-18', '10:00'),
      { therapistId: c.therapist, status: 'attended' },
      seenBySame,
    );
    const notSeen = plan(other);
    expect(broken(c.check(c.booking({ planId: seenByOther }), next))).toEqual([
      ['therapistChange'],
    ]);
    expect(broken(c.check(c.booking({ planId: seenBySame }), next))).toEqual([[]]);
    expect(broken(c.check(c.booking({ planId: notSeen }), next))).toEqual([[]]);
    expect(broken(c.check(c.booking(), next))).toEqual([[]]);
    c.rules({ therapistChange: { enabled: false } });
    expect(broken(c.check(c.booking({ planId: seenByOther }), next))).toEqual([[]]);
  });

  it('a young child’s session ending after the set hour or past midnight; twelve is not young', async () => {
    const c = await clinic();
    const young = c.child({ birth: { kind: 'dob', dateOfBirth: '2018-06-01' } });
    const twelve = c.child({ birth: { kind: 'dob', dateOfBirth: '2015-03-03' } });
    const evening = [
      occurrence('2027-03-03', '17:00', '18:00'),
      occurrence('2027-03-10', '17:30', '18:30'),
      occurrence('2027-03-17', '23:00', '00:30', '2027-03-18'),
    ];
    expect(broken(c.check(c.booking({ childIds: [young] }), evening))).toEqual([
      [],
      ['lateForYoungChild'],
      ['lateForYoungChild'],
    ]);
    expect(broken(c.check(c.booking({ childIds: [twelve] }), evening))).toEqual([[], [], []]);
    expect(broken(c.check(c.booking({ childIds: [twelve, young] }), evening))[1]).toEqual([
      'lateForYoungChild',
    ]);
    c.rules({ lateForYoungChild: { enabled: false, endAfter: '18:00', underAge: 12 } });
    expect(broken(c.check(c.booking({ childIds: [young] }), evening))).toEqual([[], [], []]);
  });
});

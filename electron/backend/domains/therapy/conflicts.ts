// What stands in the way of a booking: hard conflicts, which refuse it (the therapist, a child or
// the room already booked; outside the therapist's working hours; during leave), and the soft,
// trauma-informed rules, which need a typed reason. One check serves a single session, a whole
// series (every occurrence listed) and an edit (the sessions being moved do not clash with
// themselves).
import { ageOn } from '../../../../shared/children/vocabulary';
import type { Clash, OccurrenceCheck, TherapyChild } from '../../../../shared/therapy/contract';
import {
  EXPOSURE_COMPONENTS,
  therapySoftRuleWarning,
  type PracticeComponent,
  type TherapySoftRule,
} from '../../../../shared/therapy/vocabulary';
import { calendarDaysBetween, wallClockIso } from '../../../../shared/time';
import type { CaseVault } from '../../records/actor';
import { birthOf, childRowById } from '../../records/rows';
import { testimoniesBetween } from '../children';
import { readTherapyRules } from './rules';
import { addDaysTo } from '../../records/actor';
import type { Occurrence } from './recurrence';

/** The longest a session may last: what bounds the index range of an overlap look-up. */
export const MAX_SESSION_MINUTES = 240;

export interface Booking {
  therapistId: string;
  childIds: readonly string[];
  room: string | null;
  roomKey: string | null;
  planId: string | null;
  plannedComponents: readonly PracticeComponent[];
}

export interface CheckedOccurrence extends OccurrenceCheck {
  broken: TherapySoftRule[];
}

/** Text order is time order for stored instants; `lower` bounds the start of an overlap. */
const lowerBound = (startAt: string) =>
  new Date(Date.parse(startAt) - MAX_SESSION_MINUTES * 60_000).toISOString();

const BOOKED = `status IN ('scheduled', 'attended')`;

interface Busy {
  id: string;
  start_at: string;
  end_at: string;
}

/** The wall-clock date, time and ISO weekday of an instant in the vault's zone. */
export function localTime(instant: string, timeZone: string) {
  const ms = Date.parse(instant);
  const wall = wallClockIso(ms, timeZone);
  const date = wall.slice(0, 10);
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay() || 7;
  return { date, time: wall.slice(11, 16), weekday };
}

/** The Monday (vault calendar) of an instant's week: the key of "sessions in a week". */
function weekOf(instant: string, timeZone: string): string {
  const { date, weekday } = localTime(instant, timeZone);
  return addDaysTo(date, 1 - weekday);
}

export function roomKeyOf(
  shelterId: string | null,
  room: string | null | undefined,
): string | null {
  const name = room?.trim().toLowerCase();
  return name ? `${shelterId ?? ''}|${name}` : null;
}

/**
 * Each occurrence with its clashes and broken soft rules. `ignore`: sessions that do not count
 * (the ones an edit moves).
 */
export function checkOccurrences(
  vault: CaseVault,
  timeZone: string,
  booking: Booking,
  occurrences: readonly Occurrence[],
  ignore: ReadonlySet<string> = new Set(),
): CheckedOccurrence[] {
  if (occurrences.length === 0) return [];
  const db = vault.db;
  const therapistBusy = db.prepare(
    `SELECT id, start_at, end_at FROM therapy_sessions
     WHERE therapist_id = $who AND deleted_at IS NULL AND start_at > $lower AND start_at < $end
       AND end_at > $start AND ${BOOKED}`,
  );
  const childBusy = db.prepare(
    `SELECT session_id AS id, start_at, end_at FROM therapy_participants
     WHERE child_id = $who AND deleted_at IS NULL AND start_at > $lower AND start_at < $end
       AND end_at > $start AND booked = 1`,
  );
  const roomBusy = db.prepare(
    `SELECT id, start_at, end_at FROM therapy_sessions
     WHERE room_key = $who AND deleted_at IS NULL AND start_at > $lower AND start_at < $end
       AND end_at > $start AND ${BOOKED}`,
  );
  const leave = db.prepare(
    `SELECT kind, start_at, end_at FROM therapist_leave
     WHERE therapist_id = ? AND deleted_at IS NULL AND start_at < ? AND end_at > ?`,
  );
  const hours = db
    .prepare(
      `SELECT weekday, start_time, end_time FROM therapist_hours
       WHERE therapist_id = ? AND deleted_at IS NULL`,
    )
    .all([booking.therapistId]) as { weekday: number; start_time: string; end_time: string }[];
  const children = new Map<string, TherapyChild>(
    (
      db
        .prepare(
          `SELECT id, case_code, alias AS initials FROM children WHERE id IN (SELECT value FROM json_each(?))`,
        )
        .all([JSON.stringify(booking.childIds)]) as {
        id: string;
        case_code: string;
        initials: string;
      }[]
    ).map((c) => [c.id, { id: c.id, caseCode: c.case_code, initials: c.initials }]),
  );
  const soft = softRuleContext(vault, timeZone, booking, occurrences, ignore);

  // Everything booked across the whole span, read once; each occurrence then looks in memory.
  const span = {
    start: occurrences.reduce(
      (min, o) => (o.startAt < min ? o.startAt : min),
      occurrences[0]!.startAt,
    ),
    end: occurrences.reduce((max, o) => (o.endAt > max ? o.endAt : max), occurrences[0]!.endAt),
  };
  const spanWindow = { ...span, lower: lowerBound(span.start) };
  const booked = (statement: typeof therapistBusy, who: string) =>
    (statement.all({ who, ...spanWindow }) as unknown as Busy[]).filter((b) => !ignore.has(b.id));
  const therapistBooked = booked(therapistBusy, booking.therapistId);
  const childBooked = booking.childIds.map((childId) => ({
    childId,
    busy: booked(childBusy, childId),
  }));
  const roomBooked = booking.roomKey ? booked(roomBusy, booking.roomKey) : [];
  const leaveBooked = leave.all([booking.therapistId, span.end, span.start]) as {
    kind: 'leave' | 'blocked';
    start_at: string;
    end_at: string;
  }[];

  return occurrences.map((occurrence) => {
    const overlapping = <B extends { start_at: string; end_at: string }>(busy: readonly B[]) =>
      busy.filter((b) => b.start_at < occurrence.endAt && b.end_at > occurrence.startAt);
    const conflicts: Clash[] = [];
    const clash = (
      kind: Clash['kind'],
      busy: { start_at: string; end_at: string },
      extra: Partial<Clash> = {},
    ) =>
      conflicts.push({
        kind,
        startAt: busy.start_at,
        endAt: busy.end_at,
        child: null,
        room: null,
        leaveKind: null,
        ...extra,
      });

    for (const busy of overlapping(therapistBooked)) clash('therapistBusy', busy);
    for (const { childId, busy } of childBooked)
      for (const b of overlapping(busy))
        clash('childBusy', b, { child: children.get(childId) ?? null });
    for (const busy of overlapping(roomBooked)) clash('roomBusy', busy, { room: booking.room });
    for (const off of overlapping(leaveBooked)) clash('onLeave', off, { leaveKind: off.kind });
    if (hours.length > 0) {
      const start = localTime(occurrence.startAt, timeZone);
      const end = localTime(occurrence.endAt, timeZone);
      const within =
        start.date === end.date &&
        hours.some(
          (h) =>
            h.weekday === start.weekday && h.start_time <= start.time && end.time <= h.end_time,
        );
      if (!within)
        clash('outsideHours', { start_at: occurrence.startAt, end_at: occurrence.endAt });
    }
    const broken = soft(occurrence);
    return {
      date: occurrence.date,
      startAt: occurrence.startAt,
      endAt: occurrence.endAt,
      conflicts,
      broken,
      warnings: broken.map(therapySoftRuleWarning),
    };
  });
}

/** Loads what the soft rules need once for all the occurrences; returns the per-occurrence check. */
function softRuleContext(
  vault: CaseVault,
  timeZone: string,
  booking: Booking,
  occurrences: readonly Occurrence[],
  ignore: ReadonlySet<string>,
): (occurrence: Occurrence) => TherapySoftRule[] {
  const rules = readTherapyRules(vault);
  const first = occurrences[0]!;
  const last = occurrences.at(-1)!;

  // A trauma-narrative or exposure session near a court testimony.
  const exposure = booking.plannedComponents.some((c) => EXPOSURE_COMPONENTS.includes(c));
  const testimonies =
    rules.nearTestimony.enabled && exposure
      ? testimoniesBetween(
          vault,
          booking.childIds,
          addDaysTo(first.date, -rules.nearTestimony.days),
          addDaysTo(last.date, rules.nearTestimony.days),
        ).map((t) => t.date)
      : [];

  // Sessions a week per child: those booked already, plus this batch's own.
  const perWeek = new Map<string, number>();
  if (rules.tooManyPerWeek.enabled) {
    const from = addDaysTo(first.date, -7);
    const to = addDaysTo(last.date, 8);
    const booked = vault.db.prepare(
      `SELECT session_id, start_at FROM therapy_participants
       WHERE child_id = ? AND deleted_at IS NULL AND booked = 1 AND start_at >= ? AND start_at < ?`,
    );
    for (const childId of booking.childIds) {
      for (const row of booked.all([childId, `${from}T00:00:00.000Z`, `${to}T00:00:00.000Z`]) as {
        session_id: string;
        start_at: string;
      }[]) {
        if (ignore.has(row.session_id)) continue;
        const key = `${childId} ${weekOf(row.start_at, timeZone)}`;
        perWeek.set(key, (perWeek.get(key) ?? 0) + 1);
      }
      for (const o of occurrences) {
        const key = `${childId} ${weekOf(o.startAt, timeZone)}`;
        perWeek.set(key, (perWeek.get(key) ?? 0) + 1);
      }
    }
  }

  // A different therapist from the one the plan has been seen by.
  const therapistChange =
    rules.therapistChange.enabled &&
    booking.planId !== null &&
    planTherapistChanges(vault, booking);

  const births = rules.lateForYoungChild.enabled
    ? booking.childIds.map((id) => birthOf(childRowById(vault, id)))
    : [];

  return (occurrence) => {
    const broken: TherapySoftRule[] = [];
    if (
      testimonies.some(
        (t) => Math.abs(calendarDaysBetween(t, occurrence.date)) <= rules.nearTestimony.days,
      )
    )
      broken.push('nearTestimony');
    if (
      rules.tooManyPerWeek.enabled &&
      booking.childIds.some(
        (id) =>
          (perWeek.get(`${id} ${weekOf(occurrence.startAt, timeZone)}`) ?? 0) >
          rules.tooManyPerWeek.max,
      )
    )
      broken.push('tooManyPerWeek');
    if (therapistChange) broken.push('therapistChange');
    if (births.length > 0) {
      const end = localTime(occurrence.endAt, timeZone);
      const late = end.date > occurrence.date || end.time > rules.lateForYoungChild.endAfter;
      if (
        late &&
        births.some((b) => ageOn(b, occurrence.date).age < rules.lateForYoungChild.underAge)
      )
        broken.push('lateForYoungChild');
    }
    return broken;
  };
}

/** The plan is underway with another therapist: its latest attended session's, else its own. */
function planTherapistChanges(vault: CaseVault, booking: Booking): boolean {
  const seenBy = vault.db
    .prepare(
      `SELECT therapist_id FROM therapy_sessions WHERE plan_id = ? AND status = 'attended'
       AND deleted_at IS NULL ORDER BY start_at DESC LIMIT 1`,
      { pluck: true },
    )
    .get([booking.planId]) as string | undefined;
  return seenBy !== undefined && seenBy !== booking.therapistId;
}

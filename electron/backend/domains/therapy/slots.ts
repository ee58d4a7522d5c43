// "Find a free slot": the next times, on the half hour, when the therapist is working and not on
// leave, and the therapist, every child and the room are all free. Everything in the window is
// read once, then the candidates are tested in memory.
import { TZDate } from '@date-fns/tz';
import { getISODay } from 'date-fns';
import type { Slot } from '../../../../shared/therapy/contract';
import { addDaysTo, type CaseVault, type Clock } from '../../records/actor';
import { currentPlacementRow } from '../children';
import { workingHours } from './availability';
import { MAX_SESSION_MINUTES, roomKeyOf } from './conflicts';
import { occurrenceAt } from './recurrence';

/** Where the search looks on weekdays when a therapist has no working hours recorded. */
export const DEFAULT_SEARCH_HOURS = { start: '08:00', end: '17:00' } as const;
export const SLOT_STEP_MINUTES = 30;

export interface SlotQuery {
  therapistId: string;
  childIds: string[];
  room?: string | undefined;
  durationMinutes: number;
  fromDate: string;
  days: number;
  limit: number;
}

interface Interval {
  start_at: string;
  end_at: string;
}

function minutesOf(time: string): number {
  const [h, m] = time.split(':').map(Number) as [number, number];
  return h * 60 + m;
}

function timeOf(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

export function findSlots(vault: CaseVault, clock: Clock, query: SlotQuery): Slot[] {
  const windowStart = occurrenceAt(query.fromDate, '00:00', 0, clock.timeZone).startAt;
  const windowEnd = occurrenceAt(
    addDaysTo(query.fromDate, query.days),
    '00:00',
    0,
    clock.timeZone,
  ).startAt;
  const lower = new Date(Date.parse(windowStart) - MAX_SESSION_MINUTES * 60_000).toISOString();
  const range = { lower, end: windowEnd };
  const busy: Interval[] = [
    ...(vault.db
      .prepare(
        `SELECT start_at, end_at FROM therapy_sessions WHERE therapist_id = $who
         AND deleted_at IS NULL AND start_at > $lower AND start_at < $end
         AND status IN ('scheduled', 'attended')`,
      )
      .all({ who: query.therapistId, ...range }) as unknown as Interval[]),
    ...(vault.db
      .prepare(
        `SELECT start_at, end_at FROM therapist_leave WHERE therapist_id = ?
         AND deleted_at IS NULL AND start_at < ? AND end_at > ?`,
      )
      .all([query.therapistId, windowEnd, windowStart]) as unknown as Interval[]),
  ];
  const childBusy = vault.db.prepare(
    `SELECT start_at, end_at FROM therapy_participants WHERE child_id = $who
     AND deleted_at IS NULL AND booked = 1 AND start_at > $lower AND start_at < $end`,
  );
  for (const childId of query.childIds)
    busy.push(...(childBusy.all({ who: childId, ...range }) as unknown as Interval[]));
  const shelterId = query.childIds[0]
    ? (currentPlacementRow(vault, query.childIds[0])?.shelter_id ?? null)
    : null;
  const roomKey = roomKeyOf(shelterId, query.room);
  if (roomKey)
    busy.push(
      ...(vault.db
        .prepare(
          `SELECT start_at, end_at FROM therapy_sessions WHERE room_key = $who
           AND deleted_at IS NULL AND start_at > $lower AND start_at < $end
           AND status IN ('scheduled', 'attended')`,
        )
        .all({ who: roomKey, ...range }) as unknown as Interval[]),
    );

  const hours = workingHours(vault, query.therapistId);
  const slots: Slot[] = [];
  for (let day = 0; day < query.days && slots.length < query.limit; day += 1) {
    const date = addDaysTo(query.fromDate, day);
    const [y, m, d] = date.split('-').map(Number) as [number, number, number];
    const weekday = getISODay(new TZDate(y, m - 1, d, clock.timeZone));
    const spans =
      hours.length > 0
        ? hours.filter((h) => h.weekday === weekday)
        : weekday <= 5
          ? [DEFAULT_SEARCH_HOURS]
          : [];
    for (const span of spans) {
      const last = minutesOf(span.end) - query.durationMinutes;
      for (
        let at = minutesOf(span.start);
        at <= last && slots.length < query.limit;
        at += SLOT_STEP_MINUTES
      ) {
        const slot = occurrenceAt(date, timeOf(at), query.durationMinutes, clock.timeZone);
        if (slot.startAt <= clock.nowIso) continue;
        if (busy.some((b) => b.start_at < slot.endAt && b.end_at > slot.startAt)) continue;
        slots.push({ startAt: slot.startAt, endAt: slot.endAt });
      }
    }
  }
  return slots;
}

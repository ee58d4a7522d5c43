// Therapists' working hours (per weekday, in the vault's time zone) and their leave and blocked
// time. A therapist with no hours recorded yet is not held to any: hours are checked once set.
import type {
  Availability,
  TherapistLeave,
  WorkingHours,
} from '../../../../shared/therapy/contract';
import type { LeaveKind, Weekday } from '../../../../shared/therapy/vocabulary';
import {
  addDaysTo,
  fieldError,
  notFound,
  startOfDay,
  type CaseVault,
  type Clock,
} from '../../records/actor';

interface LeaveRow {
  id: string;
  therapist_id: string;
  kind: LeaveKind;
  start_at: string;
  end_at: string;
  note: string | null;
}

function toLeave(row: LeaveRow): TherapistLeave {
  return {
    id: row.id,
    therapistId: row.therapist_id,
    kind: row.kind,
    startAt: row.start_at,
    endAt: row.end_at,
    note: row.note,
  };
}

export function workingHours(vault: CaseVault, therapistId: string): WorkingHours[] {
  return (
    vault.db
      .prepare(
        `SELECT weekday, start_time, end_time FROM therapist_hours
         WHERE therapist_id = ? AND deleted_at IS NULL ORDER BY weekday, start_time`,
      )
      .all([therapistId]) as { weekday: Weekday; start_time: string; end_time: string }[]
  ).map((h) => ({ weekday: h.weekday, start: h.start_time, end: h.end_time }));
}

/** Leave overlapping [from, to] (calendar dates in the vault's zone, inclusive). */
export function availability(
  vault: CaseVault,
  timeZone: string,
  input: { therapistId: string; from: string; to: string },
): Availability {
  const leave = (
    vault.db
      .prepare(
        `SELECT * FROM therapist_leave WHERE therapist_id = ? AND deleted_at IS NULL
         AND start_at < ? AND end_at > ? ORDER BY start_at`,
      )
      .all([
        input.therapistId,
        startOfDay(addDaysTo(input.to, 1), timeZone),
        startOfDay(input.from, timeZone),
      ]) as unknown as LeaveRow[]
  ).map(toLeave);
  return { therapistId: input.therapistId, hours: workingHours(vault, input.therapistId), leave };
}

/** Replaces the weekly hours; spans of one weekday may not overlap, and each ends after it starts. */
export function setHours(
  vault: CaseVault,
  clock: Clock,
  input: { therapistId: string; hours: { weekday: number; start: string; end: string }[] },
): Availability {
  input.hours.forEach((span, i) => {
    if (span.end <= span.start) throw fieldError(`hours.${i}.end`, 'therapy.endBeforeStart');
    const overlapping = input.hours.findIndex(
      (other, j) =>
        j < i && other.weekday === span.weekday && other.start < span.end && span.start < other.end,
    );
    if (overlapping >= 0) throw fieldError(`hours.${i}.start`, 'therapy.hoursOverlap');
  });
  vault.data.transaction(() => {
    const old = vault.db
      .prepare('SELECT id FROM therapist_hours WHERE therapist_id = ? AND deleted_at IS NULL', {
        pluck: true,
      })
      .all([input.therapistId]) as string[];
    for (const id of old) vault.data.softDelete('therapist_hours', id);
    for (const span of input.hours)
      vault.data.insert('therapist_hours', {
        therapist_id: input.therapistId,
        weekday: span.weekday,
        start_time: span.start,
        end_time: span.end,
      });
  });
  return availability(vault, clock.timeZone, {
    therapistId: input.therapistId,
    from: clock.today,
    to: clock.today,
  });
}

export function saveLeave(
  vault: CaseVault,
  input: {
    id?: string | undefined;
    therapistId: string;
    kind: LeaveKind;
    startAt: string;
    endAt: string;
    note?: string | undefined;
  },
): TherapistLeave {
  const startAt = new Date(input.startAt).toISOString();
  const endAt = new Date(input.endAt).toISOString();
  if (endAt <= startAt) throw fieldError('endAt', 'therapy.endBeforeStart');
  const existing = input.id
    ? (vault.db
        .prepare('SELECT * FROM therapist_leave WHERE id = ? AND deleted_at IS NULL')
        .get([input.id]) as LeaveRow | undefined)
    : undefined;
  if (input.id && (!existing || existing.therapist_id !== input.therapistId)) throw notFound();
  const values = {
    therapist_id: input.therapistId,
    kind: input.kind,
    start_at: startAt,
    end_at: endAt,
    note: input.note || null,
  };
  const id = existing?.id ?? vault.data.insert('therapist_leave', values);
  if (existing) vault.data.update('therapist_leave', id, values);
  return toLeave(
    vault.db.prepare('SELECT * FROM therapist_leave WHERE id = ?').get([id]) as unknown as LeaveRow,
  );
}

export function removeLeave(vault: CaseVault, id: string): string {
  const therapistId = vault.db
    .prepare('SELECT therapist_id FROM therapist_leave WHERE id = ? AND deleted_at IS NULL', {
      pluck: true,
    })
    .get([id]) as string | undefined;
  if (!therapistId) throw notFound();
  vault.data.softDelete('therapist_leave', id);
  return therapistId;
}

// A report's period as instants: from the start of its first day to the start of the day after
// its last, in the vault's time zone; refused when reversed, too long or in the future.
import { calendarDaysBetween } from '../../../../shared/time';
import { REPORT_MAX_DAYS } from '../../../../shared/reports/vocabulary';
import { addDaysTo, FieldErrors, startOfDay, type Clock } from '../../records/actor';

export interface ReportPeriod {
  from: string;
  to: string;
  /** The first instant of the period. */
  start: string;
  /** The first instant after it, or now when the period runs to today. */
  end: string;
  days: number;
}

export function reportPeriod(input: { from: string; to: string }, clock: Clock): ReportPeriod {
  const errors = new FieldErrors();
  if (input.to < input.from) errors.add('to', 'report.periodOrder');
  else if (calendarDaysBetween(input.from, input.to) + 1 > REPORT_MAX_DAYS)
    errors.add('to', 'report.periodTooLong');
  errors.notFutureDate('to', input.to, clock).notFutureDate('from', input.from, clock);
  errors.throwIfAny();
  const start = startOfDay(input.from, clock.timeZone);
  const dayAfter = startOfDay(addDaysTo(input.to, 1), clock.timeZone);
  const end = dayAfter < clock.nowIso ? dayAfter : clock.nowIso;
  return {
    from: input.from,
    to: input.to,
    start,
    end,
    days: calendarDaysBetween(input.from, input.to) + 1,
  };
}

/** Milliseconds of [a, b) that fall inside [start, end). */
export function overlapMs(a: string, b: string | null, start: string, end: string): number {
  const from = Math.max(Date.parse(a), Date.parse(start));
  const to = Math.min(b === null ? Infinity : Date.parse(b), Date.parse(end));
  return Math.max(0, to - from);
}

// Date arithmetic and time-zone math, with date-fns, always in the vault's time zone. What people
// read is written by ./format (Intl, in their language).
import { format } from 'date-fns';
import { TZDate } from '@date-fns/tz';

/** A time of day as forms and the contract take it: 24-hour HH:MM. */
export const TIME_OF_DAY = /^([01]\d|2[0-3]):[0-5]\d$/;
/** How far an instant typed in a window may run ahead of the backend's clock ("not in the future"). */
export const CLOCK_SKEW_MS = 60_000;

/** An instant in the vault's zone as a machine value ('yyyy-MM-dd', 'HH:mm'); shown text goes through ./format. */
export function zonedFormat(isoInstant: string, timeZone: string, pattern: string): string {
  return format(new TZDate(isoInstant, timeZone), pattern);
}

/** Today's calendar date in the vault's time zone. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  return format(new TZDate(now, timeZone), 'yyyy-MM-dd');
}

/** UTC instant at the start of a calendar date in the vault's time zone. */
export function startOfDayInstant(isoDate: string, timeZone: string): string {
  return zonedInstant(isoDate, '00:00', timeZone);
}

/** UTC instant of a calendar date (YYYY-MM-DD) and wall-clock time (HH:mm) in the vault's zone. */
export function zonedInstant(isoDate: string, time: string, timeZone: string): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  return new Date(new TZDate(y, m - 1, d, hh, mm, timeZone).getTime()).toISOString();
}

/** Whole calendar days from one date (YYYY-MM-DD) to a later one; negative if it is earlier. */
export function calendarDaysBetween(fromIsoDate: string, toIsoDate: string): number {
  const utc = (iso: string) => {
    const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
    return Date.UTC(y, m - 1, d);
  };
  return Math.round((utc(toIsoDate) - utc(fromIsoDate)) / 86_400_000);
}

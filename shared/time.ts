// Date arithmetic and time-zone math, with date-fns, always in the vault's time zone. What people
// read is written by ./format (Intl, in their language).
import { format } from 'date-fns';
import { TZDate, tzOffset } from '@date-fns/tz';

/** A time of day as forms and the contract take it: 24-hour HH:MM. */
export const TIME_OF_DAY = /^([01]\d|2[0-3]):[0-5]\d$/;
/** How far an instant typed in a window may run ahead of the backend's clock ("not in the future"). */
export const CLOCK_SKEW_MS = 60_000;

/** An instant in the vault's zone as a machine value ('yyyy-MM-dd', 'HH:mm'); shown text goes through ./format. */
export function zonedFormat(isoInstant: string, timeZone: string, pattern: string): string {
  return format(new TZDate(isoInstant, timeZone), pattern);
}

/**
 * The calendar date (YYYY-MM-DD) of an instant in the vault's time zone: today's, by default.
 * Reports ask it of thousands of instants, and each offset look-up formats a date in the zone.
 */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  return wallClockIso(now.getTime(), timeZone).slice(0, 10);
}

/**
 * The wall-clock date and time of an instant in a zone, written as an ISO instant
 * ('yyyy-MM-ddTHH:mm:ss.sssZ', the Z not meant): what a calendar or a clock on the wall there shows.
 */
export function wallClockIso(ms: number, timeZone: string): string {
  return new Date(ms + offsetMinutes(timeZone, ms) * 60_000).toISOString();
}

/**
 * Every zone's offset, and every change of it, falls on a quarter hour of UTC, so an offset holds
 * for the whole UTC quarter hour around an instant: it is looked up once per quarter hour.
 */
const QUARTER_HOUR_MS = 900_000;
const MAX_CACHED_QUARTERS = 100_000;
const offsetsByZone = new Map<string, Map<number, number>>();

function offsetMinutes(timeZone: string, ms: number): number {
  let offsets = offsetsByZone.get(timeZone);
  if (!offsets) offsetsByZone.set(timeZone, (offsets = new Map()));
  const quarter = Math.floor(ms / QUARTER_HOUR_MS);
  let offset = offsets.get(quarter);
  if (offset === undefined) {
    if (offsets.size >= MAX_CACHED_QUARTERS) offsets.clear();
    offset = tzOffset(timeZone, new Date(quarter * QUARTER_HOUR_MS));
    offsets.set(quarter, offset);
  }
  return offset;
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

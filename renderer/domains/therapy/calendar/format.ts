// How the therapy screens write dates and times: in the screen's language, in the vault's zone.
import { formatInstant } from '../../../i18n/format';

/** "Mon 12/07" for a day column or an agenda day; the library hands the day's first instant. */
export function dayHeading(day: Date, timeZone: string): string {
  return formatInstant(day, timeZone, 'weekdayDay');
}

/** "9:00 AM – 10:00 AM" in the vault's zone. */
export function timeRange(startIso: string, endIso: string, timeZone: string): string {
  return `${formatInstant(startIso, timeZone, 'time')} – ${formatInstant(endIso, timeZone, 'time')}`;
}

/** "Tue 12/01/2026", the day an instant falls on in the vault's zone. */
export function dayOf(iso: string, timeZone: string): string {
  return formatInstant(iso, timeZone, 'weekdayDate');
}

/** "Tue 12/01/2026 9:00 AM" in the vault's zone. */
export function dayAndTime(iso: string, timeZone: string): string {
  return formatInstant(iso, timeZone, 'weekdayDateTime');
}

/** A time-axis label ("9 AM", "9:30 AM") from the slot's offset into the day. */
export function slotLabel(offsetMs: number): string {
  const minutes = Math.round(offsetMs / 60_000);
  // Any fixed day will do: only the wall-clock hour and minute are formatted, in UTC.
  const clock = new Date(Date.UTC(2000, 0, 1, Math.floor(minutes / 60), minutes % 60));
  return formatInstant(clock, 'UTC', minutes % 60 === 0 ? 'hour' : 'time');
}

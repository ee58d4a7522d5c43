// How the therapy screens write dates and times: date-fns, in the vault's time zone.
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';

/** "Mon 12/07" for a day column or an agenda day; the library hands the day's first instant. */
export function dayHeading(day: Date, timeZone: string): string {
  return format(new TZDate(day.getTime(), timeZone), 'EEE MM/dd');
}

/** "9:00 AM – 10:00 AM" in the vault's zone. */
export function timeRange(startIso: string, endIso: string, timeZone: string): string {
  const start = format(new TZDate(startIso, timeZone), 'h:mm a');
  const end = format(new TZDate(endIso, timeZone), 'h:mm a');
  return `${start} – ${end}`;
}

/** "Tue 12/01/2026", the day an instant falls on in the vault's zone. */
export function dayOf(iso: string, timeZone: string): string {
  return format(new TZDate(iso, timeZone), 'EEE MM/dd/yyyy');
}

/** "Tue 12/01/2026 9:00 AM" in the vault's zone. */
export function dayAndTime(iso: string, timeZone: string): string {
  return format(new TZDate(iso, timeZone), 'EEE MM/dd/yyyy h:mm a');
}

/** A time-axis label ("9 AM", "9:30 AM") from the slot's offset into the day. */
export function slotLabel(offsetMs: number): string {
  const minutes = Math.round(offsetMs / 60_000);
  // Any fixed day will do: only the wall-clock hour and minute are formatted.
  const clock = new Date(2000, 0, 1, Math.floor(minutes / 60), minutes % 60);
  return format(clock, minutes % 60 === 0 ? 'h a' : 'h:mm a');
}

// What the calendar shows: a view, the day it is anchored on, and the instants that covers.
import { addDays, format, parseISO, startOfISOWeek } from 'date-fns';
import type { SessionStatus } from '../../../../shared/therapy/vocabulary';
import { zonedInstant } from '../../../../shared/time';

export const CALENDAR_VIEWS = ['day', 'week', 'agenda'] as const;
export type CalendarView = (typeof CALENDAR_VIEWS)[number];

/** One session as the calendar draws it. */
export interface CalendarEntry {
  id: string;
  /** UTC instants. */
  start: string;
  end: string;
  /** What the row says: the child's case code and initials (or the group's name). */
  title: string;
  status: SessionStatus;
}

/** Calendar dates (YYYY-MM-DD, in the vault's zone) the view covers: [first, afterLast). */
export function viewDays(view: CalendarView, date: string): { first: string; afterLast: string } {
  const day = parseISO(date);
  if (view === 'day') return { first: date, afterLast: format(addDays(day, 1), 'yyyy-MM-dd') };
  const monday = startOfISOWeek(day);
  return {
    first: format(monday, 'yyyy-MM-dd'),
    afterLast: format(addDays(monday, 7), 'yyyy-MM-dd'),
  };
}

/** The UTC instants [from, to) of the view, for the backend's range query. */
export function viewRange(
  view: CalendarView,
  date: string,
  timeZone: string,
): { from: string; to: string } {
  const { first, afterLast } = viewDays(view, date);
  return {
    from: zonedInstant(first, '00:00', timeZone),
    to: zonedInstant(afterLast, '00:00', timeZone),
  };
}

/** The anchor one view-length earlier (-1) or later (+1). */
export function stepDate(view: CalendarView, date: string, direction: -1 | 1): string {
  return format(addDays(parseISO(date), (view === 'day' ? 1 : 7) * direction), 'yyyy-MM-dd');
}

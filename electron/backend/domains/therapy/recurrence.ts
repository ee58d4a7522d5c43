// A recurring series' occurrences: every N weeks on the chosen weekdays, from a start date, until
// a date or for a count. Dates are walked on the calendar, and each date's wall-clock time becomes
// an instant in the vault's zone, so the time stays put across any daylight-saving change; each
// occurrence then lasts its real minutes.
import { zonedInstant } from '../../../../shared/time';
import { addDaysTo, fieldError } from '../../records/actor';

export const MAX_OCCURRENCES = 104;

export interface RecurrenceRule {
  startDate: string;
  startTime: string;
  durationMinutes: number;
  intervalWeeks: number;
  weekdays: readonly number[];
  end: { kind: 'until'; date: string } | { kind: 'count'; count: number };
  skipDates?: readonly string[];
}

export interface Occurrence {
  /** The calendar date in the vault's time zone. */
  date: string;
  startAt: string;
  endAt: string;
}

export function endOf(startAt: string, minutes: number): string {
  return new Date(Date.parse(startAt) + minutes * 60_000).toISOString();
}

export function occurrenceAt(date: string, time: string, minutes: number, timeZone: string) {
  const startAt = zonedInstant(date, time, timeZone);
  return { date, startAt, endAt: endOf(startAt, minutes) };
}

/**
 * The occurrences in order. Skipped dates are left out without being replaced (as an excluded
 * date is in a calendar's rule), so a count counts the rule's dates. VALIDATION when the rule
 * gives none or more than MAX_OCCURRENCES.
 */
export function occurrencesOf(rule: RecurrenceRule, timeZone: string): Occurrence[] {
  // The walk is calendar arithmetic on dates (no zone in it); each date and time then becomes an
  // instant in the vault's zone (TZDate), which is where a daylight-saving change would show.
  const startWeekday = new Date(`${rule.startDate}T00:00:00Z`).getUTCDay() || 7;
  const firstMonday = addDaysTo(rule.startDate, 1 - startWeekday);
  const weekdays = [...new Set(rule.weekdays)].sort((a, b) => a - b);
  const skip = new Set(rule.skipDates ?? []);
  const { end } = rule;
  const out: Occurrence[] = [];
  let counted = 0;
  for (let week = 0; ; week += rule.intervalWeeks) {
    for (const weekday of weekdays) {
      const date = addDaysTo(firstMonday, week * 7 + weekday - 1);
      if (date < rule.startDate) continue;
      if (end.kind === 'until' ? date > end.date : counted >= end.count) {
        if (out.length === 0) throw fieldError('end', 'therapy.noOccurrences');
        return out;
      }
      counted += 1;
      if (counted > MAX_OCCURRENCES) throw fieldError('end', 'therapy.tooManyOccurrences');
      if (!skip.has(date))
        out.push(occurrenceAt(date, rule.startTime, rule.durationMinutes, timeZone));
    }
  }
}

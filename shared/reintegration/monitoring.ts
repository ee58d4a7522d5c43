// Post-reintegration monitoring: the follow-up visit schedule (a configurable cadence of steps,
// each "every n weeks or months until week or month m", counted from the discharge date), and the
// visit record's vocabulary. Pure, so the backend and tests share one definition.
import { addMonths, addWeeks, format, parseISO } from 'date-fns';
import { z } from 'zod';

export const CADENCE_UNITS = ['week', 'month'] as const;
export type CadenceUnit = (typeof CADENCE_UNITS)[number];

export const cadenceStepSchema = z.strictObject({
  unit: z.enum(CADENCE_UNITS),
  every: z.number().int().min(1, 'outOfRange').max(12, 'outOfRange'),
  /** The last week or month (from the discharge date) this step schedules. */
  until: z.number().int().min(1, 'outOfRange').max(60, 'outOfRange'),
});
export type CadenceStep = z.infer<typeof cadenceStepSchema>;
export const visitCadenceSchema = z.array(cadenceStepSchema).min(1, 'required').max(6, 'tooMany');

/** Weekly for 8 weeks, monthly until month 6, then every 2 months until month 12. */
export const DEFAULT_VISIT_CADENCE: readonly CadenceStep[] = [
  { unit: 'week', every: 1, until: 8 },
  { unit: 'month', every: 1, until: 6 },
  { unit: 'month', every: 2, until: 12 },
];

const step = (date: Date, unit: CadenceUnit, n: number) =>
  unit === 'week' ? addWeeks(date, n) : addMonths(date, n);

/**
 * The visit dates after a discharge on `start` (YYYY-MM-DD). Each step counts from the discharge
 * date, and its first visit comes one of its own intervals after the previous step's last one,
 * so the steps follow one another without a visit a few days after another. Months are calendar
 * months (31 January + 1 month is 28 or 29 February), so month and year ends hold.
 */
export function visitSchedule(start: string, cadence: readonly CadenceStep[]): string[] {
  const origin = parseISO(start);
  const dates: Date[] = [];
  for (const { unit, every, until } of cadence) {
    const end = step(origin, unit, until);
    const earliest =
      dates.length > 0 ? step(dates.at(-1)!, unit, every) : step(origin, unit, every);
    for (let n = every; step(origin, unit, n) <= end; n += every) {
      const date = step(origin, unit, n);
      if (date >= earliest) dates.push(date);
    }
  }
  return dates.map((d) => format(d, 'yyyy-MM-dd'));
}

// ---- Aftercare Outcomes due dates ---------------------------------------------------------------

/** When the outcomes instrument is due: at intake, `firstAfterMonths` later, then every `thenEveryMonths`. */
export interface OutcomesSchedule {
  firstAfterMonths: number;
  thenEveryMonths: number;
}
export const DEFAULT_OUTCOMES_SCHEDULE: OutcomesSchedule = {
  firstAfterMonths: 6,
  thenEveryMonths: 12,
};
/** How many days ahead the dashboards list an administration as coming due. */
export const OUTCOMES_DUE_SOON_DAYS = 30;

/**
 * The due date of administration `n` (0 at intake, 1 the first after it, …) for a child whose
 * intake was on `intake` (YYYY-MM-DD); calendar months, like the visit schedule.
 */
export function outcomesDueOn(intake: string, n: number, schedule: OutcomesSchedule): string {
  const months = n === 0 ? 0 : schedule.firstAfterMonths + (n - 1) * schedule.thenEveryMonths;
  return format(addMonths(parseISO(intake), months), 'yyyy-MM-dd');
}

// ---- the visit record -------------------------------------------------------------------------

export const RISK_CHANGES = ['better', 'same', 'worse'] as const;
export type RiskChange = (typeof RISK_CHANGES)[number];

/** Safety checks at every visit; a "no" to any creates an urgent task. */
export const SAFETY_CHECKS = ['noOffenderContact', 'childFeelsSafe', 'noSignsOfHarm'] as const;
export type SafetyCheck = (typeof SAFETY_CHECKS)[number];

export const SCHOOL_ATTENDANCE = ['regular', 'irregular', 'notAttending', 'notKnown'] as const;
export type SchoolAttendance = (typeof SCHOOL_ATTENDANCE)[number];

/** Whether a recorded visit calls for an urgent task: risk worse, or a safety check failed. */
export function needsUrgentTask(visit: {
  riskChange: RiskChange;
  safetyChecks: Record<SafetyCheck, boolean>;
}): boolean {
  return visit.riskChange === 'worse' || SAFETY_CHECKS.some((c) => !visit.safetyChecks[c]);
}

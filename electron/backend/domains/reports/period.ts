// What every shelter report starts from. Its period as instants: from the start of its first day
// to the start of the day after its last, in the vault's time zone; refused when reversed, too
// long or in the future. The shelters it covers, and the viewer's clock.
import { calendarDaysBetween } from '../../../../shared/time';
import { REPORT_MAX_DAYS } from '../../../../shared/reports/vocabulary';
import type { ShelterType } from '../../../../shared/shelters/vocabulary';
import {
  addDaysTo,
  clockFor,
  FieldErrors,
  startOfDay,
  type CaseActor,
  type CaseVault,
  type Clock,
} from '../../records/actor';
import { scopeShelterIds, seesAllShelters } from '../../records/scope';

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

export interface ShelterInfo {
  id: string;
  name: string;
  type: ShelterType;
  beds: number;
}

/** The shelters a report covers: the one asked for (scope checked by the router), or all the viewer's. */
export function reportShelters(vault: CaseVault, actor: CaseActor, shelterId: string | null): ShelterInfo[] {
  const ids = shelterId
    ? [shelterId]
    : seesAllShelters(actor)
      ? null
      : scopeShelterIds(vault, actor);
  return vault.db
    .prepare(
      `SELECT s.id, s.name, s.type,
              (SELECT count(*) FROM beds b WHERE b.shelter_id = s.id AND b.deleted_at IS NULL) AS beds
       FROM shelters s
       WHERE s.deleted_at IS NULL AND ($all OR s.id IN (SELECT value FROM json_each($ids)))
       ORDER BY s.name COLLATE NOCASE`,
    )
    .all({ all: ids === null ? 1 : 0, ids: JSON.stringify(ids ?? []) }) as unknown as ShelterInfo[];
}

/** A shelter report's start: the viewer's clock, the period checked, and the shelters it covers. */
export function shelterReportBasis(
  vault: CaseVault,
  actor: CaseActor,
  input: { shelterId: string | null; from: string; to: string },
): { clock: Clock; period: ReportPeriod; shelters: ShelterInfo[] } {
  const clock = clockFor(vault, actor);
  const period = reportPeriod(input, clock);
  return { clock, period, shelters: reportShelters(vault, actor, input.shelterId) };
}

/** Ids as one JSON array, for SQL's json_each. */
export const jsonIds = (values: Iterable<string>) => JSON.stringify([...values]);

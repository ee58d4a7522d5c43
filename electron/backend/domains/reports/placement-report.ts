// The shelter placement report: occupancy (now, on average, day by day), admissions, transfers
// and discharges, length of stay, bed utilisation and the children in care in the period, for
// one shelter or every shelter the viewer may report on. Names only when asked for, by a role
// that may see them, and only for children in the viewer's scope.
import type { PlacementReport, PlacementReportChild } from '../../../../shared/reports/contract';
import { mayIncludeNames } from '../../../../shared/reports/vocabulary';
import { AppError } from '../../../../shared/errors';
import {
  DISCHARGE_DESTINATIONS,
  type DischargeDestination,
} from '../../../../shared/shelters/vocabulary';
import { calendarDaysBetween } from '../../../../shared/time';
import {
  addDaysTo,
  dateOf,
  startOfDay,
  type CaseActor,
  type CaseVault,
} from '../../records/actor';
import { visibleChildIds } from '../../records/scope';
import { overlapMs, shelterReportBasis, type ReportPeriod, type ShelterInfo } from './period';
import { staysOverlapping, type Stay } from './stays';

const DAY_MS = 86_400_000;

export interface PlacementReportInput {
  shelterId: string | null;
  from: string;
  to: string;
  includeNames: boolean;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

function median(sorted: number[]): number | null {
  if (sorted.length === 0) return null;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : round1((sorted[mid - 1]! + sorted[mid]!) / 2);
}

const within = (instant: string | null, period: ReportPeriod) =>
  instant !== null && instant >= period.start && instant < period.end;

const stayMs = (stay: Stay, period: ReportPeriod) =>
  stay.intervals.reduce((sum, i) => sum + overlapMs(i.startAt, i.endAt, period.start, period.end), 0);

/**
 * Children placed at the end of each day of the period (now, for today). One pass over the
 * stays: each placement counts from the first day it covers to the first it no longer does (a
 * stay's placements follow one another, so a day's instant falls in one of them at most).
 */
function dailyOccupancy(stays: Stay[], period: ReportPeriod, timeZone: string) {
  const days: { date: string; at: string }[] = [];
  for (let date = period.from; date <= period.to; date = addDaysTo(date, 1)) {
    const dayEnd = new Date(Date.parse(startOfDay(addDaysTo(date, 1), timeZone)) - 1).toISOString();
    days.push({ date, at: dayEnd < period.end ? dayEnd : period.end });
  }
  /** The first day whose instant is at or after `instant` (the instants never go back). */
  const firstDayFrom = (instant: string) => {
    let low = 0;
    let high = days.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (days[mid]!.at < instant) low = mid + 1;
      else high = mid;
    }
    return low;
  };
  const change = new Array<number>(days.length + 1).fill(0);
  for (const stay of stays)
    for (const placement of stay.intervals) {
      const first = firstDayFrom(placement.startAt);
      const end = placement.endAt === null ? days.length : firstDayFrom(placement.endAt);
      if (first >= end) continue;
      change[first]! += 1;
      change[end]! -= 1;
    }
  let placed = 0;
  return days.map(({ date }, i) => ({ date, count: (placed += change[i]!) }));
}

function placedNow(vault: CaseVault, shelters: ShelterInfo[]): number {
  return Number(
    vault.db
      .prepare(
        `SELECT count(*) FROM placements
         WHERE end_at IS NULL AND deleted_at IS NULL
           AND shelter_id IN (SELECT value FROM json_each(?))`,
        { pluck: true },
      )
      .get([JSON.stringify(shelters.map((s) => s.id))]),
  );
}

function childNames(vault: CaseVault, actor: CaseActor, ids: string[]): Map<string, string> {
  const visible = [...visibleChildIds(vault, actor, ids)];
  const rows = vault.db
    .prepare(
      `SELECT id, legal_name, preferred_name FROM children
       WHERE id IN (SELECT value FROM json_each(?))`,
    )
    .all([JSON.stringify(visible)]) as { id: string; legal_name: string; preferred_name: string | null }[];
  return new Map(rows.map((r) => [r.id, r.legal_name || r.preferred_name || '']));
}

export function placementReport(
  vault: CaseVault,
  actor: CaseActor,
  input: PlacementReportInput,
  generatedBy: string,
): PlacementReport {
  if (input.includeNames && !mayIncludeNames(actor.role)) throw new AppError('FORBIDDEN', 'forbidden');
  const { clock, period, shelters } = shelterReportBasis(vault, actor, input);
  const shelterName = new Map(shelters.map((s) => [s.id, s.name]));
  const stays = staysOverlapping(
    vault,
    shelters.map((s) => s.id),
    period.start,
    period.end,
  );
  const periodMs = Date.parse(period.end) - Date.parse(period.start);

  const byDestination = Object.fromEntries(DISCHARGE_DESTINATIONS.map((d) => [d, 0])) as Record<
    DischargeDestination,
    number
  >;
  let admissions = 0;
  let transfersIn = 0;
  let transfersOut = 0;
  let discharges = 0;
  const lengths: number[] = [];
  let occupiedMs = 0;
  for (const stay of stays) {
    occupiedMs += stayMs(stay, period);
    if (within(stay.startAt, period)) {
      if (stay.entry === 'admission') admissions += 1;
      else transfersIn += 1;
    }
    if (within(stay.endAt, period) && stay.exit !== null) {
      if (stay.exit === 'transfer') transfersOut += 1;
      else {
        discharges += 1;
        byDestination[stay.exit] += 1;
      }
      lengths.push(
        calendarDaysBetween(dateOf(stay.startAt, clock.timeZone), dateOf(stay.endAt!, clock.timeZone)),
      );
    }
  }
  lengths.sort((a, b) => a - b);
  const beds = shelters.reduce((sum, s) => sum + s.beds, 0);
  const bedDays = round1((beds * periodMs) / DAY_MS);
  const occupiedDays = round1(occupiedMs / DAY_MS);

  const codes = vault.db
    .prepare(
      `SELECT id, case_code, alias AS initials FROM children WHERE id IN (SELECT value FROM json_each(?))`,
    )
    .all([JSON.stringify([...new Set(stays.map((s) => s.childId))])]) as {
    id: string;
    case_code: string;
    initials: string;
  }[];
  const codeOf = new Map(codes.map((c) => [c.id, c]));
  const includeNames = input.includeNames;
  const names = includeNames ? childNames(vault, actor, [...codeOf.keys()]) : new Map<string, string>();
  const children = stays
    .map((stay): PlacementReportChild => {
      const child = codeOf.get(stay.childId)!;
      return {
        caseCode: child.case_code,
        initials: child.initials,
        name: includeNames ? (names.get(stay.childId) ?? null) : null,
        shelterName: shelterName.get(stay.shelterId)!,
        startAt: stay.startAt,
        endAt: stay.endAt,
        daysInPeriod: Math.round(stayMs(stay, period) / DAY_MS),
        // The list shows each stay whole (its end may lie after the period), so its exit too.
        exit: stay.exit,
      };
    })
    .sort(
      (a, b) =>
        a.shelterName.localeCompare(b.shelterName) ||
        a.caseCode.localeCompare(b.caseCode) ||
        a.startAt.localeCompare(b.startAt),
    );

  return {
    kind: 'placement',
    from: period.from,
    to: period.to,
    shelterId: input.shelterId,
    shelters,
    namesIncluded: includeNames,
    generatedAt: clock.nowIso,
    generatedBy,
    timeZone: clock.timeZone,
    occupancy: {
      today: placedNow(vault, shelters),
      average: periodMs > 0 ? round1(occupiedMs / periodMs) : 0,
      series: dailyOccupancy(stays, period, clock.timeZone),
    },
    movements: { admissions, transfersIn, transfersOut, discharges, byDestination },
    lengthOfStay: {
      stays: lengths.length,
      medianDays: median(lengths),
      minDays: lengths[0] ?? null,
      maxDays: lengths.at(-1) ?? null,
    },
    bedUtilisation: {
      bedDays,
      occupiedDays,
      percent: bedDays > 0 ? round1((occupiedDays / bedDays) * 100) : null,
    },
    children,
  };
}

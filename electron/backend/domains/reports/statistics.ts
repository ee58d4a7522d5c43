// Anonymised statistics for donors and government: counts by month, sex, age band, shelter type,
// discharge destination and the modality of therapy plans in force, for one shelter or every shelter the viewer may
// report on. Counts only, and every count from 1 to 4 is suppressed ("<5") here, before it
// leaves the backend: no name, case code, initials or date of birth is ever read into the answer.
import type { StatisticsCount, StatisticsReport } from '../../../../shared/reports/contract';
import {
  AGE_BANDS,
  ageBand,
  suppress,
  type AgeBand,
} from '../../../../shared/reports/vocabulary';
import { SEXES } from '../../../../shared/children/vocabulary';
import {
  DISCHARGE_DESTINATIONS,
  SHELTER_TYPES,
} from '../../../../shared/shelters/vocabulary';
import { MODALITIES } from '../../../../shared/therapy/vocabulary';

import { addDaysTo, dateOf, type CaseActor, type CaseVault } from '../../records/actor';
import { shelterReportBasis } from './period';
import { PLAN_IN_FORCE, planInForceParams } from './plans-in-force';
import { staysOverlapping } from './stays';

interface ChildFacts {
  id: string;
  sex: string;
  birth_kind: 'dob' | 'estimated';
  date_of_birth: string | null;
  estimated_age_years: number | null;
  estimated_as_of: string | null;
}

/** Whole years from `from` to `to` (calendar dates). */
function yearsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  return ty - fy - (tm < fm || (tm === fm && td < fd) ? 1 : 0);
}

function ageOn(child: ChildFacts, date: string): number {
  if (child.birth_kind === 'dob' && child.date_of_birth) return yearsBetween(child.date_of_birth, date);
  return (child.estimated_age_years ?? 0) + yearsBetween(child.estimated_as_of ?? date, date);
}

/** Every key of `keys` with its suppressed count (zeros kept, so the table never changes shape). */
function counted(keys: readonly string[], counts: Map<string, number>): StatisticsCount[] {
  return keys.map((key) => ({ key, count: suppress(counts.get(key) ?? 0) }));
}

function tally(values: Iterable<string>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
}

function monthsOf(from: string, to: string): string[] {
  const months: string[] = [];
  for (let date = `${from.slice(0, 7)}-01`; date <= to; ) {
    months.push(date.slice(0, 7));
    const next = addDaysTo(date, 32);
    date = `${next.slice(0, 7)}-01`;
  }
  return months;
}

export function statisticsReport(
  vault: CaseVault,
  actor: CaseActor,
  input: { shelterId: string | null; from: string; to: string },
  generatedBy: string,
): StatisticsReport {
  const { clock, period, shelters } = shelterReportBasis(vault, actor, input);
  const typeOf = new Map(shelters.map((s) => [s.id, s.type]));
  const stays = staysOverlapping(
    vault,
    shelters.map((s) => s.id),
    period.start,
    period.end,
  );
  const within = (instant: string | null) =>
    instant !== null && instant >= period.start && instant < period.end;
  const childIds = [...new Set(stays.map((s) => s.childId))];
  const children = vault.db
    .prepare(
      `SELECT id, sex, birth_kind, date_of_birth, estimated_age_years, estimated_as_of
       FROM children WHERE id IN (SELECT value FROM json_each(?))`,
    )
    .all([JSON.stringify(childIds)]) as unknown as ChildFacts[];
  // The modalities of the plans in force during the period, once per child.
  const modalities = vault.db
    .prepare(
      `SELECT DISTINCT p.child_id, p.modality FROM therapy_plans p
       WHERE ${PLAN_IN_FORCE} AND p.child_id IN (SELECT value FROM json_each($children))`,
    )
    .all({ ...planInForceParams(period), children: JSON.stringify(childIds) }) as {
    child_id: string;
    modality: string;
  }[];

  const admissions = stays.filter((s) => s.entry === 'admission' && within(s.startAt));
  const discharges = stays.filter((s) => within(s.endAt) && s.exit !== null && s.exit !== 'transfer');
  const bands = children.map((c): AgeBand => ageBand(ageOn(c, period.to)));
  const typePairs = new Set(stays.map((s) => `${s.childId}|${typeOf.get(s.shelterId)}`));

  return {
    kind: 'statistics',
    from: period.from,
    to: period.to,
    shelterId: input.shelterId,
    shelters: shelters.map((s) => ({ name: s.name, type: s.type })),
    generatedAt: clock.nowIso,
    generatedBy,
    timeZone: clock.timeZone,
    childrenInCare: suppress(childIds.length),
    admissionsByMonth: counted(
      monthsOf(period.from, period.to),
      tally(admissions.map((s) => dateOf(s.startAt, clock.timeZone).slice(0, 7))),
    ),
    bySex: counted(SEXES, tally(children.map((c) => c.sex))),
    byAgeBand: counted(AGE_BANDS, tally(bands)),
    byShelterType: counted(SHELTER_TYPES, tally([...typePairs].map((p) => p.split('|')[1]!))),
    dischargesByDestination: counted(
      DISCHARGE_DESTINATIONS,
      tally(discharges.map((s) => s.exit as string)),
    ),
    byModality: counted(MODALITIES, tally(modalities.map((m) => m.modality))),
  };
}


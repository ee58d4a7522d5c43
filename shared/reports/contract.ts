// The reports domain's procedures: report data for the print path and the audit of every print
// and export. Merged into `procedures` by shared/contract.ts; see it for the shape of a procedure.
import { z } from 'zod';
import { idOf, isoDateSchema } from '../ids';
import type { Role } from '../roles';
import { procedure } from '../procedure';
import type { DischargeDestination, ShelterType } from '../shelters/vocabulary';
import {
  REPORT_KINDS,
  REPORT_OUTPUTS,
  type Cell,
  type ReportKind,
  type ReportOutput,
} from './vocabulary';

/** Who runs reports: the coordinator, a caseworker for their shelters, the administrator. */
const REPORTERS: readonly Role[] = ['admin', 'coordinator', 'caseworker'];

/** A report's period: calendar dates in the vault's time zone, both included. */
export const periodSchema = z.strictObject({ from: isoDateSchema, to: isoDateSchema });

/** Who generated a report and when: printed on every page. */
export interface ReportStamp {
  generatedAt: string;
  generatedBy: string;
  timeZone: string;
}

export interface ReportShelter {
  id: string;
  name: string;
  type: ShelterType;
  beds: number;
}

/** How a child's stay in a shelter ended within the period (null: still there at its end). */
export type StayExit = DischargeDestination | 'transfer';

export interface PlacementReportChild {
  caseCode: string;
  initials: string;
  /** Only when names were asked for, and only for a child the viewer may see. */
  name: string | null;
  shelterName: string;
  /** The stay's first and last instants (the stay may reach beyond the period). */
  startAt: string;
  endAt: string | null;
  daysInPeriod: number;
  exit: StayExit | null;
}

export interface PlacementReport extends ReportStamp {
  kind: 'placement';
  from: string;
  to: string;
  /** Null: every shelter the viewer may report on. */
  shelterId: string | null;
  shelters: ReportShelter[];
  namesIncluded: boolean;
  occupancy: {
    /** Children placed now. */
    today: number;
    /** Child-days in the period over its days, one decimal. */
    average: number;
    /** Children placed at the end of each day of the period (or now, for today). */
    series: { date: string; count: number }[];
  };
  movements: {
    admissions: number;
    transfersIn: number;
    transfersOut: number;
    discharges: number;
    byDestination: Record<DischargeDestination, number>;
  };
  /** Over stays that ended in the period, in whole days. */
  lengthOfStay: { stays: number; medianDays: number | null; minDays: number | null; maxDays: number | null };
  bedUtilisation: { bedDays: number; occupiedDays: number; percent: number | null };
  children: PlacementReportChild[];
}

/** One count by a code, already suppressed by the backend. */
export interface StatisticsCount {
  key: string;
  count: Cell;
}

/**
 * Anonymised statistics: counts only, every one from 1 to 4 shown as "<5". No name, case code,
 * initials or date of birth, nor anything else about one child.
 */
export interface StatisticsReport extends ReportStamp {
  kind: 'statistics';
  from: string;
  to: string;
  shelterId: string | null;
  shelters: { name: string; type: ShelterType }[];
  childrenInCare: Cell;
  admissionsByMonth: StatisticsCount[];
  bySex: StatisticsCount[];
  byAgeBand: StatisticsCount[];
  byShelterType: StatisticsCount[];
  dischargesByDestination: StatisticsCount[];
  byModality: StatisticsCount[];
}

export const reportsProcedures = {
  /** The shelter placement report; every run is audited (with whether names were included). */
  'reports.placement': procedure<PlacementReport>()({
    input: periodSchema.extend({
      shelterId: idOf('shelter').nullable(),
      includeNames: z.boolean(),
    }),
    access: REPORTERS,
    kind: 'query',
    auditView: true,
  }),
  /** Anonymised statistics (counts, small cells suppressed); every run is audited. */
  'reports.statistics': procedure<StatisticsReport>()({
    input: periodSchema.extend({ shelterId: idOf('shelter').nullable() }),
    access: REPORTERS,
    kind: 'query',
    auditView: true,
  }),
  /** Records a print, a saved PDF or a CSV export: who, which report, period, sections, names. */
  'reports.recordOutput': procedure<null>()({
    input: periodSchema.extend({
      report: z.enum(REPORT_KINDS),
      output: z.enum(REPORT_OUTPUTS),
      shelterId: idOf('shelter').nullable(),
      sections: z.array(z.string().regex(/^[a-zA-Z]{1,40}$/, 'invalid')).max(20, 'tooMany'),
      includeNames: z.boolean(),
      /** A CSV carrying case codes or initials: administrators only, after a confirmation. */
      identifiable: z.boolean(),
    }),
    access: REPORTERS,
    kind: 'mutation',
  }),
} as const;

export type { ReportKind, ReportOutput };

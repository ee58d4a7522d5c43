// The reports domain's procedures: report data for the print path and the audit of every print
// and export. Merged into `procedures` by shared/contract.ts; see it for the shape of a procedure.
import { z } from 'zod';
import { idOf, isoDateSchema } from '../ids';
import { languageSchema } from '../languages';
import type { Role } from '../roles';
import { procedure } from '../procedure';
import {
  ACCESS_REQUEST_ROLES,
  STAFF_ACCESS_REQUEST_ROLES,
  accessRequestProcedures,
  staffAccessRequestProcedures,
} from './access-request';
import type { DischargeDestination, ShelterType } from '../shelters/vocabulary';
import type { ChildStatus, IntakeHeldWhere, LegalEventKind } from '../children/vocabulary';
import type {
  Modality,
  PlanStatus,
  SessionKind,
  SessionStatus,
  TfCbtPhase,
} from '../therapy/vocabulary';
import {
  HISTORY_SECTIONS,
  REPORT_KINDS,
  type HistorySection,
  REPORT_OUTPUTS,
  type Cell,
  type ReportKind,
  type ReportOutput,
} from './vocabulary';

/** Who runs reports: the coordinator, a caseworker for their shelters, the administrator. */
const REPORTERS: readonly Role[] = ['admin', 'coordinator', 'caseworker'];

/**
 * The therapy report: the coordinator (who prints it), a caseworker and a therapist, each for
 * the children in their scope (a therapist's caseload).
 */
const THERAPY_READERS: readonly Role[] = ['coordinator', 'caseworker', 'therapist'];

/** A child's placement history: the case team, for the children in their scope. */
const HISTORY_READERS: readonly Role[] = ['coordinator', 'caseworker'];

/** Who may run each report (and so record its print, PDF or CSV). */
export const REPORT_ROLES: Record<ReportKind, readonly Role[]> = {
  placement: REPORTERS,
  placementHistory: HISTORY_READERS,
  therapy: THERAPY_READERS,
  reintegration: HISTORY_READERS,
  statistics: REPORTERS,
  accessRequest: ACCESS_REQUEST_ROLES,
  staffAccessRequest: STAFF_ACCESS_REQUEST_ROLES,
};

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
  /** How the stay ended, even after the period; null while it goes on. */
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

/** How a placement began: a first admission (or re-admission), a transfer, a move to another bed. */
export type HistoryEntry = 'admission' | 'transfer' | 'bedMove';

/**
 * One child's placement history over a period, for a court, DSWD or a receiving agency: case
 * code and initials, never the names. The intake account and the family's safety details only
 * when their sections were asked for (null otherwise); never clinical notes.
 */
export interface PlacementHistoryReport extends ReportStamp {
  kind: 'placementHistory';
  from: string;
  to: string;
  child: { id: string; caseCode: string; initials: string; status: ChildStatus };
  caseworker: string | null;
  sections: HistorySection[];
  /** Every placement that overlaps the period, oldest first. */
  placements: {
    shelterName: string;
    startAt: string;
    endAt: string | null;
    entry: HistoryEntry;
    reason: string;
  }[];
  /** Moves to another shelter within the period, with the reason given for each. */
  transfers: { at: string; fromShelter: string; toShelter: string; reason: string }[];
  discharges: { at: string; shelterName: string; destination: DischargeDestination }[];
  legalEvents: { date: string; kind: LegalEventKind; court: string; caseNumber: string }[];
  /** Where the account is held and its reference (null for one recorded before they were asked). */
  intake: {
    account: string;
    recordedAt: string;
    heldWhere: IntakeHeldWhere | null;
    reference: string | null;
  } | null;
  familySafety:
    | {
        name: string;
        relationship: string;
        allegedOffenderSince: string | null;
        allegedOffender: boolean;
        noContactOrderDate: string | null;
        noContactOrder: boolean;
      }[]
    | null;
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

/**
 * Attendance over the sessions held or missed in the period: attended, no-shows and the
 * child's own cancellations (late or not). Sessions the clinician cancelled or moved do not
 * count against a child; past sessions still marked scheduled are counted as not recorded.
 */
export interface AttendanceFigures {
  due: number;
  attended: number;
  noShow: number;
  cancelled: number;
  notRecorded: number;
  /** Attended over due, whole percent; null when nothing was due. */
  percent: number | null;
}

/** What a session's attendance is counted under: its plan's modality, or no plan. */
export type AttendanceModality = Modality | 'noPlan';

/**
 * The therapy report: a summary first (attendance per shelter, therapist and modality), then,
 * for one shelter or one therapist's own caseload, the schedule of the period's last week and
 * attendance per child, and where each plan in force during the period stands. Children by case code and
 * initials; never a note, a plan's goals or a cancellation's reason.
 */
export interface TherapyReport extends ReportStamp {
  kind: 'therapy';
  from: string;
  to: string;
  shelterId: string | null;
  shelters: ReportShelter[];
  /**
   * Whether the schedule and attendance per child are given: for one shelter (chosen, or the
   * only one in scope), or a therapist's own caseload. Over all shelters they would list every
   * session and child, so they are empty.
   */
  detailed: boolean;
  /**
   * The days the schedule lists (calendar dates, both included): the period's last seven, or
   * all of a shorter period. A long period's every session would run to hundreds of pages.
   */
  scheduleDays: { from: string; to: string };
  /**
   * When detailed, the sessions of `scheduleDays` with a child in the viewer's scope, oldest
   * first.
   */
  sessions: {
    startAt: string;
    endAt: string;
    therapistName: string;
    shelterName: string | null;
    room: string | null;
    kind: SessionKind;
    modality: AttendanceModality;
    status: SessionStatus;
    /** The case codes of its children in the viewer's scope. */
    children: string[];
  }[];
  attendance: {
    /** Per shelter (null: sessions held outside a shelter), with its number of sessions. */
    byShelter: ({ shelterName: string | null; sessions: number } & AttendanceFigures)[];
    /** When detailed only. */
    byChild: ({ caseCode: string; initials: string } & AttendanceFigures)[];
    byTherapist: ({ therapistName: string } & AttendanceFigures)[];
    byModality: ({ modality: AttendanceModality } & AttendanceFigures)[];
  };
  /**
   * Plans in force during the period (started by its end; a completed or closed plan's last
   * session on or after its start): session n of N and the TF-CBT phase at its end.
   */
  plans: {
    caseCode: string;
    initials: string;
    therapistName: string;
    modality: Modality;
    status: PlanStatus;
    session: number;
    planned: number;
    phase: TfCbtPhase | null;
    phaseNumber: number | null;
  }[];
}

/** A child as the reintegration report lists one: case code and initials. */
export interface ReportChild {
  caseCode: string;
  initials: string;
}

/** What waits for a coordinator's approval: an assessment submitted, or a closure proposed. */
export type PendingApproval = 'readiness' | 'outcomes' | 'closure';

/**
 * The reintegration and monitoring report. Visits scheduled in the period against those done;
 * the lists as they stood on `asOf` (the period's last day, or today while it runs), except the
 * approvals still waiting, which are today's. Never an observation, answer or comment.
 */
export interface ReintegrationReport extends ReportStamp {
  kind: 'reintegration';
  from: string;
  to: string;
  shelterId: string | null;
  shelters: ReportShelter[];
  asOf: string;
  /** Aftercare Outcomes administrations due within OUTCOMES_DUE_SOON_DAYS of `asOf`, or overdue. */
  assessmentsDue: (ReportChild & { administration: number; dueOn: string; daysOverdue: number })[];
  approvalsPending: (ReportChild & { kind: PendingApproval; since: string })[];
  /** Children whose follow-up visits run during the period. */
  inAftercare: (ReportChild & {
    firstDueOn: string;
    lastDueOn: string;
    scheduled: number;
    done: number;
  })[];
  /** Visits due in the period, and how many of them were done by `asOf`. */
  visits: { scheduled: number; done: number; percent: number | null };
  /** Visits due in the period before `asOf` and not done by then. */
  overdueVisits: (ReportChild & { dueOn: string; daysOverdue: number })[];
}

export const reportsProcedures = {
  ...accessRequestProcedures,
  ...staffAccessRequestProcedures,
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
  /** One child's placement history; the optional sections only for a role allowed them; audited. */
  'reports.placementHistory': procedure<PlacementHistoryReport>()({
    input: periodSchema.extend({
      childId: idOf('child'),
      sections: z.array(z.enum(HISTORY_SECTIONS)).max(HISTORY_SECTIONS.length, 'tooMany'),
    }),
    access: HISTORY_READERS,
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
  /** The therapy report (schedule, attendance, plan progress; never note content); audited. */
  'reports.therapy': procedure<TherapyReport>()({
    input: periodSchema.extend({ shelterId: idOf('shelter').nullable() }),
    access: THERAPY_READERS,
    kind: 'query',
    auditView: true,
  }),
  /** The reintegration and monitoring report (due, pending, visits); audited. */
  'reports.reintegration': procedure<ReintegrationReport>()({
    input: periodSchema.extend({ shelterId: idOf('shelter').nullable() }),
    access: HISTORY_READERS,
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
      /** The language it was printed in, chosen in the print dialog. */
      language: languageSchema,
    }),
    /** Whoever runs one of the reports; the handler checks the role may run this one. */
    access: [...new Set(Object.values(REPORT_ROLES).flat())],
    kind: 'mutation',
  }),
  /**
   * Records a printed or saved placement history: who, which child, period and sections (it has
   * no CSV: it is one child's record, not a table for a spreadsheet).
   */
  'reports.recordHistoryOutput': procedure<null>()({
    input: periodSchema.extend({
      childId: idOf('child'),
      output: z.enum(['print', 'pdf']),
      sections: z.array(z.enum(HISTORY_SECTIONS)).max(HISTORY_SECTIONS.length, 'tooMany'),
      /** The language it was printed in, chosen in the print dialog. */
      language: languageSchema,
    }),
    access: HISTORY_READERS,
    kind: 'mutation',
  }),
} as const;

export type { ReportKind, ReportOutput };

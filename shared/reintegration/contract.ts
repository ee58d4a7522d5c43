// The reintegration domain's procedures: assessment instruments (shipped and imported), readiness
// and outcomes assessments with their approval workflow, the coordinator's override of the age
// rule, and the review queue. Merged into `procedures` by shared/contract.ts.
import { z } from 'zod';
import { idOf, isoDateSchema } from '../ids';
import { procedure } from '../procedure';
import { todayPanelInput, type TodayCaseRow, type TodayPanelPage } from '../today';
import type { Role } from '../roles';
import { optionalText, requiredText, safeText, type TextOptions } from '../text';
import {
  answerSchema,
  instrumentCodeSchema,
  type AssessmentScore,
  type InstrumentEntry,
} from './instruments';
import {
  AFTERCARE_SERVICES,
  HOUSEHOLD_KINDS,
  PLAN_STAGES,
  STAGE_STATUSES,
  OVERRIDE_REASON_MIN,
  RECOMMENDATIONS,
  type AssessmentStatus,
  type HouseholdKind,
  type AftercareService,
  type ClosureStatus,
  type PlanStage,
  type Recommendation,
} from './vocabulary';
import {
  RISK_CHANGES,
  SAFETY_CHECKS,
  SCHOOL_ATTENDANCE,
  visitCadenceSchema,
  type RiskChange,
  type SafetyCheck,
  type SchoolAttendance,
} from './monitoring';

const CASE_TEAM: readonly Role[] = ['coordinator', 'caseworker'];
const COORDINATOR: readonly Role[] = ['coordinator'];
const multiline = { multiline: true } as const;

export interface AssessmentReview {
  at: string;
  byName: string | null;
  decision: 'returned' | 'approved';
  comment: string | null;
}

/** Plan text: always present, empty when nothing is written yet. */
const planText = (max: number) => safeText(multiline).trim().max(max, 'tooLong');
const stageSchema = z.strictObject({
  plannedOn: isoDateSchema.nullable(),
  status: z.enum(STAGE_STATUSES),
  responsible: safeText().trim().max(200, 'tooLong'),
});

/**
 * The recommendation's reintegration plan: each stage's date, status and who is responsible, the
 * services arranged for after the return, and the people responsible for the whole plan.
 */
export const reintegrationPlanSchema = z.strictObject({
  stages: z.strictObject(
    Object.fromEntries(PLAN_STAGES.map((s) => [s, stageSchema])) as Record<
      PlanStage,
      typeof stageSchema
    >,
  ),
  services: z.strictObject(
    Object.fromEntries(AFTERCARE_SERVICES.map((s) => [s, planText(1000)])) as Record<
      AftercareService,
      ReturnType<typeof planText>
    >,
  ),
  responsible: planText(1000),
});
export type ReintegrationPlan = z.infer<typeof reintegrationPlanSchema>;

/** A plan with nothing in it yet. */
export function emptyPlan(): ReintegrationPlan {
  return {
    stages: Object.fromEntries(
      PLAN_STAGES.map((s) => [s, { plannedOn: null, status: 'notStarted', responsible: '' }]),
    ) as ReintegrationPlan['stages'],
    services: Object.fromEntries(
      AFTERCARE_SERVICES.map((s) => [s, '']),
    ) as ReintegrationPlan['services'],
    responsible: '',
  };
}

export interface Assessment {
  id: string;
  childId: string;
  instrumentCode: string;
  instrumentVersion: number;
  status: AssessmentStatus;
  /** Readiness assessments: whose home, and which of the child's family members live there. */
  household: { kind: HouseholdKind; label: string; memberIds: string[] } | null;
  visitDates: string[];
  interviewed: string;
  answers: Record<string, number | 'notKnown'>;
  /** Evidence notes, by domain key. */
  evidence: Record<string, string>;
  childVoice: {
    consulted: boolean | null;
    how: string;
    whyNot: string;
    wishes: string;
  };
  recommendation: Recommendation | null;
  plan: ReintegrationPlan;
  /** Scored with the flags on the household as they are now. */
  score: AssessmentScore;
  createdBy: string | null;
  createdByName: string | null;
  submittedAt: string | null;
  reviews: AssessmentReview[];
  /** The coordinator's override of the age rule, when one was made. */
  ageOverride: { reason: string; byName: string | null; at: string } | null;
}

export interface QueueEntry {
  id: string;
  childId: string;
  caseCode: string;
  instrumentCode: string;
  householdLabel: string | null;
  submittedAt: string;
  submittedByName: string | null;
}

const assessmentFields = {
  visitDates: z.array(isoDateSchema).max(20, 'tooMany'),
  interviewed: optionalText(1000, multiline),
  answers: z.record(z.string().max(40), answerSchema),
  evidence: z.record(z.string().max(40), safeText(multiline).max(4000, 'tooLong')),
  childConsulted: z.boolean().nullable(),
  consultedHow: optionalText(2000, multiline),
  notConsultedWhy: optionalText(2000, multiline),
  childWishes: optionalText(4000, multiline),
  recommendation: z.enum(RECOMMENDATIONS).nullable(),
  /** Absent: the plan stays as it was (empty for a new draft). */
  plan: reintegrationPlanSchema.optional(),
};

export const assessmentSaveSchema = z.strictObject({
  /** Absent for a new draft. */
  id: idOf('reintegrationAssessment').optional(),
  childId: idOf('child'),
  instrumentCode: instrumentCodeSchema,
  instrumentVersion: z.number().int().min(1),
  household: z
    .strictObject({
      kind: z.enum(HOUSEHOLD_KINDS),
      label: optionalText(200),
      memberIds: z.array(idOf('familyMember')).max(30, 'tooMany'),
    })
    .nullable(),
  ...assessmentFields,
});
export type AssessmentSaveInput = z.infer<typeof assessmentSaveSchema>;

/** Set by an administrator; the defaults apply until then. */
export const reintegrationPolicySchema = z.strictObject({
  /** Days from an approved assessment's last home visit after which it no longer allows a discharge. */
  assessmentMaxAgeDays: z.number().int().min(1, 'outOfRange').max(365, 'outOfRange'),
  /** The follow-up visits a discharge to family or kinship care schedules. */
  visitCadence: visitCadenceSchema,
  /** Aftercare Outcomes: due at intake, this many months later, then every so many months. */
  outcomesFirstAfterMonths: z.number().int().min(1, 'outOfRange').max(24, 'outOfRange'),
  outcomesThenEveryMonths: z.number().int().min(1, 'outOfRange').max(36, 'outOfRange'),
  /**
   * The domain score every domain of the last outcomes assessment must reach for closure; null
   * keeps each instrument's own (Aftercare Outcomes: 3.0).
   */
  closureThreshold: z.number().min(-10, 'outOfRange').max(10, 'outOfRange').nullable(),
});
export type ReintegrationPolicy = z.infer<typeof reintegrationPolicySchema>;

const byId = z.strictObject({ id: idOf('reintegrationAssessment') });

export interface AftercareVisit {
  id: string;
  childId: string;
  dueOn: string;
  /** Null until the visit is recorded. */
  record: {
    visitedOn: string;
    visitedBy: string;
    childSeen: boolean;
    seenAlone: boolean;
    safetyChecks: Record<SafetyCheck, boolean>;
    schoolAttendance: SchoolAttendance;
    observations: string;
    riskChange: RiskChange;
    followUp: string;
  } | null;
}

export interface OverdueVisit extends TodayCaseRow {
  id: string;
  dueOn: string;
  daysOverdue: number;
}

/** A child's next Aftercare Outcomes administration, due or coming due. */
export interface OutcomesDue extends TodayCaseRow {
  /** 0 at intake, 1 the first after it, and so on. */
  administration: number;
  dueOn: string;
  /** Negative while it is still ahead. */
  daysOverdue: number;
}

/** Where a child's case stands on closure: what the proposal needs, and the proposals made. */
export interface ClosureState {
  /**
   * The case is in aftercare monitoring, so a proposal also waits for monitoring's end and the
   * outcomes threshold; any other open case not placed in a shelter needs only the proposal.
   */
  monitored: boolean;
  /** The case is closed, so it may be reopened with a reason. */
  canReopen: boolean;
  /** Every scheduled follow-up visit was made and the last one's due date has come. */
  monitoringEnded: boolean;
  /** The last approved outcomes assessment, and whether every domain meets the threshold. */
  lastOutcomes: { id: string; approvedAt: string; meetsClosure: boolean } | null;
  /** A proposal may be made now (open, not placed, none pending; if monitored, its rules met). */
  canPropose: boolean;
  /** Newest first. */
  closures: CaseClosure[];
}

export interface CaseClosure {
  id: string;
  childId: string;
  status: ClosureStatus;
  reason: string;
  closingNote: string;
  childView: string;
  familyView: string;
  proposedByName: string | null;
  proposedBy: string | null;
  proposedAt: string;
  decidedByName: string | null;
  decidedAt: string | null;
  declineComment: string | null;
  reopenReason: string | null;
  reopenedByName: string | null;
  reopenedAt: string | null;
}

const closureText = (max: number, options: TextOptions = multiline) =>
  safeText(options).trim().min(1, 'required').max(max, 'tooLong');
export const closureProposalSchema = z.strictObject({
  childId: idOf('child'),
  reason: closureText(500, {}),
  closingNote: closureText(4000),
  childView: closureText(4000),
  familyView: closureText(4000),
});
export type ClosureProposalInput = z.infer<typeof closureProposalSchema>;
export const closureDeclineSchema = z.strictObject({
  childId: idOf('child'),
  comment: closureText(2000),
});
export const reopenSchema = z.strictObject({
  childId: idOf('child'),
  reason: closureText(2000),
});

export const visitRecordSchema = z.strictObject({
  id: idOf('aftercareVisit'),
  visitedOn: isoDateSchema,
  visitedBy: requiredText(200),
  childSeen: z.boolean(),
  seenAlone: z.boolean(),
  safetyChecks: z.strictObject(
    Object.fromEntries(SAFETY_CHECKS.map((c) => [c, z.boolean()])) as Record<
      SafetyCheck,
      z.ZodBoolean
    >,
  ),
  schoolAttendance: z.enum(SCHOOL_ATTENDANCE),
  observations: optionalText(4000, multiline),
  riskChange: z.enum(RISK_CHANGES),
  followUp: optionalText(2000, multiline),
});
export type VisitRecordInput = z.infer<typeof visitRecordSchema>;

export const reintegrationProcedures = {
  'reintegration.instruments': procedure<InstrumentEntry[]>()({
    input: z.strictObject({}),
    access: ['admin', 'coordinator', 'caseworker'],
    kind: 'query',
  }),
  'reintegration.importInstrument': procedure<InstrumentEntry>()({
    input: z.strictObject({ definition: safeText(multiline).max(200_000, 'tooLong') }),
    access: ['admin'],
    kind: 'mutation',
  }),
  'reintegration.list': procedure<Assessment[]>()({
    input: z.strictObject({ childId: idOf('child') }),
    access: CASE_TEAM,
    kind: 'query',
  }),
  /** Creates or autosaves a draft (or a returned assessment being revised). */
  'reintegration.save': procedure<Assessment>()({
    input: assessmentSaveSchema,
    access: CASE_TEAM,
    kind: 'mutation',
  }),
  'reintegration.submit': procedure<Assessment>()({
    input: byId,
    access: CASE_TEAM,
    kind: 'mutation',
  }),
  'reintegration.approve': procedure<Assessment>()({
    input: byId,
    access: COORDINATOR,
    kind: 'mutation',
  }),
  'reintegration.return': procedure<Assessment>()({
    input: z.strictObject({
      id: idOf('reintegrationAssessment'),
      comment: safeText(multiline).trim().min(1, 'required').max(2000, 'tooLong'),
    }),
    access: COORDINATOR,
    kind: 'mutation',
  }),
  /** Lets an approved assessment older than the age rule allow a discharge; nothing else. */
  'reintegration.overrideAge': procedure<Assessment>()({
    input: z.strictObject({
      id: idOf('reintegrationAssessment'),
      reason: safeText(multiline)
        .trim()
        .min(OVERRIDE_REASON_MIN, 'reintegration.overrideReason')
        .max(1000, 'tooLong'),
    }),
    access: COORDINATOR,
    kind: 'mutation',
  }),
  'reintegration.policy': procedure<ReintegrationPolicy>()({
    input: z.strictObject({}),
    access: ['admin', 'coordinator', 'caseworker'],
    kind: 'query',
  }),
  'reintegration.setPolicy': procedure<ReintegrationPolicy>()({
    input: reintegrationPolicySchema,
    access: ['admin'],
    kind: 'mutation',
  }),
  /** A child's follow-up visits, by due date. */
  'reintegration.visits': procedure<AftercareVisit[]>()({
    input: z.strictObject({ childId: idOf('child') }),
    access: CASE_TEAM,
    kind: 'query',
  }),
  /** Records a visit; a worse risk or a failed safety check also creates urgent tasks. */
  'reintegration.recordVisit': procedure<AftercareVisit>()({
    input: visitRecordSchema,
    access: CASE_TEAM,
    kind: 'mutation',
  }),
  /** Visits past their due date and not recorded, of the children the caller sees. */
  'reintegration.overdueVisits': procedure<TodayPanelPage<OverdueVisit>>()({
    input: todayPanelInput,
    access: CASE_TEAM,
    kind: 'query',
  }),
  /** Next Aftercare Outcomes administrations past due or due soon, of the children the caller sees. */
  'reintegration.outcomesDue': procedure<TodayPanelPage<OutcomesDue>>()({
    input: todayPanelInput,
    access: CASE_TEAM,
    kind: 'query',
  }),
  /** The child's closure: what a proposal needs, and the proposals made. */
  'reintegration.closure': procedure<ClosureState>()({
    input: z.strictObject({ childId: idOf('child') }),
    access: CASE_TEAM,
    kind: 'query',
  }),
  /**
   * Proposes closing a case not placed in a shelter; one in aftercare only once monitoring has
   * ended and the last outcomes meet the threshold.
   */
  'reintegration.proposeClosure': procedure<CaseClosure>()({
    input: closureProposalSchema,
    access: CASE_TEAM,
    kind: 'mutation',
  }),
  /** A coordinator other than the proposer closes the case. */
  'reintegration.approveClosure': procedure<CaseClosure>()({
    input: z.strictObject({ childId: idOf('child') }),
    access: COORDINATOR,
    kind: 'mutation',
  }),
  'reintegration.declineClosure': procedure<CaseClosure>()({
    input: closureDeclineSchema,
    access: COORDINATOR,
    kind: 'mutation',
  }),
  /** Reopens a closed case with a reason, back to the status it was closed from. */
  'reintegration.reopenCase': procedure<ClosureState>()({
    input: reopenSchema,
    access: CASE_TEAM,
    kind: 'mutation',
  }),
  /** Submitted assessments waiting for a coordinator, oldest first. */
  'reintegration.queue': procedure<QueueEntry[]>()({
    input: z.strictObject({}),
    access: COORDINATOR,
    kind: 'query',
  }),
} as const;

export type { AssessmentScore, InstrumentEntry };

declare module '../ids' {
  interface IdKinds {
    /** A readiness or outcomes assessment and a follow-up visit: visible when their child is. */
    reintegration: 'reintegrationAssessment' | 'aftercareVisit';
  }
}

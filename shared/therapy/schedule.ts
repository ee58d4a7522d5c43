// The therapy domain's scheduling procedures (plans, availability, sessions, recurring series,
// conflicts, calendars). Merged into `therapyProcedures` by ./contract.ts; see shared/contract.ts
// for the shape of a procedure. Instants are UTC; calendar dates and times of day are in the
// vault's time zone.
import { z } from 'zod';
import { idOf, isoDateSchema } from '../ids';
import type { Role } from '../roles';
import { procedure } from '../procedure';
import { TIME_OF_DAY } from '../time';
import { optionalText, requiredText, safeText } from '../text';
import type { LegalEventKind } from '../children/vocabulary';
import { OVERRIDE_REASON_MIN } from '../shelters/vocabulary';
import {
  FREQUENCIES,
  MODALITIES,
  PLAN_STATUSES,
  PLANNED_SESSIONS,
  PRACTICE_COMPONENTS,
  SESSION_MINUTES,
  THERAPIST_GENDERS,
  TIMES_OF_DAY,
  type Frequency,
  type HardConflict,
  type Modality,
  type PlanProgress,
  type PlanStatus,
  type PracticeComponent,
  type SessionKind,
  type SessionStatus,
  type TherapistGender,
  type TimeOfDay,
} from './vocabulary';

/** Who plans and schedules therapy: the case team and the therapists. */
const SCHEDULERS: readonly Role[] = ['coordinator', 'caseworker', 'therapist'];

const multiline = { multiline: true } as const;
export const timeOfDaySchema = z.string().regex(TIME_OF_DAY, 'invalid');
/** A UTC instant, e.g. 2026-11-29T02:00:00.000Z. */
export const therapyInstantSchema = z.iso.datetime({ message: 'invalid' });
export const overrideReasonSchema = safeText(multiline)
  .trim()
  .min(OVERRIDE_REASON_MIN, 'override.tooShort')
  .max(500, 'tooLong')
  .optional();

// ---- output types ---------------------------------------------------------------------------

/** A child as a therapist's lists show one: case code and initials, never a name. */
export interface TherapyChild {
  id: string;
  caseCode: string;
  initials: string;
}

export interface TherapistSummary {
  id: string;
  displayName: string;
}

export interface TherapyPreferences {
  therapistGender: TherapistGender;
  language: string | null;
  timeOfDay: TimeOfDay;
}

export interface TherapyPlan {
  id: string;
  child: TherapyChild;
  therapist: TherapistSummary;
  modality: Modality;
  goals: string;
  frequency: Frequency;
  /** How often, in words, when the frequency is 'custom'. */
  customFrequency: string | null;
  sessionMinutes: number;
  plannedSessions: number;
  preferences: TherapyPreferences;
  status: PlanStatus;
  startedOn: string;
  /** e.g. phase 2 (trauma narrative), session 7 of 14, from the attended sessions. */
  progress: PlanProgress;
  updatedAt: string;
}

/** A row of the caseload: a child with their active plans. */
export interface CaseloadRow {
  child: TherapyChild;
  plans: { id: string; modality: Modality; therapistName: string; progress: PlanProgress }[];
}

// ---- input schemas ---------------------------------------------------------------------------

export const planFieldsSchema = z.strictObject({
  id: idOf('therapyPlan').optional(),
  childId: idOf('child'),
  therapistId: idOf('therapist'),
  modality: z.enum(MODALITIES),
  goals: requiredText(2000, multiline),
  frequency: z.enum(FREQUENCIES),
  customFrequency: optionalText(200),
  sessionMinutes: z
    .number()
    .int()
    .min(SESSION_MINUTES.min, 'therapy.sessionMinutes')
    .max(SESSION_MINUTES.max, 'therapy.sessionMinutes')
    .default(SESSION_MINUTES.default),
  plannedSessions: z
    .number()
    .int()
    .min(PLANNED_SESSIONS.min, 'therapy.plannedSessions')
    .max(PLANNED_SESSIONS.max, 'therapy.plannedSessions'),
  preferences: z
    .strictObject({
      therapistGender: z.enum(THERAPIST_GENDERS).default('no_preference'),
      language: optionalText(50),
      timeOfDay: z.enum(TIMES_OF_DAY).default('no_preference'),
    })
    .default({ therapistGender: 'no_preference', timeOfDay: 'no_preference' }),
  status: z.enum(PLAN_STATUSES).default('active'),
  startedOn: isoDateSchema,
  overrideReason: overrideReasonSchema,
});

export const scheduleProcedures = {
  /** The therapists a plan or a session can name. */
  'therapy.therapists': procedure<TherapistSummary[]>()({
    input: z.strictObject({}),
    access: SCHEDULERS,
    kind: 'query',
  }),
  /** The children on the caller's therapy caseload (a therapist) or in their scope with a plan. */
  'therapy.caseload': procedure<CaseloadRow[]>()({
    input: z.strictObject({}),
    access: SCHEDULERS,
    kind: 'query',
  }),
  /** Create or change a plan; changing the therapist mid-plan is a soft rule. */
  'therapy.savePlan': procedure<TherapyPlan>()({
    input: planFieldsSchema,
    access: SCHEDULERS,
    kind: 'mutation',
  }),
  /** A child's plans, newest first. */
  'therapy.plans': procedure<TherapyPlan[]>()({
    input: z.strictObject({ childId: idOf('child') }),
    access: SCHEDULERS,
    kind: 'query',
  }),
} as const;

export { PRACTICE_COMPONENTS };
export type { HardConflict, LegalEventKind, PracticeComponent, SessionKind, SessionStatus };

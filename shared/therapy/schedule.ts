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
  CANCELLED_STATUSES,
  FREQUENCIES,
  LEAVE_KINDS,
  SERIES_SCOPES,
  SESSION_KINDS,
  SESSION_STATUSES,
  type LeaveKind,
  type TherapyRules,
  type Weekday,
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

/** Who sees plans, schedules and attendance: the case team (in their scope) and the therapists. */
const VIEWERS: readonly Role[] = ['coordinator', 'caseworker', 'therapist'];
/** Who plans and schedules therapy, and keeps therapists' hours and leave. */
const SCHEDULERS: readonly Role[] = ['coordinator', 'therapist'];

const THERAPIST: readonly Role[] = ['therapist'];
const ADMIN: readonly Role[] = ['admin'];

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

/** Children in care whom no active plan covers yet, at most UNPLANNED_LIMIT of them. */
export interface UnplannedChildren {
  rows: TherapyChild[];
  total: number;
}
export const UNPLANNED_LIMIT = 100;

/** A row of the caseload: a child with their active plans. */
export interface CaseloadRow {
  child: TherapyChild;
  plans: { id: string; modality: Modality; therapistName: string; progress: PlanProgress }[];
}

export interface WorkingHours {
  weekday: Weekday;
  start: string;
  end: string;
}

export interface TherapistLeave {
  id: string;
  therapistId: string;
  kind: LeaveKind;
  startAt: string;
  endAt: string;
  note: string | null;
}

export interface Availability {
  therapistId: string;
  hours: WorkingHours[];
  /** Leave and blocked time that overlaps the range asked for. */
  leave: TherapistLeave[];
}

/** A session as calendars, histories and the Today panel show it. */
export interface TherapySession {
  id: string;
  seriesId: string | null;
  planId: string | null;
  therapist: TherapistSummary;
  kind: SessionKind;
  startAt: string;
  endAt: string;
  shelterId: string | null;
  room: string | null;
  status: SessionStatus;
  /** Why it was cancelled, missed or rescheduled. */
  statusReason: string | null;
  /** The children the viewer may see; a busy slot of other children shows none. */
  children: TherapyChild[];
  /** A conjoint session's caregiver (relationship only). */
  caregiver: { id: string; relationship: string } | null;
  plannedComponents: PracticeComponent[];
  components: PracticeComponent[];
  /** A soft rule was set aside with a typed reason when it was booked. */
  overridden: boolean;
}

/** A hard conflict, named: what clashes, and when. */
export interface Clash {
  kind: HardConflict;
  /** The occupied time (the other session, the leave) or the occurrence itself (outside hours). */
  startAt: string;
  endAt: string;
  /** The child who is double-booked (one the caller named). */
  child: TherapyChild | null;
  room: string | null;
  leaveKind: LeaveKind | null;
}

/** One occurrence of a proposed series (or a single session), with what stands in its way. */
export interface OccurrenceCheck {
  /** The calendar date in the vault's time zone. */
  date: string;
  startAt: string;
  endAt: string;
  conflicts: Clash[];
  /** Soft rules it breaks, as `softRule.therapy.<rule>` keys. */
  warnings: string[];
}

export interface SeriesResult {
  seriesId: string;
  sessions: TherapySession[];
}

export interface Slot {
  startAt: string;
  endAt: string;
}

/** What a therapist needs to schedule a child: never the intake account. */
export interface ChildScheduling {
  child: TherapyChild & { age: number; ageEstimated: boolean };
  placement: { shelterId: string; shelterName: string; since: string } | null;
  legalEvents: { id: string; kind: LegalEventKind; date: string; time: string | null }[];
  /** Family members who may join a conjoint session (never an alleged offender or under no-contact). */
  caregivers: { id: string; name: string; relationship: string }[];
}

/** The therapist's home: today's sessions (session notes add what is left to sign). */
export interface TodayPanel {
  date: string;
  sessions: TherapySession[];
}

// ---- input schemas ---------------------------------------------------------------------------

export const therapyRulesSchema = z.strictObject({
  nearTestimony: z.strictObject({ enabled: z.boolean(), days: z.number().int().min(0).max(14) }),
  tooManyPerWeek: z.strictObject({ enabled: z.boolean(), max: z.number().int().min(1).max(14) }),
  therapistChange: z.strictObject({ enabled: z.boolean() }),
  lateForYoungChild: z.strictObject({
    enabled: z.boolean(),
    endAfter: timeOfDaySchema,
    underAge: z.number().int().min(1).max(18),
  }),
});

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

const componentsSchema = z.array(z.enum(PRACTICE_COMPONENTS)).max(8, 'tooMany');
export const durationSchema = z
  .number()
  .int()
  .min(15, 'therapy.duration')
  .max(240, 'therapy.duration');
const roomSchema = optionalText(80);
const reasonSchema = requiredText(500, multiline);

/** Who, what and where: shared by a single session and a series. */
const bookingFields = {
  therapistId: idOf('therapist'),
  planId: idOf('therapyPlan').optional(),
  kind: z.enum(SESSION_KINDS),
  /** One child for an individual or conjoint session, two or more for a group. */
  childIds: z.array(idOf('child')).min(1, 'required').max(12, 'tooMany'),
  /** A conjoint session's caregiver, from the child's family list. */
  caregiverId: idOf('familyMember').optional(),
  durationMinutes: durationSchema,
  room: roomSchema,
  /** What the session is meant to work on (TF-CBT components): the testimony rule reads it. */
  plannedComponents: componentsSchema.default([]),
};

export const seriesRuleSchema = z.strictObject({
  ...bookingFields,
  startDate: isoDateSchema,
  startTime: timeOfDaySchema,
  intervalWeeks: z.number().int().min(1, 'therapy.interval').max(8, 'therapy.interval'),
  weekdays: z.array(z.number().int().min(1).max(7)).min(1, 'required').max(7, 'tooMany'),
  end: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('until'), date: isoDateSchema }),
    z.strictObject({
      kind: z.literal('count'),
      count: z.number().int().min(1, 'therapy.count').max(104, 'therapy.count'),
    }),
  ]),
  /** Dates (in the vault's zone) left out of the series, e.g. the clashing ones. */
  skipDates: z.array(isoDateSchema).max(104, 'tooMany').default([]),
});

export const CALENDAR_VIEWS = ['therapist', 'shelter', 'child'] as const;
export type CalendarBy = (typeof CALENDAR_VIEWS)[number];

const sessionRef = { sessionId: idOf('therapySession'), scope: z.enum(SERIES_SCOPES) };

export const scheduleProcedures = {
  /** The therapists a plan or a session can name. */
  'therapy.therapists': procedure<TherapistSummary[]>()({
    input: z.strictObject({}),
    access: VIEWERS,
    kind: 'query',
  }),
  /** The children on the caller's therapy caseload (a therapist) or in their scope with a plan. */
  'therapy.caseload': procedure<CaseloadRow[]>()({
    input: z.strictObject({}),
    access: VIEWERS,
    kind: 'query',
  }),
  /**
   * The children the caller may plan for (a therapist: those placed in their shelters or on their
   * caseload) who are placed now and have no active plan: where a first plan starts.
   */
  'therapy.unplanned': procedure<UnplannedChildren>()({
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
    access: VIEWERS,
    kind: 'query',
  }),
  /** What a therapist needs to schedule the child: placement, legal dates, conjoint caregivers. */
  'therapy.childScheduling': procedure<ChildScheduling>()({
    input: z.strictObject({ childId: idOf('child') }),
    access: VIEWERS,
    kind: 'query',
  }),

  // ---- availability ----
  'therapy.availability': procedure<Availability>()({
    input: z.strictObject({
      therapistId: idOf('therapist'),
      from: isoDateSchema,
      to: isoDateSchema,
    }),
    access: VIEWERS,
    kind: 'query',
  }),
  /** Replaces the therapist's weekly working hours. */
  'therapy.setHours': procedure<Availability>()({
    input: z.strictObject({
      therapistId: idOf('therapist'),
      hours: z
        .array(
          z.strictObject({
            weekday: z.number().int().min(1).max(7),
            start: timeOfDaySchema,
            end: timeOfDaySchema,
          }),
        )
        .max(21, 'tooMany'),
    }),
    access: SCHEDULERS,
    kind: 'mutation',
  }),
  'therapy.saveLeave': procedure<TherapistLeave>()({
    input: z.strictObject({
      id: idOf('therapyLeave').optional(),
      therapistId: idOf('therapist'),
      kind: z.enum(LEAVE_KINDS),
      startAt: therapyInstantSchema,
      endAt: therapyInstantSchema,
      note: optionalText(300),
    }),
    access: SCHEDULERS,
    kind: 'mutation',
  }),
  'therapy.removeLeave': procedure<null>()({
    input: z.strictObject({ id: idOf('therapyLeave') }),
    access: SCHEDULERS,
    kind: 'mutation',
  }),

  // ---- sessions and series ----
  /** Every occurrence of a proposed series with its clashes and warnings; saves nothing. */
  'therapy.checkSeries': procedure<OccurrenceCheck[]>()({
    input: seriesRuleSchema,
    access: SCHEDULERS,
    kind: 'query',
  }),
  /** Books every occurrence as its own session; refused if any clashes (check first). */
  'therapy.createSeries': procedure<SeriesResult>()({
    input: seriesRuleSchema.extend({ overrideReason: overrideReasonSchema }),
    access: SCHEDULERS,
    kind: 'mutation',
  }),
  /** One session, outside any series. */
  'therapy.schedule': procedure<TherapySession>()({
    input: z.strictObject({
      ...bookingFields,
      startAt: therapyInstantSchema,
      overrideReason: overrideReasonSchema,
    }),
    access: SCHEDULERS,
    kind: 'mutation',
  }),
  /**
   * Moves or changes one occurrence, this and the following ones, or the whole series; only
   * sessions still scheduled change. A new date applies to 'one' only.
   */
  'therapy.editSessions': procedure<TherapySession[]>()({
    input: z.strictObject({
      ...sessionRef,
      date: isoDateSchema.optional(),
      startTime: timeOfDaySchema.optional(),
      durationMinutes: durationSchema.optional(),
      room: roomSchema.nullable(),
      plannedComponents: componentsSchema.optional(),
      overrideReason: overrideReasonSchema,
    }),
    access: SCHEDULERS,
    kind: 'mutation',
  }),
  /** Cancels one occurrence, this and the following ones, or the rest of the series. */
  'therapy.cancelSessions': procedure<TherapySession[]>()({
    input: z.strictObject({
      ...sessionRef,
      status: z.enum(CANCELLED_STATUSES),
      reason: reasonSchema,
    }),
    access: SCHEDULERS,
    kind: 'mutation',
  }),
  /** Attendance and what the session covered; a missed or cancelled session needs a reason. */
  'therapy.recordSession': procedure<TherapySession>()({
    input: z.strictObject({
      sessionId: idOf('therapySession'),
      status: z.enum(SESSION_STATUSES),
      reason: optionalText(500, multiline),
      components: componentsSchema.default([]),
    }),
    access: SCHEDULERS,
    kind: 'mutation',
  }),
  /** The next times the therapist, every child and the room are all free. */
  'therapy.findSlots': procedure<Slot[]>()({
    input: z.strictObject({
      therapistId: idOf('therapist'),
      childIds: z.array(idOf('child')).max(12, 'tooMany').default([]),
      room: roomSchema,
      durationMinutes: durationSchema,
      fromDate: isoDateSchema,
      days: z.number().int().min(1).max(60).default(14),
      limit: z.number().int().min(1).max(20).default(5),
    }),
    access: SCHEDULERS,
    kind: 'query',
  }),

  // ---- reads ----
  /** Day, week or agenda: the sessions of a therapist, a shelter or a child between two dates. */
  'therapy.calendar': procedure<TherapySession[]>()({
    input: z.strictObject({
      /** Whose calendar: the id of the same name is required (any other is ignored). */
      by: z.enum(CALENDAR_VIEWS),
      therapistId: idOf('therapist').optional(),
      shelterId: idOf('shelter').optional(),
      childId: idOf('child').optional(),
      from: isoDateSchema,
      /** Inclusive; at most 62 days after `from`. */
      to: isoDateSchema,
    }),
    access: VIEWERS,
    kind: 'query',
  }),
  /** A child's sessions, newest first. */
  'therapy.history': procedure<TherapySession[]>()({
    input: z.strictObject({ childId: idOf('child') }),
    access: VIEWERS,
    kind: 'query',
  }),
  'therapy.today': procedure<TodayPanel>()({
    input: z.strictObject({}),
    access: THERAPIST,
    kind: 'query',
  }),

  // ---- the soft rules' settings ----
  'therapy.rules': procedure<TherapyRules>()({
    input: z.strictObject({}),
    access: ['admin', ...VIEWERS],
    kind: 'query',
  }),
  'therapy.saveRules': procedure<TherapyRules>()({
    input: therapyRulesSchema,
    access: ADMIN,
    kind: 'mutation',
  }),
} as const;

export { PRACTICE_COMPONENTS };
export type { HardConflict, LegalEventKind, PracticeComponent, SessionKind, SessionStatus };

// The therapy domain's vocabulary (plans, availability, sessions, series, scheduling rules).
// Values are stable codes; labels live in the renderer's i18n catalogue.

export const MODALITIES = [
  'tf_cbt',
  'emdr',
  'play_therapy',
  'art_therapy',
  'group',
  'counselling',
  'other',
] as const;
export type Modality = (typeof MODALITIES)[number];

export const FREQUENCIES = ['weekly', 'fortnightly', 'custom'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

export const SESSION_MINUTES = { min: 45, max: 90, default: 60 } as const;
export const PLANNED_SESSIONS = { min: 8, max: 25 } as const;

export const THERAPIST_GENDERS = ['no_preference', 'female', 'male'] as const;
export type TherapistGender = (typeof THERAPIST_GENDERS)[number];
export const TIMES_OF_DAY = ['no_preference', 'morning', 'afternoon', 'evening'] as const;
export type TimeOfDay = (typeof TIMES_OF_DAY)[number];

export const PLAN_STATUSES = ['active', 'completed', 'closed'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

/** TF-CBT's components, which spell PRACTICE. */
export const PRACTICE_COMPONENTS = [
  'psychoeducation_parenting',
  'relaxation',
  'affect_modulation',
  'cognitive_coping',
  'trauma_narrative',
  'in_vivo_mastery',
  'conjoint_sessions',
  'enhancing_safety',
] as const;
export type PracticeComponent = (typeof PRACTICE_COMPONENTS)[number];

export const TF_CBT_PHASES = ['stabilisation', 'trauma_narrative', 'integration'] as const;
export type TfCbtPhase = (typeof TF_CBT_PHASES)[number];

/** Which phase each component belongs to. */
export const PHASE_OF_COMPONENT: Record<PracticeComponent, TfCbtPhase> = {
  psychoeducation_parenting: 'stabilisation',
  relaxation: 'stabilisation',
  affect_modulation: 'stabilisation',
  cognitive_coping: 'stabilisation',
  trauma_narrative: 'trauma_narrative',
  in_vivo_mastery: 'integration',
  conjoint_sessions: 'integration',
  enhancing_safety: 'integration',
};

/** Components that expose the child to trauma memories: kept away from court testimony. */
export const EXPOSURE_COMPONENTS: readonly PracticeComponent[] = [
  'trauma_narrative',
  'in_vivo_mastery',
];

export const SESSION_KINDS = ['individual', 'group', 'conjoint'] as const;
export type SessionKind = (typeof SESSION_KINDS)[number];

export const SESSION_STATUSES = [
  'scheduled',
  'attended',
  'cancelled',
  'late_cancelled',
  'no_show',
  'clinician_cancelled',
  'rescheduled',
] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];
/** Statuses that free the time; each needs a reason. */
export const CANCELLED_STATUSES = [
  'cancelled',
  'late_cancelled',
  'clinician_cancelled',
  'rescheduled',
] as const satisfies readonly SessionStatus[];
/** Statuses whose session still holds the therapist, the children and the room. */
export const BOOKED_STATUSES = [
  'scheduled',
  'attended',
] as const satisfies readonly SessionStatus[];

export function isBooked(status: SessionStatus): boolean {
  return (BOOKED_STATUSES as readonly SessionStatus[]).includes(status);
}

export function needsCancellationReason(status: SessionStatus): boolean {
  return status !== 'scheduled' && status !== 'attended';
}

/** What an edit or a cancellation of one occurrence reaches. */
export const SERIES_SCOPES = ['one', 'following', 'all'] as const;
export type SeriesScope = (typeof SERIES_SCOPES)[number];

export const LEAVE_KINDS = ['leave', 'blocked'] as const;
export type LeaveKind = (typeof LEAVE_KINDS)[number];

/** ISO weekdays: 1 Monday … 7 Sunday. */
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export const HARD_CONFLICTS = [
  'therapistBusy',
  'childBusy',
  'roomBusy',
  'outsideHours',
  'onLeave',
] as const;
export type HardConflict = (typeof HARD_CONFLICTS)[number];

export const THERAPY_SOFT_RULES = [
  'nearTestimony',
  'tooManyPerWeek',
  'therapistChange',
  'lateForYoungChild',
] as const;
export type TherapySoftRule = (typeof THERAPY_SOFT_RULES)[number];

/** The soft rules' settings, which an administrator changes; the defaults are the issue's. */
export interface TherapyRules {
  nearTestimony: { enabled: boolean; days: number };
  tooManyPerWeek: { enabled: boolean; max: number };
  therapistChange: { enabled: boolean };
  lateForYoungChild: { enabled: boolean; endAfter: string; underAge: number };
}

export const DEFAULT_THERAPY_RULES: TherapyRules = {
  nearTestimony: { enabled: true, days: 1 },
  tooManyPerWeek: { enabled: true, max: 3 },
  therapistChange: { enabled: true },
  lateForYoungChild: { enabled: true, endAfter: '18:00', underAge: 12 },
};

/** NEEDS_OVERRIDE `warnings` entries: `softRule.therapy.<rule>`. */
export function therapySoftRuleWarning(rule: TherapySoftRule): string {
  return `softRule.therapy.${rule}`;
}

/** Where a TF-CBT course stands, from the components its attended sessions covered. */
export interface PlanProgress {
  /** 1-based number of the latest attended session, 0 before the first. */
  session: number;
  planned: number;
  /** The phase of the latest component covered; null for a non-TF-CBT plan or before any. */
  phase: TfCbtPhase | null;
  /** 1, 2 or 3, matching `phase`. */
  phaseNumber: number | null;
  covered: PracticeComponent[];
}

/**
 * Progress of a course: the attended sessions, in order, and the components each covered. The
 * phase is the furthest one reached (phases run in order; a later session may revisit earlier skills).
 */
export function planProgress(
  modality: Modality,
  planned: number,
  attended: readonly (readonly PracticeComponent[])[],
): PlanProgress {
  const covered = PRACTICE_COMPONENTS.filter((c) => attended.some((s) => s.includes(c)));
  let phaseNumber: number | null = null;
  if (modality === 'tf_cbt') {
    for (const component of covered) {
      const n = TF_CBT_PHASES.indexOf(PHASE_OF_COMPONENT[component]) + 1;
      phaseNumber = Math.max(phaseNumber ?? 0, n);
    }
  }
  return {
    session: attended.length,
    planned,
    phase: phaseNumber === null ? null : TF_CBT_PHASES[phaseNumber - 1]!,
    phaseNumber,
    covered: modality === 'tf_cbt' ? covered : [],
  };
}

/**
 * i18n keys (under `errors.`) the therapy scheduling procedures use beyond the foundation's,
 * so the catalogue can be checked for completeness.
 */
export const THERAPY_ERROR_KEYS = [
  'needsOverride',
  'override.tooShort',
  'therapy.conflict',
  'therapy.endBeforeStart',
  'therapy.hoursOverlap',
  'therapy.sessionMinutes',
  'therapy.plannedSessions',
  'therapy.duration',
  'therapy.interval',
  'therapy.count',
  'therapy.noOccurrences',
  'therapy.tooManyOccurrences',
  'therapy.range',
  'therapy.planChild',
  'therapy.duplicateChild',
  'therapy.groupNeedsChildren',
  'therapy.oneChildOnly',
  'therapy.caregiverRequired',
  'therapy.caregiverNotEligible',
  'therapy.caregiverConjointOnly',
  'therapy.notScheduled',
  'therapy.dateOneOnly',
  'therapy.reasonRequired',
  'therapy.componentsAttendedOnly',
  'therapy.notYet',
] as const;

// The reintegration domain's vocabulary: assessment statuses, households, recommendations and the
// gates' defaults. Values are stable codes; labels live in the renderer's i18n catalogue.
import type { DischargeDestination } from '../shelters/vocabulary';

export const ASSESSMENT_STATUSES = ['draft', 'submitted', 'returned', 'approved'] as const;
export type AssessmentStatus = (typeof ASSESSMENT_STATUSES)[number];

/** Whose home a readiness assessment is about (households get their own records later). */
export const HOUSEHOLD_KINDS = ['family', 'kinship'] as const;
export type HouseholdKind = (typeof HOUSEHOLD_KINDS)[number];

export const RECOMMENDATIONS = [
  'thisHousehold',
  'kinship',
  'foster',
  'independentLiving',
  'remainInCare',
] as const;
export type Recommendation = (typeof RECOMMENDATIONS)[number];

/** The reintegration plan's stages, in the order they happen. */
export const PLAN_STAGES = ['preparation', 'firstContact', 'reunification'] as const;
export type PlanStage = (typeof PLAN_STAGES)[number];
export const STAGE_STATUSES = ['notStarted', 'inProgress', 'done'] as const;
export type StageStatus = (typeof STAGE_STATUSES)[number];
/** The services arranged for after the child's return. */
export const AFTERCARE_SERVICES = ['school', 'livelihood', 'counselling'] as const;
export type AftercareService = (typeof AFTERCARE_SERVICES)[number];

/** A closure proposal: waiting for a coordinator, approved (the case is closed), declined, or reopened. */
export const CLOSURE_STATUSES = ['proposed', 'approved', 'declined', 'reopened'] as const;
export type ClosureStatus = (typeof CLOSURE_STATUSES)[number];

/** The discharges that need an approved readiness assessment, and of which household kind. */
export const GATED_DESTINATIONS: Partial<Record<DischargeDestination, HouseholdKind>> = {
  family_reintegration: 'family',
  kinship_care: 'kinship',
};

/** How old (days from the last home visit) an approved assessment may be at discharge. */
export const DEFAULT_ASSESSMENT_MAX_AGE_DAYS = 90;
/** The shortest typed reason for a coordinator's override of the age rule. */
export const OVERRIDE_REASON_MIN = 10;

/** Editable by its team while a draft or after it was returned; locked once submitted. */
export function isEditable(status: AssessmentStatus): boolean {
  return status === 'draft' || status === 'returned';
}

/**
 * i18n keys (under `errors.`) that the reintegration domain's procedures use beyond the
 * foundation's, so the catalogue can be checked for completeness.
 */
export const REINTEGRATION_ERROR_KEYS = [
  'reintegration.code',
  'reintegration.key',
  'reintegration.scaleSteps',
  'reintegration.duplicateKey',
  'reintegration.safetyOutOfScale',
  'reintegration.safetyNotRequired',
  'reintegration.safetyNotKnown',
  'reintegration.bandsStart',
  'reintegration.bandOutOfScale',
  'reintegration.bandOrder',
  'reintegration.closureThreshold',
  'reintegration.notJson',
  'reintegration.invalidDefinition',
  'reintegration.versionExists',
  'reintegration.unknownInstrument',
  'reintegration.notKnownNotAllowed',
  'reintegration.outOfScale',
  'reintegration.unknownItem',
  'reintegration.householdNeeded',
  'reintegration.notThisChild',
  'reintegration.notEditable',
  'reintegration.notSubmitted',
  'reintegration.ownAssessment',
  'reintegration.visitNeeded',
  'reintegration.consultedHow',
  'reintegration.notConsultedWhy',
  'reintegration.householdFlagged',
  'reintegration.noApprovedAssessment',
  'reintegration.assessmentNotSafe',
  'reintegration.assessmentTooOld',
  'reintegration.overrideNotApproved',
  'reintegration.overrideReason',
  'reintegration.seenAlone',
  'reintegration.stageDate',
  'reintegration.stageOrder',
  'reintegration.notInAftercare',
  'reintegration.closurePlaced',
  'reintegration.monitoringNotEnded',
  'reintegration.outcomesNotMet',
  'reintegration.closurePending',
  'reintegration.noClosurePending',
  'reintegration.ownClosure',
  'reintegration.notClosed',
] as const;

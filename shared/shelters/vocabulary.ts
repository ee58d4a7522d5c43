// The shelters domain's vocabulary (shelters, beds, placements). Values are stable codes; labels
// live in the renderer's i18n catalogue.
import type { ChildStatus } from '../children/vocabulary';
import type { Role } from '../roles';

export const SHELTER_TYPES = [
  'dswd_residential',
  'ngo_shelter',
  'temporary_shelter',
  'foster_home',
  'kinship_home',
] as const;
export type ShelterType = (typeof SHELTER_TYPES)[number];

export const SHELTER_SEX_RULES = ['any', 'female', 'male'] as const;
export type ShelterSexRule = (typeof SHELTER_SEX_RULES)[number];

export const DISCHARGE_DESTINATIONS = [
  'family_reintegration',
  'kinship_care',
  'foster_care',
  'independent_living',
  'transfer_other_agency',
  'other',
] as const;
export type DischargeDestination = (typeof DISCHARGE_DESTINATIONS)[number];

/** Soft placement rules: each can be overridden only with a typed, audited reason. */
/** The shortest typed reason that overrides a soft rule. */
export const OVERRIDE_REASON_MIN = 5;

export const SOFT_RULES = ['shelterSex', 'shelterAge', 'shelterCapacity', 'siblingsApart'] as const;
export type SoftRule = (typeof SOFT_RULES)[number];

export const BED_STATES = ['vacant', 'occupied', 'reserved'] as const;
export type BedState = (typeof BED_STATES)[number];

// ---- pure rules shared by the backend and the UI ----------------------------------------------

/** A shelter's address (where survivors sleep) is shown only to coordinators and administrators. */
export function canSeeShelterAddress(role: Role): boolean {
  return role === 'coordinator' || role === 'admin';
}

/**
 * The child's status after a discharge: monitored aftercare for a family, kinship, foster or
 * independent-living placement; 'transferred' when another agency takes the case; otherwise
 * 'left_care'. Never 'closed': a case closes only through a coordinator's approved closure.
 */
export function statusAfterDischarge(destination: DischargeDestination): ChildStatus {
  if (destination === 'transfer_other_agency') return 'transferred';
  if (destination === 'other') return 'left_care';
  return 'aftercare';
}

/**
 * i18n keys (under `errors.`) that the shelters domain's procedures use beyond the foundation's,
 * so the catalogue can be checked for completeness.
 */
export const SHELTERS_ERROR_KEYS = [
  'needsOverride',
  'age.range',
  'age.minAboveMax',
  'capacity.range',
  'override.tooShort',
  'placement.childOverlap',
  'placement.bedOverlap',
  'placement.endBeforeStart',
  'placement.notPlaced',
  'placement.cannotReopen',
  'placement.useDischarge',
  'transfer.sameBed',
  'bed.reserved',
  'bed.occupied',
  'bed.labelTaken',
  'bed.shelterFixed',
  'shelter.nameTaken',
] as const;

/** NEEDS_OVERRIDE `warnings` entries: `softRule.<rule>`. */
export function softRuleWarning(rule: SoftRule): string {
  return `softRule.${rule}`;
}

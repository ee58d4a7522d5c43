// The shapes of a dataset plan, and calendar-day arithmetic. Days are counted from 1970-01-01 in
// the vault's zone; times within a day are minutes after local midnight.
import type { DischargeDestination } from '../../../shared/shelters/vocabulary';
import type { Sex } from '../../../shared/children/vocabulary';
import type { Birth } from '../../../shared/children/contract';
import type { ShelterSpec } from './shelters';
import type { SizeName } from './sizes';
import type { Province, RelativeKind } from './vocabulary';

const DAY_MS = 86_400_000;

/** Calendar days are counted from 1970-01-01; times are minutes after local midnight. */
export function dayToDate(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}
export function dateToDay(date: string): number {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
}

export interface Moment {
  day: number;
  minutes: number;
}

export interface PlannedRelative {
  kind: RelativeKind;
  name: string;
  livesInHousehold: boolean;
  allegedOffender: boolean;
  noContactOrder: boolean;
  phone: string | null;
}

export interface Household {
  surname: string;
  province: Province;
  address: string;
  /** Up to ten people; a child records the first `familyCount` of them. */
  members: PlannedRelative[];
  /** Children of this household, in registration order (more than one: a sibling group). */
  children: number[];
}

export interface PlannedSegment {
  start: Moment;
  /** Null for the placement the child is in today. */
  end: Moment | null;
  bed: number;
  /** A soft rule (sex or age) is broken: the placement carries an override reason. */
  override: boolean;
}

export interface PlannedChild {
  index: number;
  household: number;
  givenNames: string[];
  legalName: string;
  preferredName: string | null;
  sex: Sex;
  birth: Birth;
  languages: string[];
  referralSource: string;
  referralDay: number;
  intake: Moment;
  rescueDay: number | null;
  referringAgencyRef: string | null;
  familyCount: number;
  segments: PlannedSegment[];
  discharge: { destination: DischargeDestination } | null;
}

export interface PlannedBed {
  shelter: number;
  room: string;
  label: string;
  /** The bed is free from this instant (ms) on; Infinity while someone is in it today. */
  freeFrom: number;
}

export interface DatasetPlan {
  size: SizeName;
  todayDay: number;
  shelters: (ShelterSpec & { beds: number })[];
  beds: PlannedBed[];
  households: Household[];
  children: PlannedChild[];
  overrides: number;
}

/** Converts a planned moment to a UTC instant (ms) in the vault's zone. */
export type InstantOf = (moment: Moment) => number;

// The shelters domain's procedures (shelters, beds, placements, the bed board). Merged into
// `procedures` by shared/contract.ts; see it for the shape of a procedure.
import type { AwayKind } from '../care/vocabulary';
import { z } from 'zod';
import { idOf, isoDateSchema } from '../ids';
import type { Role } from '../roles';
import { procedure } from '../procedure';
import { optionalText, requiredText, safeText } from '../text';
import {
  DISCHARGE_DESTINATIONS,
  OVERRIDE_REASON_MIN,
  SHELTER_SEX_RULES,
  SHELTER_TYPES,
  type BedState,
  type DischargeDestination,
  type ShelterSexRule,
  type ShelterType,
} from './vocabulary';

const CASE_TEAM: readonly Role[] = ['coordinator', 'caseworker'];
const COORDINATOR: readonly Role[] = ['coordinator'];

/** Free text; a missing required field answers 'required', like an empty one. */
const text = requiredText;
/** A textarea's text: tabs and line breaks allowed. */
const multiline = { multiline: true } as const;
/** A UTC instant, e.g. 2026-11-29T02:00:00.000Z. */
export const instantSchema = z.iso.datetime({ message: 'invalid' });

export interface Placement {
  id: string;
  childId: string;
  shelterId: string;
  shelterName: string;
  bedId: string;
  bedLabel: string;
  room: string | null;
  startAt: string;
  endAt: string | null;
  reason: string;
  exitDestination: DischargeDestination | null;
  exitNote: string | null;
  /** The typed reason when a soft rule was overridden at admission, transfer or edit. */
  overrideReason: string | null;
}

declare module '../case-file' {
  interface CaseFileSections {
    /** The open placement, if any (the same object as in `placements`). */
    currentPlacement: Placement | null;
    /** Every placement of the child, newest first. */
    placements: Placement[];
    /** Clashes of the child's open stays left by a sync, until a transfer or discharge ends one. */
    placementClashes: PlacementClash[];
  }
  interface TimelineKinds {
    shelters: 'admitted' | 'transferred' | 'discharged';
  }
}

/** A shelter's name for pick-lists; `inScope` when the viewer works there. */
export interface ShelterName {
  id: string;
  name: string;
  inScope: boolean;
}

// ---- shelters, beds, placements -------------------------------------------------------------
export const shelterFieldsSchema = z.strictObject({
  name: text(120),
  type: z.enum(SHELTER_TYPES),
  address: optionalText(300, multiline),
  sexRule: z.enum(SHELTER_SEX_RULES),
  minAge: z.number().int().min(0, 'age.range').max(25, 'age.range'),
  maxAge: z.number().int().min(0, 'age.range').max(25, 'age.range'),
  capacity: z.number().int().min(1, 'capacity.range').max(500, 'capacity.range'),
});

export interface Shelter {
  id: string;
  name: string;
  type: ShelterType;
  /** Only coordinators and administrators see it; null for everyone else. */
  address: string | null;
  sexRule: ShelterSexRule;
  minAge: number;
  maxAge: number;
  capacity: number;
  /** Whether the viewer works in this shelter (its bed board and beds are theirs to see). */
  inScope: boolean;
  /** Empty unless `inScope`. */
  beds: { id: string; room: string | null; label: string }[];
}

export interface BedBoardBed {
  id: string;
  room: string | null;
  label: string;
  state: BedState;
  occupant: {
    childId: string;
    caseCode: string;
    initials: string;
    since: string;
    lengthOfStayDays: number;
    /** Away while keeping the bed (hospital, court, home visit, missing), as of the board's instant. */
    away: { kind: AwayKind; plannedReturnOn: string | null; overdue: boolean } | null;
  } | null;
  /** Null for a bed held for a child the viewer may not see (it still shows as reserved). */
  reservedFor: { childId: string; caseCode: string; initials: string } | null;
  /** A clash left by two computers offline at once (today's board only), until it is resolved. */
  clash: BedClash | null;
}

/** The kinds of clash two open stays can make, as Conflicts to resolve names them. */
export type PlacementClash = 'bedTwice' | 'childTwice' | 'childAtTwoShelters';

export interface BedClash {
  /** The other children whose open stays are in this bed too. */
  alsoHeldBy: { childId: string; caseCode: string; initials: string }[];
  /** The occupant has another open stay, in another bed or shelter. */
  occupantPlacedTwice: boolean;
}

export interface BedBoard {
  shelterId: string;
  shelterName: string;
  asOf: string;
  capacity: number;
  beds: BedBoardBed[];
}

export interface OccupancyRow {
  shelterId: string;
  shelterName: string;
  type: ShelterType;
  capacity: number;
  beds: number;
  occupied: number;
  reserved: number;
  vacant: number;
}

const overrideReason = safeText(multiline)
  .trim()
  .min(OVERRIDE_REASON_MIN, 'override.tooShort')
  .max(500, 'tooLong')
  .optional();

export const sheltersProcedures = {
  'shelters.list': procedure<Shelter[]>()({
    input: z.strictObject({}),
    access: ['admin', 'coordinator', 'caseworker'],
    kind: 'query',
  }),
  /** Names only, for pick-lists and filters: no rules, no beds. */
  'shelters.names': procedure<ShelterName[]>()({
    input: z.strictObject({}),
    access: ['admin', 'coordinator', 'caseworker'],
    kind: 'query',
  }),
  'shelters.save': procedure<Shelter>()({
    input: shelterFieldsSchema.extend({ id: idOf('shelter').optional() }),
    access: COORDINATOR,
    kind: 'mutation',
  }),
  'beds.save': procedure<Shelter>()({
    input: z.strictObject({
      id: idOf('bed').optional(),
      shelterId: idOf('shelter'),
      room: optionalText(60),
      label: text(60),
    }),
    access: COORDINATOR,
    kind: 'mutation',
  }),
  'beds.remove': procedure<Shelter>()({
    input: z.strictObject({ id: idOf('bed') }),
    access: COORDINATOR,
    kind: 'mutation',
  }),
  'beds.reserve': procedure<null>()({
    input: z.strictObject({ bedId: idOf('bed'), childId: idOf('child').nullable() }),
    access: CASE_TEAM,
    kind: 'mutation',
  }),
  'beds.board': procedure<BedBoard>()({
    input: z.strictObject({ shelterId: idOf('shelter'), asOf: isoDateSchema }),
    access: CASE_TEAM,
    kind: 'query',
  }),
  'beds.occupancy': procedure<OccupancyRow[]>()({
    input: z.strictObject({ asOf: isoDateSchema }),
    access: COORDINATOR,
    kind: 'query',
  }),

  'placements.admit': procedure<Placement>()({
    input: z.strictObject({
      childId: idOf('child'),
      bedId: idOf('bed'),
      startAt: instantSchema,
      reason: text(500, multiline),
      overrideReason,
    }),
    access: CASE_TEAM,
    kind: 'mutation',
  }),
  'placements.transfer': procedure<Placement>()({
    input: z.strictObject({
      childId: idOf('child'),
      toBedId: idOf('bed'),
      at: instantSchema,
      reason: text(500, multiline),
      overrideReason,
    }),
    access: CASE_TEAM,
    kind: 'mutation',
  }),
  /** The single discharge path; later domains add their safety gates as discharge guards. */
  'placements.discharge': procedure<Placement>()({
    input: z.strictObject({
      childId: idOf('child'),
      at: instantSchema,
      destination: z.enum(DISCHARGE_DESTINATIONS),
      exitNote: text(2000, multiline),
    }),
    access: CASE_TEAM,
    kind: 'mutation',
  }),
  /** Correct or backdate a placement's dates; the invariants hold here too. */
  'placements.edit': procedure<Placement>()({
    input: z.strictObject({
      id: idOf('placement'),
      startAt: instantSchema,
      endAt: instantSchema.nullable(),
      overrideReason,
    }),
    access: CASE_TEAM,
    kind: 'mutation',
  }),
} as const;

export type { BedState, DischargeDestination, ShelterSexRule, ShelterType };

declare module '../ids' {
  interface IdKinds {
    /** Shelters, their beds, and a child's placements. */
    shelters: 'shelter' | 'bed' | 'placement';
  }
}

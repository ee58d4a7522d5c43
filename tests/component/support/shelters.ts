// Shelters, beds, boards and a case file for the shelter and placement component tests.
import type {
  BedBoard,
  BedBoardBed,
  OccupancyRow,
  Placement,
  Shelter,
  ShelterName,
} from '../../../shared/shelters/contract';
import type { CaseFile, ChildRecord } from '../../../shared/children/contract';
import type { AppErrorShape } from '../../../shared/errors';
import { caseFile } from './children';
import { session } from './fixtures';

/** Noon on 11/29/2026 in Asia/Manila: "today" for every test here (only Date is faked). */
export const NOW = new Date('2026-11-29T04:00:00.000Z');
export const TODAY = '2026-11-29';

// UUIDv7 ids, as the contract's idSchema requires.
const id = (n: number) => `0190a5d4-6c1e-7a3b-8c2d-${String(n).padStart(12, '0')}`;
export const SIDS = {
  coordinator: id(1),
  pagasa: id(10),
  tahanan: id(11),
  bed1: id(20),
  bed2: id(21),
  bed3: id(22),
  cot: id(23),
  tBed1: id(24),
  child: id(30),
  other: id(31),
  held: id(32),
  placement: id(40),
  oldPlacement: id(41),
} as const;

export const coordinatorSession = () =>
  session({
    userId: SIDS.coordinator,
    displayName: 'Luningning Bautista',
    username: 'luning',
    role: 'coordinator',
  });

export const SHELTERS: Shelter[] = [
  {
    id: SIDS.pagasa,
    name: 'Bahay Pag-asa',
    type: 'ngo_shelter',
    address: 'Purok 3, Mandaue City',
    sexRule: 'female',
    minAge: 7,
    maxAge: 17,
    capacity: 4,
    inScope: true,
    beds: [
      { id: SIDS.cot, room: null, label: 'Annex cot' },
      { id: SIDS.bed1, room: 'Room A', label: 'Bed 1' },
      { id: SIDS.bed2, room: 'Room A', label: 'Bed 2' },
      { id: SIDS.bed3, room: 'Room B', label: 'Bed 3' },
    ],
  },
  {
    id: SIDS.tahanan,
    name: 'Tahanan Kinship Home',
    type: 'kinship_home',
    address: null,
    sexRule: 'any',
    minAge: 0,
    maxAge: 17,
    capacity: 2,
    inScope: true,
    beds: [{ id: SIDS.tBed1, room: null, label: 'Bed 1' }],
  },
];

/** What `shelters.names` answers for SHELTERS: the names for pick-lists, no beds. */
export const SHELTER_NAMES: ShelterName[] = SHELTERS.map(({ id, name, inScope }) => ({
  id,
  name,
  inScope,
}));

const vacant = (bedId: string, room: string | null, label: string): BedBoardBed => ({
  id: bedId,
  room,
  label,
  state: 'vacant',
  occupant: null,
  reservedFor: null,
  clash: null,
});

export function pagasaBoard(asOf: string = TODAY): BedBoard {
  return {
    shelterId: SIDS.pagasa,
    shelterName: 'Bahay Pag-asa',
    asOf,
    capacity: 4,
    beds: [
      vacant(SIDS.cot, null, 'Annex cot'),
      {
        id: SIDS.bed1,
        room: 'Room A',
        label: 'Bed 1',
        state: 'occupied',
        occupant: {
          childId: SIDS.other,
          caseCode: 'AR-2026-0042',
          initials: 'J.D.',
          // 10:00 AM on 11/02/2026 in Manila.
          since: '2026-11-02T02:00:00.000Z',
          lengthOfStayDays: 27,
          away: null,
        },
        reservedFor: null,
        clash: null,
      },
      {
        id: SIDS.bed2,
        room: 'Room A',
        label: 'Bed 2',
        state: 'reserved',
        occupant: null,
        reservedFor: { childId: SIDS.held, caseCode: 'AR-2026-0043', initials: 'M.S.' },
        clash: null,
      },
      vacant(SIDS.bed3, 'Room B', 'Bed 3'),
    ],
  };
}

export function tahananBoard(asOf: string = TODAY): BedBoard {
  return {
    shelterId: SIDS.tahanan,
    shelterName: 'Tahanan Kinship Home',
    asOf,
    capacity: 2,
    beds: [vacant(SIDS.tBed1, null, 'Bed 1')],
  };
}

export const OCCUPANCY: OccupancyRow[] = [
  {
    shelterId: SIDS.pagasa,
    shelterName: 'Bahay Pag-asa',
    type: 'ngo_shelter',
    capacity: 4,
    beds: 4,
    occupied: 1,
    reserved: 1,
    vacant: 2,
  },
  {
    shelterId: SIDS.tahanan,
    shelterName: 'Tahanan Kinship Home',
    type: 'kinship_home',
    capacity: 2,
    beds: 1,
    occupied: 0,
    reserved: 0,
    vacant: 1,
  },
];

const CHILD: ChildRecord = {
  id: SIDS.child,
  caseCode: 'AR-2026-0050',
  alias: 'A.R.',
  legalNameKnown: true,
  birth: { kind: 'dob', dateOfBirth: '2013-04-02' },
  sex: 'female',
  languages: ['Cebuano'],
  referralSource: 'DSWD Region VII',
  referralDate: '2026-10-20',
  intakeDate: '2026-10-21',
  status: 'intake',
  age: 13,
  ageEstimated: false,
  siblingGroupId: null,
  createdAt: '2026-10-21T01:00:00.000Z',
  updatedAt: '2026-10-21T01:00:00.000Z',
};

export const CURRENT: Placement = {
  id: SIDS.placement,
  childId: SIDS.child,
  shelterId: SIDS.pagasa,
  shelterName: 'Bahay Pag-asa',
  bedId: SIDS.bed3,
  bedLabel: 'Bed 3',
  room: 'Room B',
  startAt: '2026-11-10T01:30:00.000Z',
  endAt: null,
  reason: 'Moved from the temporary shelter',
  exitDestination: null,
  exitNote: null,
  overrideReason: null,
};

export const PAST: Placement = {
  id: SIDS.oldPlacement,
  childId: SIDS.child,
  shelterId: SIDS.tahanan,
  shelterName: 'Tahanan Kinship Home',
  bedId: SIDS.tBed1,
  bedLabel: 'Bed 1',
  room: null,
  startAt: '2026-10-21T02:00:00.000Z',
  endAt: '2026-11-10T01:30:00.000Z',
  reason: 'Emergency placement on rescue',
  exitDestination: null,
  exitNote: null,
  overrideReason: null,
};

/** A case file (the one builder, support/children.ts) whose placements are `placements`. */
export function placedCaseFile(placements: Placement[] = []): CaseFile {
  const current = placements.find((p) => p.endAt === null) ?? null;
  return caseFile({
    child: { ...CHILD, status: current ? 'in_care' : 'intake' },
    caseworkerName: null,
    currentPlacement: current,
    placements,
  });
}

export const ERRORS = {
  bedOverlap: {
    code: 'CONFLICT',
    message: 'placement.bedOverlap',
    details: {
      caseCode: 'AR-2026-0042',
      initials: 'J.D.',
      startAt: '2026-11-02T02:00:00.000Z',
      endAt: '2026-11-20T02:00:00.000Z',
    },
  },
  needsOverride: {
    code: 'NEEDS_OVERRIDE',
    message: 'needsOverride',
    warnings: ['softRule.shelterSex', 'softRule.siblingsApart'],
  },
} satisfies Record<string, AppErrorShape>;

// Case-record fixtures for the component tests: ids are UUIDv7, as the contract requires.
import type {
  AgendaItem,
  AgendaPage,
  CaseFile,
  ChildNames,
  ChildListRow,
  ChildRecord,
  FamilyMember,
  IntakeAccount,
  IntakeSummary,
  StaffOption,
} from '../../../shared/children/contract';
import type { TimelineEntry } from '../../../shared/case-file';
import type { Household } from '../../../shared/children/households-contract';
import { FakeBridge } from './FakeBridge';
import { IDS, caseworkerSession, unlocked } from './fixtures';
import type { SessionInfo } from '../../../shared/contract';

export const CHILD_IDS = {
  maria: '0190a5d4-6c1e-7a3b-8c2d-1e2f3a4b5c80',
  jun: '0190a5d4-6c1e-7a3b-8c2d-1e2f3a4b5c81',
  nino: '0190a5d4-6c1e-7a3b-8c2d-1e2f3a4b5c82',
  created: '0190a5d4-6c1e-7a3b-8c2d-1e2f3a4b5c83',
} as const;

export const OTHER_IDS = {
  shelter: '0190a5d4-6c1e-7a3b-9c2d-1e2f3a4b5c90',
  coordinator: '0190a5d4-6c1e-7a3b-9c2d-1e2f3a4b5c91',
  mother: '0190a5d4-6c1e-7a3b-9c2d-1e2f3a4b5c92',
  uncle: '0190a5d4-6c1e-7a3b-9c2d-1e2f3a4b5c93',
  consent: '0190a5d4-6c1e-7a3b-9c2d-1e2f3a4b5c94',
  goal: '0190a5d4-6c1e-7a3b-9c2d-1e2f3a4b5c95',
  task: '0190a5d4-6c1e-7a3b-9c2d-1e2f3a4b5c96',
  legal: '0190a5d4-6c1e-7a3b-9c2d-1e2f3a4b5c97',
} as const;

/** Names that must never appear on a list. */
export const LEGAL_NAME = 'Maria Clara dela Cruz';
export const PREFERRED_NAME = 'Clara';

/** What children.revealName answers for Maria. */
export const NAMES: ChildNames = {
  legalName: LEGAL_NAME,
  preferredName: PREFERRED_NAME,
  legalInitials: 'M.C.D.C.',
};

export const STAFF: StaffOption[] = [
  { id: IDS.caseworker, displayName: 'Bayani Cruz', role: 'caseworker' },
  { id: OTHER_IDS.coordinator, displayName: 'Luningning Santos', role: 'coordinator' },
];

export function listRow(overrides: Partial<ChildListRow> = {}): ChildListRow {
  return {
    id: CHILD_IDS.maria,
    caseCode: 'AR-2026-0042',
    alias: 'R.T.L.',
    status: 'in_care',
    age: 12,
    ageEstimated: false,
    shelterName: 'Bahay Pag-asa',
    caseworkerName: 'Bayani Cruz',
    ...overrides,
  };
}

export const ROWS: ChildListRow[] = [
  listRow(),
  listRow({
    id: CHILD_IDS.jun,
    caseCode: 'AR-2026-0041',
    alias: 'B.N.S.',
    status: 'intake',
    age: 9,
    ageEstimated: true,
    shelterName: null,
    caseworkerName: null,
  }),
];

export function childRecord(overrides: Partial<ChildRecord> = {}): ChildRecord {
  return {
    id: CHILD_IDS.maria,
    caseCode: 'AR-2026-0042',
    alias: 'R.T.L.',
    status: 'intake',
    age: 12,
    ageEstimated: false,
    siblingGroupId: null,
    createdAt: '2026-03-02T01:00:00.000Z',
    updatedAt: '2026-03-02T01:00:00.000Z',
    legalNameKnown: true,
    birth: { kind: 'dob', dateOfBirth: '2013-05-14' },
    sex: 'female',
    languages: ['Cebuano', 'Filipino'],
    referralSource: 'WCPC Region 7',
    referralDate: '2026-02-27',
    intakeDate: '2026-03-01',
    rescueDate: '2026-02-28',
    assignedCaseworkerId: IDS.caseworker,
    ...overrides,
  };
}

export function familyMember(overrides: Partial<FamilyMember> = {}): FamilyMember {
  return {
    id: OTHER_IDS.mother,
    childId: CHILD_IDS.maria,
    name: 'Rosa dela Cruz',
    relationship: 'Mother',
    phone: '0917 555 0101',
    address: null,
    barangay: null,
    livesInHousehold: true,
    householdAccess: true,
    childWantsContact: 'yes',
    safety: {
      allegedOffender: false,
      allegedOffenderSince: null,
      noContactOrder: false,
      noContactOrderDate: null,
      orderExpiresOn: null,
      supervisedOnly: false,
    },
    notes: null,
    ...overrides,
  };
}

/** The household of a child alone in it, with nothing to merge. */
export function household(overrides: Partial<Household> = {}): Household {
  return {
    id: CHILD_IDS.maria,
    address: null,
    notes: null,
    children: [{ id: CHILD_IDS.maria, caseCode: 'AR-2026-0042' }],
    members: [],
    joinable: [],
    mergeCandidates: [],
    ...overrides,
  };
}

export function caseFile(overrides: Partial<CaseFile> = {}): CaseFile {
  return {
    child: childRecord(),
    caseworkerName: 'Bayani Cruz',
    currentPlacement: null,
    placements: [],
    placementClashes: [],
    family: [],
    consents: [],
    siblings: [],
    goals: [],
    tasks: [],
    legalEvents: [],
    intakeAccount: null,
    incidents: [],
    awayEpisodes: [],
    documents: [],
    contacts: [],
    accusedCases: [],
    education: [],
    health: null,
    conferences: [],
    ...overrides,
  };
}

/** A recorded intake account as the case file summarises it (no content). */
export function intakeSummary(overrides: Partial<IntakeSummary> = {}): IntakeSummary {
  return {
    recordedAt: '2026-03-01T02:00:00.000Z',
    recordedByName: null,
    heldWhere: 'video',
    reference: 'Video V-2026-014, WCPD Cebu',
    hasAccount: true,
    addenda: 0,
    reasonNeeded: false,
    ...overrides,
  };
}

/** The opened intake account, as intake.open answers it. */
export function intakeAccount(overrides: Partial<IntakeAccount> = {}): IntakeAccount {
  return {
    account: 'Canary account text',
    heldWhere: 'video',
    reference: 'Video V-2026-014, WCPD Cebu',
    recordedAt: '2026-03-01T02:00:00.000Z',
    recordedByName: null,
    addenda: [],
    ...overrides,
  };
}

export const TIMELINE: TimelineEntry[] = [
  {
    at: '2026-03-05T06:30:00.000Z',
    kind: 'admitted',
    params: { shelter: 'Bahay Pag-asa', bed: 'B-2' },
  },
  { at: '2026-03-02T01:00:00.000Z', kind: 'registered', params: { caseCode: 'AR-2026-0042' } },
];

export function agendaItem(overrides: Partial<AgendaItem> = {}): AgendaItem {
  return {
    childId: CHILD_IDS.maria,
    caseCode: 'AR-2026-0042',
    alias: 'R.T.L.',
    kind: 'task',
    category: null,
    id: OTHER_IDS.task,
    title: 'Enrol in Grade 6',
    date: '2026-03-01',
    ...overrides,
  };
}

/** One page of the agenda, with the true total of these items unless given. */
export function agendaPage(
  items: AgendaItem[] = [],
  overrides: Partial<AgendaPage> = {},
): AgendaPage {
  return { items, total: items.length, groupSizes: {}, today: '2026-03-02', ...overrides };
}

/** A signed-in caseworker with the case procedures every case screen calls. */
export function casesBridge(s: SessionInfo = caseworkerSession()): FakeBridge {
  return (
    new FakeBridge()
      .ok('app.status', unlocked(s))
      .ok('shelters.list', [
        {
          id: OTHER_IDS.shelter,
          name: 'Bahay Pag-asa',
          type: 'ngo_shelter',
          address: null,
          sexRule: 'female',
          minAge: 7,
          maxAge: 17,
          capacity: 12,
          inScope: true,
          beds: [],
        },
      ])
      .ok('shelters.names', [{ id: OTHER_IDS.shelter, name: 'Bahay Pag-asa', inScope: true }])
      .ok('staff.caseworkers', STAFF)
      .ok('children.search', { rows: ROWS, total: ROWS.length })
      .ok('dashboard.agenda', agendaPage())
      .ok('children.get', caseFile())
      .ok('children.revealName', NAMES)
      .ok('children.timeline', TIMELINE)
      .ok('visitors.list', [])
      .ok('households.get', household())
      // The case file's therapy section.
      .ok('therapy.plans', [])
      .ok('therapy.history', [])
      // The case file's reintegration section.
      .ok('reintegration.list', [])
      .ok('reintegration.instruments', [])
      .ok('reintegration.visits', [])
      .ok('reintegration.closure', {
        monitored: true,
        canReopen: false,
        monitoringEnded: false,
        lastOutcomes: null,
        canPropose: false,
        closures: [],
      })
      // The coordinator's access log in the case file.
      .ok('privacy.childAccessLog', { entries: [], nextBeforeSeq: null })
      // The Today screen's overdue follow-up visits and Aftercare Outcomes due.
      .ok('reintegration.overdueVisits', { items: [], total: 0 })
      .ok('reintegration.outcomesDue', { items: [], total: 0 })
      // The Today screen's documents due or expiring.
      .ok('documents.due', { items: [], total: 0 })
      // The Today screen's case conference reviews due.
      .ok('conferences.reviewsDue', { items: [], total: 0 })
  );
}

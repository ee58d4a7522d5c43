// A valid input for every procedure, as each role would send it: the permission suite calls
// every procedure with these, and the text suite swaps one string field at a time.
import { randomUUID } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import type { ProcedureName } from '../../../shared/contract';
import type { Role } from '../../../shared/roles';
import { ADMIN } from './backend';

export const USERNAMES: Record<Role, string> = {
  admin: ADMIN.username,
  coordinator: 'coordinator',
  caseworker: 'caseworker',
  therapist: 'therapist',
};
export const PASSWORDS: Record<Role, string> = {
  admin: ADMIN.password,
  coordinator: 'Coordinator-Kite-Harbor-31',
  caseworker: 'Caseworker-Mango-Bridge-47',
  therapist: 'Therapist-Lantern-Reef-58',
};

/** A valid input for each procedure; the type makes a new procedure without a sample fail to compile. */
export const sample = (role: Role): Record<ProcedureName, unknown> => ({
  'app.status': {},
  'vault.create': {
    adminDisplayName: 'X',
    adminUsername: 'xyz',
    adminPassword: 'Whatever-Long-Pass-1',
    timeZone: 'Asia/Manila',
  },
  'auth.signIn': { username: USERNAMES[role], password: PASSWORDS[role] },
  'auth.recover': { recoveryKey: 'x' },
  'auth.recoveryResetAdmin': { userId: uuidv7(), newPassword: 'Whatever-Long-Pass-1' },
  'session.lock': { reason: 'manual' },
  'session.touch': {},
  'account.changePassword': {
    currentPassword: 'wrong-current-1',
    newPassword: 'Whatever-Long-Pass-1',
  },
  'settings.get': {},
  'settings.update': { idleLockMinutes: 5, timeZone: 'Asia/Manila', paperSize: 'A4' },
  'users.list': {},
  'users.create': {
    displayName: 'Fictional New',
    username: `new.${role}.${randomUUID().slice(0, 6)}`,
    role: 'therapist',
    shelterScope: [],
    temporaryPassword: 'Temporary-Kite-Reef-90',
  },
  'users.resetPassword': { userId: uuidv7(), temporaryPassword: 'Temporary-Kite-Reef-90' },
  'users.disable': { userId: uuidv7() },
  'vault.rotateKey': {},
  'audit.list': { limit: 5 },
  'audit.verify': {},
  'audit.recordExport': { kind: 'recoveryKey' },
  // Case records: ids that exist nowhere, so allowed calls answer NOT_FOUND rather than writing.
  'children.register': {
    legalName: 'Fictional Child Santos',
    birth: { kind: 'estimated', estimatedAgeYears: 12, asOf: '2025-01-10' },
    sex: 'female',
    languages: ['Cebuano'],
    referralSource: 'Fictional barangay referral',
    referralDate: '2025-01-10',
    intakeDate: '2025-01-11',
  },
  'children.update': {
    id: uuidv7(),
    legalName: 'Fictional Child Santos',
    birth: { kind: 'dob', dateOfBirth: '2013-04-02' },
    sex: 'female',
    languages: [],
    referralSource: 'Fictional barangay referral',
    referralDate: '2025-01-10',
    intakeDate: '2025-01-11',
  },
  'children.setStatus': { id: uuidv7(), status: 'closed' },
  'children.search': { text: 'santos' },
  'children.get': { id: uuidv7() },
  'children.revealName': { id: uuidv7() },
  'children.timeline': { id: uuidv7() },
  'staff.caseworkers': {},
  'consents.record': {
    childId: uuidv7(),
    type: 'services',
    givenBy: 'guardian',
    givenOn: '2025-01-12',
    scope: 'Shelter services',
  },
  'consents.withdraw': { id: uuidv7(), withdrawnOn: '2025-02-01', reason: 'Guardian asked' },
  'consents.check': { childId: uuidv7(), type: 'photos' },
  'family.save': {
    childId: uuidv7(),
    name: 'Fictional Aunt',
    relationship: 'aunt',
    livesInHousehold: false,
    allegedOffender: false,
    noContactOrder: false,
  },
  'family.remove': { id: uuidv7() },
  'siblings.link': { childId: uuidv7(), siblingId: uuidv7() },
  'siblings.unlink': { childId: uuidv7() },
  'intake.record': { childId: uuidv7(), account: 'Fictional account' },
  'intake.open': { childId: uuidv7() },
  'plan.saveGoal': {
    childId: uuidv7(),
    domain: 'safety',
    goalInChildWords: 'I want to feel safe',
    responsible: 'Caseworker',
    status: 'not_started',
  },
  'plan.saveTask': { childId: uuidv7(), title: 'Fictional task', dueDate: '2025-03-01' },
  'dashboard.agenda': { section: 'overdue' },
  'legal.save': {
    childId: uuidv7(),
    kind: 'hearing',
    date: '2025-03-01',
    court: 'Fictional RTC Branch 1',
    caseNumber: 'CR-0001',
  },
  'legal.remove': { id: uuidv7() },
  'shelters.list': {},
  'shelters.names': {},
  'shelters.save': {
    name: `Fictional Shelter ${role} ${randomUUID().slice(0, 6)}`,
    type: 'ngo_shelter',
    sexRule: 'any',
    minAge: 0,
    maxAge: 18,
    capacity: 10,
  },
  'beds.save': { shelterId: uuidv7(), label: 'Bed 1' },
  'beds.remove': { id: uuidv7() },
  'beds.reserve': { bedId: uuidv7(), childId: null },
  'beds.board': { shelterId: uuidv7(), asOf: '2025-01-15' },
  'beds.occupancy': { asOf: '2025-01-15' },
  'placements.admit': {
    childId: uuidv7(),
    bedId: uuidv7(),
    startAt: '2025-01-15T02:00:00.000Z',
    reason: 'Rescue',
  },
  'placements.transfer': {
    childId: uuidv7(),
    toBedId: uuidv7(),
    at: '2025-02-15T02:00:00.000Z',
    reason: 'Closer to school',
  },
  'placements.discharge': {
    childId: uuidv7(),
    at: '2025-03-15T02:00:00.000Z',
    destination: 'family_reintegration',
    exitNote: 'Fictional exit note',
  },
  'placements.edit': {
    id: uuidv7(),
    startAt: '2025-01-15T02:00:00.000Z',
    endAt: null,
  },
  // Therapy scheduling.
  'therapy.therapists': {},
  'therapy.caseload': {},
  'therapy.savePlan': {
    id: uuidv7(),
    childId: uuidv7(),
    therapistId: uuidv7(),
    modality: 'tf_cbt',
    goals: 'Fictional goal: sleep through the night',
    frequency: 'weekly',
    plannedSessions: 14,
    startedOn: '2025-01-20',
  },
  'therapy.plans': { childId: uuidv7() },
  'notes.forChild': { childId: uuidv7() },
  'notes.read': { id: uuidv7() },
  'notes.start': { sessionId: uuidv7(), childId: uuidv7(), template: 'soap' },
  'notes.saveDraft': { id: uuidv7(), template: 'soap', fields: { subjective: 'Fictional words' } },
  'notes.sign': { id: uuidv7(), template: 'soap', fields: { subjective: 'Fictional words' } },
  'notes.addAddendum': { id: uuidv7(), body: 'Fictional correction' },
  'notes.raiseFlag': { id: uuidv7(), kind: 'safety' },
  'notes.search': { text: 'Fictional' },
  'notes.toSign': {},
  'notes.breakGlassAlerts': {},
  'notes.acknowledgeBreakGlass': { id: uuidv7() },
  'notes.policy': {},
  // The default policy, so a permitted call changes nothing the other tests rely on.
  'notes.setPolicy': {
    therapistNoteAccess: 'ownClients',
    coordinatorsSeeScoreTotals: false,
    normChoices: {},
  },
  'measures.instruments': {},
  // Not JSON: an allowed call is refused as invalid and imports nothing.
  'measures.importInstrument': { definition: '{' },
  'measures.record': {
    childId: uuidv7(),
    instrumentCode: 'CPSS-5',
    instrumentVersion: 1,
    administeredOn: '2025-01-20',
    informant: 'self',
    administeredBy: 'Fictional Teacher Ramos',
    scores: { symptoms: 10, impairment: 1 },
  },
  'measures.history': { childId: uuidv7() },
  'therapy.childScheduling': { childId: uuidv7() },
  'therapy.availability': { therapistId: uuidv7(), from: '2026-11-30', to: '2026-12-06' },
  'therapy.setHours': {
    therapistId: uuidv7(),
    hours: [{ weekday: 1, start: '08:00', end: '17:00' }],
  },
  'therapy.saveLeave': {
    id: uuidv7(),
    therapistId: uuidv7(),
    kind: 'leave',
    startAt: '2026-12-21T00:00:00.000Z',
    endAt: '2026-12-24T00:00:00.000Z',
    note: 'Fictional holiday',
  },
  'therapy.removeLeave': { id: uuidv7() },
  'therapy.checkSeries': SERIES,
  'therapy.createSeries': { ...SERIES, overrideReason: 'Fictional: the only free room' },
  'therapy.schedule': {
    therapistId: uuidv7(),
    planId: uuidv7(),
    kind: 'conjoint',
    childIds: [uuidv7()],
    caregiverId: uuidv7(),
    durationMinutes: 60,
    room: 'Fictional Sunflower room',
    startAt: '2026-12-02T06:00:00.000Z',
    overrideReason: 'Fictional: agreed with the family',
  },
  'therapy.editSessions': {
    sessionId: uuidv7(),
    scope: 'following',
    startTime: '15:00',
    durationMinutes: 60,
    room: 'Fictional Sunflower room',
    overrideReason: 'Fictional: agreed with the family',
  },
  'therapy.cancelSessions': {
    sessionId: uuidv7(),
    scope: 'one',
    status: 'clinician_cancelled',
    reason: 'Fictional: therapist unwell',
  },
  'therapy.recordSession': {
    sessionId: uuidv7(),
    status: 'no_show',
    reason: 'Fictional: child at a school event',
  },
  'therapy.findSlots': {
    therapistId: uuidv7(),
    childIds: [uuidv7()],
    room: 'Fictional Sunflower room',
    durationMinutes: 60,
    fromDate: '2026-12-01',
  },
  'therapy.calendar': {
    by: 'therapist',
    therapistId: uuidv7(),
    from: '2026-11-30',
    to: '2026-12-06',
  },
  'therapy.history': { childId: uuidv7() },
  'therapy.today': {},
  'therapy.rules': {},
  'therapy.saveRules': {
    nearTestimony: { enabled: true, days: 1 },
    tooManyPerWeek: { enabled: true, max: 3 },
    therapistChange: { enabled: true },
    lateForYoungChild: { enabled: true, endAfter: '18:00', underAge: 12 },
  },
  'sync.start': { computerName: 'Fictional office laptop' },
  // No such folder: a sample must never write bundles anywhere.
  'sync.now': { folder: 'fictional-sync-folder-not-present' },
  'sync.computers': {},
});

/** A weekly series, for the series procedures' samples. */
const SERIES = {
  therapistId: uuidv7(),
  planId: uuidv7(),
  kind: 'individual',
  childIds: [uuidv7()],
  durationMinutes: 60,
  room: 'Fictional Sunflower room',
  plannedComponents: ['relaxation'],
  startDate: '2026-12-01',
  startTime: '14:00',
  intervalWeeks: 1,
  weekdays: [2],
  end: { kind: 'count', count: 14 },
  skipDates: ['2026-12-22'],
};

/** A copy of `input` with `value` at `path` ('*' puts it in a one-element array). */
export function withValueAt(input: unknown, path: readonly string[], value: unknown): unknown {
  const [head, ...rest] = path as [string, ...string[]];
  if (head === undefined) return value;
  if (head === '*') return [withValueAt(undefined, rest, value)];
  const object = (typeof input === 'object' && input !== null ? input : {}) as Record<
    string,
    unknown
  >;
  return { ...object, [head]: withValueAt(object[head], rest, value) };
}

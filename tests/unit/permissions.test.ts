// Every procedure, called by every role, is allowed or FORBIDDEN exactly as the matrix says.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { PROCEDURE_NAMES, procedures, type ProcedureName } from '../../shared/contract';
import { isAllowed, permissionMatrix } from '../../shared/permissions';
import { ROLES, type Role } from '../../shared/roles';
import type { BackendApi } from '../../electron/backend/api';
import { unlockWithRecoveryKey } from '../../electron/backend/vault/vault';
import { addUser, ADMIN, fails, newVault, ok, signIn } from './helpers';

const USERNAMES: Record<Role, string> = {
  admin: ADMIN.username,
  coordinator: 'coordinator',
  caseworker: 'caseworker',
  therapist: 'therapist',
};
const PASSWORDS: Record<Role, string> = {
  admin: ADMIN.password,
  coordinator: 'Coordinator-Kite-Harbor-31',
  caseworker: 'Caseworker-Mango-Bridge-47',
  therapist: 'Therapist-Lantern-Reef-58',
};

/** A valid input for each procedure; the type makes a new procedure without a sample fail to compile. */
const sample = (role: Role): Record<ProcedureName, unknown> => ({
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
  // Issue 3: ids that exist nowhere, so allowed calls answer NOT_FOUND rather than writing.
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
});

const roleGated = PROCEDURE_NAMES.filter((n) => Array.isArray(procedures[n].access));
// session.lock ends the session, so it runs last for each role.
const ordered = [...roleGated.filter((n) => n !== 'session.lock'), 'session.lock' as const];

let backend: BackendApi;
let folder: string;
let recoveryKey: string;

beforeAll(async () => {
  ({ backend, folder, recoveryKey } = await newVault());
  for (const role of ['coordinator', 'caseworker', 'therapist'] as const) {
    await addUser(backend, role, role, `Temp-${role}-Kite-77`);
  }
  for (const role of ['coordinator', 'caseworker', 'therapist'] as const) {
    await ok(backend, 'session.lock', { reason: 'manual' });
    await signIn(backend, role, `Temp-${role}-Kite-77`);
    await ok(backend, 'account.changePassword', {
      currentPassword: `Temp-${role}-Kite-77`,
      newPassword: PASSWORDS[role],
    });
  }
  await ok(backend, 'session.lock', { reason: 'manual' });
});

describe('permission matrix', () => {
  it('is data: one row per procedure, one column per role, deny unless listed', () => {
    expect(Object.keys(permissionMatrix).sort()).toEqual([...PROCEDURE_NAMES].sort());
    for (const name of PROCEDURE_NAMES)
      expect(Object.keys(permissionMatrix[name]).sort()).toEqual([...ROLES].sort());
    expect(permissionMatrix['users.create']).toEqual({
      admin: true,
      coordinator: false,
      caseworker: false,
      therapist: false,
    });
    expect(permissionMatrix['app.status']).toEqual({
      admin: false,
      coordinator: false,
      caseworker: false,
      therapist: false,
    });
  });

  for (const role of ROLES) {
    it(`${role}: every procedure is allowed or FORBIDDEN as the matrix says`, async () => {
      await signIn(backend, USERNAMES[role], PASSWORDS[role]);
      const inputs = sample(role);
      for (const name of ordered) {
        const envelope = await backend.call(name, inputs[name]);
        const forbidden = !envelope.ok && envelope.error.code === 'FORBIDDEN';
        expect({ name, role, forbidden }).toEqual({
          name,
          role,
          forbidden: !isAllowed(name, role),
        });
        if (!envelope.ok) expect(envelope.error.code).not.toBe('INTERNAL');
      }
      expect((await ok(backend, 'app.status', {})).state).toBe('locked');
    });
  }

  it('every role-gated procedure answers LOCKED while the vault is locked', async () => {
    for (const name of roleGated) {
      expect({ name, code: (await fails(backend, name, sample('admin')[name])).code }).toEqual({
        name,
        code: 'LOCKED',
      });
    }
  });

  it('recovery-only procedures answer LOCKED outside recovery, even to a signed-in administrator', async () => {
    await signIn(backend, 'admin.reyes', ADMIN.password);
    expect(
      (await fails(backend, 'auth.recoveryResetAdmin', sample('admin')['auth.recoveryResetAdmin']))
        .code,
    ).toBe('LOCKED');
    await ok(backend, 'session.lock', { reason: 'manual' });
  });

  it('a denied call is audited as denied', async () => {
    await signIn(backend, 'therapist', PASSWORDS.therapist);
    await fails(backend, 'users.list', {});
    await ok(backend, 'session.lock', { reason: 'manual' });
    await signIn(backend, 'admin.reyes', ADMIN.password);
    const { entries } = await ok(backend, 'audit.list', { action: 'users.list', limit: 10 });
    expect(entries.some((e) => e.outcome === 'denied')).toBe(true);
    await ok(backend, 'session.lock', { reason: 'manual' });
  });
});

describe('malformed input', () => {
  const huge = 'x'.repeat(100_000);
  const cases: [ProcedureName, unknown][] = [
    [
      'users.create',
      {
        displayName: 42,
        username: 'ok.name',
        role: 'caseworker',
        shelterScope: [],
        temporaryPassword: 'Temporary-Kite-Reef-90',
      },
    ],
    [
      'users.create',
      {
        displayName: 'Ok',
        username: 'ok.name',
        role: 'caseworker',
        shelterScope: [],
        temporaryPassword: 'Temporary-Kite-Reef-90',
        isAdmin: true,
      },
    ],
    [
      'users.create',
      {
        displayName: huge,
        username: 'ok.name',
        role: 'caseworker',
        shelterScope: [],
        temporaryPassword: 'Temporary-Kite-Reef-90',
      },
    ],
    [
      'users.create',
      {
        displayName: 'Ok',
        username: 'Niño👧',
        role: 'caseworker',
        shelterScope: [],
        temporaryPassword: 'Temporary-Kite-Reef-90',
      },
    ],
    [
      'users.create',
      {
        displayName: 'Ok',
        username: 'ok.name',
        role: 'superuser',
        shelterScope: [],
        temporaryPassword: 'Temporary-Kite-Reef-90',
      },
    ],
    [
      'users.create',
      {
        displayName: 'Ok',
        username: 'ok.name',
        role: 'caseworker',
        shelterScope: [huge],
        temporaryPassword: 'Temporary-Kite-Reef-90',
      },
    ],
    ['users.create', null],
    ['users.create', 'a string'],
    ['users.resetPassword', { userId: 'not-a-uuid', temporaryPassword: 'Temporary-Kite-Reef-90' }],
    ['users.disable', { userId: ['array'] }],
    ['settings.update', { idleLockMinutes: 0, timeZone: 'Asia/Manila', paperSize: 'A4' }],
    ['settings.update', { idleLockMinutes: 61, timeZone: 'Asia/Manila', paperSize: 'A4' }],
    ['settings.update', { idleLockMinutes: 5, timeZone: 'Mars/Olympus', paperSize: 'A4' }],
    ['settings.update', { idleLockMinutes: 5, timeZone: 'Asia/Manila', paperSize: 'A3' }],
    ['audit.list', { limit: 5, from: '2026-13-45' }],
    ['session.lock', { reason: 'whenever' }],
    ['account.changePassword', { currentPassword: huge, newPassword: 'Whatever-Long-Pass-1' }],
  ];

  it('gets VALIDATION with the offending field, and writes nothing', async () => {
    await signIn(backend, 'admin.reyes', ADMIN.password);
    const inspector = await unlockWithRecoveryKey(folder, recoveryKey, () => ({
      userId: null,
      deviceId: 'inspector',
    }));
    const count = (table: string) =>
      Number(inspector.db.prepare(`SELECT count(*) FROM ${table}`, { pluck: true }).get());
    const before = {
      changes: count('change_log'),
      audit: count('audit_log'),
      users: count('users'),
    };
    for (const [name, input] of cases) {
      const error = await fails(backend, name, input);
      expect({ name, input: JSON.stringify(input).slice(0, 80), code: error.code }).toMatchObject({
        code: 'VALIDATION',
      });
      expect(Object.keys(error.fields ?? {}).length).toBeGreaterThan(0);
    }
    expect({
      changes: count('change_log'),
      audit: count('audit_log'),
      users: count('users'),
    }).toEqual(before);
    inspector.close();
    const settings = await ok(backend, 'settings.get', {});
    expect(settings.idleLockMinutes).toBe(5);
  });

  it('names the field and the reason', async () => {
    const tooLong = await fails(backend, 'users.create', {
      ...(sample('admin')['users.create'] as object),
      displayName: huge,
    });
    expect(tooLong.fields).toEqual({ displayName: 'tooLong' });
    const extra = await fails(backend, 'users.create', {
      ...(sample('admin')['users.create'] as object),
      isAdmin: true,
    });
    expect(extra.fields).toEqual({ isAdmin: 'invalid' });
    const zone = await fails(backend, 'settings.update', {
      idleLockMinutes: 5,
      timeZone: 'Mars/Olympus',
      paperSize: 'A4',
    });
    expect(zone.fields).toEqual({ timeZone: 'timeZone.invalid' });
  });

  it('unknown procedures are NOT_FOUND, never a crash', async () => {
    expect((await fails(backend, 'users.drop' as ProcedureName, {})).code).toBe('NOT_FOUND');
    expect((await fails(backend, '__proto__' as ProcedureName, {})).code).toBe('NOT_FOUND');
  });
});

// Setting up what an end-to-end test is not about, through the harness's bridge: the vault, its
// staff, and each person's first sign-in with the forced password change.
import { join } from 'node:path';
import { Database } from '@signalapp/sqlcipher';
import { DataLayer } from '../../electron/backend/db/data-layer';
import { SCHEMA } from '../../electron/backend/runtime/composition';
import { unwrapWithRecoveryKey } from '../../electron/backend/vault/vault';
import type { ProcedureInput } from '../../shared/contract';
import type { Role } from '../../shared/roles';
import { zonedInstant } from '../../shared/time';
import { expectOk, harnessCall, type TestHarness } from './harness';

export interface Admin {
  displayName: string;
  username: string;
  password: string;
}

export interface StaffMember {
  displayName: string;
  username: string;
  temporaryPassword: string;
  password: string;
}

/**
 * Creates the vault (its administrator stays signed in) and a temporary-password account each;
 * returns the vault's recovery key.
 */
export async function createVaultWithStaff(
  harness: TestHarness,
  admin: Admin,
  timeZone: string,
  staff: readonly { member: StaffMember; role: Role; shelterScope: readonly string[] }[],
): Promise<string> {
  const created = expectOk(
    await harnessCall(harness, 'vault.create', {
      adminDisplayName: admin.displayName,
      adminUsername: admin.username,
      adminPassword: admin.password,
      timeZone,
    }),
  );
  await addStaff(harness, staff);
  return created.recoveryKey;
}

/** The signed-in administrator adds each account, with a temporary password; returns their ids. */
export async function addStaff(
  harness: TestHarness,
  staff: readonly { member: StaffMember; role: Role; shelterScope: readonly string[] }[],
): Promise<string[]> {
  const ids: string[] = [];
  for (const { member, role, shelterScope } of staff) {
    const user = expectOk(
      await harnessCall(harness, 'users.create', {
        displayName: member.displayName,
        username: member.username,
        role,
        shelterScope: [...shelterScope],
        temporaryPassword: member.temporaryPassword,
      }),
    );
    ids.push(user.id);
  }
  return ids;
}

/** Signs `member` in with the temporary password and replaces it; they stay signed in. */
export async function firstSignIn(harness: TestHarness, member: StaffMember): Promise<void> {
  expectOk(await harnessCall(harness, 'session.lock', { reason: 'signOut' }));
  expectOk(
    await harnessCall(harness, 'auth.signIn', {
      username: member.username,
      password: member.temporaryPassword,
    }),
  );
  expectOk(
    await harnessCall(harness, 'account.changePassword', {
      currentPassword: member.temporaryPassword,
      newPassword: member.password,
    }),
  );
}

export interface PlacedChild {
  shelterId: string;
  childId: string;
  caseCode: string;
}

/**
 * As the signed-in coordinator: a shelter (any sex, ages 0–18, four places) with one bed, and
 * `child` registered and admitted to it at 10:00 on `admittedOn` in `timeZone`.
 */
export async function placeChild(
  harness: TestHarness,
  place: {
    shelterName: string;
    child: ProcedureInput<'children.register'>;
    admittedOn: string;
    timeZone: string;
  },
): Promise<PlacedChild> {
  const shelter = expectOk(
    await harnessCall(harness, 'shelters.save', {
      name: place.shelterName,
      type: 'ngo_shelter',
      sexRule: 'any',
      minAge: 0,
      maxAge: 18,
      capacity: 4,
    }),
  );
  const withBed = expectOk(
    await harnessCall(harness, 'beds.save', { shelterId: shelter.id, label: 'Bed 1' }),
  );
  const child = expectOk(await harnessCall(harness, 'children.register', place.child));
  expectOk(
    await harnessCall(harness, 'placements.admit', {
      childId: child.id,
      bedId: withBed.beds[0]!.id,
      startAt: zonedInstant(place.admittedOn, '10:00', place.timeZone),
      reason: 'Referral',
    }),
  );
  return { shelterId: shelter.id, childId: child.id, caseCode: child.caseCode };
}

/**
 * A session `therapistId` held with the child yesterday and marked attended, written straight to
 * the locked vault (opened with its recovery key) as the scheduler would have, so a test about
 * notes need not book and mark a session through the calendar first.
 */
export async function insertAttendedSession(
  dataFolder: string,
  recoveryKey: string,
  therapistId: string,
  childId: string,
): Promise<void> {
  const key = await unwrapWithRecoveryKey(dataFolder, recoveryKey);
  const db = new Database(join(dataFolder, 'aruga.db'));
  try {
    db.pragma(`key = "x'${key.dataKeyHex}'"`);
    key.discard();
    const data = new DataLayer(db, SCHEMA.tables, () => ({
      userId: therapistId,
      deviceId: 'e2e-seed',
    }));
    const start = new Date(Date.now() - 26 * 3_600_000).toISOString();
    const end = new Date(Date.now() - 25 * 3_600_000).toISOString();
    const session = data.insert('therapy_sessions', {
      therapist_id: therapistId,
      kind: 'individual',
      start_at: start,
      end_at: end,
      status: 'attended',
    });
    data.insert('therapy_participants', {
      session_id: session,
      child_id: childId,
      start_at: start,
      end_at: end,
    });
  } finally {
    db.close();
  }
}

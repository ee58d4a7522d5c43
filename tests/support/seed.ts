// Setting up what an end-to-end test is not about, through the harness's bridge: the vault, its
// staff, and each person's first sign-in with the forced password change.
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

/** Creates the vault (its administrator stays signed in) and a temporary-password account each. */
export async function createVaultWithStaff(
  harness: TestHarness,
  admin: Admin,
  timeZone: string,
  staff: readonly { member: StaffMember; role: Role; shelterScope: readonly string[] }[],
): Promise<void> {
  expectOk(
    await harnessCall(harness, 'vault.create', {
      adminDisplayName: admin.displayName,
      adminUsername: admin.username,
      adminPassword: admin.password,
      timeZone,
    }),
  );
  await addStaff(harness, staff);
}

/** The signed-in administrator adds each account, with a temporary password. */
export async function addStaff(
  harness: TestHarness,
  staff: readonly { member: StaffMember; role: Role; shelterScope: readonly string[] }[],
): Promise<void> {
  for (const { member, role, shelterScope } of staff) {
    expectOk(
      await harnessCall(harness, 'users.create', {
        displayName: member.displayName,
        username: member.username,
        role,
        shelterScope: [...shelterScope],
        temporaryPassword: member.temporaryPassword,
      }),
    );
  }
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

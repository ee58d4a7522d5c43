// A vault with case-team accounts and shelters, for the case-record tests.
import { SCHEMA } from '../../../electron/backend/runtime/composition';
import type { BackendApi } from '../../../electron/backend/api';
import type { Database } from '@signalapp/sqlcipher';
import type { Domain } from '../../../electron/backend/runtime/composition';
import { DataLayer } from '../../../electron/backend/db/data-layer';
import { todayIn } from '../../../shared/time';
import { ADMIN, inspectDatabase, newVault, ok, signIn } from './backend';

export const ZONE = 'Asia/Manila';

interface Account {
  username: string;
  role: 'coordinator' | 'caseworker' | 'therapist';
  shelterScope: string[];
}

const ACCOUNTS = {
  coordinator: { username: 'coord.lim', role: 'coordinator', shelterScope: [] },
  // Scope by name, in another case: must still match "Fictional Home Cebu".
  cebu: { username: 'cw.cebu', role: 'caseworker', shelterScope: ['fictional HOME cebu'] },
  iloilo: { username: 'cw.iloilo', role: 'caseworker', shelterScope: ['Fictional Home Iloilo'] },
  therapist: { username: 'ther.cruz', role: 'therapist', shelterScope: ['Fictional Home Cebu'] },
} as const satisfies Record<string, Account>;
export type Who = keyof typeof ACCOUNTS | 'admin';

const passwordOf = (who: Who) =>
  who === 'admin' ? ADMIN.password : `Final-${ACCOUNTS[who].username}-Harbor-62`;

/** A calendar date `days` before today in the vault's zone. */
export function daysAgo(days: number): string {
  return todayIn(ZONE, new Date(Date.now() - days * 86_400_000));
}

/** 10:00 in Manila, `days` before today (never in the future for days ≥ 1). */
export function instantDaysAgo(days: number, hourUtc = 2): string {
  return `${daysAgo(days)}T${String(hourUtc).padStart(2, '0')}:00:00.000Z`;
}

export const childInput = (overrides: Record<string, unknown> = {}) => ({
  legalName: 'Fictional Maria Santos',
  birth: { kind: 'dob', dateOfBirth: '2012-05-04' },
  sex: 'female',
  languages: ['Cebuano', 'Filipino'],
  referralSource: 'Fictional barangay hall',
  referralDate: daysAgo(40),
  intakeDate: daysAgo(40),
  ...overrides,
});

/** `domains`: the backend's domains, when a test adds one of its own (default: the app's). */
export async function caseVault(domains?: readonly Domain[]) {
  const { backend, folder, recoveryKey, admin } = await newVault({}, domains);
  const ids = { admin: admin.userId } as Record<Who, string>;
  let current: Who | null = 'admin';
  const as = async (who: Who) => {
    if (current === who) return;
    await ok(backend, 'session.lock', { reason: 'manual' });
    await signIn(
      backend,
      who === 'admin' ? ADMIN.username : ACCOUNTS[who].username,
      passwordOf(who),
    );
    current = who;
  };
  /** The administrator adds them; they replace the temporary password at first sign-in. */
  const addStaff = async (...whom: Exclude<Who, 'admin'>[]) => {
    await as('admin');
    for (const who of whom) {
      const account = ACCOUNTS[who];
      const user = await ok(backend, 'users.create', {
        displayName: `Fictional ${account.username}`,
        username: account.username,
        role: account.role,
        shelterScope: account.shelterScope,
        temporaryPassword: `Temp-${account.username}-Kite-77`,
      });
      ids[who] = user.id;
    }
    for (const who of whom) {
      const account = ACCOUNTS[who];
      await ok(backend, 'session.lock', { reason: 'manual' });
      await signIn(backend, account.username, `Temp-${account.username}-Kite-77`);
      await ok(backend, 'account.changePassword', {
        currentPassword: `Temp-${account.username}-Kite-77`,
        newPassword: passwordOf(who),
      });
      current = who;
    }
  };
  // The coordinator and the shelters first: shelter access can only name shelters that exist.
  await addStaff('coordinator');
  await as('coordinator');
  const shelter = async (name: string, beds: string[], extra: Record<string, unknown> = {}) => {
    let s = await ok(backend, 'shelters.save', {
      name,
      type: 'ngo_shelter',
      address: `${name} street`,
      sexRule: 'any',
      minAge: 0,
      maxAge: 25,
      capacity: 20,
      ...extra,
    });
    for (const label of beds)
      s = await ok(backend, 'beds.save', { shelterId: s.id, room: 'A', label });
    return s;
  };
  const cebu = await shelter('Fictional Home Cebu', ['Bed 1', 'Bed 2', 'Bed 3']);
  const iloilo = await shelter('Fictional Home Iloilo', ['Bed 1', 'Bed 2']);
  await addStaff('cebu', 'iloilo', 'therapist');
  await as('coordinator');
  const inspect = async (): Promise<Inspector> => {
    const db = await inspectDatabase(folder, recoveryKey);
    const data = new DataLayer(db, SCHEMA.tables, () => ({ userId: null, deviceId: 'inspector' }));
    return { db, data, close: () => db.close() };
  };
  const bed = (s: typeof cebu, i: number) => s.beds[i]!.id;
  return { backend, folder, recoveryKey, ids, as, cebu, iloilo, bed, inspect, shelter };
}

/** A second, plain connection beside the backend's (the recovery key opens it). */
export interface Inspector {
  db: Database;
  data: DataLayer;
  close(): void;
}

/** Counts rows in a table through a second connection (the recovery key opens it). */
export function countRows(vault: Inspector, table: string): number {
  return Number(vault.db.prepare(`SELECT count(*) FROM ${table}`, { pluck: true }).get());
}

export async function register(backend: BackendApi, overrides: Record<string, unknown> = {}) {
  return ok(backend, 'children.register', childInput(overrides));
}

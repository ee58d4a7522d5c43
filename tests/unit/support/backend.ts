// Real SQLCipher vaults in temp folders, with a cheaper KDF so the suite stays fast.
// (The production cost, N=2^17, is asserted separately and measured by `npm run bench`.)
import { SCHEMA } from '../../../electron/backend/runtime/composition';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { Database } from '@signalapp/sqlcipher';
import type { BackendApi, BackendOptions } from '../../../electron/backend/api';
import {
  createVault,
  unwrapWithPassword,
  unwrapWithRecoveryKey,
  type OpenVault,
} from '../../../electron/backend/vault/vault';
import { createBackend } from '../../../electron/backend/runtime/router';
import type { Domain } from '../../../electron/backend/runtime/composition';
import type { ProcedureName, ProcedureOutput } from '../../../shared/contract';
import type { Envelope } from '../../../shared/errors';
import { FAST_KDF, tempFolder } from './standalone';

export { FAST_KDF, tempFolder };
export const ADMIN = {
  displayName: 'Fictional Admin Reyes',
  username: 'admin.reyes',
  password: 'Kalamansi-Ferry-42-Lantern',
};

const backends: BackendApi[] = [];
const opened: OpenVault[] = [];
afterAll(async () => {
  for (const vault of opened.splice(0)) vault.close();
  await Promise.all(backends.splice(0).map((b) => b.close()));
});

export function backendAt(
  dataFolder: string,
  extra: Partial<BackendOptions> = {},
  domains?: readonly Domain[],
): BackendApi {
  // The daily backup is off unless a test asks for it: it would add an entry to every log. So is
  // the automatic sync: a test that shares syncs by hand and counts what each sync did.
  const backend = createBackend(
    { dataFolder, kdf: FAST_KDF, automaticBackups: false, autoSyncIntervalMs: 0, ...extra },
    domains,
  );
  backends.push(backend);
  return backend;
}

/** Calls and unwraps; fails the test with the error code if the call failed. */
export async function ok<N extends ProcedureName>(
  backend: BackendApi,
  name: N,
  input: unknown,
): Promise<ProcedureOutput<N>> {
  const envelope = (await backend.call(name, input)) as Envelope<ProcedureOutput<N>>;
  if (!envelope.ok) throw new Error(`${name} failed: ${JSON.stringify(envelope.error)}`);
  return envelope.value;
}

export async function fails(backend: BackendApi, name: ProcedureName, input: unknown) {
  const envelope = await backend.call(name, input);
  if (envelope.ok) throw new Error(`${name} unexpectedly succeeded`);
  return envelope.error;
}

/** A fresh vault with its administrator signed in. */
export async function newVault(extra: Partial<BackendOptions> = {}, domains?: readonly Domain[]) {
  const folder = tempFolder();
  const backend = backendAt(folder, extra, domains);
  const { recoveryKey, session } = await ok(backend, 'vault.create', {
    adminDisplayName: ADMIN.displayName,
    adminUsername: ADMIN.username,
    adminPassword: ADMIN.password,
    timeZone: 'Asia/Manila',
  });
  return { folder, backend, recoveryKey, admin: session };
}

export async function addUser(
  backend: BackendApi,
  username: string,
  role: string,
  temporaryPassword = `Temp-${username}-Pass-93`,
) {
  const user = await ok(backend, 'users.create', {
    displayName: `Fictional ${username}`,
    username,
    role,
    shelterScope: [],
    temporaryPassword,
  });
  return { user, temporaryPassword };
}

export async function signIn(backend: BackendApi, username: string, password: string) {
  return ok(backend, 'auth.signIn', { username, password });
}

/**
 * A new staff member's first sign-in, on a vault the administrator has open: the account is made,
 * the administrator locks, and the new member signs in and sets their own password.
 */
export async function signInAsNewUser(backend: BackendApi, username: string, role: string) {
  const { user, temporaryPassword } = await addUser(backend, username, role);
  await ok(backend, 'session.lock', { reason: 'manual' });
  await signIn(backend, username, temporaryPassword);
  await ok(backend, 'account.changePassword', {
    currentPassword: temporaryPassword,
    newPassword: `Final-${username}-Harbor-62`,
  });
  return user;
}

/** What opens a vault's key slot: a staff member's password, or the recovery key. */
export type RawUnlock = { username: string; password: string } | { recoveryKey: string };

/**
 * The vault's database as a plain SQLCipher connection: no folder lock, no migration, no audit.
 * For a test that looks at the rows while a backend holds the vault open, or that writes to the
 * file behind the vault's back (damage, an older or newer schema).
 */
export async function openRaw(folder: string, unlock: RawUnlock): Promise<Database> {
  const key =
    'recoveryKey' in unlock
      ? await unwrapWithRecoveryKey(folder, unlock.recoveryKey)
      : await unwrapWithPassword(folder, unlock.username, unlock.password);
  const db = new Database(join(folder, 'aruga.db'));
  db.pragma(`key = "x'${key.dataKeyHex}'"`);
  key.discard();
  return db;
}

/** openRaw with the recovery key. */
export function inspectDatabase(folder: string, recoveryKey: string): Promise<Database> {
  return openRaw(folder, { recoveryKey });
}

/**
 * A vault opened straight from the vault module, with no backend and no sign-in: for tests of one
 * module (audit log, placement services) that build what they need inside the test, cheaply.
 */
export async function openServiceVault(): Promise<OpenVault> {
  const { vault } = await createVault({
    folder: tempFolder(),
    adminUsername: ADMIN.username,
    adminPassword: ADMIN.password,
    kdf: FAST_KDF,
    schema: SCHEMA,
    context: () => ({ userId: null, deviceId: 'test' }),
    seed: () => undefined,
  });
  opened.push(vault);
  return vault;
}

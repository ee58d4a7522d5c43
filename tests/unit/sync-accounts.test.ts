// Staff accounts across computers, on real backends: two computers of one organisation, each with
// its own data key and keyring, sharing one sync folder. An account made, changed or disabled on
// one reaches the other's keyring with the next sync.
import { describe, expect, it } from 'vitest';
import {
  ADMIN,
  addUser,
  FAST_KDF,
  fails,
  joinComputer,
  newVault,
  ok,
  openRaw,
  signIn,
  tempFolder,
} from './support';
import type { BackendApi } from '../../electron/backend/api';
import {
  createSlot,
  keyringPath,
  readKeyring,
  replaceSlot,
  slotIdFor,
  writeKeyring,
} from '../../electron/backend/vault/keyring';
import { unwrapWithPassword } from '../../electron/backend/vault/vault';

/** Computer A (it started sharing) and computer B (joined from A), and their sync folder. */
async function twoComputers() {
  const a = await newVault();
  await ok(a.backend, 'sync.start', { computerName: 'Fictional office laptop' });
  const b = await joinComputer(a.backend, 'Fictional shelter laptop');
  await ok(a.backend, 'session.lock', { reason: 'manual' });
  const folder = tempFolder();
  const sync = (backend: BackendApi) => ok(backend, 'sync.now', { folder });
  /** Signs in as the administrator and syncs. */
  const adminSync = async (backend: BackendApi) => {
    await signIn(backend, ADMIN.username, ADMIN.password);
    return sync(backend);
  };
  return { a, b, sync, adminSync };
}

/** Whether `password` unwraps the data key of the vault in `folder` (no back-off involved). */
async function opens(folder: string, username: string, password: string): Promise<boolean> {
  try {
    (await unwrapWithPassword(folder, username, password)).discard();
    return true;
  } catch {
    return false;
  }
}

/**
 * Turns `username`'s account in the (locked) vault in `folder` into one made before accounts
 * travelled: no credential in its row, and a slot sealed to this keyring alone.
 */
async function makePreTravelAccount(folder: string, username: string, password: string) {
  const key = await unwrapWithPassword(folder, ADMIN.username, ADMIN.password);
  const dataKey = Buffer.from(key.dataKeyHex, 'hex');
  key.discard();
  const db = await openRaw(folder, ADMIN);
  db.prepare('UPDATE users SET credential = NULL WHERE username = ?').run([username]);
  db.close();
  const body = readKeyring(keyringPath(folder))!;
  const slot = await createSlot(
    await slotIdFor(body, username),
    'user',
    password,
    dataKey,
    FAST_KDF,
  );
  writeKeyring(keyringPath(folder), replaceSlot(body, slot), dataKey);
  dataKey.fill(0);
}

const USERNAME = 'fictional.dalisay';
const NEW_PASSWORD = 'Fictional-Mango-Harbour-58';

// Two backends, each signing in several times: slow on a loaded machine.
describe('staff accounts across computers', { timeout: 180_000 }, () => {
  it('each computer keeps its own data key and keyring, and one password opens both', async () => {
    const { a, b, adminSync } = await twoComputers();
    const keyA = await unwrapWithPassword(a.folder, ADMIN.username, ADMIN.password);
    const keyB = await unwrapWithPassword(b.folder, ADMIN.username, ADMIN.password);
    expect(keyA.dataKeyHex).not.toBe(keyB.dataKeyHex);
    expect(readKeyring(keyringPath(a.folder))!.lookup.salt).not.toBe(
      readKeyring(keyringPath(b.folder))!.lookup.salt,
    );
    keyA.discard();
    keyB.discard();
    expect(await adminSync(a.backend)).toMatchObject({ refused: [], written: true });
    expect(await adminSync(b.backend)).toMatchObject({ refused: [], applied: 1 });
  });

  it('a user created on A signs in on B after one sync', async () => {
    const { a, b, sync, adminSync } = await twoComputers();
    await signIn(a.backend, ADMIN.username, ADMIN.password);
    const { user, temporaryPassword } = await addUser(a.backend, USERNAME, 'caseworker');
    await sync(a.backend);
    expect(await opens(b.folder, USERNAME, temporaryPassword)).toBe(false);

    await adminSync(b.backend);
    const session = await signIn(b.backend, USERNAME, temporaryPassword);
    // The same account, role and first-sign-in rule as on A.
    expect(session).toMatchObject({
      userId: user.id,
      role: 'caseworker',
      mustChangePassword: true,
    });
  });

  it('a password changed on B works on A after sync, and the old one no longer does', async () => {
    const { a, b, sync, adminSync } = await twoComputers();
    await signIn(a.backend, ADMIN.username, ADMIN.password);
    const { temporaryPassword } = await addUser(a.backend, USERNAME, 'therapist');
    await sync(a.backend);
    await adminSync(b.backend);

    await signIn(b.backend, USERNAME, temporaryPassword);
    await ok(b.backend, 'account.changePassword', {
      currentPassword: temporaryPassword,
      newPassword: NEW_PASSWORD,
    });
    await sync(b.backend);
    // Before A has synced, A still knows only the old password.
    expect(await opens(a.folder, USERNAME, NEW_PASSWORD)).toBe(false);
    expect(await opens(a.folder, USERNAME, temporaryPassword)).toBe(true);

    await adminSync(a.backend);
    expect(await signIn(a.backend, USERNAME, NEW_PASSWORD)).toMatchObject({
      mustChangePassword: false,
    });
    expect(await opens(a.folder, USERNAME, temporaryPassword)).toBe(false);
    expect(
      await fails(a.backend, 'auth.signIn', { username: USERNAME, password: temporaryPassword }),
    ).toMatchObject({ code: 'BAD_CREDENTIALS' });
  });

  it('a role and shelters changed on A apply on B after sync, and the same password opens B', async () => {
    const { a, b, sync, adminSync } = await twoComputers();
    await signIn(a.backend, ADMIN.username, ADMIN.password);
    const { user, temporaryPassword } = await addUser(a.backend, USERNAME, 'caseworker');
    await sync(a.backend);
    await adminSync(b.backend);

    await ok(a.backend, 'users.update', { userId: user.id, role: 'therapist', shelterScope: [] });
    await sync(a.backend);
    await sync(b.backend);
    expect((await ok(b.backend, 'users.list', {})).find((u) => u.id === user.id)).toMatchObject({
      role: 'therapist',
      shelterScope: [],
    });
    expect(await signIn(b.backend, USERNAME, temporaryPassword)).toMatchObject({
      userId: user.id,
      role: 'therapist',
    });
  });

  it('a user disabled on A can no longer unlock B after sync', async () => {
    const { a, b, sync, adminSync } = await twoComputers();
    await signIn(a.backend, ADMIN.username, ADMIN.password);
    const { user, temporaryPassword } = await addUser(a.backend, USERNAME, 'caseworker');
    await sync(a.backend);
    await adminSync(b.backend);
    const slotsBefore = readKeyring(keyringPath(b.folder))!.slots.length;
    expect(await opens(b.folder, USERNAME, temporaryPassword)).toBe(true);

    await ok(a.backend, 'users.disable', { userId: user.id });
    await sync(a.backend);
    await adminSync(b.backend);
    // Her slot is gone from B's keyring: her password no longer unwraps B's data key at all.
    expect(readKeyring(keyringPath(b.folder))!.slots).toHaveLength(slotsBefore - 1);
    expect(await opens(b.folder, USERNAME, temporaryPassword)).toBe(false);
    expect(
      await fails(b.backend, 'auth.signIn', { username: USERNAME, password: temporaryPassword }),
    ).toMatchObject({ code: 'BAD_CREDENTIALS' });

    // A password reset gives the account back, on every computer. (The refused sign-in left B's
    // administrator signed in, and started a back-off that a new sign-in would wait out.)
    await ok(a.backend, 'users.resetPassword', {
      userId: user.id,
      temporaryPassword: NEW_PASSWORD,
    });
    await sync(a.backend);
    await sync(b.backend);
    expect(await opens(b.folder, USERNAME, NEW_PASSWORD)).toBe(true);
  });

  it('an account made before accounts travelled gets a credential at its next sign-in, and then opens B', async () => {
    const a = await newVault();
    const { user, temporaryPassword } = await addUser(a.backend, USERNAME, 'caseworker');
    await ok(a.backend, 'sync.start', { computerName: 'Fictional office laptop' });
    await ok(a.backend, 'session.lock', { reason: 'manual' });
    await makePreTravelAccount(a.folder, USERNAME, temporaryPassword);
    await signIn(a.backend, ADMIN.username, ADMIN.password);
    const { folder: bFolder, backend: b } = await joinComputer(
      a.backend,
      'Fictional shelter laptop',
    );
    const folder = tempFolder();
    // B made no slot for her: her row carries nothing to make one from.
    expect(await opens(bFolder, USERNAME, temporaryPassword)).toBe(false);
    await signIn(a.backend, ADMIN.username, ADMIN.password);
    expect((await ok(a.backend, 'users.list', {})).find((u) => u.id === user.id)).toMatchObject({
      travels: false,
    });

    // Her sign-in on A, where her old slot opens, makes the credential from the typed password.
    await signIn(a.backend, USERNAME, temporaryPassword);
    const slots = readKeyring(keyringPath(a.folder))!.slots.filter((s) => s.kind === 'user');
    expect(slots.every((s) => s.portable)).toBe(true);
    await signIn(a.backend, ADMIN.username, ADMIN.password);
    await ok(a.backend, 'sync.now', { folder });
    await signIn(b, ADMIN.username, ADMIN.password);
    await ok(b, 'sync.now', { folder });
    expect((await ok(b, 'users.list', {})).find((u) => u.id === user.id)).toMatchObject({
      travels: true,
    });
    expect(await signIn(b, USERNAME, temporaryPassword)).toMatchObject({ userId: user.id });
    // The same password still opens A, and a wrong one opens neither.
    expect(await opens(a.folder, USERNAME, temporaryPassword)).toBe(true);
    expect(await opens(bFolder, USERNAME, NEW_PASSWORD)).toBe(false);
  });
});

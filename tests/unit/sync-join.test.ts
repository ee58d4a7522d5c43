// Adding a computer with a join file and a one-time code, on real backends: the wrong code is
// refused and writes nothing; the right one makes a vault of its own that every account's password
// opens, with the same roles and shelter scopes; a change on A after the join reaches B.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ADMIN, addUser, backendAt, fails, newVault, ok, signIn, tempFolder } from './support';
import { unwrapWithPassword, unwrapWithRecoveryKey } from '../../electron/backend/vault/vault';
import { deviceIdOf, openPreferences } from '../../electron/backend/preferences';

const SHELTER = {
  type: 'ngo_shelter',
  sexRule: 'any',
  minAge: 0,
  maxAge: 25,
  capacity: 20,
} as const;
const CANARY = 'Fictional Canary Liwanag';
const COORDINATOR = { username: 'coord.santos', password: 'Fictional-Papaya-Lighthouse-31' };

/**
 * A sharing vault with a coordinator and a shelter (its name a canary), and a join file for B
 * with its code. The administrator is signed in on A.
 */
async function sharingVault() {
  const a = await newVault();
  const { temporaryPassword } = await addUser(a.backend, COORDINATOR.username, 'coordinator');
  await ok(a.backend, 'session.lock', { reason: 'manual' });
  await signIn(a.backend, COORDINATOR.username, temporaryPassword);
  await ok(a.backend, 'account.changePassword', {
    currentPassword: temporaryPassword,
    newPassword: COORDINATOR.password,
  });
  await ok(a.backend, 'shelters.save', { ...SHELTER, name: CANARY });
  await ok(a.backend, 'session.lock', { reason: 'manual' });
  await signIn(a.backend, ADMIN.username, ADMIN.password);
  const caseworker = await ok(a.backend, 'users.create', {
    displayName: 'Fictional Caseworker Bautista',
    username: 'cw.bautista',
    role: 'caseworker',
    shelterScope: [CANARY],
    temporaryPassword: 'Temp-Bautista-Kite-77',
  });
  await ok(a.backend, 'sync.start', { computerName: 'Fictional office laptop' });
  const events: number[] = [];
  a.backend.onEvent((event) => {
    if (event.type === 'progress' && event.procedure === 'sync.addComputer')
      events.push(event.done / event.total);
  });
  const joinFolder = tempFolder();
  const added = await ok(a.backend, 'sync.addComputer', {
    computerName: 'Fictional shelter laptop',
    folder: joinFolder,
  });
  return { a, added, joinFolder, caseworker, events };
}

/** Whether `password` unwraps the data key of the vault in `folder`. */
async function opens(folder: string, username: string, password: string): Promise<boolean> {
  try {
    (await unwrapWithPassword(folder, username, password)).discard();
    return true;
  } catch {
    return false;
  }
}

describe('joining an organisation with a join file', { timeout: 120_000 }, () => {
  it('writes one file of noise, lists the computer, audits it, and never stores the code', async () => {
    const { a, added, joinFolder, events } = await sharingVault();
    expect(added.code).toMatch(/^([0-9A-Z]{4}-){5}[0-9A-Z]{4}$/);
    expect(readdirSync(joinFolder)).toEqual([added.path.split(/[\\/]/).pop()]);
    const bytes = readFileSync(added.path);
    for (const text of [CANARY, ADMIN.username, 'Fictional shelter laptop', added.code])
      expect(bytes.includes(Buffer.from(text, 'utf8'))).toBe(false);
    expect(events.at(-1)).toBe(1);
    const computers = await ok(a.backend, 'sync.computers', {});
    expect(computers.map((c) => c.name)).toContain('Fictional shelter laptop');
    const log = await ok(a.backend, 'audit.list', { limit: 5 });
    const entry = log.entries.find((e) => e.action === 'sync.addComputer');
    expect(entry).toMatchObject({ targetType: 'computer', targetId: added.computerId });
    expect(JSON.stringify(entry)).not.toContain(added.code);
  });

  it('refuses a wrong code, a malformed one and a damaged file, and writes nothing', async () => {
    const { added } = await sharingVault();
    const folder = tempFolder();
    const b = backendAt(folder);
    const wrong = added.code.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'));
    expect(await fails(b, 'sync.join', { file: added.path, code: wrong })).toMatchObject({
      code: 'VALIDATION',
      fields: { code: 'sync.joinCodeWrong' },
    });
    expect(await fails(b, 'sync.join', { file: added.path, code: 'ABCD' })).toMatchObject({
      fields: { code: 'sync.joinCodeMalformed' },
    });
    const damaged = `${added.path}.damaged`;
    const bytes = readFileSync(added.path);
    bytes.writeUInt8(bytes.readUInt8(bytes.length - 100) ^ 0xff, bytes.length - 100);
    writeFileSync(damaged, bytes);
    expect(await fails(b, 'sync.join', { file: damaged, code: added.code })).toMatchObject({
      fields: { file: 'sync.joinFileUnreadable' },
    });
    // Nothing but the preferences the backend keeps for its device id.
    expect(readdirSync(folder).filter((n) => !n.startsWith('preferences'))).toEqual([]);
    expect((await ok(b, 'app.status', {})).state).toBe('setup');
  });

  it('makes a vault of its own that every password opens, with the same roles and scopes', async () => {
    const { a, added, caseworker } = await sharingVault();
    const folder = tempFolder();
    const b = backendAt(folder);
    const events: number[] = [];
    b.onEvent((event) => {
      if (event.type === 'progress') events.push(event.done / event.total);
    });
    const joined = await ok(b, 'sync.join', { file: added.path, code: added.code });
    expect(joined).toEqual({
      computerId: added.computerId,
      computerName: 'Fictional shelter laptop',
      firstSync: null,
      recoveryKey: expect.stringMatching(/^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/) as unknown,
      timeZone: 'Asia/Manila',
    });
    expect(events.at(-1)).toBe(1);
    expect(deviceIdOf(openPreferences(folder))).toBe(added.computerId);
    expect((await ok(b, 'app.status', {})).state).toBe('locked');
    // Its own data key, opened by every account's password.
    const keyA = await unwrapWithPassword(a.folder, ADMIN.username, ADMIN.password);
    const keyB = await unwrapWithPassword(folder, ADMIN.username, ADMIN.password);
    expect(keyB.dataKeyHex).not.toBe(keyA.dataKeyHex);
    const keyBHex = keyB.dataKeyHex;
    keyA.discard();
    keyB.discard();
    expect(await opens(folder, COORDINATOR.username, COORDINATOR.password)).toBe(true);
    // B's own recovery key opens B's data key; A's recovery key (A's data key) does not.
    const recovered = await unwrapWithRecoveryKey(folder, joined.recoveryKey);
    expect(recovered.dataKeyHex).toBe(keyBHex);
    recovered.discard();
    await expect(unwrapWithRecoveryKey(folder, a.recoveryKey)).rejects.toThrow();
    expect(joined.recoveryKey).not.toBe(a.recoveryKey);
    expect(await opens(folder, 'cw.bautista', 'Temp-Bautista-Kite-77')).toBe(true);
    expect(await signIn(b, COORDINATOR.username, COORDINATOR.password)).toMatchObject({
      role: 'coordinator',
    });
    expect((await ok(b, 'shelters.list', {})).map((s) => s.name)).toEqual([CANARY]);
    await ok(b, 'session.lock', { reason: 'manual' });
    await signIn(b, ADMIN.username, ADMIN.password);
    const users = await ok(b, 'users.list', {});
    expect(users.find((u) => u.id === caseworker.id)).toMatchObject({
      role: 'caseworker',
      shelterScope: [CANARY],
    });
    const computers = await ok(b, 'sync.computers', {});
    expect(computers.find((c) => c.self)).toMatchObject({ id: added.computerId });
    const log = await ok(b, 'audit.list', { limit: 10 });
    expect(log.entries.map((e) => e.action)).toContain('sync.join');
    // This data folder has a vault now: a second join is refused.
    expect(await fails(b, 'sync.join', { file: added.path, code: added.code })).toMatchObject({
      code: 'CONFLICT',
    });
  });

  it('brings a change made on A after the join with the first sync, and syncs both ways', async () => {
    const { a, added } = await sharingVault();
    const syncFolder = tempFolder();
    const later = await addUser(a.backend, 'cw.later', 'caseworker');
    await ok(a.backend, 'sync.now', { folder: syncFolder });
    const bFolder = tempFolder();
    const b = backendAt(bFolder);
    const joined = await ok(b, 'sync.join', { file: added.path, code: added.code, syncFolder });
    expect(joined.firstSync).toEqual({ applied: 1, refused: 0 });
    // The account made after the file was written opens B too.
    expect(await opens(bFolder, 'cw.later', later.temporaryPassword)).toBe(true);
    await signIn(b, ADMIN.username, ADMIN.password);
    expect((await ok(b, 'sync.status', {})).folder).toBe(syncFolder);
    // And back: B's change reaches A, signed by B's own key.
    const fromB = await addUser(b, 'cw.from.b', 'therapist');
    await ok(b, 'sync.now', { folder: syncFolder });
    expect((await ok(a.backend, 'sync.now', { folder: syncFolder })).refused).toEqual([]);
    const onA = await ok(a.backend, 'users.list', {});
    expect(onA.map((u) => u.id)).toContain(fromB.user.id);
  });
});

import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { SCHEMA } from '../../electron/backend/runtime/composition';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Database } from '@signalapp/sqlcipher';
import { openDatabase } from '../../electron/backend/db/sqlcipher';
import { DEFAULT_KDF, newDataKey } from '../../electron/backend/vault/crypto';
import { readKeyring, keyringPath } from '../../electron/backend/vault/keyring';
import { Backoff, delaySeconds } from '../../electron/backend/vault/backoff';
import { unlockWithRecoveryKey } from '../../electron/backend/vault/vault';
import { addUser, ADMIN, backendAt, fails, newVault, ok, signIn, tempFolder } from './support';

const snapshot = (folder: string) =>
  Object.fromEntries(
    readdirSync(folder).map((name) => [name, readFileSync(join(folder, name)).toString('base64')]),
  );

describe('vault lifecycle on real SQLCipher files', () => {
  it('creates, locks and unlocks; the database file is encrypted', async () => {
    const { folder, backend } = await newVault();
    expect((await ok(backend, 'app.status', {})).state).toBe('unlocked');
    await ok(backend, 'session.lock', { reason: 'manual' });
    expect((await ok(backend, 'app.status', {})).state).toBe('locked');
    expect((await fails(backend, 'users.list', {})).code).toBe('LOCKED');
    const session = await signIn(backend, ADMIN.username, ADMIN.password);
    expect(session.role).toBe('admin');
    const header = readFileSync(join(folder, 'aruga.db')).subarray(0, 16).toString('latin1');
    expect(header).not.toContain('SQLite format 3');
  });

  it('opens with the key from the recovery slot in a plain SQLCipher connection (the escape hatch)', async () => {
    const { folder, backend, recoveryKey } = await newVault();
    await ok(backend, 'session.lock', { reason: 'manual' });
    const vault = await unlockWithRecoveryKey(folder, recoveryKey, SCHEMA, () => ({
      userId: null,
      deviceId: 't',
    }));
    const hex = vault.exportDataKeyHex();
    vault.close();
    const db = new Database(join(folder, 'aruga.db'));
    db.pragma(`key = "x'${hex}'"`);
    expect(db.prepare('SELECT username FROM users', { pluck: true }).all()).toEqual([
      ADMIN.username,
    ]);
    db.close();
  });

  it('refuses a wrong password with one generic answer and a back-off that survives a restart', async () => {
    const { folder, backend } = await newVault();
    await addUser(backend, 'carla', 'caseworker');
    await ok(backend, 'session.lock', { reason: 'manual' });
    const wrong = await fails(backend, 'auth.signIn', {
      username: 'carla',
      password: 'not-her-password-1',
    });
    expect(wrong).toMatchObject({
      code: 'BAD_CREDENTIALS',
      message: 'badCredentials',
      retryAfterSeconds: 1,
    });
    // Restart: a new backend on the same folder still enforces the wait.
    await backend.close();
    const restarted = backendAt(folder);
    const blocked = await fails(restarted, 'auth.signIn', {
      username: 'carla',
      password: 'whatever-else-2',
    });
    expect(blocked.code).toBe('BACKOFF');
    expect((await ok(restarted, 'app.status', {})).retryAfterSeconds).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 1100));
    // An unknown username gets exactly the same answer as a wrong password.
    const unknown = await fails(restarted, 'auth.signIn', {
      username: 'nobody.here',
      password: 'not-her-password-1',
    });
    expect(unknown).toMatchObject({
      code: 'BAD_CREDENTIALS',
      message: 'badCredentials',
      retryAfterSeconds: 2,
    });
  });

  it('doubles the back-off up to fifteen minutes', () => {
    expect([1, 2, 3, 4, 5].map(delaySeconds)).toEqual([1, 2, 4, 8, 16]);
    expect(delaySeconds(40)).toBe(900);
  });

  it('treats a damaged back-off file as recent failures, not as none', async () => {
    const { folder } = await newVault();
    writeFileSync(join(folder, 'unlock-state.json'), '{broken');
    expect(new Backoff(folder).retryAfterSeconds()).toBeGreaterThan(0);
  });

  it('lets two users unlock the same database with their own passwords', async () => {
    const { backend } = await newVault();
    const { temporaryPassword } = await addUser(backend, 'tess', 'therapist');
    await ok(backend, 'session.lock', { reason: 'manual' });
    expect((await signIn(backend, 'tess', temporaryPassword)).role).toBe('therapist');
    await ok(backend, 'session.lock', { reason: 'manual' });
    expect((await signIn(backend, ADMIN.username, ADMIN.password)).role).toBe('admin');
  });

  it('forces a temporary password to be changed, and the old one stops working', async () => {
    const { backend } = await newVault();
    const { temporaryPassword } = await addUser(backend, 'coco', 'coordinator');
    await ok(backend, 'session.lock', { reason: 'manual' });
    const first = await signIn(backend, 'coco', temporaryPassword);
    expect(first.mustChangePassword).toBe(true);
    expect((await fails(backend, 'settings.get', {})).code).toBe('PASSWORD_CHANGE_REQUIRED');
    const weak = await fails(backend, 'account.changePassword', {
      currentPassword: temporaryPassword,
      newPassword: 'password12',
    });
    expect(weak.fields).toEqual({ newPassword: 'password.tooGuessable' });
    const wrongCurrent = await fails(backend, 'account.changePassword', {
      currentPassword: 'not-the-current-1',
      newPassword: 'Mango-Jeepney-Harbor-5',
    });
    expect(wrongCurrent.fields).toEqual({ currentPassword: 'password.currentWrong' });
    // A wrong current password waits out the same back-off as a wrong sign-in.
    expect(wrongCurrent.retryAfterSeconds).toBe(1);
    await new Promise((r) => setTimeout(r, 1100));
    const changed = await ok(backend, 'account.changePassword', {
      currentPassword: temporaryPassword,
      newPassword: 'Mango-Jeepney-Harbor-5',
    });
    expect(changed.mustChangePassword).toBe(false);
    await ok(backend, 'session.lock', { reason: 'manual' });
    expect(
      (await fails(backend, 'auth.signIn', { username: 'coco', password: temporaryPassword })).code,
    ).toBe('BAD_CREDENTIALS');
    // The second failure in a row (the wrong current password was the first): a 2-second wait.
    await new Promise((r) => setTimeout(r, 2100));
    expect((await signIn(backend, 'coco', 'Mango-Jeepney-Harbor-5')).mustChangePassword).toBe(
      false,
    );
  });

  it('a disabled user cannot unlock: their key slot is gone', async () => {
    const { folder, backend } = await newVault();
    const { user, temporaryPassword } = await addUser(backend, 'dan', 'caseworker');
    const slotsBefore = readKeyring(keyringPath(folder))!.slots.length;
    await ok(backend, 'users.disable', { userId: user.id });
    expect(readKeyring(keyringPath(folder))!.slots.length).toBe(slotsBefore - 1);
    expect((await ok(backend, 'users.list', {})).find((u) => u.id === user.id)?.active).toBe(false);
    await ok(backend, 'session.lock', { reason: 'manual' });
    expect(
      (await fails(backend, 'auth.signIn', { username: 'dan', password: temporaryPassword })).code,
    ).toBe('BAD_CREDENTIALS');
  });

  it('an administrator cannot disable their own account', async () => {
    const { backend, admin } = await newVault();
    expect((await fails(backend, 'users.disable', { userId: admin.userId })).message).toBe(
      'cannotDisableSelf',
    );
  });

  it('after a data-key rotation, a copy of the old keyring cannot open the database', async () => {
    const { folder, backend } = await newVault();
    copyFileSync(keyringPath(folder), join(folder, 'old-keyring.json'));
    await ok(backend, 'vault.rotateKey', {});
    await ok(backend, 'session.lock', { reason: 'manual' });
    // Everyone still signs in with the same password after the rotation.
    await signIn(backend, ADMIN.username, ADMIN.password);
    await ok(backend, 'session.lock', { reason: 'manual' });
    copyFileSync(join(folder, 'old-keyring.json'), keyringPath(folder));
    const error = await fails(backend, 'auth.signIn', {
      username: ADMIN.username,
      password: ADMIN.password,
    });
    expect(error.code).toBe('CORRUPT');
  });

  it('the recovery key unlocks and resets an administrator password', async () => {
    const { backend, recoveryKey, admin } = await newVault();
    await ok(backend, 'session.lock', { reason: 'manual' });
    expect(
      (
        await fails(backend, 'auth.recover', {
          recoveryKey: 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH',
        })
      ).message,
    ).toBe('recoveryKeyWrong');
    await new Promise((r) => setTimeout(r, 1100));
    // Typed loosely: lower case, spaces instead of dashes.
    const { admins } = await ok(backend, 'auth.recover', {
      recoveryKey: recoveryKey.toLowerCase().replaceAll('-', ' '),
    });
    expect(admins).toEqual([
      { id: admin.userId, displayName: ADMIN.displayName, username: ADMIN.username },
    ]);
    expect((await fails(backend, 'users.list', {})).code).toBe('LOCKED');
    const session = await ok(backend, 'auth.recoveryResetAdmin', {
      userId: admin.userId,
      newPassword: 'Brand-New-Harbor-Lamp-8',
    });
    expect(session.userId).toBe(admin.userId);
    await ok(backend, 'session.lock', { reason: 'manual' });
    await signIn(backend, ADMIN.username, 'Brand-New-Harbor-Lamp-8');
  });

  it('a flipped byte in both keyrings gives a clear error and changes nothing on disk', async () => {
    const { folder, backend } = await newVault();
    await ok(backend, 'session.lock', { reason: 'manual' });
    for (const path of [keyringPath(folder), keyringPath(folder, 'previous')]) {
      const bytes = readFileSync(path);
      const index = bytes.indexOf('sealedPrivateKey') + 30;
      bytes[index] = bytes[index]! ^ 0x01;
      writeFileSync(path, bytes);
    }
    const before = snapshot(folder);
    const error = await fails(backend, 'auth.signIn', {
      username: ADMIN.username,
      password: ADMIN.password,
    });
    expect(error).toMatchObject({ code: 'CORRUPT', message: 'keyringDamaged' });
    expect(snapshot(folder)).toEqual(before);
  });

  it('a flipped byte in the database gives a clear error and changes nothing on disk', async () => {
    const { folder, backend } = await newVault();
    await addUser(backend, 'flip', 'caseworker');
    await ok(backend, 'session.lock', { reason: 'manual' });
    // A byte of the first page (the schema), which every opening reads: the file's last pages
    // may hold tables that sign-in never touches.
    const path = join(folder, 'aruga.db');
    const bytes = readFileSync(path);
    const index = 2000;
    bytes[index] = bytes[index]! ^ 0x01;
    writeFileSync(path, bytes);
    const before = snapshot(folder);
    const error = await fails(backend, 'auth.signIn', {
      username: ADMIN.username,
      password: ADMIN.password,
    });
    expect(error).toMatchObject({ code: 'CORRUPT', message: 'databaseDamaged' });
    expect(snapshot(folder)).toEqual(before);
  });

  it('names no user in the keyring, and stores each slot’s KDF parameters', async () => {
    const { folder, backend } = await newVault({ kdf: undefined });
    await addUser(backend, 'hidden.name', 'therapist');
    const raw = readFileSync(keyringPath(folder), 'utf8');
    for (const word of [ADMIN.username, 'hidden.name', 'hidden', ADMIN.displayName, 'therapist']) {
      expect(raw).not.toContain(word);
    }
    const body = readKeyring(keyringPath(folder))!;
    // Every slot, the recovery slot too, records Argon2id and its cost beside its own salt.
    expect(body.slots).toHaveLength(3);
    for (const slot of body.slots)
      expect(slot.kdf).toEqual({
        alg: 'argon2id',
        salt: expect.stringMatching(/^[A-Za-z0-9+/]{22}==$/) as unknown,
        params: { m: 19 * 1024, t: 2, p: 1 },
      });
    expect(DEFAULT_KDF).toEqual({ alg: 'argon2id', params: { m: 19 * 1024, t: 2, p: 1 } });
  });

  it('opens the database durable, MAC-checked and scrubbing what is deleted', () => {
    const db = openDatabase(join(tempFolder(), 'settings.db'), newDataKey());
    const setting = (name: string) => db.pragma(name, { simple: true });
    try {
      expect(setting('journal_mode')).toBe('wal');
      // 2 = FULL: a commit is on disk before the save is reported.
      expect(setting('synchronous')).toBe(2);
      expect(setting('secure_delete')).toBe(1);
      expect(setting('foreign_keys')).toBe(1);
      expect(setting('cipher_use_hmac')).toBe('1');
      expect(setting('cipher_hmac_algorithm')).toBe('HMAC_SHA512');
    } finally {
      db.close();
    }
  });
});

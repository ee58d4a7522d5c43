// The vault attacked as a thief, a departing staff member and a clumsy user would: a full disk,
// a planted key slot, a second process, a damaged back-off file, a rolled-back database.
import { SCHEMA } from '../../electron/backend/runtime/composition';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fileSystem } from '../../electron/backend/vault/atomic-file';
import { Backoff, BACKOFF_FILE, MAX_BACKOFF_SECONDS } from '../../electron/backend/vault/backoff';
import { newDataKey } from '../../electron/backend/vault/crypto';
import { LOCK_FILE } from '../../electron/backend/vault/folder-lock';
import {
  createSlot,
  keyringPath,
  readKeyring,
  unlockSlot,
  type KeySlot,
} from '../../electron/backend/vault/keyring';
import { unlockWithPassword, unwrapWithRecoveryKey } from '../../electron/backend/vault/vault';
import {
  addUser,
  ADMIN,
  backendAt,
  fails,
  FAST_KDF,
  newVault,
  ok,
  signIn,
  tempFolder,
} from './support';

const VAULT_MODULE = fileURLToPath(
  new URL('../../electron/backend/vault/vault.ts', import.meta.url),
);
const COMPOSITION_MODULE = fileURLToPath(
  new URL('../../electron/backend/runtime/composition.ts', import.meta.url),
);
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
const context = () => ({ userId: null, deviceId: 'test' });

afterEach(() => {
  vi.restoreAllMocks();
});

/** Rewrites the keyring file the way an intruder with write access could: the unkeyed checksum. */
function editKeyringFile(folder: string, edit: (body: { slots: unknown[] }) => void): void {
  const path = keyringPath(folder);
  const file = JSON.parse(readFileSync(path, 'utf8')) as {
    body: { slots: unknown[] };
    mac: string;
    sha256: string;
  };
  edit(file.body);
  file.sha256 = createHash('sha256')
    .update(JSON.stringify([file.body, file.mac]))
    .digest('hex');
  writeFileSync(path, JSON.stringify(file));
}

async function auditActions(backend: Parameters<typeof ok>[0]): Promise<string[]> {
  const { entries } = await ok(backend, 'audit.list', { limit: 200 });
  return entries.map((e) => e.action);
}

describe('a full disk never destroys the keyring', () => {
  it('a short write while creating a user changes nothing and says the disk is full', async () => {
    const { folder, backend, recoveryKey } = await newVault();
    const before = readFileSync(keyringPath(folder));
    const realWrite = fileSystem.writeSync;
    // The disk takes the first 4,096 bytes, then nothing more (what a nearly full disk does).
    let budget = 4096;
    vi.spyOn(fileSystem, 'writeSync').mockImplementation(((
      fd: number,
      buffer: Buffer,
      offset: number,
      length: number,
      position: number,
    ) => {
      const take = Math.min(length, budget);
      budget -= take;
      return take === 0 ? 0 : realWrite(fd, buffer, offset, take, position);
    }) as typeof fileSystem.writeSync);
    const error = await fails(backend, 'users.create', {
      displayName: 'Fictional Lorna',
      username: 'lorna',
      role: 'caseworker',
      shelterScope: [],
      temporaryPassword: 'Temp-lorna-Pass-93',
    });
    expect(error).toMatchObject({ code: 'STORAGE', message: 'diskFull' });
    vi.restoreAllMocks();
    // Nothing changed: the keyring is byte for byte the same, no user row, no audit row.
    expect(readFileSync(keyringPath(folder)).equals(before)).toBe(true);
    expect((await ok(backend, 'users.list', {})).map((u) => u.username)).toEqual([ADMIN.username]);
    expect(await auditActions(backend)).not.toContain('users.create');
    // Everyone still gets in, and so does the recovery key.
    await ok(backend, 'session.lock', { reason: 'manual' });
    await signIn(backend, ADMIN.username, ADMIN.password);
    await ok(backend, 'session.lock', { reason: 'manual' });
    const key = await unwrapWithRecoveryKey(folder, recoveryKey);
    expect(key.dataKeyHex).toMatch(/^[0-9a-f]{64}$/);
    key.discard();
  });

  it('ENOSPC while resetting a password leaves the old password working', async () => {
    const { folder, backend } = await newVault();
    const { user, temporaryPassword } = await addUser(backend, 'nina', 'therapist');
    const before = readFileSync(keyringPath(folder));
    vi.spyOn(fileSystem, 'writeSync').mockImplementation(() => {
      throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
    });
    const error = await fails(backend, 'users.resetPassword', {
      userId: user.id,
      temporaryPassword: 'Another-Temp-Pass-71',
    });
    expect(error).toMatchObject({ code: 'STORAGE', message: 'diskFull' });
    vi.restoreAllMocks();
    expect(readFileSync(keyringPath(folder)).equals(before)).toBe(true);
    expect(await auditActions(backend)).not.toContain('users.resetPassword');
    await ok(backend, 'session.lock', { reason: 'manual' });
    expect((await signIn(backend, 'nina', temporaryPassword)).username).toBe('nina');
  });

  it('a damaged keyring falls back to the previous good one, and says so in the audit log', async () => {
    const { folder, backend } = await newVault();
    await ok(backend, 'session.lock', { reason: 'manual' });
    const whole = readFileSync(keyringPath(folder));
    writeFileSync(keyringPath(folder), whole.subarray(0, whole.length / 2));
    await signIn(backend, ADMIN.username, ADMIN.password);
    expect(await auditActions(backend)).toContain('vault.keyringRestored');
    // The current keyring was written again from the good one.
    expect(readKeyring(keyringPath(folder))!.slots).toHaveLength(2);
  });

  it('on a small real disk (tmpfs) that fills up, nothing is lost', async (test) => {
    const mountPoint = mkdtempSync(join(tmpdir(), 'aruga-tmpfs-'));
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=3m', 'tmpfs', mountPoint], {
        stdio: 'ignore',
      });
    } catch {
      rmSync(mountPoint, { recursive: true, force: true });
      test.skip(); // not root, or no tmpfs here
      return;
    }
    let backend: ReturnType<typeof backendAt> | null = null;
    try {
      const folder = join(mountPoint, 'vault');
      mkdirSync(folder);
      backend = backendAt(folder);
      await ok(backend, 'vault.create', {
        adminDisplayName: ADMIN.displayName,
        adminUsername: ADMIN.username,
        adminPassword: ADMIN.password,
        timeZone: 'Asia/Manila',
      });
      await ok(backend, 'session.lock', { reason: 'manual' });
      await signIn(backend, ADMIN.username, ADMIN.password);
      const keyringBefore = readFileSync(keyringPath(folder));
      // Fill the disk, leaving a few KiB: less than a keyring with one more slot.
      const filler = join(mountPoint, 'filler');
      try {
        execFileSync('dd', ['if=/dev/zero', `of=${filler}`, 'bs=1k', 'count=4000'], {
          stdio: 'ignore',
        });
      } catch {
        // dd stops at "No space left on device": that is the point.
      }
      let refused = 0;
      for (const name of ['lena', 'mira', 'oona']) {
        const result = await backend.call('users.create', {
          displayName: `Fictional ${name}`,
          username: name,
          role: 'caseworker',
          shelterScope: [],
          temporaryPassword: `Temp-${name}-Pass-93`,
        });
        if (!result.ok) {
          expect(result.error.code).toBe('STORAGE');
          refused += 1;
        }
      }
      expect(refused).toBeGreaterThan(0);
      const keyringNow = readKeyring(keyringPath(folder))!;
      expect(keyringNow.slots.length).toBeGreaterThanOrEqual(
        JSON.parse(keyringBefore.toString('utf8')).body.slots.length,
      );
      rmSync(filler);
      await backend.call('session.lock', { reason: 'manual' });
      // Every user whose creation was reported saved can sign in; the administrator too.
      await signIn(backend, ADMIN.username, ADMIN.password);
      const users = (await ok(backend, 'users.list', {})).map((u) => u.username);
      expect(users.length).toBe(1 + 3 - refused);
    } finally {
      await backend?.close();
      execFileSync('umount', ['-l', mountPoint]);
      rmSync(mountPoint, { recursive: true, force: true });
    }
  });
});

describe('the slot list is authenticated', () => {
  it('a planted slot is reported, audited, dropped, and never gets the rotated key', async () => {
    const { folder, backend } = await newVault();
    await ok(backend, 'session.lock', { reason: 'manual' });
    // The intruder's own slot: their secret, their key pair, wrapping a key of their own.
    const planted = await createSlot(
      'f'.repeat(32),
      'user',
      'intruder-secret-1',
      newDataKey(),
      FAST_KDF,
    );
    editKeyringFile(folder, (body) => body.slots.push(planted));

    await signIn(backend, ADMIN.username, ADMIN.password);
    const { entries } = await ok(backend, 'audit.list', { limit: 50 });
    const report = entries.find((e) => e.action === 'vault.keyringTampered');
    expect(report).toMatchObject({ outcome: 'failed', detail: { plantedSlots: 1 } });
    expect(readKeyring(keyringPath(folder))!.slots.map((s) => s.id)).not.toContain(planted.id);

    // Plant it again while the administrator works, then rotate: the new key is not wrapped to it.
    editKeyringFile(folder, (body) => body.slots.push(planted));
    await ok(backend, 'vault.rotateKey', {});
    const after = readKeyring(keyringPath(folder))!;
    expect(after.slots.find((s) => s.publicKey === planted.publicKey)).toBeUndefined();
  });

  it('a departed user’s slot put back into the file is not re-wrapped by a rotation', async () => {
    const { folder, backend } = await newVault();
    const { user } = await addUser(backend, 'dario', 'caseworker');
    const before = readKeyring(keyringPath(folder))!;
    await ok(backend, 'users.disable', { userId: user.id });
    const removed = before.slots.find(
      (s) => !readKeyring(keyringPath(folder))!.slots.some((t) => t.id === s.id),
    ) as KeySlot;
    editKeyringFile(folder, (body) => body.slots.push(removed));
    await ok(backend, 'session.lock', { reason: 'manual' });
    await signIn(backend, ADMIN.username, ADMIN.password);
    await ok(backend, 'vault.rotateKey', {});
    const ids = readKeyring(keyringPath(folder))!.slots.map((s) => s.id);
    expect(ids).not.toContain(removed.id);
    expect(ids).toHaveLength(2); // the administrator and the recovery slot
  });

  it('end to end: the rotated key cannot be unwrapped with a slot planted before the rotation', async () => {
    const { folder, backend } = await newVault();
    await ok(backend, 'session.lock', { reason: 'manual' });
    const secret = 'intruder-secret-2';
    const planted = await createSlot('e'.repeat(32), 'user', secret, newDataKey(), FAST_KDF);
    editKeyringFile(folder, (body) => body.slots.push(planted));
    await signIn(backend, ADMIN.username, ADMIN.password);
    await ok(backend, 'vault.rotateKey', {});
    await ok(backend, 'session.lock', { reason: 'manual' });
    // The intruder comes back for the new key with their own secret: nothing is wrapped to them.
    const slot = readKeyring(keyringPath(folder))!.slots.find((s) => s.id === planted.id);
    const stolen = slot ? await unlockSlot(slot, secret) : null;
    expect(stolen).toBeNull();
  });

  it('refuses KDF parameters Aruga never writes, before deriving anything', async () => {
    const { folder, backend } = await newVault();
    await ok(backend, 'session.lock', { reason: 'manual' });
    const good = readFileSync(keyringPath(folder), 'utf8');
    const edits: ((slot: KeySlot) => void)[] = [
      (slot) => Object.assign(slot.kdf.params, { m: 4 * 1024 * 1024 }),
      (slot) => Object.assign(slot.kdf.params, { t: 1000 }),
      (slot) => Object.assign(slot.kdf, { alg: 'scrypt', params: { N: 2 ** 30, r: 8, p: 1 } }),
      (slot) => Object.assign(slot.kdf, { alg: 'argon2d' }),
    ];
    for (const edit of edits) {
      writeFileSync(keyringPath(folder), good);
      editKeyringFile(folder, (body) => edit(body.slots[0] as KeySlot));
      expect(() => readKeyring(keyringPath(folder))).toThrow('keyringDamaged');
    }
  });
});

describe('one process at a time on a data folder', () => {
  let holder: ChildProcess | null = null;
  afterEach(() => {
    holder?.kill('SIGKILL');
    holder = null;
  });

  it('a second process is told the vault is open elsewhere; a crashed holder’s lock is taken over', async () => {
    const { folder, backend } = await newVault();
    await ok(backend, 'session.lock', { reason: 'manual' });
    const script = join(tempFolder(), 'hold-vault.mts');
    writeFileSync(
      script,
      `import { unlockWithPassword } from ${JSON.stringify(VAULT_MODULE)};
      import { SCHEMA } from ${JSON.stringify(COMPOSITION_MODULE)};
      await unlockWithPassword(${JSON.stringify(folder)}, ${JSON.stringify(ADMIN.username)}, ${JSON.stringify(ADMIN.password)}, SCHEMA, () => ({ userId: null, deviceId: 'other' }));
      process.stdout.write('open\\n');
      setInterval(() => {}, 1000);`,
    );
    // Node itself with tsx's loader (not through npx), so killing it kills the holder.
    holder = spawn(process.execPath, ['--import', 'tsx', script], { stdio: 'pipe' });
    await new Promise<void>((resolve, reject) => {
      holder!.stdout!.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('open')) resolve();
      });
      holder!.on('exit', (code) => reject(new Error(`holder exited ${code}`)));
    });
    const error = await fails(backend, 'auth.signIn', {
      username: ADMIN.username,
      password: ADMIN.password,
    });
    expect(error).toMatchObject({ code: 'CONFLICT', message: 'vaultInUse' });
    // The same from a command-line tool in this process.
    await expect(
      unlockWithPassword(folder, ADMIN.username, ADMIN.password, SCHEMA, context),
    ).rejects.toMatchObject({ message: 'vaultInUse' });

    // The holder crashes: its lock stays behind until it is stale, then is taken over.
    holder.kill('SIGKILL');
    await new Promise((r) => holder!.once('exit', r));
    holder = null;
    const old = new Date(Date.now() - 60_000);
    utimesSync(join(folder, LOCK_FILE), old, old);
    await signIn(backend, ADMIN.username, ADMIN.password);
  }, 30_000);
});

describe('the back-off file', () => {
  it('a damaged file is one longest wait, which then runs out (not a wait that restarts)', async () => {
    const folder = tempFolder();
    writeFileSync(join(folder, BACKOFF_FILE), '{garbage');
    const first = new Backoff(folder).retryAfterSeconds();
    expect(first).toBeGreaterThan(0);
    expect(first).toBeLessThanOrEqual(MAX_BACKOFF_SECONDS);
    // Read again a little later, from a fresh process: the wait has not restarted...
    await wait(1100);
    expect(new Backoff(folder).retryAfterSeconds()).toBeLessThan(first);
    // ...and it ends.
    const later = Date.now() + (MAX_BACKOFF_SECONDS + 1) * 1000;
    expect(new Backoff(folder).retryAfterSeconds(later)).toBe(0);
  });

  it('a time a year ahead is capped at the present', () => {
    const folder = tempFolder();
    const yearAhead = Date.now() + 365 * 24 * 3600 * 1000;
    writeFileSync(
      join(folder, BACKOFF_FILE),
      JSON.stringify({ failures: 3, lastFailureAt: yearAhead, pending: [] }),
    );
    const now = Date.now();
    expect(new Backoff(folder).retryAfterSeconds(now)).toBeLessThanOrEqual(MAX_BACKOFF_SECONDS);
    expect(new Backoff(folder).retryAfterSeconds(now + (MAX_BACKOFF_SECONDS + 1) * 1000)).toBe(0);
  });
});

describe('recovery mode', () => {
  it('"Lock now" locks recovery mode', async () => {
    const { backend, recoveryKey } = await newVault();
    await ok(backend, 'session.lock', { reason: 'manual' });
    await ok(backend, 'auth.recover', { recoveryKey });
    expect((await ok(backend, 'app.status', {})).state).toBe('recovery');
    await ok(backend, 'session.lock', { reason: 'manual' });
    expect((await ok(backend, 'app.status', {})).state).toBe('locked');
  });

  it('locks by itself when idle', async () => {
    const { folder, backend: first, recoveryKey } = await newVault();
    await ok(first, 'session.lock', { reason: 'manual' });
    await first.close();
    const backend = backendAt(folder, { idleLockMsOverride: 300 });
    const events: string[] = [];
    backend.onEvent((e) => e.type === 'locked' && events.push(`${e.type}:${e.reason}`));
    await ok(backend, 'auth.recover', { recoveryKey });
    await wait(700);
    expect((await ok(backend, 'app.status', {})).state).toBe('locked');
    expect(events).toEqual(['locked:idle']);
  });
});

describe('sign-in and change password', () => {
  it('a wrong sign-in attempt leaves the open session as it was', async () => {
    const { backend } = await newVault();
    const events: string[] = [];
    backend.onEvent((e) => e.type === 'locked' && events.push(e.reason));
    await fails(backend, 'auth.signIn', {
      username: ADMIN.username,
      password: 'wrong-password-12',
    });
    expect((await ok(backend, 'app.status', {})).state).toBe('unlocked');
    expect(events).toEqual([]);
  });

  it('a wrong current password is audited and starts the back-off', async () => {
    const { backend } = await newVault();
    const wrong = await fails(backend, 'account.changePassword', {
      currentPassword: 'not-the-current-1',
      newPassword: 'Mango-Jeepney-Harbor-5',
    });
    expect(wrong.retryAfterSeconds).toBe(1);
    const again = await fails(backend, 'account.changePassword', {
      currentPassword: ADMIN.password,
      newPassword: 'Mango-Jeepney-Harbor-5',
    });
    expect(again.code).toBe('BACKOFF');
    const { entries } = await ok(backend, 'audit.list', { limit: 20 });
    expect(entries.find((e) => e.action === 'account.changePassword')).toMatchObject({
      outcome: 'failed',
    });
  });
});

describe('a rolled-back database', () => {
  it('Verify integrity reports a database older than the keyring’s checkpoint', async () => {
    const { folder, backend } = await newVault();
    await ok(backend, 'session.lock', { reason: 'manual' });
    const oldCopy = join(tempFolder(), 'aruga.db');
    copyFileSync(join(folder, 'aruga.db'), oldCopy);
    await signIn(backend, ADMIN.username, ADMIN.password);
    await addUser(backend, 'vic', 'caseworker');
    await ok(backend, 'session.lock', { reason: 'manual' });
    // Someone puts the older database back (erasing the record of what they did since).
    copyFileSync(oldCopy, join(folder, 'aruga.db'));
    rmSync(join(folder, 'aruga.db-wal'), { force: true });
    rmSync(join(folder, 'aruga.db-shm'), { force: true });
    await signIn(backend, ADMIN.username, ADMIN.password);
    const result = await ok(backend, 'audit.verify', {});
    expect(result.ok).toBe(false);
    expect(result.olderThanCheckpoint).not.toBeNull();
    expect(result.olderThanCheckpoint!.checkpointSeq).toBeGreaterThan(
      result.olderThanCheckpoint!.databaseSeq,
    );
    // It stays reported across locks.
    await ok(backend, 'session.lock', { reason: 'manual' });
    await signIn(backend, ADMIN.username, ADMIN.password);
    expect((await ok(backend, 'audit.verify', {})).ok).toBe(false);
  });
});

describe('integrity check after sign-in, not during it', () => {
  it('signs in on a vault with a damaged data page, then finds it and locks', async () => {
    const { folder, backend } = await newVault();
    await ok(backend, 'session.lock', { reason: 'manual' });
    // A table sign-in never reads, many pages long.
    const vault = await unlockWithPassword(folder, ADMIN.username, ADMIN.password, SCHEMA, context);
    vault.db.exec('CREATE TABLE bulk (v BLOB)');
    const insert = vault.db.prepare('INSERT INTO bulk (v) VALUES (?)');
    for (let i = 0; i < 400; i++) insert.run([Buffer.alloc(3000, i % 251)]);
    vault.db.pragma('wal_checkpoint(TRUNCATE)');
    vault.close();
    const path = join(folder, 'aruga.db');
    const bytes = readFileSync(path);
    const index = Math.floor(bytes.length / 2);
    bytes[index] = bytes[index]! ^ 0x01;
    writeFileSync(path, bytes);

    const fresh = backendAt(folder);
    const events: string[] = [];
    fresh.onEvent((e) => e.type === 'locked' && events.push(e.reason));
    expect((await signIn(fresh, ADMIN.username, ADMIN.password)).username).toBe(ADMIN.username);
    // The page check runs right after, and the damage is shown at once.
    await ok(fresh, 'app.status', {});
    await wait(50);
    expect((await ok(fresh, 'app.status', {})).state).toBe('locked');
    expect(events).toEqual(['damaged']);
    expect(
      await fails(fresh, 'auth.signIn', { username: ADMIN.username, password: ADMIN.password }),
    ).toMatchObject({ code: 'CORRUPT', message: 'databaseDamaged' });
  });
});

describe('recover-key needs only the keyring and the recovery key', () => {
  it('prints the key from a vault whose database is damaged, and says the database is damaged', async () => {
    const { folder, backend, recoveryKey } = await newVault();
    await ok(backend, 'session.lock', { reason: 'manual' });
    const key = await unwrapWithRecoveryKey(folder, recoveryKey);
    const expected = key.dataKeyHex;
    key.discard();
    const path = join(folder, 'aruga.db');
    const bytes = readFileSync(path);
    // The first page: nothing can open this database any more.
    bytes[100] = bytes[100]! ^ 0xff;
    writeFileSync(path, bytes);
    const result = spawnSync('npx', ['tsx', 'electron/tools/recover-key.ts', '--data', folder], {
      input: `${recoveryKey}\n`,
      encoding: 'utf8',
    });
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(`${expected}\n`);
    expect(result.stderr).toContain('does NOT open');
  });
});

// At every lock the backend worker is ended and a fresh one started: a scan of the backend's
// memory after the lock finds neither the data key nor what was typed before it.
import { SCHEMA } from '../../electron/backend/runtime/composition';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startBackendWorker, type HostedBackend } from '../../electron/host/backend-host';
import { unlockWithPassword, unwrapWithRecoveryKey } from '../../electron/backend/vault/vault';
import { dailyBackupName } from '../../electron/backend/vault/daily-backups';
import { todayIn } from '../../shared/time';
import { addUser, ADMIN, FAST_KDF, fails, ok, signIn, tempFolder } from './support';

const CANARY_NAME = 'Quokkafinch Zebrawren';
const CANARY_INTAKE = 'canary-intake-Marmosetquill-story';

let host: HostedBackend | null = null;
const hosts: HostedBackend[] = [];
afterAll(async () => {
  await host?.close();
  await Promise.all(hosts.map((h) => h.close()));
});

describe('the backend worker after a lock', () => {
  it('is a fresh worker whose heap holds neither the key nor the canaries', async () => {
    const folder = tempFolder();
    host = await startBackendWorker({ dataFolder: folder, kdf: FAST_KDF });
    const { recoveryKey } = await ok(host, 'vault.create', {
      adminDisplayName: ADMIN.displayName,
      adminUsername: ADMIN.username,
      adminPassword: ADMIN.password,
      timeZone: 'Asia/Manila',
    });
    const { temporaryPassword } = await addUser(host, 'coco', 'coordinator');
    await ok(host, 'session.lock', { reason: 'manual' });
    await signIn(host, 'coco', temporaryPassword);
    await ok(host, 'account.changePassword', {
      currentPassword: temporaryPassword,
      newPassword: 'Mango-Jeepney-Harbor-5',
    });
    const child = await ok(host, 'children.register', {
      legalName: CANARY_NAME,
      birth: { kind: 'estimated', estimatedAgeYears: 12, asOf: '2025-01-10' },
      sex: 'female',
      languages: ['Cebuano'],
      referralSource: 'Fictional barangay referral',
      referralDate: '2025-01-10',
      intakeDate: '2025-01-11',
    });
    await ok(host, 'intake.record', {
      childId: child.id,
      heldWhere: 'joint_interview',
      reference: 'Fictional joint interview reference',
      account: CANARY_INTAKE,
    });
    await ok(host, 'intake.open', { childId: child.id });
    await ok(host, 'children.get', { id: child.id });

    // The scan can see them: before the lock, the session's worker holds the canaries.
    const during = await host.heapSnapshot();
    expect(during).toContain(CANARY_INTAKE);
    const sessionThread = host.threadId();

    await ok(host, 'session.lock', { reason: 'manual' });
    expect((await ok(host, 'app.status', {})).state).toBe('locked');
    expect(host.threadId()).not.toBe(sessionThread);

    const key = await unwrapWithRecoveryKey(folder, recoveryKey);
    const keyHex = key.dataKeyHex;
    key.discard();
    const after = await host.heapSnapshot();
    for (const secret of [keyHex, keyHex.toUpperCase(), CANARY_NAME, CANARY_INTAKE]) {
      expect(after.includes(secret), secret.slice(0, 8)).toBe(false);
    }

    // The fresh worker serves the next sign-in as before.
    expect((await signIn(host, ADMIN.username, ADMIN.password)).role).toBe('admin');
  }, 60_000);
});

describe('the page check in a thread of its own', () => {
  it('finds a damaged page after sign-in, locks saying why, and keeps it locked', async () => {
    const folder = tempFolder();
    const first = await startBackendWorker({ dataFolder: folder, kdf: FAST_KDF });
    await ok(first, 'vault.create', {
      adminDisplayName: ADMIN.displayName,
      adminUsername: ADMIN.username,
      adminPassword: ADMIN.password,
      timeZone: 'Asia/Manila',
    });
    await first.close();
    // Pages sign-in never reads, then one bit flipped in the middle of the file.
    const vault = await unlockWithPassword(folder, ADMIN.username, ADMIN.password, SCHEMA, () => ({
      userId: null,
      deviceId: 'test',
    }));
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

    const backend = await startBackendWorker({ dataFolder: folder, kdf: FAST_KDF });
    hosts.push(backend);
    const reasons: string[] = [];
    const locked = new Promise<void>((resolve) =>
      backend.onEvent((event) => {
        if (event.type !== 'locked') return;
        reasons.push(event.reason);
        resolve();
      }),
    );
    expect((await signIn(backend, ADMIN.username, ADMIN.password)).username).toBe(ADMIN.username);
    await locked;
    expect(reasons).toEqual(['damaged']);
    expect((await ok(backend, 'app.status', {})).state).toBe('locked');
    // Carried to the next worker: this run of the app does not open the damaged vault again.
    expect(
      await fails(backend, 'auth.signIn', { username: ADMIN.username, password: ADMIN.password }),
    ).toMatchObject({ code: 'CORRUPT', message: 'databaseDamaged' });
  }, 60_000);
});

describe('the automatic backup in a thread of its own', () => {
  it('writes a verified daily backup that opens with the password, and records it', async () => {
    const folder = tempFolder();
    const backend = await startBackendWorker({
      dataFolder: folder,
      kdf: FAST_KDF,
      automaticBackups: true,
      automaticBackupDelayMs: 0,
    });
    hosts.push(backend);
    await ok(backend, 'vault.create', {
      adminDisplayName: ADMIN.displayName,
      adminUsername: ADMIN.username,
      adminPassword: ADMIN.password,
      timeZone: 'Asia/Manila',
    });
    await ok(backend, 'session.lock', { reason: 'manual' });
    await signIn(backend, ADMIN.username, ADMIN.password);
    let status = await ok(backend, 'backup.status', {});
    for (let i = 0; i < 200 && status.lastAutomatic === null; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      status = await ok(backend, 'backup.status', {});
    }
    expect(status.lastAutomatic).toMatchObject({ ok: true });
    const file = join(folder, 'backups', dailyBackupName(todayIn('Asia/Manila')));
    const summary = await ok(backend, 'backup.inspect', {
      file,
      unlockWith: 'password',
      username: ADMIN.username,
      password: ADMIN.password,
      recoveryKey: '',
    });
    expect(summary.counts.users).toBe(1);
  }, 60_000);
});

describe('a sign-in sent while the sign-out before it is still queued', () => {
  /** A vault whose administrator has signed in, and a coordinator who will sign in next. */
  async function signedInHost() {
    const backend = await startBackendWorker({ dataFolder: tempFolder(), kdf: FAST_KDF });
    hosts.push(backend);
    await ok(backend, 'vault.create', {
      adminDisplayName: ADMIN.displayName,
      adminUsername: ADMIN.username,
      adminPassword: ADMIN.password,
      timeZone: 'Asia/Manila',
    });
    const { temporaryPassword } = await addUser(backend, 'coco', 'coordinator');
    const locks: string[] = [];
    backend.onEvent((event) => event.type === 'locked' && locks.push(event.reason));
    return { backend, temporaryPassword, locks };
  }

  it('opens the new session in the fresh worker, where nothing meant for the old one locks it', async () => {
    const { backend, temporaryPassword, locks } = await signedInHost();
    const sessionThread = backend.threadId();
    // Both reach the session's worker before its lock has been answered, as when the sign-in
    // screen shows at once and the next person is quicker than the calls still queued.
    const [signedOut, signedIn, lateCall] = await Promise.all([
      backend.call('session.lock', { reason: 'signOut' }),
      backend.call('auth.signIn', { username: 'coco', password: temporaryPassword }),
      // Sent in the session that ended: it ends with it, and never runs as the next person.
      backend.call('users.create', {
        displayName: 'Fictional Late Call',
        username: 'late.call',
        role: 'caseworker',
        shelterScope: [],
        temporaryPassword: 'Temp-late-call-Pass-93',
      }),
    ]);
    expect(signedOut.ok).toBe(true);
    expect(signedIn.ok).toBe(true);
    expect(lateCall).toMatchObject({ ok: false, error: { code: 'LOCKED' } });

    const status = await ok(backend, 'app.status', {});
    expect(status.state).toBe('unlocked');
    expect(status.session?.username).toBe('coco');
    expect(backend.threadId()).not.toBe(sessionThread);
    expect(locks).toEqual(['signOut']);
  }, 240_000);

  it('still locks the new session when the computer locks after the sign-in was sent', async () => {
    const { backend, temporaryPassword, locks } = await signedInHost();
    const [, signedIn] = await Promise.all([
      backend.call('session.lock', { reason: 'signOut' }),
      backend.call('auth.signIn', { username: 'coco', password: temporaryPassword }),
      backend.lock('system'),
    ]);
    expect(signedIn.ok).toBe(true);
    expect((await ok(backend, 'app.status', {})).state).toBe('locked');
    expect(locks).toEqual(['signOut', 'system']);
  }, 240_000);
});

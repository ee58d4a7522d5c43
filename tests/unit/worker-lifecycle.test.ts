// At every lock the backend worker is ended and a fresh one started: a scan of the backend's
// memory after the lock finds neither the data key nor what was typed before it.
import { afterAll, describe, expect, it } from 'vitest';
import { startBackendWorker, type HostedBackend } from '../../electron/host/backend-host';
import { unwrapWithRecoveryKey } from '../../electron/backend/vault/vault';
import { addUser, ADMIN, FAST_KDF, ok, signIn, tempFolder } from './helpers';

const CANARY_NAME = 'Quokkafinch Zebrawren';
const CANARY_INTAKE = 'canary-intake-Marmosetquill-story';

let host: HostedBackend | null = null;
afterAll(async () => {
  await host?.close();
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
    await ok(host, 'intake.record', { childId: child.id, account: CANARY_INTAKE });
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

// Runs the backend bundle the packaged app ships (dist/electron/backend-worker.cjs), not the
// TypeScript sources, in a worker thread on a real vault: proves that esbuild's CommonJS output
// loads SQLCipher's native code and the ESM-only `conf`, and that the worker protocol holds.
// The Electron binary cannot run here; this is the part of the shell's startup that can.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BackendApi } from '../../electron/backend/api';
import { startBackendWorker } from '../../electron/host/backend-host';
import { buildElectron, OUT_DIR } from '../../electron/tools/build-electron';
import { ADMIN, FAST_KDF, fails, ok } from '../unit/support';

describe('the bundled backend worker', () => {
  let folder: string;
  let backend: BackendApi;

  beforeAll(async () => {
    await buildElectron();
    folder = await mkdtemp(path.join(os.tmpdir(), 'aruga-bundle-'));
    backend = await startBackendWorker(
      { dataFolder: folder, kdf: FAST_KDF },
      path.join(OUT_DIR, 'backend-worker.cjs'),
    );
  }, 120_000);

  afterAll(async () => {
    await backend?.close();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  it('sets up a vault, locks, and signs in again', async () => {
    expect((await ok(backend, 'app.status', {})).state).toBe('setup');
    const { session } = await ok(backend, 'vault.create', {
      adminDisplayName: ADMIN.displayName,
      adminUsername: ADMIN.username,
      adminPassword: ADMIN.password,
      timeZone: 'Asia/Manila',
    });
    expect(session.role).toBe('admin');
    expect((await ok(backend, 'users.list', {})).map((u) => u.username)).toEqual([ADMIN.username]);

    await ok(backend, 'session.lock', { reason: 'manual' });
    expect((await fails(backend, 'users.list', {})).code).toBe('LOCKED');
    await ok(backend, 'auth.signIn', { username: ADMIN.username, password: ADMIN.password });
    expect((await ok(backend, 'app.status', {})).state).toBe('unlocked');
  });

  it('writes the vault files, with the device id in preferences', () => {
    for (const file of ['aruga.db', 'keyring.json', 'preferences.json']) {
      expect(existsSync(path.join(folder, file)), file).toBe(true);
    }
    const preferences = JSON.parse(readFileSync(path.join(folder, 'preferences.json'), 'utf8'));
    expect(preferences.deviceId).toMatch(/^[0-9a-f-]{36}$/);
  });
});

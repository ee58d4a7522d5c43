// The backend worker as the shell and the harness run it: plain reads are answered by its
// read-only twin, so they do not queue behind a long call on the main backend thread.
import { afterAll, describe, expect, it } from 'vitest';
import type { BackendApi } from '../../electron/backend/api';
import { readGoesToTwin, startBackendWorker } from '../../electron/host/backend-host';
import { childInput, ADMIN, fails, ok, signIn, tempFolder } from './support';

/** Costly enough that a password change keeps the main backend busy for a noticeable time. */
const SLOW_KDF = { alg: 'scrypt', params: { N: 2 ** 14, r: 8, p: 1 } } as const;

const hosts: BackendApi[] = [];
afterAll(async () => {
  await Promise.all(hosts.splice(0).map((h) => h.close()));
});

async function workerVault(): Promise<BackendApi> {
  const backend = await startBackendWorker({ dataFolder: tempFolder(), kdf: SLOW_KDF });
  hosts.push(backend);
  await ok(backend, 'vault.create', {
    adminDisplayName: ADMIN.displayName,
    adminUsername: ADMIN.username,
    adminPassword: ADMIN.password,
    timeZone: 'Asia/Manila',
  });
  return backend;
}

describe('reads beside a long call', () => {
  it('answers a read while the main backend is still busy with a slow call', async () => {
    const backend = await workerVault();
    await ok(backend, 'users.list', {}); // the twin has opened its connection
    const order: string[] = [];
    const slow = ok(backend, 'account.changePassword', {
      currentPassword: ADMIN.password,
      newPassword: 'Another-Kalamansi-Ferry-77',
    }).then(() => order.push('password changed'));
    const read = ok(backend, 'users.list', {}).then((users) => {
      order.push('users listed');
      return users;
    });
    expect((await read).map((u) => u.username)).toEqual([ADMIN.username]);
    await slow;
    expect(order).toEqual(['users listed', 'password changed']);
  });

  it('sends a read to the main backend only while the twin is busy and the main backend is not', () => {
    expect(readGoesToTwin(0, 0)).toBe(true);
    expect(readGoesToTwin(0, 3)).toBe(true);
    expect(readGoesToTwin(1, 0)).toBe(false);
    expect(readGoesToTwin(2, 1)).toBe(true);
  });

  it("answers a screen's many reads at once, shared between the twin and the main backend", async () => {
    const backend = await workerVault();
    await ok(backend, 'users.list', {});
    const answers = await Promise.all([
      ok(backend, 'users.list', {}),
      ok(backend, 'settings.get', {}),
      ok(backend, 'users.list', {}),
      ok(backend, 'shelters.names', {}),
      ok(backend, 'settings.get', {}),
      ok(backend, 'users.list', {}),
    ]);
    expect(answers.map((a) => (Array.isArray(a) ? a.length : a.timeZone))).toEqual([
      1,
      'Asia/Manila',
      1,
      0,
      'Asia/Manila',
      1,
    ]);
  });

  it('answers nothing once locked, and reads again after the next sign-in and a key rotation', async () => {
    const backend = await workerVault();
    expect((await ok(backend, 'settings.get', {})).timeZone).toBe('Asia/Manila');
    await ok(backend, 'session.lock', { reason: 'manual' });
    expect((await fails(backend, 'settings.get', {})).code).toBe('LOCKED');
    expect((await fails(backend, 'users.list', {})).code).toBe('LOCKED');
    await ok(backend, 'auth.signIn', { username: ADMIN.username, password: ADMIN.password });
    await ok(backend, 'vault.rotateKey', {});
    expect((await ok(backend, 'users.list', {})).map((u) => u.username)).toEqual([ADMIN.username]);
  });

  it('leaves refusals to the main backend, which audits them', async () => {
    const backend = await workerVault();
    expect((await fails(backend, 'beds.occupancy', { asOf: '2026-01-01' })).code).toBe('FORBIDDEN');
    expect((await fails(backend, 'audit.list', { limit: 'many' })).code).toBe('VALIDATION');
    const { entries } = await ok(backend, 'audit.list', { limit: 10 });
    expect(entries.some((e) => e.action === 'beds.occupancy' && e.outcome === 'denied')).toBe(true);
  });

  it('keeps a caseworker inside their shelters, as the main backend does', async () => {
    const backend = await workerVault();
    const newStaff = async (
      username: string,
      role: 'coordinator' | 'caseworker',
      scope: string[],
    ) => {
      await ok(backend, 'users.create', {
        displayName: `Fictional ${username}`,
        username,
        role,
        shelterScope: scope,
        temporaryPassword: 'Temporary-Kite-Reef-90',
      });
      await ok(backend, 'session.lock', { reason: 'manual' });
      await signIn(backend, username, 'Temporary-Kite-Reef-90');
      await ok(backend, 'account.changePassword', {
        currentPassword: 'Temporary-Kite-Reef-90',
        newPassword: `Final-${username}-Harbor-62`,
      });
    };
    await newStaff('coord.twin', 'coordinator', []);
    const shelter = (name: string) =>
      ok(backend, 'shelters.save', {
        name,
        type: 'ngo_shelter',
        address: `${name} street`,
        sexRule: 'any',
        minAge: 0,
        maxAge: 25,
        capacity: 20,
      });
    const cebu = await shelter('Fictional Home Cebu');
    await shelter('Fictional Home Iloilo');
    const child = await ok(backend, 'children.register', childInput());
    await ok(backend, 'session.lock', { reason: 'manual' });
    await signIn(backend, ADMIN.username, ADMIN.password);
    await newStaff('cw.twin', 'caseworker', ['Fictional Home Iloilo']);

    expect((await fails(backend, 'children.timeline', { id: child.id })).code).toBe('NOT_FOUND');
    const agenda = await fails(backend, 'dashboard.agenda', {
      section: 'overdue',
      shelterId: cebu.id,
    });
    expect(agenda.code).toBe('NOT_FOUND');
    expect((await ok(backend, 'dashboard.agenda', { section: 'overdue' })).total).toBe(0);
  });
});

// The back-off through sign-in: a good sign-in resets it, and each failure reaches the audit log
// once. Only the clock is faked, so the waits pass at once and the vault's own timers still run.
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { ADMIN, addUser, fails, newVault, ok, signIn } from './support';

describe('a good sign-in resets the back-off', () => {
  it('fail once, sign in, lock: the next failure waits 1 s; the failure is audited once over two sign-ins', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    onTestFinished(() => {
      vi.useRealTimers();
    });
    const { backend } = await newVault();
    const { temporaryPassword } = await addUser(backend, 'carla.fictional', 'caseworker');
    await ok(backend, 'session.lock', { reason: 'manual' });
    const first = await fails(backend, 'auth.signIn', {
      username: 'carla.fictional',
      password: 'not-her-password-1',
    });
    expect(first).toMatchObject({ code: 'BAD_CREDENTIALS', retryAfterSeconds: 1 });
    vi.setSystemTime(Date.now() + 1000);
    await signIn(backend, 'carla.fictional', temporaryPassword);
    await ok(backend, 'session.lock', { reason: 'manual' });
    const second = await fails(backend, 'auth.signIn', {
      username: 'carla.fictional',
      password: 'not-her-password-2',
    });
    expect(second).toMatchObject({ code: 'BAD_CREDENTIALS', retryAfterSeconds: 1 });
    vi.setSystemTime(Date.now() + 1000);
    await signIn(backend, ADMIN.username, ADMIN.password);
    await ok(backend, 'session.lock', { reason: 'manual' });
    vi.setSystemTime(Date.now() + 10);
    await signIn(backend, ADMIN.username, ADMIN.password);
    const { entries } = await ok(backend, 'audit.list', {
      action: 'auth.signInFailed',
      limit: 50,
    });
    // Two failures, each audited once, at the time it happened.
    expect(entries).toHaveLength(2);
    expect(new Set(entries.map((e) => e.at)).size).toBe(2);
  });
});

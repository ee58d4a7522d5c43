// A worker the host ends at its lock (worker.ts): a call that reaches the queue after the lock is
// answered LOCKED here if it needed the session that ended, and handed on, unrun, if it needs
// none; a sign-in run here would open a session in a worker that is about to stop.
import { describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/runtime/router';
import { ADMIN, newVault } from './support';

const credentials = { username: ADMIN.username, password: ADMIN.password };

/** A vault's backend as the worker sees it: ended from the moment it locks. */
async function endingWorker() {
  const { backend } = await newVault();
  const worker = backend as Backend;
  let ended = false;
  worker.onEvent((event) => {
    if (event.type === 'locked') ended = true;
  });
  return { worker, hasEnded: () => ended };
}

describe('a call that comes to a worker whose session has ended', () => {
  it('runs here while the session lasts, a public call as any other', async () => {
    const { worker, hasEnded } = await endingWorker();
    expect(await worker.callUnlessEnded(hasEnded, 'app.status', {})).toMatchObject({
      ok: true,
      value: { state: 'unlocked' },
    });
    expect(await worker.callUnlessEnded(hasEnded, 'auth.signIn', credentials)).toMatchObject({
      ok: true,
    });
    expect(await worker.callUnlessEnded(hasEnded, 'settings.get', {})).toMatchObject({ ok: true });
  });

  it('is handed on unrun if it needs no session, answered LOCKED here if it needed the one that ended', async () => {
    const { worker, hasEnded } = await endingWorker();
    // Queued behind the lock: the worker has not ended yet when the sign-in is made.
    const locking = worker.lock('manual');
    const signIn = worker.callUnlessEnded(hasEnded, 'auth.signIn', credentials);
    expect(hasEnded()).toBe(false);
    await locking;
    expect(await signIn).toBe('handOn');
    expect(await worker.callUnlessEnded(hasEnded, 'app.status', {})).toBe('handOn');
    expect(await worker.callUnlessEnded(hasEnded, 'settings.get', {})).toMatchObject({
      ok: false,
      error: { code: 'LOCKED' },
    });
    // No session was opened by the sign-in handed on.
    expect(await worker.call('app.status', {})).toMatchObject({
      ok: true,
      value: { state: 'locked' },
    });
    // A name no procedure has is answered here, as the router answers it anywhere.
    expect(await worker.callUnlessEnded(hasEnded, 'no.such.procedure', {})).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });
});
